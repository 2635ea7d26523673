//! The rubric judge: a language model grading each criterion, HealthBench style.
//!
//! Protocol: the conversation is rendered as role-tagged turns with the response as the
//! final assistant turn; the judge answers a JSON object `{"explanation": ...,
//! "criteria_met": true|false}` per criterion (or one object listing every criterion in
//! batched mode). For negative-point criteria it says whether the undesirable behaviour is
//! present. An answer that does not parse is asked again, up to `max_attempts` in all;
//! after that the grade fails; it is never scored as 0.
//!
//! The yes/no mode asks for one word per criterion and reads the judge's probability of
//! "yes" against "no" (log-likelihoods of both answers, or the first token's top
//! log-probabilities), so it always answers, even with a small model that cannot write JSON.

use std::sync::Arc;
use std::time::Instant;

use ethos_core::Message;
use ethos_model::{GenerationRequest, LanguageModel, SamplingParams, ScoreRequest};
use serde::Serialize;

use crate::cache::{CachedVerdict, VerdictCache, VerdictKey, rubric_context};
use crate::error::GradeError;
use crate::grade::{Cost, CriterionVerdict, Grade, GradeItem, GradeJob, Grader};
use crate::template::JudgeTemplate;

/// One call per criterion, or all criteria in one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JudgeMode {
    /// One call per criterion (HealthBench's protocol).
    PerCriterion,
    /// One call per response listing every criterion, for judges that handle it.
    Batched,
    /// One call per criterion answered "yes" or "no"; the verdict is P(yes) > P(no), from
    /// the log-likelihoods of the two answers where the model scores continuations (every
    /// local model), else from the first token's top log-probabilities (servers that
    /// return them). Never fails to parse.
    YesNo,
}

/// Top log-probabilities asked for in yes/no mode.
const YES_NO_TOP: usize = ethos_model::model::MAX_TOP_LOGPROBS;

/// How the judge calls its model.
#[derive(Debug, Clone, PartialEq)]
pub struct JudgeConfig {
    /// Per-criterion or batched calls.
    pub mode: JudgeMode,
    /// Calls in flight at once (later calls wait: backpressure).
    pub concurrency: usize,
    /// Attempts per call before the grade fails (first call included).
    pub max_attempts: usize,
    /// Most tokens per judge answer.
    pub max_tokens: usize,
    /// Sampling temperature of the first attempt.
    pub temperature: f32,
    /// Temperature of retries: a greedy judge would repeat the same malformed answer.
    pub retry_temperature: f32,
    /// Seed of the first attempt; retry k uses `seed + k`.
    pub seed: u64,
}

impl Default for JudgeConfig {
    fn default() -> Self {
        Self {
            mode: JudgeMode::PerCriterion,
            concurrency: 8,
            max_attempts: 3,
            max_tokens: 384,
            temperature: 0.0,
            retry_temperature: 0.7,
            seed: 0,
        }
    }
}

/// A rubric judge over any [`LanguageModel`], local or remote.
pub struct RubricJudge {
    model: Arc<dyn LanguageModel>,
    template: JudgeTemplate,
    config: JudgeConfig,
    cache: Option<Arc<VerdictCache>>,
}

/// One judge call to make: a criterion (per-criterion mode) or a whole rubric (batched).
struct Call {
    job: usize,
    /// 0-based criterion, `None` for a batched call.
    criterion: Option<usize>,
    prompt: String,
    attempts: usize,
    last_problem: String,
}

/// One job's progress.
struct JobState {
    verdicts: Vec<Option<CachedVerdict>>,
    cost: Cost,
    error: Option<GradeError>,
}

impl RubricJudge {
    /// A judge with the built-in template for `config.mode`, without a cache.
    pub fn new(model: Arc<dyn LanguageModel>, config: JudgeConfig) -> Self {
        let template = match config.mode {
            JudgeMode::PerCriterion => JudgeTemplate::builtin_item(),
            JudgeMode::Batched => JudgeTemplate::builtin_batch(),
            JudgeMode::YesNo => JudgeTemplate::builtin_yes_no(),
        };
        Self {
            model,
            template,
            config,
            cache: None,
        }
    }

    /// Uses another prompt template.
    pub fn with_template(mut self, template: JudgeTemplate) -> Self {
        self.template = template;
        self
    }

    /// Reads and writes verdicts through `cache`.
    pub fn with_cache(mut self, cache: Arc<VerdictCache>) -> Self {
        self.cache = Some(cache);
        self
    }

    /// The judge's configuration.
    pub fn config(&self) -> &JudgeConfig {
        &self.config
    }

