//! Ordered maps and sets built by inserting, not by `collect()`. `BTreeMap::from_iter` (what
//! `collect()` calls) first sorts the entries with the standard library's stable sort, whose
//! code is generated anew for every entry type, in the wasm too. Inserting one by one orders
//! them the same, and keeps the last of equal keys as `collect()` does.

use std::collections::{BTreeMap, BTreeSet};

/// `entries.collect::<BTreeMap<_, _>>()`, without a sort.
pub fn map_of<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(entries);
    map
}

/// `items.collect::<BTreeSet<_>>()`, without a sort.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn they_hold_what_collect_holds_the_last_of_equal_keys_kept() {
        let entries = [(3, "c"), (1, "a"), (3, "z"), (2, "b")];
        assert_eq!(map_of(entries), entries.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(map_of(entries).get(&3), Some(&"z"));
        assert_eq!(set_of([3, 1, 3, 2]), [3, 1, 3, 2].into_iter().collect::<BTreeSet<_>>());
    }
}
