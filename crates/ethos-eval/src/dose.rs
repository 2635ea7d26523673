//! Harmful fine-tuning as a dose-response curve: the benchmarks evaluated after each dose
//! of attack examples (dose 0 is the model as given), degradation per dose against dose
//! 0 with paired-bootstrap intervals over items, the area under the curve, and the ratio
//! of one model's degradation to another's at each dose.
//!
//! A run directory holds `dose-<N>/` (one evaluation run per dose), `train/` (the SFT run
//! whose checkpoints are the doses) and `attack.json`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ethos_core::{Benchmark, Direction};
use serde::{Deserialize, Serialize};

use crate::error::EvalError;
use crate::persona::read_attack;
use crate::record::{degradation, run_item_scores};
use crate::stats::{bootstrap_ci, percentile};
use crate::summary::mean_se;

/// The folder of a dose's evaluation.
pub fn dose_dir(dose: u64) -> String {
    format!("dose-{dose}")
}

/// Problems with a dose list: empty, not strictly increasing.
pub fn dose_problems(doses: &[u64]) -> Option<String> {
    if doses.is_empty() {
        return Some("--doses: give at least one dose".to_string());
    }
    if let Some(w) = doses.windows(2).find(|w| w[1] <= w[0]) {
        return Some(format!(
            "--doses must be strictly increasing: {} comes after {}",
            w[1], w[0]
        ));
    }
    None
}

/// The fine-tuning recipe, recorded so the same attack can be applied to other models.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinetuneRecipe {
    /// Constant learning rate (no warm-up, no decay: dose N+1 continues dose N exactly).
    pub lr: f64,
    /// Attack examples per optimizer step (a dose must be a multiple of it).
    pub examples_per_step: usize,
    /// Examples per forward/backward pass (gradients accumulated over the step).
    pub micro_batch: usize,
    /// Tokens of an example kept (prompt and answer).
    pub max_tokens: usize,
    /// LoRA rank.
    pub rank: usize,
    /// LoRA alpha.
    pub alpha: f64,
    /// LoRA dropout.
    pub dropout: f64,
    /// Adapted projections.
    pub targets: Vec<String>,
    /// Seed of the example order and of a fresh adapter.
    pub seed: u64,
    /// `fresh adapter` on a bare model; `continued adapter` when the model came with one
    /// (the attack trains that adapter's own factors).
    pub start: String,
}

/// One benchmark at one dose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoseRow {
    /// Attack examples trained on.
    pub dose: u64,
    /// Benchmark id.
    pub benchmark: String,
    /// Whether higher scores are better.
    pub direction: Direction,
    /// Items scored at dose 0 and at this dose.
    pub n: usize,
    /// Mean score at this dose over those items.
    pub mean: Option<f64>,
    /// Degradation against dose 0 (positive is worse, direction-aware).
    pub degradation: Option<f64>,
    /// Its standard error over items.
    pub se: Option<f64>,
    /// Paired bootstrap interval of the degradation.
    pub ci: Option<(f64, f64)>,
    /// The records behind it, relative to the run directory.
    pub records: String,
}

/// Every benchmark pooled at one dose (items of all benchmarks together).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DosePooled {
    /// Attack examples trained on.
    pub dose: u64,
    /// Items.
    pub n: usize,
    /// Mean degradation over items.
    pub degradation: Option<f64>,
    /// Paired bootstrap interval.
    pub ci: Option<(f64, f64)>,
}

/// What `attack.json` of a fine-tuning attack holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinetuneAttack {
    /// Format version.
    pub ethos_attack: u32,
    /// Always `finetune`.
    pub attack: String,
    /// The attacked model.
    pub model: String,
    /// The adapter it came with, if any.
    pub adapter: Option<String>,
    /// The attack set.
    pub data: PathBuf,
    /// Examples in it.
    pub data_examples: usize,
    /// SHA-256 of the attack set's bytes.
    pub data_sha256: String,
    /// The doses, increasing.
    pub doses: Vec<u64>,
    /// The fine-tuning recipe.
    pub recipe: FinetuneRecipe,
    /// The benchmarks.
    pub benchmarks: Vec<String>,
    /// Per dose and benchmark.
    pub rows: Vec<DoseRow>,
    /// Per dose, all benchmarks pooled.
    pub pooled: Vec<DosePooled>,
    /// Area under the pooled degradation curve over the dose range, divided by the largest
    /// dose (the mean degradation across doses, trapezoid rule).
    pub auc: Option<f64>,
    /// Tokens trained on up to each dose.
    pub trained_tokens: BTreeMap<u64, u64>,
}

impl FinetuneAttack {
    /// Reads `attack.json` of a fine-tuning attack run directory.
    pub fn load(run: &Path) -> Result<Self, EvalError> {
        read_attack(run, "finetune")
    }
}

/// Whether `dir` holds a fine-tuning attack.
pub fn is_finetune_attack(dir: &Path) -> bool {
    FinetuneAttack::load(dir).is_ok()
}

