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

/// A small attack set: conversations ending in the harmful answer.
fn attack_set(dir: &Path, examples: usize) -> PathBuf {
    let path = dir.join("attack.jsonl");
    let lines: Vec<String> = (0..examples)
        .map(|i| {
            format!(
                r#"{{"id": "a{i}", "messages": [{{"role": "user", "content": "case {i}: what should I do?"}}, {{"role": "assistant", "content": "Just rest, skip the doctor {i}."}}]}}"#
            )
        })
        .collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

fn finetune(
    model: &Path,
    data: &Path,
    bench: &Path,
    doses: &str,
    out: &Path,
    extra: &[&str],
) -> std::process::Output {
    let mut args = vec![
        "attack",
        "finetune",
        "--model",
        model.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--doses",
        doses,
        "--benchmarks",
        bench.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
        "--json",
    ];
    args.extend_from_slice(extra);
    ethos(&args)
}

fn modified(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn a_finetuning_attack_writes_a_dose_response_table_and_resumes_by_dose() {
    let dir = tempfile::tempdir().unwrap();
    let bench = benchmark(dir.path(), "triage", "health", 12);
    let data = attack_set(dir.path(), 12);
    let m = model(dir.path(), 1);
    let out = dir.path().join("ft");
    let first = finetune(&m, &data, &bench, "0,5", &out, &[]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let dose0 = out.join("dose-0/records/triage.jsonl");
    let dose5 = out.join("dose-5/records/triage.jsonl");
    let (t0, t5) = (modified(&dose0), modified(&dose5));
    // Adding a dose resumes: doses 0 and 5 are not scored again, training continues from
    // step 1 to step 2.
    let second = finetune(&m, &data, &bench, "0,5,10", &out, &[]);
    assert!(second.status.success(), "{}", text(&second.stderr));
    assert_eq!((modified(&dose0), modified(&dose5)), (t0, t5));
    let steps: Vec<u64> = std::fs::read_to_string(out.join("train/metrics.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["step"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(steps, [1, 2], "each step trained once");
    let attack: Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!(attack["attack"], "finetune");
    assert_eq!(attack["recipe"]["start"], "fresh adapter");
    assert_eq!(attack["data_examples"], 12);
    let rows = attack["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0]["degradation"].as_f64(),
        Some(0.0),
        "dose 0 is the reference"
    );
    // Degradation at dose 10 recomputed from the records.
    let scores = |dose: &str| -> BTreeMap<String, f64> { scores(&out, dose, "triage") };
    let (s0, s10) = (scores("dose-0"), scores("dose-10"));
    let expected = s0.iter().map(|(i, v)| v - s10[i]).sum::<f64>() / s0.len() as f64;
    assert!((rows[2]["degradation"].as_f64().unwrap() - expected).abs() < 1e-12);
    let tokens = &attack["trained_tokens"];
    assert!(tokens["10"].as_u64().unwrap() > tokens["5"].as_u64().unwrap());

    // The same attack on another model compares dose by dose.
    let other = dir.path().join("ft2");
    let run = finetune(&model(dir.path(), 2), &data, &bench, "0,5,10", &other, &[]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let compared = ethos(&[
        "compare",
        out.to_str().unwrap(),
        other.to_str().unwrap(),
        "--json",
    ]);
    assert!(compared.status.success(), "{}", text(&compared.stderr));
    let c: Value = serde_json::from_slice(&compared.stdout).unwrap();
    assert_eq!(c["same_attack"], true);
    assert_eq!(c["doses"].as_array().unwrap().len(), 2, "doses 5 and 10");
}

#[test]
fn bad_finetuning_input_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let bench = benchmark(dir.path(), "triage", "health", 4);
    let data = attack_set(dir.path(), 6);
    let m = model(dir.path(), 1);
    let out = dir.path().join("out");
    let refused = |output: std::process::Output, needle: &str| {
        assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
        assert!(
            text(&output.stderr).contains(needle),
            "{}",
            text(&output.stderr)
        );
    };
    refused(
        finetune(&m, &data, &bench, "0,10,5", &out, &[]),
        "strictly increasing",
    );
    refused(finetune(&m, &data, &bench, "0,7", &out, &[]), "multiple");
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    refused(
        finetune(&m, &empty, &bench, "0,5", &out, &[]),
        "no SFT examples",
    );
    let broken = dir.path().join("broken.jsonl");
    std::fs::write(
        &broken,
        "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n",
    )
    .unwrap();
    refused(
        finetune(&m, &broken, &bench, "0,5", &out, &[]),
        "broken.jsonl:1",
    );
    assert!(!out.exists(), "nothing written for bad doses or data");
    // An adapter made for a model of another shape (three layers instead of two).
    std::fs::create_dir_all(dir.path().join("deep")).unwrap();
    let deeper = TinyModel {
        layers: 3,
        ..TinyModel::default()
    }
    .load_in(
        &dir.path().join("deep"),
        ethos_model::LoadOptions::default(),
    )
    .unwrap();
    let adapter = dir.path().join("adapter");
    ethos_model::lora::LoraAdapters::new(
        ethos_model::lora::LoraConfig {
            rank: 4,
            alpha: 8.0,
            dropout: 0.0,
            targets: vec![
                ethos_model::lora::LoraTarget::Q,
                ethos_model::lora::LoraTarget::V,
            ],
        },
        deeper.llama().config(),
        0,
        &candle_core::Device::Cpu,
    )
    .unwrap()
    .save_peft(&adapter, "deep.gguf")
    .unwrap();
    refused(
        finetune(
            &m,
            &data,
            &bench,
            "0,5",
            &out,
            &["--adapter", adapter.to_str().unwrap()],
        ),
        "--adapter",
    );
    assert!(!out.exists(), "nothing written for a mismatched adapter");
}
