//! ethos-train: the training side of the method.
//!
//! Built so far: the GRPO objective ([`grpo`]: group-relative advantages, the clipped
//! token-level policy-gradient loss with a k3 KL penalty), the optimizer ([`optim`]:
//! AdamW whose state can be saved and restored, warm-up plus cosine learning rate,
//! gradient-norm clipping), one GRPO step ([`step`]: rollouts, rewards, update) and
//! checkpoints ([`checkpoint`]: PEFT adapter, optimizer state, counters; atomic).
//! Mixtures, arms, compute accounting, SFT and `ethos train` are not built yet.

pub mod checkpoint;
pub mod error;
pub mod grpo;
pub mod optim;
pub mod step;

pub use error::TrainError;
pub use grpo::{GrpoBatch, GrpoConfig, GrpoStats, group_advantages, grpo_loss, token_logprobs};
pub use optim::{AdamW, AdamWConfig, LrSchedule, clip_grad_norm};
pub use step::{RolloutConfig, StepMetrics, StepSettings, grpo_step};
