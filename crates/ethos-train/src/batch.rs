//! Training sequences packed into left-padded tensors, and the loss passes over them in
//! micro-batches with gradient accumulation (shared by GRPO and SFT).

use candle_core::backprop::GradStore;
use candle_core::{DType, Device, Tensor, Var};
use ethos_model::llama::Llama;
use ethos_model::lora::LoraAdapters;
use ethos_model::train_ops::{row_entropy, token_logprobs};
use rand::rngs::StdRng;

use crate::error::{Result, TrainError};

/// One sequence to train on.
#[derive(Debug, Clone)]
pub struct Sequence {
    /// Every token: prompt, then what the model should learn to say.
    pub tokens: Vec<u32>,
    /// Whether token `i` is predicted in the loss (false for prompt tokens).
    pub trained: Vec<bool>,
    /// The sequence's advantage (GRPO) or weight (SFT: 1).
    pub advantage: f64,
}

impl Sequence {
    /// A prompt followed by a completion that is trained on.
    pub fn prompt_completion(prompt: &[u32], completion: &[u32], advantage: f64) -> Self {
        let tokens: Vec<u32> = prompt.iter().chain(completion).copied().collect();
        let trained = std::iter::repeat_n(false, prompt.len())
            .chain(std::iter::repeat_n(true, completion.len()))
            .collect();
        Self {
            tokens,
            trained,
            advantage,
        }
    }

    /// Tokens that enter the loss.
    pub fn trained_tokens(&self) -> usize {
        // The first token is never predicted.
        self.trained.iter().skip(1).filter(|t| **t).count()
    }
}

/// Sequences as tensors: inputs are `tokens[..-1]`, targets `tokens[1..]`, left-padded.
#[derive(Debug)]
pub struct PackedBatch {
    /// Input ids (B, T).
    pub tokens: Tensor,
    /// Target ids (B, T).
    pub targets: Tensor,
    /// Rotary positions (B, T).
    pub positions: Tensor,
    /// 1 where the target is trained on (B, T), f32.
    pub mask: Tensor,
    /// Left padding per row.
    pub pads: Vec<usize>,
    /// Advantage per row (B), f32.
    pub advantages: Tensor,
    /// Positions through the forward (B * T).
    pub forward_tokens: usize,
    /// Targets in the loss.
    pub trained_tokens: usize,
}

/// Packs sequences of at least two tokens.
pub fn pack(sequences: &[Sequence], device: &Device) -> Result<PackedBatch> {
    if let Some(short) = sequences.iter().find(|s| s.tokens.len() < 2) {
        return Err(TrainError::Invalid(format!(
            "a training sequence needs at least 2 tokens, got {}",
            short.tokens.len()
        )));
    }
    let width = sequences
        .iter()
        .map(|s| s.tokens.len() - 1)
        .max()
        .unwrap_or(1);
    let b = sequences.len();
    let (mut tokens, mut targets, mut positions, mut mask, mut pads) = (
        Vec::with_capacity(b * width),
        Vec::with_capacity(b * width),
        Vec::with_capacity(b * width),
        Vec::with_capacity(b * width),
        Vec::with_capacity(b),
    );
    for s in sequences {
        let len = s.tokens.len() - 1;
        let pad = width - len;
        pads.push(pad);
        tokens.extend(std::iter::repeat_n(0, pad).chain(s.tokens[..len].iter().copied()));
        targets.extend(std::iter::repeat_n(0, pad).chain(s.tokens[1..].iter().copied()));
        positions.extend((0..width).map(|i| i.saturating_sub(pad) as u32));
        mask.extend(
            std::iter::repeat_n(0.0f32, pad)
                .chain(s.trained[1..].iter().map(|t| f32::from(u8::from(*t)))),
        );
    }
    let advantages: Vec<f32> = sequences.iter().map(|s| s.advantage as f32).collect();
    Ok(PackedBatch {
        tokens: Tensor::from_vec(tokens, (b, width), device)?,
        targets: Tensor::from_vec(targets, (b, width), device)?,
        positions: Tensor::from_vec(positions, (b, width), device)?,
        mask: Tensor::from_vec(mask, (b, width), device)?,
        pads,
        advantages: Tensor::from_vec(advantages, b, device)?,
        forward_tokens: b * width,
        trained_tokens: sequences.iter().map(Sequence::trained_tokens).sum(),
    })
}

impl PackedBatch {
    /// Log-probabilities of the targets (B, T) under the policy (`adapters`) or the base,
    /// and the logits (B, T, V) they came from.
    pub fn logprobs(
        &self,
        llama: &Llama,
        adapters: Option<&LoraAdapters>,
        dropout: Option<&mut StdRng>,
    ) -> Result<(Tensor, Tensor)> {
        let logits =
            llama.forward_train(&self.tokens, &self.positions, &self.pads, adapters, dropout)?;
        Ok((token_logprobs(&logits, &self.targets)?, logits))
    }

    /// Sum over trained positions of the policy's entropy (nats), without gradient.
    pub fn entropy_sum(&self, logits: &Tensor) -> Result<f64> {
        let entropy = row_entropy(logits)?.to_dtype(self.mask.dtype())?;
        Ok((entropy * &self.mask)?
            .sum_all()?
            .to_dtype(DType::F64)?
            .to_scalar::<f64>()?)
    }
}

/// Adds `grads` of `vars` into `total` (gradient accumulation).
pub fn accumulate(total: &mut Option<GradStore>, grads: GradStore, vars: &[Var]) -> Result<()> {
    match total {
        None => *total = Some(grads),
        Some(total) => {
            for var in vars {
                if let Some(g) = grads.get(var) {
                    let sum = match total.get(var) {
                        Some(t) => (t + g)?,
                        None => g.clone(),
                    };
                    total.insert(var, sum);
                }
            }
        }
    }
    Ok(())
}
