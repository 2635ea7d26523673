//! The differentiable forward pass used for training.
//!
//! Same model and weights as [`Llama::forward`], built only from operations that candle
//! can differentiate: candle's fused `rms_norm`, `softmax_last_dim` and rotary kernels
//! have no backward (the gradient silently stops there), and the inference attention
//! kernel has none either. Base weights are constants; gradients reach only the LoRA
//! factors.

use crate::train_ops::frozen_linear;
use candle_core::{D, DType, Tensor};
use rand::{Rng, rngs::StdRng};

use crate::error::Result;
use crate::llama::{Llama, padded_causal_mask};
use crate::lora::{LoraAdapters, LoraTarget};

/// Root-mean-square norm from differentiable operations.
fn rms_norm(x: &Tensor, weight: &Tensor, eps: f64) -> Result<Tensor> {
    let mean_square = x.sqr()?.mean_keepdim(D::Minus1)?;
    let normed = x.broadcast_div(&(mean_square + eps)?.sqrt()?)?;
    Ok(normed.broadcast_mul(weight)?)
}

/// Rotary embedding with per-row positions: `cos`/`sin` are (B, 1, T, D/2).
fn rotate(x: &Tensor, cos: &Tensor, sin: &Tensor, interleaved: bool) -> Result<Tensor> {
    let (b, h, t, d) = x.dims4()?;
    if interleaved {
        let pairs = x.reshape((b, h, t, d / 2, 2))?;
        let x0 = pairs.narrow(4, 0, 1)?.squeeze(4)?;
        let x1 = pairs.narrow(4, 1, 1)?.squeeze(4)?;
        let r0 = (x0.broadcast_mul(cos)? - x1.broadcast_mul(sin)?)?;
        let r1 = (x0.broadcast_mul(sin)? + x1.broadcast_mul(cos)?)?;
        Ok(Tensor::stack(&[r0, r1], 4)?.reshape((b, h, t, d))?)
    } else {
        let x0 = x.narrow(3, 0, d / 2)?;
        let x1 = x.narrow(3, d / 2, d / 2)?;
        let r0 = (x0.broadcast_mul(cos)? - x1.broadcast_mul(sin)?)?;
        let r1 = (x1.broadcast_mul(cos)? + x0.broadcast_mul(sin)?)?;
        Ok(Tensor::cat(&[r0, r1], 3)?)
    }
}

/// Inverted dropout mask (B, T, width): kept entries are 1 / (1 - p).
fn dropout_mask(
    rng: &mut StdRng,
    p: f64,
    shape: (usize, usize, usize),
    like: &Tensor,
) -> Result<Tensor> {
    let keep = 1.0 / (1.0 - p);
    let data: Vec<f32> = (0..shape.0 * shape.1 * shape.2)
        .map(|_| {
            if rng.random::<f64>() < p {
                0.0
            } else {
                keep as f32
            }
        })
        .collect();
    Ok(Tensor::from_vec(data, shape, like.device())?.to_dtype(like.dtype())?)
}

