//! Routes, handlers and the server loop.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Json, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::sse::{Event, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use ethos_core::{Message, Role};
use ethos_model::{
    Completion, FinishReason, Generation, GenerationRequest, LanguageModel, ModelError, Prompt,
    SamplingParams, StreamEvent, TextTokenizer, TokenLogprob,
};
use serde_json::{Value, json};
use tokio::sync::{Semaphore, mpsc};
use tokio_stream::wrappers::ReceiverStream;

use crate::api::{ChatMessage, ChatRequest, CompletionRequest, Usage};
use crate::batcher::Batcher;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Address to bind; loopback unless told otherwise.
    pub host: IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// When set, requests must carry `Authorization: Bearer <key>`.
    pub api_key: Option<String>,
    /// Requests handled at once; more get HTTP 429.
    pub max_concurrent: usize,
    /// Largest `max_tokens` accepted.
    pub max_tokens_cap: usize,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Most sequences decoded in one batch.
    pub max_batch: usize,
    /// How long the batcher waits for more requests after the first.
    pub batch_window: Duration,
    /// Largest `n` accepted.
    pub max_n: usize,
}

impl Default for ServeConfig {
    fn default() -> Self {
        Self {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8000,
            api_key: None,
            max_concurrent: 64,
            max_tokens_cap: 4096,
            max_body_bytes: 4 << 20,
            max_batch: 32,
            batch_window: Duration::from_millis(5),
            max_n: 64,
        }
    }
}

struct AppState {
    model: Arc<dyn LanguageModel>,
    batcher: Batcher,
    config: ServeConfig,
    permits: Arc<Semaphore>,
    counter: AtomicU64,
}

/// An error in OpenAI's shape.
struct ApiError {
    status: StatusCode,
    kind: &'static str,
    message: String,
}

impl ApiError {
    fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            kind: "invalid_request_error",
            message: message.into(),
        }
    }
}

impl From<ModelError> for ApiError {
    fn from(err: ModelError) -> Self {
        match err {
            ModelError::InvalidRequest(_)
            | ModelError::PromptTooLong { .. }
            | ModelError::Template(_) => Self::bad_request(err.to_string()),
            other => Self {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                kind: "server_error",
                message: other.to_string(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"message": self.message, "type": self.kind, "param": null, "code": null}});
        (self.status, Json(body)).into_response()
    }
}

/// The router, for embedding in another server or for tests.
pub fn router(model: Arc<dyn LanguageModel>, config: ServeConfig) -> Router {
    let batcher = Batcher::start(model.clone(), config.max_batch, config.batch_window);
    let state = Arc::new(AppState {
        permits: Arc::new(Semaphore::new(config.max_concurrent.max(1))),
        model,
        batcher,
        counter: AtomicU64::new(0),
        config: config.clone(),
    });
    Router::new()
        .route("/v1/models", get(models))
        .route("/v1/chat/completions", post(chat_completions))
        .route("/v1/completions", post(completions))
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .with_state(state)
}

/// Binds and serves until the process is stopped; `on_ready` receives the bound address.
pub async fn serve(
    model: Arc<dyn LanguageModel>,
    config: ServeConfig,
    on_ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let (host, port) = (config.host, config.port);
    serve_router(router(model, config), host, port, on_ready).await
}