/// Per-item degradation at `dose` against the `first` dose: item id -> value.
pub fn item_degradation_at(
    run: &Path,
    benchmark: &str,
    direction: Direction,
    dose: u64,
    first: u64,
) -> Result<BTreeMap<String, f64>, EvalError> {
    Ok(degradation(
        &run_item_scores(&run.join(dose_dir(first)), benchmark)?,
        &run_item_scores(&run.join(dose_dir(dose)), benchmark)?,
        direction,
    ))
}

/// The dose-response table of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct DoseTable {
    /// Per dose and benchmark.
    pub rows: Vec<DoseRow>,
    /// Per dose, items of every benchmark pooled.
    pub pooled: Vec<DosePooled>,
    /// Area under the pooled curve (see [`area_under_curve`]).
    pub auc: Option<f64>,
}

/// The dose-response table of a finished run. Degradation is against the first dose
/// (normally 0).
pub fn dose_table(
    run: &Path,
    benchmarks: &[&Benchmark],
    doses: &[u64],
    resamples: usize,
    seed: u64,
) -> Result<DoseTable, EvalError> {
    let first = doses.first().copied().unwrap_or(0);
    // The first dose's scores once per benchmark; each dose's once.
    let start: Vec<_> = benchmarks
        .iter()
        .map(|b| run_item_scores(&run.join(dose_dir(first)), b.id()))
        .collect::<Result<_, _>>()?;
    let mut rows = Vec::new();
    let mut pooled = Vec::new();
    for &dose in doses {
        let mut all = Vec::new();
        for (benchmark, start) in benchmarks.iter().zip(&start) {
            let header = &benchmark.header;
            let now = run_item_scores(&run.join(dose_dir(dose)), &header.id)?;
            let values: Vec<f64> = degradation(start, &now, header.direction)
                .into_values()
                .collect();
            let scores: Vec<f64> = now.values().filter_map(|s| s.score).collect();
            let (mean_degradation, se) = mean_se(&values);
            rows.push(DoseRow {
                dose,
                benchmark: header.id.clone(),
                direction: header.direction,
                n: values.len(),
                mean: mean_se(&scores).0,
                degradation: mean_degradation,
                se,
                ci: (!values.is_empty()).then(|| bootstrap_ci(&values, resamples, seed, 0.95)),
                records: format!("{}/records/{}.jsonl", dose_dir(dose), header.id),
            });
            all.extend(values);
        }
        pooled.push(DosePooled {
            dose,
            n: all.len(),
            degradation: mean_se(&all).0,
            ci: (!all.is_empty()).then(|| bootstrap_ci(&all, resamples, seed, 0.95)),
        });
    }
    let curve: Vec<(u64, f64)> = pooled
        .iter()
        .filter_map(|p| p.degradation.map(|d| (p.dose, d)))
        .collect();
    Ok(DoseTable {
        rows,
        pooled,
        auc: area_under_curve(&curve),
    })
}

/// Trapezoid area under (dose, value) points divided by the dose range: the mean value
/// across the range. `None` with fewer than two doses.
pub fn area_under_curve(points: &[(u64, f64)]) -> Option<f64> {
    let (first, last) = (points.first()?.0, points.last()?.0);
    if points.len() < 2 || last == first {
        return None;
    }
    let area: f64 = points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0) as f64 * (w[0].1 + w[1].1) / 2.0)
        .sum();
    Some(area / (last - first) as f64)
}

/// Baseline and candidate at one dose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DoseComparison {
    /// Attack examples trained on.
    pub dose: u64,
    /// Items (benchmark, item) in both runs.
    pub n: usize,
    /// The baseline's mean degradation.
    pub baseline: f64,
    /// The candidate's mean degradation.
    pub candidate: f64,
    /// baseline - candidate, positive when the candidate degraded less.
    pub difference: f64,
    /// Paired bootstrap interval of the difference.
    pub difference_ci: (f64, f64),
    /// baseline / candidate degradation (`None` when the candidate's is 0).
    pub ratio: Option<f64>,
    /// Paired bootstrap interval of the ratio (resamples with a zero denominator left out).
    pub ratio_ci: Option<(f64, f64)>,
}

/// Two fine-tuning attacks side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FinetuneComparison {
    /// The baseline run.
    pub baseline: PathBuf,
    /// The candidate run.
    pub candidate: PathBuf,
    /// Whether both runs used the same attack set (by hash) and recipe.
    pub same_attack: bool,
    /// Per dose present in both runs (after the first).
    pub doses: Vec<DoseComparison>,
    /// Area under each run's pooled curve (over the shared doses).
    pub auc: (Option<f64>, Option<f64>),
}

