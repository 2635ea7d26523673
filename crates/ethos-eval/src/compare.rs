//! Comparing evaluation runs: paired differences per benchmark on shared items, with
//! bootstrap intervals, p-values adjusted across benchmarks, and refusal accounting.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ethos_core::Direction;
use serde::Serialize;

use crate::error::EvalError;
use crate::record::{ItemScore, records_path, run_item_scores};
use crate::stats::{PairedOptions, benjamini_hochberg, paired};
use crate::summary::RunSummary;

/// The significance level of the headline counts (after Benjamini-Hochberg).
pub const ALPHA: f64 = 0.05;

/// One side of a comparison: one run, or several (seeds) averaged per item.
#[derive(Debug, Clone)]
pub struct Side {
    /// The run directories.
    pub runs: Vec<PathBuf>,
    /// Their summaries, in the same order.
    pub summaries: Vec<RunSummary>,
}

impl Side {
    /// Loads the summaries of evaluation runs.
    pub fn load(runs: &[PathBuf]) -> Result<Self, EvalError> {
        let summaries = runs
            .iter()
            .map(|r| RunSummary::load(r))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            runs: runs.to_vec(),
            summaries,
        })
    }

    /// Benchmarks every run of this side has results for.
    fn benchmarks(&self) -> BTreeSet<String> {
        let mut sets = self
            .summaries
            .iter()
            .map(|s| s.benchmarks.keys().cloned().collect::<BTreeSet<_>>());
        let first = sets.next().unwrap_or_default();
        sets.fold(first, |acc, s| acc.intersection(&s).cloned().collect())
    }

    /// Per item of a benchmark: the mean over this side's runs of the item's score, and
    /// whether any run refused it. Items missing a score in some run are left out.
    fn items(&self, benchmark: &str) -> Result<BTreeMap<String, ItemScore>, EvalError> {
        let mut per_run = Vec::new();
        for run in &self.runs {
            per_run.push(run_item_scores(run, benchmark)?);
        }
        let mut out = BTreeMap::new();
        let Some(first) = per_run.first() else {
            return Ok(out);
        };
        'items: for item in first.keys() {
            let (mut sum, mut refused) = (0.0, false);
            for run in &per_run {
                let Some(score) = run.get(item) else {
                    continue 'items;
                };
                let Some(value) = score.score else {
                    continue 'items;
                };
                sum += value;
                refused |= score.refused;
            }
            out.insert(
                item.clone(),
                ItemScore {
                    score: Some(sum / per_run.len() as f64),
                    refused,
                },
            );
        }
        Ok(out)
    }

    /// Share of this side's records (all runs) that are refusals, for one benchmark.
    fn refusal_rate(&self, benchmark: &str) -> f64 {
        let rates: Vec<f64> = self
            .summaries
            .iter()
            .filter_map(|s| s.benchmarks.get(benchmark).map(|b| b.refusal_rate))
            .collect();
        if rates.is_empty() {
            0.0
        } else {
            rates.iter().sum::<f64>() / rates.len() as f64
        }
    }
}

/// A paired difference on a set of items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairedDifference {
    /// Items paired.
    pub n: usize,
    /// Baseline mean on them.
    pub baseline: f64,
    /// Candidate mean on them.
    pub candidate: f64,
    /// Candidate minus baseline (raw, not direction-adjusted).
    pub diff: f64,
    /// Standard error of the paired difference.
    pub se: Option<f64>,
    /// Bootstrap interval of the difference.
    pub ci: (f64, f64),
    /// Two-sided paired t-test p-value.
    pub p: Option<f64>,
}

/// One benchmark's comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkComparison {
    /// Benchmark id.
    pub benchmark: String,
    /// Category.
    pub category: String,
    /// Whether higher is better.
    pub direction: Direction,
    /// On all shared items.
    pub all: Option<PairedDifference>,
    /// Benjamini-Hochberg adjusted p-value (across the compared benchmarks).
    pub p_adjusted: Option<f64>,
    /// The candidate is better (direction-aware difference > 0).
    pub ahead: bool,
    /// Ahead or behind with an adjusted p-value under [`ALPHA`].
    pub significant: bool,
    /// Baseline refusal rate (share of records).
    pub baseline_refusal_rate: f64,
    /// Candidate refusal rate.
    pub candidate_refusal_rate: f64,
    /// On items that neither side refused in any run.
    pub without_refusals: Option<PairedDifference>,
    /// Where the item scores come from.
    pub records: Vec<String>,
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Baseline runs.
    pub baseline: Vec<String>,
    /// Candidate runs.
    pub candidate: Vec<String>,
    /// Per benchmark compared (shared by both sides with paired items).
    pub benchmarks: Vec<BenchmarkComparison>,
    /// Benchmarks only one side has, or without shared scored items.
    pub skipped: Vec<String>,
    /// Benchmarks where the candidate is ahead.
    pub ahead: usize,
    /// Benchmarks compared.
    pub compared: usize,
    /// Significant gains (adjusted p < ALPHA, ahead).
    pub significant_gains: usize,
    /// Significant regressions (adjusted p < ALPHA, behind).
    pub significant_regressions: usize,
    /// Mean direction-adjusted change in points (x 100) over compared benchmarks.
    pub mean_change_points: f64,
    /// The headline.
    pub summary_line: String,
}

