//! What a benchmark is made of, and whether it can be gamed without the construct:
//! answer balance, length-only, keyword-only and cross-validated wording baselines,
//! near-duplicates, overlap with
//! the training data, and the gaming audit of free-text rubrics.

use std::collections::{BTreeMap, HashMap, HashSet};

use ethos_core::benchmark::{Benchmark, Item, Scoring};
use ethos_core::dataset::DataSet;
use ethos_core::similarity::{SHINGLE_WORDS, Shingles, normalized_text};
use ethos_core::text::normalized_words;
use ethos_core::{Diagnostic, Message, Scenario, Split};
use ethos_grade::RuleGrader;
use ethos_grade::audit::{self, AuditRow};
use serde::Serialize;

/// Words a lazy strategy could take as marks of the aligned option; the keyword baseline
/// picks the option with the most of them (the same list as scripts/benchmarks/common.py).
pub const VIRTUE_WORDS: &[&str] = &[
    "honest",
    "honestly",
    "safe",
    "safely",
    "safety",
    "careful",
    "carefully",
    "verify",
    "check",
    "consult",
    "professional",
    "transparent",
    "disclose",
    "admit",
    "uncertain",
    "sorry",
    "cannot",
    "can't",
    "won't",
    "ethical",
    "responsible",
    "fair",
    "respect",
    "consent",
    "permission",
    "approval",
    "oversight",
    "risk",
    "risks",
    "caution",
    "doctor",
    "evidence",
];

/// Two items of one benchmark at or above this 5-gram Jaccard are near-duplicates.
pub const NEAR_DUPLICATE_JACCARD: f64 = 0.6;
/// A benchmark item at or above this 5-gram Jaccard with a training item overlaps it.
pub const TRAINING_MAX_JACCARD: f64 = 0.5;

/// Statistics of one benchmark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkStats {
    /// The benchmark id.
    pub id: String,
    /// Its category.
    pub category: String,
    /// Its scoring method.
    pub method: String,
    /// Items.
    pub items: usize,
    /// Multiple choice: how often the (first) correct answer sits at each position.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answer_positions: Vec<usize>,
    /// Multiple choice: the accuracy of guessing (mean of 1 / choices).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chance: Option<f64>,
    /// Multiple choice: accuracy of always picking the longest option.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longest_baseline: Option<f64>,
    /// Multiple choice: accuracy of always picking the shortest option.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortest_baseline: Option<f64>,
    /// Multiple choice: accuracy of picking the option with the most [`VIRTUE_WORDS`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword_baseline: Option<f64>,
    /// Multiple choice: accuracy of a bag-of-words classifier of good against bad options,
    /// trained on the other folds of the benchmark itself ([`WORDING_FOLDS`]-fold
    /// cross-validation) and shown only the options, never the conversation. Well above
    /// chance means the good option's wording gives it away (a template leak, or a
    /// construct that lives in the answer's words rather than in reading the situation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wording_baseline: Option<f64>,
    /// Share of items that are near-duplicates of another item of the benchmark.
    pub near_duplicate_rate: f64,
    /// Highest 5-gram Jaccard of an item with a training scenario or task.
    pub max_training_jaccard: f64,
    /// Items that overlap training data (same opening user message, or Jaccard at or above
    /// [`TRAINING_MAX_JACCARD`]).
    pub training_overlaps: usize,
    /// Free text with rubrics and references: each gaming strategy's reward as a share of
    /// the reference's, with the rule grader.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<AuditRow>,
}

/// The training data, indexed for overlap checks.
pub struct TrainingIndex {
    openings: HashSet<String>,
    shingles: Vec<(String, Shingles)>,
}

impl TrainingIndex {
    /// Every scenario and task of `data` (both splits: held-out scenarios are evaluation
    /// data too, and a benchmark should not repeat them either).
    pub fn new(data: &DataSet) -> Self {
        let conversations = data
            .scenarios
            .iter()
            .map(|s| (s.value.id.clone(), &s.value.messages))
            .chain(
                data.tasks
                    .iter()
                    .map(|t| (t.value.id.clone(), &t.value.messages)),
            );
        let mut openings = HashSet::new();
        let mut shingles = Vec::new();
        for (id, messages) in conversations {
            if let Some(first) = messages.iter().find(|m| m.role == ethos_core::Role::User) {
                openings.insert(normalized_text(&first.content));
            }
            shingles.push((id, Shingles::new(&joined(messages), SHINGLE_WORDS)));
        }
        Self { openings, shingles }
    }

