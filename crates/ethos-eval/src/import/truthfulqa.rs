//! TruthfulQA (Lin et al. 2022): `mc_task.json` gives the paper's MC1 and MC2; the CSV
//! (`TruthfulQA.csv`) gives MC1- and MC2-style sets built from its answer columns, and
//! the newer CSV's `Best Incorrect Answer` column a two-choice set.

use std::collections::HashMap;
use std::path::Path;

use ethos_core::benchmark::{BenchmarkHeader, LoglikDecision, McLoglik, McMetric};
use ethos_core::{Benchmark, Diagnostic, FieldError, Item, Message, Scoring};
use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::common::{
    Imported, Loc, Obj, Table, as_index, header, item_id, keep, read_json_list, read_table, stem,
};

const SOURCE: &str =
    "Lin et al. 2022, TruthfulQA: Measuring How Models Mimic Human Falsehoods (sylinrl/TruthfulQA)";
const LICENSE: &str = "Apache-2.0";

/// The CSV's columns.
const QUESTION: &str = "Question";
const BEST: &str = "Best Answer";
const CORRECT: &str = "Correct Answers";
const INCORRECT: &str = "Incorrect Answers";
const BEST_INCORRECT: &str = "Best Incorrect Answer";
const CSV_COLUMNS: &[&str] = &[
    "Type", "Category", QUESTION, BEST, CORRECT, INCORRECT, "Source",
];

pub(super) fn import(path: &Path, text: &str) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        import_csv(path, text)
    } else {
        import_mc_task(path, text)
    }
}

/// Three benchmarks under construction: MC1, MC2 and (CSV only) binary.
#[derive(Default)]
struct Sets {
    mc1: (Vec<Item>, Vec<Loc>),
    mc2: (Vec<Item>, Vec<Loc>),
    binary: (Vec<Item>, Vec<Loc>),
}

fn mc_item(id: &str, question: &str, answers: &[(&str, bool)]) -> Item {
    let mut item = Item::new(id, vec![Message::user(question.trim())]);
    item.choices = answers
        .iter()
        .map(|(a, _)| format!(" {}", a.trim()))
        .collect();
    item.answer.0 = (0..answers.len()).filter(|&i| answers[i].1).collect();
    item
}

// ---- mc_task.json -------------------------------------------------------------------

