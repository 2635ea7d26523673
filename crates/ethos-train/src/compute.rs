//! Compute accounting: estimated floating-point operations of rollouts and updates, and
//! the check that two arms of an experiment were given the same compute.
//!
//! The estimate is the usual `2 * N` multiply-adds per token through the weight
//! matrices (N = parameters used in matrix products, the output head included; the
//! embedding lookup is free). A backward pass with frozen base weights needs the
//! activation gradients only, another `2 * N` per token (LoRA's own products are a few
//! per mille and left out), so a trained token costs `4 * N`. Attention's
//! sequence-length-dependent products are left out; at the lengths used here they are a
//! few percent. The figure is for comparing arms, not for a hardware bill.

use ethos_model::llama::LlamaConfig;
use serde::{Deserialize, Serialize};

/// Parameters used in matrix products per token.
pub fn matmul_params(config: &LlamaConfig) -> f64 {
    let (h, ff, v) = (
        config.hidden as f64,
        config.intermediate as f64,
        config.vocab as f64,
    );
    let q = (config.heads * config.head_dim()) as f64;
    let kv = (config.kv_heads * config.head_dim()) as f64;
    let per_layer = h * (q + 2.0 * kv) + q * h + 3.0 * h * ff;
    config.layers as f64 * per_layer + h * v
}

/// FLOPs of running `tokens` tokens forward.
pub fn forward_flops(config: &LlamaConfig, tokens: usize) -> f64 {
    2.0 * matmul_params(config) * tokens as f64
}

/// FLOPs of a training forward over `positions` positions that computes the output head
/// only at the `scored` positions whose token enters the loss.
pub fn scored_forward_flops(config: &LlamaConfig, positions: usize, scored: usize) -> f64 {
    let head = config.hidden as f64 * config.vocab as f64;
    2.0 * (matmul_params(config) - head) * positions as f64 + 2.0 * head * scored as f64
}

/// What a run consumed (written to `summary.json`, compared across arms).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ComputeTotals {
    /// Optimizer steps.
    pub steps: u64,
    /// Tokens sampled in rollouts.
    pub generated_tokens: u64,
    /// Completion tokens in the loss.
    pub trained_tokens: u64,
    /// Positions through training forwards (padding and prompts included).
    pub forward_tokens: u64,
    /// Estimated FLOPs of rollouts.
    pub rollout_flops: f64,
    /// Estimated FLOPs of updates.
    pub update_flops: f64,
}

impl ComputeTotals {
    /// Rollout and update FLOPs together.
    pub fn flops(&self) -> f64 {
        self.rollout_flops + self.update_flops
    }
}

/// |a - b| relative to the larger of the two (0 when both are 0).
pub fn relative_gap(a: f64, b: f64) -> f64 {
    let big = a.max(b);
    if big == 0.0 { 0.0 } else { (a - b).abs() / big }
}

/// Checks that two runs' compute differs by at most `tolerance` (0.02 = 2%) in FLOPs and
/// in generated tokens; the error says which measure is off and by how much.
pub fn check_matched(
    a: &ComputeTotals,
    b: &ComputeTotals,
    tolerance: f64,
) -> std::result::Result<(), String> {
    let gap = relative_gap;
    let measures = [
        ("estimated FLOPs", a.flops(), b.flops()),
        (
            "generated tokens",
            a.generated_tokens as f64,
            b.generated_tokens as f64,
        ),
    ];
    let off: Vec<String> = measures
        .iter()
        .filter(|(_, x, y)| gap(*x, *y) > tolerance)
        .map(|(name, x, y)| {
            format!(
                "{name} differ by {:.1}% ({x:.4e} vs {y:.4e})",
                100.0 * gap(*x, *y)
            )
        })
        .collect();
    if off.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "not compute-matched within {:.1}%: {}",
            100.0 * tolerance,
            off.join("; ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smollm2_135m_has_the_expected_matmul_parameters() {
        // SmolLM2-135M: 30 layers, hidden 576, 9 heads / 3 kv heads of 64, ff 1536,
        // vocabulary 49152: 134.5 M parameters of which 28.3 M are the (tied) embedding.
        let config = LlamaConfig {
            hidden: 576,
            layers: 30,
            heads: 9,
            kv_heads: 3,
            intermediate: 1536,
            vocab: 49152,
            rms_eps: 1e-5,
            rope_theta: 1e5,
            context: 8192,
            rope_interleaved: true,
        };
        let n = matmul_params(&config);
        // 30 * (576*(576+2*192) + 576*576 + 3*576*1536) + 576*49152
        assert_eq!(
            n,
            30.0 * (552_960.0 + 331_776.0 + 2_654_208.0) + 28_311_552.0
        );
        assert!((n / 1e6 - 134.5).abs() < 0.1, "{n}");
    }

    #[test]
    fn matching_is_checked_on_flops_and_tokens() {
        let a = ComputeTotals {
            generated_tokens: 1000,
            rollout_flops: 1e12,
            update_flops: 2e12,
            ..ComputeTotals::default()
        };
        let mut b = a.clone();
        b.generated_tokens = 1015;
        assert!(check_matched(&a, &b, 0.02).is_ok());
        b.update_flops = 2.2e12;
        let err = check_matched(&a, &b, 0.02).unwrap_err();
        assert!(
            err.starts_with("not compute-matched within 2.0%: estimated FLOPs differ by 6.2%"),
            "{err}"
        );
    }
}
