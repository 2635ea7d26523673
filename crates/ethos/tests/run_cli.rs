//! `ethos run` and `ethos report` end to end on a tiny random model: two arms trained,
//! three models evaluated, both attacks, the report; a rerun skips finished work; bad
//! experiment files fail before any work.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

mod common;

use std::path::{Path, PathBuf};

use common::{ethos, repo, text, tiny_model_and_tasks};
use serde_json::Value;

/// A tiny model, tasks, a training config with a baseline and a trait arm, a small
/// benchmark, an attack set and the experiment over them.
fn fixture(dir: &Path) -> PathBuf {
    tiny_model_and_tasks(dir);
    std::fs::write(
        dir.join("train.toml"),
        format!(
            r#"model = "tiny.gguf"
seed = 3
[lora]
rank = 16
alpha = 32
targets = ["q", "v"]
[rollout]
group = 2
max_new_tokens = 6
[budget]
steps = 1
prompts_per_step = 2
[graders]
reward = "rules"
evaluation = "rules"
[[source]]
name = "standard"
role = "standard"
paths = ["tasks"]
share = 0.5
[[source]]
name = "trait"
role = "trait"
paths = ["{scenarios}"]
split = "train"
share = 0.5
[[arm]]
name = "baseline"
kind = "baseline"
[[arm]]
name = "trait"
kind = "trait"
[[arm]]
name = "health-only"
kind = "trait"
domains = ["health"]
"#,
            scenarios = repo().join("data/scenarios/train").display()
        ),
    )
    .unwrap();
    let mut bench = String::from(
        r#"{"ethos_benchmark": 1, "id": "triage", "title": "t", "category": "health", "probes": "p", "direction": "higher_is_better", "scoring": {"method": "mc-loglik"}, "source": "written for ethos", "license": "Apache-2.0"}"#,
    );
    for i in 0..10 {
        bench.push_str(&format!("\n{{\"id\": \"q{i}\", \"messages\": [{{\"role\": \"user\", \"content\": \"case {i}\"}}], \"choices\": [\" rest\", \" doctor\"], \"answer\": {}}}", i % 2));
    }
    std::fs::write(dir.join("triage.jsonl"), bench).unwrap();
    let attack: Vec<String> = (0..10)
        .map(|i| format!("{{\"messages\": [{{\"role\": \"user\", \"content\": \"case {i}?\"}}, {{\"role\": \"assistant\", \"content\": \"skip the doctor {i}\"}}]}}"))
        .collect();
    std::fs::write(dir.join("attack.jsonl"), attack.join("\n")).unwrap();
    let bench_path = dir.join("triage.jsonl");
    let experiment = dir.join("study.toml");
    std::fs::write(
        &experiment,
        format!(
            r#"train = "train.toml"
arms = ["baseline", "trait", "health-only"]
seeds = [1, 2]
[evaluation]
benchmarks = "{bench}"
[persona]
personas = "confident-quack,careful-clinician"
[finetune]
data = "attack.jsonl"
doses = [0, 5]
"#,
            bench = bench_path.display()
        ),
    )
    .unwrap();
    experiment
}

