//! `ethos bench`, `ethos eval`, `ethos compare` and `ethos eval correlate` end to end:
//! every public format imported from the fixtures and evaluated on a tiny random model,
//! resume after `kill -9`, and clear errors before any work.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{ethos, start_server};
use ethos_model::tiny::TinyModel;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ethos-eval/tests/fixtures/import")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn tiny(dir: &Path) -> PathBuf {
    let path = dir.join("tiny.gguf");
    // Byte-level tokens: imported prompts need a longer context than the default 256.
    TinyModel {
        context: 2048,
        ..TinyModel::default()
    }
    .write_gguf(&path)
    .unwrap();
    path
}

/// Imports every format's fixtures into `out`, one folder per format.
fn import_all(out: &Path) {
    for format in [
        "anthropic-evals",
        "truthfulqa",
        "bbq",
        "healthbench",
        "mask",
        "emergent-misalignment",
        "sycophancy-eval",
        "darkbench",
    ] {
        let source = fixtures().join(format);
        let dest = out.join(format);
        let run = ethos(&[
            "bench",
            "import",
            format,
            source.to_str().unwrap(),
            "--out",
            dest.to_str().unwrap(),
        ]);
        assert!(run.status.success(), "{format}: {}", text(&run.stderr));
        assert!(
            std::fs::read_dir(&dest).unwrap().count() > 0,
            "{format} wrote no benchmark"
        );
    }
}

fn records(run: &Path) -> Vec<Value> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(run.join("records")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        out.extend(
            text.lines()
                .map(|l| serde_json::from_str::<Value>(l).unwrap()),
        );
    }
    out
}

