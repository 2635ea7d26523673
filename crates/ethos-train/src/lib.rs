//! ethos-train: the training side of the method.
//!
//! Built so far: the GRPO objective ([`grpo`]: group-relative advantages, the clipped
//! token-level policy-gradient loss with a k3 KL penalty) and the optimizer ([`optim`]:
//! AdamW whose state can be saved and restored, warm-up plus cosine learning rate,
//! gradient-norm clipping). Rollout loops, mixtures, arms, checkpoints and `ethos train`
//! are not built yet.

pub mod error;
pub mod grpo;
pub mod optim;

pub use error::TrainError;
pub use grpo::{GrpoBatch, GrpoConfig, GrpoStats, group_advantages, grpo_loss, token_logprobs};
pub use optim::{AdamW, AdamWConfig, LrSchedule, clip_grad_norm};
