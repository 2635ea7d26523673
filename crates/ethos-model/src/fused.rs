//! Fused CPU kernels of the training forward, each with its own backward.
//!
//! Why: candle's fused norm, softmax and rotary kernels have no backward, so the training
//! forward was first built from small differentiable ops (narrow, broadcast multiply,
//! concatenation, reductions). Each of those allocates its output in the forward and one
//! or two more tensors in the backward; on SmolLM2-135M an update then spent more time
//! clearing fresh pages, copying and making elementwise passes than in matrix products
//! (perf: gemm about a third of the update). Each op here does its piece in one pass
//! forward and one pass backward.
//!
//! Gradients reach the activations only: norm weights, rotary tables and attention masks
//! are constants (LoRA trains the adapters alone). The backward passes are plain kernels,
//! so second derivatives are not available. Other devices and dtypes fall back to the
//! same computation composed from candle ops, which is also what the tests compare with.

use candle_core::backend::BackendStorage;
use candle_core::{CpuStorage, CustomOp1, D, DType, Layout, Result, Shape, Storage, Tensor};

use crate::placement::accumulation_dtype;
use crate::pool::for_each_chunk_mut;
use crate::train_ops::{Real, cpu_slice};

/// Runs `f` on the contiguous CPU data of `t`.
fn with_data<T: Real, R>(t: &Tensor, f: impl FnOnce(&[T]) -> Result<R>) -> Result<R> {
    let t = t.contiguous()?;
    let (storage, layout) = t.storage_and_layout();
    let Storage::Cpu(cpu) = &*storage else {
        candle_core::bail!("fused op: expected a CPU tensor");
    };
    f(cpu_slice::<T>(cpu, layout)?)
}

/// A one-input kernel with a hand-written backward for the input.
trait Kernel: Send + Sync {
    /// The op's name in candle's graph.
    const NAME: &'static str;
    /// The output shape for an input of `shape`.
    fn out_shape(&self, shape: &Shape) -> Result<Shape>;
    /// The output of input `x` of `shape`.
    fn forward<T: Real>(&self, x: &[T], shape: &Shape) -> Result<Vec<T>>;
    /// The gradient of the input from the input `x`, output `y` and output gradient `g`.
    fn backward<T: Real>(&self, x: &[T], y: &[T], g: &[T], shape: &Shape) -> Result<Vec<T>>;
}

/// Adapts a [`Kernel`] to candle's custom-op interface.
struct Fused<K>(K);

impl<K: Kernel> Fused<K> {
    fn typed_backward<T: Real>(&self, arg: &Tensor, res: &Tensor, grad: &Tensor) -> Result<Tensor> {
        let data = with_data::<T, _>(arg, |x| {
            with_data::<T, _>(res, |y| {
                with_data::<T, _>(grad, |g| self.0.backward(x, y, g, arg.shape()))
            })
        })?;
        Tensor::from_vec(data, arg.shape(), arg.device())
    }
}

impl<K: Kernel> CustomOp1 for Fused<K> {
    fn name(&self) -> &'static str {
        K::NAME
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> Result<(CpuStorage, Shape)> {
        let shape = layout.shape();
        let out = match storage {
            CpuStorage::F32(_) => {
                CpuStorage::F32(self.0.forward(cpu_slice::<f32>(storage, layout)?, shape)?)
            }
            CpuStorage::F64(_) => {
                CpuStorage::F64(self.0.forward(cpu_slice::<f64>(storage, layout)?, shape)?)
            }
            other => candle_core::bail!("{}: unsupported dtype {:?}", K::NAME, other.dtype()),
        };
        Ok((out, self.0.out_shape(shape)?))
    }

    fn bwd(&self, arg: &Tensor, res: &Tensor, grad: &Tensor) -> Result<Option<Tensor>> {
        let g = match arg.dtype() {
            DType::F32 => self.typed_backward::<f32>(arg, res, grad)?,
            DType::F64 => self.typed_backward::<f64>(arg, res, grad)?,
            other => candle_core::bail!("{}: unsupported dtype {other:?}", K::NAME),
        };
        Ok(Some(g))
    }
}

