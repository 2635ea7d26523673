//! Statistics checked against numpy/scipy/statsmodels values in tests/fixtures/stats
//! (regenerate with `python scripts/stats/make_fixtures.py`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use ethos_eval::stats::{
    PairedOptions, StatsError, benjamini_hochberg, benjamini_hochberg_partial, bootstrap_ci,
    first_component_share, paired, percentile, permutation_test_first_component,
    sorted_bootstrap_means, spearman, spearman_matrix, symmetric_eigenvalues,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::Value;

/// Tolerance for values computed deterministically by both sides.
const TOL: f64 = 1e-9;

fn fixture(name: &str) -> Value {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "stats",
        name,
    ]
    .iter()
    .collect();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn cases(name: &str) -> Vec<Value> {
    fixture(name)["cases"].as_array().unwrap().clone()
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// Numbers, with JSON null read as NaN (the fixtures write NaN as null).
fn nums(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap_or(f64::NAN))
        .collect()
}

fn columns(v: &Value) -> Vec<Vec<f64>> {
    v.as_array().unwrap().iter().map(nums).collect()
}

/// Relative tolerance with a tiny absolute floor, so p-values near 1e-46 are still
/// compared digit by digit and exact zeros can match.
fn assert_close(actual: f64, expected: f64, tol: f64, what: &str) {
    let ok = (actual - expected).abs() <= tol * expected.abs() + 1e-300;
    assert!(ok, "{what}: got {actual:e}, expected {expected:e}");
}

#[test]
fn paired_matches_scipy_ttest_rel() {
    for case in cases("paired.json") {
        let name = case["name"].as_str().unwrap();
        let (a, b) = (nums(&case["a"]), nums(&case["b"]));
        let r = paired(&a, &b, &PairedOptions::default()).unwrap();
        assert_eq!(r.n, a.len());
        assert_close(
            r.mean_a,
            num(&case["mean_a"]),
            TOL,
            &format!("{name} mean_a"),
        );
        assert_close(
            r.mean_b,
            num(&case["mean_b"]),
            TOL,
            &format!("{name} mean_b"),
        );
        assert_close(r.diff, num(&case["diff"]), TOL, &format!("{name} diff"));
        assert_close(r.se.unwrap(), num(&case["se"]), TOL, &format!("{name} se"));
        assert_close(r.t.unwrap(), num(&case["t"]), TOL, &format!("{name} t"));
        assert_close(
            r.p_value.unwrap(),
            num(&case["p"]),
            TOL,
            &format!("{name} p"),
        );
        assert!(
            r.ci_low <= r.diff && r.diff <= r.ci_high,
            "{name}: CI misses the mean"
        );
    }
}

#[test]
fn paired_rejects_bad_input() {
    let opts = PairedOptions::default();
    assert_eq!(paired(&[], &[], &opts), Err(StatsError::Empty));
    assert_eq!(
        paired(&[1.0, 2.0], &[1.0], &opts),
        Err(StatsError::LengthMismatch {
            baseline: 2,
            candidate: 1
        })
    );
    let err = paired(&[1.0, 2.0], &[1.0, f64::NAN], &opts).unwrap_err();
    assert!(matches!(
        err,
        StatsError::NonFinite {
            side: "candidate",
            index: 1,
            ..
        }
    ));
    for level in [0.0, 1.0, -0.5, f64::NAN] {
        let opts = PairedOptions {
            level,
            ..PairedOptions::default()
        };
        assert!(matches!(
            paired(&[1.0, 2.0], &[2.0, 2.0], &opts),
            Err(StatsError::InvalidLevel(_))
        ));
    }
    let opts = PairedOptions {
        resamples: 0,
        ..PairedOptions::default()
    };
    assert_eq!(paired(&[1.0], &[2.0], &opts), Err(StatsError::NoResamples));
}

#[test]
fn paired_single_item_has_no_spread() {
    let r = paired(&[0.25], &[1.0], &PairedOptions::default()).unwrap();
    assert_eq!((r.n, r.diff), (1, 0.75));
    assert_eq!((r.se, r.t, r.p_value), (None, None, None));
    assert_eq!((r.ci_low, r.ci_high), (0.75, 0.75));
    let json = serde_json::to_value(&r).unwrap();
    assert!(json["se"].is_null() && json["t"].is_null() && json["p_value"].is_null());
}

