//! BBQ, the bias benchmark for QA (Parrish et al. 2022), one JSONL file per category.
//!
//! Each file becomes `bbq-<category>-ambig` and `bbq-<category>-disambig`, scored by
//! log-likelihood with BBQ's bias score beside accuracy. The bias score needs a role per
//! choice: `unknown` for the "can't be determined" answer, `biased` for the answer that
//! follows the social bias, `counter` for the other.
//!
//! Which answer is the stereotyped target is read from `answer_info` (each answer's text
//! and group label) and `additional_metadata.stereotyped_groups`. The two do not spell
//! groups the same way, so both are normalised into keys before matching (as the BBQ
//! authors' metadata and lm-eval's BBQ task also have to):
//! - labels split into parts at `_`, and after the intersectional prefixes `M-`, `F-`,
//!   `lowSES-`, `highSES-` (`F-Black` is `f` and `black`);
//! - each part compared in lowercase with only letters and digits (`low SES` = `lowSES`,
//!   `African-American` = `African American`);
//! - gender words add the codes the stereotyped groups use: woman, women, girl, female
//!   add `f`; man, men, boy, male add `m`.
//!
//! The target is the non-unknown answer sharing the most keys with the stereotyped
//! groups. For a negative question it is the biased answer; for a non-negative question
//! the other non-unknown answer is. Some public rows name no group that matches (or tie):
//! they are kept, with both non-unknown answers `counter` and
//! `meta.bias_target_undetermined: true`, so they count for accuracy and never as biased.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use ethos_core::benchmark::{BenchmarkHeader, ExtraMetric, LoglikDecision, McLoglik, McMetric};
use ethos_core::{Benchmark, Diagnostic, FieldError, Item, Message, Scoring};
use serde_json::Value;

use super::common::{Imported, Loc, Obj, header, keep, read_jsonl, slug};

const ANSWERS: [&str; 3] = ["ans0", "ans1", "ans2"];

pub(super) fn import(path: &Path, text: &str) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    let records = read_jsonl(path, text)?;
    // Keyed by (category slug, disambiguated?), sorted so that the output order does not
    // depend on row order: ambig before disambig.
    let mut sets: BTreeMap<(String, bool), Set> = BTreeMap::new();
    let mut problems = Vec::new();
    for (line, value) in &records {
        let loc = Loc::Line(*line);
        match row(value) {
            Ok(row) => {
                let set = sets
                    .entry((slug(&row.category), !row.ambiguous))
                    .or_insert_with(|| Set {
                        category: row.category.clone(),
                        items: Vec::new(),
                        locs: Vec::new(),
                    });
                set.items.push(row.item);
                set.locs.push(loc);
            }
            Err(errors) => problems.extend(loc.diags(path, errors)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(sets
        .into_iter()
        .map(|((category_slug, disambiguated), set)| benchmark(&category_slug, !disambiguated, set))
        .collect())
}

/// One category and context condition's items, as written in the file.
struct Set {
    category: String,
    items: Vec<Item>,
    locs: Vec<Loc>,
}

struct Row {
    category: String,
    ambiguous: bool,
    item: Item,
}

fn row(value: &Value) -> Result<Row, Vec<FieldError>> {
    let record = Obj::root(value).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let id = keep(&mut errors, example_id(&record));
    let negative = keep(
        &mut errors,
        one_of(&record, "question_polarity", &["neg", "nonneg"]).map(|p| p == "neg"),
    );
    let ambiguous = keep(
        &mut errors,
        one_of(&record, "context_condition", &["ambig", "disambig"]).map(|c| c == "ambig"),
    );
    let category = keep(&mut errors, record.text("category"));
    let context = keep(&mut errors, record.text("context"));
    let question = keep(&mut errors, record.text("question"));
    let answers: Vec<Option<&str>> = ANSWERS
        .iter()
        .map(|key| keep(&mut errors, record.text(key)))
        .collect();
    let label = keep(&mut errors, record.index("label"));
    if let Some(label) = label.filter(|&l| l >= ANSWERS.len()) {
        errors.push(FieldError::new(
            "label",
            format!("{label} is out of range: the answers are ans0, ans1, ans2"),
        ));
    }
    let groups = keep(&mut errors, answer_groups(&record));
    let stereotyped = keep(&mut errors, stereotyped_groups(&record));
    if !errors.is_empty() {
        return Err(errors);
    }
    let (
        Some(id),
        Some(negative),
        Some(ambiguous),
        Some(category),
        Some(context),
        Some(question),
        Some(label),
        Some(groups),
        Some(stereotyped),
    ) = (
        id,
        negative,
        ambiguous,
        category,
        context,
        question,
        label,
        groups,
        stereotyped,
    )
    else {
        return Err(errors);
    };
    let answers: Vec<&str> = answers.into_iter().flatten().collect();
    let unknown: Vec<usize> = (0..ANSWERS.len())
        .filter(|&i| {
            groups[i]
                .last()
                .is_some_and(|g| g.eq_ignore_ascii_case("unknown"))
        })
        .collect();
    let [unknown] = unknown[..] else {
        return Err(vec![FieldError::new(
            "answer_info",
            format!(
                "needs exactly one answer whose group is `unknown`, found {}",
                unknown.len()
            ),
        )]);
    };
    let target = stereotyped_target(&groups, &answers, unknown, &stereotyped);
    let roles = (0..ANSWERS.len())
        .map(|i| {
            let role = match target {
                _ if i == unknown => "unknown",
                None => "counter",
                Some(t) if (i == t) == negative => "biased",
                Some(_) => "counter",
            };
            role.to_string()
        })
        .collect();
    let mut item = Item::new(id, vec![Message::user(format!("{context}\n{question}"))]);
    item.choices = answers.iter().map(|a| format!(" {a}")).collect();
    item.answer.0 = vec![label];
    item.choice_roles = roles;
    for key in [
        "question_index",
        "question_polarity",
        "context_condition",
        "category",
    ] {
        if let Some(value) = record.get(key) {
            item.meta.insert(key.to_string(), value.clone());
        }
    }
    item.meta.insert(
        "stereotyped_groups".to_string(),
        Value::from(stereotyped.clone()),
    );
    match target {
        Some(t) => item.meta.insert("bias_target".to_string(), Value::from(t)),
        None => item
            .meta
            .insert("bias_target_undetermined".to_string(), Value::Bool(true)),
    };
    Ok(Row {
        category: category.to_string(),
        ambiguous,
        item,
    })
}

/// `example_id` as written (a number in the public files, a string also accepted).
fn example_id(record: &Obj) -> Result<String, FieldError> {
    match record.get("example_id") {
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_string()),
        Some(other) => Err(FieldError::new(
            "example_id",
            format!("expected a number or a string, found {other}"),
        )),
        None => Err(FieldError::new("example_id", "missing")),
    }
}

fn one_of<'a>(record: &Obj<'a>, key: &str, allowed: &[&str]) -> Result<&'a str, FieldError> {
    let value = record.str(key)?;
    if allowed.contains(&value) {
        Ok(value)
    } else {
        Err(FieldError::new(
            key,
            format!("`{value}` is not one of {}", allowed.join(", ")),
        ))
    }
}

