//! ethos-serve: an OpenAI-compatible HTTP server over any [`ethos_model::LanguageModel`],
//! and a reward server over ethos graders for external RL engines ([`reward`]).
//!
//! Endpoints: `GET /v1/models`, `POST /v1/chat/completions` (n, stop, seed, logprobs,
//! top_logprobs, streaming) and `POST /v1/completions` (raw prompts, `echo` and `logprobs`
//! so that clients can compute log-likelihoods). Concurrent requests are collected by a
//! batching thread and decoded together.

mod api;
mod batcher;
pub mod reward;
mod server;

pub use reward::{RewardServeConfig, RewardService, reward_router, serve_reward};
pub use server::{ServeConfig, router, serve};