/// Whether `x` can go through the fused kernels.
fn fusable(x: &Tensor) -> bool {
    x.device().is_cpu() && matches!(x.dtype(), DType::F32 | DType::F64)
}

fn apply<K: Kernel + 'static>(x: &Tensor, kernel: K) -> Result<Tensor> {
    x.contiguous()?.apply_op1(Fused(kernel))
}

/// 1 / sqrt(mean(x^2) + eps).
fn inv_rms<T: Real>(x: &[T], eps: T) -> T {
    let sum = x.iter().fold(T::zero(), |acc, &v| acc + v * v);
    T::from_f64(1.0) / (sum / T::from_f64(x.len() as f64) + eps).sqrt_()
}

/// Root-mean-square norm over the last dimension, times a constant weight.
struct RmsNorm {
    weight: Tensor,
    eps: f64,
}

impl Kernel for RmsNorm {
    const NAME: &'static str = "fused-rms-norm";

    fn out_shape(&self, shape: &Shape) -> Result<Shape> {
        Ok(shape.clone())
    }

    fn forward<T: Real>(&self, x: &[T], _shape: &Shape) -> Result<Vec<T>> {
        let eps = T::from_f64(self.eps);
        with_data::<T, _>(&self.weight, |w| {
            let mut out = vec![T::zero(); x.len()];
            let n = w.len();
            for_each_chunk_mut(&mut out, n, |row, out| {
                let x = &x[row * n..][..n];
                let r = inv_rms(x, eps);
                for ((o, &x), &w) in out.iter_mut().zip(x).zip(w) {
                    *o = x * r * w;
                }
            });
            Ok(out)
        })
    }

    fn backward<T: Real>(&self, x: &[T], _y: &[T], g: &[T], _shape: &Shape) -> Result<Vec<T>> {
        // y = w x r with r = (mean(x^2) + eps)^-1/2, so
        // dx_j = r w_j g_j - x_j r^3 mean_i(w_i g_i x_i).
        let eps = T::from_f64(self.eps);
        with_data::<T, _>(&self.weight, |w| {
            let n = w.len();
            let mut out = vec![T::zero(); x.len()];
            for_each_chunk_mut(&mut out, n, |row, out| {
                let (x, g) = (&x[row * n..][..n], &g[row * n..][..n]);
                let r = inv_rms(x, eps);
                let dot = x
                    .iter()
                    .zip(g)
                    .zip(w)
                    .fold(T::zero(), |acc, ((&x, &g), &w)| acc + w * g * x);
                let c = r * r * r * dot / T::from_f64(n as f64);
                for (((o, &x), &g), &w) in out.iter_mut().zip(x).zip(g).zip(w) {
                    *o = r * w * g - x * c;
                }
            });
            Ok(out)
        })
    }
}

/// RMS norm of `x` over its last dimension times `weight` (constant).
pub(crate) fn rms_norm(x: &Tensor, weight: &Tensor, eps: f64) -> Result<Tensor> {
    if fusable(x) && weight.dtype() == x.dtype() {
        apply(
            x,
            RmsNorm {
                weight: weight.contiguous()?,
                eps,
            },
        )
    } else {
        composed::rms_norm(x, weight, eps)
    }
}

/// Rotates pair `(i0, i1)` of `src` into `dst` by the angle with `cos`/`sin`; `inverse`
/// rotates back (the transpose, which is also the backward of the rotation).
fn rotate_pairs<T: Real>(
    src: &[T],
    dst: &mut [T],
    (cos, sin): (&[T], &[T]),
    interleaved: bool,
    inverse: bool,
) {
    let half = cos.len();
    for i in 0..half {
        let (i0, i1) = if interleaved {
            (2 * i, 2 * i + 1)
        } else {
            (i, i + half)
        };
        let c = cos[i];
        let s = if inverse { T::zero() - sin[i] } else { sin[i] };
        let (x0, x1) = (src[i0], src[i1]);
        dst[i0] = x0 * c - x1 * s;
        dst[i1] = x0 * s + x1 * c;
    }
}