/// Binds `host:port`, reports the bound address, and serves `router` until Ctrl-C.
pub(crate) async fn serve_router(
    router: Router,
    host: IpAddr,
    port: u16,
    on_ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind((host, port)).await?;
    on_ready(listener.local_addr()?);
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(key) = &state.config.api_key else {
        return Ok(());
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if given == Some(key.as_str()) {
        Ok(())
    } else {
        Err(ApiError {
            status: StatusCode::UNAUTHORIZED,
            kind: "invalid_api_key",
            message: "missing or wrong API key".into(),
        })
    }
}

fn permit(state: &AppState) -> Result<tokio::sync::OwnedSemaphorePermit, ApiError> {
    state
        .permits
        .clone()
        .try_acquire_owned()
        .map_err(|_| ApiError {
            status: StatusCode::TOO_MANY_REQUESTS,
            kind: "rate_limit_error",
            message: format!(
                "more than {} concurrent requests",
                state.config.max_concurrent
            ),
        })
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn next_id(state: &AppState, prefix: &str) -> String {
    format!(
        "{prefix}-{}-{}",
        now(),
        state.counter.fetch_add(1, Ordering::Relaxed)
    )
}

async fn models(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    Ok(Json(json!({
        "object": "list",
        "data": [{"id": state.model.id(), "object": "model", "created": 0, "owned_by": "ethos"}]
    })))
}

fn to_message(message: &ChatMessage) -> Result<Message, ApiError> {
    let role = match message.role.as_str() {
        "system" | "developer" => Role::System,
        "user" => Role::User,
        "assistant" => Role::Assistant,
        other => {
            return Err(ApiError::bad_request(format!(
                "unsupported message role `{other}`"
            )));
        }
    };
    let content = match &message.content {
        Value::String(text) => text.clone(),
        Value::Array(parts) => parts
            .iter()
            .map(
                |part| match (part["type"].as_str(), part["text"].as_str()) {
                    (Some("text"), Some(text)) => Ok(text.to_string()),
                    _ => Err(ApiError::bad_request(
                        "only text content parts are supported",
                    )),
                },
            )
            .collect::<Result<Vec<_>, _>>()?
            .join("\n"),
        Value::Null => String::new(),
        _ => {
            return Err(ApiError::bad_request(
                "message content must be a string or a list of parts",
            ));
        }
    };
    Ok(Message { role, content })
}

struct Sampling<'a> {
    temperature: Option<f32>,
    top_p: Option<f32>,
    max_tokens: Option<usize>,
    default_max_tokens: usize,
    n: Option<usize>,
    stop: Option<crate::api::Stop>,
    seed: Option<u64>,
    top_logprobs: usize,
    state: &'a AppState,
}

impl Sampling<'_> {
    fn params(self) -> Result<SamplingParams, ApiError> {
        let config = &self.state.config;
        let max_tokens = self
            .max_tokens
            .unwrap_or(self.default_max_tokens.min(config.max_tokens_cap));
        if max_tokens > config.max_tokens_cap {
            return Err(ApiError::bad_request(format!(
                "max_tokens {max_tokens} exceeds this server's cap of {}",
                config.max_tokens_cap
            )));
        }
        let n = self.n.unwrap_or(1);
        if n > config.max_n {
            return Err(ApiError::bad_request(format!(
                "n {n} exceeds this server's cap of {}",
                config.max_n
            )));
        }
        // Without a seed each request gets a fresh one, as with OpenAI.
        let seed = self.seed.unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64)
                ^ self.state.counter.fetch_add(1, Ordering::Relaxed)
        });
        let params = SamplingParams {
            temperature: self.temperature.unwrap_or(1.0),
            top_p: self.top_p.unwrap_or(1.0),
            max_tokens,
            stop: self
                .stop
                .map(crate::api::Stop::into_vec)
                .unwrap_or_default(),
            seed,
            n,
            top_logprobs: self.top_logprobs,
        };
        params.validate()?;
        Ok(params)
    }
}

fn finish(reason: FinishReason) -> &'static str {
    match reason {
        FinishReason::Stop => "stop",
        FinishReason::Length => "length",
    }
}

/// One logprob entry. `bytes` are the token's exact bytes when the local tokenizer knows
/// them: a character split over two tokens shows as U+FFFD in `token` but not in `bytes`.
fn token_entry(
    token: &str,
    id: Option<u32>,
    logprob: f32,
    tokenizer: Option<&TextTokenizer>,
) -> Value {
    let bytes = match (tokenizer, id) {
        (Some(tokenizer), Some(id)) => tokenizer
            .token_bytes(id)
            .unwrap_or_else(|_| token.as_bytes().to_vec()),
        _ => token.as_bytes().to_vec(),
    };
    json!({"token": token, "logprob": logprob, "bytes": bytes})
}

fn chat_logprobs(completion: &Completion, tokenizer: Option<&TextTokenizer>) -> Value {
    let content: Vec<Value> = completion
        .tokens
        .iter()
        .zip(&completion.logprobs)
        .enumerate()
        .map(|(i, (token, &logprob))| {
            let mut entry = token_entry(
                token,
                completion.token_ids.get(i).copied(),
                logprob,
                tokenizer,
            );
            let top: Vec<Value> = completion
                .top_logprobs
                .get(i)
                .map(|alts| {
                    alts.iter()
                        .map(|t: &TokenLogprob| {
                            token_entry(&t.token, Some(t.id), t.logprob, tokenizer)
                        })
                        .collect()
                })
                .unwrap_or_default();
            entry["top_logprobs"] = Value::Array(top);
            entry
        })
        .collect();
    json!({"content": content})
}

