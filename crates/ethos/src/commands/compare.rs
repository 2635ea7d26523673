//! `ethos compare`: are two arms compute-matched?

use std::process::ExitCode;

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
    if !(args.tolerance.is_finite() && args.tolerance >= 0.0) {
        eprintln!(
            "error: --tolerance must be a fraction >= 0 (0.02 = 2%), got {}",
            args.tolerance
        );
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let mut summaries = Vec::new();
    for run in [&args.a, &args.b] {
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
        args.a.display(),
        a.arm.as_deref().unwrap_or("-"),
        args.b.display(),
        b.arm.as_deref().unwrap_or("-")
    );
    print!("{}", table(&a.compute, &b.compute));
    match check_matched(&a.compute, &b.compute, args.tolerance) {
        Ok(()) => {
            println!(
                "compute-matched within {:.1}% (estimated FLOPs and generated tokens)",
                100.0 * args.tolerance
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(why) => {
            println!("{why}");
            Ok(ExitCode::FAILURE)
        }
    }
}