/// Rotary tables (B, 1, T, D/2) and the pair layout.
#[derive(Clone)]
pub(crate) struct Rotary {
    /// Cosines per row and position.
    pub cos: Tensor,
    /// Sines per row and position.
    pub sin: Tensor,
    /// Pairs are adjacent (GGUF llama) rather than half a head apart.
    pub interleaved: bool,
}

/// Heads `offset..offset + heads * head_dim` of a (B, T, W) projection, as
/// (B, heads, T, head_dim), rotated when `rotary` is set.
struct SplitHeads {
    offset: usize,
    heads: usize,
    head_dim: usize,
    rotary: Option<Rotary>,
}

impl SplitHeads {
    /// Runs `f` with the rotary tables' data (empty slices without rotation).
    fn with_tables<T: Real, R>(&self, f: impl FnOnce(&[T], &[T]) -> Result<R>) -> Result<R> {
        match &self.rotary {
            Some(r) => with_data::<T, _>(&r.cos, |c| with_data::<T, _>(&r.sin, |s| f(c, s))),
            None => f(&[], &[]),
        }
    }

    /// Copies one head from `src` to `dst`, rotated (or rotated back, `inverse`) by the
    /// tables of position row `row` when there are any.
    fn place<T: Real>(
        &self,
        src: &[T],
        dst: &mut [T],
        (cos, sin): (&[T], &[T]),
        row: usize,
        inverse: bool,
    ) {
        match &self.rotary {
            Some(r) if !cos.is_empty() => {
                let half = self.head_dim / 2;
                let table = (&cos[row * half..][..half], &sin[row * half..][..half]);
                rotate_pairs(src, dst, table, r.interleaved, inverse);
            }
            _ => dst.copy_from_slice(src),
        }
    }

    fn check(&self, shape: &Shape) -> Result<(usize, usize, usize)> {
        let (b, t, w) = shape.dims3()?;
        if self.offset + self.heads * self.head_dim > w {
            candle_core::bail!("split-heads: heads outside a projection of width {w}");
        }
        Ok((b, t, w))
    }
}

impl Kernel for SplitHeads {
    const NAME: &'static str = "fused-split-heads";

    fn out_shape(&self, shape: &Shape) -> Result<Shape> {
        let (b, t, _) = self.check(shape)?;
        Ok(Shape::from((b, self.heads, t, self.head_dim)))
    }

    fn forward<T: Real>(&self, x: &[T], shape: &Shape) -> Result<Vec<T>> {
        let (b, t, w) = self.check(shape)?;
        let (d, heads) = (self.head_dim, self.heads);
        self.with_tables::<T, _>(|cos, sin| {
            let mut out = vec![T::zero(); b * heads * t * d];
            for_each_chunk_mut(&mut out, t * d, |block, out| {
                let (row_b, h) = (block / heads, block % heads);
                for i in 0..t {
                    let row = row_b * t + i;
                    let src = &x[row * w + self.offset + h * d..][..d];
                    self.place(src, &mut out[i * d..][..d], (cos, sin), row, false);
                }
            });
            Ok(out)
        })
    }

    fn backward<T: Real>(&self, _x: &[T], _y: &[T], g: &[T], shape: &Shape) -> Result<Vec<T>> {
        let (_, t, w) = self.check(shape)?;
        let (d, heads) = (self.head_dim, self.heads);
        self.with_tables::<T, _>(|cos, sin| {
            let mut out = vec![T::zero(); shape.elem_count()];
            for_each_chunk_mut(&mut out, w, |row, out| {
                let (row_b, i) = (row / t, row % t);
                for h in 0..heads {
                    let src = &g[((row_b * heads + h) * t + i) * d..][..d];
                    let dst = &mut out[self.offset + h * d..][..d];
                    self.place(src, dst, (cos, sin), row, true);
                }
            });
            Ok(out)
        })
    }
}

