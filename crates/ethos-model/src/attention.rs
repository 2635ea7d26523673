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
use rayon::prelude::*;

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

/// Dot product with a fixed summation order (eight lanes, then a fixed tree), so that the
/// result depends only on the two vectors.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for l in 0..8 {
            lanes[l] += x[l] * y[l];
        }
    }
    ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5]))
        + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7]))
        + tail
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
        out.par_chunks_mut((t * d).max(1))
            .enumerate()
            .for_each(|(bh, block)| {
                let (row, head) = (bh / h, bh % h);
                let (pad, group) = (self.pads[row], head / rep);
                let mut weights = vec![0f32; s];
                for i in 0..t {
                    let query = self.cached + i;
                    let first = if query < pad { query } else { pad };
                    let qrow = q.row(row, head, i);
                    let mut max = f32::NEG_INFINITY;
                    for (w, j) in weights.iter_mut().zip(first..=query) {
                        *w = dot(qrow, k.row(row, group, j)) * self.scale;
                        max = max.max(*w);
                    }
                    let n = query + 1 - first;
                    let sum = crate::vexp::exp_in_place(&mut weights[..n], max);
                    let out_row = &mut block[i * d..(i + 1) * d];
                    for (w, j) in weights[..n].iter().zip(first..=query) {
                        for (o, x) in out_row.iter_mut().zip(v.row(row, group, j)) {
                            *o += w * x;
                        }
                    }
                    let inv = 1.0 / sum;
                    out_row.iter_mut().for_each(|o| *o *= inv);
                }
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