#[test]
fn paired_identical_runs_give_p_one() {
    let a = [0.0, 1.0, 0.5, 0.3, 0.3];
    let r = paired(&a, &a, &PairedOptions::default()).unwrap();
    assert_eq!(r.diff, 0.0);
    assert_eq!((r.se, r.t, r.p_value), (Some(0.0), Some(0.0), Some(1.0)));
    assert_eq!((r.ci_low, r.ci_high), (0.0, 0.0));
}

#[test]
fn paired_constant_nonzero_shift_gives_p_zero() {
    // Differences exactly 0.25 on every item (all values exact in binary).
    let a = [0.0, 1.0, 0.5, 0.25, 2.0];
    let b = [0.25, 1.25, 0.75, 0.5, 2.25];
    let r = paired(&a, &b, &PairedOptions::default()).unwrap();
    assert_eq!(r.diff, 0.25);
    assert_eq!((r.se, r.t, r.p_value), (Some(0.0), None, Some(0.0)));
    assert_eq!((r.ci_low, r.ci_high), (0.25, 0.25));
    // Same for a shift whose repeated sum would round: 0.1 three times sums to
    // 0.30000000000000004, and the mean must still be the difference itself.
    let r = paired(&[0.0; 3], &[0.1; 3], &PairedOptions::default()).unwrap();
    assert_eq!((r.diff, r.p_value), (0.1, Some(0.0)));
}