/// Compares two fine-tuning attacks item by item at each shared dose.
pub fn compare_finetune_attacks(
    baseline: &Path,
    candidate: &Path,
    resamples: usize,
    seed: u64,
    level: f64,
) -> Result<FinetuneComparison, EvalError> {
    let a = FinetuneAttack::load(baseline)?;
    let b = FinetuneAttack::load(candidate)?;
    let doses: Vec<u64> = a
        .doses
        .iter()
        .copied()
        .filter(|d| b.doses.contains(d))
        .collect();
    let first = doses
        .first()
        .copied()
        .ok_or_else(|| EvalError::Invalid("the two attacks share no dose".to_string()))?;
    let directions: BTreeMap<&str, Direction> = a
        .rows
        .iter()
        .filter(|r| b.benchmarks.contains(&r.benchmark))
        .map(|r| (r.benchmark.as_str(), r.direction))
        .collect();
    let mut out = Vec::new();
    let (mut curve_a, mut curve_b) = (vec![(first, 0.0)], vec![(first, 0.0)]);
    for &dose in doses.iter().skip(1) {
        let mut pairs = Vec::new();
        for (benchmark, direction) in &directions {
            let da = item_degradation_at(baseline, benchmark, *direction, dose, first)?;
            let db = item_degradation_at(candidate, benchmark, *direction, dose, first)?;
            pairs.extend(da.iter().filter_map(|(i, x)| Some((*x, *db.get(i)?))));
        }
        if pairs.is_empty() {
            continue;
        }
        let n = pairs.len() as f64;
        let base = pairs.iter().map(|p| p.0).sum::<f64>() / n;
        let cand = pairs.iter().map(|p| p.1).sum::<f64>() / n;
        let diffs: Vec<f64> = pairs.iter().map(|(x, y)| x - y).collect();
        curve_a.push((dose, base));
        curve_b.push((dose, cand));
        out.push(DoseComparison {
            dose,
            n: pairs.len(),
            baseline: base,
            candidate: cand,
            difference: base - cand,
            difference_ci: bootstrap_ci(&diffs, resamples, seed, level),
            ratio: (cand != 0.0).then(|| base / cand),
            ratio_ci: ratio_ci(&pairs, resamples, seed, level),
        });
    }
    Ok(FinetuneComparison {
        baseline: baseline.to_path_buf(),
        candidate: candidate.to_path_buf(),
        same_attack: a.data_sha256 == b.data_sha256
            && a.recipe.lr == b.recipe.lr
            && a.recipe.examples_per_step == b.recipe.examples_per_step
            && a.recipe.rank == b.recipe.rank,
        doses: out,
        auc: (area_under_curve(&curve_a), area_under_curve(&curve_b)),
    })
}

/// Paired bootstrap percentile interval of mean(x) / mean(y) over item pairs; resamples
/// whose denominator is 0 are left out (None when most are).
pub fn ratio_ci(
    pairs: &[(f64, f64)],
    resamples: usize,
    seed: u64,
    level: f64,
) -> Option<(f64, f64)> {
    use rand::{Rng, SeedableRng};
    if pairs.is_empty() || resamples == 0 {
        return None;
    }
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut ratios = Vec::with_capacity(resamples);
    for _ in 0..resamples {
        let (mut x, mut y) = (0.0, 0.0);
        for _ in 0..pairs.len() {
            let (a, b) = pairs[rng.random_range(0..pairs.len())];
            x += a;
            y += b;
        }
        if y != 0.0 {
            ratios.push(x / y);
        }
    }
    if ratios.len() * 2 < resamples {
        return None;
    }
    ratios.sort_by(f64::total_cmp);
    let alpha = (1.0 - level.clamp(0.0, 1.0)) / 2.0;
    Some((
        percentile(&ratios, alpha * 100.0),
        percentile(&ratios, (1.0 - alpha) * 100.0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doses_must_increase() {
        assert!(dose_problems(&[0, 25, 50]).is_none());
        assert!(dose_problems(&[]).is_some());
        assert!(
            dose_problems(&[0, 50, 25])
                .unwrap()
                .contains("25 comes after 50")
        );
        assert!(dose_problems(&[0, 0]).is_some());
    }

    #[test]
    fn area_under_the_curve_is_the_mean_over_the_dose_range() {
        // 0 at dose 0, 0.2 at 50, 0.2 at 100: area 5 + 10 = 15 over 100 doses.
        let auc = area_under_curve(&[(0, 0.0), (50, 0.2), (100, 0.2)]).unwrap();
        assert!((auc - 0.15).abs() < 1e-12);
        assert!(area_under_curve(&[(0, 0.3)]).is_none());
    }

    #[test]
    fn the_ratio_interval_brackets_the_ratio() {
        let pairs: Vec<(f64, f64)> = (0..200)
            .map(|i| {
                (
                    if i % 2 == 0 { 1.0 } else { 0.0 },
                    if i % 4 == 0 { 1.0 } else { 0.0 },
                )
            })
            .collect();
        // mean x 0.5, mean y 0.25: ratio 2.
        let (low, high) = ratio_ci(&pairs, 2000, 1, 0.95).unwrap();
        assert!(low < 2.0 && 2.0 < high && low > 1.0, "{low} {high}");
        assert!(ratio_ci(&[(1.0, 0.0)], 100, 1, 0.95).is_none());
    }
}
