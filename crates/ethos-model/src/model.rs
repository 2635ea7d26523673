//! The `LanguageModel` interface every backend implements, and its request types.

use ethos_core::Message;
use serde::{Deserialize, Serialize};

use crate::error::{ModelError, Result};
use crate::template::ChatTemplate;
use crate::tokenizer::TextTokenizer;

/// How to sample a completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SamplingParams {
    /// Softmax temperature; 0 means greedy decoding.
    pub temperature: f32,
    /// Nucleus sampling: keep the smallest set of tokens whose probability reaches `top_p`.
    pub top_p: f32,
    /// Most new tokens.
    pub max_tokens: usize,
    /// Generation stops before the first occurrence of any of these strings.
    pub stop: Vec<String>,
    /// Random seed; completion `i` of a request uses a stream derived from `(seed, i)`.
    pub seed: u64,
    /// Completions per request.
    pub n: usize,
    /// Alternatives to report at each generated position (0 for none).
    pub top_logprobs: usize,
}

/// Most alternatives a request may ask for per position.
pub const MAX_TOP_LOGPROBS: usize = 20;

impl Default for SamplingParams {
    fn default() -> Self {
        Self {
            temperature: 1.0,
            top_p: 1.0,
            max_tokens: 256,
            stop: Vec::new(),
            seed: 0,
            n: 1,
            top_logprobs: 0,
        }
    }
}

impl SamplingParams {
    /// Rejects parameters out of range.
    pub fn validate(&self) -> Result<()> {
        let bad = |message: String| Err(ModelError::InvalidRequest(message));
        if !(self.temperature.is_finite() && self.temperature >= 0.0) {
            return bad(format!(
                "temperature must be >= 0, got {}",
                self.temperature
            ));
        }
        if !(self.top_p > 0.0 && self.top_p <= 1.0) {
            return bad(format!("top_p must be in (0, 1], got {}", self.top_p));
        }
        if self.n == 0 {
            return bad("n must be at least 1".to_string());
        }
        if self.max_tokens == 0 {
            return bad("max_tokens must be at least 1".to_string());
        }
        if self.top_logprobs > MAX_TOP_LOGPROBS {
            return bad(format!("top_logprobs must be at most {MAX_TOP_LOGPROBS}"));
        }
        Ok(())
    }
}

/// What the model continues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prompt {
    /// A conversation, rendered with the chat template; the model writes the next
    /// assistant turn.
    Chat(Vec<Message>),
    /// Raw text, continued as is (no chat template).
    Text(String),
}

impl From<Vec<Message>> for Prompt {
    fn from(messages: Vec<Message>) -> Self {
        Prompt::Chat(messages)
    }
}

/// A prompt and how to continue it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GenerationRequest {
    /// What to continue.
    pub prompt: Prompt,
    /// Sampling parameters.
    pub params: SamplingParams,
}

impl GenerationRequest {
    /// A chat request.
    pub fn chat(messages: Vec<Message>, params: SamplingParams) -> Self {
        Self {
            prompt: Prompt::Chat(messages),
            params,
        }
    }
}

/// A token with its log-probability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenLogprob {
    /// The token's text (a lone byte of a multi-byte character shows as U+FFFD).
    pub token: String,
    /// The token id.
    pub id: u32,
    /// Log-probability under the model (temperature 1).
    pub logprob: f32,
}

/// Why a completion ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FinishReason {
    /// An end-of-turn token or a stop string.
    Stop,
    /// `max_tokens` reached.
    Length,
}

/// One sampled continuation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Completion {
    /// The text, without the end token and cut before any stop string.
    pub text: String,
    /// Generated token ids (end token excluded).
    pub token_ids: Vec<u32>,
    /// Log-probability of each generated token under the model (temperature 1).
    pub logprobs: Vec<f32>,
    /// The text of each generated token.
    pub tokens: Vec<String>,
    /// The most likely alternatives at each position, when asked for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub top_logprobs: Vec<Vec<TokenLogprob>>,
    /// Why generation ended.
    pub finish_reason: FinishReason,
}

/// The `n` completions of one request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Generation {
    /// Tokens in the rendered prompt.
    pub prompt_tokens: usize,
    /// The completions, in seed order.
    pub completions: Vec<Completion>,
}

/// A continuation to score after a chat prompt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreRequest {
    /// The conversation before the continuation.
    pub messages: Vec<Message>,
    /// The text whose likelihood is wanted, as the start of the assistant's turn.
    pub continuation: String,
}

/// Log-likelihood of a continuation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Sum of the continuation tokens' log-probabilities (nats).
    pub logprob: f64,
    /// Number of continuation tokens.
    pub tokens: usize,
    /// Whether every continuation token was the model's greedy choice.
    pub is_greedy: bool,
    /// Log-probability of each continuation token.
    pub token_logprobs: Vec<f32>,
}

/// Log-probabilities of the tokens of a text, as `/v1/completions` with `echo` reports them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromptLogprobs {
    /// Token texts.
    pub tokens: Vec<String>,
    /// Token ids.
    pub ids: Vec<u32>,
    /// Log-probability of each token given the ones before; `None` for the first.
    pub logprobs: Vec<Option<f32>>,
    /// The most likely alternatives at each position (empty for the first).
    pub top_logprobs: Vec<Vec<TokenLogprob>>,
}

/// A piece of streamed output.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamEvent {
    /// Index of the request in the batch.
    pub request: usize,
    /// Index of the completion within the request.
    pub completion: usize,
    /// New text since the last event of this completion.
    pub text: String,
    /// Set on the last event of the completion.
    pub finish_reason: Option<FinishReason>,
}

/// What every model backend offers: batched chat generation with per-token
/// log-probabilities, and continuation log-likelihoods.
///
/// Calls take whole batches so that a backend can run them together (the candle backend
/// decodes them as one batch; an HTTP backend keeps them in flight concurrently). Backends
/// are `Send + Sync`, so async callers can share one behind an `Arc` and run calls on a
/// blocking thread.
pub trait LanguageModel: Send + Sync {
    /// A name for reports and caches.
    fn id(&self) -> &str;

    /// Generates completions for every request.
    fn generate(&self, requests: &[GenerationRequest]) -> Result<Vec<Generation>>;

    /// Scores every continuation.
    fn loglikelihood(&self, requests: &[ScoreRequest]) -> Result<Vec<Score>>;

    /// Like [`LanguageModel::generate`], reporting text as it is produced. Backends that
    /// cannot stream deliver each completion as one event when it is done.
    fn generate_streaming(
        &self,
        requests: &[GenerationRequest],
        sink: &mut dyn FnMut(StreamEvent),
    ) -> Result<Vec<Generation>> {
        let generations = self.generate(requests)?;
        for (request, generation) in generations.iter().enumerate() {
            for (completion, c) in generation.completions.iter().enumerate() {
                sink(StreamEvent {
                    request,
                    completion,
                    text: c.text.clone(),
                    finish_reason: Some(c.finish_reason),
                });
            }
        }
        Ok(generations)
    }

    /// Log-probabilities of every token of `text` (no chat template), with `top`
    /// alternatives per position.
    fn prompt_logprobs(&self, _text: &str, _top: usize) -> Result<PromptLogprobs> {
        Err(ModelError::InvalidRequest(format!(
            "backend `{}` cannot score prompt tokens",
            self.id()
        )))
    }

    /// The tokenizer, where the backend has one locally.
    fn tokenizer(&self) -> Option<&TextTokenizer> {
        None
    }

    /// The chat template, where the backend has one locally.
    fn chat_template(&self) -> Option<&ChatTemplate> {
        None
    }
}