#[test]
fn every_imported_format_evaluates_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let model = tiny(dir.path());
    let benchmarks = dir.path().join("benchmarks");
    import_all(&benchmarks);
    let list = ethos(&["bench", "list", "--json", benchmarks.to_str().unwrap()]);
    assert!(list.status.success(), "{}", text(&list.stderr));
    // The listing also holds the built-in suite; keep the imported benchmarks.
    let listed: Vec<Value> = serde_json::from_slice::<Vec<Value>>(&list.stdout)
        .unwrap()
        .into_iter()
        .filter(|b| !b["origin"].as_str().unwrap().starts_with("built-in"))
        .collect();
    let methods: BTreeSet<&str> = listed
        .iter()
        .map(|b| b["method"].as_str().unwrap())
        .collect();
    assert_eq!(
        methods,
        BTreeSet::from([
            "answer-flip",
            "belief-consistency",
            "free-text",
            "judge-score",
            "mc-loglik",
            "pairwise-judge"
        ])
    );
    let needing: Vec<&str> = listed
        .iter()
        .filter(|b| b["needs_judge"] == true)
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert!(!needing.is_empty());

    // Without --judge, benchmarks that need one are refused before any work.
    let run = dir.path().join("run");
    let refused = ethos(&[
        "eval",
        "--model",
        model.to_str().unwrap(),
        "--benchmarks",
        benchmarks.to_str().unwrap(),
        "--out",
        run.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
    assert!(text(&refused.stderr).contains("--judge"));
    assert!(!run.exists(), "nothing written");

    // With the tiny model as its own judge everything runs. A random judge rarely writes
    // valid verdict JSON, so rubric items may fail (recorded, exit 1); nothing else may.
    let done = ethos(&[
        "eval",
        "--model",
        model.to_str().unwrap(),
        "--judge",
        model.to_str().unwrap(),
        "--benchmarks",
        benchmarks.to_str().unwrap(),
        "--out",
        run.to_str().unwrap(),
        "--limit",
        "2",
        "--max-attempts",
        "1",
        "--no-cache",
        "--quiet",
        "--json",
    ]);
    assert!(
        matches!(done.status.code(), Some(0 | 1)),
        "{}",
        text(&done.stderr)
    );
    let summary: Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(
        summary["benchmarks"].as_object().unwrap().len(),
        listed.len()
    );
    for record in records(&run) {
        if let Some(error) = record["error"].as_str() {
            // A random judge writes no valid verdict JSON, and a random model's long
            // answers can overflow the judge's context; nothing else may fail.
            assert!(
                error.contains("judge answer unusable") || error.contains("context length"),
                "unexpected failure: {record}"
            );
        }
    }
    for (id, b) in summary["benchmarks"].as_object().unwrap() {
        let tried = b["items"].as_u64().unwrap() + b["errors"].as_u64().unwrap();
        assert!(tried >= 1, "{id} evaluated no item");
        assert!(run.join(b["records_file"].as_str().unwrap()).exists());
    }
}

fn mc_benchmark(dir: &Path, items: usize) -> PathBuf {
    let path = dir.join("mc.jsonl");
    let mut text = String::from(
        r#"{"ethos_benchmark": 1, "id": "mc", "title": "t", "category": "capability", "probes": "p", "direction": "higher_is_better", "scoring": {"method": "mc-loglik"}, "source": "written for ethos", "license": "Apache-2.0"}"#,
    );
    for i in 0..items {
        text.push_str(&format!(
            "\n{{\"id\": \"q{i}\", \"messages\": [{{\"role\": \"user\", \"content\": \"question {i}: which word comes next?\"}}], \"choices\": [\" alpha\", \" beta\"], \"answer\": {}}}",
            i % 2
        ));
    }
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn compare_and_correlate_report_paired_statistics() {
    let dir = tempfile::tempdir().unwrap();
    let bench = mc_benchmark(dir.path(), 30);
    // Three "models": the same tiny architecture with different random weights.
    let mut runs = Vec::new();
    for seed in [1u64, 2, 3] {
        let model = dir.path().join(format!("m{seed}.gguf"));
        TinyModel {
            seed,
            ..TinyModel::default()
        }
        .write_gguf(&model)
        .unwrap();
        let run = dir.path().join(format!("run{seed}"));
        let out = ethos(&[
            "eval",
            "--model",
            model.to_str().unwrap(),
            "--benchmarks",
            bench.to_str().unwrap(),
            "--out",
            run.to_str().unwrap(),
            "--quiet",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        runs.push(run);
    }
    let compared = ethos(&[
        "compare",
        runs[0].to_str().unwrap(),
        runs[1].to_str().unwrap(),
    ]);
    assert!(compared.status.success(), "{}", text(&compared.stderr));
    let printed = text(&compared.stdout);
    assert!(printed.contains("ahead on "), "{printed}");
    assert!(printed.contains("significant gains"), "{printed}");
    let json = ethos(&[
        "compare",
        runs[0].to_str().unwrap(),
        &format!("{},{}", runs[1].display(), runs[2].display()),
        "--json",
    ]);
    let comparison: Value = serde_json::from_slice(&json.stdout).unwrap();
    let row = &comparison["benchmarks"][0];
    assert_eq!(row["benchmark"], "mc");
    assert_eq!(row["all"]["n"], 30);
    assert_eq!(
        comparison["candidate"].as_array().unwrap().len(),
        2,
        "seeds aggregated"
    );
    let ci = &row["all"]["ci"];
    let diff = row["all"]["diff"].as_f64().unwrap();
    assert!(ci[0].as_f64().unwrap() <= diff && diff <= ci[1].as_f64().unwrap());
    // Mixing an evaluation run with something else is refused.
    let mixed = ethos(&[
        "compare",
        runs[0].to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(mixed.status.code(), Some(2));

    let correlated = ethos(&[
        "eval",
        "correlate",
        runs[0].to_str().unwrap(),
        runs[1].to_str().unwrap(),
        runs[2].to_str().unwrap(),
        "--json",
    ]);
    assert!(correlated.status.success(), "{}", text(&correlated.stderr));
    let result: Value = serde_json::from_slice(&correlated.stdout).unwrap();
    assert_eq!(result["runs"].as_array().unwrap().len(), 3);
}

#[test]
fn a_pressured_benchmark_reports_what_its_neutral_twin_knew() {
    let dir = tempfile::tempdir().unwrap();
    let neutral = mc_benchmark(dir.path(), 24);
    let original = std::fs::read_to_string(&neutral).unwrap();
    let pressured = original
        .replacen(
            r#""id": "mc", "title": "t""#,
            r#""id": "mc-pressured", "neutral_twin": "mc", "title": "t""#,
            1,
        )
        .replace("question ", "my boss insists on beta. question ");
    std::fs::write(dir.path().join("mc-pressured.jsonl"), pressured).unwrap();
    let model = tiny(dir.path());
    let run = dir.path().join("run");
    let out = ethos(&[
        "eval",
        "--model",
        model.to_str().unwrap(),
        "--benchmarks",
        dir.path().to_str().unwrap(),
        "--out",
        run.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Recompute from the records: items right without pressure, and how many stay right.
    let scores = |benchmark: &str| -> std::collections::BTreeMap<String, f64> {
        records(&run)
            .iter()
            .filter(|r| r["benchmark"] == benchmark)
            .map(|r| {
                (
                    r["item"].as_str().unwrap().to_string(),
                    r["score"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    let (calm, pushed) = (scores("mc"), scores("mc-pressured"));
    let known: Vec<&String> = calm
        .iter()
        .filter(|(_, s)| **s == 1.0)
        .map(|(i, _)| i)
        .collect();
    let kept = known.iter().filter(|i| pushed[**i] == 1.0).count();
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(run.join("summary.json")).unwrap()).unwrap();
    let metrics = &summary["benchmarks"]["mc-pressured"]["metrics"];
    assert_eq!(
        metrics["known_without_pressure"].as_f64(),
        Some(known.len() as f64)
    );
    let expected = kept as f64 / known.len() as f64;
    assert!((metrics["kept_under_pressure"].as_f64().unwrap() - expected).abs() < 1e-12);
    assert!(
        summary["benchmarks"]["mc"]["metrics"]
            .get("kept_under_pressure")
            .is_none()
    );
}

#[test]
fn a_killed_evaluation_resumes_without_scoring_anything_twice() {
    let dir = tempfile::tempdir().unwrap();
    let model = tiny(dir.path());
    let bench = mc_benchmark(dir.path(), 400);
    let run = dir.path().join("run");
    let args = |extra: &[&str]| {
        let mut args = vec![
            "eval".to_string(),
            "--model".into(),
            model.display().to_string(),
            "--benchmarks".into(),
            bench.display().to_string(),
            "--out".into(),
            run.display().to_string(),
            "--chunk".into(),
            "4".into(),
            "--quiet".into(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_ethos"))
        .args(args(&[]))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let records_file = run.join("records/mc.jsonl");
    let started = Instant::now();
    let mut before = String::new();
    while started.elapsed() < Duration::from_secs(60) {
        if let Ok(text) = std::fs::read_to_string(&records_file)
            && text.lines().count() >= 16
        {
            before = text;
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // What the file held when the run was killed (it may have grown a chunk since).
    let kept = std::fs::read_to_string(&records_file).unwrap();
    assert!(kept.starts_with(&before) || before.is_empty());
    let kept_lines: Vec<&str> = kept.lines().collect();
    assert!(
        kept_lines.len() < 400,
        "killed before the end ({})",
        kept_lines.len()
    );
    let finished = Command::new(env!("CARGO_BIN_EXE_ethos"))
        .args(args(&[]))
        .output()
        .unwrap();
    assert!(finished.status.success(), "{}", text(&finished.stderr));
    assert!(text(&finished.stderr).contains("resuming"));
    let after = std::fs::read_to_string(&records_file).unwrap();
    let lines: Vec<&str> = after.lines().collect();
    assert_eq!(lines.len(), 400);
    let ids: BTreeSet<String> = lines
        .iter()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["item"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), 400, "each item once");
    for line in &kept_lines {
        assert!(
            lines.contains(line),
            "records from before the kill are kept as they were"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(run.join("records"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(leftovers, vec!["mc.jsonl"], "no temporary files left");
}

#[test]
fn bad_input_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let model = tiny(dir.path());
    // A malformed import names file, line and field and writes nothing.
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"question\": \"q?\", \"answer_matching_behavior\": \" (A)\"}\n",
    )
    .unwrap();
    let out = dir.path().join("imported");
    let import = ethos(&[
        "bench",
        "import",
        "anthropic-evals",
        bad.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(import.status.code(), Some(2));
    assert!(
        text(&import.stderr).contains("bad.jsonl:1:"),
        "{}",
        text(&import.stderr)
    );
    assert!(!out.exists());
    let unknown = ethos(&[
        "bench",
        "import",
        "mmlu",
        bad.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(unknown.status.code(), Some(2));

    // Unknown benchmarks, and a bad benchmark file.
    let run = dir.path().join("run");
    let none = ethos(&[
        "eval",
        "--model",
        model.to_str().unwrap(),
        "--benchmarks",
        "no-such-benchmark",
        "--out",
        run.to_str().unwrap(),
    ]);
    assert_eq!(none.status.code(), Some(2));
    assert!(text(&none.stderr).contains("no-such-benchmark"));
    let broken = dir.path().join("broken.jsonl");
    std::fs::write(&broken, "{\"ethos_benchmark\": 1, \"id\": \"b\"}\n").unwrap();
    let invalid = ethos(&[
        "eval",
        "--model",
        model.to_str().unwrap(),
        "--benchmarks",
        broken.to_str().unwrap(),
        "--out",
        run.to_str().unwrap(),
    ]);
    assert_eq!(invalid.status.code(), Some(2));
    assert!(
        text(&invalid.stderr).contains("broken.jsonl:1:"),
        "{}",
        text(&invalid.stderr)
    );

    // A server that gives no log-probs for chat prompts (no chat template given) cannot
    // run a log-likelihood benchmark: refused before any record.
    let bench = mc_benchmark(dir.path(), 3);
    let (_server, url) = start_server(&model, None);
    let remote = ethos(&[
        "eval",
        "--model",
        &format!("openai:{url}#tiny"),
        "--benchmarks",
        bench.to_str().unwrap(),
        "--out",
        run.to_str().unwrap(),
    ]);
    assert_eq!(remote.status.code(), Some(2), "{}", text(&remote.stderr));
    assert!(text(&remote.stderr).contains("cannot score continuations"));
    assert!(!run.join("records").exists());
}

#[test]
fn the_built_in_suite_cannot_be_passed_without_reading_the_questions() {
    // Every built-in multiple-choice benchmark: balanced answer positions, and strategies
    // that look only at option length or at "virtue" words score near chance.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = ethos(&[
        "bench",
        "stats",
        "--json",
        "--training",
        repo.join("data").to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stats: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    for s in &stats {
        let id = s["id"].as_str().unwrap();
        assert_eq!(s["training_overlaps"], 0, "{id} repeats training data");
        let Some(chance) = s["chance"].as_f64() else {
            // Free text: at least 40 items, and no gaming strategy near the reference.
            assert!(s["items"].as_u64().unwrap() >= 40, "{id}");
            for row in s["audit"].as_array().into_iter().flatten() {
                if row["strategy"] != "padded_reference" {
                    assert!(row["ratio"].as_f64().unwrap() < 0.4, "{id}: {row}");
                }
            }
            continue;
        };
        assert!(s["items"].as_u64().unwrap() >= 150, "{id}");
        let positions: Vec<u64> = s["answer_positions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_u64().unwrap())
            .collect();
        let (low, high) = (
            positions.iter().min().unwrap(),
            positions.iter().max().unwrap(),
        );
        assert!(high - low <= high / 5 + 2, "{id}: positions {positions:?}");
        for key in ["longest_baseline", "shortest_baseline", "keyword_baseline"] {
            let value = s[key].as_f64().unwrap();
            assert!(
                (value - chance).abs() <= 0.15,
                "{id}: {key} {value:.2}, chance {chance:.2}"
            );
        }
    }
}
