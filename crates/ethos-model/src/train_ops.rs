//! Operations with hand-written backward passes for LoRA training on CPU.
//!
//! Why: candle's backward of `matmul(x, w)` computes the gradient of both operands, even
//! when `w` is a frozen base weight that no variable depends on, and keeps a
//! weight-sized accumulator for it. With LoRA every base projection and the output head
//! are frozen, so that doubled the backward pass (measured: backward was 4x the forward
//! on SmolLM2-135M). [`frozen_linear`] multiplies by a constant weight and returns only
//! the input's gradient. Likewise `log_softmax` followed by `gather` walks the
//! vocabulary-wide logits several times forward and backward and keeps a full
//! log-softmax copy in the graph; [`token_logprobs`] computes the chosen tokens'
//! log-probabilities in one pass and its gradient (`onehot - softmax`) in one more.
//!
//! Both fall back to ordinary candle ops on devices other than the CPU.

use candle_core::backend::BackendStorage;
use candle_core::{
    CpuStorage, CustomOp1, CustomOp2, D, DType, Layout, Result, Shape, Storage, Tensor,
};

use crate::matmul::{MatRef, matmul};
use crate::pool::for_each_chunk_mut;

pub(crate) fn cpu_slice<'a, T: candle_core::WithDType>(
    storage: &'a CpuStorage,
    layout: &Layout,
) -> Result<&'a [T]> {
    let data = storage.as_slice::<T>()?;
    match layout.contiguous_offsets() {
        Some((start, end)) => Ok(&data[start..end]),
        None => candle_core::bail!("training op needs a contiguous input"),
    }
}

/// `x @ w^T` (or `x @ w` when `transposed` is false) with a constant `w`.
struct ConstMatmul {
    /// (out, in) as stored
    weight: Tensor,
    /// Multiply by the weight's transpose (`frozen_linear`) rather than the weight (its
    /// backward).
    transposed: bool,
}

impl ConstMatmul {
    /// The (rows, columns) of the right operand.
    fn rhs_dims(&self) -> Result<(usize, usize)> {
        let (out, inner) = self.weight.dims2()?;
        Ok(if self.transposed {
            (inner, out)
        } else {
            (out, inner)
        })
    }

    fn product<T: candle_core::WithDType>(
        &self,
        input: &[T],
        weight: &[T],
        m: usize,
    ) -> Result<Vec<T>> {
        let (k, n) = self.rhs_dims()?;
        // The weight is (out, in) row-major; its transpose is read with swapped strides.
        let rhs = if self.transposed {
            MatRef::new(weight, (k, n), (1, k))?
        } else {
            MatRef::row_major(weight, k, n)?
        };
        matmul(MatRef::row_major(input, m, k)?, rhs)
    }
}

impl CustomOp1 for ConstMatmul {
    fn name(&self) -> &'static str {
        "const-matmul"
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> Result<(CpuStorage, Shape)> {
        // On the two storages directly (no copy of the input into a new tensor, none of
        // the result out of one) and on candle's worker threads (see `crate::matmul`).
        let dims = layout.dims();
        let (k, n) = self.rhs_dims()?;
        if dims.last() != Some(&k) {
            candle_core::bail!(
                "const-matmul: input {dims:?} against weight {:?}",
                self.weight.dims()
            );
        }
        let m = layout.shape().elem_count() / k.max(1);
        let (weight, weight_layout) = self.weight.storage_and_layout();
        let Storage::Cpu(weight) = &*weight else {
            candle_core::bail!("const-matmul: expected a CPU weight");
        };
        let out = match (storage, weight) {
            (CpuStorage::F32(_), CpuStorage::F32(_)) => CpuStorage::F32(self.product(
                cpu_slice::<f32>(storage, layout)?,
                cpu_slice::<f32>(weight, weight_layout)?,
                m,
            )?),
            (CpuStorage::F64(_), CpuStorage::F64(_)) => CpuStorage::F64(self.product(
                cpu_slice::<f64>(storage, layout)?,
                cpu_slice::<f64>(weight, weight_layout)?,
                m,
            )?),
            _ => candle_core::bail!(
                "const-matmul: {:?} input against a {:?} weight",
                storage.dtype(),
                weight.dtype()
            ),
        };
        let mut out_dims = dims.to_vec();
        if let Some(last) = out_dims.last_mut() {
            *last = n;
        }
        Ok((out, Shape::from(out_dims)))
    }

    fn bwd(&self, _arg: &Tensor, _res: &Tensor, grad: &Tensor) -> Result<Option<Tensor>> {
        // d(x @ W^T) / dx applied to `grad` is `grad @ W`, and the other way round.
        Ok(Some(grad.contiguous()?.apply_op1(ConstMatmul {
            weight: self.weight.clone(),
            transposed: !self.transposed,
        })?))
    }
}

