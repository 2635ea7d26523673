//! A [`LanguageModel`] backed by any OpenAI-compatible server (vLLM, llama.cpp server,
//! OpenAI, `ethos serve`).

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::runtime::Runtime;
use tokio::sync::Semaphore;

use crate::error::{ModelError, Result};
use crate::model::{
    Completion, FinishReason, Generation, GenerationRequest, LanguageModel, Prompt, PromptLogprobs,
    Score, ScoreRequest, TokenLogprob,
};
use crate::template::ChatTemplate;

/// Environment variable read for the API key when none is configured.
pub const API_KEY_ENV: &str = "ETHOS_API_KEY";

/// How to talk to the server.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Base URL ending in `/v1`.
    pub base_url: String,
    /// Model name sent with each request.
    pub model: String,
    /// Bearer token, if the server wants one.
    pub api_key: Option<String>,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Retries after a 429, a 5xx, a timeout or a dropped connection.
    pub max_retries: usize,
    /// Per-request timeout.
    pub timeout: Duration,
    /// First retry delay; doubled for each further retry.
    pub backoff: Duration,
}

impl HttpConfig {
    /// Parses `openai:BASE_URL#MODEL` (the `#MODEL` part is optional); the API key comes
    /// from `ETHOS_API_KEY`.
    pub fn from_spec(spec: &str) -> Result<Self> {
        let rest = spec.strip_prefix("openai:").ok_or_else(|| {
            ModelError::InvalidRequest(format!(
                "`{spec}` is not an HTTP model spec (openai:URL#MODEL)"
            ))
        })?;
        let (url, model) = rest.split_once('#').unwrap_or((rest, "default"));
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(ModelError::InvalidRequest(format!(
                "`{url}` must start with http:// or https://"
            )));
        }
        Ok(Self {
            base_url: url.trim_end_matches('/').to_string(),
            model: model.to_string(),
            api_key: std::env::var(API_KEY_ENV).ok().filter(|k| !k.is_empty()),
            concurrency: 8,
            max_retries: 4,
            timeout: Duration::from_secs(300),
            backoff: Duration::from_millis(500),
        })
    }
}

/// A remote model reached over HTTP.
pub struct HttpModel {
    config: HttpConfig,
    id: String,
    client: reqwest::Client,
    runtime: Runtime,
    template: Option<ChatTemplate>,
}