    fn key_digest(&self, item: &GradeItem, response: &str, criterion: usize) -> String {
        let rubric = item.rubric();
        let context = match self.config.mode {
            JudgeMode::PerCriterion | JudgeMode::YesNo => String::new(),
            JudgeMode::Batched => rubric_context(rubric),
        };
        VerdictKey {
            judge: self.model.id(),
            template: self.template.id(),
            conversation: item.messages(),
            criterion: &rubric[criterion].criterion,
            points: rubric[criterion].points,
            context: &context,
            response,
        }
        .digest()
    }

    /// Sets up the calls for one job, serving what it can from the cache.
    fn plan(&self, index: usize, job: &GradeJob<'_>, calls: &mut Vec<Call>) -> JobState {
        let rubric = job.item.rubric();
        let mut state = JobState {
            verdicts: vec![None; rubric.len()],
            cost: Cost::default(),
            error: None,
        };
        if !matches!(job.item, GradeItem::Scenario(_)) || rubric.is_empty() {
            state.error = Some(GradeError::Ungradable {
                item: job.item.id().to_string(),
                grader: self.id(),
                reason: if rubric.is_empty() && matches!(job.item, GradeItem::Scenario(_)) {
                    "the scenario has no rubric".to_string()
                } else {
                    "a task is graded by its verifier, not a rubric judge".to_string()
                },
            });
            return state;
        }
        if let Some(cache) = &self.cache {
            for (c, slot) in state.verdicts.iter_mut().enumerate() {
                match cache.get(&self.key_digest(job.item, job.response, c)) {
                    Ok(Some(hit)) => {
                        *slot = Some(hit);
                        state.cost.cache_hits += 1;
                    }
                    Ok(None) => {}
                    Err(err) => {
                        state.error = Some(err);
                        return state;
                    }
                }
            }
        }
        let messages = job.item.messages();
        let rendered = match self.config.mode {
            JudgeMode::PerCriterion | JudgeMode::YesNo => state
                .verdicts
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_none())
                .map(|(c, _)| {
                    self.template
                        .render_item(messages, job.response, &rubric[c])
                        .map(|prompt| (Some(c), prompt))
                })
                .collect::<Result<Vec<_>, _>>(),
            JudgeMode::Batched if state.verdicts.iter().any(Option::is_none) => self
                .template
                .render_batch(messages, job.response, rubric)
                .map(|prompt| vec![(None, prompt)]),
            JudgeMode::Batched => Ok(Vec::new()),
        };
        match rendered {
            Ok(list) => calls.extend(list.into_iter().map(|(criterion, prompt)| Call {
                job: index,
                criterion,
                prompt,
                attempts: 0,
                last_problem: String::new(),
            })),
            Err(err) => state.error = Some(err),
        }
        state
    }

    fn request(&self, call: &Call) -> GenerationRequest {
        let retry = call.attempts > 0;
        if self.config.mode == JudgeMode::YesNo {
            return GenerationRequest::chat(
                vec![Message::user(call.prompt.clone())],
                SamplingParams {
                    temperature: 0.0,
                    max_tokens: 1,
                    top_logprobs: YES_NO_TOP,
                    seed: self.config.seed,
                    ..SamplingParams::default()
                },
            );
        }
        GenerationRequest::chat(
            vec![Message::user(call.prompt.clone())],
            SamplingParams {
                temperature: if retry {
                    self.config.retry_temperature
                } else {
                    self.config.temperature
                },
                max_tokens: self.config.max_tokens,
                seed: self.config.seed + call.attempts as u64,
                ..SamplingParams::default()
            },
        )
    }

    /// Yes/no mode where the judge scores continuations (every local model): the exact
    /// log-likelihoods of "Yes" and "No" as the start of its answer, whatever its tokenizer.
    /// None when the model cannot score (an HTTP judge without a chat template), in which
    /// case the first generated token's top log-probabilities are read instead.
    fn score_yes_no(&self, wave: &[Call]) -> Option<Vec<Answer>> {
        let requests: Vec<ScoreRequest> = wave
            .iter()
            .flat_map(|call| {
                ["Yes", "No"].map(|word| ScoreRequest {
                    messages: vec![Message::user(call.prompt.clone())],
                    continuation: word.to_string(),
                })
            })
            .collect();
        let scores = self.model.loglikelihood(&requests).ok()?;
        if scores.len() != requests.len() {
            return None;
        }
        Some(
            scores
                .chunks(2)
                .map(|pair| Answer {
                    text: String::new(),
                    prompt_tokens: 0,
                    completion_tokens: 0,
                    top: ["yes", "no"]
                        .iter()
                        .zip(pair)
                        .map(|(word, score)| ethos_model::TokenLogprob {
                            token: (*word).to_string(),
                            id: 0,
                            logprob: score.logprob as f32,
                        })
                        .collect(),
                })
                .collect(),
        )
    }

    /// Runs one wave of calls; returns each call's answer or model error.
    fn run_wave(&self, wave: &[Call]) -> Vec<Result<Answer, ethos_model::ModelError>> {
        if self.config.mode == JudgeMode::YesNo
            && let Some(answers) = self.score_yes_no(wave)
        {
            return answers.into_iter().map(Ok).collect();
        }
        let requests: Vec<GenerationRequest> = wave.iter().map(|c| self.request(c)).collect();
        let unpack = |g: ethos_model::Generation| {
            let prompt_tokens = g.prompt_tokens as u64;
            match g.completions.into_iter().next() {
                Some(c) => Answer {
                    completion_tokens: c.token_ids.len() as u64,
                    top: c.top_logprobs.into_iter().next().unwrap_or_default(),
                    text: c.text,
                    prompt_tokens,
                },
                None => Answer {
                    text: String::new(),
                    prompt_tokens,
                    completion_tokens: 0,
                    top: Vec::new(),
                },
            }
        };
        match self.model.generate(&requests) {
            Ok(generations) if generations.len() == wave.len() => {
                generations.into_iter().map(|g| Ok(unpack(g))).collect()
            }
            // A failed batch: ask one by one so that one bad call does not sink the rest.
            _ if wave.len() > 1 => requests
                .iter()
                .map(|r| {
                    self.model
                        .generate(std::slice::from_ref(r))
                        .and_then(|mut g| {
                            g.pop().ok_or_else(|| {
                                ethos_model::ModelError::Http("no generation returned".into())
                            })
                        })
                        .map(unpack)
                })
                .collect(),
            Ok(_) => vec![Err(ethos_model::ModelError::Http(
                "the judge returned a different number of generations".into(),
            ))],
            Err(err) => vec![Err(err)],
        }
    }
}

