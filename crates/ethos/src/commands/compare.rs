//! `ethos compare`: paired statistics between two evaluation runs (or sets of seeds), or
//! whether two training arms are compute-matched.

use std::path::Path;
use std::process::ExitCode;

use ethos_eval::compare::{Comparison, PairedDifference, Side, compare, is_eval_run};
use ethos_eval::dose::{FinetuneComparison, compare_finetune_attacks, is_finetune_attack};
use ethos_eval::persona::{
    DegradationDifference, PersonaAttackComparison, compare_persona_attacks, is_persona_attack,
};
use ethos_eval::stats::PairedOptions;

use ethos_train::compute::relative_gap;
use ethos_train::{ComputeTotals, check_matched, load_summary};

use super::EXIT_INVALID;
use crate::cli::CompareArgs;

/// The totals side by side with their gaps.
fn table(a: &ComputeTotals, b: &ComputeTotals) -> String {
    let rows = [
        ("steps", a.steps as f64, b.steps as f64),
        (
            "generated tokens",
            a.generated_tokens as f64,
            b.generated_tokens as f64,
        ),
        (
            "trained tokens",
            a.trained_tokens as f64,
            b.trained_tokens as f64,
        ),
        (
            "forward positions",
            a.forward_tokens as f64,
            b.forward_tokens as f64,
        ),
        ("rollout FLOPs", a.rollout_flops, b.rollout_flops),
        ("update FLOPs", a.update_flops, b.update_flops),
        ("total FLOPs", a.flops(), b.flops()),
    ];
    let mut out = format!("{:<18} {:>14} {:>14} {:>8}\n", "", "A", "B", "gap");
    for (name, x, y) in rows {
        out.push_str(&format!(
            "{name:<18} {x:>14.4e} {y:>14.4e} {:>7.2}%\n",
            100.0 * relative_gap(x, y)
        ));
    }
    out
}