impl HttpModel {
    /// A client for `config`. Calls block the calling thread; do not call them from inside
    /// an async runtime (use a blocking task).
    pub fn new(config: HttpConfig) -> Result<Self> {
        let client = reqwest::Client::builder()
            .timeout(config.timeout)
            .build()
            .map_err(|err| ModelError::Http(format!("cannot build the HTTP client: {err}")))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|err| ModelError::Http(format!("cannot start the HTTP runtime: {err}")))?;
        let id = format!("{}#{}", config.base_url, config.model);
        Ok(Self {
            config,
            id,
            client,
            runtime,
            template: None,
        })
    }

    /// Supplies the served model's chat template, which log-likelihood scoring of chat
    /// prompts needs (the server only scores raw text).
    pub fn with_template(mut self, template: ChatTemplate) -> Self {
        self.template = Some(template);
        self
    }

    /// POSTs `body` to `path`, retrying per the configuration, and returns the JSON answer.
    async fn post(
        client: reqwest::Client,
        config: Arc<HttpConfig>,
        path: &str,
        body: Value,
    ) -> Result<Value> {
        let url = format!("{}{path}", config.base_url);
        let mut attempt = 0;
        loop {
            let mut request = client.post(&url).json(&body);
            if let Some(key) = &config.api_key {
                request = request.bearer_auth(key);
            }
            let (retryable, message, wait) = match request.send().await {
                Ok(response) => {
                    let status = response.status();
                    let retry_after = response
                        .headers()
                        .get(reqwest::header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.parse::<u64>().ok())
                        .map(Duration::from_secs);
                    let text = response.text().await.unwrap_or_default();
                    if status.is_success() {
                        return serde_json::from_str(&text).map_err(|err| {
                            ModelError::Http(format!(
                                "malformed response from {url}: {err}: {}",
                                snippet(&text)
                            ))
                        });
                    }
                    let retryable = status.as_u16() == 429 || status.is_server_error();
                    (
                        retryable,
                        format!("{url} answered {status}: {}", snippet(&text)),
                        retry_after,
                    )
                }
                Err(err) => (
                    err.is_timeout() || err.is_connect() || err.is_request(),
                    format!("{url}: {err}"),
                    None,
                ),
            };
            if !retryable || attempt >= config.max_retries {
                let tries = attempt + 1;
                return Err(ModelError::Http(format!(
                    "{message} (after {tries} attempt{})",
                    if tries == 1 { "" } else { "s" }
                )));
            }
            let delay = wait.unwrap_or(config.backoff * 2u32.saturating_pow(attempt as u32));
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    /// Runs one POST per body, at most `concurrency` at a time, keeping the order.
    fn post_all(&self, path: &str, bodies: Vec<Value>) -> Result<Vec<Value>> {
        let config = Arc::new(self.config.clone());
        let permits = Arc::new(Semaphore::new(self.config.concurrency.max(1)));
        self.runtime.block_on(async {
            let mut tasks = Vec::with_capacity(bodies.len());
            for body in bodies {
                let (client, config, permits, path) = (
                    self.client.clone(),
                    config.clone(),
                    permits.clone(),
                    path.to_string(),
                );
                tasks.push(tokio::spawn(async move {
                    let _permit = permits.acquire_owned().await;
                    Self::post(client, config, &path, body).await
                }));
            }
            let mut out = Vec::with_capacity(tasks.len());
            for task in tasks {
                out.push(
                    task.await
                        .map_err(|err| ModelError::Http(format!("request task failed: {err}")))??,
                );
            }
            Ok(out)
        })
    }
}

fn snippet(text: &str) -> String {
    let mut s: String = text.chars().take(300).collect();
    if s.len() < text.len() {
        s.push_str("...");
    }
    s
}

fn malformed(what: &str, value: &Value) -> ModelError {
    ModelError::Http(format!(
        "malformed response: {what} in {}",
        snippet(&value.to_string())
    ))
}

fn finish_reason(value: &Value) -> FinishReason {
    if value.as_str() == Some("length") {
        FinishReason::Length
    } else {
        FinishReason::Stop
    }
}

fn parse_chat(response: &Value) -> Result<Generation> {
    let choices = response["choices"]
        .as_array()
        .ok_or_else(|| malformed("no `choices`", response))?;
    let mut completions = Vec::with_capacity(choices.len());
    for choice in choices {
        let text = choice["message"]["content"]
            .as_str()
            .ok_or_else(|| malformed("no `message.content`", response))?;
        let mut completion = Completion {
            text: text.to_string(),
            token_ids: Vec::new(),
            logprobs: Vec::new(),
            tokens: Vec::new(),
            top_logprobs: Vec::new(),
            finish_reason: finish_reason(&choice["finish_reason"]),
        };
        if let Some(content) = choice["logprobs"]["content"].as_array() {
            for entry in content {
                let token = entry["token"]
                    .as_str()
                    .ok_or_else(|| malformed("a logprob entry without `token`", response))?;
                let logprob = entry["logprob"]
                    .as_f64()
                    .ok_or_else(|| malformed("a logprob entry without `logprob`", response))?;
                completion.tokens.push(token.to_string());
                completion.logprobs.push(logprob as f32);
                let top = entry["top_logprobs"]
                    .as_array()
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                completion.top_logprobs.push(
                    top.iter()
                        .filter_map(|t| {
                            Some(TokenLogprob {
                                token: t["token"].as_str()?.to_string(),
                                id: 0,
                                logprob: t["logprob"].as_f64()? as f32,
                            })
                        })
                        .collect(),
                );
            }
        }
        completions.push(completion);
    }
    let prompt_tokens = response["usage"]["prompt_tokens"].as_u64().unwrap_or(0) as usize;
    Ok(Generation {
        prompt_tokens,
        completions,
    })
}

fn parse_text_completion(response: &Value) -> Result<Generation> {
    let choices = response["choices"]
        .as_array()
        .ok_or_else(|| malformed("no `choices`", response))?;
    let completions = choices
        .iter()
        .map(|choice| {
            let text = choice["text"]
                .as_str()
                .ok_or_else(|| malformed("no `text`", response))?;
            let logprobs = &choice["logprobs"];
            let tokens: Vec<String> = logprobs["tokens"]
                .as_array()
                .map(|t| {
                    t.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let values: Vec<f32> = logprobs["token_logprobs"]
                .as_array()
                .map(|t| {
                    t.iter()
                        .filter_map(|x| x.as_f64().map(|v| v as f32))
                        .collect()
                })
                .unwrap_or_default();
            Ok(Completion {
                text: text.to_string(),
                token_ids: Vec::new(),
                logprobs: values,
                tokens,
                top_logprobs: Vec::new(),
                finish_reason: finish_reason(&choice["finish_reason"]),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let prompt_tokens = response["usage"]["prompt_tokens"].as_u64().unwrap_or(0) as usize;
    Ok(Generation {
        prompt_tokens,
        completions,
    })
}

/// Token texts, log-probabilities and text offsets of an `echo` completion.
type EchoLogprobs = (Vec<String>, Vec<Option<f32>>, Vec<usize>);

fn echo_logprobs(response: &Value) -> Result<EchoLogprobs> {
    let logprobs = &response["choices"][0]["logprobs"];
    let tokens = logprobs["tokens"]
        .as_array()
        .ok_or_else(|| malformed("no `logprobs.tokens`", response))?;
    let values = logprobs["token_logprobs"]
        .as_array()
        .ok_or_else(|| malformed("no `logprobs.token_logprobs`", response))?;
    let offsets = logprobs["text_offset"]
        .as_array()
        .ok_or_else(|| malformed("no `logprobs.text_offset`", response))?;
    if tokens.len() != values.len() || tokens.len() != offsets.len() {
        return Err(malformed("logprob lists of different lengths", response));
    }
    Ok((
        tokens
            .iter()
            .map(|t| t.as_str().unwrap_or_default().to_string())
            .collect(),
        values
            .iter()
            .map(|v| v.as_f64().map(|x| x as f32))
            .collect(),
        offsets
            .iter()
            .map(|o| o.as_u64().unwrap_or(0) as usize)
            .collect(),
    ))
}

impl LanguageModel for HttpModel {
    fn id(&self) -> &str {
        &self.id
    }

    fn generate(&self, requests: &[GenerationRequest]) -> Result<Vec<Generation>> {
        let mut chat = Vec::new();
        for request in requests {
            request.params.validate()?;
            let p = &request.params;
            let mut body = json!({
                "model": self.config.model, "temperature": p.temperature, "top_p": p.top_p,
                "max_tokens": p.max_tokens, "n": p.n, "seed": p.seed,
            });
            if !p.stop.is_empty() {
                body["stop"] = json!(p.stop);
            }
            match &request.prompt {
                Prompt::Chat(messages) => {
                    body["messages"] = json!(messages);
                    body["logprobs"] = json!(true);
                    if p.top_logprobs > 0 {
                        body["top_logprobs"] = json!(p.top_logprobs);
                    }
                    chat.push(("/chat/completions", body));
                }
                Prompt::Text(text) => {
                    body["prompt"] = json!(text);
                    body["logprobs"] = json!(p.top_logprobs);
                    chat.push(("/completions", body));
                }
            }
        }
        // Group by endpoint so each group runs concurrently, then restore the order.
        let mut out: Vec<Option<Generation>> = vec![None; requests.len()];
        for path in ["/chat/completions", "/completions"] {
            let indices: Vec<usize> = chat
                .iter()
                .enumerate()
                .filter(|(_, (p, _))| *p == path)
                .map(|(i, _)| i)
                .collect();
            if indices.is_empty() {
                continue;
            }
            let bodies = indices.iter().map(|&i| chat[i].1.clone()).collect();
            for (&i, response) in indices.iter().zip(self.post_all(path, bodies)?) {
                out[i] = Some(if path == "/completions" {
                    parse_text_completion(&response)?
                } else {
                    parse_chat(&response)?
                });
            }
        }
        out.into_iter()
            .map(|g| g.ok_or_else(|| ModelError::Http("a request got no answer".to_string())))
            .collect()
    }

    fn loglikelihood(&self, requests: &[ScoreRequest]) -> Result<Vec<Score>> {
        let template = self.template.as_ref().ok_or_else(|| {
            ModelError::InvalidRequest(
                "scoring chat prompts over HTTP needs the model's chat template".to_string(),
            )
        })?;
        let mut prompts = Vec::with_capacity(requests.len());
        let mut bodies = Vec::with_capacity(requests.len());
        for request in requests {
            if request.continuation.is_empty() {
                return Err(ModelError::InvalidRequest(
                    "the continuation to score is empty".to_string(),
                ));
            }
            let prompt = template.render(&request.messages, true)?;
            // max_tokens 1, not 0: some servers (vLLM) refuse 0; the extra token is ignored.
            let full = format!("{prompt}{}", request.continuation);
            bodies.push(json!({
                "model": self.config.model, "prompt": full, "max_tokens": 1, "echo": true, "logprobs": 1,
                "temperature": 0.0,
            }));
            prompts.push((prompt.len(), full.len()));
        }
        let responses = self.post_all("/completions", bodies)?;
        prompts
            .iter()
            .zip(responses)
            .map(|(&(start, end), response)| {
                let (tokens, values, offsets) = echo_logprobs(&response)?;
                let mut token_logprobs = Vec::new();
                for ((_, value), offset) in tokens.iter().zip(values).zip(offsets) {
                    if (start..end).contains(&offset) {
                        token_logprobs.push(value.ok_or_else(|| {
                            malformed("a continuation token without log-probability", &response)
                        })?);
                    }
                }
                if token_logprobs.is_empty() {
                    return Err(malformed(
                        "no continuation tokens after the prompt",
                        &response,
                    ));
                }
                Ok(Score {
                    logprob: token_logprobs.iter().map(|&l| f64::from(l)).sum(),
                    tokens: token_logprobs.len(),
                    // The echo answer carries no greedy information.
                    is_greedy: false,
                    token_logprobs,
                })
            })
            .collect()
    }

    fn prompt_logprobs(&self, text: &str, top: usize) -> Result<PromptLogprobs> {
        let body = json!({"model": self.config.model, "prompt": text, "max_tokens": 1, "echo": true, "logprobs": top.max(1)});
        let response = self
            .post_all("/completions", vec![body])?
            .into_iter()
            .next()
            .unwrap_or(Value::Null);
        let (mut tokens, mut logprobs, offsets) = echo_logprobs(&response)?;
        // Drop the generated token that follows the echoed prompt.
        let keep = offsets.iter().filter(|&&o| o < text.len()).count();
        tokens.truncate(keep);
        logprobs.truncate(keep);
        Ok(PromptLogprobs {
            ids: Vec::new(),
            tokens,
            logprobs,
            top_logprobs: vec![Vec::new(); keep],
        })
    }

    fn chat_template(&self) -> Option<&ChatTemplate> {
        self.template.as_ref()
    }
}
