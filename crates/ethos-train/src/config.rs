//! Training configuration: a TOML file read into typed settings and validated before
//! anything is loaded, so a bad config fails in a second instead of mid-run.
//!
//! ```toml
//! model = "default"
//! seed = 7
//! [lora]            # rank, alpha, dropout, targets
//! [rollout]         # group (G), max_new_tokens, temperature, top_p, mask_truncated
//! [grpo]            # clip_low, clip_high, kl_beta, scale_rewards, updates_per_batch, length_penalty,
//!                   # train_flat_groups
//! [optimizer]       # lr, warmup_steps, min_lr_ratio, weight_decay, beta1, beta2, eps, max_grad_norm
//! [budget]          # steps or generated_tokens; prompts_per_step, micro_batch, checkpoint_every
//! [graders]         # reward = "rules", evaluation = "..."
//! [[source]]        # name, role (standard | trait), paths, share, filters
//! [[arm]]           # name, kind (baseline | trait | reward-control), domain filters
//! [reward_control]  # rubric = "rubrics/helpfulness.toml"
//! [sft]             # paths, examples_per_step, max_tokens
//! ```
//!
//! Relative paths are relative to the config file's folder.

use std::path::{Path, PathBuf};

use ethos_core::{Criterion, Split};
use ethos_grade::GraderRoles;
use ethos_model::lora::{LoraConfig, LoraTarget};
use serde::{Deserialize, Serialize};

use crate::error::{Result, TrainError};
use crate::grpo::GrpoConfig;
use crate::optim::{AdamWConfig, LrSchedule};
use crate::step::RolloutConfig;

/// A whole training configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainConfig {
    /// The base model: a GGUF file, a Hugging Face folder, or `default`.
    pub model: String,
    /// Seed of every random choice of the run (sampling, mixture, dropout).
    #[serde(default)]
    pub seed: u64,
    /// The adapter.
    #[serde(default)]
    pub lora: LoraSection,
    /// How completions are sampled.
    #[serde(default)]
    pub rollout: RolloutConfig,
    /// The GRPO objective.
    #[serde(default)]
    pub grpo: GrpoConfig,
    /// AdamW and the learning-rate schedule.
    #[serde(default)]
    pub optimizer: OptimizerSection,
    /// How long to train and in what batches.
    pub budget: Budget,
    /// The reward grader and the evaluation grader.
    pub graders: GraderRoles,
    /// Where training prompts come from.
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceConfig>,
    /// The arms of the experiment.
    #[serde(default, rename = "arm")]
    pub arms: Vec<ArmConfig>,
    /// The generic rubric of the `reward-control` arm.
    #[serde(default)]
    pub reward_control: Option<RewardControl>,
    /// Supervised fine-tuning data (`ethos train --sft`).
    #[serde(default)]
    pub sft: Option<SftSection>,
}

/// LoRA settings as written in the config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LoraSection {
    /// Rank of the update.
    pub rank: usize,
    /// Scale numerator (the update is scaled by `alpha / rank`).
    pub alpha: f64,
    /// Dropout on the adapter input while training.
    pub dropout: f64,
    /// Adapted projections: q, k, v, o, gate, up, down.
    pub targets: Vec<LoraTarget>,
}

impl Default for LoraSection {
    fn default() -> Self {
        Self {
            rank: 16,
            alpha: 32.0,
            dropout: 0.0,
            targets: vec![LoraTarget::Q, LoraTarget::V],
        }
    }
}

impl LoraSection {
    /// The model crate's adapter config.
    pub fn to_lora_config(&self) -> LoraConfig {
        LoraConfig {
            rank: self.rank,
            alpha: self.alpha,
            dropout: self.dropout,
            targets: self.targets.clone(),
        }
    }
}