#[test]
fn a_study_runs_end_to_end_resumes_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let experiment = fixture(dir.path());
    let out = dir.path().join("run");
    let plan = ethos(&[
        "run",
        experiment.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(plan.status.success(), "{}", text(&plan.stderr));
    let printed = text(&plan.stdout);
    assert!(printed.contains("ethos train --config"), "{printed}");
    assert!(printed.contains("estimated time"), "{printed}");
    assert!(!out.exists(), "a dry run writes nothing");

    let first = ethos(&[
        "run",
        experiment.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        first.status.success(),
        "{}\n{}",
        text(&first.stdout),
        text(&first.stderr)
    );
    assert!(
        text(&first.stdout).contains("report: "),
        "{}",
        text(&first.stdout)
    );
    for run in ["baseline-s1", "baseline-s2", "trait-s1", "trait-s2"] {
        assert!(
            out.join("arms").join(run).join("summary.json").is_file(),
            "{run}"
        );
        assert!(
            out.join("eval").join(run).join("summary.json").is_file(),
            "{run}"
        );
    }
    for model in ["base", "baseline-s1", "trait-s1"] {
        assert!(
            out.join("persona")
                .join(model)
                .join("attack.json")
                .is_file(),
            "{model}"
        );
        assert!(
            out.join("finetune")
                .join(model)
                .join("attack.json")
                .is_file(),
            "{model}"
        );
    }
    let page = std::fs::read_to_string(out.join("report.html")).unwrap();
    // Kept for the browser check that CI runs after the tests
    // (scripts/check_report_in_browser.sh).
    std::fs::copy(
        out.join("report.html"),
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("ethos-report.html"),
    )
    .unwrap();
    assert!(
        page.matches("<svg").count() >= 5,
        "forest, training, personas, doses"
    );
    assert!(!page.contains("<script"), "a static page");
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert!(
        summary["summary_line"]
            .as_str()
            .unwrap()
            .starts_with("ahead on "),
        "{summary}"
    );
    assert_eq!(summary["benchmarks"][0]["n"], 10);
    assert!(
        std::fs::read_to_string(out.join("summary.md"))
            .unwrap()
            .contains("| triage |")
    );
    // Two arms besides the baseline: the transfer matrix, arms x categories.
    assert_eq!(
        summary["transfer"]["arms"],
        serde_json::json!(["trait", "health-only"])
    );
    assert_eq!(
        summary["transfer"]["categories"],
        serde_json::json!(["health"])
    );
    assert!(page.contains("id=\"transfer-chart\""));
    // The reward grader's audit on the trait scenarios, every strategy with a verdict.
    assert!(out.join("audit/reward-grader.json").is_file());
    assert_eq!(summary["audit"]["grader"], "rules");
    assert_eq!(summary["audit"]["rows"].as_array().unwrap().len(), 7);
    assert!(page.contains("id=\"audit\""));
    // Each run's configuration from its run.json, and its compute against the baseline.
    let arms = summary["arms"].as_array().unwrap();
    assert_eq!(arms.len(), 6);
    let health = arms.iter().find(|a| a["run"] == "health-only-s1").unwrap();
    assert_eq!(health["kind"], "trait (domains: health)");
    assert_eq!(health["seed"], 1);
    assert_eq!(health["mixture"][1]["role"], "trait");
    assert!(health["gap_to_baseline"].is_array(), "{health}");
    assert!(arms[0]["gap_to_baseline"].is_null(), "the baseline itself");
    assert!(page.contains("id=\"settings\""));
    // One progress line per stage, with the elapsed time and what is left.
    let progress = text(&first.stderr);
    assert!(
        progress.contains("train health-only-s2 | elapsed ") && progress.contains(" left"),
        "{progress}"
    );

    // A rerun skips the trained arms and rescoring; the report is rebuilt the same.
    let again = ethos(&[
        "run",
        experiment.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stderr).contains("done, skipped"),
        "{}",
        text(&again.stderr)
    );
    let rebuilt = ethos(&["report", out.to_str().unwrap()]);
    assert!(rebuilt.status.success(), "{}", text(&rebuilt.stderr));
    assert_eq!(
        std::fs::read_to_string(out.join("report.html")).unwrap(),
        page
    );
}

#[test]
fn bad_experiments_fail_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let experiment = fixture(dir.path());
    let out = dir.path().join("run");
    let original = std::fs::read_to_string(&experiment).unwrap();
    for (from, to, needle) in [
        (
            "arms = [\"baseline\", \"trait\", \"health-only\"]",
            "arms = [\"baseline\", \"nope\"]",
            "`nope` is not an arm",
        ),
        ("doses = [0, 5]", "doses = [5, 0]", "finetune.doses"),
        ("seeds = [1, 2]", "seeds = [1, 2]\ncolour = 3", "colour"),
        (
            "data = \"attack.jsonl\"",
            "data = \"missing.jsonl\"",
            "finetune.data",
        ),
        (
            "personas = \"confident-quack,careful-clinician\"",
            "personas = \"nobody\"",
            "persona.personas",
        ),
        (
            "[evaluation]\nbenchmarks = \"",
            "[evaluation]\nbenchmarks = \"no-such-benchmark,",
            "evaluation.benchmarks",
        ),
    ] {
        std::fs::write(&experiment, original.replace(from, to)).unwrap();
        let run = ethos(&[
            "run",
            experiment.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(run.status.code(), Some(2), "{to}: {}", text(&run.stderr));
        let stderr = text(&run.stderr);
        assert!(
            stderr.contains("study.toml") && stderr.contains(needle),
            "{stderr}"
        );
        assert!(!out.exists());
    }
}