fn import_mc_task(path: &Path, text: &str) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    let records = read_json_list(path, text)?;
    let order = key_order(text);
    let file_stem = stem(path);
    let mut sets = Sets::default();
    let mut problems = Vec::new();
    for (index, (loc, value)) in records.iter().enumerate() {
        let hint = order.get(index);
        match mc_task_items(&file_stem, index, value, hint) {
            Ok((mc1, mc2)) => {
                sets.mc1.0.push(mc1);
                sets.mc1.1.push(*loc);
                sets.mc2.0.push(mc2);
                sets.mc2.1.push(*loc);
            }
            Err(errors) => problems.extend(loc.diags(path, errors)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(vec![
        benchmark(
            "truthfulqa-mc1",
            "TruthfulQA MC1",
            McMetric::Accuracy,
            "TruthfulQA's MC1: the single true answer against false ones; 1 when the model's \
             most likely answer (summed log-likelihood) is the true one.",
            sets.mc1,
        ),
        benchmark(
            "truthfulqa-mc2",
            "TruthfulQA MC2",
            McMetric::Mass,
            "TruthfulQA's MC2: the normalised probability mass the model puts on the true \
             answers among true and false ones.",
            sets.mc2,
        ),
    ])
}

fn mc_task_items(
    file_stem: &str,
    index: usize,
    value: &Value,
    hint: Option<&KeyOrder>,
) -> Result<(Item, Item), Vec<FieldError>> {
    let record = Obj::root(value).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let question = keep(&mut errors, record.text("question"));
    let mc1 = keep(
        &mut errors,
        targets(&record, "mc1_targets", hint.map(|h| &h.mc1_targets.0), true),
    );
    let mc2 = keep(
        &mut errors,
        targets(
            &record,
            "mc2_targets",
            hint.map(|h| &h.mc2_targets.0),
            false,
        ),
    );
    let (Some(question), Some(mc1), Some(mc2)) = (question, mc1, mc2) else {
        return Err(errors);
    };
    let id = item_id(file_stem, index);
    Ok((mc_item(&id, question, &mc1), mc_item(&id, question, &mc2)))
}

/// The `{answer: 0|1}` map under `key`, in file order when the order is known.
fn targets<'a>(
    record: &Obj<'a>,
    key: &str,
    order: Option<&Vec<String>>,
    single: bool,
) -> Result<Vec<(&'a str, bool)>, FieldError> {
    let map = record.obj(key)?.map();
    let mut keys: Vec<&'a String> = map.keys().collect();
    if let Some(order) = order.filter(|o| o.len() == map.len()) {
        // serde_json's map is sorted; the order hint restores the file's order.
        let rank: HashMap<&String, usize> = order.iter().enumerate().map(|(i, k)| (k, i)).collect();
        keys.sort_by_key(|k| rank.get(k).copied().unwrap_or(usize::MAX));
    }
    let mut answers = Vec::new();
    for answer in keys {
        if answer.trim().is_empty() {
            return Err(FieldError::new(key, "an answer is empty"));
        }
        let correct = match map.get(answer).and_then(as_index) {
            Some(0) => false,
            Some(1) => true,
            _ => {
                return Err(FieldError::new(
                    key,
                    format!("the label of `{answer}` must be 0 or 1"),
                ));
            }
        };
        answers.push((answer.as_str(), correct));
    }
    let n_true = answers.iter().filter(|(_, c)| *c).count();
    let n_false = answers.len() - n_true;
    if single && n_true != 1 {
        return Err(FieldError::new(
            key,
            format!("needs exactly one true answer (label 1), found {n_true}"),
        ));
    }
    if n_true == 0 || n_false == 0 {
        return Err(FieldError::new(
            key,
            format!("needs true and false answers, found {n_true} true and {n_false} false"),
        ));
    }
    Ok(answers)
}

/// The file order of the answers of one question (`serde_json::Value` sorts its keys).
#[derive(Deserialize, Default)]
struct KeyOrder {
    #[serde(default)]
    mc1_targets: Keys,
    #[serde(default)]
    mc2_targets: Keys,
}

#[derive(Default)]
struct Keys(Vec<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(KeysVisitor)
    }
}

/// The answer order of every question, or nothing when the file does not parse this way
/// (its problems are reported by the main parse).
fn key_order(text: &str) -> Vec<KeyOrder> {
    serde_json::from_str(text).unwrap_or_default()
}

// ---- TruthfulQA.csv -----------------------------------------------------------------

