//! The reward server: ethos's graders behind HTTP, so that external RL engines (OpenRLHF,
//! and TRL or verl through the Python shims in `python/`) reward rollouts exactly as
//! `ethos train` and `ethos grade` would.
//!
//! Endpoints:
//! - `GET /health`: the grader, the arm and how many items it serves;
//! - `POST /v1/score`: `{"items": [{"id", "response"}]}` answered with one score and the
//!   per-criterion verdicts per item (the Python shims use this);
//! - `POST /get_reward`: OpenRLHF's remote reward protocol, `{"query", "prompts",
//!   "labels"}` where each label is an item id and each query is its prompt followed by
//!   the response; answered with `rewards`, `scores` and numeric per-sample `extra_logs`.
//!
//! A grading that fails is never turned into a reward of 0: a judge outage or unusable
//! judge answers give HTTP 503 with `Retry-After`, other failures 500, both naming the item.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use ethos_grade::{Grade, GradeError, GradeItem, GradeJob, Grader};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// How the reward server runs.
#[derive(Debug, Clone)]
pub struct RewardServeConfig {
    /// Address to bind; loopback unless told otherwise.
    pub host: IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// When set, requests must carry `Authorization: Bearer <key>` or `X-API-Key: <key>`.
    pub api_key: Option<String>,
    /// Largest request body, in bytes (HTTP 413 above).
    pub max_body_bytes: usize,
    /// Most responses graded in one request (HTTP 413 above).
    pub max_batch: usize,
    /// Seconds a client is told to wait after a judge outage.
    pub retry_after_seconds: u64,
    /// Requests graded at once; later ones wait, so clients that time out and retry do
    /// not pile up gradings.
    pub max_gradings: usize,
}

impl Default for RewardServeConfig {
    fn default() -> Self {
        Self {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8777,
            api_key: None,
            max_body_bytes: 32 << 20,
            max_batch: 4096,
            retry_after_seconds: 10,
            max_gradings: 4,
        }
    }
}

/// What the server grades with: a grader and the items it knows, by id.
pub struct RewardService {
    /// The reward grader.
    pub grader: Arc<dyn Grader>,
    /// Every item the arm can draw (and its validation items), by id.
    pub items: HashMap<String, GradeItem>,
    /// The arm, for `/health` and error messages.
    pub arm: String,
}

struct RewardState {
    service: RewardService,
    config: RewardServeConfig,
    gradings: Arc<tokio::sync::Semaphore>,
}

/// An error answer: `{"error": {"message", "type"}}`.
struct RewardError {
    status: StatusCode,
    kind: &'static str,
    message: String,
    retry_after: Option<u64>,
}

impl RewardError {
    fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            kind,
            message: message.into(),
            retry_after: None,
        }
    }
}

impl IntoResponse for RewardError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"message": self.message, "type": self.kind}});
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after
            && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

/// The reward router, for embedding or tests.
pub fn reward_router(service: RewardService, config: RewardServeConfig) -> Router {
    let limit = config.max_body_bytes;
    let gradings = Arc::new(tokio::sync::Semaphore::new(config.max_gradings.max(1)));
    let state = Arc::new(RewardState {
        service,
        config,
        gradings,
    });
    Router::new()
        .route("/health", get(health))
        .route("/v1/score", post(score))
        .route("/get_reward", post(get_reward))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}

/// Binds and serves until the process is stopped; `on_ready` receives the bound address.
pub async fn serve_reward(
    service: RewardService,
    config: RewardServeConfig,
    on_ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let (host, port) = (config.host, config.port);
    crate::server::serve_router(reward_router(service, config), host, port, on_ready).await
}

fn authorize(state: &RewardState, headers: &HeaderMap) -> Result<(), RewardError> {
    let Some(key) = &state.config.api_key else {
        return Ok(());
    };
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let x_key = headers.get("x-api-key").and_then(|v| v.to_str().ok());
    if bearer == Some(key.as_str()) || x_key == Some(key.as_str()) {
        Ok(())
    } else {
        Err(RewardError::new(
            StatusCode::UNAUTHORIZED,
            "invalid_api_key",
            "missing or wrong API key (send `Authorization: Bearer KEY` or `X-API-Key: KEY`)",
        ))
    }
}

/// Parses a JSON body, naming what is wrong with it.
fn parse<T: DeserializeOwned>(body: &Bytes) -> Result<T, RewardError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let at = e.path().to_string();
        RewardError::new(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            if at == "." {
                format!("malformed body: {}", e.inner())
            } else {
                format!("malformed body at `{at}`: {}", e.inner())
            },
        )
    })
}

