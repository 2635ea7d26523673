//! One GRPO step: rollouts from the adapted model, rewards from a grader, advantages,
//! and the policy updates (micro-batched, gradients accumulated).

use std::collections::BTreeMap;
use std::time::Instant;

use candle_core::Tensor;
use candle_core::backprop::GradStore;
use ethos_grade::{GradeItem, GradeJob, Grader};
use ethos_model::llama::Llama;
use ethos_model::lora::LoraAdapters;
use ethos_model::{CandleModel, FinishReason, GenerationRequest, LanguageModel, SamplingParams};
use rand::SeedableRng;
use rand::rngs::StdRng;
use serde::Serialize;

use crate::batch::{PackedBatch, Sequence, accumulate, pack_micro_batches};
use crate::compute::{forward_flops, scored_forward_flops};
use crate::error::{Result, TrainError};
use crate::grpo::{GrpoBatch, GrpoConfig, group_advantages, grpo_loss};
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

/// Rewards of one source within a step.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SourceRewards {
    /// Prompts drawn from the source.
    pub prompts: usize,
    /// Completions graded.
    pub graded: usize,
    /// Mean reward; `None` when nothing from the source was graded.
    pub reward_mean: Option<f64>,
    /// Standard deviation of the rewards; `None` when nothing was graded.
    pub reward_std: Option<f64>,
}

/// What one step did, for `metrics.jsonl`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StepMetrics {
    /// Mean reward over graded completions (before any length penalty); `None` when
    /// nothing was graded.
    pub reward_mean: Option<f64>,
    /// Standard deviation of those rewards; `None` when nothing was graded.
    pub reward_std: Option<f64>,
    /// Rewards per source.
    pub sources: BTreeMap<String, SourceRewards>,
    /// Groups whose rewards were all equal (no signal; skipped).
    pub zero_variance_groups: usize,
    /// Groups left out because grading failed for a completion.
    pub failed_groups: usize,
    /// Prompts skipped because they leave no room for a completion in the context.
    pub long_prompts: usize,
    /// The GRPO loss, averaged over updates. This and the next four fields are `None`
    /// (null in JSON) when the step made no update: nothing was measured.
    pub loss: Option<f64>,
    /// Mean k3 KL to the reference over trained tokens.
    pub kl: Option<f64>,
    /// Mean entropy (nats) of the policy over trained tokens.
    pub entropy: Option<f64>,
    /// Share of trained tokens whose ratio was clipped.
    pub clipped_fraction: Option<f64>,
    /// Gradient norm before clipping (mean over updates).
    pub grad_norm: Option<f64>,
    /// Optimizer updates made.
    pub updates: usize,
    /// Mean completion length in tokens.
    pub completion_len_mean: f64,
    /// Completions cut off by `max_new_tokens`.
    pub truncated: usize,
    /// Tokens generated.
    pub generated_tokens: usize,
    /// Prompt tokens run through the rollouts: each prompt once, as its G completions
    /// start from one prompt pass.
    pub prompt_tokens: usize,
    /// Completion tokens in the loss.
    pub trained_tokens: usize,
    /// Positions through the training forward (prompts and padding included).
    pub forward_tokens: usize,
    /// Estimated FLOPs of rollouts.
    pub rollout_flops: f64,
    /// Estimated FLOPs of the update passes.
    pub update_flops: f64,
    /// Seconds generating.
    pub rollout_seconds: f64,
    /// Seconds grading.
    pub grade_seconds: f64,
    /// Seconds computing the loss and updating.
    pub update_seconds: f64,
}

/// Mean and (population) standard deviation; `None` for no values.
fn mean_std(values: &[f64]) -> Option<(f64, f64)> {
    if values.is_empty() {
        return None;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64;
    Some((mean, var.sqrt()))
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
    /// Sequences per forward/backward pass (gradients accumulate over the step).
    pub micro_batch: usize,
    /// Seed of this step's sampling and dropout.
    pub seed: u64,
}

/// A prompt of a step and the source it was drawn from.
#[derive(Debug, Clone, Copy)]
pub struct RolloutPrompt<'a> {
    /// The item to answer and grade against.
    pub item: &'a GradeItem,
    /// The mixture source's name.
    pub source: &'a str,
}