/// Heads `offset..offset + heads * head_dim` of `x` (B, T, W) as (B, heads, T, head_dim),
/// rotated by `rotary` when given.
pub(crate) fn split_heads(
    x: &Tensor,
    offset: usize,
    heads: usize,
    head_dim: usize,
    rotary: Option<&Rotary>,
) -> Result<Tensor> {
    if fusable(x) && rotary.is_none_or(|r| r.cos.dtype() == x.dtype()) {
        let rotary = rotary
            .map(|r| -> Result<Rotary> {
                Ok(Rotary {
                    cos: r.cos.contiguous()?,
                    sin: r.sin.contiguous()?,
                    interleaved: r.interleaved,
                })
            })
            .transpose()?;
        apply(
            x,
            SplitHeads {
                offset,
                heads,
                head_dim,
                rotary,
            },
        )
    } else {
        composed::split_heads(x, offset, heads, head_dim, rotary)
    }
}

/// Softmax over the last dimension of `scale * x + mask`, for scores (B, G, Q, S) whose
/// query rows repeat every `period` rows (grouped-query heads stacked along Q). The mask
/// is (1 or B, 1, period, S); fully masked rows give zeros.
struct MaskedSoftmax {
    mask: Option<Tensor>,
    scale: f64,
    period: usize,
}

impl MaskedSoftmax {
    fn with_mask<T: Real, R>(&self, f: impl FnOnce(&[T]) -> Result<R>) -> Result<R> {
        match &self.mask {
            Some(m) => with_data::<T, _>(m, f),
            None => f(&[]),
        }
    }

    /// The mask row of score row `row`, for scores of `shape`.
    fn mask_row(&self, row: usize, shape: &Shape, mask_len: usize) -> Result<Option<usize>> {
        if mask_len == 0 {
            return Ok(None);
        }
        let (b, g, q, s) = shape.dims4()?;
        let mask_batches = mask_len / (self.period * s);
        let batch = row / (g * q);
        let batch = if mask_batches == 1 { 0 } else { batch };
        if batch >= mask_batches || q % self.period != 0 || mask_batches > b {
            candle_core::bail!("masked-softmax: mask does not fit scores {shape:?}");
        }
        Ok(Some(batch * self.period + row % q % self.period))
    }
}

impl Kernel for MaskedSoftmax {
    const NAME: &'static str = "fused-masked-softmax";

    fn out_shape(&self, shape: &Shape) -> Result<Shape> {
        shape.dims4()?;
        Ok(shape.clone())
    }

    fn forward<T: Real>(&self, x: &[T], shape: &Shape) -> Result<Vec<T>> {
        let s = shape.dims4()?.3;
        let scale = T::from_f64(self.scale);
        self.with_mask::<T, _>(|mask| {
            let rows: Vec<Option<usize>> = (0..x.len() / s.max(1))
                .map(|r| self.mask_row(r, shape, mask.len()))
                .collect::<Result<_>>()?;
            let mut out = vec![T::zero(); x.len()];
            for_each_chunk_mut(&mut out, s, |index, out| {
                let (x, row) = (&x[index * s..][..s], rows[index]);
                let m = row.map(|r| &mask[r * s..][..s]);
                for (j, (o, &x)) in out.iter_mut().zip(x).enumerate() {
                    *o = scale * x + m.map_or(T::zero(), |m| m[j]);
                }
                let max = out
                    .iter()
                    .copied()
                    .fold(
                        T::from_f64(f64::NEG_INFINITY),
                        |a, b| if b > a { b } else { a },
                    );
                if max == T::from_f64(f64::NEG_INFINITY) {
                    out.fill(T::zero());
                    return;
                }
                let sum = T::row_exp_in_place(out, max);
                for o in out.iter_mut() {
                    *o /= sum;
                }
            });
            Ok(out)
        })
    }

    fn backward<T: Real>(&self, _x: &[T], y: &[T], g: &[T], shape: &Shape) -> Result<Vec<T>> {
        // dx_j = scale * y_j * (g_j - sum_k g_k y_k)
        let s = shape.dims4()?.3;
        let scale = T::from_f64(self.scale);
        let mut out = vec![T::zero(); y.len()];
        for_each_chunk_mut(&mut out, s, |row, out| {
            let (y, g) = (&y[row * s..][..s], &g[row * s..][..s]);
            let dot = y.iter().zip(g).fold(T::zero(), |a, (&y, &g)| a + y * g);
            for ((o, &y), &g) in out.iter_mut().zip(y).zip(g) {
                *o = scale * y * (g - dot);
            }
        });
        Ok(out)
    }
}