async fn health(State(state): State<Arc<RewardState>>) -> Json<Value> {
    Json(json!({
        "status": "ok",
        "grader": state.service.grader.id(),
        "arm": state.service.arm,
        "items": state.service.items.len(),
    }))
}

/// A body of `POST /v1/score`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoreRequest {
    items: Vec<ScoreItem>,
}

/// One response to score.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoreItem {
    id: String,
    response: String,
}

async fn score(
    State(state): State<Arc<RewardState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, RewardError> {
    authorize(&state, &headers)?;
    let request: ScoreRequest = parse(&body)?;
    let pairs: Vec<(String, String)> = request
        .items
        .into_iter()
        .map(|i| (i.id, i.response))
        .collect();
    let grades = grade_all(&state, pairs.clone()).await?;
    let results: Vec<Value> = pairs
        .iter()
        .zip(&grades)
        .map(|((id, _), grade)| {
            json!({
                "id": id,
                "score": grade.score,
                "verdicts": verdicts_json(grade),
            })
        })
        .collect();
    Ok(Json(
        json!({"grader": state.service.grader.id(), "results": results}),
    ))
}

/// A body of OpenRLHF's `POST /get_reward`.
#[derive(Debug, Deserialize)]
struct OpenRlhfRequest {
    /// Prompt and response, as the engine decoded them.
    query: Vec<String>,
    /// The prompts (to split the responses off the queries).
    prompts: Option<Vec<String>>,
    /// The item ids (the exported `label` column).
    labels: Option<Vec<Value>>,
}

/// End-of-turn and padding markers an engine leaves at the end of a decoded query.
const END_MARKERS: [&str; 10] = [
    "<|im_end|>",
    "<eos>",
    "<｜end▁of▁sentence｜>",
    "<|eot_id|>",
    "<|endoftext|>",
    "<|end_of_text|>",
    "<|end|>",
    "</s>",
    "<end_of_turn>",
    "<pad>",
];

/// The response part of a decoded query: what follows the prompt (left padding or a BOS
/// token before the prompt is skipped), without trailing end-of-turn or padding markers.
fn response_of(query: &str, prompt: &str) -> Option<String> {
    let start = query.find(prompt)? + prompt.len();
    let mut response = query[start..].trim_end();
    while let Some(marker) = END_MARKERS.iter().find(|m| response.ends_with(*m)) {
        response = response[..response.len() - marker.len()].trim_end();
    }
    Some(response.to_string())
}

async fn get_reward(
    State(state): State<Arc<RewardState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, RewardError> {
    authorize(&state, &headers)?;
    let request: OpenRlhfRequest = parse(&body)?;
    let bad = |message: String| {
        RewardError::new(StatusCode::BAD_REQUEST, "invalid_request_error", message)
    };
    let n = request.query.len();
    let prompts = request.prompts.ok_or_else(|| {
        bad(
            "`prompts` is missing: the server splits each response off its query by its prompt"
                .into(),
        )
    })?;
    let labels = request.labels.ok_or_else(|| {
        bad(
            "`labels` is missing: run OpenRLHF with `--label_key label` on the exported data"
                .into(),
        )
    })?;
    if prompts.len() != n || labels.len() != n {
        return Err(bad(format!(
            "`query`, `prompts` and `labels` differ in length ({n}, {}, {})",
            prompts.len(),
            labels.len()
        )));
    }
    let mut pairs = Vec::with_capacity(n);
    for (i, ((query, prompt), label)) in request.query.iter().zip(&prompts).zip(&labels).enumerate()
    {
        let Some(id) = label.as_str() else {
            return Err(bad(format!(
                "`labels[{i}]` is not a string (an ethos item id)"
            )));
        };
        let Some(response) = response_of(query, prompt) else {
            return Err(bad(format!("`query[{i}]` does not contain `prompts[{i}]`")));
        };
        pairs.push((id.to_string(), response));
    }
    let grades = grade_all(&state, pairs).await?;
    let rewards: Vec<f64> = grades.iter().map(|g| g.score).collect();
    // Numeric per-sample logs (OpenRLHF turns each into a tensor and logs its mean).
    let per_sample = |f: &dyn Fn(&Grade) -> f64| grades.iter().map(f).collect::<Vec<f64>>();
    let extra_logs = json!({
        "ethos_criteria_met": per_sample(&|g: &Grade| g.verdicts.iter().filter(|v| v.points > 0 && v.met).count() as f64),
        "ethos_criteria_positive": per_sample(&|g: &Grade| g.verdicts.iter().filter(|v| v.points > 0).count() as f64),
        "ethos_negative_criteria_met": per_sample(&|g: &Grade| g.verdicts.iter().filter(|v| v.points < 0 && v.met).count() as f64),
        "ethos_points_met": per_sample(&|g: &Grade| g.verdicts.iter().filter(|v| v.met).map(|v| f64::from(v.points)).sum()),
    });
    // The verdicts themselves, per sample (ignored by OpenRLHF's client, kept for logs).
    let details: Vec<Value> = grades.iter().map(verdicts_json).collect();
    Ok(Json(json!({
        "rewards": rewards,
        "scores": rewards,
        "extra_logs": extra_logs,
        "details": details,
    })))
}

/// A grade's per-criterion verdicts as JSON.
fn verdicts_json(grade: &Grade) -> Value {
    grade
        .verdicts
        .iter()
        .map(|v| {
            json!({
                "criterion": v.criterion,
                "points": v.points,
                "met": v.met,
                "decided_by": v.decided_by,
            })
        })
        .collect()
}

/// Grades `(item id, response)` pairs with the service's grader, off the async threads.
async fn grade_all(
    state: &Arc<RewardState>,
    pairs: Vec<(String, String)>,
) -> Result<Vec<Grade>, RewardError> {
    if pairs.len() > state.config.max_batch {
        return Err(RewardError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "invalid_request_error",
            format!(
                "{} responses in one request; the cap is {} (--max-batch)",
                pairs.len(),
                state.config.max_batch
            ),
        ));
    }
    let unknown: Vec<&str> = pairs
        .iter()
        .map(|(id, _)| id.as_str())
        .filter(|id| !state.service.items.contains_key(*id))
        .collect();
    if !unknown.is_empty() {
        let shown: Vec<&str> = unknown.iter().take(5).copied().collect();
        return Err(RewardError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_item",
            format!(
                "unknown item id(s): {}{} (arm `{}` serves {} items)",
                shown.join(", "),
                if unknown.len() > shown.len() {
                    format!(" and {} more", unknown.len() - shown.len())
                } else {
                    String::new()
                },
                state.service.arm,
                state.service.items.len()
            ),
        ));
    }
    let permit = state.gradings.clone().acquire_owned().await.map_err(|e| {
        RewardError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            format!("grading queue closed: {e}"),
        )
    })?;
    let state = state.clone();
    let retry_after = state.config.retry_after_seconds;
    // Graders block (a judge over HTTP runs its own runtime), so they run on a blocking
    // thread.
    let results = tokio::task::spawn_blocking(move || {
        let jobs: Vec<GradeJob<'_>> = pairs
            .iter()
            .filter_map(|(id, response)| {
                Some(GradeJob {
                    item: state.service.items.get(id)?,
                    response,
                })
            })
            .collect();
        let grades = state.service.grader.grade_batch(&jobs);
        drop(permit);
        grades
    })
    .await
    .map_err(|e| {
        RewardError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            format!("grading stopped: {e}"),
        )
    })?;
    results
        .into_iter()
        .map(|result| result.map_err(|e| grade_error(e, retry_after)))
        .collect()
}

