//! Attention for inference: one fused kernel whose result for a row does not depend on
//! the rest of the batch.
//!
//! Why not matmul + mask + softmax + matmul: those reduce over every key slot of the
//! padded batch, so a row's sums are grouped differently depending on how much padding its
//! batch-mates forced on it. The differences are tiny (1e-5 in log-probs), but the Q8_0
//! decode path quantises activations, which turns a tiny difference into a different
//! rounding step now and then, and a greedy answer could change with the batch. This
//! kernel visits only a row's own keys, in order, with fixed-order dot products, so every
//! row gets the same bits alone or batched. It also skips masked keys instead of computing
//! and discarding them.

use candle_core::{CpuStorage, CustomOp3, Layout, Shape, Tensor};

/// Causal attention over left-padded rows, as [`crate::llama::padded_causal_mask`]
/// describes: a real query sees the real keys up to itself; a padding query sees only
/// itself.
#[derive(Debug, Clone)]
pub struct PaddedCausalAttention {
    /// Padding slots at the start of each row.
    pub pads: Vec<usize>,
    /// Key/value positions already cached before this pass's queries.
    pub cached: usize,
    /// Score scale (1 / sqrt(head width)).
    pub scale: f32,
}

impl PaddedCausalAttention {
    /// Attention output (B, H, T, D) for queries (B, H, T, D) over keys and values
    /// (B, KVH, S, D), S = cached + T, H a multiple of KVH.
    pub fn apply(&self, q: &Tensor, k: &Tensor, v: &Tensor) -> candle_core::Result<Tensor> {
        q.apply_op3_no_bwd(k, v, self)
    }
}

/// Dot product in vector lanes with fused multiply-adds, then a fixed reduction: the
/// result depends only on the two vectors (and on the instruction set, fixed per machine).
#[inline(always)]
fn dot<S: pulp::Simd>(simd: S, a: &[f32], b: &[f32]) -> f32 {
    let (a_lanes, a_tail) = S::as_simd_f32s(a);
    let (b_lanes, b_tail) = S::as_simd_f32s(b);
    let mut acc = simd.splat_f32s(0.0);
    for (&x, &y) in a_lanes.iter().zip(b_lanes) {
        acc = simd.mul_add_e_f32s(x, y, acc);
    }
    let tail: f32 = a_tail.iter().zip(b_tail).map(|(x, y)| x * y).sum();
    simd.reduce_sum_f32s(acc) + tail
}

/// `out += w * x` in vector lanes.
#[inline(always)]
fn add_scaled<S: pulp::Simd>(simd: S, out: &mut [f32], w: f32, x: &[f32]) {
    let (o_lanes, o_tail) = S::as_mut_simd_f32s(out);
    let (x_lanes, x_tail) = S::as_simd_f32s(x);
    let ws = simd.splat_f32s(w);
    for (o, &x) in o_lanes.iter_mut().zip(x_lanes) {
        *o = simd.mul_add_e_f32s(ws, x, *o);
    }
    for (o, &x) in o_tail.iter_mut().zip(x_tail) {
        *o += w * x;
    }
}

/// The work of one (row, key/value head): the `rep` query heads that share the key head,
/// for every query of the pass. `block` is their output, heads adjacent.
struct Unit<'a> {
    op: &'a PaddedCausalAttention,
    views: [&'a View<'a>; 3],
    row: usize,
    group: usize,
    rep: usize,
    t: usize,
    block: &'a mut [f32],
    scores: &'a mut [f32],
    sums: &'a mut [f32],
}

impl pulp::WithSimd for Unit<'_> {
    type Output = ();

    // Inlined into each instruction-set variant of `pulp::Arch::dispatch`.
    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, simd: S) {
        let Unit {
            op,
            views: [q, k, v],
            row,
            group,
            rep,
            t,
            block,
            scores,
            sums,
        } = self;
        let d = q.width;
        let s = scores.len() / rep;
        let pad = op.pads[row];
        for i in 0..t {
            let query = op.cached + i;
            let first = if query < pad { query } else { pad };
            let n = query + 1 - first;
            for (jj, j) in (first..=query).enumerate() {
                let key = k.row(row, group, j);
                for r in 0..rep {
                    let qrow = q.row(row, group * rep + r, i);
                    scores[r * s + jj] = dot(simd, qrow, key) * op.scale;
                }
            }
            for (r, sum) in sums.iter_mut().enumerate() {
                let weights = &mut scores[r * s..r * s + n];
                let max = crate::vexp::max(weights);
                *sum = crate::vexp::exp_in_place(weights, max);
            }
            for (jj, j) in (first..=query).enumerate() {
                let value = v.row(row, group, j);
                for r in 0..rep {
                    let out_row = &mut block[(r * t + i) * d..(r * t + i + 1) * d];
                    add_scaled(simd, out_row, scores[r * s + jj], value);
                }
            }
            for (r, sum) in sums.iter().enumerate() {
                let inv = 1.0 / sum;
                block[(r * t + i) * d..(r * t + i + 1) * d]
                    .iter_mut()
                    .for_each(|o| *o *= inv);
            }
        }
    }
}

/// Offsets of a 4-d strided view whose last dimension is contiguous.
struct View<'a> {
    data: &'a [f32],
    start: usize,
    stride: [usize; 3],
    width: usize,
}

