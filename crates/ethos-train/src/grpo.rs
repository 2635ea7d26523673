//! The GRPO objective: group-relative advantages and the clipped token-level loss.
//!
//! For each prompt, G completions are sampled and graded; a completion's advantage is its
//! reward minus its group's mean (divided by the group's standard deviation when
//! `scale_rewards`). Every completion token then carries its sequence's advantage, and
//! the loss is PPO's clipped surrogate averaged over all completion tokens of the batch
//! (token-level, so long completions are not down-weighted), plus `beta` times the k3
//! estimate of KL(policy || reference).

use candle_core::{DType, Tensor};
use serde::{Deserialize, Serialize};

use crate::error::{Result, TrainError};

/// Knobs of the GRPO objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GrpoConfig {
    /// Lower clipping range: the ratio is kept above `1 - clip_low`.
    pub clip_low: f64,
    /// Upper clipping range: the ratio is kept below `1 + clip_high`.
    pub clip_high: f64,
    /// Weight of the KL penalty to the reference policy (0: none).
    pub kl_beta: f64,
    /// Divide advantages by the group's standard deviation.
    pub scale_rewards: bool,
    /// Optimizer updates per batch of rollouts; above 1 the later updates are off-policy
    /// and the PPO clipping takes effect.
    pub updates_per_batch: usize,
    /// Subtracted from a reward per unit of `completion tokens / max_new_tokens` (0: off).
    pub length_penalty: f64,
    /// Keep groups whose rewards are all equal in the update (advantage 0, so only the KL
    /// term acts on them; TRL's behaviour). Off: they are counted and skipped, which
    /// saves their forward and backward passes.
    pub train_flat_groups: bool,
}

impl Default for GrpoConfig {
    fn default() -> Self {
        Self {
            clip_low: 0.2,
            clip_high: 0.2,
            kl_beta: 0.04,
            scale_rewards: true,
            updates_per_batch: 1,
            length_penalty: 0.0,
            train_flat_groups: false,
        }
    }
}

/// Advantages for rewards laid out as consecutive groups of `group` completions of the
/// same prompt. Groups whose rewards are all equal carry no signal: their advantages are
/// 0 and they are counted (second value), never divided by a zero deviation.
pub fn group_advantages(rewards: &[f64], group: usize, scale: bool) -> Result<(Vec<f64>, usize)> {
    if group < 2 {
        return Err(TrainError::Invalid(format!(
            "GRPO needs at least 2 completions per prompt, got {group}"
        )));
    }
    if !rewards.len().is_multiple_of(group) {
        return Err(TrainError::Invalid(format!(
            "{} rewards do not split into groups of {group}",
            rewards.len()
        )));
    }
    if let Some(bad) = rewards.iter().find(|r| !r.is_finite()) {
        return Err(TrainError::Invalid(format!("reward {bad} is not finite")));
    }
    let mut advantages = Vec::with_capacity(rewards.len());
    let mut flat = 0;
    for chunk in rewards.chunks(group) {
        let mean = chunk.iter().sum::<f64>() / group as f64;
        // Sample standard deviation, as TRL computes it.
        let var = chunk.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / (group - 1) as f64;
        let std = var.sqrt();
        if std < 1e-12 {
            flat += 1;
            advantages.extend(std::iter::repeat_n(0.0, group));
            continue;
        }
        let div = if scale { std + 1e-4 } else { 1.0 };
        advantages.extend(chunk.iter().map(|r| (r - mean) / div));
    }
    Ok((advantages, flat))
}

/// What one GRPO loss needs: log-probabilities all of one shape, (B, T) or the (1, M)
/// trained positions of a [`crate::batch::PackedBatch`].
#[derive(Debug, Clone)]
pub struct GrpoBatch {
    /// Log-probabilities of the sampled tokens under the policy being trained
    /// (differentiable).
    pub logprobs: Tensor,
    /// The same under the policy that sampled them (constants).
    pub old_logprobs: Tensor,
    /// The same under the reference policy (constants; needed when `kl_beta > 0`).
    pub ref_logprobs: Option<Tensor>,
    /// One advantage per sequence (B), or one per token (the log-probabilities' shape).
    pub advantages: Tensor,
    /// 1 for tokens that count, 0 for prompt, padding and masked-out tokens (the
    /// log-probabilities' shape); `None` when every token counts.
    pub mask: Option<Tensor>,
}

/// Numbers about one loss evaluation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct GrpoStats {
    /// The loss.
    pub loss: f64,
    /// Mean k3 KL estimate over counted tokens.
    pub kl: f64,
    /// Share of counted tokens whose ratio was clipped (the clipped term was chosen).
    pub clipped_fraction: f64,
    /// Counted tokens.
    pub tokens: f64,
}

/// Log-probabilities (B, T) of `targets` (B, T) under `logits` (B, T, V).
/// (One fused pass with its own backward on CPU; see `ethos_model::train_ops`.)
pub fn token_logprobs(logits: &Tensor, targets: &Tensor) -> Result<Tensor> {
    Ok(ethos_model::train_ops::token_logprobs(logits, targets)?)
}

