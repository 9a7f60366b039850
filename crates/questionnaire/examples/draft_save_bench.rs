//! How long saving the draft takes for a fully filled questionnaire with 100 third parties:
//! the part of a save that is ours (building and serialising the draft), natively.
//! The in-page figure (wasm serialise + localStorage.setItem in Chromium) is printed by
//! `cargo run -p e2e --example draft_save_in_page` after `trunk build --release`.
//!
//!     cargo run --release -p questionnaire --example draft_save_bench [third_parties] [rounds]

use std::hint::black_box;
use std::time::{Duration, Instant};

use questionnaire::draft::{export_json, Draft};
use questionnaire::sample::complete;

fn main() {
    let mut args = std::env::args().skip(1).map(|arg| arg.parse::<usize>().expect("numbers"));
    let third_parties = args.next().unwrap_or(100);
    let rounds = args.next().unwrap_or(2_000);
    let answers = complete(third_parties);
    let draft = Draft::new("com.example.app", answers.clone(), 1_700_000_000_000.0);
    let json = draft.to_json();
    println!(
        "complete questionnaire (sample::complete), {third_parties} third parties: draft JSON {} bytes",
        json.len()
    );

    report("save (build the draft + to_json)", rounds, || {
        Draft::new("com.example.app", black_box(&answers).clone(), 1_700_000_000_000.0).to_json()
    });
    report("restore (Draft::parse)", rounds, || Draft::parse(black_box(&json)).unwrap());
    report("export (export_json, with the API payload)", rounds, || export_json(black_box(&draft)));
}

fn report<T>(what: &str, rounds: usize, mut run: impl FnMut() -> T) {
    for _ in 0..rounds / 10 {
        black_box(run());
    }
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let started = Instant::now();
            black_box(run());
            started.elapsed()
        })
        .collect();
    times.sort();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{what}: median {:.1} µs, p95 {:.1} µs, max {:.1} µs over {rounds} rounds",
        micros(times[rounds / 2]),
        micros(times[rounds * 95 / 100]),
        micros(times[rounds - 1])
    );
}