    /// The closest training item to `messages`: (id, Jaccard), and whether the opening user
    /// message is a training item's.
    fn closest(&self, messages: &[Message]) -> (Option<(&str, f64)>, bool) {
        let opening = messages
            .iter()
            .find(|m| m.role == ethos_core::Role::User)
            .is_some_and(|m| self.openings.contains(&normalized_text(&m.content)));
        let mine = Shingles::new(&joined(messages), SHINGLE_WORDS);
        let best = self
            .shingles
            .iter()
            .map(|(id, other)| (id.as_str(), mine.jaccard(other)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        (best, opening)
    }
}

fn joined(messages: &[Message]) -> String {
    messages
        .iter()
        .map(|m| m.content.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Folds of the wording baseline's cross-validation.
pub const WORDING_FOLDS: usize = 5;

/// The expected accuracy of picking the option with the highest score, ties broken at random.
fn expected_accuracy(scores: &[f64], correct: &[usize]) -> f64 {
    let best = scores.iter().copied().fold(f64::MIN, f64::max);
    let tied: Vec<usize> = (0..scores.len()).filter(|&i| scores[i] == best).collect();
    let right = tied.iter().filter(|i| correct.contains(i)).count();
    right as f64 / tied.len().max(1) as f64
}

/// Cross-validated accuracy of a naive Bayes classifier over the words of each option
/// (present or not), good options against the others, choosing the option with the highest
/// log-odds. Item `i` is tested in fold `i % WORDING_FOLDS`.
fn wording_baseline(items: &[Item]) -> f64 {
    let words: Vec<Vec<HashSet<String>>> = items
        .iter()
        .map(|i| {
            i.choices
                .iter()
                .map(|c| normalized_words(c).into_iter().collect())
                .collect()
        })
        .collect();
    let mut total = 0.0;
    for fold in 0..WORDING_FOLDS {
        // Word counts over good and bad options of the training folds.
        let (mut good, mut bad) = (HashMap::<&str, f64>::new(), HashMap::<&str, f64>::new());
        let (mut good_n, mut bad_n) = (0.0, 0.0);
        let mut vocabulary = HashSet::new();
        for (i, item) in items.iter().enumerate() {
            if i % WORDING_FOLDS == fold {
                continue;
            }
            for (c, option) in words[i].iter().enumerate() {
                let (counts, n) = if item.answer.0.contains(&c) {
                    (&mut good, &mut good_n)
                } else {
                    (&mut bad, &mut bad_n)
                };
                for w in option {
                    *counts.entry(w.as_str()).or_default() += 1.0;
                    *n += 1.0;
                    vocabulary.insert(w.as_str());
                }
            }
        }
        let v = vocabulary.len() as f64;
        for (i, item) in items.iter().enumerate() {
            if i % WORDING_FOLDS != fold {
                continue;
            }
            let scores: Vec<f64> = words[i]
                .iter()
                .map(|option| {
                    option
                        .iter()
                        .map(|w| {
                            let g = good.get(w.as_str()).copied().unwrap_or(0.0);
                            let b = bad.get(w.as_str()).copied().unwrap_or(0.0);
                            ((g + 1.0) / (good_n + v)).ln() - ((b + 1.0) / (bad_n + v)).ln()
                        })
                        .sum()
                })
                .collect();
            total += expected_accuracy(&scores, &item.answer.0);
        }
    }
    total / items.len().max(1) as f64
}

/// Statistics of `benchmark` against `training`.
pub fn benchmark_stats(benchmark: &Benchmark, training: &TrainingIndex) -> BenchmarkStats {
    let header = &benchmark.header;
    let items = &benchmark.items;
    let multiple_choice = matches!(header.scoring, Scoring::McLoglik(_) | Scoring::McLetter(_));
    let mut stats = BenchmarkStats {
        id: header.id.clone(),
        category: header.category.clone(),
        method: header.scoring.method().to_string(),
        items: items.len(),
        answer_positions: Vec::new(),
        chance: None,
        longest_baseline: None,
        shortest_baseline: None,
        keyword_baseline: None,
        wording_baseline: None,
        near_duplicate_rate: 0.0,
        max_training_jaccard: 0.0,
        training_overlaps: 0,
        audit: Vec::new(),
    };
    if multiple_choice && !items.is_empty() {
        let width = items.iter().map(|i| i.choices.len()).max().unwrap_or(0);
        let mut positions = vec![0; width];
        let (mut chance, mut longest, mut shortest, mut keyword) = (0.0, 0.0, 0.0, 0.0);
        for item in items {
            let correct = &item.answer.0;
            if let Some(&first) = correct.first() {
                positions[first] += 1;
            }
            let lengths: Vec<f64> = item
                .choices
                .iter()
                .map(|c| c.chars().count() as f64)
                .collect();
            let virtues: Vec<f64> = item
                .choices
                .iter()
                .map(|c| {
                    normalized_words(&c.replace('’', "'"))
                        .iter()
                        .filter(|w| VIRTUE_WORDS.contains(&w.as_str()))
                        .count() as f64
                })
                .collect();
            chance += correct.len() as f64 / item.choices.len().max(1) as f64;
            longest += expected_accuracy(&lengths, correct);
            shortest += expected_accuracy(&lengths.iter().map(|l| -l).collect::<Vec<_>>(), correct);
            keyword += expected_accuracy(&virtues, correct);
        }
        let n = items.len() as f64;
        stats.answer_positions = positions;
        stats.chance = Some(chance / n);
        stats.longest_baseline = Some(longest / n);
        stats.shortest_baseline = Some(shortest / n);
        stats.keyword_baseline = Some(keyword / n);
        stats.wording_baseline = Some(wording_baseline(items));
    }
    stats.near_duplicate_rate = near_duplicate_rate(benchmark);
    for item in items {
        let (best, opening) = training.closest(&item.messages);
        let jaccard = best.map_or(0.0, |b| b.1);
        stats.max_training_jaccard = stats.max_training_jaccard.max(jaccard);
        if opening || jaccard >= TRAINING_MAX_JACCARD {
            stats.training_overlaps += 1;
        }
    }
    let audited: Vec<Scenario> = items
        .iter()
        .filter(|i| !i.rubric.is_empty() && i.reference.is_some())
        .map(|i| Scenario {
            id: i.id.clone(),
            trait_id: header.probes.clone(),
            domain_id: header.category.clone(),
            split: Split::Heldout,
            pressure: None,
            messages: i.messages.clone(),
            rubric: i.rubric.clone(),
            reference: i.reference.clone(),
        })
        .collect();
    if !audited.is_empty() {
        stats.audit = audit::run(&RuleGrader, &audited).rows;
    }
    stats
}

/// Share of the benchmark's items that are near-duplicates of another of its items (word
/// 5-gram Jaccard at or above [`NEAR_DUPLICATE_JACCARD`]).
pub fn near_duplicate_rate(benchmark: &Benchmark) -> f64 {
    let items = &benchmark.items;
    if items.is_empty() {
        return 0.0;
    }
    let shingles: Vec<Shingles> = items
        .iter()
        .map(|i| Shingles::new(&joined(&i.messages), SHINGLE_WORDS))
        .collect();
    let mut duplicate = vec![false; items.len()];
    for a in 0..items.len() {
        for b in 0..a {
            if shingles[a].jaccard(&shingles[b]) >= NEAR_DUPLICATE_JACCARD {
                duplicate[a] = true;
                duplicate[b] = true;
            }
        }
    }
    duplicate.iter().filter(|d| **d).count() as f64 / items.len() as f64
}

/// Problems that make a benchmark unfit as held-out evaluation: items that overlap the
/// training data. Each names the benchmark file, item and the training item it repeats.
pub fn separation_problems(benchmark: &Benchmark, training: &TrainingIndex) -> Vec<Diagnostic> {
    let path = benchmark
        .path
        .clone()
        .unwrap_or_else(|| format!("data/benchmarks/{}.jsonl", benchmark.id()).into());
    let mut problems = Vec::new();
    for (line, item) in benchmark.items.iter().enumerate() {
        let (best, opening) = training.closest(&item.messages);
        // Line 1 is the header.
        let at = line + 2;
        if opening {
            problems.push(Diagnostic::at(
                &path,
                at,
                "messages",
                format!(
                    "item `{}` shares its opening user message with a training item",
                    item.id
                ),
            ));
        } else if let Some((id, jaccard)) = best.filter(|b| b.1 >= TRAINING_MAX_JACCARD) {
            problems.push(Diagnostic::at(
                &path,
                at,
                "messages",
                format!(
                    "item `{}` overlaps training item `{id}`: word 5-gram Jaccard {jaccard:.2} >= {TRAINING_MAX_JACCARD}",
                    item.id
                ),
            ));
        }
    }
    problems
}

/// Benchmarks per category.
pub fn categories(stats: &[BenchmarkStats]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for s in stats {
        *out.entry(s.category.clone()).or_default() += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: usize, good: &str, bad: &str, answer: usize) -> Item {
        let choices = if answer == 0 {
            [good, bad]
        } else {
            [bad, good]
        };
        serde_json::from_value(serde_json::json!({
            "id": format!("i{n}"),
            "messages": [{"role": "user", "content": format!("situation {n}")}],
            "choices": choices,
            "answer": answer,
        }))
        .unwrap()
    }

    #[test]
    fn ties_share_the_expected_accuracy() {
        assert_eq!(expected_accuracy(&[1.0, 3.0, 2.0], &[1]), 1.0);
        assert_eq!(expected_accuracy(&[3.0, 3.0, 2.0], &[1]), 0.5);
        assert_eq!(expected_accuracy(&[3.0, 3.0, 3.0], &[2]), 1.0 / 3.0);
    }

    #[test]
    fn wording_baseline_finds_a_vocabulary_of_the_good_option() {
        // The good option always says it will stop: the words give it away.
        let leaky: Vec<Item> = (0..20)
            .map(|n| {
                item(
                    n,
                    &format!("I stop now, task {n}"),
                    &format!("I keep going with task {n}"),
                    n % 2,
                )
            })
            .collect();
        assert_eq!(wording_baseline(&leaky), 1.0);
        // The same two answers, right and wrong by turns: the words say nothing.
        let contrast: Vec<Item> = (0..20)
            .map(|n| {
                item(
                    n,
                    if n % 4 < 2 { "Yes" } else { "No" },
                    if n % 4 < 2 { "No" } else { "Yes" },
                    n % 2,
                )
            })
            .collect();
        assert!(wording_baseline(&contrast) <= 0.5);
    }
}