impl<'a> View<'a> {
    fn new(storage: &'a CpuStorage, layout: &Layout, what: &str) -> candle_core::Result<Self> {
        let data = storage.as_slice::<f32>()?;
        let (dims, stride) = (layout.dims(), layout.stride());
        if dims.len() != 4 || stride[3] != 1 {
            candle_core::bail!("attention: {what} must be 4-d with a contiguous last dimension");
        }
        Ok(Self {
            data,
            start: layout.start_offset(),
            stride: [stride[0], stride[1], stride[2]],
            width: dims[3],
        })
    }

    fn row(&self, a: usize, b: usize, c: usize) -> &'a [f32] {
        let at = self.start + a * self.stride[0] + b * self.stride[1] + c * self.stride[2];
        &self.data[at..at + self.width]
    }
}

impl CustomOp3 for PaddedCausalAttention {
    fn name(&self) -> &'static str {
        "padded-causal-attention"
    }

    fn cpu_fwd(
        &self,
        qs: &CpuStorage,
        ql: &Layout,
        ks: &CpuStorage,
        kl: &Layout,
        vs: &CpuStorage,
        vl: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let (q, k, v) = (
            View::new(qs, ql, "queries")?,
            View::new(ks, kl, "keys")?,
            View::new(vs, vl, "values")?,
        );
        let [b, h, t, d] = <[usize; 4]>::try_from(ql.dims())
            .map_err(|_| candle_core::Error::Msg("attention: bad query shape".into()))?;
        let [kb, kvh, s, kd] = <[usize; 4]>::try_from(kl.dims())
            .map_err(|_| candle_core::Error::Msg("attention: bad key shape".into()))?;
        if kb != b
            || kd != d
            || vl.dims() != kl.dims()
            || kvh == 0
            || h % kvh != 0
            || s != self.cached + t
            || self.pads.len() != b
        {
            candle_core::bail!(
                "attention: queries {:?}, keys {:?}, values {:?}, {} pads, {} cached",
                ql.dims(),
                kl.dims(),
                vl.dims(),
                self.pads.len(),
                self.cached
            );
        }
        let rep = h / kvh;
        let mut out = vec![0f32; b * h * t * d];
        // One unit per (row, key/value head): the `rep` query heads that share a key
        // head are adjacent in the output and read each key and value row once.
        crate::pool::for_each_chunk_mut(&mut out, rep * t * d, |unit, block| {
            let mut scores = vec![0f32; rep * s];
            let mut sums = vec![0f32; rep];
            pulp::Arch::new().dispatch(Unit {
                op: self,
                views: [&q, &k, &v],
                row: unit / kvh,
                group: unit % kvh,
                rep,
                t,
                block,
                scores: &mut scores,
                sums: &mut sums,
            });
        });
        Ok((CpuStorage::F32(out), Shape::from((b, h, t, d))))
    }
}

#[cfg(test)]
mod tests {
    use candle_core::{Device, Tensor};

    use super::*;
    use crate::llama::masked_attention;

    #[test]
    fn matches_masked_softmax_attention() {
        let dev = Device::Cpu;
        for (pads, cached, t) in [
            (vec![0, 2, 5], 0, 7),
            (vec![0, 3], 6, 1),
            (vec![4], 4, 3),
            (vec![0], 9, 1),
        ] {
            let b = pads.len();
            let (h, kvh, d) = (6, 2, 12);
            let q = Tensor::randn(0f32, 1.0, (b, h, t, d), &dev).unwrap();
            let k = Tensor::randn(0f32, 1.0, (b, kvh, cached + t, d), &dev).unwrap();
            let v = Tensor::randn(0f32, 1.0, (b, kvh, cached + t, d), &dev).unwrap();
            let scale = 1.0 / (d as f64).sqrt();
            let fused = PaddedCausalAttention {
                pads: pads.clone(),
                cached,
                scale: scale as f32,
            }
            .apply(&q, &k, &v)
            .unwrap();
            let expected = masked_attention(&q, &k, &v, &pads, cached, scale).unwrap();
            let diff = (fused - expected)
                .unwrap()
                .abs()
                .unwrap()
                .max_all()
                .unwrap()
                .to_scalar::<f32>()
                .unwrap();
            assert!(diff < 1e-5, "pads {pads:?} cached {cached} t {t}: {diff}");
        }
    }

    #[test]
    fn a_row_gets_the_same_bits_whatever_the_padding() {
        let dev = Device::Cpu;
        let (h, kvh, d, len) = (4, 2, 16, 9);
        let q = Tensor::randn(0f32, 1.0, (1, h, 1, d), &dev).unwrap();
        let k = Tensor::randn(0f32, 1.0, (1, kvh, len, d), &dev).unwrap();
        let v = Tensor::randn(0f32, 1.0, (1, kvh, len, d), &dev).unwrap();
        let alone = PaddedCausalAttention {
            pads: vec![0],
            cached: len - 1,
            scale: 0.25,
        }
        .apply(&q, &k, &v)
        .unwrap();
        for pad in [1, 3, 8] {
            let zeros = Tensor::zeros((1, kvh, pad, d), candle_core::DType::F32, &dev).unwrap();
            let kp = Tensor::cat(&[&zeros, &k], 2).unwrap();
            let vp = Tensor::cat(&[&zeros, &v], 2).unwrap();
            let padded = PaddedCausalAttention {
                pads: vec![pad],
                cached: pad + len - 1,
                scale: 0.25,
            }
            .apply(&q, &kp, &vp)
            .unwrap();
            let a: Vec<f32> = alone.flatten_all().unwrap().to_vec1().unwrap();
            let p: Vec<f32> = padded.flatten_all().unwrap().to_vec1().unwrap();
            assert_eq!(a, p, "pad {pad}");
        }
    }
}
