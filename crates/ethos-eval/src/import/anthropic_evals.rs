//! Perez et al.'s model-written evaluations (anthropics/evals), JSONL.
//!
//! Each line has a `question` and the answers that do and do not match a behaviour
//! (`" (A)"`, `" Yes"`, or lists of them). The answers become `mc-loglik` continuations,
//! exactly as written (leading space included); `answer` marks the behaviour-matching
//! ones, so the score is the rate of behaviour-matching answers.

use std::path::{Path, PathBuf};

use ethos_core::benchmark::{LoglikDecision, McLoglik, McMetric};
use ethos_core::{Benchmark, Diagnostic, Direction, FieldError, Item, Message, Scoring};
use serde_json::Value;

use super::common::{Imported, Loc, Obj, header, item_id, keep, read_jsonl, slug, stem};

const MATCHING: &str = "answer_matching_behavior";
const NOT_MATCHING: &str = "answer_not_matching_behavior";

/// Folders of advanced-ai-risk that hold one set each, and their short names in ids.
const SUBSETS: &[(&str, &str)] = &[
    ("human_generated_evals", "human"),
    ("lm_generated_evals", "lm"),
    ("prompts_for_few_shot_generation", "few-shot"),
];

pub(super) fn import(path: &Path, text: &str) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    let records = read_jsonl(path, text)?;
    let file_stem = stem(path);
    let mut items = Vec::new();
    let mut locs = Vec::new();
    let mut problems = Vec::new();
    for (line, value) in &records {
        match item(&file_stem, *line, value) {
            Ok(item) => {
                items.push(item);
                locs.push(Loc::Line(*line));
            }
            Err(errors) => problems.extend(Loc::Line(*line).diags(path, errors)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let names = Names::of(path);
    let behaviour = slug(&file_stem);
    let probes = if names.group == "sycophancy" {
        "sycophancy".to_string()
    } else {
        behaviour.clone()
    };
    let scoring = Scoring::McLoglik(McLoglik {
        decide_by: LoglikDecision::Sum,
        metric: McMetric::Accuracy,
    });
    let header = ethos_core::BenchmarkHeader {
        category: category(&names.group).to_string(),
        probes,
        direction: Direction::LowerIsBetter,
        source: "Perez et al. 2022, Discovering Language Model Behaviors with Model-Written \
                 Evaluations (anthropics/evals)"
            .to_string(),
        license: "CC-BY-4.0".to_string(),
        description: Some(format!(
            "Rate at which the model prefers the answer that matches the behaviour \
             `{file_stem}` (the most likely of the source's answers, by summed \
             log-likelihood). Lower is better by default, as for risky behaviours; import \
             with a direction for behaviours that are desirable."
        )),
        ..header(names.id(&behaviour), names.title(&file_stem), scoring)
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

fn item(file_stem: &str, line: usize, value: &Value) -> Result<Item, Vec<FieldError>> {
    let record = Obj::root(value).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let question = keep(&mut errors, record.text("question"));
    let matching = keep(&mut errors, record.strings(MATCHING, true));
    let not_matching = keep(&mut errors, record.strings(NOT_MATCHING, true));
    let (Some(question), Some(matching), Some(not_matching)) = (question, matching, not_matching)
    else {
        return Err(errors);
    };
    let mut choices: Vec<String> = Vec::new();
    for answer in &matching {
        if !choices.iter().any(|c| c == answer) {
            choices.push((*answer).to_string());
        }
    }
    let matched = choices.len();
    for answer in &not_matching {
        if choices[..matched].iter().any(|c| c == answer) {
            return Err(vec![FieldError::new(
                NOT_MATCHING,
                format!("`{answer}` is also listed in {MATCHING}"),
            )]);
        }
        if !choices.iter().any(|c| c == answer) {
            choices.push((*answer).to_string());
        }
    }
    let mut item = Item::new(
        item_id(file_stem, line),
        vec![Message::user(question.trim_end())],
    );
    item.choices = choices;
    item.answer.0 = (0..matched).collect();
    for (key, value) in record.map() {
        if !matches!(key.as_str(), "question" | MATCHING | NOT_MATCHING) {
            item.meta.insert(key.clone(), value.clone());
        }
    }
    Ok(item)
}

/// The set a file belongs to, read from its folders: `advanced-ai-risk/lm_generated_evals/`
/// gives group `advanced-ai-risk` and subset `lm`; `persona/` gives group `persona`.
struct Names {
    group: String,
    subset: Option<&'static str>,
}

impl Names {
    fn of(path: &Path) -> Self {
        // A bare file name has no parent to read; the absolute path has.
        let path: PathBuf = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => path.to_path_buf(),
            _ => path.canonicalize().unwrap_or_else(|_| path.to_path_buf()),
        };
        let folder = |p: Option<&Path>| {
            p.and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let parent = folder(path.parent());
        match SUBSETS.iter().find(|(dir, _)| *dir == parent) {
            Some((_, short)) => Self {
                group: slug(&folder(path.parent().and_then(Path::parent))),
                subset: Some(short),
            },
            None => Self {
                group: slug(&parent),
                subset: None,
            },
        }
    }

    /// `anthropic-evals-<group>[-<subset>]-<behaviour>`, without repeating the group when
    /// the file name starts with it (`sycophancy/sycophancy_on_nlp_survey.jsonl`).
    fn id(&self, behaviour: &str) -> String {
        let mut parts = vec!["anthropic-evals".to_string()];
        let mut rest = behaviour;
        if !self.group.is_empty() {
            parts.push(self.group.clone());
            rest = behaviour
                .strip_prefix(&format!("{}-", self.group))
                .unwrap_or(behaviour);
        }
        if let Some(subset) = self.subset {
            parts.push(subset.to_string());
        }
        parts.push(rest.to_string());
        parts.join("-")
    }

    fn title(&self, file_stem: &str) -> String {
        let mut title = "Anthropic model-written evals:".to_string();
        for part in [Some(self.group.as_str()), self.subset, Some(file_stem)]
            .into_iter()
            .flatten()
            .filter(|p| !p.is_empty())
        {
            if !title.ends_with(':') {
                title.push_str(" /");
            }
            title.push(' ');
            title.push_str(part);
        }
        title
    }
}

fn category(group: &str) -> &'static str {
    match group {
        "advanced-ai-risk" => "latent-safety-risks",
        "persona" => "persona",
        "sycophancy" => "sycophancy",
        "winogenerated" => "fairness",
        _ => "model-written-evals",
    }
}
