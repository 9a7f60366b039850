//! The bundle scripts/build wrote keeps to `size-budget.toml` (see `e2e::budget`).

use e2e::budget::Budget;
use e2e::{sizes, workspace_root};

#[test]
fn the_bundle_keeps_to_its_size_budget() {
    let root = workspace_root();
    let budget = Budget::read(&root.join("size-budget.toml")).unwrap_or_else(|e| panic!("{e}"));
    let pages = sizes::read(&root).unwrap_or_else(|e| panic!("{e}"));
    for (_, line) in budget.report(&pages) {
        println!("{}", line.as_ref().unwrap_or_else(|over| over));
    }
    let problems = budget.problems(&pages);
    assert!(problems.is_empty(), "the bundle is over its size budget:\n{}", problems.join("\n"));
}