fn usage(generation: &Generation) -> Usage {
    let completion_tokens = generation
        .completions
        .iter()
        .map(|c| c.token_ids.len())
        .sum();
    Usage {
        prompt_tokens: generation.prompt_tokens,
        completion_tokens,
        total_tokens: generation.prompt_tokens + completion_tokens,
    }
}

async fn wait(
    receiver: tokio::sync::oneshot::Receiver<ethos_model::Result<Generation>>,
) -> Result<Generation, ApiError> {
    match receiver.await {
        Ok(result) => Ok(result?),
        Err(_) => Err(ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            kind: "server_error",
            message: "the decoder stopped".into(),
        }),
    }
}

async fn chat_completions(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Json<ChatRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    authorize(&state, &headers)?;
    let Json(request) = body.map_err(|err| ApiError::bad_request(err.body_text()))?;
    let permit = permit(&state)?;
    if request.messages.is_empty() {
        return Err(ApiError::bad_request("messages must not be empty"));
    }
    let messages = request
        .messages
        .iter()
        .map(to_message)
        .collect::<Result<Vec<_>, _>>()?;
    let top_logprobs = if request.logprobs {
        request.top_logprobs.unwrap_or(0)
    } else {
        0
    };
    let params = Sampling {
        temperature: request.temperature,
        top_p: request.top_p,
        max_tokens: request.max_completion_tokens.or(request.max_tokens),
        default_max_tokens: 1024,
        n: request.n,
        stop: request.stop.clone(),
        seed: request.seed,
        top_logprobs,
        state: &state,
    }
    .params()?;
    let n = params.n;
    let model_name = request
        .model
        .clone()
        .unwrap_or_else(|| state.model.id().to_string());
    let id = next_id(&state, "chatcmpl");
    let created = now();
    let generation_request = GenerationRequest {
        prompt: Prompt::Chat(messages),
        params,
    };
    if !request.stream {
        let generation = wait(state.batcher.submit(generation_request, None)).await?;
        drop(permit);
        let choices: Vec<Value> = generation
            .completions
            .iter()
            .enumerate()
            .map(|(index, c)| {
                json!({
                    "index": index,
                    "message": {"role": "assistant", "content": c.text},
                    "finish_reason": finish(c.finish_reason),
                    "logprobs": if request.logprobs { chat_logprobs(c, state.model.tokenizer()) } else { Value::Null },
                })
            })
            .collect();
        let body = json!({
            "id": id, "object": "chat.completion", "created": created, "model": model_name,
            "choices": choices, "usage": usage(&generation), "system_fingerprint": null,
        });
        return Ok(Json(body).into_response());
    }
    let (events, mut event_receiver) = mpsc::unbounded_channel::<StreamEvent>();
    let done = state.batcher.submit(generation_request, Some(events));
    let (sse, sse_receiver) = mpsc::channel::<Result<Event, Infallible>>(64);
    tokio::spawn(async move {
        let _permit = permit;
        let chunk = |delta: Value, index: usize, reason: Option<&str>| {
            let body = json!({
                "id": id, "object": "chat.completion.chunk", "created": created, "model": model_name,
                "choices": [{"index": index, "delta": delta, "finish_reason": reason, "logprobs": null}],
            });
            Ok(Event::default().data(body.to_string()))
        };
        for index in 0..n {
            let _ = sse
                .send(chunk(
                    json!({"role": "assistant", "content": ""}),
                    index,
                    None,
                ))
                .await;
        }
        while let Some(event) = event_receiver.recv().await {
            if !event.text.is_empty() {
                let _ = sse
                    .send(chunk(
                        json!({"content": event.text}),
                        event.completion,
                        None,
                    ))
                    .await;
            }
            if let Some(reason) = event.finish_reason {
                let _ = sse
                    .send(chunk(json!({}), event.completion, Some(finish(reason))))
                    .await;
            }
        }
        if let Err(err) = wait(done).await {
            let body = json!({"error": {"message": err.message, "type": err.kind}});
            let _ = sse.send(Ok(Event::default().data(body.to_string()))).await;
        }
        let _ = sse.send(Ok(Event::default().data("[DONE]"))).await;
    });
    Ok(Sse::new(ReceiverStream::new(sse_receiver)).into_response())
}

