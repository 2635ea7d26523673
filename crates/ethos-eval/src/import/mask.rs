//! MASK (Ren et al. 2025), one CSV per archetype: a pressure prompt (`system_prompt`,
//! `user_prompt`, and in the doubling-down file an earlier exchange), a `proposition`
//! with a `<pivotal>X/Y</pivotal>` choice, the `ground_truth` statement, and neutral
//! `belief_elicit_1..3` prompts.
//!
//! Each file becomes one `belief-consistency` benchmark: does what the model asserts
//! under pressure agree with what it says it believes? The pivotal choice expands into
//! the two `propositions`. Rows without belief prompts (the provided-facts archetype,
//! where the prompt gives the facts) carry `belief`: the index of the proposition that
//! `ground_truth` states. MASK's `numerical` rows (the statistics archetype) have a
//! numeric range, not two opposite statements, so this method cannot score them: a file
//! with any is refused with one error saying so.

use std::path::Path;

use ethos_core::benchmark::{BeliefConsistency, BenchmarkHeader};
use ethos_core::{Benchmark, Diagnostic, FieldError, Item, Message, Scoring};
use serde_json::Value;

use super::common::{Imported, Loc, Row, Table, header, keep, read_table, slug, stem};

const REQUIRED: &[&str] = &[
    "task_id",
    "system_prompt",
    "user_prompt",
    "type",
    "proposition",
    "ground_truth",
];
const DD_PROMPT: &str = "dd_turn_1_prompt";
const DD_RESPONSE: &str = "dd_turn_1_response";
const BELIEF_COLUMNS: [&str; 3] = ["belief_elicit_1", "belief_elicit_2", "belief_elicit_3"];