#[test]
fn paired_options_default_and_serde() {
    let opts = PairedOptions::default();
    assert_eq!((opts.resamples, opts.seed, opts.level), (10_000, 0, 0.95));
    // Missing fields fall back to the defaults.
    let parsed: PairedOptions = serde_json::from_str(r#"{"seed": 7}"#).unwrap();
    assert_eq!(parsed, PairedOptions { seed: 7, ..opts });
}

#[test]
fn percentile_matches_numpy() {
    for case in cases("percentile.json") {
        let name = case["name"].as_str().unwrap();
        let mut values = nums(&case["values"]);
        values.sort_by(f64::total_cmp);
        for (q, expected) in nums(&case["q"]).into_iter().zip(nums(&case["percentile"])) {
            let got = percentile(&values, q);
            assert_close(got, expected, 1e-12, &format!("{name} q={q}"));
        }
    }
}

#[test]
fn percentile_edge_cases() {
    assert!(percentile(&[], 50.0).is_nan());
    assert!(percentile(&[1.0, 2.0], f64::NAN).is_nan());
    // Clamped to the ends.
    assert_eq!(percentile(&[1.0, 2.0], -5.0), 1.0);
    assert_eq!(percentile(&[1.0, 2.0], 150.0), 2.0);
    assert_eq!(percentile(&[1.0, 2.0, 4.0], 75.0), 3.0);
}

/// (a) The interval is the percentile of the resampled means, checked by hand-written
/// interpolation on a case small enough to follow.
#[test]
fn bootstrap_ci_is_percentile_of_resampled_means() {
    let diffs = [1.0, 3.0];
    let means = sorted_bootstrap_means(&diffs, 16, 5);
    assert_eq!(means.len(), 16);
    // Two items resampled with replacement: every mean is 1, 2 or 3, and sorted.
    assert!(
        means.iter().all(|m| [1.0, 2.0, 3.0].contains(m)),
        "{means:?}"
    );
    assert!(means.windows(2).all(|w| w[0] <= w[1]));
    // level 0.5 -> quantiles 25% and 75%: virtual indices 15 * 0.25 = 3.75 and 11.25.
    let low = means[3] + 0.75 * (means[4] - means[3]);
    let high = means[11] + 0.25 * (means[12] - means[11]);
    assert_eq!(bootstrap_ci(&diffs, 16, 5, 0.5), (low, high));

    // The documented algorithm, written out: draw n indices with replacement per
    // resample from StdRng::seed_from_u64(seed), average, sort.
    let diffs = [0.5, -1.0, 2.0, 0.0, 0.25];
    let mut rng = StdRng::seed_from_u64(42);
    let mut expected: Vec<f64> = (0..50)
        .map(|_| (0..5).map(|_| diffs[rng.random_range(0..5)]).sum::<f64>() / 5.0)
        .collect();
    expected.sort_by(f64::total_cmp);
    assert_eq!(sorted_bootstrap_means(&diffs, 50, 42), expected);

    assert!(bootstrap_ci(&[], 10, 0, 0.95).0.is_nan());
    assert!(bootstrap_ci(&[1.0], 0, 0, 0.95).1.is_nan());
}

/// (b) Agreement with scipy.stats.bootstrap(method='percentile', n_resamples=200000).
///
/// The two sides use different random generators, so they agree only up to Monte-Carlo
/// error. The standard error of a bootstrap quantile from B resamples is about
/// sqrt(p(1-p)/B) / f(x_p); with the bootstrap distribution of the mean close to normal
/// with sd s (recorded by scipy), that is k * s / sqrt(B) with k = sqrt(p(1-p))/phi(z_p)
/// ≈ 2.67 at p = 0.025. Both sides draw 200 000 resamples, so the difference of the two
/// endpoints has sd k * s * sqrt(2 / 200 000) ≈ 0.0012 here, and we allow 5 of those.
/// That is tight enough to catch a wrong level: the 90% interval is ~0.04 narrower on
/// each side, more than 30 sd away, and the test checks that it would fail.
#[test]
fn bootstrap_ci_agrees_with_scipy() {
    let case = fixture("bootstrap.json")["cases"].clone();
    let diffs = nums(&case["diffs"]);
    let level = num(&case["level"]);
    let b_scipy = num(&case["scipy_resamples"]);
    let resamples = 200_000;
    let sd = num(&case["quantile_sd_factor"])
        * num(&case["bootstrap_sd"])
        * (1.0 / resamples as f64 + 1.0 / b_scipy).sqrt();
    let tol = 5.0 * sd;
    let (lo, hi) = (num(&case["ci_low"]), num(&case["ci_high"]));

    let (ours_lo, ours_hi) = bootstrap_ci(&diffs, resamples, 0, level);
    assert!(
        (ours_lo - lo).abs() < tol,
        "low {ours_lo} vs scipy {lo} (tol {tol})"
    );
    assert!(
        (ours_hi - hi).abs() < tol,
        "high {ours_hi} vs scipy {hi} (tol {tol})"
    );

    // The check has teeth: a 90% interval is far outside the tolerance.
    let (w_lo, w_hi) = bootstrap_ci(&diffs, resamples, 0, 0.90);
    assert!((w_lo - lo).abs() > 5.0 * tol && (w_hi - hi).abs() > 5.0 * tol);

    // paired() uses the same interval on b - a.
    let a = vec![0.0; diffs.len()];
    let opts = PairedOptions {
        resamples,
        seed: 0,
        level,
    };
    let r = paired(&a, &diffs, &opts).unwrap();
    assert_eq!((r.ci_low, r.ci_high), (ours_lo, ours_hi));
}

/// (c) Seeded: same seed, same interval; another seed, another interval.
#[test]
fn bootstrap_ci_is_seeded() {
    let diffs = nums(&fixture("bootstrap.json")["cases"]["diffs"]);
    let first = bootstrap_ci(&diffs, 2_000, 11, 0.95);
    assert_eq!(first, bootstrap_ci(&diffs, 2_000, 11, 0.95));
    let other = bootstrap_ci(&diffs, 2_000, 12, 0.95);
    assert_ne!(first, other);
    let opts = |seed| PairedOptions {
        resamples: 2_000,
        seed,
        level: 0.95,
    };
    let a = vec![0.0; diffs.len()];
    assert_eq!(
        paired(&a, &diffs, &opts(3)).unwrap(),
        paired(&a, &diffs, &opts(3)).unwrap()
    );
    assert_ne!(
        paired(&a, &diffs, &opts(3)).unwrap(),
        paired(&a, &diffs, &opts(4)).unwrap()
    );
}

#[test]
fn benjamini_hochberg_matches_statsmodels() {
    for case in cases("bh.json") {
        let name = case["name"].as_str().unwrap();
        let p = nums(&case["p"]);
        let expected = nums(&case["adjusted"]);
        let got = benjamini_hochberg(&p);
        assert_eq!(got.len(), p.len());
        for (i, (&g, &e)) in got.iter().zip(&expected).enumerate() {
            if e.is_nan() {
                assert!(g.is_nan(), "{name}[{i}]: expected NaN, got {g}");
            } else {
                assert_close(g, e, TOL, &format!("{name}[{i}]"));
            }
        }
        // The Option variant agrees, with None for the missing entries.
        let partial: Vec<Option<f64>> = p.iter().map(|&x| (!x.is_nan()).then_some(x)).collect();
        let got_partial = benjamini_hochberg_partial(&partial);
        for (g, e) in got_partial.iter().zip(&expected) {
            assert_eq!(g.is_none(), e.is_nan(), "{name}");
        }
        // Monotone in the raw p-values and never below them or above 1.
        let present: Vec<(f64, f64)> = p
            .iter()
            .zip(&got)
            .filter(|(x, _)| !x.is_nan())
            .map(|(&x, &g)| (x, g))
            .collect();
        for &(pi, gi) in &present {
            assert!(gi >= pi && gi <= 1.0, "{name}: {pi} -> {gi}");
            for &(pj, gj) in &present {
                if pi <= pj {
                    assert!(gi <= gj, "{name}: not monotone");
                }
            }
        }
    }
    assert!(benjamini_hochberg(&[]).is_empty());
}

#[test]
fn spearman_matches_scipy() {
    for case in cases("spearman.json") {
        let name = case["name"].as_str().unwrap();
        let rho = spearman(&nums(&case["x"]), &nums(&case["y"])).unwrap();
        assert_close(rho, num(&case["rho"]), TOL, name);
    }
}

#[test]
fn spearman_undefined_cases() {
    assert_eq!(spearman(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[4.0, 4.0, 4.0]), None);
    assert_eq!(spearman(&[1.0], &[2.0]), None);
    assert_eq!(spearman(&[], &[]), None);
    assert_eq!(spearman(&[1.0, 2.0], &[1.0, 2.0, 3.0]), None);
    assert_eq!(spearman(&[1.0, f64::NAN, 3.0], &[1.0, 2.0, 3.0]), None);
    assert_eq!(spearman(&[1.0, 2.0], &[5.0, 3.0]), Some(-1.0));
}

#[test]
fn symmetric_eigenvalues_match_numpy_eigvalsh() {
    for case in cases("eigen.json") {
        let name = case["name"].as_str().unwrap();
        let matrix = columns(&case["matrix"]);
        let expected = nums(&case["eigenvalues"]);
        let got = symmetric_eigenvalues(&matrix).unwrap();
        assert_eq!(got.len(), expected.len());
        // Eigenvalues are accurate relative to the matrix norm, not to each value.
        let scale = expected.iter().fold(1.0_f64, |m, e| m.max(e.abs()));
        for (g, e) in got.iter().zip(&expected) {
            assert!(
                (g - e).abs() <= TOL * scale,
                "{name}: {got:?} vs {expected:?}"
            );
        }
    }
    assert_eq!(symmetric_eigenvalues(&[]), Some(vec![]));
    assert_eq!(symmetric_eigenvalues(&[vec![1.0, 2.0]]), None);
    assert_eq!(
        symmetric_eigenvalues(&[vec![0.0, 1.0], vec![1.0, 0.0]]),
        Some(vec![-1.0, 1.0])
    );
}

#[test]
fn spearman_matrix_and_first_share_match_numpy() {
    for case in cases("pca.json") {
        let name = case["name"].as_str().unwrap();
        let cols = columns(&case["columns"]);

        let matrix = spearman_matrix(&cols);
        let expected = case["spearman_matrix"].as_array().unwrap();
        for (i, row) in matrix.iter().enumerate() {
            for (j, got) in row.iter().enumerate() {
                match expected[i][j].as_f64() {
                    Some(e) => assert_close(got.unwrap(), e, TOL, &format!("{name}[{i}][{j}]")),
                    None => assert_eq!(*got, None, "{name}[{i}][{j}]"),
                }
            }
        }

        // Eigenvalues of the matrix of usable (non-constant) columns.
        let usable: Vec<usize> = (0..cols.len())
            .filter(|&i| matrix[i][i].is_some())
            .collect();
        let sub: Vec<Vec<f64>> = usable
            .iter()
            .map(|&i| usable.iter().map(|&j| matrix[i][j].unwrap()).collect())
            .collect();
        let eig = symmetric_eigenvalues(&sub).unwrap();
        for (g, e) in eig.iter().zip(nums(&case["eigenvalues"])) {
            assert!((g - e).abs() <= TOL, "{name}: eigenvalue {g} vs {e}");
        }

        let share = first_component_share(&cols).unwrap();
        assert_close(share, num(&case["share"]), TOL, &format!("{name} share"));
    }
}

#[test]
fn first_share_undefined_cases() {
    // Fewer than 3 runs.
    assert_eq!(
        first_component_share(&[vec![1.0, 2.0], vec![2.0, 1.0]]),
        None
    );
    // Fewer than 2 usable columns once constants are dropped.
    assert_eq!(
        first_component_share(&[vec![1.0, 2.0, 3.0], vec![5.0, 5.0, 5.0]]),
        None
    );
    assert_eq!(first_component_share(&[vec![1.0, 2.0, 3.0]]), None);
    assert_eq!(first_component_share(&[]), None);
    // Ragged or non-finite.
    assert_eq!(
        first_component_share(&[vec![1.0, 2.0, 3.0], vec![1.0, 2.0]]),
        None
    );
    assert_eq!(
        first_component_share(&[vec![1.0, 2.0, 3.0], vec![1.0, f64::INFINITY, 0.0]]),
        None
    );
    // Identical rankings: everything on one component.
    let share = first_component_share(&[vec![1.0, 2.0, 3.0], vec![10.0, 20.0, 30.0]]).unwrap();
    assert!((share - 1.0).abs() < 1e-15);
}

/// Benchmarks × runs: each benchmark = loading * ability + noise.
fn synthetic(seed: u64, benchmarks: usize, runs: usize, loading: f64) -> Vec<Vec<f64>> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut normal = move || {
        // Box–Muller from two uniforms.
        let (u, v): (f64, f64) = (rng.random_range(1e-12..1.0), rng.random());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    };
    let ability: Vec<f64> = (0..runs).map(|_| normal()).collect();
    (0..benchmarks)
        .map(|_| ability.iter().map(|a| loading * a + normal()).collect())
        .collect()
}