async fn completions(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Json<CompletionRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    authorize(&state, &headers)?;
    let Json(request) = body.map_err(|err| ApiError::bad_request(err.body_text()))?;
    let _permit = permit(&state)?;
    if request.stream {
        return Err(ApiError::bad_request(
            "stream is not supported on /v1/completions; use /v1/chat/completions",
        ));
    }
    let prompt = match &request.prompt {
        Value::String(text) => text.clone(),
        Value::Array(list) if list.len() == 1 && list[0].is_string() => {
            list[0].as_str().unwrap_or_default().to_string()
        }
        _ => return Err(ApiError::bad_request("prompt must be one string")),
    };
    let top = request.logprobs.unwrap_or(0);
    let max_tokens = request.max_tokens.unwrap_or(16);
    let model_name = request
        .model
        .clone()
        .unwrap_or_else(|| state.model.id().to_string());
    let echoed = if request.echo && request.logprobs.is_some() {
        let model = state.model.clone();
        let text = prompt.clone();
        Some(
            tokio::task::spawn_blocking(move || model.prompt_logprobs(&text, top))
                .await
                .map_err(|err| ApiError {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    kind: "server_error",
                    message: err.to_string(),
                })??,
        )
    } else {
        None
    };
    let generation = if max_tokens == 0 {
        if !request.echo {
            return Err(ApiError::bad_request(
                "max_tokens 0 only makes sense with echo",
            ));
        }
        let prompt_tokens = echoed.as_ref().map_or(0, |e| e.ids.len());
        let n = request.n.unwrap_or(1);
        let empty = Completion {
            text: String::new(),
            token_ids: vec![],
            logprobs: vec![],
            tokens: vec![],
            top_logprobs: vec![],
            finish_reason: FinishReason::Length,
        };
        Generation {
            prompt_tokens,
            completions: vec![empty; n],
        }
    } else {
        let params = Sampling {
            temperature: request.temperature,
            top_p: request.top_p,
            max_tokens: Some(max_tokens),
            default_max_tokens: 16,
            n: request.n,
            stop: request.stop.clone(),
            seed: request.seed,
            top_logprobs: top,
            state: &state,
        }
        .params()?;
        wait(state.batcher.submit(
            GenerationRequest {
                prompt: Prompt::Text(prompt.clone()),
                params,
            },
            None,
        ))
        .await?
    };
    let choices: Vec<Value> = generation
        .completions
        .iter()
        .enumerate()
        .map(|(index, c)| {
            let text = if request.echo { format!("{prompt}{}", c.text) } else { c.text.clone() };
            let logprobs = request.logprobs.map(|_| {
                let mut tokens: Vec<String> = Vec::new();
                let mut token_logprobs: Vec<Value> = Vec::new();
                let mut tops: Vec<Value> = Vec::new();
                if let Some(echo) = &echoed {
                    tokens.extend(echo.tokens.iter().cloned());
                    token_logprobs.extend(echo.logprobs.iter().map(|l| json!(l)));
                    tops.extend(echo.top_logprobs.iter().enumerate().map(|(i, alts)| {
                        if i == 0 { Value::Null } else { top_map(alts) }
                    }));
                }
                tokens.extend(c.tokens.iter().cloned());
                token_logprobs.extend(c.logprobs.iter().map(|l| json!(l)));
                tops.extend(c.tokens.iter().enumerate().map(|(i, _)| c.top_logprobs.get(i).map_or(json!({}), |alts| top_map(alts))));
                let mut offset = 0;
                let text_offset: Vec<usize> = tokens
                    .iter()
                    .map(|t| {
                        let at = offset;
                        offset += t.len();
                        at
                    })
                    .collect();
                json!({"tokens": tokens, "token_logprobs": token_logprobs, "top_logprobs": tops, "text_offset": text_offset})
            });
            json!({"index": index, "text": text, "finish_reason": finish(c.finish_reason), "logprobs": logprobs})
        })
        .collect();
    let body = json!({
        "id": next_id(&state, "cmpl"), "object": "text_completion", "created": now(), "model": model_name,
        "choices": choices, "usage": usage(&generation),
    });
    Ok(Json(body).into_response())
}

fn top_map(alternatives: &[TokenLogprob]) -> Value {
    Value::Object(
        alternatives
            .iter()
            .map(|t| (t.token.clone(), json!(t.logprob)))
            .collect(),
    )
}