fn import_csv(path: &Path, text: &str) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    let mut table = read_table(path, text, b',', CSV_COLUMNS)?;
    let binary = table.has(BEST_INCORRECT);
    let file_stem = stem(path);
    let mut sets = Sets::default();
    let mut problems = std::mem::take(&mut table.problems);
    for row in &table.rows {
        let loc = Loc::Line(row.line);
        match csv_items(&table, row, &file_stem, binary) {
            Ok(items) => {
                sets.mc1.0.push(items.mc1);
                sets.mc1.1.push(loc);
                sets.mc2.0.push(items.mc2);
                sets.mc2.1.push(loc);
                if let Some(item) = items.binary {
                    sets.binary.0.push(item);
                    sets.binary.1.push(loc);
                }
            }
            Err(errors) => problems.extend(loc.diags(path, errors)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let Sets {
        mc1,
        mc2,
        binary: two,
    } = sets;
    let mut out = vec![
        benchmark(
            "truthfulqa-csv-mc1",
            "TruthfulQA MC1-style (from the CSV)",
            McMetric::Accuracy,
            "Built from TruthfulQA.csv: the best answer against the incorrect answers; 1 when \
             the model's most likely answer (summed log-likelihood) is the best answer. Close \
             to, but not the same item set as, mc_task.json's MC1.",
            mc1,
        ),
        benchmark(
            "truthfulqa-csv-mc2",
            "TruthfulQA MC2-style (from the CSV)",
            McMetric::Mass,
            "Built from TruthfulQA.csv: the normalised probability mass the model puts on the \
             correct answers among correct and incorrect ones.",
            mc2,
        ),
    ];
    if binary {
        out.push(benchmark(
            "truthfulqa-binary",
            "TruthfulQA binary",
            McMetric::Accuracy,
            "TruthfulQA's binary setting: the best answer against the best incorrect answer; \
             1 when the model finds the best answer more likely.",
            two,
        ));
    }
    Ok(out)
}

struct CsvItems {
    mc1: Item,
    mc2: Item,
    binary: Option<Item>,
}

fn csv_items(
    table: &Table,
    row: &super::common::Row,
    file_stem: &str,
    binary: bool,
) -> Result<CsvItems, Vec<FieldError>> {
    let mut errors = Vec::new();
    let question = keep(&mut errors, table.text(row, QUESTION));
    let best = keep(&mut errors, table.text(row, BEST)).map(str::trim);
    let correct = answer_list(table.get(row, CORRECT));
    let incorrect = answer_list(table.get(row, INCORRECT));
    if incorrect.is_empty() {
        errors.push(FieldError::new(INCORRECT, "must list at least one answer"));
    }
    let best_incorrect = if binary {
        keep(&mut errors, table.text(row, BEST_INCORRECT)).map(str::trim)
    } else {
        None
    };
    let (Some(question), Some(best)) = (question, best) else {
        return Err(errors);
    };
    if let Some(both) = incorrect
        .iter()
        .find(|a| **a == best || correct.contains(a))
    {
        errors.push(FieldError::new(
            INCORRECT,
            format!("`{both}` is also given as a correct answer"),
        ));
    }
    if best_incorrect == Some(best) {
        errors.push(FieldError::new(
            BEST_INCORRECT,
            "is the same as the Best Answer",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let id = item_id(file_stem, row.index);
    let with_meta = |mut item: Item| {
        for (key, column) in [
            ("type", "Type"),
            ("category", "Category"),
            ("source", "Source"),
        ] {
            let value = table.get(row, column).trim();
            if !value.is_empty() {
                item.meta
                    .insert(key.to_string(), Value::String(value.to_string()));
            }
        }
        item
    };
    let falses = incorrect.iter().map(|a| (*a, false));
    let mc1: Vec<(&str, bool)> = std::iter::once((best, true))
        .chain(falses.clone())
        .collect();
    let trues = std::iter::once(best).chain(correct.iter().copied().filter(|a| *a != best));
    let mc2: Vec<(&str, bool)> = trues.map(|a| (a, true)).chain(falses).collect();
    Ok(CsvItems {
        mc1: with_meta(mc_item(&id, question, &mc1)),
        mc2: with_meta(mc_item(&id, question, &mc2)),
        binary: best_incorrect
            .map(|wrong| with_meta(mc_item(&id, question, &[(best, true), (wrong, false)]))),
    })
}

/// A `"; "`-separated answer list, trimmed, without empty or repeated entries.
fn answer_list(cell: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for answer in cell.split(';').map(str::trim).filter(|a| !a.is_empty()) {
        if !out.contains(&answer) {
            out.push(answer);
        }
    }
    out
}

fn benchmark(
    id: &str,
    title: &str,
    metric: McMetric,
    description: &str,
    (items, locs): (Vec<Item>, Vec<Loc>),
) -> Imported {
    let scoring = Scoring::McLoglik(McLoglik {
        decide_by: LoglikDecision::Sum,
        metric,
    });
    let header = BenchmarkHeader {
        category: "honesty".to_string(),
        probes: "truthfulness".to_string(),
        source: SOURCE.to_string(),
        license: LICENSE.to_string(),
        description: Some(description.to_string()),
        ..header(id.to_string(), title.to_string(), scoring)
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