/// Optimizer settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OptimizerSection {
    /// Peak learning rate.
    pub lr: f64,
    /// Steps of linear warm-up.
    pub warmup_steps: u64,
    /// Final learning rate of the cosine decay, as a share of `lr`.
    pub min_lr_ratio: f64,
    /// Decoupled weight decay.
    pub weight_decay: f64,
    /// Adam's first-moment decay.
    pub beta1: f64,
    /// Adam's second-moment decay.
    pub beta2: f64,
    /// Adam's epsilon.
    pub eps: f64,
    /// Gradient-norm clipping threshold.
    pub max_grad_norm: f64,
}

impl Default for OptimizerSection {
    fn default() -> Self {
        Self {
            lr: 1e-5,
            warmup_steps: 0,
            min_lr_ratio: 0.1,
            weight_decay: 0.0,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            max_grad_norm: 1.0,
        }
    }
}

impl OptimizerSection {
    /// AdamW's own hyper-parameters.
    pub fn adamw(&self) -> AdamWConfig {
        AdamWConfig {
            beta1: self.beta1,
            beta2: self.beta2,
            eps: self.eps,
            weight_decay: self.weight_decay,
        }
    }

    /// The schedule over `total_steps`.
    pub fn schedule(&self, total_steps: u64) -> LrSchedule {
        LrSchedule {
            peak: self.lr,
            warmup_steps: self.warmup_steps,
            total_steps,
            min_ratio: self.min_lr_ratio,
        }
    }
}

/// The compute budget and batch shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Stop after this many optimizer steps.
    #[serde(default)]
    pub steps: Option<u64>,
    /// Or stop once this many tokens have been generated.
    #[serde(default)]
    pub generated_tokens: Option<u64>,
    /// Prompts per step (each gets G completions); examples per step in SFT.
    pub prompts_per_step: usize,
    /// Sequences per forward/backward pass; gradients are accumulated over the step.
    #[serde(default = "default_micro_batch")]
    pub micro_batch: usize,
    /// Save a checkpoint every N steps (and always at the end).
    #[serde(default = "default_checkpoint_every")]
    pub checkpoint_every: u64,
}

fn default_micro_batch() -> usize {
    8
}

fn default_checkpoint_every() -> u64 {
    10
}

/// What a source contributes to the mixture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceRole {
    /// Standard RL data (verifiable tasks); kept by every arm.
    Standard,
    /// Trait scenarios; dropped by the baseline, re-rubricked by the reward control.
    Trait,
}

/// One source of training prompts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    /// Name used in metrics.
    pub name: String,
    /// Standard or trait data.
    pub role: SourceRole,
    /// Data files or folders (scenarios and/or tasks).
    pub paths: Vec<PathBuf>,
    /// Share of the prompts drawn from this source (shares sum to 1).
    pub share: f64,
    /// Keep only scenarios of these traits (empty: all).
    #[serde(default)]
    pub traits: Vec<String>,
    /// Keep only scenarios of these domains (empty: all).
    #[serde(default)]
    pub domains: Vec<String>,
    /// Drop scenarios of these domains.
    #[serde(default)]
    pub exclude_domains: Vec<String>,
    /// Keep only scenarios of this split. Default: `train`; `heldout` also needs
    /// `allow_heldout = true`, since held-out scenarios are the evaluation set.
    #[serde(default)]
    pub split: Option<Split>,
    /// Allows `split = "heldout"`: training on the scenarios kept for evaluation.
    #[serde(default)]
    pub allow_heldout: bool,
    /// Keep only tasks of these kinds (empty: all).
    #[serde(default)]
    pub task_kinds: Vec<String>,
}

/// The kinds of arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArmKind {
    /// 100% standard data: trait sources dropped, standard shares renormalised.
    Baseline,
    /// The mixture as configured (optionally domain-restricted).
    Trait,
    /// The trait arm's conversations, rewarded by the generic helpfulness rubric.
    RewardControl,
}