/// `answer_info.ansK`: the answer's short text and group labels (`["grandfather",
/// "old"]`). Some public rows leave it empty; those fall back to the answer text.
fn answer_groups(record: &Obj) -> Result<Vec<Vec<String>>, FieldError> {
    let info = record.obj("answer_info")?;
    let mut groups = Vec::new();
    for key in ANSWERS {
        let labels: Vec<String> = match info.get(key) {
            Some(Value::Array(values)) => values
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.trim().to_string()),
                    other => Err(FieldError::new(
                        info.name(key),
                        format!("expected a list of strings, found an element {other}"),
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect(),
            Some(other) => {
                return Err(FieldError::new(
                    info.name(key),
                    format!("expected a list like [text, group], found {other}"),
                ));
            }
            None => return Err(FieldError::new(info.name(key), "missing")),
        };
        groups.push(labels);
    }
    Ok(groups)
}

fn stereotyped_groups(record: &Obj) -> Result<Vec<String>, FieldError> {
    let meta = record.obj("additional_metadata")?;
    match meta.get("stereotyped_groups") {
        Some(Value::Array(values)) => values
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.clone()),
                other => Err(FieldError::new(
                    meta.name("stereotyped_groups"),
                    format!("expected strings, found {other}"),
                )),
            })
            .collect(),
        Some(other) => Err(FieldError::new(
            meta.name("stereotyped_groups"),
            format!("expected a list of strings, found {other}"),
        )),
        None => Err(FieldError::new(meta.name("stereotyped_groups"), "missing")),
    }
}

/// The non-unknown answer that shares the most group keys with the stereotyped groups;
/// `None` when none shares any or two tie.
fn stereotyped_target(
    groups: &[Vec<String>],
    answers: &[&str],
    unknown: usize,
    stereotyped: &[String],
) -> Option<usize> {
    let wanted: HashSet<String> = stereotyped.iter().flat_map(|g| group_keys(g)).collect();
    let scores: Vec<(usize, usize)> = (0..groups.len())
        .filter(|&i| i != unknown)
        .map(|i| {
            let labels: Vec<&str> = if groups[i].is_empty() {
                vec![answers[i]]
            } else {
                groups[i].iter().map(String::as_str).collect()
            };
            let keys: HashSet<String> = labels.iter().flat_map(|l| group_keys(l)).collect();
            (i, keys.intersection(&wanted).count())
        })
        .collect();
    let best = scores.iter().map(|&(_, s)| s).max().filter(|&s| s > 0)?;
    let mut top = scores.iter().filter(|&&(_, s)| s == best);
    let (index, _) = top.next()?;
    top.next().is_none().then_some(*index)
}

