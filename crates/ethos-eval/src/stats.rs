//! Paired statistics over per-item scores.
//!
//! Everything here is a pure function of its inputs (random draws come from a seeded
//! [`StdRng`]), so a report computed twice from the same records is identical. The
//! reference values the tests check against come from numpy, scipy and statsmodels
//! (`scripts/stats/make_fixtures.py`); where those libraries return NaN for a degenerate
//! input, the function documents the value chosen instead.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};
use thiserror::Error;

/// Why a paired comparison could not be computed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum StatsError {
    /// There were no items to compare.
    #[error("no items to compare")]
    Empty,
    /// Baseline and candidate do not score the same number of items.
    #[error("paired scores differ in length: {baseline} baseline vs {candidate} candidate")]
    LengthMismatch {
        /// Number of baseline scores.
        baseline: usize,
        /// Number of candidate scores.
        candidate: usize,
    },
    /// A score is NaN or infinite.
    #[error("{side} score at item {index} is not finite ({value})")]
    NonFinite {
        /// "baseline" or "candidate".
        side: &'static str,
        /// Position of the item.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// The confidence level is not strictly between 0 and 1.
    #[error("confidence level must be strictly between 0 and 1, got {0}")]
    InvalidLevel(f64),
    /// The bootstrap needs at least one resample.
    #[error("the bootstrap needs at least one resample")]
    NoResamples,
}

/// Settings of [`paired`]: bootstrap size, its seed, and the confidence level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PairedOptions {
    /// Number of bootstrap resamples of the items.
    pub resamples: usize,
    /// Seed of the bootstrap's random generator.
    pub seed: u64,
    /// Confidence level of the interval, e.g. 0.95.
    pub level: f64,
}

impl Default for PairedOptions {
    fn default() -> Self {
        Self {
            resamples: 10_000,
            seed: 0,
            level: 0.95,
        }
    }
}

/// Paired comparison of a candidate against a baseline on the same items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paired {
    /// Number of items.
    pub n: usize,
    /// Mean baseline score.
    pub mean_a: f64,
    /// Mean candidate score.
    pub mean_b: f64,
    /// Mean of the per-item differences candidate minus baseline.
    pub diff: f64,
    /// Standard error of `diff` (sample sd with ddof 1 over sqrt n); None for one item.
    pub se: Option<f64>,
    /// Lower end of the paired bootstrap percentile interval of `diff`.
    pub ci_low: f64,
    /// Upper end of the paired bootstrap percentile interval of `diff`.
    pub ci_high: f64,
    /// Paired t statistic of candidate minus baseline; None for one item or zero spread.
    pub t: Option<f64>,
    /// Two-sided p-value of the paired t-test; None for one item.
    pub p_value: Option<f64>,
}

