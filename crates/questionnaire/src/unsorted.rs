//! Ordering without the standard library's sort or B-trees. Its stable sort is generated anew
//! for every element type, about 2 KB of wasm each, and `collect()` into a `BTreeMap` or
//! `BTreeSet` sorts first; a B-tree's insert and remove are another 3 KB for each key and value
//! type. The app's maps and sets hold a few dozen entries at most, so here they are sorted
//! vectors (`LiteMap`, made for small code) built by inserting: the same order, and the last of
//! equal keys kept, as `collect()` keeps it. Short lists are put in order by insertion.

use std::cmp::Ordering;

/// Re-exported so the app names the maps this crate returns without a dependency of its own.
pub use litemap::LiteMap;

/// `entries.collect::<BTreeMap<_, _>>()`, as a `LiteMap`, without a sort.
pub fn map_of<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> LiteMap<K, V> {
    let mut map = LiteMap::new();
    for (key, value) in entries {
        map.insert(key, value);
    }
    map
}

/// `items.collect::<BTreeSet<_>>()`, as a sorted vector without duplicates, without a sort.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut set = Vec::new();
    for item in items {
        if let Err(at) = set.binary_search(&item) {
            set.insert(at, item);
        }
    }
    set
}

/// `items.sort_by(compare)`, stable as it is, by insertion. Quadratic: for the handful of
/// findings, conflicts and ticked options the app orders, not for lists a partner can lengthen.
pub fn sort_short_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for unsorted in 1..items.len() {
        let mut at = unsorted;
        while at > 0 && compare(&items[at], &items[at - 1]) == Ordering::Less {
            items.swap(at, at - 1);
            at -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    #[test]
    fn they_hold_what_collect_holds_the_last_of_equal_keys_kept() {
        let entries = [(3, "c"), (1, "a"), (3, "z"), (2, "b")];
        let expected: Vec<_> = entries.into_iter().collect::<BTreeMap<_, _>>().into_iter().collect();
        assert_eq!(map_of(entries).into_tuple_vec(), expected);
        assert_eq!(map_of(entries).get(&3), Some(&"z"));
        assert_eq!(set_of([3, 1, 3, 2]), Vec::from_iter([3, 1, 3, 2].into_iter().collect::<BTreeSet<_>>()));
    }

    #[test]
    fn a_short_sort_orders_and_keeps_equal_keys_in_their_order() {
        let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_short_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
    }

    proptest::proptest! {
        #[test]
        fn maps_and_sets_hold_what_collect_holds(entries in proptest::collection::vec((0u8..8, 0u8..255), 0..40)) {
            let expected: Vec<_> = entries.iter().copied().collect::<BTreeMap<_, _>>().into_iter().collect();
            proptest::prop_assert_eq!(map_of(entries.iter().copied()).into_tuple_vec(), expected);
            let keys: Vec<_> = entries.iter().map(|entry| entry.0).collect::<BTreeSet<_>>().into_iter().collect();
            proptest::prop_assert_eq!(set_of(entries.iter().map(|entry| entry.0)), keys);
        }

        #[test]
        fn a_short_sort_is_std_s_stable_sort(mut items in proptest::collection::vec((0u8..4, 0u8..255), 0..40)) {
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            sort_short_by(&mut items, |a, b| a.0.cmp(&b.0));
            proptest::prop_assert_eq!(items, expected);
        }
    }
}