/// What the update passes measured.
#[derive(Debug, Default)]
struct UpdateStats {
    loss: f64,
    kl: f64,
    entropy: f64,
    clipped_fraction: f64,
    grad_norm: f64,
    updates: usize,
    forward_tokens: usize,
    update_flops: f64,
}

/// Log-probabilities fixed before the updates of a batch: the reference's (for the KL
/// term) and the sampling policy's (when the batch is reused for several updates).
struct FixedLogprobs {
    reference: Vec<Option<Tensor>>,
    old: Vec<Option<Tensor>>,
}

/// The loss terms of one pass over all micro-batches.
#[derive(Debug, Default)]
struct PassStats {
    loss: f64,
    kl: f64,
    clipped_fraction: f64,
    entropy_sum: f64,
}

/// One pass over `batches`: each micro-batch's token-mean loss is weighted by its share of
/// the `total` trained tokens and its gradients are added up, so the result is the
/// gradient of the token-mean loss over the whole batch.
fn accumulated_pass(
    llama: &Llama,
    adapters: &LoraAdapters,
    batches: &[PackedBatch],
    fixed: &FixedLogprobs,
    grpo: &GrpoConfig,
    total: usize,
    mut dropout: Option<&mut StdRng>,
) -> Result<(Option<GradStore>, PassStats)> {
    let vars = adapters.vars();
    let mut grads = None;
    let mut stats = PassStats::default();
    for (i, batch) in batches.iter().enumerate() {
        let (logprobs, logits) = batch.logprobs(llama, Some(adapters), dropout.as_deref_mut())?;
        stats.entropy_sum += batch.entropy_sum(&logits)?;
        drop(logits);
        let old = fixed.old[i].clone().unwrap_or_else(|| logprobs.detach());
        let packed = GrpoBatch {
            old_logprobs: old,
            logprobs,
            ref_logprobs: fixed.reference[i].clone(),
            advantages: batch.advantages.clone(),
            mask: None,
        };
        let (loss, part) = grpo_loss(&packed, grpo)?;
        let weight = part.tokens / total as f64;
        accumulate(&mut grads, (loss * weight)?.backward()?, &vars)?;
        stats.loss += part.loss * weight;
        stats.kl += part.kl * weight;
        stats.clipped_fraction += part.clipped_fraction * weight;
    }
    Ok((grads, stats))
}

/// The on-policy GRPO gradient of `sequences` for the adapters attached to `model`,
/// computed in micro-batches of `micro_batch` sequences, and the loss. The result does
/// not depend on `micro_batch` (up to float rounding).
pub fn grpo_gradients(
    model: &CandleModel,
    sequences: &[Sequence],
    grpo: &GrpoConfig,
    micro_batch: usize,
) -> Result<(GradStore, f64)> {
    let llama = model.llama();
    let adapters = llama
        .adapters()
        .ok_or_else(|| TrainError::Invalid("attach LoRA adapters before training".into()))?;
    let batches = pack_micro_batches(sequences, micro_batch, llama.device())?;
    let total: usize = batches.iter().map(|b| b.trained_tokens).sum();
    let fixed = fixed_logprobs(llama, adapters, &batches, grpo)?;
    let (grads, stats) = accumulated_pass(llama, adapters, &batches, &fixed, grpo, total, None)?;
    let grads = grads.ok_or_else(|| TrainError::Invalid("no sequences".into()))?;
    Ok((grads, stats.loss))
}