#[test]
fn permutation_test_detects_a_shared_factor() {
    let cols = synthetic(1, 5, 20, 2.0);
    let r = permutation_test_first_component(&cols, 999, 7).unwrap();
    assert_eq!(r.observed, first_component_share(&cols).unwrap());
    assert!(r.p_value < 0.05, "{r:?}");
    assert!(r.observed > r.null_p95 && r.null_p95 > r.null_mean, "{r:?}");
    // Smallest p a 999-permutation test can give.
    assert!(r.p_value >= 1.0 / 1000.0);
    // Seeded.
    assert_eq!(r, permutation_test_first_component(&cols, 999, 7).unwrap());
}

#[test]
fn permutation_test_accepts_independent_benchmarks() {
    let cols = synthetic(2, 5, 20, 0.0);
    let r = permutation_test_first_component(&cols, 999, 7).unwrap();
    assert!(r.p_value > 0.05, "{r:?}");
    // Unrelated benchmarks still have a share above 1/k from chance alone.
    assert!(r.null_mean > 1.0 / 5.0 && r.null_mean < r.null_p95, "{r:?}");
}

#[test]
fn permutation_test_counts_ties_with_observed() {
    // Three runs, benchmarks A = B = [1, 2, 3] and C = [1, 3, 2]. Of the 6^3 equally likely
    // joint shuffles, exactly 7/9 give a share >= the observed one (enumerated with
    // scipy.spearmanr + numpy eigvalsh); many of them reproduce the observed correlations
    // with the benchmarks relabelled, where the eigen-solver may land an ulp below the
    // observed share. Comparing strictly counts only 5/9, so this test checks the
    // tolerance. With 3000 permutations the sd of p is about 0.008; allow ~4 sd.
    let cols = vec![
        vec![1.0, 2.0, 3.0],
        vec![1.0, 2.0, 3.0],
        vec![1.0, 3.0, 2.0],
    ];
    let r = permutation_test_first_component(&cols, 3000, 1).unwrap();
    assert!(
        (r.observed - 0.788_675_134_594_812_8).abs() < 1e-12,
        "{r:?}"
    );
    assert!((r.p_value - 7.0 / 9.0).abs() < 0.035, "{r:?}");

    // Identical rankings: share 1, reached when the two shuffles agree or are reversed
    // (2 of 6), so p is near 1/3.
    let cols = vec![vec![1.0, 2.0, 3.0], vec![10.0, 20.0, 30.0]];
    let r = permutation_test_first_component(&cols, 3000, 1).unwrap();
    assert!((r.observed - 1.0).abs() < 1e-15);
    assert!((r.p_value - 1.0 / 3.0).abs() < 0.035, "{r:?}");
}

#[test]
fn permutation_test_undefined_cases() {
    let cols = synthetic(3, 3, 10, 1.0);
    assert_eq!(permutation_test_first_component(&cols, 0, 0), None);
    assert_eq!(
        permutation_test_first_component(&[vec![1.0, 2.0, 3.0]], 100, 0),
        None
    );
}
