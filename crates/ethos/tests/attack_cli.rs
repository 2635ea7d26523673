//! `ethos attack` end to end on tiny random models: the persona library, a persona attack
//! with its per-item records and degradation table, resume, the comparison of two
//! attacks, and bad input refused before any work.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::ethos;
use ethos_model::tiny::TinyModel;
use serde_json::Value;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A two-choice benchmark in `category` (higher is better).
fn benchmark(dir: &Path, id: &str, category: &str, items: usize) -> PathBuf {
    let path = dir.join(format!("{id}.jsonl"));
    let mut out = format!(
        r#"{{"ethos_benchmark": 1, "id": "{id}", "title": "t", "category": "{category}", "probes": "p", "direction": "higher_is_better", "scoring": {{"method": "mc-loglik"}}, "source": "written for ethos", "license": "Apache-2.0"}}"#
    );
    for i in 0..items {
        out.push_str(&format!(
            "\n{{\"id\": \"q{i}\", \"messages\": [{{\"role\": \"user\", \"content\": \"case {i}: which word fits?\"}}], \"choices\": [\" rest\", \" doctor\"], \"answer\": {}}}",
            i % 2
        ));
    }
    std::fs::write(&path, out).unwrap();
    path
}

fn model(dir: &Path, seed: u64) -> PathBuf {
    let path = dir.join(format!("m{seed}.gguf"));
    TinyModel {
        seed,
        context: 1024,
        ..TinyModel::default()
    }
    .write_gguf(&path)
    .unwrap();
    path
}

fn scores(run: &Path, condition: &str, benchmark: &str) -> BTreeMap<String, f64> {
    let file = run
        .join(condition)
        .join("records")
        .join(format!("{benchmark}.jsonl"));
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|r| {
            (
                r["item"].as_str().unwrap().to_string(),
                r["score"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn attack(model: &Path, benchmarks: &Path, out: &Path) -> std::process::Output {
    ethos(&[
        "attack",
        "persona",
        "--model",
        model.to_str().unwrap(),
        "--personas",
        "confident-quack,careful-clinician",
        "--benchmarks",
        benchmarks.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
        "--json",
    ])
}

#[test]
fn the_library_lists_harmful_personas_and_helpful_controls() {
    let out = ethos(&["attack", "persona", "--list", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let personas: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let count = |kind: &str| personas.iter().filter(|p| p["kind"] == kind).count();
    assert!(count("harmful") >= 10, "{personas:?}");
    assert!(count("helpful") >= 5);
    assert!(
        personas
            .iter()
            .all(|p| p["id"].is_string() && p["targets"].is_object())
    );
}

#[test]
fn a_persona_attack_reports_degradation_resumes_and_compares() {
    let dir = tempfile::tempdir().unwrap();
    let benchmarks = dir.path().join("benchmarks");
    std::fs::create_dir(&benchmarks).unwrap();
    benchmark(&benchmarks, "triage", "health", 24);
    benchmark(&benchmarks, "logic", "capability", 16);
    let mut runs = Vec::new();
    for seed in [1u64, 2] {
        let run = dir.path().join(format!("attack{seed}"));
        let out = attack(&model(dir.path(), seed), &benchmarks, &run);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            summary["rows"].as_array().unwrap().len(),
            4,
            "2 personas x 2 benchmarks"
        );
        // Degradation recomputed from the per-item records: clean - attacked.
        for row in summary["rows"].as_array().unwrap() {
            let benchmark = row["benchmark"].as_str().unwrap();
            let clean = scores(&run, "clean", benchmark);
            let attacked = scores(
                &run,
                &format!("persona-{}", row["persona"].as_str().unwrap()),
                benchmark,
            );
            let expected =
                clean.iter().map(|(i, c)| c - attacked[i]).sum::<f64>() / clean.len() as f64;
            assert!(
                (row["degradation"].as_f64().unwrap() - expected).abs() < 1e-12,
                "{row}"
            );
            assert_eq!(row["targeted"], benchmark == "triage", "{row}");
        }
        runs.push(run);
    }
    // Rerunning finds every condition complete and changes nothing.
    let before = std::fs::read_to_string(runs[0].join("attack.json")).unwrap();
    let again = attack(&model(dir.path(), 1), &benchmarks, &runs[0]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stderr).contains("already scored"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(runs[0].join("attack.json")).unwrap(),
        before
    );

    let compared = ethos(&[
        "compare",
        runs[0].to_str().unwrap(),
        runs[1].to_str().unwrap(),
        "--json",
    ]);
    assert!(compared.status.success(), "{}", text(&compared.stderr));
    let c: Value = serde_json::from_slice(&compared.stdout).unwrap();
    assert_eq!(c["personas"].as_array().unwrap().len(), 2);
    // Each persona targets `health` only, so only `triage` is compared: 24 items.
    for p in c["personas"].as_array().unwrap() {
        assert_eq!(p["scope"], "targeted");
        assert_eq!(p["result"]["n"], 24);
        let r = &p["result"];
        let d = r["difference"].as_f64().unwrap();
        assert!(
            (d - (r["baseline"].as_f64().unwrap() - r["candidate"].as_f64().unwrap())).abs()
                < 1e-12
        );
        assert!(r["ci"][0].as_f64().unwrap() <= d && d <= r["ci"][1].as_f64().unwrap());
    }
    assert!(c["harmful"].is_object() && c["helpful"].is_object());
    assert!(c["verdict"].is_string());
    let table = ethos(&[
        "compare",
        runs[0].to_str().unwrap(),
        runs[1].to_str().unwrap(),
    ]);
    assert!(
        text(&table.stdout).contains("all harmful"),
        "{}",
        text(&table.stdout)
    );
}

#[test]
fn bad_persona_input_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let bench = benchmark(dir.path(), "triage", "health", 4);
    let out_dir = dir.path().join("out");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "attack",
            "persona",
            "--model",
            "/nonexistent/model.gguf",
            "--benchmarks",
            bench.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        ethos(&args)
    };
    let unknown = run(&["--personas", "confident-quack,no-such-persona"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains("no-such-persona"),
        "{}",
        text(&unknown.stderr)
    );
    let system = run(&["--personas", "harmful", "--system-prompt", "be nice"]);
    assert_eq!(system.status.code(), Some(2));
    let bad_file = dir.path().join("personas.jsonl");
    std::fs::write(&bad_file, "{\"id\": \"x\", \"kind\": \"harmful\", \"title\": \"t\", \"system_prompt\": \"s\", \"targets\": {\"health\": \"better\"}, \"description\": \"d\"}\n").unwrap();
    let file = run(&[
        "--personas",
        "x",
        "--persona-file",
        bad_file.to_str().unwrap(),
    ]);
    assert_eq!(file.status.code(), Some(2));
    let stderr = text(&file.stderr);
    assert!(
        stderr.contains("personas.jsonl:1") && stderr.contains("targets"),
        "{stderr}"
    );
    assert!(
        !out_dir.exists(),
        "nothing is written before the input is valid"
    );
}