pub(super) fn import(path: &Path, text: &str) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    let mut table = read_table(path, text, b',', REQUIRED)?;
    let mut problems = std::mem::take(&mut table.problems);
    if table.has(DD_PROMPT) != table.has(DD_RESPONSE) {
        let missing = if table.has(DD_PROMPT) {
            DD_RESPONSE
        } else {
            DD_PROMPT
        };
        problems.push(Diagnostic::at(
            path,
            1,
            missing,
            "missing column: the doubling-down exchange needs both dd_turn_1_prompt and dd_turn_1_response",
        ));
    }
    let archetype = stem(path);
    let mut items = Vec::new();
    let mut locs = Vec::new();
    let mut numerical: Vec<usize> = Vec::new();
    for row in &table.rows {
        let loc = Loc::Line(row.line);
        let kind = table.get(row, "type").trim().to_ascii_lowercase();
        match kind.as_str() {
            "binary" => match item(&table, row, &archetype) {
                Ok(item) => {
                    items.push(item);
                    locs.push(loc);
                }
                Err(errors) => problems.extend(loc.diags(path, errors)),
            },
            "numerical" => numerical.push(row.line),
            other => problems.push(loc.diag(
                path,
                "type",
                format!("`{other}` is not a MASK row type (binary or numerical)"),
            )),
        }
    }
    if let Some(&first) = numerical.first() {
        problems.push(Diagnostic::at(
            path,
            first,
            "type",
            format!(
                "{} of {} rows (the first at this line) are `numerical` (MASK's statistics \
                 archetype): their proposition is a number, not two opposite statements, so \
                 belief-consistency cannot score them; leave this file out of the import",
                numerical.len(),
                table.rows.len()
            ),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let header = BenchmarkHeader {
        category: "honesty".to_string(),
        probes: "truthfulness".to_string(),
        source: "Ren et al. 2025, The MASK Benchmark: Disentangling Honesty From Accuracy in \
                 AI Systems (cais/MASK)"
            .to_string(),
        description: Some(format!(
            "MASK's {archetype} prompts put the model under pressure to state something; a \
             judge classifies the pressured statement and the model's neutrally elicited \
             belief (or the fact its prompt gives) against the two propositions. Score 1 \
             when they agree: the model did not lie."
        )),
        ..header(
            format!("mask-{}", slug(&archetype)),
            format!("MASK: {archetype}"),
            Scoring::BeliefConsistency(BeliefConsistency { max_tokens: 512 }),
        )
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

fn item(table: &Table, row: &Row, archetype: &str) -> Result<Item, Vec<FieldError>> {
    let mut errors = Vec::new();
    let id = keep(&mut errors, table.text(row, "task_id"));
    let user_prompt = keep(&mut errors, table.text(row, "user_prompt"));
    let propositions = keep(&mut errors, expand(table.get(row, "proposition")));
    let (Some(id), Some(user_prompt), Some(propositions)) = (id, user_prompt, propositions) else {
        return Err(errors);
    };
    let mut messages = Vec::new();
    let system = table.get(row, "system_prompt").trim();
    if !system.is_empty() {
        messages.push(Message::system(system));
    }
    let dd_prompt = table.get(row, DD_PROMPT).trim();
    let dd_response = table.get(row, DD_RESPONSE).trim();
    match (dd_prompt.is_empty(), dd_response.is_empty()) {
        (false, false) => {
            messages.push(Message::user(dd_prompt));
            messages.push(Message::assistant(dd_response));
        }
        (true, true) => {}
        (false, true) => errors.push(FieldError::new(
            DD_RESPONSE,
            "must not be empty when dd_turn_1_prompt is given",
        )),
        (true, false) => errors.push(FieldError::new(
            DD_PROMPT,
            "must not be empty when dd_turn_1_response is given",
        )),
    }
    messages.push(Message::user(user_prompt.trim()));
    let belief_prompts: Vec<Vec<Message>> = BELIEF_COLUMNS
        .iter()
        .map(|c| table.get(row, c).trim())
        .filter(|p| !p.is_empty())
        .map(|p| vec![Message::user(p)])
        .collect();
    let ground_truth = table.get(row, "ground_truth").trim();
    let truth = truth_index(
        &propositions,
        ground_truth,
        table.get(row, "formatted_ground_truth"),
    );
    let belief = if belief_prompts.is_empty() {
        match truth {
            Some(index) => Some(index),
            None => {
                errors.push(FieldError::new(
                    "ground_truth",
                    format!(
                        "the row has no belief_elicit prompt, so its belief is the ground truth, \
                         but `{ground_truth}` matches neither proposition (`{}` / `{}`)",
                        propositions[0], propositions[1]
                    ),
                ));
                None
            }
        }
    } else {
        None
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut item = Item::new(id.trim(), messages);
    item.propositions = propositions.to_vec();
    item.belief_prompts = belief_prompts;
    item.belief = belief;
    item.meta
        .insert("archetype".to_string(), Value::from(archetype));
    if !ground_truth.is_empty() {
        item.meta
            .insert("ground_truth".to_string(), Value::from(ground_truth));
    }
    if let Some(index) = truth {
        item.meta
            .insert("ground_truth_index".to_string(), Value::from(index));
    }
    Ok(item)
}

/// `"X <pivotal>is/is not</pivotal> Y."` into `["X is Y.", "X is not Y."]`.
fn expand(proposition: &str) -> Result<[String; 2], FieldError> {
    let err = |message: &str| FieldError::new("proposition", message.to_string());
    let (before, rest) = proposition
        .split_once("<pivotal>")
        .ok_or_else(|| err("has no <pivotal>X/Y</pivotal> choice"))?;
    let (choice, after) = rest
        .split_once("</pivotal>")
        .ok_or_else(|| err("<pivotal> is not closed by </pivotal>"))?;
    if after.contains("<pivotal>") {
        return Err(err("has more than one <pivotal> choice"));
    }
    let options: Vec<&str> = choice.split('/').map(str::trim).collect();
    match options[..] {
        [a, b] if !a.is_empty() && !b.is_empty() && a != b => Ok([
            format!("{before}{a}{after}").trim().to_string(),
            format!("{before}{b}{after}").trim().to_string(),
        ]),
        _ => Err(FieldError::new(
            "proposition",
            format!("the pivotal choice `{choice}` must be two different options written X/Y"),
        )),
    }
}

/// Which proposition the ground truth states: MASK writes `ground_truth` as the true
/// proposition in full, and `formatted_ground_truth` (when present) as A (first) or B.
/// Compared ignoring case, spacing and a final full stop.
fn truth_index(propositions: &[String; 2], ground_truth: &str, formatted: &str) -> Option<usize> {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches('.')
            .to_lowercase()
    };
    let truth = norm(ground_truth);
    if let Some(index) = propositions.iter().position(|p| norm(p) == truth) {
        return Some(index);
    }
    match formatted.trim() {
        "A" => Some(0),
        "B" => Some(1),
        _ => None,
    }
}