fn fixed_logprobs(
    llama: &Llama,
    adapters: &LoraAdapters,
    batches: &[PackedBatch],
    grpo: &GrpoConfig,
) -> Result<FixedLogprobs> {
    let reference = if grpo.kl_beta > 0.0 {
        batches
            .iter()
            .map(|b| Ok(Some(b.logprobs(llama, None, None)?.0.detach())))
            .collect::<Result<Vec<_>>>()?
    } else {
        vec![None; batches.len()]
    };
    // With one update the sampling policy is the current one; with more, the sampling
    // policy's log-probs are fixed before the first update.
    let old = if grpo.updates_per_batch > 1 {
        batches
            .iter()
            .map(|b| Ok(Some(b.logprobs(llama, Some(adapters), None)?.0.detach())))
            .collect::<Result<Vec<_>>>()?
    } else {
        vec![None; batches.len()]
    };
    Ok(FixedLogprobs { reference, old })
}

/// `updates_per_batch` optimizer updates on `sequences`, gradients accumulated over
/// micro-batches.
fn update(
    model: &CandleModel,
    adapters: &LoraAdapters,
    sequences: &[Sequence],
    optimizer: &mut AdamW,
    settings: &StepSettings,
) -> Result<UpdateStats> {
    let llama = model.llama();
    let grpo = &settings.grpo;
    let batches = pack_micro_batches(sequences, settings.micro_batch, llama.device())?;
    let total: usize = batches.iter().map(|b| b.trained_tokens).sum();
    if total == 0 {
        return Err(TrainError::Invalid(
            "the batch has no completion tokens to train on".into(),
        ));
    }
    let forward_tokens: usize = batches.iter().map(|b| b.forward_tokens).sum();
    let pass = scored_forward_flops(llama.config(), forward_tokens, total);
    let fixed = fixed_logprobs(llama, adapters, &batches, grpo)?;
    let mut stats = UpdateStats {
        forward_tokens,
        update_flops: pass
            * (f64::from(u8::from(grpo.kl_beta > 0.0))
                + f64::from(u8::from(grpo.updates_per_batch > 1))),
        ..UpdateStats::default()
    };
    let mut dropout =
        (adapters.config().dropout > 0.0).then(|| StdRng::seed_from_u64(settings.seed));
    let vars = adapters.vars();
    for round in 0..grpo.updates_per_batch {
        let (grads, pass_stats) = accumulated_pass(
            llama,
            adapters,
            &batches,
            &fixed,
            grpo,
            total,
            dropout.as_mut(),
        )?;
        if round == 0 {
            stats.entropy = pass_stats.entropy_sum / total as f64;
        }
        let Some(mut grads) = grads else {
            break;
        };
        stats.loss += pass_stats.loss;
        stats.kl += pass_stats.kl;
        stats.clipped_fraction += pass_stats.clipped_fraction;
        stats.grad_norm += clip_grad_norm(&mut grads, &vars, settings.max_grad_norm)?;
        optimizer.step(&grads, settings.lr)?;
        stats.updates += 1;
        // Forward and backward (activation gradients) of the policy.
        stats.update_flops += 2.0 * pass;
    }
    let n = stats.updates.max(1) as f64;
    stats.loss /= n;
    stats.kl /= n;
    stats.clipped_fraction /= n;
    stats.grad_norm /= n;
    Ok(stats)
}