/// `x (.., in) @ weight (out, in)^T`, differentiable in `x` only.
pub fn frozen_linear(x: &Tensor, weight: &Tensor) -> Result<Tensor> {
    let float = matches!(x.dtype(), DType::F32 | DType::F64);
    if x.device().is_cpu() && float && weight.dtype() == x.dtype() {
        x.contiguous()?.apply_op1(ConstMatmul {
            weight: weight.contiguous()?,
            transposed: true,
        })
    } else {
        x.broadcast_matmul(&weight.t()?)
    }
}

/// The float types the kernels run in.
pub(crate) trait Real: candle_core::WithDType + Send + Sync {
    fn exp_(self) -> Self;
    fn ln_(self) -> Self;
    fn sqrt_(self) -> Self;

    /// `max + log(sum(exp(x - max)))` of a row.
    fn row_log_sum_exp(row: &[Self]) -> Self {
        let max =
            row.iter().copied().fold(
                Self::from_f64(f64::NEG_INFINITY),
                |a, b| if b > a { b } else { a },
            );
        let sum = row
            .iter()
            .fold(Self::zero(), |acc, &x| acc + (x - max).exp_());
        max + sum.ln_()
    }

    /// `xs[i] = exp(xs[i] - shift)`, returning their sum.
    fn row_exp_in_place(xs: &mut [Self], shift: Self) -> Self {
        let mut sum = Self::zero();
        for x in xs.iter_mut() {
            *x = (*x - shift).exp_();
            sum += *x;
        }
        sum
    }

    /// `out[i] = scale * exp(row[i] - shift)`.
    fn row_scaled_exp(out: &mut [Self], row: &[Self], shift: Self, scale: Self) {
        for (o, &v) in out.iter_mut().zip(row) {
            *o = scale * (v - shift).exp_();
        }
    }
}

impl Real for f32 {
    fn exp_(self) -> Self {
        // Inlines and vectorises inside the kernels' loops, unlike a call to libm.
        crate::vexp::exp_poly(self)
    }
    fn ln_(self) -> Self {
        self.ln()
    }
    fn sqrt_(self) -> Self {
        self.sqrt()
    }
    fn row_log_sum_exp(row: &[Self]) -> Self {
        crate::vexp::log_sum_exp(row)
    }
    fn row_exp_in_place(xs: &mut [Self], shift: Self) -> Self {
        crate::vexp::exp_in_place(xs, shift)
    }
    fn row_scaled_exp(out: &mut [Self], row: &[Self], shift: Self, scale: Self) {
        crate::vexp::scaled_exp_into(out, row, shift, scale);
    }
}

impl Real for f64 {
    fn exp_(self) -> Self {
        self.exp()
    }
    fn ln_(self) -> Self {
        self.ln()
    }
    fn sqrt_(self) -> Self {
        self.sqrt()
    }
}

/// log-sum-exp of a row (vectorised for f32, see [`crate::vexp`]).
fn log_sum_exp<T: Real>(row: &[T]) -> T {
    T::row_log_sum_exp(row)
}

/// Log-probability of target `t` in each row of logits.
struct TokenLogprob;

fn token_logprob_rows<T: Real>(logits: &[T], targets: &[u32], vocab: usize) -> Result<Vec<T>> {
    if targets.len() * vocab != logits.len() {
        candle_core::bail!(
            "token-logprob: {} targets for {} logits of width {vocab}",
            targets.len(),
            logits.len()
        );
    }
    if let Some(&t) = targets.iter().find(|&&t| t as usize >= vocab) {
        candle_core::bail!("target id {t} outside the vocabulary of {vocab}");
    }
    let mut out = vec![T::zero(); targets.len()];
    for_each_chunk_mut(&mut out, 1, |row, out| {
        let logits = &logits[row * vocab..][..vocab];
        out[0] = logits[targets[row] as usize] - log_sum_exp(logits);
    });
    Ok(out)
}

