//! Float matrix products on candle's worker threads.
//!
//! Why not candle's CPU matmul: it calls `gemm` with rayon parallelism, while candle's
//! element-wise ops (and our kernels, see [`crate::pool`]) run on its barrier pool, whose
//! workers spin for a while after every op. During each product rayon's threads then
//! compete with a spinning worker for the cores (perf on the LoRA update, 2 cores: the
//! worker spinning in ~10% of samples, thread wake-ups another ~5%). Here every thread of
//! the barrier pool runs `gemm` single-threaded on its own band of output rows, so one set
//! of threads does all the work. The output is not zero-filled first either: `gemm`
//! overwrites every element (the zero fill was ~5% of the update's samples).
//!
//! Each output element is summed in the same order whatever the band it falls in (`gemm`
//! blocks the inner dimension by its length alone), so results do not depend on the
//! number of threads.

// `gemm` takes raw pointers; the bounds it relies on are checked in `MatRef::new` and in
// `matmul` before the one call below.
#![allow(unsafe_code)]

use std::mem::MaybeUninit;

use candle_core::{DType, Result, WithDType};
use gemm::Parallelism;

use crate::pool::for_each_chunk_mut;

/// A read-only view of a `rows x cols` matrix whose element `(r, c)` is
/// `data[r * row_stride + c * col_stride]`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MatRef<'a, T> {
    data: &'a [T],
    rows: usize,
    cols: usize,
    row_stride: usize,
    col_stride: usize,
}

impl<'a, T> MatRef<'a, T> {
    /// A view of `data`, checked to hold every element the strides reach.
    pub(crate) fn new(
        data: &'a [T],
        (rows, cols): (usize, usize),
        (row_stride, col_stride): (usize, usize),
    ) -> Result<Self> {
        if rows > 0 && cols > 0 {
            let last = (rows - 1)
                .checked_mul(row_stride)
                .zip((cols - 1).checked_mul(col_stride))
                .and_then(|(a, b)| a.checked_add(b));
            let fits_isize = row_stride <= isize::MAX as usize && col_stride <= isize::MAX as usize;
            if !fits_isize || !matches!(last, Some(last) if last < data.len()) {
                candle_core::bail!(
                    "matmul: a ({rows}, {cols}) view with strides ({row_stride}, {col_stride}) \
                     does not fit in {} elements",
                    data.len()
                );
            }
        }
        Ok(Self {
            data,
            rows,
            cols,
            row_stride,
            col_stride,
        })
    }

    /// A row-major `(rows, cols)` matrix.
    pub(crate) fn row_major(data: &'a [T], rows: usize, cols: usize) -> Result<Self> {
        Self::new(data, (rows, cols), (cols, 1))
    }
}

/// Output rows per piece of work: small enough that the pool's threads share the rows
/// evenly, large enough that each `gemm` call amortises packing its other operand.
fn rows_per_piece(rows: usize) -> usize {
    let threads = candle_core::utils::get_num_threads().max(1);
    rows.div_ceil(2 * threads).max(16)
}

