//! ethos-model: language models for ethos.
//!
//! The [`LanguageModel`] trait that rollouts, judges and evaluation talk to; model files
//! (GGUF); tokenizers built from them; chat templates; and the candle backend, a
//! llama-family forward pass with batched, left-padded decoding.

pub mod attention;
pub mod candle_backend;
pub mod error;
mod fused;
pub mod gguf;
pub mod http;
pub mod llama;
pub mod lora;
mod matmul;
pub mod model;
pub mod placement;
mod pool;
pub mod pull;
pub mod sampling;
pub mod template;
pub mod testing;
pub mod tiny;
pub mod tokenizer;
pub mod train_ops;
pub mod training;
mod vexp;

pub use candle_backend::{CandleModel, LoadOptions};
pub use error::{ModelError, Result};
pub use gguf::{GgufFile, ModelInfo};
pub use http::{HttpConfig, HttpModel};
pub use model::{
    Completion, FinishReason, Generation, GenerationRequest, LanguageModel, Prompt, PromptLogprobs,
    SamplingParams, Score, ScoreRequest, StreamEvent, TokenLogprob,
};
pub use placement::{DeviceSpec, WeightType};
pub use template::ChatTemplate;
pub use tokenizer::TextTokenizer;
