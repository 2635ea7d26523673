//! Training sequences packed into left-padded tensors, and the loss passes over them in
//! micro-batches with gradient accumulation (shared by GRPO and SFT).

use std::borrow::Borrow;
use std::collections::HashMap;

use candle_core::backprop::GradStore;
use candle_core::{DType, Device, Tensor, Var};
use ethos_model::llama::Llama;
use ethos_model::lora::LoraAdapters;
use ethos_model::train_ops::{row_entropy, token_logprobs};
use ethos_model::training::{Segment, SharedPrefixInputs};
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

    /// Length of the prompt: the tokens before the first trained one (at least 1, since
    /// the first token is never predicted; all of them when nothing is trained).
    pub fn prompt_len(&self) -> usize {
        (1..self.tokens.len())
            .find(|&i| self.trained[i])
            .unwrap_or(self.tokens.len())
    }

    /// Tokens that enter the loss.
    pub fn trained_tokens(&self) -> usize {
        // The first token is never predicted.
        self.trained.iter().skip(1).filter(|t| **t).count()
    }
}

/// Sequences as tensors, each distinct prompt once: a sequence is split at its first
/// trained token into a prompt (shared by every sequence with the same one, e.g. a GRPO
/// group) and a continuation. What the loss needs is kept only at the M trained
/// positions.
#[derive(Debug)]
pub struct PackedBatch {
    /// Prompts and continuations as the model takes them.
    pub inputs: SharedPrefixInputs,
    /// Indices (M, u32) of the trained positions: prompt positions (P * Tp) first, then
    /// continuation positions (R * Tc).
    pub rows: Tensor,
    /// Target id at each trained position (1, M).
    pub targets: Tensor,
    /// Advantage of the sequence each trained position belongs to (1, M), f32.
    pub advantages: Tensor,
    /// Positions through the forward (P * Tp + R * Tc).
    pub forward_tokens: usize,
    /// Targets in the loss (M).
    pub trained_tokens: usize,
}