impl Grader for RubricJudge {
    fn id(&self) -> String {
        format!("judge:{}:{}", self.model.id(), self.template.id())
    }

    fn grade_batch(&self, jobs: &[GradeJob<'_>]) -> Vec<Result<Grade, GradeError>> {
        let mut pending = Vec::new();
        let mut states: Vec<JobState> = jobs
            .iter()
            .enumerate()
            .map(|(i, job)| self.plan(i, job, &mut pending))
            .collect();
        let width = self.config.concurrency.max(1);
        let attempts = self.config.max_attempts.max(1);
        let mut fresh: Vec<Vec<(String, CachedVerdict)>> = vec![Vec::new(); jobs.len()];
        while !pending.is_empty() {
            let rest = pending.split_off(width.min(pending.len()));
            let mut wave = std::mem::replace(&mut pending, rest);
            let started = Instant::now();
            let answers = self.run_wave(&wave);
            let share = started.elapsed().as_millis() as u64 / wave.len().max(1) as u64;
            for (mut call, answer) in wave.drain(..).zip(answers) {
                let job = &jobs[call.job];
                let state = &mut states[call.job];
                call.attempts += 1;
                state.cost.calls += 1;
                state.cost.millis += share;
                let answer = match answer {
                    Ok(answer) => answer,
                    Err(source) => {
                        state.error.get_or_insert(GradeError::Model {
                            item: job.item.id().to_string(),
                            source,
                        });
                        continue;
                    }
                };
                state.cost.prompt_tokens += answer.prompt_tokens;
                state.cost.completion_tokens += answer.completion_tokens;
                let parsed = match (call.criterion, self.config.mode) {
                    (Some(c), JudgeMode::YesNo) => {
                        Ok(vec![(c, read_yes_no(&answer.top, &answer.text))])
                    }
                    (Some(c), _) => parse_item_answer(&answer.text).map(|v| vec![(c, v)]),
                    (None, _) => parse_batch_answer(&answer.text, job.item.rubric().len())
                        .map(|list| list.into_iter().enumerate().collect()),
                };
                match parsed {
                    Ok(list) => {
                        for (c, verdict) in list {
                            if state.verdicts[c].is_none() {
                                let key = self.key_digest(job.item, job.response, c);
                                fresh[call.job].push((key, verdict.clone()));
                                state.verdicts[c] = Some(verdict);
                            }
                        }
                    }
                    Err(problem) if call.attempts < attempts => {
                        call.last_problem = problem;
                        pending.push(call);
                    }
                    Err(problem) => {
                        state.error.get_or_insert(GradeError::JudgeAnswer {
                            item: job.item.id().to_string(),
                            criterion: call.criterion.map(|c| c + 1),
                            attempts: call.attempts,
                            reason: if call.last_problem.is_empty() || call.last_problem == problem
                            {
                                problem
                            } else {
                                format!("{problem} (before: {})", call.last_problem)
                            },
                        });
                    }
                }
            }
        }
        let (judge, template) = (self.id(), self.template.id());
        jobs.iter()
            .zip(states)
            .zip(fresh)
            .map(|((job, state), fresh)| {
                // Verdicts that were obtained are worth keeping even when a sibling failed.
                if let Some(cache) = &self.cache {
                    cache.put_many(self.model.id(), template, &fresh)?;
                }
                if let Some(err) = state.error {
                    return Err(err);
                }
                let verdicts = job
                    .item
                    .rubric()
                    .iter()
                    .zip(state.verdicts)
                    .enumerate()
                    .map(|(i, (criterion, verdict))| {
                        let verdict = verdict.ok_or_else(|| GradeError::JudgeAnswer {
                            item: job.item.id().to_string(),
                            criterion: Some(i + 1),
                            attempts: 0,
                            reason: "no verdict".to_string(),
                        })?;
                        Ok(CriterionVerdict {
                            index: i + 1,
                            criterion: criterion.criterion.clone(),
                            points: criterion.points,
                            met: verdict.met,
                            explanation: verdict.explanation,
                            decided_by: judge.clone(),
                            second_opinion: None,
                        })
                    })
                    .collect::<Result<Vec<_>, GradeError>>()?;
                Ok(Grade::from_verdicts(judge.clone(), verdicts, state.cost))
            })
            .collect()
    }
}

/// What one judge call returned.
struct Answer {
    text: String,
    prompt_tokens: u64,
    completion_tokens: u64,
    /// Top log-probabilities at the first generated position (asked for in yes/no mode).
    top: Vec<ethos_model::TokenLogprob>,
}

/// The yes/no verdict from the first token's top log-probabilities: P(yes) and P(no) sum
/// the probabilities of the tokens that read as that word ("Yes", " yes", "YES", ...).
/// Met when P(yes) > P(no). When neither word is among the top tokens the generated word
/// decides, and failing that the criterion is not met; the explanation says which.
pub fn read_yes_no(top: &[ethos_model::TokenLogprob], text: &str) -> CachedVerdict {
    let word = |token: &str| {
        token
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let (mut yes, mut no) = (0.0f64, 0.0f64);
    for candidate in top {
        let p = f64::from(candidate.logprob).exp();
        match word(&candidate.token).as_str() {
            "yes" => yes += p,
            "no" => no += p,
            _ => {}
        }
    }
    if yes + no > 0.0 {
        let share = yes / (yes + no);
        return CachedVerdict {
            met: share > 0.5,
            explanation: format!(
                "P(yes | yes or no) = {share:.3} (yes/no mass {:.3})",
                yes + no
            ),
        };
    }
    let said = text.split_whitespace().next().map(word).unwrap_or_default();
    CachedVerdict {
        met: said == "yes",
        explanation: format!(
            "no yes/no among the top log-probs; the judge wrote {:?}, read as {}",
            text.chars().take(40).collect::<String>(),
            if said == "yes" { "yes" } else { "no" }
        ),
    }
}

/// The first JSON object in `text` (code fences and surrounding prose are skipped).
fn first_json_object(text: &str) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    if text.trim().is_empty() {
        return Err("empty answer".to_string());
    }
    let mut search = 0;
    while let Some(offset) = text[search..].find('{') {
        let start = search + offset;
        let mut stream =
            serde_json::Deserializer::from_str(&text[start..]).into_iter::<serde_json::Value>();
        if let Some(Ok(serde_json::Value::Object(map))) = stream.next() {
            return Ok(map);
        }
        search = start + 1;
    }
    Err(format!("no JSON object in the answer: {}", excerpt(text)))
}

fn excerpt(text: &str) -> String {
    let short: String = text.chars().take(120).collect();
    if short.len() < text.len() {
        format!("{short:?}...")
    } else {
        format!("{short:?}")
    }
}

fn verdict_from(map: &serde_json::Map<String, serde_json::Value>) -> Result<CachedVerdict, String> {
    let met = match map.get("criteria_met") {
        Some(serde_json::Value::Bool(b)) => *b,
        Some(other) => return Err(format!("`criteria_met` is {other}, not true or false")),
        None => return Err("no `criteria_met` field".to_string()),
    };
    let explanation = match map.get("explanation") {
        Some(serde_json::Value::String(s)) => s.clone(),
        None => String::new(),
        Some(other) => return Err(format!("`explanation` is {other}, not a string")),
    };
    Ok(CachedVerdict { met, explanation })
}

/// Parses a per-criterion answer: `{"explanation": "...", "criteria_met": true}`.
pub fn parse_item_answer(text: &str) -> Result<CachedVerdict, String> {
    verdict_from(&first_json_object(text)?)
}

/// Parses a batched answer: `{"verdicts": [{"index": 1, "explanation": "...",
/// "criteria_met": true}, ...]}` with exactly `n` entries, numbered 1..=n in order.
pub fn parse_batch_answer(text: &str, n: usize) -> Result<Vec<CachedVerdict>, String> {
    let map = first_json_object(text)?;
    let list = match map.get("verdicts") {
        Some(serde_json::Value::Array(list)) => list,
        _ => return Err("no `verdicts` array".to_string()),
    };
    if list.len() != n {
        return Err(format!("{} verdicts for {n} criteria", list.len()));
    }
    list.iter()
        .enumerate()
        .map(|(i, entry)| {
            let entry = entry
                .as_object()
                .ok_or_else(|| format!("verdict {} is not an object", i + 1))?;
            if let Some(index) = entry.get("index")
                && index.as_u64() != Some(i as u64 + 1)
            {
                return Err(format!("verdict {} has index {index}", i + 1));
            }
            verdict_from(entry).map_err(|e| format!("verdict {}: {e}", i + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_answers_parse_strictly() {
        let v = parse_item_answer(
            "Sure.\n```json\n{\"explanation\": \"It hedges.\", \"criteria_met\": true}\n```",
        )
        .unwrap();
        assert!(v.met);
        assert_eq!(v.explanation, "It hedges.");
        assert!(parse_item_answer("{\"criteria_met\": false}").is_ok());
        for bad in [
            "",
            "yes",
            "{\"explanation\": \"x\"}",
            "{\"criteria_met\": \"true\"}",
            "{\"criteria_met\": 1}",
            "{\"criteria_met\": true, \"explanation\": 3}",
            "[true]",
        ] {
            assert!(parse_item_answer(bad).is_err(), "{bad:?} parsed");
        }
        // A stray brace before the object is skipped.
        assert!(
            parse_item_answer("{oops} {\"criteria_met\": true}")
                .unwrap()
                .met
        );
    }

    #[test]
    fn batch_answers_need_every_criterion_in_order() {
        let ok = r#"{"verdicts": [{"index": 1, "explanation": "a", "criteria_met": true},
                                 {"index": 2, "explanation": "b", "criteria_met": false}]}"#;
        let list = parse_batch_answer(ok, 2).unwrap();
        assert_eq!(
            list.iter().map(|v| v.met).collect::<Vec<_>>(),
            [true, false]
        );
        assert!(parse_batch_answer(ok, 3).is_err());
        let swapped = r#"{"verdicts": [{"index": 2, "criteria_met": true}, {"index": 1, "criteria_met": true}]}"#;
        assert!(parse_batch_answer(swapped, 2).is_err());
        assert!(parse_batch_answer(r#"{"verdicts": {}}"#, 1).is_err());
    }

    #[test]
    fn yes_no_reads_probabilities_and_never_fails() {
        let top = |pairs: &[(&str, f32)]| -> Vec<ethos_model::TokenLogprob> {
            pairs
                .iter()
                .map(|(t, p)| ethos_model::TokenLogprob {
                    token: (*t).to_string(),
                    id: 0,
                    logprob: p.ln(),
                })
                .collect()
        };
        // "Yes" and " yes" add up: 0.3 + 0.2 against 0.4.
        let v = read_yes_no(
            &top(&[("Yes", 0.3), (" yes", 0.2), ("No", 0.4), ("Maybe", 0.1)]),
            "",
        );
        assert!(v.met, "{}", v.explanation);
        assert!(v.explanation.contains("0.556"), "{}", v.explanation);
        let v = read_yes_no(&top(&[("NO", 0.6), ("yes", 0.1)]), "Yes");
        assert!(!v.met);
        // Neither word among the top tokens: the written word decides, else "no".
        assert!(read_yes_no(&top(&[("The", 0.9)]), "Yes, it does").met);
        let v = read_yes_no(&[], "The reply is fine");
        assert!(!v.met);
        assert!(
            v.explanation.contains("no yes/no among the top"),
            "{}",
            v.explanation
        );
    }
}