/// Compares candidate scores `b` with baseline scores `a`, paired by position.
///
/// Matches `scipy.stats.ttest_rel(b, a)` (t has the sign of candidate minus baseline)
/// and `scipy.stats.sem(b - a)` wherever scipy returns numbers. Degenerate cases, where
/// scipy returns NaN or divides by zero:
/// - one item: `se`, `t` and `p_value` are None (no spread can be estimated); the
///   interval collapses to the single difference.
/// - every difference exactly 0: `se = 0`, `t = 0`, `p = 1` — the runs agree on every
///   item, which is no evidence of a difference.
/// - every difference equal and non-zero: `se = 0`, `p = 0`, `t` None — the shift is the
///   same on every item, so it is certain under the t model, but the statistic is
///   infinite, which JSON cannot carry.
///
/// "Equal" is exact equality of the computed differences, tested directly rather than
/// through a variance that rounding could leave a hair above zero.
pub fn paired(a: &[f64], b: &[f64], options: &PairedOptions) -> Result<Paired, StatsError> {
    if a.len() != b.len() {
        return Err(StatsError::LengthMismatch {
            baseline: a.len(),
            candidate: b.len(),
        });
    }
    if a.is_empty() {
        return Err(StatsError::Empty);
    }
    if !(options.level > 0.0 && options.level < 1.0) {
        return Err(StatsError::InvalidLevel(options.level));
    }
    if options.resamples == 0 {
        return Err(StatsError::NoResamples);
    }
    for (side, scores) in [("baseline", a), ("candidate", b)] {
        if let Some((index, &value)) = scores.iter().enumerate().find(|(_, v)| !v.is_finite()) {
            return Err(StatsError::NonFinite { side, index, value });
        }
    }

    let n = a.len();
    let diffs: Vec<f64> = a.iter().zip(b).map(|(x, y)| y - x).collect();
    let (ci_low, ci_high) = bootstrap_ci(&diffs, options.resamples, options.seed, options.level);
    let all_equal = diffs.iter().all(|&d| d == diffs[0]);
    // With all differences equal, report that difference itself: summing n copies and
    // dividing by n can round away from it.
    let diff = if all_equal { diffs[0] } else { mean(&diffs) };

    let (se, t, p_value) = if n == 1 {
        (None, None, None)
    } else if all_equal {
        if diff == 0.0 {
            (Some(0.0), Some(0.0), Some(1.0))
        } else {
            (Some(0.0), None, Some(0.0))
        }
    } else {
        let var = diffs.iter().map(|d| (d - diff).powi(2)).sum::<f64>() / (n - 1) as f64;
        let se = (var / n as f64).sqrt();
        let t = diff / se;
        (Some(se), Some(t), Some(t_two_sided_p(t, (n - 1) as f64)))
    };

    Ok(Paired {
        n,
        mean_a: mean(a),
        mean_b: mean(b),
        diff,
        se,
        ci_low,
        ci_high,
        t,
        p_value,
    })
}

/// Two-sided p-value of a t statistic with `df` degrees of freedom.
fn t_two_sided_p(t: f64, df: f64) -> f64 {
    match StudentsT::new(0.0, 1.0, df) {
        // The survival function is computed directly from the incomplete beta function,
        // so tiny p-values keep their relative precision (no 1 - cdf cancellation).
        Ok(dist) => (2.0 * dist.sf(t.abs())).min(1.0),
        // Only reachable with df <= 0, which callers exclude (n >= 2).
        Err(_) => f64::NAN,
    }
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

/// Paired bootstrap percentile interval of the mean of `diffs` at confidence `level`.
///
/// Each resample draws `diffs.len()` item indices with replacement from a [`StdRng`]
/// seeded with `seed`; the interval is the (1 - level)/2 and (1 + level)/2 quantiles of
/// the resampled means, interpolated as [`percentile`] does. The same inputs always give
/// the same interval. `level` is clamped to [0, 1]; empty `diffs` or zero `resamples`
/// give `(NaN, NaN)` (there is nothing to resample; [`paired`] rejects both up front).
pub fn bootstrap_ci(diffs: &[f64], resamples: usize, seed: u64, level: f64) -> (f64, f64) {
    if diffs.is_empty() || resamples == 0 {
        return (f64::NAN, f64::NAN);
    }
    let means = sorted_bootstrap_means(diffs, resamples, seed);
    let level = level.clamp(0.0, 1.0);
    let alpha = (1.0 - level) / 2.0;
    (
        percentile(&means, alpha * 100.0),
        percentile(&means, (1.0 - alpha) * 100.0),
    )
}

/// The resampled means behind [`bootstrap_ci`], sorted ascending (exposed for tests).
pub fn sorted_bootstrap_means(diffs: &[f64], resamples: usize, seed: u64) -> Vec<f64> {
    let n = diffs.len();
    if n == 0 {
        return Vec::new();
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let mut means: Vec<f64> = (0..resamples)
        .map(|_| (0..n).map(|_| diffs[rng.random_range(0..n)]).sum::<f64>() / n as f64)
        .collect();
    means.sort_by(f64::total_cmp);
    means
}

/// Percentile `q` (0..=100) of ascending `sorted` values, linear as numpy's default.
///
/// Same arithmetic as `numpy.percentile(x, q)` (method "linear"): virtual index
/// `(n - 1) * q / 100`, interpolated between its neighbours from whichever end is nearer.
/// `q` is clamped to [0, 100]; empty input or NaN `q` gives NaN. The input is assumed
/// sorted and is not checked.
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    if n == 0 || q.is_nan() {
        return f64::NAN;
    }
    let index = (n - 1) as f64 * (q.clamp(0.0, 100.0) / 100.0);
    if index >= (n - 1) as f64 {
        return sorted[n - 1];
    }
    let below = index.floor();
    let gamma = index - below;
    let lo = sorted[below as usize];
    let hi = sorted[below as usize + 1];
    let span = hi - lo;
    // numpy interpolates from the upper neighbour when gamma >= 0.5; doing the same keeps
    // results bit-identical rather than merely close.
    if gamma >= 0.5 {
        hi - span * (1.0 - gamma)
    } else {
        lo + span * gamma
    }
}

/// Benjamini–Hochberg adjusted p-values, in input order (= statsmodels `fdr_bh`).
///
/// NaN entries are treated as missing: they are left out of the family (they do not
/// count towards the number of tests) and come back as NaN. See
/// [`benjamini_hochberg_partial`] for the same with `Option`.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let present: Vec<Option<f64>> = p.iter().map(|&x| (!x.is_nan()).then_some(x)).collect();
    benjamini_hochberg_partial(&present)
        .into_iter()
        .map(|x| x.unwrap_or(f64::NAN))
        .collect()
}