/// Runs one GRPO step on `prompts` with the adapters attached to `model`.
///
/// Rollouts use the model as it serves (adapters applied); the loss is computed with the
/// differentiable forward in f32. The reference for the KL term is the base model
/// (adapters left out).
pub fn grpo_step(
    model: &CandleModel,
    grader: &dyn Grader,
    prompts: &[RolloutPrompt<'_>],
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
    // A prompt that leaves no room for a full completion in the context is skipped and
    // counted rather than failing the step.
    let context = model.llama().config().context;
    let mut kept = Vec::with_capacity(prompts.len());
    let mut prompt_ids = Vec::with_capacity(prompts.len());
    for prompt in prompts {
        let tokens = model.prompt_tokens(prompt.item.messages())?;
        if tokens.len() + rollout.max_new_tokens > context {
            metrics.long_prompts += 1;
        } else {
            kept.push(*prompt);
            prompt_ids.push(tokens);
        }
    }
    let prompts = kept;
    let requests: Vec<GenerationRequest> = prompts
        .iter()
        .enumerate()
        .map(|(i, prompt)| {
            GenerationRequest::chat(
                prompt.item.messages().to_vec(),
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
        .flat_map(|(prompt, g)| {
            g.completions.iter().map(move |c| GradeJob {
                item: prompt.item,
                response: &c.text,
            })
        })
        .collect();
    let grades = grader.grade_batch(&jobs);
    metrics.grade_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let eos = model.tokenizer().and_then(|t| t.eos().first().copied());
    let mut sequences = Vec::new();
    let mut rewards_seen = Vec::new();
    let mut per_source: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut lengths = Vec::new();
    for (p, (prompt, generation)) in prompts.iter().zip(&generations).enumerate() {
        let group = &grades[p * rollout.group..(p + 1) * rollout.group];
        let tokens = &prompt_ids[p];
        let source = metrics
            .sources
            .entry(prompt.source.to_string())
            .or_default();
        source.prompts += 1;
        let source_rewards = per_source.entry(prompt.source).or_default();
        metrics.prompt_tokens += tokens.len();
        for c in &generation.completions {
            lengths.push(c.token_ids.len() as f64);
            metrics.generated_tokens += c.token_ids.len();
            metrics.truncated += usize::from(c.finish_reason == FinishReason::Length);
        }
        if group.iter().any(|g| g.is_err()) {
            metrics.failed_groups += 1;
            continue;
        }
        let rewards: Vec<f64> = group.iter().flatten().map(|g| g.score).collect();
        rewards_seen.extend(&rewards);
        source_rewards.extend(&rewards);
        let shaped: Vec<f64> = rewards
            .iter()
            .zip(&generation.completions)
            .map(|(r, c)| {
                r - grpo.length_penalty * c.token_ids.len() as f64 / rollout.max_new_tokens as f64
            })
            .collect();
        let (advantages, flat) = group_advantages(&shaped, rollout.group, grpo.scale_rewards)?;
        if flat > 0 {
            metrics.zero_variance_groups += 1;
            if !grpo.train_flat_groups {
                continue;
            }
        }
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
                sequences.push(Sequence::prompt_completion(tokens, &completion, advantage));
            }
        }
    }
    for (name, rewards) in per_source {
        if let Some(source) = metrics.sources.get_mut(name) {
            source.graded = rewards.len();
            (source.reward_mean, source.reward_std) = mean_std(&rewards).unzip();
        }
    }
    (metrics.reward_mean, metrics.reward_std) = mean_std(&rewards_seen).unzip();
    metrics.completion_len_mean = mean_std(&lengths).map_or(0.0, |(mean, _)| mean);
    let config = model.llama().config();
    metrics.rollout_flops = forward_flops(config, metrics.prompt_tokens + metrics.generated_tokens);
    if !sequences.is_empty() {
        let stats = update(model, &adapters, &sequences, optimizer, settings)?;
        metrics.trained_tokens = sequences.iter().map(Sequence::trained_tokens).sum();
        metrics.forward_tokens = stats.forward_tokens;
        metrics.update_flops = stats.update_flops;
        metrics.updates = stats.updates;
        if stats.updates > 0 {
            metrics.loss = Some(stats.loss);
            metrics.kl = Some(stats.kl);
            metrics.entropy = Some(stats.entropy);
            metrics.clipped_fraction = Some(stats.clipped_fraction);
            metrics.grad_norm = Some(stats.grad_norm);
        }
    }
    metrics.update_seconds = started.elapsed().as_secs_f64();
    Ok(metrics)
}
