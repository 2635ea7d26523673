//! Vectorised `exp` over vocabulary-wide rows of logits.
//!
//! Why: every completion position of a GRPO update walks a 49,152-wide row of logits
//! three to five times (log-sum-exp for the reference and the policy, the gradient, the
//! entropy), and `f32::exp` is a call into libm per element that the compiler cannot
//! vectorise: `perf` put `expf` and `exp` at about 6% of a training step. The loops here
//! use a polynomial `exp` written in plain arithmetic over 16-lane blocks, compiled for
//! the best instruction set the CPU offers at run time (`pulp` dispatch: AVX-512, AVX2 +
//! FMA, or plain code elsewhere) through [`dispatch`].
//!
//! Accuracy: within 2 ulp of `f32::exp` for arguments from -87 to 88 (tested on a
//! grid of the negative range and spot values above 0); arguments below -87.3 give 0, as
//! `exp` rounds them to subnormals or zero; above 88 the result stays at `exp(88)`. The
//! f32 kernels of [`crate::fused`] and [`crate::train_ops`] use the same function. Sums
//! are accumulated in 16 lanes, so their rounding differs slightly from a left-to-right
//! sum.

const LANES: usize = 16;

/// Runs `f` compiled for the best instruction set this CPU offers (`pulp` dispatch).
///
/// `f` must carry `#[inline(always)]`, and it is called as `FnMut`: the vector code exists
/// only if `f`'s body is inlined into each instruction-set variant. pulp's own closure
/// path calls through `FnOnce`, which for a closure that is `Fn` or `FnMut` goes through
/// a compiler shim without the attribute; LLVM left large bodies (the attention kernel)
/// outside, as baseline 4-lane SSE code.
#[inline(always)]
pub(crate) fn dispatch<R>(f: impl FnMut() -> R) -> R {
    struct Inlined<F>(F);
    impl<R, F: FnMut() -> R> pulp::WithSimd for Inlined<F> {
        type Output = R;
        #[inline(always)]
        fn with_simd<S: pulp::Simd>(mut self, _simd: S) -> R {
            (self.0)()
        }
    }
    pulp::Arch::new().dispatch(Inlined(f))
}

/// `exp(x)` for `x <= 88` from Cody-Waite range reduction and a degree-6 polynomial
/// (the Cephes coefficients); written without calls or branches so that it vectorises.
#[inline(always)]
pub(crate) fn exp_poly(x: f32) -> f32 {
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    // ln 2 split in two so that n * LN2_HI is exact.
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    // Adding 1.5 * 2^23 rounds to the nearest integer in the low mantissa bits.
    const ROUND: f32 = 12_582_912.0;
    // Written as a comparison, not `min`, so that NaN stays NaN.
    let xc = if x > 88.0 { 88.0 } else { x };
    let t = xc * LOG2E + ROUND;
    let n = t - ROUND;
    let r = xc - n * LN2_HI - n * LN2_LO;
    let mut p = 1.987_569_1e-4_f32;
    p = p * r + 1.398_199_9e-3;
    p = p * r + 8.333_452e-3;
    p = p * r + 4.166_579_6e-2;
    p = p * r + 1.666_666_5e-1;
    p = p * r + 0.5;
    let e = p * r * r + r + 1.0;
    // 2^n from the rounded integer's bits (n is in [-126, 127] once x >= -87.3).
    let bits = t.to_bits().wrapping_sub(ROUND.to_bits());
    let pow2n = f32::from_bits((bits.wrapping_add(127) << 23) & 0x7f80_0000);
    let y = e * pow2n;
    if x < -87.3 { 0.0 } else { y }
}

/// The largest value of a row (`-inf` for an empty row).
pub(crate) fn max(row: &[f32]) -> f32 {
    dispatch(
        #[inline(always)]
        || {
            let mut acc = [f32::NEG_INFINITY; LANES];
            let blocks = row.chunks_exact(LANES);
            let rest = blocks.remainder();
            for block in blocks {
                for (a, &x) in acc.iter_mut().zip(block) {
                    *a = a.max(x);
                }
            }
            let m = acc.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            rest.iter().copied().fold(m, f32::max)
        },
    )
}

/// `sum(exp(x - shift))` over a row.
pub(crate) fn sum_exp(row: &[f32], shift: f32) -> f32 {
    dispatch(
        #[inline(always)]
        || {
            let mut acc = [0.0f32; LANES];
            let blocks = row.chunks_exact(LANES);
            let rest = blocks.remainder();
            for block in blocks {
                for (a, &x) in acc.iter_mut().zip(block) {
                    *a += exp_poly(x - shift);
                }
            }
            acc.iter().sum::<f32>() + rest.iter().map(|&x| exp_poly(x - shift)).sum::<f32>()
        },
    )
}