/// Benjamini–Hochberg over the present p-values; None (or NaN) entries stay None.
///
/// Missing entries — comparisons that could not be tested, such as a one-item benchmark —
/// are excluded from the family rather than counted as p = 1, so they neither dilute nor
/// pad the correction. P-values are assumed to lie in [0, 1]; adjusted values are capped
/// at 1 and monotone in the raw values, as in statsmodels.
pub fn benjamini_hochberg_partial(p: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut order: Vec<usize> = (0..p.len())
        .filter(|&i| p[i].is_some_and(|x| !x.is_nan()))
        .collect();
    let m = order.len();
    let value = |i: usize| p[i].unwrap_or(f64::NAN);
    order.sort_by(|&i, &j| value(i).total_cmp(&value(j)));

    let mut adjusted = vec![None; p.len()];
    // Walk from the largest p down, carrying the running minimum of p * m / rank: that
    // minimum is what makes the adjusted values monotone (step-up procedure).
    let mut running = f64::INFINITY;
    for (rank0, &i) in order.iter().enumerate().rev() {
        // statsmodels divides by the ecdf factor rank/m; same operation order, same bits.
        let raw = value(i) / ((rank0 + 1) as f64 / m as f64);
        running = running.min(raw);
        adjusted[i] = Some(running.min(1.0));
    }
    adjusted
}

/// Average ranks (1-based) of finite values, ties sharing the mean of their positions.
fn average_ranks(x: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&i, &j| x[i].total_cmp(&x[j]));
    let mut ranks = vec![0.0; x.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && x[order[end + 1]] == x[order[start]] {
            end += 1;
        }
        // Positions start..=end (0-based) share the rank (start + end) / 2 + 1.
        let rank = (start + end) as f64 / 2.0 + 1.0;
        for &i in &order[start..=end] {
            ranks[i] = rank;
        }
        start = end + 1;
    }
    ranks
}