/// One arm of the experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArmConfig {
    /// Name given to `--arm`.
    pub name: String,
    /// What the arm does with trait data.
    pub kind: ArmKind,
    /// Restrict trait sources to these domains (e.g. health only).
    #[serde(default)]
    pub domains: Vec<String>,
    /// Remove these domains from trait sources (e.g. neither health nor science).
    #[serde(default)]
    pub exclude_domains: Vec<String>,
}

/// The reward-control arm's rubric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RewardControl {
    /// A TOML file of `[[criterion]]` tables.
    pub rubric: PathBuf,
}

/// Supervised fine-tuning data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SftSection {
    /// JSONL files whose lines carry `messages` ending in an assistant turn, or
    /// scenarios with a `reference` (used as the assistant turn).
    pub paths: Vec<PathBuf>,
    /// Longest training sequence in tokens (longer examples are cut at the end).
    #[serde(default = "default_sft_max_tokens")]
    pub max_tokens: usize,
}

fn default_sft_max_tokens() -> usize {
    512
}

/// A validated config and the folder its relative paths start from.
#[derive(Debug, Clone)]
pub struct LoadedConfig {
    /// The settings.
    pub config: TrainConfig,
    /// The config file.
    pub path: PathBuf,
    /// The text read, kept for the run record.
    pub text: String,
}

impl LoadedConfig {
    /// Resolves a path written in the config.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            return path.to_path_buf();
        }
        self.path
            .parent()
            .map(|dir| dir.join(path))
            .unwrap_or_else(|| path.to_path_buf())
    }

    /// The arm named `name`, or the first arm when `name` is `None`.
    pub fn arm(&self, name: Option<&str>) -> Result<&ArmConfig> {
        let arms = &self.config.arms;
        match name {
            None => arms
                .first()
                .ok_or_else(|| self.invalid("arm", "no [[arm]] defined")),
            Some(name) => arms.iter().find(|a| a.name == name).ok_or_else(|| {
                let known: Vec<&str> = arms.iter().map(|a| a.name.as_str()).collect();
                TrainError::Config(format!(
                    "{}: --arm: unknown arm `{name}` (the config defines: {})",
                    self.path.display(),
                    known.join(", ")
                ))
            }),
        }
    }

    /// The generic rubric of the reward control, read from its file.
    pub fn reward_control_rubric(&self) -> Result<Vec<Criterion>> {
        let Some(control) = &self.config.reward_control else {
            return Err(self.invalid(
                "reward_control.rubric",
                "a reward-control arm needs [reward_control] rubric = FILE",
            ));
        };
        let path = self.resolve(&control.rubric);
        let text = std::fs::read_to_string(&path).map_err(|e| TrainError::File {
            path: path.clone(),
            message: e.to_string(),
        })?;
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RubricFile {
            criterion: Vec<Criterion>,
        }
        let file: RubricFile = toml::from_str(&text).map_err(|e| TrainError::File {
            path: path.clone(),
            message: e.to_string(),
        })?;
        if !file.criterion.iter().any(|c| c.points > 0) {
            return Err(TrainError::File {
                path,
                message: "criterion: the rubric needs at least one positive criterion".into(),
            });
        }
        Ok(file.criterion)
    }

    fn invalid(&self, field: &str, message: &str) -> TrainError {
        TrainError::Config(format!("{}: {field}: {message}", self.path.display()))
    }
}