/// A failed grading as an answer: transient judge trouble is a 503 to retry.
fn grade_error(error: GradeError, retry_after: u64) -> RewardError {
    match error {
        GradeError::Model { .. } | GradeError::JudgeAnswer { .. } | GradeError::Cache { .. } => {
            RewardError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                kind: "judge_unavailable",
                message: format!("{error}; retry in {retry_after} s"),
                retry_after: Some(retry_after),
            }
        }
        other => RewardError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "grading_error",
            other.to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_are_split_off_their_prompts_without_end_markers() {
        assert_eq!(
            response_of(
                "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\nHello.<|im_end|>",
                "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n"
            )
            .as_deref(),
            Some("Hello.")
        );
        assert_eq!(response_of("abc</s></s>", "a").as_deref(), Some("bc"));
        // Left padding before the prompt, padding after the end of turn.
        assert_eq!(
            response_of("<pad><pad>Q: hi\nA: yes<|im_end|><pad><pad>", "Q: hi\nA:").as_deref(),
            Some(" yes")
        );
        assert_eq!(response_of("abc", "x"), None);
    }

    #[test]
    fn judge_trouble_is_a_503_to_retry_and_other_failures_a_500() {
        let outage = grade_error(
            GradeError::Model {
                item: "s-1".into(),
                source: ethos_model::ModelError::Http("connection refused".into()),
            },
            7,
        );
        assert_eq!(outage.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(outage.retry_after, Some(7));
        assert!(outage.message.contains("s-1"), "{}", outage.message);
        let broken = grade_error(GradeError::Config("no judge".into()), 7);
        assert_eq!(broken.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(broken.retry_after, None);
    }
}