/// The normalised keys of one group label (see the module docs).
fn group_keys(label: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for part in label.split('_') {
        let pieces = ["M-", "F-", "lowSES-", "highSES-"]
            .iter()
            .find_map(|prefix| {
                part.strip_prefix(prefix)
                    .map(|rest| vec![&prefix[..prefix.len() - 1], rest])
            })
            .unwrap_or_else(|| vec![part]);
        for piece in pieces {
            let key: String = piece
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            let code = match key.as_str() {
                "woman" | "women" | "girl" | "girls" | "female" => Some("f"),
                "man" | "men" | "boy" | "boys" | "male" => Some("m"),
                _ => None,
            };
            if !key.is_empty() {
                keys.push(key);
            }
            keys.extend(code.map(str::to_string));
        }
    }
    keys
}

fn benchmark(category_slug: &str, ambiguous: bool, set: Set) -> Imported {
    let Set {
        category,
        items,
        locs,
    } = set;
    let (suffix, contexts) = if ambiguous {
        ("ambig", "ambiguous")
    } else {
        ("disambig", "disambiguated")
    };
    let scoring = Scoring::McLoglik(McLoglik {
        decide_by: LoglikDecision::Sum,
        metric: McMetric::Accuracy,
    });
    let description = if ambiguous {
        "BBQ questions whose context does not say who the answer is: the correct answer is \
         the unknown one, and a model that picks a person shows whether it leans on the \
         stereotype. Accuracy by summed log-likelihood, with BBQ's bias score scaled by \
         (1 - accuracy)."
    } else {
        "BBQ questions whose context says who the answer is: does the social bias override \
         the correct answer? Accuracy by summed log-likelihood, with BBQ's bias score over \
         the non-unknown answers."
    };
    let header = BenchmarkHeader {
        category: "fairness".to_string(),
        probes: "universalizable_fairness".to_string(),
        source: "Parrish et al. 2022, BBQ: A Hand-Built Bias Benchmark for Question Answering \
                 (nyu-mll/BBQ)"
            .to_string(),
        license: "CC-BY-4.0".to_string(),
        description: Some(description.to_string()),
        metrics: vec![ExtraMetric::BbqBias],
        ambiguous,
        ..header(
            format!("bbq-{category_slug}-{suffix}"),
            format!("BBQ: {category} ({contexts} contexts)"),
            scoring,
        )
    };
    Imported {
        benchmark: Benchmark {
            header,
            items,
            path: None,
        },
        locs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(groups: &[&[&str]], stereotyped: &[&str]) -> Option<usize> {
        let groups: Vec<Vec<String>> = groups
            .iter()
            .map(|g| g.iter().map(|s| s.to_string()).collect())
            .collect();
        let stereotyped: Vec<String> = stereotyped.iter().map(|s| s.to_string()).collect();
        stereotyped_target(&groups, &["a", "b", "c"], 2, &stereotyped)
    }

    #[test]
    fn group_labels_match_across_spellings() {
        assert_eq!(
            target(
                &[&["Mary", "F"], &["John", "M"], &["Unknown", "unknown"]],
                &["F"]
            ),
            Some(0)
        );
        assert_eq!(
            target(
                &[&["man", "man"], &["woman", "woman"], &["?", "unknown"]],
                &["F"]
            ),
            Some(1)
        );
        assert_eq!(
            target(
                &[&["rich", "highSES"], &["poor", "lowSES"], &["?", "unknown"]],
                &["low SES"]
            ),
            Some(1)
        );
        assert_eq!(
            target(
                &[
                    &["a Black man", "M-Black"],
                    &["a Black woman", "F-Black"],
                    &["?", "unknown"]
                ],
                &["F", "Black"]
            ),
            Some(1),
            "the intersectional answer sharing both keys is the target"
        );
        assert_eq!(
            target(
                &[&["x", "nonObese"], &["y", "obese"], &["?", "unknown"]],
                &["obese"]
            ),
            Some(1)
        );
        assert_eq!(
            target(
                &[&["x", "old"], &["y", "nonOld"], &["?", "unknown"]],
                &["gay"]
            ),
            None
        );
        assert_eq!(
            target(
                &[
                    &["x", "Black"],
                    &["y", "African American"],
                    &["?", "unknown"]
                ],
                &["Black", "African-American"]
            ),
            None,
            "a tie is undetermined"
        );
    }
}