/// Pearson correlation; None when either side has zero spread.
fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    // Rounding can push |r| a hair past 1; clamp, as numpy's corrcoef does.
    Some((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

fn is_constant(x: &[f64]) -> bool {
    x.iter().all(|&v| v == x[0])
}

/// Spearman rank correlation with average ranks for ties (= `scipy.stats.spearmanr`).
///
/// None when the lengths differ, n < 2, either side is constant, or any value is not
/// finite (scipy would return NaN or raise).
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 || !x.iter().chain(y).all(|v| v.is_finite()) {
        return None;
    }
    pearson(&average_ranks(x), &average_ranks(y))
}

/// Spearman correlations between every pair of columns (benchmarks' scores across runs).
///
/// Entry (i, j) is `spearman(columns[i], columns[j])`; the diagonal is 1 for a column
/// with a defined correlation and None for a constant (or otherwise unusable) column.
pub fn spearman_matrix(columns: &[Vec<f64>]) -> Vec<Vec<Option<f64>>> {
    columns
        .iter()
        .enumerate()
        .map(|(i, ci)| {
            columns
                .iter()
                .enumerate()
                .map(|(j, cj)| {
                    let rho = spearman(ci, cj);
                    // Exactly 1 on the diagonal, not 1 minus rounding.
                    if i == j { rho.map(|_| 1.0) } else { rho }
                })
                .collect()
        })
        .collect()
}

/// Eigenvalues of a symmetric matrix in ascending order (cyclic Jacobi rotations).
///
/// Only the upper triangle is read. None when the matrix is not square or holds a
/// non-finite value. Meant for the small (benchmarks × benchmarks) matrices here: the
/// cost is O(n³) per sweep.
pub fn symmetric_eigenvalues(matrix: &[Vec<f64>]) -> Option<Vec<f64>> {
    let n = matrix.len();
    if matrix.iter().any(|row| row.len() != n) {
        return None;
    }
    // Mirror the upper triangle so rotations start from an exactly symmetric matrix.
    let mut a: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| matrix[i.min(j)][i.max(j)]).collect())
        .collect();
    if a.iter().flatten().any(|v| !v.is_finite()) {
        return None;
    }
    let total: f64 = a.iter().flatten().map(|v| v * v).sum();
    // Jacobi converges quadratically; 100 sweeps is far beyond what any input needs and
    // only guards against looping forever.
    for _ in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|p| (p + 1..n).map(move |q| (p, q)))
            .map(|(p, q)| a[p][q] * a[p][q])
            .sum();
        if off <= f64::EPSILON * f64::EPSILON * total * 1e-4 || off == 0.0 {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p][q];
                // An element too small to change either diagonal entry is already zero
                // for all purposes; storing the zero lets the loop reach off == 0.
                if apq == 0.0
                    || (a[p][p].abs() + 100.0 * apq.abs() == a[p][p].abs()
                        && a[q][q].abs() + 100.0 * apq.abs() == a[q][q].abs())
                {
                    a[p][q] = 0.0;
                    a[q][p] = 0.0;
                    continue;
                }
                // Rotation angle that zeroes a[p][q]: t = tan(phi) is the smaller root of
                // t² + 2θt − 1 = 0, which keeps the rotation small and the update stable.
                let theta = (a[q][q] - a[p][p]) / (2.0 * apq);
                let t = if theta.abs() > 1e150 {
                    0.5 / theta
                } else {
                    theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt())
                };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                // Rotation written as small corrections (Numerical Recipes, tau = s/(1+c)):
                // the diagonal moves by exactly t * a[p][q], which keeps it accurate.
                let tau = s / (1.0 + c);
                a[p][p] -= t * apq;
                a[q][q] += t * apq;
                for r in (0..n).filter(|&r| r != p && r != q) {
                    let (arp, arq) = (a[r][p], a[r][q]);
                    let new_rp = arp - s * (arq + tau * arp);
                    let new_rq = arq + s * (arp - tau * arq);
                    a[r][p] = new_rp;
                    a[p][r] = new_rp;
                    a[r][q] = new_rq;
                    a[q][r] = new_rq;
                }
                // The rotation zeroes this pair analytically; store the exact zero.
                a[p][q] = 0.0;
                a[q][p] = 0.0;
            }
        }
    }
    let mut eig: Vec<f64> = (0..n).map(|i| a[i][i]).collect();
    eig.sort_by(f64::total_cmp);
    Some(eig)
}

/// Minimum number of runs for a first-component share.
const MIN_RUNS: usize = 3;

