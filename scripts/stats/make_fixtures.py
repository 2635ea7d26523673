#!/usr/bin/env python3
"""Reference values for crates/ethos-eval/src/stats.rs, computed with numpy/scipy/statsmodels.

Deterministic (seeded numpy data). Run from the repository root with a Python that has
numpy, scipy and statsmodels (the versions used are recorded in each file):

    python scripts/stats/make_fixtures.py [--out crates/ethos-eval/tests/fixtures/stats]

Writes one JSON file per function family; crates/ethos-eval/tests/stats.rs reads them.
Values are rounded to nothing: json writes the shortest repr that round-trips a double.
"""
import argparse
import json
import math
import os

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
from statsmodels.stats.multitest import multipletests

VERSIONS = {
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "statsmodels": statsmodels.__version__,
}


def floats(xs):
    """Plain Python floats (None for NaN) so json stays strict."""
    return [None if math.isnan(float(x)) else float(x) for x in np.asarray(xs).ravel()]


def paired_cases(rng):
    """ttest_rel, means and sem; t is for candidate minus baseline, i.e. ttest_rel(b, a)."""
    cases = []

    def add(name, a, b):
        a = np.asarray(a, dtype=float)
        b = np.asarray(b, dtype=float)
        d = b - a
        res = st.ttest_rel(b, a)
        cases.append({
            "name": name,
            "a": floats(a),
            "b": floats(b),
            "mean_a": float(np.mean(a)),
            "mean_b": float(np.mean(b)),
            "diff": float(np.mean(d)),
            "se": float(st.sem(d, ddof=1)),
            "t": float(res.statistic),
            "p": float(res.pvalue),
        })

    # Continuous judge-style scores in [0, 10], small positive shift.
    a = np.clip(rng.normal(6.0, 1.5, 30), 0, 10)
    add("continuous_n30", a, np.clip(a + rng.normal(0.3, 1.0, 30), 0, 10))
    # Binary accuracy items (many tied differences of -1, 0, +1).
    a = (rng.random(40) < 0.55).astype(float)
    b = (rng.random(40) < 0.65).astype(float)
    add("binary_n40", a, b)
    # Candidate worse than baseline: negative t.
    a = rng.normal(0.7, 0.1, 25)
    add("negative_n25", a, a - rng.normal(0.05, 0.08, 25))
    # Two items: one degree of freedom.
    add("two_items", [0.2, 0.9], [0.5, 1.0])
    # A very large effect: p in the 1e-20s tests the tail of the t distribution.
    a = rng.normal(0.5, 0.05, 50)
    add("large_effect_n50", a, a + rng.normal(0.2, 0.03, 50))
    # No effect: p near 1.
    a = rng.normal(3.0, 1.0, 12)
    d = rng.normal(0.0, 1.0, 12)
    add("null_n12", a, a + (d - d.mean()) + 1e-3)
    return cases


def bh_cases(rng):
    """multipletests(p, method='fdr_bh')[1]; NaN entries (None in JSON) are left out of
    the family and come back as None."""
    vectors = {
        "unsorted_random": rng.random(15) ** 3,
        "with_ties": [0.01, 0.04, 0.03, 0.04, 0.04, 0.2, 0.01, 0.9, 0.03],
        "cap_at_one": [0.8, 0.95, 1.0, 0.99, 0.7],
        "with_zero_and_one": [0.0, 1.0, 0.5, 0.001, 0.0],
        "single": [0.03],
        "all_equal": [0.02, 0.02, 0.02, 0.02],
        "non_monotone_raw": [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205],
        "with_nan": [0.04, float("nan"), 0.01, 0.3, float("nan"), 0.02],
    }
    cases = []
    for name, p in vectors.items():
        p = np.asarray(p, dtype=float)
        ok = ~np.isnan(p)
        adjusted = np.full(p.shape, np.nan)
        adjusted[ok] = multipletests(p[ok], method="fdr_bh")[1]
        cases.append({"name": name, "p": floats(p), "adjusted": floats(adjusted)})
    return cases


def spearman_cases(rng):
    cases = []

    def add(name, x, y):
        res = st.spearmanr(x, y)
        cases.append({"name": name, "x": floats(x), "y": floats(y), "rho": float(res.statistic)})

    x = rng.normal(size=20)
    add("continuous_n20", x, x + rng.normal(size=20))
    # Integer scores with many ties on both sides.
    add("ties_n25", rng.integers(0, 5, 25), rng.integers(0, 4, 25))
    x = rng.integers(0, 6, 18)
    add("ties_correlated_n18", x, x + rng.integers(0, 3, 18))
    add("perfect_negative", [1, 2, 3, 4, 5], [10, 8, 6, 4, 2])
    add("three_points", [0.1, 0.5, 0.3], [2.0, 2.0, 7.0])
    return cases


def benchmark_columns(rng, runs, loadings, noise, ties=False, constant=False):
    """Scores of len(loadings) benchmarks across `runs` runs driven by one latent ability."""
    ability = rng.normal(size=runs)
    cols = []
    for w in loadings:
        c = w * ability + noise * rng.normal(size=runs)
        if ties:
            c = np.round(c * 2) / 2
        cols.append(c)
    if constant:
        cols.append(np.full(runs, 0.75))
    return cols


