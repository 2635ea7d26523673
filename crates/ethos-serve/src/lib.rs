//! ethos-serve: an OpenAI-compatible HTTP server over any [`ethos_model::LanguageModel`].
//!
//! Endpoints: `GET /v1/models`, `POST /v1/chat/completions` (n, stop, seed, logprobs,
//! top_logprobs, streaming) and `POST /v1/completions` (raw prompts, `echo` and `logprobs`
//! so that clients can compute log-likelihoods). Concurrent requests are collected by a
//! batching thread and decoded together.

mod api;
mod batcher;
mod server;

pub use server::{ServeConfig, router, serve};
