//! Ordering without the standard library's sort. Its stable sort is generated anew for every
//! element type, about 2 KB of wasm each, and `collect()` into a `BTreeMap` or `BTreeSet` sorts
//! first. Here maps and sets are built by inserting (the same order; the last of equal keys is
//! kept, as `collect()` keeps it), and short lists are put in order by insertion.

use std::cmp::Ordering;
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
    use super::*;

    #[test]
    fn they_hold_what_collect_holds_the_last_of_equal_keys_kept() {
        let entries = [(3, "c"), (1, "a"), (3, "z"), (2, "b")];
        assert_eq!(map_of(entries), entries.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(map_of(entries).get(&3), Some(&"z"));
        assert_eq!(set_of([3, 1, 3, 2]), [3, 1, 3, 2].into_iter().collect::<BTreeSet<_>>());
    }

    #[test]
    fn a_short_sort_orders_and_keeps_equal_keys_in_their_order() {
        let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_short_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
    }

    proptest::proptest! {
        #[test]
        fn a_short_sort_is_std_s_stable_sort(mut items in proptest::collection::vec((0u8..4, 0u8..255), 0..40)) {
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            sort_short_by(&mut items, |a, b| a.0.cmp(&b.0));
            proptest::prop_assert_eq!(items, expected);
        }
    }
}