def pca_cases(rng):
    """Spearman matrix, eigvalsh and first-component share of benchmark columns across runs.
    Constant columns are dropped before the matrix, as the Rust side does."""
    sets = {
        "factor_6x12": benchmark_columns(rng, 12, [1.0, 0.8, 0.9, 0.5, 0.7, 0.3], 0.6),
        "ties_and_constant_5x15": benchmark_columns(
            rng, 15, [1.0, 1.0, 0.6, 0.2], 0.8, ties=True, constant=True),
        "independent_4x10": benchmark_columns(rng, 10, [0.0, 0.0, 0.0, 0.0], 1.0),
        "two_columns_x8": benchmark_columns(rng, 8, [1.0, 0.7], 0.7),
    }
    cases = []
    for name, cols in sets.items():
        cols = [np.asarray(c, dtype=float) for c in cols]
        usable = [c for c in cols if np.ptp(c) > 0]
        k = len(usable)
        data = np.column_stack(usable)
        rho = st.spearmanr(data).statistic
        matrix = np.array([[1.0, rho], [rho, 1.0]]) if k == 2 else np.asarray(rho)
        eig = np.linalg.eigvalsh(matrix)
        full = []  # spearman_matrix over all columns, None where a column is constant
        for ci in cols:
            row = []
            for cj in cols:
                if np.ptp(ci) == 0 or np.ptp(cj) == 0:
                    row.append(None)
                else:
                    row.append(float(st.spearmanr(ci, cj).statistic))
            full.append(row)
        cases.append({
            "name": name,
            "columns": [floats(c) for c in cols],
            "spearman_matrix": full,
            "eigenvalues": floats(eig),
            "share": float(eig[-1] / k),
        })
    return cases


def eigen_cases(rng):
    """eigvalsh of general symmetric matrices (not only correlation matrices)."""
    cases = []
    for name, n in [("sym_3", 3), ("sym_5", 5), ("sym_8", 8)]:
        m = rng.normal(size=(n, n))
        m = (m + m.T) / 2
        cases.append({"name": name, "matrix": [floats(r) for r in m],
                      "eigenvalues": floats(np.linalg.eigvalsh(m))})
    # Repeated eigenvalues and an already diagonal matrix.
    m = np.diag([2.0, 2.0, -1.0, 0.5])
    cases.append({"name": "diagonal_repeated", "matrix": [floats(r) for r in m],
                  "eigenvalues": floats(np.linalg.eigvalsh(m))})
    m = np.full((4, 4), 0.9) + 0.1 * np.eye(4)
    cases.append({"name": "equicorrelated_4", "matrix": [floats(r) for r in m],
                  "eigenvalues": floats(np.linalg.eigvalsh(m))})
    return cases


def percentile_cases(rng):
    qs = [0.0, 2.5, 10.0, 25.0, 50.0, 62.5, 90.0, 97.5, 99.9, 100.0]
    arrays = {
        "normal_n37": rng.normal(size=37),
        "ties_n10": [1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 5.0, 5.0, 8.0, 13.0],
        "single": [4.2],
        "two": [-1.0, 3.0],
        "uniform_n200": rng.random(200),
    }
    cases = []
    for name, x in arrays.items():
        x = np.asarray(x, dtype=float)
        cases.append({"name": name, "values": floats(x), "q": qs,
                      "percentile": floats(np.percentile(x, qs))})
    return cases


def bootstrap_case(rng):
    """scipy.stats.bootstrap percentile CI of the mean of one sample of differences.

    The Rust test compares its own CI (different RNG) within a Monte-Carlo tolerance.
    Standard error of a bootstrap quantile estimated from B resamples is about
    sqrt(p (1 - p) / B) / f(x_p), with f the density of the bootstrap distribution at the
    quantile; with f taken as normal with sd = the standard error of the mean (se), that is
    sqrt(p (1 - p)) / phi(z_p) * se / sqrt(B). We record se and that factor so the test can
    state its tolerance in units of it."""
    d = rng.normal(0.15, 0.9, 60)
    resamples = 200_000
    res = st.bootstrap((d,), np.mean, n_resamples=resamples, method="percentile",
                       confidence_level=0.95, rng=np.random.default_rng(12345))
    p = 0.025
    z = st.norm.ppf(1 - p)
    factor = math.sqrt(p * (1 - p)) / st.norm.pdf(z)
    return {
        "diffs": floats(d),
        "level": 0.95,
        "scipy_resamples": resamples,
        "ci_low": float(res.confidence_interval.low),
        "ci_high": float(res.confidence_interval.high),
        "bootstrap_sd": float(res.standard_error),
        "se_mean": float(st.sem(d, ddof=0)),
        "quantile_sd_factor": factor,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="crates/ethos-eval/tests/fixtures/stats")
    parser.add_argument("--seed", type=int, default=20240611)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    os.makedirs(args.out, exist_ok=True)
    files = {
        "paired.json": paired_cases(rng),
        "bh.json": bh_cases(rng),
        "spearman.json": spearman_cases(rng),
        "pca.json": pca_cases(rng),
        "eigen.json": eigen_cases(rng),
        "percentile.json": percentile_cases(rng),
        "bootstrap.json": bootstrap_case(rng),
    }
    for name, cases in files.items():
        path = os.path.join(args.out, name)
        with open(path, "w") as f:
            json.dump({"versions": VERSIONS, "seed": args.seed, "cases": cases}, f,
                      allow_nan=False)
            f.write("\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