/// Compares a baseline and a candidate side.
pub fn compare(
    baseline: &Side,
    candidate: &Side,
    options: &PairedOptions,
) -> Result<Comparison, EvalError> {
    let shared: BTreeSet<String> = baseline
        .benchmarks()
        .intersection(&candidate.benchmarks())
        .cloned()
        .collect();
    let mut skipped: Vec<String> = baseline
        .benchmarks()
        .symmetric_difference(&candidate.benchmarks())
        .cloned()
        .collect();
    let mut rows = Vec::new();
    for id in &shared {
        let a = baseline.items(id)?;
        let b = candidate.items(id)?;
        let pairs: Vec<(f64, f64, bool)> = a
            .iter()
            .filter_map(|(item, x)| {
                let y = b.get(item)?;
                Some((x.score?, y.score?, x.refused || y.refused))
            })
            .collect();
        if pairs.is_empty() {
            skipped.push(id.clone());
            continue;
        }
        let difference = |keep: &dyn Fn(&(f64, f64, bool)) -> bool| {
            let (xs, ys): (Vec<f64>, Vec<f64>) =
                pairs.iter().filter(|p| keep(p)).map(|p| (p.0, p.1)).unzip();
            paired(&xs, &ys, options).ok().map(|r| PairedDifference {
                n: r.n,
                baseline: r.mean_a,
                candidate: r.mean_b,
                diff: r.diff,
                se: r.se,
                ci: (r.ci_low, r.ci_high),
                p: r.p_value,
            })
        };
        let summary = baseline
            .summaries
            .iter()
            .find_map(|s| s.benchmarks.get(id))
            .ok_or_else(|| EvalError::Records(format!("no summary for {id}")))?;
        let all = difference(&|_| true);
        let ahead = all
            .as_ref()
            .is_some_and(|d| d.diff * summary.direction.sign() > 0.0);
        let records = baseline
            .runs
            .iter()
            .chain(&candidate.runs)
            .map(|r| records_path(r, id).display().to_string())
            .collect();
        rows.push(BenchmarkComparison {
            benchmark: id.clone(),
            category: summary.category.clone(),
            direction: summary.direction,
            all,
            p_adjusted: None,
            ahead,
            significant: false,
            baseline_refusal_rate: baseline.refusal_rate(id),
            candidate_refusal_rate: candidate.refusal_rate(id),
            without_refusals: difference(&|p| !p.2),
            records,
        });
    }
    // Adjust across the benchmarks that have a p-value; a benchmark without one (a single
    // item) cannot be significant.
    let tested: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].all.as_ref().and_then(|d| d.p).is_some())
        .collect();
    let p: Vec<f64> = tested
        .iter()
        .filter_map(|&i| rows[i].all.as_ref().and_then(|d| d.p))
        .collect();
    for (&i, adjusted) in tested.iter().zip(benjamini_hochberg(&p)) {
        rows[i].p_adjusted = Some(adjusted);
        rows[i].significant = adjusted < ALPHA;
    }
    let compared = rows.len();
    let ahead = rows.iter().filter(|r| r.ahead).count();
    let gains = rows.iter().filter(|r| r.significant && r.ahead).count();
    let regressions = rows.iter().filter(|r| r.significant && !r.ahead).count();
    let changes: Vec<f64> = rows
        .iter()
        .filter_map(|r| r.all.as_ref().map(|d| 100.0 * d.diff * r.direction.sign()))
        .collect();
    let mean_change = if changes.is_empty() {
        0.0
    } else {
        changes.iter().sum::<f64>() / changes.len() as f64
    };
    skipped.sort();
    Ok(Comparison {
        baseline: baseline
            .runs
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        candidate: candidate
            .runs
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        summary_line: format!(
            "ahead on {ahead} of {compared}; {gains} significant gains; {regressions} significant regressions; mean change {mean_change:+.2} points"
        ),
        benchmarks: rows,
        skipped,
        ahead,
        compared,
        significant_gains: gains,
        significant_regressions: regressions,
        mean_change_points: mean_change,
    })
}

/// True when `dir` holds an evaluation run (its summary says so).
pub fn is_eval_run(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("summary.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .is_some_and(|v| v.get("ethos_eval").is_some())
}