/// Softmax over the last dimension of `scale * scores + mask` for scores (B, G, Q, S)
/// whose rows repeat every `period` rows; `mask` (1 or B, 1, period, S) is a constant.
pub(crate) fn masked_softmax(
    scores: &Tensor,
    mask: Option<&Tensor>,
    scale: f64,
    period: usize,
) -> Result<Tensor> {
    if fusable(scores) && mask.is_none_or(|m| m.dtype() == scores.dtype()) {
        let mask = mask.map(Tensor::contiguous).transpose()?;
        apply(
            scores,
            MaskedSoftmax {
                mask,
                scale,
                period,
            },
        )
    } else {
        composed::masked_softmax(scores, mask, scale, period)
    }
}

fn sigmoid<T: Real>(x: T) -> T {
    let one = T::from_f64(1.0);
    one / (one + (T::zero() - x).exp_())
}

/// `silu(gate) * up` of a (.., 2 I) projection holding gate then up.
struct SwiGlu {
    intermediate: usize,
}

impl Kernel for SwiGlu {
    const NAME: &'static str = "fused-swiglu";

    fn out_shape(&self, shape: &Shape) -> Result<Shape> {
        let mut dims = shape.dims().to_vec();
        match dims.last_mut() {
            Some(last) if *last == 2 * self.intermediate => *last = self.intermediate,
            _ => candle_core::bail!("swiglu: last dimension of {shape:?} is not 2 x intermediate"),
        }
        Ok(Shape::from(dims))
    }

    fn forward<T: Real>(&self, x: &[T], _shape: &Shape) -> Result<Vec<T>> {
        let i = self.intermediate;
        let mut out = vec![T::zero(); x.len() / 2];
        for_each_chunk_mut(&mut out, i, |row, out| {
            let (gate, up) = x[row * 2 * i..][..2 * i].split_at(i);
            // Dispatched so that the (inlined, branch-free) f32 exp vectorises.
            crate::vexp::dispatch(
                #[inline(always)]
                || {
                    for ((o, &g), &u) in out.iter_mut().zip(gate).zip(up) {
                        *o = g * sigmoid(g) * u;
                    }
                },
            );
        });
        Ok(out)
    }

    fn backward<T: Real>(&self, x: &[T], _y: &[T], g: &[T], _shape: &Shape) -> Result<Vec<T>> {
        // d/dgate = g * up * s (1 + gate (1 - s)), d/dup = g * gate * s, s = sigmoid(gate)
        let i = self.intermediate;
        let one = T::from_f64(1.0);
        let mut out = vec![T::zero(); x.len()];
        for_each_chunk_mut(&mut out, 2 * i, |row, out| {
            let (gate, up) = x[row * 2 * i..][..2 * i].split_at(i);
            let g = &g[row * i..][..i];
            let (d_gate, d_up) = out.split_at_mut(i);
            crate::vexp::dispatch(
                #[inline(always)]
                || {
                    for j in 0..i {
                        let s = sigmoid(gate[j]);
                        d_gate[j] = g[j] * up[j] * s * (one + gate[j] * (one - s));
                        d_up[j] = g[j] * gate[j] * s;
                    }
                },
            );
        });
        Ok(out)
    }
}

/// `silu(gate) * up` for `x` (.., 2 * intermediate) holding gate then up.
pub(crate) fn swiglu(x: &Tensor, intermediate: usize) -> Result<Tensor> {
    if fusable(x) {
        apply(x, SwiGlu { intermediate })
    } else {
        composed::swiglu(x, intermediate)
    }
}

/// The same operations composed from differentiable candle ops: the path on other
/// devices, and the reference the fused kernels are tested against.
pub(crate) mod composed {
    use super::*;

