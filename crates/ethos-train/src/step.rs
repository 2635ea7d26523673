//! One GRPO step: rollouts from the adapted model, rewards from a grader, advantages,
//! one policy update.

use std::time::Instant;

use candle_core::{DType, Tensor};
use ethos_grade::{GradeItem, GradeJob, Grader};
use ethos_model::{CandleModel, FinishReason, GenerationRequest, LanguageModel, SamplingParams};
use serde::Serialize;

use crate::error::{Result, TrainError};
use crate::grpo::{GrpoBatch, GrpoConfig, group_advantages, grpo_loss, token_logprobs};
use crate::optim::{AdamW, clip_grad_norm};

/// How rollouts are sampled.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RolloutConfig {
    /// Completions per prompt (G).
    pub group: usize,
    /// Most new tokens per completion.
    pub max_new_tokens: usize,
    /// Sampling temperature.
    pub temperature: f32,
    /// Nucleus sampling mass.
    pub top_p: f32,
    /// Leave completions cut off by `max_new_tokens` out of the loss.
    pub mask_truncated: bool,
}

impl Default for RolloutConfig {
    fn default() -> Self {
        Self {
            group: 4,
            max_new_tokens: 64,
            temperature: 1.0,
            top_p: 1.0,
            mask_truncated: false,
        }
    }
}

/// What one step did, for `metrics.jsonl`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StepMetrics {
    /// Mean reward over graded completions.
    pub reward_mean: f64,
    /// Standard deviation of those rewards.
    pub reward_std: f64,
    /// Groups whose rewards were all equal (no signal; skipped).
    pub zero_variance_groups: usize,
    /// Groups left out because grading failed for a completion.
    pub failed_groups: usize,
    /// The GRPO loss (0 when nothing was trained).
    pub loss: f64,
    /// Mean k3 KL to the reference over trained tokens.
    pub kl: f64,
    /// Share of trained tokens whose ratio was clipped.
    pub clipped_fraction: f64,
    /// Gradient norm before clipping.
    pub grad_norm: f64,
    /// Mean completion length in tokens.
    pub completion_len_mean: f64,
    /// Tokens generated.
    pub generated_tokens: usize,
    /// Completion tokens in the loss.
    pub trained_tokens: usize,
    /// Tokens through the training forward (prompts and padding included).
    pub forward_tokens: usize,
    /// Seconds generating.
    pub rollout_seconds: f64,
    /// Seconds grading.
    pub grade_seconds: f64,
    /// Seconds computing the loss and updating.
    pub update_seconds: f64,
}

fn mean_std(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64;
    (mean, var.sqrt())
}

/// The knobs of one step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepSettings {
    /// How completions are sampled.
    pub rollout: RolloutConfig,
    /// The objective.
    pub grpo: GrpoConfig,
    /// Learning rate of this step.
    pub lr: f64,
    /// Gradient-norm clipping threshold.
    pub max_grad_norm: f64,
    /// Seed of this step's sampling.
    pub seed: u64,
}

/// One sequence to train on.
struct Sample {
    prompt: Vec<u32>,
    completion: Vec<u32>,
    advantage: f64,
}