/// Ranks of the usable (finite, non-constant) columns, or None when the share is undefined.
fn usable_ranks(columns: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let runs = columns.first()?.len();
    if runs < MIN_RUNS
        || columns.iter().any(|c| c.len() != runs)
        || columns.iter().flatten().any(|v| !v.is_finite())
    {
        return None;
    }
    let ranks: Vec<Vec<f64>> = columns
        .iter()
        .filter(|c| !is_constant(c))
        .map(|c| average_ranks(c))
        .collect();
    (ranks.len() >= 2).then_some(ranks)
}

/// Largest eigenvalue of the correlation matrix of rank columns over their number.
fn share_of_ranks(ranks: &[Vec<f64>]) -> Option<f64> {
    let k = ranks.len();
    let mut m = vec![vec![1.0; k]; k];
    for i in 0..k {
        for j in i + 1..k {
            let r = pearson(&ranks[i], &ranks[j])?;
            m[i][j] = r;
            m[j][i] = r;
        }
    }
    let eig = symmetric_eigenvalues(&m)?;
    eig.last().map(|l| l / k as f64)
}

/// Share of variance on the first principal component of benchmark scores across runs.
///
/// `columns` are benchmarks, each the scores of the same runs in the same order. The
/// matrix is the Spearman correlation matrix, so the share is the largest eigenvalue over
/// the number of benchmarks: 1/k when benchmarks are unrelated, 1 when they rank runs
/// identically. Constant columns carry no ranking and are left out. None when fewer than
/// 2 usable columns remain, there are fewer than 3 runs, the columns differ in length,
/// or a score is not finite.
pub fn first_component_share(columns: &[Vec<f64>]) -> Option<f64> {
    share_of_ranks(&usable_ranks(columns)?)
}

/// Result of [`permutation_test_first_component`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PermutationResult {
    /// First-component share of the data as given.
    pub observed: f64,
    /// Mean share over the permuted data sets.
    pub null_mean: f64,
    /// 95th percentile of the permuted shares.
    pub null_p95: f64,
    /// (1 + number of permuted shares ≥ observed) / (1 + permutations).
    pub p_value: f64,
}

/// Tests whether benchmarks share one factor more than chance, by permuting runs.
///
/// Each benchmark's scores are shuffled across runs independently (seeded), which keeps
/// every benchmark's distribution but breaks any link between them, and the share is
/// recomputed. Shares within 1e-12 (relative) of the observed one count as reaching it:
/// with few runs, permutations often reproduce the observed correlations with the
/// benchmarks in another order, and the eigenvalue solver then lands an ulp apart.
/// None when the share itself is undefined (see [`first_component_share`]) or
/// `permutations` is 0.
pub fn permutation_test_first_component(
    columns: &[Vec<f64>],
    permutations: usize,
    seed: u64,
) -> Option<PermutationResult> {
    if permutations == 0 {
        return None;
    }
    let ranks = usable_ranks(columns)?;
    let observed = share_of_ranks(&ranks)?;
    let mut rng = StdRng::seed_from_u64(seed);
    // Permuting a column permutes its ranks, so shuffle ranks and skip re-ranking.
    let mut shuffled = ranks;
    let mut null = Vec::with_capacity(permutations);
    for _ in 0..permutations {
        for column in shuffled.iter_mut() {
            column.shuffle(&mut rng);
        }
        // Permuted columns keep their spread, so the share stays defined.
        null.push(share_of_ranks(&shuffled)?);
    }
    let threshold = observed - 1e-12 * observed.abs().max(1.0);
    let reached = null.iter().filter(|&&s| s >= threshold).count();
    let null_mean = mean(&null);
    null.sort_by(f64::total_cmp);
    Some(PermutationResult {
        observed,
        null_mean,
        null_p95: percentile(&null, 95.0),
        p_value: (1 + reached) as f64 / (1 + permutations) as f64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_average_ties() {
        assert_eq!(
            average_ranks(&[3.0, 1.0, 3.0, 2.0, 3.0]),
            vec![4.0, 1.0, 4.0, 2.0, 4.0]
        );
    }

    #[test]
    fn pearson_of_constant_is_none() {
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
    }
}
