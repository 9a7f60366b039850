//! A few apps at a time: the Marketplace is asked about several apps at once, never about all
//! of them (30 apps one after another took 15 s; 30 at once would be refused as too many).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

/// How many apps are read or sent at once unless `--jobs` says otherwise.
pub const DEFAULT_JOBS: usize = 4;

/// `work` on each item, at most `jobs` at once; results in the items' order. Once `stop` is
/// set (the credentials were refused, say) items not yet started are not started: `None`.
pub fn each<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    stop: &AtomicBool,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<Option<R>> {
    let results: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, items.len().max(1)) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::SeqCst);
                if index >= items.len() || stop.load(Ordering::SeqCst) {
                    break;
                }
                let result = work(&items[index]);
                *results[index].lock().expect("no worker panics while holding it") = Some(result);
            });
        }
    });
    results.into_iter().map(|slot| slot.into_inner().expect("no worker panicked")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_in_order_and_none_after_a_stop() {
        let stop = AtomicBool::new(false);
        let doubled = each(&[1, 2, 3, 4, 5], 2, &stop, |n| n * 2);
        assert_eq!(doubled, [Some(2), Some(4), Some(6), Some(8), Some(10)]);

        let stopped = each(&[1, 2, 3], 1, &stop, |n| {
            stop.store(*n == 1, Ordering::SeqCst);
            *n
        });
        assert_eq!(stopped, [Some(1), None, None]);
    }
}