    /// RMS norm from candle ops; half types are normalised in f32 and scaled after
    /// casting back, as Hugging Face's Llama does.
    pub(crate) fn rms_norm(x: &Tensor, weight: &Tensor, eps: f64) -> Result<Tensor> {
        let dtype = x.dtype();
        let wide = x.to_dtype(accumulation_dtype(dtype))?;
        let mean_square = wide.sqr()?.mean_keepdim(D::Minus1)?;
        let normed = wide.broadcast_div(&(mean_square + eps)?.sqrt()?)?;
        normed.to_dtype(dtype)?.broadcast_mul(weight)
    }

    /// Head split and rotation from candle ops.
    pub(crate) fn split_heads(
        x: &Tensor,
        offset: usize,
        heads: usize,
        head_dim: usize,
        rotary: Option<&Rotary>,
    ) -> Result<Tensor> {
        let (b, t, _) = x.dims3()?;
        let x = x
            .narrow(2, offset, heads * head_dim)?
            .reshape((b, t, heads, head_dim))?
            .transpose(1, 2)?
            .contiguous()?;
        let Some(r) = rotary else {
            return Ok(x);
        };
        let d = head_dim;
        let (cos, sin) = (&r.cos, &r.sin);
        if r.interleaved {
            let pairs = x.reshape((b, heads, t, d / 2, 2))?;
            let x0 = pairs.narrow(4, 0, 1)?.squeeze(4)?;
            let x1 = pairs.narrow(4, 1, 1)?.squeeze(4)?;
            let r0 = (x0.broadcast_mul(cos)? - x1.broadcast_mul(sin)?)?;
            let r1 = (x0.broadcast_mul(sin)? + x1.broadcast_mul(cos)?)?;
            Tensor::stack(&[r0, r1], 4)?.reshape((b, heads, t, d))
        } else {
            let x0 = x.narrow(3, 0, d / 2)?;
            let x1 = x.narrow(3, d / 2, d / 2)?;
            let r0 = (x0.broadcast_mul(cos)? - x1.broadcast_mul(sin)?)?;
            let r1 = (x1.broadcast_mul(cos)? + x0.broadcast_mul(sin)?)?;
            Tensor::cat(&[r0, r1], 3)
        }
    }

    /// Scaled, masked softmax from candle ops.
    pub(crate) fn masked_softmax(
        scores: &Tensor,
        mask: Option<&Tensor>,
        scale: f64,
        period: usize,
    ) -> Result<Tensor> {
        let (b, g, q, s) = scores.dims4()?;
        // Half types: the softmax runs in f32 and the weights go back to the scores' type.
        let dtype = scores.dtype();
        let wide = accumulation_dtype(dtype);
        let mut z = (scores.to_dtype(wide)? * scale)?;
        if let Some(mask) = mask {
            z = z
                .reshape((b, g, q / period, period, s))?
                .broadcast_add(&mask.to_dtype(wide)?.unsqueeze(2)?)?
                .reshape((b, g, q, s))?;
        }
        candle_nn::ops::softmax(&z, D::Minus1)?.to_dtype(dtype)
    }

    /// SwiGLU from candle ops.
    pub(crate) fn swiglu(x: &Tensor, intermediate: usize) -> Result<Tensor> {
        let gate = x.narrow(D::Minus1, 0, intermediate)?;
        let up = x.narrow(D::Minus1, intermediate, intermediate)?;
        candle_nn::ops::silu(&gate)? * up
    }
}

#[cfg(test)]
mod tests {
    use candle_core::{Device, Var};

    use super::*;
    use crate::train_ops::tests::max_diff;

