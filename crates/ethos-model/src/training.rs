//! The differentiable forward pass used for training.
//!
//! Same model and weights as [`Llama::forward`], built only from operations that candle
//! can differentiate: candle's fused `rms_norm`, `softmax_last_dim` and rotary kernels
//! have no backward (the gradient silently stops there), and the inference attention
//! kernel has none either. Base weights are constants; gradients reach only the LoRA
//! factors.

use crate::fused::{self, Rotary};
use crate::train_ops::frozen_linear;
use candle_core::{Device, Tensor};
use rand::{Rng, rngs::StdRng};

use crate::error::Result;
use crate::llama::{Llama, padded_causal_mask};
use crate::lora::{LoraAdapters, LoraTarget};
use crate::placement::accumulation_dtype;

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

/// Scaled dot-product attention of `q` (B, heads, T, D) over `k`, `v` (B, kv_heads, S, D)
/// with an additive `mask` (1 or B, 1, T, S); returns (B, T, heads * D). Grouped-query
/// heads are stacked along the query axis, so keys and values are never repeated.
fn attend(q: &Tensor, k: &Tensor, v: &Tensor, mask: Option<&Tensor>) -> Result<Tensor> {
    let (b, heads, t, hd) = q.dims4()?;
    let kv_heads = k.dim(1)?;
    let q = q.reshape((b, kv_heads, heads / kv_heads * t, hd))?;
    let scores = q.matmul(&k.t()?)?;
    let weights = fused::masked_softmax(&scores, mask, 1.0 / (hd as f64).sqrt(), t)?;
    Ok(weights
        .matmul(v)?
        .reshape((b, heads, t, hd))?
        .transpose(1, 2)?
        .reshape((b, t, heads * hd))?)
}

/// Additive mask (R, 1, Tc, P * Tp + Tc) of continuation queries over every prompt's
/// keys laid end to end and the keys of their own row: a query sees its prompt (padding
/// hidden) and the earlier tokens of its own segment. Unused slots see only themselves.
fn continuation_mask(inputs: &SharedPrefixInputs, tp: usize, device: &Device) -> Result<Tensor> {
    let (rows, tc) = inputs.tokens.dims2()?;
    let prompts = inputs.prompt_pads.len() * tp;
    let s = prompts + tc;
    let mut data = vec![f32::NEG_INFINITY; rows * tc * s];
    let mut used = vec![false; rows * tc];
    for seg in &inputs.segments {
        let pad = inputs.prompt_pads[seg.prompt];
        for i in 0..seg.len {
            let slot = seg.row * tc + seg.start + i;
            used[slot] = true;
            let base = slot * s;
            data[base + seg.prompt * tp + pad..base + (seg.prompt + 1) * tp].fill(0.0);
            data[base + prompts + seg.start..=base + prompts + seg.start + i].fill(0.0);
        }
    }
    for (slot, used) in used.iter().enumerate() {
        if !used {
            data[slot * s + prompts + slot % tc] = 0.0;
        }
    }
    Ok(Tensor::from_vec(data, (rows, 1, tc, s), device)?)
}

/// The adapters' dropout mask for an input of `shape`, when dropout is on.
fn dropout_for(
    adapters: &LoraAdapters,
    dropout: &mut Option<&mut StdRng>,
    shape: (usize, usize, usize),
    like: &Tensor,
) -> Result<Option<Tensor>> {
    let p = adapters.config().dropout;
    match dropout.as_deref_mut() {
        Some(rng) if p > 0.0 => Ok(Some(dropout_mask(rng, p, shape, like)?)),
        _ => Ok(None),
    }
}

/// The adapters' outputs for `targets` (each with its output width) side by side, zeros
/// where a target has no adapter, to add to a fused projection; `None` when none has one.
fn stacked_deltas(
    adapters: &LoraAdapters,
    layer: usize,
    targets: &[(LoraTarget, usize)],
    x: &Tensor,
    dropout_mask: Option<&Tensor>,
) -> Result<Option<Tensor>> {
    let (b, t, _) = x.dims3()?;
    let mut parts = Vec::with_capacity(targets.len());
    let mut any = false;
    for &(target, width) in targets {
        match adapters.delta(layer, target, x, dropout_mask)? {
            Some(delta) => {
                any = true;
                parts.push(delta);
            }
            None => parts.push(Tensor::zeros((b, t, width), x.dtype(), x.device())?),
        }
    }
    Ok(if any {
        Some(Tensor::cat(&parts, 2)?)
    } else {
        None
    })
}

/// Completions that share prompts, laid out so that each prompt runs through the model
/// once and continuations carry little padding: P left-padded prompts, and continuation
/// segments packed into R rows, each segment attending to its prompt's keys and values and
/// to its own earlier tokens. With G completions per prompt this saves the prompt's work
/// G - 1 times over (GRPO), in the forward and in the backward.
#[derive(Debug, Clone)]
pub struct SharedPrefixInputs {
    /// Prompt ids (P, Tp), left-padded.
    pub prompt_tokens: Tensor,
    /// Left padding of each prompt row.
    pub prompt_pads: Vec<usize>,
    /// Continuation ids (R, Tc), segments end to end; Tc may be 0.
    pub tokens: Tensor,
    /// Where each continuation lies and which prompt it follows.
    pub segments: Vec<Segment>,
}

