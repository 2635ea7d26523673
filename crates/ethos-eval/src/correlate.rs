//! Do benchmarks move together across runs? Spearman correlations of benchmark scores
//! across runs, and the share of variance on the first principal component against a
//! permutation null.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Serialize;

use crate::error::EvalError;
use crate::stats::{PermutationResult, permutation_test_first_component, spearman_matrix};
use crate::summary::RunSummary;

/// The correlation analysis of several runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correlation {
    /// The runs, in column order of the score table.
    pub runs: Vec<String>,
    /// Benchmarks every run has a mean for, with non-constant scores.
    pub benchmarks: Vec<String>,
    /// Benchmarks left out: missing from a run, or with the same score in every run.
    pub excluded: Vec<String>,
    /// Direction-adjusted mean scores: `scores[b][r]` of benchmark b in run r (higher is
    /// better everywhere, so a positive correlation means the two improve together).
    pub scores: Vec<Vec<f64>>,
    /// Spearman correlation of every pair of benchmarks across runs.
    pub spearman: Vec<Vec<Option<f64>>>,
    /// First-component share and its permutation null; `None` with fewer than 3 runs or
    /// 2 benchmarks.
    pub first_component: Option<PermutationResult>,
}

/// Correlates benchmark scores across `runs` (evaluation run directories).
pub fn correlate(
    runs: &[PathBuf],
    permutations: usize,
    seed: u64,
) -> Result<Correlation, EvalError> {
    if runs.len() < 2 {
        return Err(EvalError::Invalid(
            "correlate needs at least two runs (three for the principal component)".into(),
        ));
    }
    let summaries: Vec<RunSummary> = runs
        .iter()
        .map(|r| RunSummary::load(r))
        .collect::<Result<_, _>>()?;
    let all: BTreeSet<&String> = summaries.iter().flat_map(|s| s.benchmarks.keys()).collect();
    let (mut benchmarks, mut excluded, mut scores) = (Vec::new(), Vec::new(), Vec::new());
    for id in all {
        let column: Option<Vec<f64>> = summaries
            .iter()
            .map(|s| {
                let b = s.benchmarks.get(id)?;
                Some(b.mean? * b.direction.sign())
            })
            .collect();
        match column {
            Some(column) if column.iter().any(|v| *v != column[0]) => {
                benchmarks.push(id.clone());
                scores.push(column);
            }
            _ => excluded.push(id.clone()),
        }
    }
    Ok(Correlation {
        runs: runs.iter().map(|r| r.display().to_string()).collect(),
        spearman: spearman_matrix(&scores),
        first_component: permutation_test_first_component(&scores, permutations, seed),
        benchmarks,
        excluded,
        scores,
    })
}