impl CustomOp2 for TokenLogprob {
    fn name(&self) -> &'static str {
        "token-logprob"
    }

    fn cpu_fwd(
        &self,
        logits: &CpuStorage,
        logits_layout: &Layout,
        targets: &CpuStorage,
        targets_layout: &Layout,
    ) -> Result<(CpuStorage, Shape)> {
        let dims = logits_layout.shape().dims();
        let vocab = dims.last().copied().unwrap_or(1);
        let out_shape = Shape::from(&dims[..dims.len() - 1]);
        let targets = cpu_slice::<u32>(targets, targets_layout)?;
        let storage = match logits {
            CpuStorage::F32(_) => CpuStorage::F32(token_logprob_rows(
                cpu_slice::<f32>(logits, logits_layout)?,
                targets,
                vocab,
            )?),
            CpuStorage::F64(_) => CpuStorage::F64(token_logprob_rows(
                cpu_slice::<f64>(logits, logits_layout)?,
                targets,
                vocab,
            )?),
            other => candle_core::bail!("token-logprob: unsupported dtype {:?}", other.dtype()),
        };
        Ok((storage, out_shape))
    }

    fn bwd(
        &self,
        logits: &Tensor,
        targets: &Tensor,
        res: &Tensor,
        grad: &Tensor,
    ) -> Result<(Option<Tensor>, Option<Tensor>)> {
        // d logp[t] / d x[v] = 1[v = t] - softmax(x)[v], times the incoming gradient.
        let logits = logits.contiguous()?;
        let vocab = logits.dim(D::Minus1)?;
        let targets = targets.flatten_all()?.to_vec1::<u32>()?;
        let (storage, layout) = logits.storage_and_layout();
        let Storage::Cpu(cpu) = &*storage else {
            candle_core::bail!("token-logprob: expected CPU logits");
        };
        let out = match cpu {
            CpuStorage::F32(_) => {
                let g = grad.flatten_all()?.to_vec1::<f32>()?;
                let logp = res.flatten_all()?.to_vec1::<f32>()?;
                let x = cpu_slice::<f32>(cpu, layout)?;
                Tensor::from_vec(
                    logprob_grad(x, &targets, &logp, &g, vocab),
                    logits.shape(),
                    logits.device(),
                )?
            }
            CpuStorage::F64(_) => {
                let g = grad.flatten_all()?.to_vec1::<f64>()?;
                let logp = res.flatten_all()?.to_vec1::<f64>()?;
                let x = cpu_slice::<f64>(cpu, layout)?;
                Tensor::from_vec(
                    logprob_grad(x, &targets, &logp, &g, vocab),
                    logits.shape(),
                    logits.device(),
                )?
            }
            other => candle_core::bail!("token-logprob: unsupported dtype {:?}", other.dtype()),
        };
        Ok((Some(out), None))
    }
}

/// Gradient of the token log-probabilities `logp` (the forward's result) in the logits.
fn logprob_grad<T: Real>(x: &[T], targets: &[u32], logp: &[T], g: &[T], vocab: usize) -> Vec<T> {
    let mut out = vec![T::zero(); x.len()];
    for_each_chunk_mut(&mut out, vocab, |index, out| {
        let row = &x[index * vocab..][..vocab];
        let (t, logp, g) = (targets[index], logp[index], g[index]);
        if g == T::zero() {
            return; // masked position: leave the zeros
        }
        // logp = x[t] - lse, so the forward's result gives lse without another pass.
        let Some(&xt) = row.get(t as usize) else {
            return; // the forward rejected out-of-range targets already
        };
        let lse = xt - logp;
        T::row_scaled_exp(out, row, lse, T::zero() - g);
        if let Some(o) = out.get_mut(t as usize) {
            *o += g;
        }
    });
    out
}

/// Log-probabilities (B, T) of `targets` (B, T, u32) under `logits` (B, T, V),
/// differentiable in `logits`.
pub fn token_logprobs(logits: &Tensor, targets: &Tensor) -> Result<Tensor> {
    let supported = matches!(logits.dtype(), DType::F32 | DType::F64);
    if logits.device().is_cpu() && supported && targets.dtype() == DType::U32 {
        logits
            .contiguous()?
            .apply_op2(&targets.contiguous()?, TokenLogprob)
    } else {
        let logp = candle_nn::ops::log_softmax(logits, D::Minus1)?;
        logp.gather(&targets.unsqueeze(D::Minus1)?, D::Minus1)?
            .squeeze(D::Minus1)
    }
}

/// Entropy (nats) of each row's distribution (B, T) from logits (B, T, V); no gradient.
pub fn row_entropy(logits: &Tensor) -> Result<Tensor> {
    let logits = logits.detach().to_dtype(DType::F32)?.contiguous()?;
    let dims = logits.dims().to_vec();
    let vocab = dims.last().copied().unwrap_or(1);
    if !logits.device().is_cpu() {
        let logp = candle_nn::ops::log_softmax(&logits, D::Minus1)?;
        return (logp.exp()? * &logp)?.sum(D::Minus1)?.neg();
    }
    let (storage, layout) = logits.storage_and_layout();
    let Storage::Cpu(cpu) = &*storage else {
        candle_core::bail!("row_entropy: expected CPU logits");
    };
    let x = cpu_slice::<f32>(cpu, layout)?;
    let mut entropy = vec![0f32; x.len() / vocab.max(1)];
    for_each_chunk_mut(&mut entropy, 1, |index, out| {
        let row = &x[index * vocab..][..vocab];
        // H = lse - sum p x with p = exp(x - max) / sum, in one pass over the row.
        let max = crate::vexp::max(row);
        let (sum, weighted) = crate::vexp::sum_exp_and_weighted(row, max);
        out[0] = max + sum.ln() - weighted / sum;
    });
    Tensor::from_vec(entropy, &dims[..dims.len() - 1], logits.device())
}

