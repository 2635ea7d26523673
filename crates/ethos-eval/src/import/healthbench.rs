//! HealthBench (Arora et al. 2025), JSONL: a conversation (`prompt`), its rubric
//! (`rubrics`, criteria with points and tags), `example_tags` and a `prompt_id`.
//! Each file becomes one `free-text` benchmark graded on the item's rubric by a judge.

use std::path::Path;

use ethos_core::benchmark::{BenchmarkHeader, Generate, MAX_BENCHMARK_CRITERIA};
use ethos_core::scenario::rubric_problems;
use ethos_core::{Benchmark, Criterion, Diagnostic, FieldError, Item, Message, Role, Scoring};
use serde_json::Value;

use super::common::{
    Imported, Loc, Obj, conversation_errors, header, keep, kind, read_jsonl, slug, stem,
};

pub(super) fn import(path: &Path, text: &str) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    let records = read_jsonl(path, text)?;
    let mut items = Vec::new();
    let mut locs = Vec::new();
    let mut problems = Vec::new();
    for (line, value) in &records {
        let loc = Loc::Line(*line);
        match item(value) {
            Ok(item) => {
                items.push(item);
                locs.push(loc);
            }
            Err(errors) => problems.extend(loc.diags(path, errors)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let file_stem = stem(path);
    let name = slug(&file_stem);
    let subset = name
        .strip_prefix("healthbench")
        .map(|rest| rest.trim_start_matches('-'))
        .unwrap_or(&name);
    let (id, title) = if subset.is_empty() {
        ("healthbench".to_string(), "HealthBench".to_string())
    } else {
        (
            format!("healthbench-{subset}"),
            format!("HealthBench ({file_stem})"),
        )
    };
    let header = BenchmarkHeader {
        category: "health".to_string(),
        probes: "human_protective_helpfulness".to_string(),
        source: "Arora et al. 2025, HealthBench: Evaluating Large Language Models Towards \
                 Improved Human Health (openai/simple-evals)"
            .to_string(),
        license: "MIT".to_string(),
        description: Some(
            "Health conversations graded on physician-written rubrics: a judge decides each \
             criterion, and the score is the points met over the positive points \
             (negative-point criteria subtract)."
                .to_string(),
        ),
        ..header(id, title, Scoring::FreeText(Generate { max_tokens: 1024 }))
    };
    Ok(vec![Imported {
        benchmark: Benchmark {
            header,
            items,
            path: None,
        },
        locs,
    }])
}

fn item(value: &Value) -> Result<Item, Vec<FieldError>> {
    let record = Obj::root(value).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let id = keep(&mut errors, record.text("prompt_id"));
    let messages = match record.list("prompt") {
        Ok(list) => messages(list, &mut errors),
        Err(err) => {
            errors.push(err);
            None
        }
    };
    let rubric = match record.list("rubrics") {
        Ok(list) => rubric(list, &mut errors),
        Err(err) => {
            errors.push(err);
            None
        }
    };
    let tags = string_list(&record, "example_tags", &mut errors);
    let (Some(id), Some(messages), Some(rubric), Some(tags)) = (id, messages, rubric, tags) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut item = Item::new(id.trim(), messages);
    item.rubric = rubric;
    if !tags.is_empty() {
        item.meta
            .insert("example_tags".to_string(), Value::from(tags));
    }
    Ok(item)
}

fn messages(list: &[Value], errors: &mut Vec<FieldError>) -> Option<Vec<Message>> {
    let before = errors.len();
    let mut messages = Vec::new();
    for (i, value) in list.iter().enumerate() {
        let Some(turn) = keep(errors, Obj::element(value, format!("prompt[{i}]"))) else {
            continue;
        };
        let role = match keep(errors, turn.str("role")) {
            Some("system") => Some(Role::System),
            Some("user") => Some(Role::User),
            Some("assistant") => Some(Role::Assistant),
            Some(other) => {
                errors.push(FieldError::new(
                    turn.name("role"),
                    format!("`{other}` is not system, user or assistant"),
                ));
                None
            }
            None => None,
        };
        let content = keep(errors, turn.str("content"));
        if let (Some(role), Some(content)) = (role, content) {
            messages.push(Message {
                role,
                content: content.to_string(),
            });
        }
    }
    if errors.len() > before {
        return None;
    }
    // A prompt ethos cannot send (system later than first, ending on the assistant).
    let problems = conversation_errors(&messages, "prompt");
    if problems.is_empty() {
        Some(messages)
    } else {
        errors.extend(problems);
        None
    }
}

fn rubric(list: &[Value], errors: &mut Vec<FieldError>) -> Option<Vec<Criterion>> {
    let before = errors.len();
    let mut rubric = Vec::new();
    for (i, value) in list.iter().enumerate() {
        let Some(entry) = keep(errors, Obj::element(value, format!("rubrics[{i}]"))) else {
            continue;
        };
        let criterion = keep(errors, entry.str("criterion"));
        let points = match entry.get("points") {
            Some(Value::Number(n)) => match n.as_f64() {
                // Whole numbers only: ethos rubrics carry integer points.
                Some(p) if p.fract() == 0.0 && p.abs() <= f64::from(i32::MAX) => Some(p as i32),
                _ => {
                    errors.push(FieldError::new(
                        entry.name("points"),
                        format!("{n} is not a whole number"),
                    ));
                    None
                }
            },
            Some(other) => {
                errors.push(FieldError::new(
                    entry.name("points"),
                    format!("expected a number, found {}", kind(other)),
                ));
                None
            }
            None => {
                errors.push(FieldError::new(entry.name("points"), "missing"));
                None
            }
        };
        let tags = string_list(&entry, "tags", errors);
        if let (Some(criterion), Some(points), Some(tags)) = (criterion, points, tags) {
            rubric.push(Criterion {
                criterion: criterion.trim().to_string(),
                points,
                tags,
                check: None,
            });
        }
    }
    if errors.len() > before {
        return None;
    }
    let problems: Vec<FieldError> = rubric_problems(&rubric, MAX_BENCHMARK_CRITERIA)
        .into_iter()
        .map(|p| {
            let rest = p.field.strip_prefix("rubric").unwrap_or(&p.field);
            FieldError::new(format!("rubrics{rest}"), p.message)
        })
        .collect();
    if problems.is_empty() {
        Some(rubric)
    } else {
        errors.extend(problems);
        None
    }
}

/// An optional list of tags: absent or empty is fine, anything else must be strings.
fn string_list(record: &Obj, key: &str, errors: &mut Vec<FieldError>) -> Option<Vec<String>> {
    match record.get(key) {
        None => Some(Vec::new()),
        Some(Value::Array(a)) if a.is_empty() => Some(Vec::new()),
        Some(_) => keep(errors, record.strings(key, false))
            .map(|t| t.into_iter().map(str::to_string).collect()),
    }
}