pub fn run(args: CompareArgs) -> anyhow::Result<ExitCode> {
    let all = || args.a.0.iter().chain(&args.b.0);
    if all().any(|dir| is_persona_attack(dir)) {
        return compare_persona(&args);
    }
    if all().any(|dir| is_finetune_attack(dir)) {
        return compare_finetune(&args);
    }
    if all().all(|dir| is_eval_run(dir)) {
        return compare_evals(&args);
    }
    if all().any(|dir| is_eval_run(dir)) {
        eprintln!(
            "error: compare evaluation runs with evaluation runs, training runs with training runs"
        );
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let ([a], [b]) = (args.a.0.as_slice(), args.b.0.as_slice()) else {
        eprintln!("error: the compute check compares one training run with one other");
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    check_compute(args.tolerance, a, b)
}

fn check_compute(tolerance: f64, run_a: &Path, run_b: &Path) -> anyhow::Result<ExitCode> {
    if !(tolerance.is_finite() && tolerance >= 0.0) {
        eprintln!("error: --tolerance must be a fraction >= 0 (0.02 = 2%), got {tolerance}");
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let mut summaries = Vec::new();
    for run in [run_a, run_b] {
        match load_summary(run) {
            Ok(summary) => summaries.push(summary),
            Err(err) => {
                eprintln!("error: {err}");
                return Ok(ExitCode::from(EXIT_INVALID));
            }
        }
    }
    let (a, b) = (&summaries[0], &summaries[1]);
    println!(
        "A: {} (arm {})\nB: {} (arm {})",
        run_a.display(),
        a.arm.as_deref().unwrap_or("-"),
        run_b.display(),
        b.arm.as_deref().unwrap_or("-")
    );
    print!("{}", table(&a.compute, &b.compute));
    match check_matched(&a.compute, &b.compute, tolerance) {
        Ok(()) => {
            println!(
                "compute-matched within {:.1}% (estimated FLOPs and generated tokens)",
                100.0 * tolerance
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(why) => {
            println!("{why}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn compare_evals(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let sides = Side::load(&args.a.0).and_then(|a| Side::load(&args.b.0).map(|b| (a, b)));
    let (baseline, candidate) = match sides {
        Ok(sides) => sides,
        Err(err) => {
            eprintln!("error: {err}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    let options = PairedOptions {
        resamples: args.resamples.max(1),
        seed: args.seed,
        ..PairedOptions::default()
    };
    let comparison = compare(&baseline, &candidate, &options)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&comparison)?);
    } else {
        print_comparison(&comparison);
    }
    Ok(ExitCode::SUCCESS)
}

fn points(value: f64) -> String {
    format!("{:+.1}", 100.0 * value)
}

fn difference_cells(d: &PairedDifference) -> String {
    format!(
        "{:>5} {:>6.3} {:>6.3} {:>6} [{:>6}, {:>6}] {:>7}",
        d.n,
        d.baseline,
        d.candidate,
        points(d.diff),
        points(d.ci.0),
        points(d.ci.1),
        d.p.map_or("-".to_string(), |p| format!("{p:.4}"))
    )
}

fn print_comparison(c: &Comparison) {
    println!("baseline:  {}", c.baseline.join(", "));
    println!("candidate: {}", c.candidate.join(", "));
    println!(
        "\n{:<44} {:>6} {:>5} {:>6} {:>6} {:>6} {:>16} {:>7} {:>7}",
        "benchmark", "better", "n", "base", "cand", "diff", "95% CI (points)", "p", "p (BH)"
    );
    for row in &c.benchmarks {
        let Some(all) = &row.all else { continue };
        let verdict = match (row.significant, row.ahead) {
            _ if all.diff == 0.0 => "even",
            (true, true) => "significant gain",
            (true, false) => "significant regression",
            (false, true) => "ahead",
            (false, false) => "behind",
        };
        println!(
            "{:<44} {:>6} {} {:>7}  {verdict}",
            row.benchmark,
            match row.direction {
                ethos_core::Direction::HigherIsBetter => "higher",
                ethos_core::Direction::LowerIsBetter => "lower",
            },
            difference_cells(all),
            row.p_adjusted
                .map_or("-".to_string(), |p| format!("{p:.4}")),
        );
    }
    let refusing: Vec<_> = c
        .benchmarks
        .iter()
        .filter(|r| r.baseline_refusal_rate > 0.0 || r.candidate_refusal_rate > 0.0)
        .collect();
    if !refusing.is_empty() {
        println!(
            "\nrefusals (share of records), and the paired result on items neither side refused:"
        );
        for row in refusing {
            println!(
                "{:<44} base {:>5.1}%  cand {:>5.1}%  {}",
                row.benchmark,
                100.0 * row.baseline_refusal_rate,
                100.0 * row.candidate_refusal_rate,
                row.without_refusals
                    .as_ref()
                    .map_or("no item without refusals".to_string(), difference_cells)
            );
        }
    }
    if !c.skipped.is_empty() {
        println!(
            "\nnot compared (only one side has them, or no shared scored items): {}",
            c.skipped.join(", ")
        );
    }
    println!("\n{}", c.summary_line);
}

fn compare_persona(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let ([a], [b]) = (args.a.0.as_slice(), args.b.0.as_slice()) else {
        eprintln!("error: persona attacks are compared one run with one other");
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let level = PairedOptions::default().level;
    let comparison = match compare_persona_attacks(a, b, args.resamples.max(1), args.seed, level) {
        Ok(c) => c,
        Err(err) => {
            eprintln!("error: {err}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&comparison)?);
    } else {
        print_persona_comparison(&comparison);
    }
    Ok(ExitCode::SUCCESS)
}

fn degradation_cells(d: &DegradationDifference) -> String {
    format!(
        "{:>5} {:>7} {:>7} {:>7} [{:>6}, {:>6}]",
        d.n,
        points(d.baseline),
        points(d.candidate),
        points(d.difference),
        points(d.ci.0),
        points(d.ci.1)
    )
}

fn print_persona_comparison(c: &PersonaAttackComparison) {
    println!("baseline:  {}", c.baseline.display());
    println!("candidate: {}", c.candidate.display());
    println!(
        "\ndegradation in points (positive is worse); difference = baseline - candidate (positive: the candidate held better)"
    );
    println!(
        "{:<24} {:<8} {:<9} {:>5} {:>7} {:>7} {:>7} {:>16}",
        "persona", "kind", "scope", "n", "base", "cand", "diff", "95% CI"
    );
    for p in &c.personas {
        println!(
            "{:<24} {:<8} {:<9} {}",
            p.persona,
            match p.kind {
                ethos_eval::persona::PersonaKind::Harmful => "harmful",
                ethos_eval::persona::PersonaKind::Helpful => "helpful",
            },
            p.scope,
            degradation_cells(&p.result)
        );
    }
    for (name, pooled) in [("all harmful", &c.harmful), ("all helpful", &c.helpful)] {
        if let Some(d) = pooled {
            println!(
                "{name:<24} {:<8} {:<9} {}",
                "pooled",
                "",
                degradation_cells(d)
            );
        }
    }
    println!("\n{}", c.verdict);
}

fn compare_finetune(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let ([a], [b]) = (args.a.0.as_slice(), args.b.0.as_slice()) else {
        eprintln!("error: fine-tuning attacks are compared one run with one other");
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let level = PairedOptions::default().level;
    let comparison = match compare_finetune_attacks(a, b, args.resamples.max(1), args.seed, level) {
        Ok(c) => c,
        Err(err) => {
            eprintln!("error: {err}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&comparison)?);
    } else {
        print_finetune_comparison(&comparison);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_finetune_comparison(c: &FinetuneComparison) {
    println!("baseline:  {}", c.baseline.display());
    println!("candidate: {}", c.candidate.display());
    if !c.same_attack {
        println!("warning: the two runs used different attack data or recipes");
    }
    println!("\ndegradation against dose 0 in points, pooled over items of every shared benchmark");
    println!(
        "{:>6} {:>6} {:>7} {:>7} {:>7} {:>16} {:>7} {:>18}",
        "dose", "n", "base", "cand", "diff", "95% CI", "ratio", "ratio 95% CI"
    );
    for d in &c.doses {
        println!(
            "{:>6} {:>6} {:>7} {:>7} {:>7} [{:>6}, {:>6}] {:>7} {:>18}",
            d.dose,
            d.n,
            points(d.baseline),
            points(d.candidate),
            points(d.difference),
            points(d.difference_ci.0),
            points(d.difference_ci.1),
            d.ratio.map_or("-".to_string(), |r| format!("{r:.2}")),
            d.ratio_ci
                .map_or("-".to_string(), |(l, h)| format!("[{l:.2}, {h:.2}]"))
        );
    }
    let auc = |v: Option<f64>| v.map_or("-".to_string(), points);
    println!(
        "\narea under the degradation curve: baseline {}, candidate {} (ratio = baseline / candidate degradation)",
        auc(c.auc.0),
        auc(c.auc.1)
    );
}