/// The GRPO loss (scalar, differentiable through `batch.logprobs`) and its statistics.
pub fn grpo_loss(batch: &GrpoBatch, config: &GrpoConfig) -> Result<(Tensor, GrpoStats)> {
    let logp = &batch.logprobs;
    let dtype = logp.dtype();
    let mask = match &batch.mask {
        Some(mask) => mask.to_dtype(dtype)?,
        None => logp.ones_like()?.detach(),
    };
    let tokens = mask.sum_all()?.to_dtype(DType::F64)?.to_scalar::<f64>()?;
    if tokens <= 0.0 {
        return Err(TrainError::Invalid(
            "the batch has no completion tokens to train on".into(),
        ));
    }
    let old = batch.old_logprobs.to_dtype(dtype)?.detach();
    let adv = batch.advantages.to_dtype(dtype)?;
    let adv = if adv.dims() == logp.dims() {
        adv
    } else {
        adv.unsqueeze(1)?
    };
    let ratio = (logp - &old)?.exp()?;
    let unclipped = ratio.broadcast_mul(&adv)?;
    let clipped = ratio
        .clamp(1.0 - config.clip_low, 1.0 + config.clip_high)?
        .broadcast_mul(&adv)?;
    let surrogate = unclipped.minimum(&clipped)?;
    let mut per_token = surrogate.neg()?;
    let mut kl = 0.0;
    if config.kl_beta > 0.0 {
        let reference = batch.ref_logprobs.as_ref().ok_or_else(|| {
            TrainError::Invalid("kl_beta > 0 needs reference log-probabilities".into())
        })?;
        let d = (reference.to_dtype(dtype)?.detach() - logp)?;
        let k3 = ((d.exp()? - &d)? - 1.0)?;
        kl = (&k3 * &mask)?
            .sum_all()?
            .to_dtype(DType::F64)?
            .to_scalar::<f64>()?
            / tokens;
        per_token = (per_token + (k3 * config.kl_beta)?)?;
    }
    let loss = ((per_token * &mask)?.sum_all()? / tokens)?;
    // The clipped term was chosen where it is strictly smaller.
    let chose_clipped = clipped.lt(&unclipped)?.to_dtype(dtype)?;
    let clipped_fraction = (chose_clipped * &mask)?
        .sum_all()?
        .to_dtype(DType::F64)?
        .to_scalar::<f64>()?
        / tokens;
    let stats = GrpoStats {
        loss: loss.to_dtype(DType::F64)?.to_scalar::<f64>()?,
        kl,
        clipped_fraction,
        tokens,
    };
    Ok((loss, stats))
}

#[cfg(test)]
mod tests {
    use candle_core::Device;

    use super::*;

    #[test]
    fn advantages_are_group_relative_and_flat_groups_are_skipped() {
        let (adv, flat) = group_advantages(&[1.0, 0.0, 0.5, 0.5, 2.0, 0.0], 2, false).unwrap();
        assert_eq!(adv, [0.5, -0.5, 0.0, 0.0, 1.0, -1.0]);
        assert_eq!(flat, 1);
        let (scaled, _) = group_advantages(&[1.0, 0.0], 2, true).unwrap();
        // Sample std of {1, 0} is sqrt(0.5).
        assert!((scaled[0] - 0.5 / (0.5f64.sqrt() + 1e-4)).abs() < 1e-12);
        assert!(group_advantages(&[1.0, 0.0, 1.0], 2, true).is_err());
        assert!(group_advantages(&[1.0], 1, true).is_err());
        assert!(group_advantages(&[f64::NAN, 0.0], 2, true).is_err());
    }

    #[test]
    fn loss_is_the_clipped_surrogate_with_k3_kl() {
        let dev = Device::Cpu;
        // One sequence, two counted tokens and one padding token.
        let logp = Tensor::new(&[[-1.0f64, -0.5, -3.0]], &dev).unwrap();
        let old = Tensor::new(&[[-1.5f64, -0.5, -3.0]], &dev).unwrap();
        let reference = Tensor::new(&[[-1.0f64, -1.0, -3.0]], &dev).unwrap();
        let batch = GrpoBatch {
            logprobs: logp,
            old_logprobs: old,
            ref_logprobs: Some(reference),
            advantages: Tensor::new(&[2.0f64], &dev).unwrap(),
            mask: Some(Tensor::new(&[[1.0f64, 1.0, 0.0]], &dev).unwrap()),
        };
        let config = GrpoConfig {
            kl_beta: 0.1,
            ..GrpoConfig::default()
        };
        let (loss, stats) = grpo_loss(&batch, &config).unwrap();
        // Token 1: ratio e^0.5 = 1.65 > 1.2, clipped: -(1.2 * 2). Token 2: ratio 1: -2.
        // k3: token 1 d = 0 -> 0; token 2 d = -0.5 -> e^-0.5 + 0.5 - 1.
        let k3 = (-0.5f64).exp() + 0.5 - 1.0;
        let expected = (-2.4 - 2.0 + 0.1 * k3) / 2.0;
        assert!(
            (stats.loss - expected).abs() < 1e-12,
            "{} vs {expected}",
            stats.loss
        );
        assert!((loss.to_scalar::<f64>().unwrap() - expected).abs() < 1e-12);
        assert_eq!(stats.clipped_fraction, 0.5);
        assert!((stats.kl - k3 / 2.0).abs() < 1e-12);
        assert_eq!(stats.tokens, 2.0);
        let empty = GrpoBatch {
            mask: Some(Tensor::zeros((1, 3), DType::F64, &dev).unwrap()),
            ..batch
        };
        assert!(grpo_loss(&empty, &config).is_err());
    }
}