    fn random(shape: &[usize], seed: u64) -> Tensor {
        let n: usize = shape.iter().product();
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let data: Vec<f64> = (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((state >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
            })
            .collect();
        Tensor::from_vec(data, shape, &Device::Cpu).unwrap()
    }

    /// The fused op and the composed one give the same output and input gradient
    /// (f64; the loss weights every output element differently).
    fn assert_same(
        input: &Tensor,
        fused: impl Fn(&Tensor) -> Result<Tensor>,
        reference: impl Fn(&Tensor) -> Result<Tensor>,
    ) {
        let x = Var::from_tensor(input).unwrap();
        let a = fused(x.as_tensor()).unwrap();
        let b = reference(x.as_tensor()).unwrap();
        assert_eq!(a.dims(), b.dims());
        assert!(max_diff(&a, &b) < 1e-12, "forward differs");
        let w = random(a.dims(), 99);
        let ga = (&a * &w).unwrap().sum_all().unwrap().backward().unwrap();
        let gb = (&b * &w).unwrap().sum_all().unwrap().backward().unwrap();
        let (ga, gb) = (ga.get(&x).unwrap(), gb.get(&x).unwrap());
        let scale = 1.0 + max_diff(gb, &gb.zeros_like().unwrap());
        assert!(max_diff(ga, gb) < 1e-10 * scale, "gradient differs");
    }

    #[test]
    fn rms_norm_matches_composed() {
        let weight = random(&[8], 1);
        assert_same(
            &random(&[2, 3, 8], 2),
            |x| rms_norm(x, &weight, 1e-5),
            |x| composed::rms_norm(x, &weight, 1e-5),
        );
    }

    #[test]
    fn split_heads_match_composed_with_and_without_rotation() {
        let (b, t, d) = (2, 3, 4);
        for interleaved in [false, true] {
            let rotary = Rotary {
                cos: random(&[b, 1, t, d / 2], 3),
                sin: random(&[b, 1, t, d / 2], 4),
                interleaved,
            };
            for (offset, heads, rotary) in
                [(0, 3, Some(&rotary)), (12, 1, Some(&rotary)), (4, 2, None)]
            {
                assert_same(
                    &random(&[b, t, 16], 5),
                    |x| split_heads(x, offset, heads, d, rotary),
                    |x| composed::split_heads(x, offset, heads, d, rotary),
                );
            }
        }
    }

    #[test]
    fn masked_softmax_matches_composed_for_grouped_rows_and_batched_masks() {
        // 2 batches, 2 key/value groups, 2 query heads per group of 3 positions, 5 keys.
        let scores = random(&[2, 2, 6, 5], 6);
        let mut mask = vec![0f64; 2 * 3 * 5];
        for (i, m) in mask.iter_mut().enumerate() {
            if (i * 7) % 3 == 0 && i % 5 != 0 {
                *m = f64::NEG_INFINITY;
            }
        }
        let batched = Tensor::from_vec(mask.clone(), (2, 1, 3, 5), &Device::Cpu).unwrap();
        let shared = Tensor::from_vec(mask[..15].to_vec(), (1, 1, 3, 5), &Device::Cpu).unwrap();
        for mask in [Some(&batched), Some(&shared), None] {
            assert_same(
                &scores,
                |x| masked_softmax(x, mask, 0.7, 3),
                |x| composed::masked_softmax(x, mask, 0.7, 3),
            );
        }
    }

    #[test]
    fn fully_masked_rows_give_zeros_not_nan() {
        let mask = Tensor::full(f64::NEG_INFINITY, (1, 1, 2, 3), &Device::Cpu).unwrap();
        let y = masked_softmax(&random(&[1, 1, 2, 3], 7), Some(&mask), 1.0, 2).unwrap();
        let values = y.flatten_all().unwrap().to_vec1::<f64>().unwrap();
        assert!(values.iter().all(|&v| v == 0.0));
    }

    #[test]
    fn swiglu_matches_composed() {
        assert_same(
            &random(&[2, 3, 10], 8),
            |x| swiglu(x, 5),
            |x| composed::swiglu(x, 5),
        );
    }

    #[test]
    fn f32_forward_matches_f64() {
        let x = random(&[4, 8], 9);
        let w = random(&[8], 10);
        let a = rms_norm(&x, &w, 1e-5).unwrap();
        let b = rms_norm(
            &x.to_dtype(DType::F32).unwrap(),
            &w.to_dtype(DType::F32).unwrap(),
            1e-5,
        )
        .unwrap()
        .to_dtype(DType::F64)
        .unwrap();
        assert!(max_diff(&a, &b) < 1e-5);
    }
}
