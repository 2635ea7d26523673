//! `ethos attack`: persistence attacks on top of the evaluation runner.

use std::process::ExitCode;

use ethos_eval::persona::{PersonaAttack, PersonaKind, PersonaLibrary, Push, run_persona_attack};

use super::EXIT_INVALID;
use super::eval::{EvalSetup, eval_failure, progress_bar};
use crate::cli::{AttackCommand, PersonaArgs};

pub fn run(command: AttackCommand) -> anyhow::Result<ExitCode> {
    match command {
        AttackCommand::Persona(args) => run_persona(args),
    }
}

fn kind_name(kind: PersonaKind) -> &'static str {
    match kind {
        PersonaKind::Harmful => "harmful",
        PersonaKind::Helpful => "helpful",
    }
}

fn push_name(push: Push) -> &'static str {
    match push {
        Push::Worse => "worse",
        Push::Better => "better",
    }
}

fn run_persona(args: PersonaArgs) -> anyhow::Result<ExitCode> {
    let mut library = PersonaLibrary::builtin()?;
    for file in &args.persona_file {
        if let Err(err) = library.add_file(file) {
            eprintln!("error: {err}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    }
    if args.list {
        if args.eval.json {
            println!("{}", serde_json::to_string_pretty(&library.all())?);
        } else {
            for p in library.all() {
                let targets: Vec<String> = p
                    .targets
                    .iter()
                    .map(|(c, push)| format!("{c} {}", push_name(*push)))
                    .collect();
                println!(
                    "{:<24} {:<8} {}  [{}]",
                    p.id,
                    kind_name(p.kind),
                    p.title,
                    targets.join(", ")
                );
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(selection) = &args.personas else {
        eprintln!("error: --personas is required (or --list)");
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let personas = match library.select(selection) {
        Ok(p) => p,
        Err(err) => {
            eprintln!("error: {err}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    if args.eval.system_prompt.is_some() {
        eprintln!("error: --system-prompt: a persona attack sets the system prompt itself");
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let Some(out) = &args.eval.out else {
        eprintln!("error: --out is required");
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let setup = match EvalSetup::open(&args.eval)? {
        Ok(setup) => setup,
        Err(code) => return Ok(code),
    };
    let benchmarks = setup.benchmarks();
    let models = setup.models();
    eprintln!(
        "ethos attack persona: {} on {} benchmark(s), clean and under {} persona(s) -> {}",
        models.model.id(),
        benchmarks.len(),
        personas.len(),
        out.display()
    );
    let mut progress = progress_bar(args.eval.quiet);
    let attack = match run_persona_attack(
        out,
        &benchmarks,
        &personas,
        &models,
        &setup.settings,
        &mut progress,
    ) {
        Ok(attack) => attack,
        Err(err) => return eval_failure(err, &mut progress),
    };
    if args.eval.json {
        println!("{}", serde_json::to_string_pretty(&attack)?);
    } else {
        print_persona_attack(&attack);
        println!("records and attack.json in {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn fmt(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

fn print_persona_attack(attack: &PersonaAttack) {
    println!("model {}", attack.model);
    println!(
        "{:<24} {:<8} {:<44} {:>5} {:>7} {:>8} {:>11}  push",
        "persona", "kind", "benchmark", "n", "clean", "attacked", "degradation"
    );
    for row in &attack.rows {
        println!(
            "{:<24} {:<8} {:<44} {:>5} {:>7} {:>8} {:>11}  {}{}",
            row.persona,
            kind_name(row.kind),
            row.benchmark,
            row.n,
            fmt(row.clean),
            fmt(row.attacked),
            fmt(row.degradation),
            push_name(row.push),
            if row.targeted { "" } else { " (not targeted)" }
        );
    }
    println!(
        "degradation: how much worse the persona made the score (positive is worse; direction-aware)"
    );
}