/// `(sum(exp(x - shift)), sum(exp(x - shift) * x))` over a row, for entropies.
pub(crate) fn sum_exp_and_weighted(row: &[f32], shift: f32) -> (f32, f32) {
    dispatch(
        #[inline(always)]
        || {
            let mut acc = [0.0f32; LANES];
            let mut wacc = [0.0f32; LANES];
            let blocks = row.chunks_exact(LANES);
            let rest = blocks.remainder();
            for block in blocks {
                for ((a, w), &x) in acc.iter_mut().zip(wacc.iter_mut()).zip(block) {
                    let e = exp_poly(x - shift);
                    *a += e;
                    *w += e * x;
                }
            }
            let (mut s, mut ws) = (acc.iter().sum::<f32>(), wacc.iter().sum::<f32>());
            for &x in rest {
                let e = exp_poly(x - shift);
                s += e;
                ws += e * x;
            }
            (s, ws)
        },
    )
}

/// `out[i] = scale * exp(row[i] - shift)`.
pub(crate) fn scaled_exp_into(out: &mut [f32], row: &[f32], shift: f32, scale: f32) {
    dispatch(
        #[inline(always)]
        || {
            for (o, &x) in out.iter_mut().zip(row) {
                *o = scale * exp_poly(x - shift);
            }
        },
    )
}

/// `xs[i] = exp(xs[i] - shift)`, returning the sum of the results.
pub(crate) fn exp_in_place(xs: &mut [f32], shift: f32) -> f32 {
    dispatch(
        #[inline(always)]
        || {
            let mut acc = [0.0f32; LANES];
            let mut blocks = xs.chunks_exact_mut(LANES);
            for block in &mut blocks {
                for (a, x) in acc.iter_mut().zip(block.iter_mut()) {
                    *x = exp_poly(*x - shift);
                    *a += *x;
                }
            }
            let mut sum = acc.iter().sum::<f32>();
            for x in blocks.into_remainder() {
                *x = exp_poly(*x - shift);
                sum += *x;
            }
            sum
        },
    )
}

/// `log(sum(exp(x)))` of a row, shifted by its maximum for stability.
pub(crate) fn log_sum_exp(row: &[f32]) -> f32 {
    let m = max(row);
    if m == f32::NEG_INFINITY {
        return m;
    }
    m + sum_exp(row, m).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ulps(a: f32, b: f32) -> u32 {
        (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs() as u32
    }

    #[test]
    fn exp_poly_is_within_two_ulp_of_libm_on_the_negative_range() {
        let mut worst = 0;
        let mut x = -87.0f32;
        while x <= 0.0 {
            worst = worst.max(ulps(exp_poly(x), x.exp()));
            x += 0.000_37;
        }
        for x in [0.0f32, -1e-8, -0.5, -1.0, -10.0, -80.0, 1.0, 10.0, 80.0] {
            worst = worst.max(ulps(exp_poly(x), x.exp()));
        }
        assert!(worst <= 2, "worst error {worst} ulp");
    }

    #[test]
    fn exp_poly_underflows_to_zero_and_keeps_nan() {
        assert_eq!(exp_poly(-100.0), 0.0);
        assert_eq!(exp_poly(f32::NEG_INFINITY), 0.0);
        assert!(exp_poly(f32::NAN).is_nan());
    }

    #[test]
    fn row_helpers_match_scalar_loops() {
        // 1000 is not a multiple of the lane count, so the remainder path runs too.
        let row: Vec<f32> = (0..1000)
            .map(|i| ((i * 37) % 101) as f32 * 0.17 - 9.0)
            .collect();
        let m = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        assert_eq!(max(&row), m);
        let s: f64 = row.iter().map(|&x| f64::from(x - m).exp()).sum();
        let ws: f64 = row
            .iter()
            .map(|&x| f64::from(x - m).exp() * f64::from(x))
            .sum();
        assert!((f64::from(sum_exp(&row, m)) - s).abs() < 1e-5 * s);
        let (s2, ws2) = sum_exp_and_weighted(&row, m);
        assert!((f64::from(s2) - s).abs() < 1e-5 * s);
        assert!((f64::from(ws2) - ws).abs() < 1e-5 * ws.abs());
        assert!((f64::from(log_sum_exp(&row)) - (f64::from(m) + s.ln())).abs() < 1e-5);
        let mut out = vec![0.0; row.len()];
        scaled_exp_into(&mut out, &row, m, -2.0);
        for (&o, &x) in out.iter().zip(&row) {
            let want = -2.0 * (x - m).exp();
            assert!(ulps(o, want) <= 3, "{o} vs {want}");
        }
        assert_eq!(log_sum_exp(&[]), f32::NEG_INFINITY);
        let mut inplace = row.clone();
        let total = exp_in_place(&mut inplace, m);
        assert!((f64::from(total) - s).abs() < 1e-5 * s);
        for (&e, &x) in inplace.iter().zip(&row) {
            assert!(ulps(e, (x - m).exp()) <= 2);
        }
    }
}