#[cfg(test)]
pub(crate) mod tests {
    use candle_core::{Device, Var};

    use super::*;

    /// The largest absolute difference between two tensors, as f64.
    pub(crate) fn max_diff(a: &Tensor, b: &Tensor) -> f64 {
        (a - b)
            .unwrap()
            .abs()
            .unwrap()
            .flatten_all()
            .unwrap()
            .max(0)
            .unwrap()
            .to_dtype(DType::F64)
            .unwrap()
            .to_scalar::<f64>()
            .unwrap()
    }

    #[test]
    fn frozen_linear_matches_matmul_and_its_input_gradient() {
        let dev = Device::Cpu;
        let x = Var::from_tensor(&Tensor::randn(0f32, 1.0, (2, 3, 5), &dev).unwrap()).unwrap();
        let w = Tensor::randn(0f32, 1.0, (4, 5), &dev).unwrap();
        let fused = frozen_linear(x.as_tensor(), &w).unwrap();
        let plain = x.as_tensor().broadcast_matmul(&w.t().unwrap()).unwrap();
        assert!(max_diff(&fused, &plain) < 1e-6);
        // A contiguous view that starts past the beginning of its storage.
        let tail = x.as_tensor().narrow(0, 1, 1).unwrap();
        let expected = tail.broadcast_matmul(&w.t().unwrap()).unwrap();
        assert!(max_diff(&frozen_linear(&tail, &w).unwrap(), &expected) < 1e-6);
        let weights = Tensor::randn(0f32, 1.0, (2, 3, 4), &dev).unwrap();
        let g1 = (fused * &weights)
            .unwrap()
            .sum_all()
            .unwrap()
            .backward()
            .unwrap();
        let g2 = (plain * &weights)
            .unwrap()
            .sum_all()
            .unwrap()
            .backward()
            .unwrap();
        assert!(max_diff(g1.get(&x).unwrap(), g2.get(&x).unwrap()) < 1e-5);
    }

    #[test]
    fn token_logprobs_match_log_softmax_and_its_gradient() {
        let dev = Device::Cpu;
        for dtype in [DType::F32, DType::F64] {
            let logits = Var::from_tensor(
                &Tensor::randn(0f64, 3.0, (2, 3, 7), &dev)
                    .unwrap()
                    .to_dtype(dtype)
                    .unwrap(),
            )
            .unwrap();
            let targets = Tensor::new(&[[0u32, 6, 3], [2, 2, 5]], &dev).unwrap();
            let fused = token_logprobs(logits.as_tensor(), &targets).unwrap();
            let plain = candle_nn::ops::log_softmax(logits.as_tensor(), D::Minus1)
                .unwrap()
                .gather(&targets.unsqueeze(2).unwrap(), D::Minus1)
                .unwrap()
                .squeeze(2)
                .unwrap();
            assert!(max_diff(&fused, &plain) < 1e-5, "{dtype:?}");
            // A weighting with a zero (a masked position) exercises the skip.
            let weights = Tensor::new(&[[1.0f64, -2.0, 0.0], [0.5, 3.0, 1.0]], &dev)
                .unwrap()
                .to_dtype(dtype)
                .unwrap();
            let g1 = (fused * &weights)
                .unwrap()
                .sum_all()
                .unwrap()
                .backward()
                .unwrap();
            let g2 = (plain * &weights)
                .unwrap()
                .sum_all()
                .unwrap()
                .backward()
                .unwrap();
            assert!(
                max_diff(g1.get(&logits).unwrap(), g2.get(&logits).unwrap()) < 1e-5,
                "{dtype:?}"
            );
            let entropy = row_entropy(logits.as_tensor()).unwrap();
            let logp = candle_nn::ops::log_softmax(logits.as_tensor(), D::Minus1).unwrap();
            let expected = (logp.exp().unwrap() * &logp)
                .unwrap()
                .sum(D::Minus1)
                .unwrap()
                .neg()
                .unwrap()
                .to_dtype(DType::F32)
                .unwrap();
            assert!(max_diff(&entropy, &expected) < 1e-4);
        }
    }
}