/// Reads and validates a config file.
pub fn load_config(path: &Path) -> Result<LoadedConfig> {
    let text = std::fs::read_to_string(path).map_err(|e| TrainError::File {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let config: TrainConfig = toml::from_str(&text)
        .map_err(|e| TrainError::Config(format!("{}: {e}", path.display())))?;
    let problems = config.problems();
    if !problems.is_empty() {
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("{}: {p}", path.display()))
            .collect();
        return Err(TrainError::Config(list.join("\n")));
    }
    Ok(LoadedConfig {
        config,
        path: path.to_path_buf(),
        text,
    })
}

impl TrainConfig {
    /// Every problem of the config, each naming its field.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut check = |ok: bool, field: &str, message: &str| {
            if !ok {
                out.push(format!("{field}: {message}"));
            }
        };
        check(self.lora.rank > 0, "lora.rank", "must be at least 1");
        check(
            (0.0..1.0).contains(&self.lora.dropout),
            "lora.dropout",
            "must be in [0, 1)",
        );
        check(
            !self.lora.targets.is_empty(),
            "lora.targets",
            "name at least one of q, k, v, o, gate, up, down",
        );
        check(
            self.rollout.group >= 2,
            "rollout.group",
            "GRPO needs G >= 2",
        );
        check(
            self.rollout.max_new_tokens > 0,
            "rollout.max_new_tokens",
            "must be at least 1",
        );
        check(
            self.rollout.temperature > 0.0,
            "rollout.temperature",
            "must be above 0 (greedy rollouts give identical completions)",
        );
        check(
            self.rollout.top_p > 0.0 && self.rollout.top_p <= 1.0,
            "rollout.top_p",
            "must be in (0, 1]",
        );
        check(
            self.grpo.clip_low >= 0.0 && self.grpo.clip_low < 1.0,
            "grpo.clip_low",
            "must be in [0, 1)",
        );
        check(self.grpo.clip_high >= 0.0, "grpo.clip_high", "must be >= 0");
        check(self.grpo.kl_beta >= 0.0, "grpo.kl_beta", "must be >= 0");
        check(
            self.grpo.updates_per_batch >= 1,
            "grpo.updates_per_batch",
            "must be at least 1",
        );
        check(
            self.grpo.length_penalty >= 0.0,
            "grpo.length_penalty",
            "must be >= 0",
        );
        check(
            self.optimizer.lr > 0.0 && self.optimizer.lr.is_finite(),
            "optimizer.lr",
            "must be a positive number",
        );
        check(
            (0.0..=1.0).contains(&self.optimizer.min_lr_ratio),
            "optimizer.min_lr_ratio",
            "must be in [0, 1]",
        );
        check(
            self.optimizer.max_grad_norm > 0.0,
            "optimizer.max_grad_norm",
            "must be above 0",
        );
        match (self.budget.steps, self.budget.generated_tokens) {
            (Some(_), Some(_)) => check(
                false,
                "budget",
                "set either steps or generated_tokens, not both",
            ),
            (None, None) => check(false, "budget", "set steps or generated_tokens"),
            (Some(0), _) | (_, Some(0)) => check(false, "budget", "the budget must be above 0"),
            _ => {}
        }
        check(
            self.budget.prompts_per_step > 0,
            "budget.prompts_per_step",
            "must be at least 1",
        );
        check(
            self.budget.micro_batch > 0,
            "budget.micro_batch",
            "must be at least 1",
        );
        check(
            self.budget.checkpoint_every > 0,
            "budget.checkpoint_every",
            "must be at least 1",
        );
        let mut names = std::collections::BTreeSet::new();
        for (i, source) in self.sources.iter().enumerate() {
            let field = format!("source[{i}]");
            check(
                names.insert(source.name.as_str()),
                &format!("{field}.name"),
                &format!("`{}` is used twice", source.name),
            );
            check(
                !source.paths.is_empty(),
                &format!("{field}.paths"),
                "name at least one file or folder",
            );
            check(
                (0.0..=1.0).contains(&source.share),
                &format!("{field}.share"),
                "must be in [0, 1]",
            );
        }
        let total: f64 = self.sources.iter().map(|s| s.share).sum();
        if !self.sources.is_empty() && (total - 1.0).abs() > 1e-6 {
            check(
                false,
                "source.share",
                &format!("shares sum to {total}, not 1"),
            );
        }
        let mut arms = std::collections::BTreeSet::new();
        for (i, arm) in self.arms.iter().enumerate() {
            let field = format!("arm[{i}]");
            check(
                arms.insert(arm.name.as_str()),
                &format!("{field}.name"),
                &format!("`{}` is used twice", arm.name),
            );
            if arm.kind == ArmKind::Baseline {
                check(
                    arm.domains.is_empty() && arm.exclude_domains.is_empty(),
                    &format!("{field}.domains"),
                    "a baseline arm has no trait data to restrict",
                );
                check(
                    self.sources
                        .iter()
                        .any(|s| s.role == SourceRole::Standard && s.share > 0.0),
                    &format!("{field}.kind"),
                    "a baseline arm needs a standard source with a share above 0",
                );
            }
            if arm.kind == ArmKind::RewardControl {
                check(
                    self.reward_control.is_some(),
                    &format!("{field}.kind"),
                    "reward-control needs [reward_control] rubric = FILE",
                );
            }
        }
        if self.sft.is_none() {
            check(
                !self.sources.is_empty(),
                "source",
                "define at least one [[source]]",
            );
            check(!self.arms.is_empty(), "arm", "define at least one [[arm]]");
        }
        if let Some(sft) = &self.sft {
            check(!sft.paths.is_empty(), "sft.paths", "name at least one file");
            check(sft.max_tokens >= 2, "sft.max_tokens", "must be at least 2");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = r#"
model = "m.gguf"
[budget]
steps = 3
prompts_per_step = 2
[graders]
reward = "rules"
evaluation = "rules"
[[source]]
name = "standard"
role = "standard"
paths = ["tasks"]
share = 0.95
[[source]]
name = "trait"
role = "trait"
paths = ["scenarios"]
share = 0.05
[[arm]]
name = "trait"
kind = "trait"
"#;

    fn problems(text: &str) -> Vec<String> {
        toml::from_str::<TrainConfig>(text).unwrap().problems()
    }

    #[test]
    fn a_valid_config_has_no_problems() {
        assert_eq!(problems(BASE), Vec::<String>::new());
    }

    #[test]
    fn shares_must_sum_to_one() {
        let text = BASE.replace("share = 0.05", "share = 0.5");
        let found = problems(&text);
        assert_eq!(found, vec!["source.share: shares sum to 1.45, not 1"]);
    }

    #[test]
    fn budget_zero_and_missing_are_named() {
        assert_eq!(
            problems(&BASE.replace("steps = 3", "steps = 0")),
            vec!["budget: the budget must be above 0"]
        );
        assert_eq!(
            problems(&BASE.replace("steps = 3", "")),
            vec!["budget: set steps or generated_tokens"]
        );
    }

    #[test]
    fn unknown_keys_and_arm_kinds_are_parse_errors() {
        let err = toml::from_str::<TrainConfig>(&BASE.replace("kind = \"trait\"", "kind = \"x\""))
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown variant `x`"), "{err}");
        let err = toml::from_str::<TrainConfig>(&format!("{BASE}\n[rollout]\ngroups = 2\n"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `groups`"), "{err}");
    }

    #[test]
    fn reward_control_needs_a_rubric_and_g_must_be_two() {
        let text = format!(
            "{BASE}\n[[arm]]\nname = \"rc\"\nkind = \"reward-control\"\n[rollout]\ngroup = 1\n"
        );
        assert_eq!(
            problems(&text),
            vec![
                "rollout.group: GRPO needs G >= 2",
                "arm[1].kind: reward-control needs [reward_control] rubric = FILE",
            ]
        );
    }

    #[test]
    fn unknown_arm_lists_the_known_ones() {
        let loaded = LoadedConfig {
            config: toml::from_str(BASE).unwrap(),
            path: PathBuf::from("exp.toml"),
            text: BASE.into(),
        };
        assert_eq!(loaded.arm(None).unwrap().name, "trait");
        let err = loaded.arm(Some("nope")).unwrap_err().to_string();
        assert_eq!(
            err,
            "exp.toml: --arm: unknown arm `nope` (the config defines: trait)"
        );
    }
}