impl Llama {
    /// Logits (B, T, V) for left-padded `tokens` (B, T) at `positions` (B, T), through
    /// differentiable operations, with `adapters` applied. `dropout` (a seeded RNG) turns
    /// on the adapters' dropout; pass `None` to evaluate.
    pub fn forward_train(
        &self,
        tokens: &Tensor,
        positions: &Tensor,
        pads: &[usize],
        adapters: Option<&LoraAdapters>,
        mut dropout: Option<&mut StdRng>,
    ) -> Result<Tensor> {
        let (b, t) = tokens.dims2()?;
        let c = &self.config;
        let (heads, kv_heads, hd) = (c.heads, c.kv_heads, c.head_dim());
        let dtype = self.embed.dtype();
        let flat = positions.flatten_all()?;
        let cos = self
            .cos
            .index_select(&flat, 0)?
            .reshape((b, 1, t, hd / 2))?;
        let sin = self
            .sin
            .index_select(&flat, 0)?
            .reshape((b, 1, t, hd / 2))?;
        let mask = padded_causal_mask(pads, 0, t, &self.device)?
            .map(|m| m.to_dtype(dtype))
            .transpose()?;
        let mut x = self
            .embed
            .index_select(&tokens.flatten_all()?, 0)?
            .reshape((b, t, c.hidden))?;
        let scale = 1.0 / (hd as f64).sqrt();
        let p = adapters.map_or(0.0, |a| a.config().dropout);
        let mut mask_for = |width: usize, like: &Tensor| -> Result<Option<Tensor>> {
            match dropout.as_deref_mut() {
                Some(rng) if p > 0.0 => Ok(Some(dropout_mask(rng, p, (b, t, width), like)?)),
                _ => Ok(None),
            }
        };
        let eps = c.rms_eps;
        let kv_width = kv_heads * hd;
        for (layer, block) in self.blocks.iter().enumerate() {
            let h = rms_norm(&x, &block.attn_norm, eps)?;
            let mut qkv = frozen_linear(&h, &block.wqkv.dense)?;
            if let Some(bias) = &block.bias_qkv {
                qkv = qkv.broadcast_add(bias)?;
            }
            let mut q = qkv.narrow(2, 0, c.hidden)?;
            let mut k = qkv.narrow(2, c.hidden, kv_width)?;
            let mut v = qkv.narrow(2, c.hidden + kv_width, kv_width)?;
            if let Some(adapters) = adapters {
                let drop = mask_for(c.hidden, &h)?;
                for (target, out) in [
                    (LoraTarget::Q, &mut q),
                    (LoraTarget::K, &mut k),
                    (LoraTarget::V, &mut v),
                ] {
                    if let Some(delta) = adapters.delta(layer, target, &h, drop.as_ref())? {
                        *out = (&*out + delta)?;
                    }
                }
            }
            let q = q.reshape((b, t, heads, hd))?.transpose(1, 2)?;
            let k = k.reshape((b, t, kv_heads, hd))?.transpose(1, 2)?;
            let v = v.reshape((b, t, kv_heads, hd))?.transpose(1, 2)?;
            let q = rotate(&q.contiguous()?, &cos, &sin, c.rope_interleaved)?;
            let k = rotate(&k.contiguous()?, &cos, &sin, c.rope_interleaved)?;
            // Grouped-query attention: repeat each key/value head for its query heads.
            let rep = heads / kv_heads;
            let k = k
                .unsqueeze(2)?
                .broadcast_as((b, kv_heads, rep, t, hd))?
                .reshape((b, heads, t, hd))?;
            let v = v
                .unsqueeze(2)?
                .broadcast_as((b, kv_heads, rep, t, hd))?
                .reshape((b, heads, t, hd))?;
            let mut scores = (q.matmul(&k.t()?)? * scale)?;
            if let Some(mask) = &mask {
                scores = scores.broadcast_add(mask)?;
            }
            let weights = candle_nn::ops::softmax(&scores, D::Minus1)?;
            let y = weights
                .matmul(&v)?
                .transpose(1, 2)?
                .reshape((b, t, c.hidden))?;
            let mut o = frozen_linear(&y, &block.wo.dense)?;
            if let Some(adapters) = adapters {
                let drop = mask_for(c.hidden, &y)?;
                if let Some(delta) = adapters.delta(layer, LoraTarget::O, &y, drop.as_ref())? {
                    o = (o + delta)?;
                }
            }
            x = (x + o)?;
            let h = rms_norm(&x, &block.ffn_norm, eps)?;
            let gate_up = frozen_linear(&h, &block.w_gate_up.dense)?;
            let mut gate = gate_up.narrow(2, 0, c.intermediate)?;
            let mut up = gate_up.narrow(2, c.intermediate, c.intermediate)?;
            if let Some(adapters) = adapters {
                let drop = mask_for(c.hidden, &h)?;
                for (target, out) in [(LoraTarget::Gate, &mut gate), (LoraTarget::Up, &mut up)] {
                    if let Some(delta) = adapters.delta(layer, target, &h, drop.as_ref())? {
                        *out = (&*out + delta)?;
                    }
                }
            }
            let act = (candle_nn::ops::silu(&gate)? * up)?;
            let mut down = frozen_linear(&act, &block.w_down.dense)?;
            if let Some(adapters) = adapters {
                let drop = mask_for(c.intermediate, &act)?;
                if let Some(delta) = adapters.delta(layer, LoraTarget::Down, &act, drop.as_ref())? {
                    down = (down + delta)?;
                }
            }
            x = (x + down)?;
        }
        let x = rms_norm(&x, &self.norm, eps)?;
        Ok(frozen_linear(&x, &self.lm_head.dense)?)
    }

    /// A copy with every tensor in `dtype` (f64 for gradient checks). Q8_0 copies are
    /// dropped.
    pub fn to_dtype(&self, dtype: DType) -> Result<Llama> {
        let mut out = self.clone();
        let cast = |t: &Tensor| t.to_dtype(dtype);
        out.embed = cast(&self.embed)?;
        out.norm = cast(&self.norm)?;
        out.cos = cast(&self.cos)?;
        out.sin = cast(&self.sin)?;
        out.lm_head = crate::llama::Weight::new(cast(&self.lm_head.dense)?);
        for block in &mut out.blocks {
            block.attn_norm = cast(&block.attn_norm)?;
            block.ffn_norm = cast(&block.ffn_norm)?;
            block.bias_qkv = block.bias_qkv.as_ref().map(cast).transpose()?;
            for weight in block.weights_mut() {
                *weight = crate::llama::Weight::new(cast(&weight.dense)?);
            }
        }
        Ok(out)
    }
}