/// One continuation inside [`SharedPrefixInputs::tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// The prompt row it follows.
    pub prompt: usize,
    /// Its row.
    pub row: usize,
    /// Its first column.
    pub start: usize,
    /// Its length (at least 1).
    pub len: usize,
}

/// The tensors of one layer input for a part of a batch: (B, T, H) and the rotary tables
/// for its positions.
struct Part {
    x: Tensor,
    rotary: Rotary,
}

/// Query heads (B, heads, T, D), key and value heads (B, kv_heads, T, D) of one part.
struct Heads {
    q: Tensor,
    k: Tensor,
    v: Tensor,
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
        let mask = padded_causal_mask(pads, 0, tokens.dim(1)?, &self.device)?
            .map(|m| m.to_dtype(self.embed.dtype()))
            .transpose()?;
        let mut part = self.part(tokens, positions)?;
        for layer in 0..self.blocks.len() {
            let heads = self.heads(layer, &part, adapters, &mut dropout)?;
            let y = attend(&heads.q, &heads.k, &heads.v, mask.as_ref())?;
            part.x = self.finish_layer(layer, &part.x, &y, adapters, &mut dropout)?;
        }
        let x = fused::rms_norm(&part.x, &self.norm, self.config.rms_eps)?;
        self.head(&x)
    }

    /// Logits (1, M, V) of a [`SharedPrefixInputs`] batch at the `rows` (M, u32) of the
    /// positions laid end to end: the P * Tp prompt positions, then the R * Tc
    /// continuation positions. Only scored positions go through the output head, which
    /// saves its work (a fifth of a small model's FLOPs per position) and the memory of
    /// logits nobody reads.
    pub fn forward_train_shared(
        &self,
        inputs: &SharedPrefixInputs,
        rows: &Tensor,
        adapters: Option<&LoraAdapters>,
        mut dropout: Option<&mut StdRng>,
    ) -> Result<Tensor> {
        let (p, tp) = inputs.prompt_tokens.dims2()?;
        let (r, tc) = inputs.tokens.dims2()?;
        let device = &self.device;
        let dtype = self.embed.dtype();
        let prompt_positions: Vec<u32> = inputs
            .prompt_pads
            .iter()
            .flat_map(|&pad| (0..tp).map(move |i| i.saturating_sub(pad) as u32))
            .collect();
        // A continuation token's position follows its prompt's last.
        let mut positions = vec![0u32; r * tc];
        for seg in &inputs.segments {
            let first = tp - inputs.prompt_pads[seg.prompt];
            for i in 0..seg.len {
                positions[seg.row * tc + seg.start + i] = (first + i) as u32;
            }
        }
        let prompt_positions = Tensor::from_vec(prompt_positions, (p, tp), device)?;
        let positions = Tensor::from_vec(positions, (r, tc), device)?;
        let prompt_mask = padded_causal_mask(&inputs.prompt_pads, 0, tp, device)?
            .map(|m| m.to_dtype(dtype))
            .transpose()?;
        let mask = continuation_mask(inputs, tp, device)?.to_dtype(dtype)?;
        let mut prompt = self.part(&inputs.prompt_tokens, &prompt_positions)?;
        // Continuations of a single token have no positions of their own.
        let mut cont = if tc > 0 {
            Some(self.part(&inputs.tokens, &positions)?)
        } else {
            None
        };
        let (kv_heads, hd) = (self.config.kv_heads, self.config.head_dim());
        // Every prompt's keys (or values) end to end, for each continuation row.
        let all_prompts = |x: &Tensor| -> Result<Tensor> {
            Ok(x.transpose(0, 1)?
                .reshape((1, kv_heads, p * tp, hd))?
                .broadcast_as((r, kv_heads, p * tp, hd))?)
        };
        for layer in 0..self.blocks.len() {
            let ph = self.heads(layer, &prompt, adapters, &mut dropout)?;
            let y = attend(&ph.q, &ph.k, &ph.v, prompt_mask.as_ref())?;
            let next_prompt = self.finish_layer(layer, &prompt.x, &y, adapters, &mut dropout)?;
            if let Some(cont) = cont.as_mut() {
                let ch = self.heads(layer, cont, adapters, &mut dropout)?;
                let k = Tensor::cat(&[all_prompts(&ph.k)?, ch.k], 2)?.contiguous()?;
                let v = Tensor::cat(&[all_prompts(&ph.v)?, ch.v], 2)?.contiguous()?;
                let y = attend(&ch.q, &k, &v, Some(&mask))?;
                cont.x = self.finish_layer(layer, &cont.x, &y, adapters, &mut dropout)?;
            }
            prompt.x = next_prompt;
        }
        let hidden = self.config.hidden;
        let mut flat = vec![prompt.x.reshape((p * tp, hidden))?];
        if let Some(cont) = &cont {
            flat.push(cont.x.reshape((r * tc, hidden))?);
        }
        let x = Tensor::cat(&flat, 0)?.index_select(rows, 0)?.unsqueeze(0)?;
        let x = fused::rms_norm(&x, &self.norm, self.config.rms_eps)?;
        self.head(&x)
    }

    /// Logits of normed hidden states, in f32 when the weights are a half type: the
    /// log-softmax over the vocabulary and the policy ratios need the mantissa.
    fn head(&self, x: &Tensor) -> Result<Tensor> {
        let logits = frozen_linear(x, &self.lm_head.dense)?;
        Ok(logits.to_dtype(accumulation_dtype(logits.dtype()))?)
    }

    /// Embeddings and rotary tables of `tokens` (B, T) at `positions` (B, T).
    fn part(&self, tokens: &Tensor, positions: &Tensor) -> Result<Part> {
        let (b, t) = tokens.dims2()?;
        let hd = self.config.head_dim();
        let flat = positions.flatten_all()?;
        let table = |m: &Tensor| -> Result<Tensor> {
            Ok(m.index_select(&flat, 0)?.reshape((b, 1, t, hd / 2))?)
        };
        Ok(Part {
            x: self
                .embed
                .index_select(&tokens.flatten_all()?, 0)?
                .reshape((b, t, self.config.hidden))?,
            rotary: Rotary {
                cos: table(&self.cos)?,
                sin: table(&self.sin)?,
                interleaved: self.config.rope_interleaved,
            },
        })
    }

    /// Attention heads of `layer` for `part`: norm, projections (+ adapters), rotary,
    /// keys and values repeated for grouped-query attention.
    fn heads(
        &self,
        layer: usize,
        part: &Part,
        adapters: Option<&LoraAdapters>,
        dropout: &mut Option<&mut StdRng>,
    ) -> Result<Heads> {
        let c = &self.config;
        let block = &self.blocks[layer];
        let (b, t, _) = part.x.dims3()?;
        let (heads, kv_heads, hd) = (c.heads, c.kv_heads, c.head_dim());
        let kv_width = kv_heads * hd;
        let h = fused::rms_norm(&part.x, &block.attn_norm, c.rms_eps)?;
        let mut qkv = frozen_linear(&h, &block.wqkv.dense)?;
        if let Some(bias) = &block.bias_qkv {
            qkv = qkv.broadcast_add(bias)?;
        }
        if let Some(adapters) = adapters {
            let drop = dropout_for(adapters, dropout, (b, t, c.hidden), &h)?;
            let targets = [
                (LoraTarget::Q, c.hidden),
                (LoraTarget::K, kv_width),
                (LoraTarget::V, kv_width),
            ];
            if let Some(delta) = stacked_deltas(adapters, layer, &targets, &h, drop.as_ref())? {
                qkv = (qkv + delta)?;
            }
        }
        let rotary = Some(&part.rotary);
        Ok(Heads {
            q: fused::split_heads(&qkv, 0, heads, hd, rotary)?,
            k: fused::split_heads(&qkv, c.hidden, kv_heads, hd, rotary)?,
            v: fused::split_heads(&qkv, c.hidden + kv_width, kv_heads, hd, None)?,
        })
    }

    /// The rest of `layer` after attention: output projection (+ adapter), residual,
    /// and the MLP block with its residual.
    fn finish_layer(
        &self,
        layer: usize,
        x: &Tensor,
        y: &Tensor,
        adapters: Option<&LoraAdapters>,
        dropout: &mut Option<&mut StdRng>,
    ) -> Result<Tensor> {
        let c = &self.config;
        let block = &self.blocks[layer];
        let (b, t, _) = x.dims3()?;
        let mut o = frozen_linear(y, &block.wo.dense)?;
        if let Some(adapters) = adapters {
            let drop = dropout_for(adapters, dropout, (b, t, c.hidden), y)?;
            if let Some(delta) = adapters.delta(layer, LoraTarget::O, y, drop.as_ref())? {
                o = (o + delta)?;
            }
        }
        let x = (x + o)?;
        let h = fused::rms_norm(&x, &block.ffn_norm, c.rms_eps)?;
        let mut gate_up = frozen_linear(&h, &block.w_gate_up.dense)?;
        if let Some(adapters) = adapters {
            let drop = dropout_for(adapters, dropout, (b, t, c.hidden), &h)?;
            let targets = [
                (LoraTarget::Gate, c.intermediate),
                (LoraTarget::Up, c.intermediate),
            ];
            if let Some(delta) = stacked_deltas(adapters, layer, &targets, &h, drop.as_ref())? {
                gate_up = (gate_up + delta)?;
            }
        }
        let act = fused::swiglu(&gate_up, c.intermediate)?;
        let mut down = frozen_linear(&act, &block.w_down.dense)?;
        if let Some(adapters) = adapters {
            let drop = dropout_for(adapters, dropout, (b, t, c.intermediate), &act)?;
            if let Some(delta) = adapters.delta(layer, LoraTarget::Down, &act, drop.as_ref())? {
                down = (down + delta)?;
            }
        }
        Ok((x + down)?)
    }
}