/// Packs sequences of at least two tokens.
pub fn pack<S: Borrow<Sequence>>(sequences: &[S], device: &Device) -> Result<PackedBatch> {
    let sequences: Vec<&Sequence> = sequences.iter().map(Borrow::borrow).collect();
    if let Some(short) = sequences.iter().find(|s| s.tokens.len() < 2) {
        return Err(TrainError::Invalid(format!(
            "a training sequence needs at least 2 tokens, got {}",
            short.tokens.len()
        )));
    }
    // Split each sequence before its first trained token.
    let splits: Vec<usize> = sequences.iter().map(|s| s.prompt_len()).collect();
    let mut prompt_index: HashMap<&[u32], usize> = HashMap::new();
    let mut prompts: Vec<&[u32]> = Vec::new();
    let prompt_of: Vec<usize> = sequences
        .iter()
        .zip(&splits)
        .map(|(s, &split)| {
            let prefix = &s.tokens[..split];
            *prompt_index.entry(prefix).or_insert_with(|| {
                prompts.push(prefix);
                prompts.len() - 1
            })
        })
        .collect();
    let tp = prompts.iter().map(|p| p.len()).max().unwrap_or(1);
    // A continuation's inputs are its tokens after the prompt but the last.
    let lens: Vec<usize> = sequences
        .iter()
        .zip(&splits)
        .map(|(s, &split)| s.tokens.len().saturating_sub(split + 1))
        .collect();
    let tc = lens.iter().copied().max().unwrap_or(0);
    let p = prompts.len();
    let mut prompt_tokens = Vec::with_capacity(p * tp);
    let mut prompt_pads = Vec::with_capacity(p);
    for prompt in &prompts {
        let pad = tp - prompt.len();
        prompt_pads.push(pad);
        prompt_tokens.extend(std::iter::repeat_n(0, pad).chain(prompt.iter().copied()));
    }
    // Continuations into rows of width Tc, longest first, each into the first row with
    // room (first-fit decreasing): little padding whatever the spread of lengths.
    let mut by_length: Vec<usize> = (0..sequences.len()).filter(|&r| lens[r] > 0).collect();
    by_length.sort_by_key(|&r| std::cmp::Reverse(lens[r]));
    let mut filled: Vec<usize> = Vec::new();
    let mut place: Vec<Option<Segment>> = vec![None; sequences.len()];
    for r in by_length {
        let row = match filled.iter().position(|&used| used + lens[r] <= tc) {
            Some(row) => row,
            None => {
                filled.push(0);
                filled.len() - 1
            }
        };
        place[r] = Some(Segment {
            prompt: prompt_of[r],
            row,
            start: filled[row],
            len: lens[r],
        });
        filled[row] += lens[r];
    }
    let mut tokens = vec![0u32; filled.len() * tc];
    let (mut rows, mut targets, mut advantages) = (Vec::new(), Vec::new(), Vec::new());
    for (r, s) in sequences.iter().enumerate() {
        let split = splits[r];
        let at = place[r].map(|seg| seg.row * tc + seg.start);
        if let Some(at) = at {
            tokens[at..at + lens[r]].copy_from_slice(&s.tokens[split..split + lens[r]]);
        }
        // Token j is predicted at the position of token j - 1: the prompt's last position
        // for the first token after the prompt, the continuation's after that.
        for j in split..s.tokens.len() {
            if !s.trained[j] {
                continue;
            }
            let row = match at {
                Some(at) if j > split => p * tp + at + (j - 1 - split),
                _ => prompt_of[r] * tp + tp - 1,
            };
            rows.push(row as u32);
            targets.push(s.tokens[j]);
            advantages.push(s.advantage as f32);
        }
    }
    let packed_rows = filled.len();
    let m = rows.len();
    Ok(PackedBatch {
        inputs: SharedPrefixInputs {
            prompt_tokens: Tensor::from_vec(prompt_tokens, (p, tp), device)?,
            prompt_pads,
            tokens: Tensor::from_vec(tokens, (packed_rows, tc), device)?,
            segments: place.into_iter().flatten().collect(),
        },
        rows: Tensor::from_vec(rows, m, device)?,
        targets: Tensor::from_vec(targets, (1, m), device)?,
        advantages: Tensor::from_vec(advantages, (1, m), device)?,
        forward_tokens: p * tp + packed_rows * tc,
        trained_tokens: m,
    })
}

/// Packs `sequences` into micro-batches of at most `micro_batch` sequences. Sequences are
/// ordered by prompt, then by length, so that a group's completions share one pass over
/// their prompt and each micro-batch holds similar lengths and little padding; losses are
/// token sums, so the order does not change the accumulated result.
pub fn pack_micro_batches(
    sequences: &[Sequence],
    micro_batch: usize,
    device: &Device,
) -> Result<Vec<PackedBatch>> {
    let mut order: Vec<&Sequence> = sequences.iter().collect();
    order.sort_by_key(|s| {
        let prompt = &s.tokens[..s.prompt_len()];
        (prompt.len(), prompt, s.tokens.len())
    });
    order
        .chunks(micro_batch.max(1))
        .map(|chunk| pack(chunk, device))
        .collect()
}

impl PackedBatch {
    /// Log-probabilities (1, M) of the trained targets under the policy (`adapters`) or
    /// the base, and the logits (1, M, V) they came from.
    pub fn logprobs(
        &self,
        llama: &Llama,
        adapters: Option<&LoraAdapters>,
        dropout: Option<&mut StdRng>,
    ) -> Result<(Tensor, Tensor)> {
        let logits = llama.forward_train_shared(&self.inputs, &self.rows, adapters, dropout)?;
        Ok((token_logprobs(&logits, &self.targets)?, logits))
    }

    /// Sum over trained positions of the policy's entropy (nats), without gradient.
    pub fn entropy_sum(&self, logits: &Tensor) -> Result<f64> {
        Ok(row_entropy(logits)?
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