/// Runs one GRPO step on `prompts` with the adapters attached to `model`.
///
/// Rollouts use the model as it serves (adapters applied); the loss is computed with the
/// differentiable forward in f32. One update per batch, so the sampling policy's
/// log-probabilities equal the current ones (ratio 1) and clipping only matters for
/// future multi-update schedules. The reference for the KL term is the base model
/// (adapters left out).
pub fn grpo_step(
    model: &CandleModel,
    grader: &dyn Grader,
    prompts: &[GradeItem],
    optimizer: &mut AdamW,
    settings: &StepSettings,
) -> Result<StepMetrics> {
    let (rollout, grpo, seed) = (&settings.rollout, &settings.grpo, settings.seed);
    let adapters = model
        .llama()
        .adapters()
        .ok_or_else(|| TrainError::Invalid("attach LoRA adapters before training".into()))?
        .clone();
    let mut metrics = StepMetrics::default();
    let started = Instant::now();
    let requests: Vec<GenerationRequest> = prompts
        .iter()
        .enumerate()
        .map(|(i, item)| {
            GenerationRequest::chat(
                item.messages().to_vec(),
                SamplingParams {
                    temperature: rollout.temperature,
                    top_p: rollout.top_p,
                    max_tokens: rollout.max_new_tokens,
                    seed: seed.wrapping_mul(1_000_003).wrapping_add(i as u64),
                    n: rollout.group,
                    ..SamplingParams::default()
                },
            )
        })
        .collect();
    let generations = model.generate(&requests)?;
    metrics.rollout_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let jobs: Vec<GradeJob<'_>> = prompts
        .iter()
        .zip(&generations)
        .flat_map(|(item, g)| {
            g.completions.iter().map(move |c| GradeJob {
                item,
                response: &c.text,
            })
        })
        .collect();
    let grades = grader.grade_batch(&jobs);
    metrics.grade_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let eos = model.tokenizer().and_then(|t| t.eos().first().copied());
    let mut samples = Vec::new();
    let mut rewards_seen = Vec::new();
    let mut lengths = Vec::new();
    for (p, (item, generation)) in prompts.iter().zip(&generations).enumerate() {
        let group = &grades[p * rollout.group..(p + 1) * rollout.group];
        for c in &generation.completions {
            lengths.push(c.token_ids.len() as f64);
            metrics.generated_tokens += c.token_ids.len();
        }
        if group.iter().any(|g| g.is_err()) {
            metrics.failed_groups += 1;
            continue;
        }
        let rewards: Vec<f64> = group.iter().flatten().map(|g| g.score).collect();
        rewards_seen.extend(&rewards);
        let (advantages, flat) = group_advantages(&rewards, rollout.group, grpo.scale_rewards)?;
        if flat > 0 {
            metrics.zero_variance_groups += 1;
            continue;
        }
        let prompt = model.prompt_tokens(item.messages())?;
        for (c, advantage) in generation.completions.iter().zip(advantages) {
            let truncated = c.finish_reason == FinishReason::Length;
            if truncated && rollout.mask_truncated {
                continue;
            }
            let mut completion = c.token_ids.clone();
            // The end-of-turn token the model sampled is not in `token_ids`; it is part of
            // what the policy chose, so it is trained on too.
            if !truncated && let Some(eos) = eos {
                completion.push(eos);
            }
            if !completion.is_empty() {
                samples.push(Sample {
                    prompt: prompt.clone(),
                    completion,
                    advantage,
                });
            }
        }
    }
    (metrics.reward_mean, metrics.reward_std) = mean_std(&rewards_seen);
    metrics.completion_len_mean = mean_std(&lengths).0;
    if samples.is_empty() {
        metrics.update_seconds = started.elapsed().as_secs_f64();
        return Ok(metrics);
    }

    // Left-padded batch: inputs are sequence[..-1], targets sequence[1..].
    let llama = model.llama();
    let device = llama.device().clone();
    let width = samples
        .iter()
        .map(|s| s.prompt.len() + s.completion.len() - 1)
        .max()
        .unwrap_or(1);
    let (mut tokens, mut targets, mut positions, mut mask, mut pads) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for s in &samples {
        let sequence: Vec<u32> = s.prompt.iter().chain(&s.completion).copied().collect();
        let len = sequence.len() - 1;
        let pad = width - len;
        pads.push(pad);
        tokens.extend(std::iter::repeat_n(0, pad).chain(sequence[..len].iter().copied()));
        targets.extend(std::iter::repeat_n(0, pad).chain(sequence[1..].iter().copied()));
        positions.extend((0..width).map(|i| i.saturating_sub(pad) as u32));
        // Position j predicts sequence[j + 1]; completion tokens start at prompt.len().
        mask.extend((0..width).map(|i| {
            let j = i as isize - pad as isize;
            f32::from(u8::from(j >= s.prompt.len() as isize - 1))
        }));
    }
    let b = samples.len();
    let tokens = Tensor::from_vec(tokens, (b, width), &device)?;
    let targets = Tensor::from_vec(targets, (b, width), &device)?;
    let positions = Tensor::from_vec(positions, (b, width), &device)?;
    let mask = Tensor::from_vec(mask, (b, width), &device)?;
    let advantages = Tensor::from_vec(
        samples
            .iter()
            .map(|s| s.advantage as f32)
            .collect::<Vec<_>>(),
        b,
        &device,
    )?;
    metrics.forward_tokens = b * width;
    metrics.trained_tokens = samples.iter().map(|s| s.completion.len()).sum();
    let logits = llama.forward_train(&tokens, &positions, &pads, Some(&adapters), None)?;
    let logprobs = token_logprobs(&logits, &targets)?;
    let ref_logprobs = if grpo.kl_beta > 0.0 {
        let logits = llama.forward_train(&tokens, &positions, &pads, None, None)?;
        Some(token_logprobs(&logits, &targets)?.detach())
    } else {
        None
    };
    let batch = GrpoBatch {
        old_logprobs: logprobs.detach(),
        logprobs,
        ref_logprobs,
        advantages,
        mask: mask.to_dtype(DType::F32)?,
    };
    let (loss, stats) = grpo_loss(&batch, grpo)?;
    let mut grads = loss.backward()?;
    metrics.grad_norm = clip_grad_norm(&mut grads, &adapters.vars(), settings.max_grad_norm)?;
    optimizer.step(&grads, settings.lr)?;
    metrics.loss = stats.loss;
    metrics.kl = stats.kl;
    metrics.clipped_fraction = stats.clipped_fraction;
    metrics.update_seconds = started.elapsed().as_secs_f64();
    Ok(metrics)
}