/// `lhs @ rhs` as a new row-major `(lhs.rows, rhs.cols)` buffer, for `f32` and `f64`.
pub(crate) fn matmul<T: WithDType>(lhs: MatRef<'_, T>, rhs: MatRef<'_, T>) -> Result<Vec<T>> {
    if !matches!(T::DTYPE, DType::F32 | DType::F64) {
        candle_core::bail!("matmul: {:?} is not supported", T::DTYPE);
    }
    if lhs.cols != rhs.rows {
        candle_core::bail!(
            "matmul: ({}, {}) @ ({}, {})",
            lhs.rows,
            lhs.cols,
            rhs.rows,
            rhs.cols
        );
    }
    let (m, k, n) = (lhs.rows, lhs.cols, rhs.cols);
    if k == 0 || m == 0 || n == 0 {
        return Ok(vec![T::zero(); m * n]);
    }
    let band = rows_per_piece(m);
    let mut out: Vec<T> = Vec::with_capacity(m * n);
    let spare: &mut [MaybeUninit<T>] = &mut out.spare_capacity_mut()[..m * n];
    for_each_chunk_mut(spare, band * n, |index, piece| {
        let first_row = index * band;
        let rows = piece.len() / n;
        // SAFETY: `lhs` rows `first_row..first_row + rows` and all `k` columns lie in
        // `lhs.data`, and `rhs`'s `k x n` elements in `rhs.data` (checked by `MatRef::new`,
        // `first_row + rows <= m`); `piece` holds exactly `rows * n` writable elements,
        // addressed row-major. With `read_dst = false` gemm never reads the destination and
        // writes each of its elements. T is f32 or f64 (checked above), which gemm supports.
        unsafe {
            gemm::gemm(
                rows,
                n,
                k,
                piece.as_mut_ptr().cast::<T>(),
                1,
                n as isize,
                false,
                lhs.data.as_ptr().add(first_row * lhs.row_stride),
                lhs.col_stride as isize,
                lhs.row_stride as isize,
                rhs.data.as_ptr(),
                rhs.col_stride as isize,
                rhs.row_stride as isize,
                T::zero(),
                T::one(),
                false,
                false,
                false,
                Parallelism::None,
            );
        }
    });
    // SAFETY: the loop above ran `gemm` on every piece of the first `m * n` elements and
    // each call wrote all of its piece.
    unsafe { out.set_len(m * n) };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(a: &[f64], b: &[f64], m: usize, k: usize, n: usize) -> Vec<f64> {
        let mut out = vec![0.0; m * n];
        for i in 0..m {
            for j in 0..n {
                out[i * n + j] = (0..k).map(|p| a[i * k + p] * b[p * n + j]).sum();
            }
        }
        out
    }

    #[test]
    fn products_match_the_definition_for_every_shape_and_stride() {
        for &(m, k, n) in &[(1, 1, 1), (3, 5, 2), (37, 19, 11), (130, 64, 70), (5, 0, 3)] {
            let a: Vec<f64> = (0..m * k).map(|i| ((i * 7 % 13) as f64) - 6.0).collect();
            let b: Vec<f64> = (0..k * n).map(|i| ((i * 5 % 11) as f64) * 0.5).collect();
            let expected = naive(&a, &b, m, k, n);
            let got = matmul(
                MatRef::row_major(&a, m, k).unwrap(),
                MatRef::row_major(&b, k, n).unwrap(),
            )
            .unwrap();
            assert_eq!(got, expected, "({m}, {k}) @ ({k}, {n})");
            // The same right operand stored transposed: (n, k) read with strides (1, k).
            let bt: Vec<f64> = (0..n * k).map(|i| b[(i % k) * n + i / k]).collect();
            let got = matmul(
                MatRef::row_major(&a, m, k).unwrap(),
                MatRef::new(&bt, (k, n), (1, k)).unwrap(),
            )
            .unwrap();
            assert_eq!(got, expected, "transposed rhs ({m}, {k}) @ ({k}, {n})");
        }
    }

    #[test]
    fn f32_rows_do_not_depend_on_the_rows_around_them() {
        let (m, k, n) = (200, 96, 40);
        let a: Vec<f32> = (0..m * k).map(|i| ((i * 31 % 97) as f32).sin()).collect();
        let b: Vec<f32> = (0..k * n).map(|i| ((i * 17 % 89) as f32).cos()).collect();
        let rhs = MatRef::row_major(&b, k, n).unwrap();
        let all = matmul(MatRef::row_major(&a, m, k).unwrap(), rhs).unwrap();
        let tail = matmul(MatRef::row_major(&a[150 * k..], m - 150, k).unwrap(), rhs).unwrap();
        assert_eq!(&all[150 * n..], &tail[..]);
    }

    #[test]
    fn views_that_overrun_their_data_or_shapes_that_disagree_are_errors() {
        let data = [0f32; 12];
        assert!(MatRef::new(&data, (3, 4), (4, 1)).is_ok());
        assert!(MatRef::new(&data, (3, 5), (4, 1)).is_err());
        assert!(MatRef::new(&data, (4, 4), (4, 1)).is_err());
        assert!(MatRef::new(&data, (2, 2), (usize::MAX, 1)).is_err());
        let a = MatRef::row_major(&data, 3, 4).unwrap();
        assert!(matmul(a, a).is_err());
        let ints = [0u32; 4];
        let i = MatRef::row_major(&ints, 2, 2).unwrap();
        assert!(matmul(i, i).is_err());
    }
}
