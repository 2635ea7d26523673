//! Parallel loops on candle's own worker threads.
//!
//! candle runs its element-wise ops and quantized products on a barrier pool whose
//! workers spin for a while after each op before they sleep. A kernel of ours run on
//! rayon's pool meanwhile has rayon's threads compete with those spinning workers for
//! the same cores (on 2 cores: three busy threads). Running our loops on the barrier
//! pool keeps one set of threads busy.

use std::sync::{Mutex, PoisonError};

use candle_core::utils::barrier_pool;

/// Calls `f(index, chunk)` for each `chunk`-long piece of `out` (the last may be
/// shorter), spread over candle's worker threads and the calling thread.
pub(crate) fn for_each_chunk_mut<T, F>(out: &mut [T], chunk: usize, f: F)
where
    T: Send,
    F: Fn(usize, &mut [T]) + Sync,
{
    // One uncontended lock per piece hands each piece to the one thread that takes its
    // index: safe code, and cheap next to the work of a piece.
    let pieces: Vec<Mutex<&mut [T]>> = out.chunks_mut(chunk.max(1)).map(Mutex::new).collect();
    barrier_pool().execute_chunked(pieces.len(), |range| {
        for index in range {
            let mut piece = pieces[index].lock().unwrap_or_else(PoisonError::into_inner);
            f(index, &mut piece);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chunk_is_visited_once_with_its_index() {
        let mut out = vec![0f32; 103];
        for_each_chunk_mut(&mut out, 10, |index, piece| {
            for x in piece.iter_mut() {
                *x += index as f32 + 1.0;
            }
        });
        for (i, &x) in out.iter().enumerate() {
            assert_eq!(x, (i / 10) as f32 + 1.0);
        }
        let mut empty: Vec<f32> = Vec::new();
        for_each_chunk_mut(&mut empty, 4, |_, _| panic!("no chunks"));
    }
}
