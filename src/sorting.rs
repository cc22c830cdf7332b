//! One stable sort for every list the crate sorts: the lab reader's names, dates and results,
//! the import's fields, the trend's points.
//!
//! Why not `slice::sort`: the standard library compiles its whole driftsort again for each
//! element type and key, 2 to 17 KB of wasm each. The crate's 14 sorts were 40 KB of the
//! wasm's 677 KB of code (`make bench`, module shares). Here the sorting is compiled once, on
//! indices, behind a `dyn` comparison; only [`sort_by`]'s short reordering is generic.
//! Comparisons: O(n log n), as the standard library's; a list is read once more to reorder it.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably: elements that compare equal keep their order.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = stable_order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// Sorts `v` by a key, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// Sorts `v` and drops repeated elements.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort(v);
    v.dedup();
}

/// The order of `0..n` that sorts by `cmp` on indices, stably (bottom-up merge sort).
fn stable_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Only a strictly smaller right element goes first: equal ones keep their order.
                if cmp(from[j], from[i]) == Ordering::Less {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + (mid - i)].copy_from_slice(&from[i..mid]);
            k += mid - i;
            to[k..end].copy_from_slice(&from[j..end]);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

// Native only: proptest does not build for wasm32 (TOOLCHAIN.md).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut w = vec![3, 1, 3, 2, 1];
        sort_dedup(&mut w);
        assert_eq!(w, [1, 2, 3]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    proptest! {
        /// The same result as the standard library's stable sort, for any list and key.
        #[test]
        fn matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
