//! ethos-train: the training side of the method.
//!
//! - [`config`]: the TOML experiment config (model, LoRA, rollout, GRPO, optimizer,
//!   budget, graders, sources with shares, arms), validated up front.
//! - [`mixture`]: an arm's prompt mixture and its deterministic sampler.
//! - [`grpo`]: group-relative advantages and the clipped token-level loss with k3 KL.
//! - [`step`]: one GRPO step (rollouts, rewards, micro-batched updates).
//! - [`sft`]: supervised fine-tuning on assistant tokens.
//! - [`optim`]: AdamW with savable state, warm-up plus cosine, gradient clipping.
//! - [`compute`]: token and FLOP accounting, the compute-matching check.
//! - [`checkpoint`] and [`run`]: the run folder, checkpoints, resume.

pub mod batch;
pub mod checkpoint;
pub mod compute;
pub mod config;
pub mod error;
pub mod grpo;
pub mod mixture;
pub mod optim;
pub mod run;
pub mod sft;
pub mod step;

pub use batch::{PackedBatch, Sequence, pack, pack_micro_batches};
pub use compute::{ComputeTotals, check_matched};
pub use config::{LoadedConfig, TrainConfig, load_config};
pub use error::TrainError;
pub use grpo::{GrpoBatch, GrpoConfig, GrpoStats, group_advantages, grpo_loss, token_logprobs};
pub use mixture::Mixture;
pub use optim::{AdamW, AdamWConfig, LrSchedule, clip_grad_norm};
pub use run::{
    Mode, RunEvent, RunOptions, RunRecord, RunSummary, Target, load_record, load_summary, train,
};
pub use step::{
    RolloutConfig, RolloutPrompt, StepMetrics, StepSettings, grpo_gradients, grpo_step,
};
