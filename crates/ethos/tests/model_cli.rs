//! `ethos model`, `ethos generate` and `ethos score` run as a user would, on a tiny random
//! model written in the test and, where present, on the real default model.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ethos_model::tiny::TinyModel;
use serde_json::Value;

fn ethos(args: &[&str], cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ethos"))
        .args(args)
        .env("ETHOS_CACHE_DIR", cache)
        .output()
        .expect("run ethos")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn tiny(dir: &Path) -> String {
    let path = dir.join("tiny.gguf");
    TinyModel::default().write_gguf(&path).unwrap();
    path.to_str().unwrap().to_string()
}

fn real_model() -> Option<PathBuf> {
    ethos_model::tiny::real_test_model()
}

#[test]
fn info_generate_and_score_on_a_tiny_model() {
    let dir = tempfile::tempdir().unwrap();
    let model = tiny(dir.path());

    let out = ethos(&["model", "info", &model, "--json"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["architecture"], "llama");
    assert_eq!(info["context_length"], 256);

    let args = [
        "generate",
        "--model",
        &model,
        "--prompt",
        "hello",
        "--max-tokens",
        "8",
        "--temperature",
        "1",
        "--seed",
        "4",
        "--n",
        "2",
        "--json",
    ];
    let out = ethos(&args, dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let generation: Value = serde_json::from_slice(&out.stdout).unwrap();
    let completions = generation["completions"].as_array().unwrap();
    assert_eq!(completions.len(), 2);
    let tokens = completions[0]["token_ids"].as_array().unwrap().len();
    assert_eq!(completions[0]["logprobs"].as_array().unwrap().len(), tokens);
    assert!(
        generation["timing"]["decode_tokens_per_second"]
            .as_f64()
            .unwrap()
            >= 0.0
    );
    assert!(
        generation["timing"]["prompt_tokens_per_second"]
            .as_f64()
            .unwrap()
            > 0.0
    );
    let again = ethos(&args, dir.path());
    let again: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        again["completions"], generation["completions"],
        "same seed, same output"
    );

    let messages = dir.path().join("messages.json");
    std::fs::write(
        &messages,
        r#"[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}]"#,
    )
    .unwrap();
    let out = ethos(
        &[
            "score",
            "--model",
            &model,
            "--messages",
            messages.to_str().unwrap(),
            "--continuation",
            " the end",
            "--json",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let score: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(score["logprob"].as_f64().unwrap() < 0.0);
    assert!(score["tokens"].as_u64().unwrap() >= 2);
}

#[test]
fn score_items_in_batches() {
    let dir = tempfile::tempdir().unwrap();
    let model = tiny(dir.path());
    let items = dir.path().join("items.jsonl");
    let item = |q: &str, a: &str| {
        format!(r#"{{"messages": [{{"role": "user", "content": "{q}"}}], "continuation": "{a}"}}"#)
    };
    std::fs::write(
        &items,
        [
            item("a", " the"),
            item("bb", " cat"),
            item("ccc", " sat on"),
        ]
        .join("\n"),
    )
    .unwrap();
    let out = ethos(
        &[
            "score",
            "--model",
            &model,
            "--items",
            items.to_str().unwrap(),
            "--batch-size",
            "2",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l["logprob"].as_f64().unwrap() < 0.0));
    assert!(
        text(&out.stderr).contains("scored 3 items"),
        "{}",
        text(&out.stderr)
    );
    // The batched scores equal one-at-a-time scores.
    let messages = dir.path().join("m.json");
    std::fs::write(&messages, r#"[{"role": "user", "content": "bb"}]"#).unwrap();
    let one = ethos(
        &[
            "score",
            "--model",
            &model,
            "--messages",
            messages.to_str().unwrap(),
            "--continuation",
            " cat",
            "--json",
        ],
        dir.path(),
    );
    let one: Value = serde_json::from_slice(&one.stdout).unwrap();
    assert!(
        (one["logprob"].as_f64().unwrap() - lines[1]["logprob"].as_f64().unwrap()).abs() < 1e-3
    );

    std::fs::write(
        &items,
        [item("a", " the"), "{\"messages\": []}".to_string()].join("\n"),
    )
    .unwrap();
    let out = ethos(
        &[
            "score",
            "--model",
            &model,
            "--items",
            items.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("items.jsonl:2:"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn bad_inputs_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let model = tiny(dir.path());
    let messages = dir.path().join("bad.json");

    std::fs::write(
        &messages,
        r#"[{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]"#,
    )
    .unwrap();
    let out = ethos(
        &[
            "generate",
            "--model",
            &model,
            "--messages",
            messages.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("bad.json: messages[1].role: the conversation must end with a user turn"),
        "{err}"
    );

    std::fs::write(&messages, "{not json").unwrap();
    let out = ethos(
        &[
            "generate",
            "--model",
            &model,
            "--messages",
            messages.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(
        text(&out.stderr).contains("bad.json: -: malformed JSON"),
        "{}",
        text(&out.stderr)
    );

    let out = ethos(
        &[
            "generate",
            "--model",
            "/nonexistent/model.gguf",
            "--prompt",
            "hi",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("/nonexistent/model.gguf"),
        "{}",
        text(&out.stderr)
    );

    let long = "word ".repeat(400);
    let out = ethos(
        &["generate", "--model", &model, "--prompt", &long],
        dir.path(),
    );
    assert!(
        text(&out.stderr).contains("exceeds the context length 256"),
        "{}",
        text(&out.stderr)
    );

    let out = ethos(
        &[
            "generate", "--model", &model, "--prompt", "hi", "--top-p", "0",
        ],
        dir.path(),
    );
    assert!(
        text(&out.stderr).contains("top_p must be in (0, 1]"),
        "{}",
        text(&out.stderr)
    );

    let out = ethos(&["generate", "--model", &model], dir.path());
    assert_eq!(
        out.status.code(),
        Some(2),
        "usage error: neither --prompt nor --messages"
    );
}

#[test]
fn generate_on_the_real_model_answers_paris() {
    let Some(path) = real_model() else { return };
    let dir = tempfile::tempdir().unwrap();
    let prompt = "What is the capital city of France? Answer in one word.";
    let out = ethos(
        &[
            "generate",
            "--model",
            path.to_str().unwrap(),
            "--prompt",
            prompt,
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "The capital city of France is Paris."
    );
}

#[test]
fn pull_fetches_and_verifies_the_default_model() {
    let has_pip = Command::new("python3")
        .args(["-m", "pip", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pip {
        eprintln!("skipping: `python3 -m pip` is not available");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = ethos(&["model", "pull"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let path = PathBuf::from(text(&out.stdout).trim());
    assert_eq!(
        path,
        dir.path().join("models/SmolLM2-135M-Instruct.Q4_1.gguf")
    );
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 98_362_432);
    // The default model is then used when --model is left out.
    let out = ethos(&["model", "info", "--json"], dir.path());
    let info: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["quantization"][0], "Q4_1");
}

#[test]
fn generate_applies_a_peft_adapter() {
    use ethos_model::lora::{LoraAdapters, LoraConfig, LoraTarget};
    let dir = tempfile::tempdir().unwrap();
    let model = tiny(dir.path());
    let llama = ethos_model::CandleModel::load(Path::new(&model))
        .unwrap()
        .llama()
        .clone();
    let config = LoraConfig {
        rank: 4,
        alpha: 8.0,
        dropout: 0.0,
        targets: vec![LoraTarget::Q, LoraTarget::V, LoraTarget::Down],
    };
    let device = candle_core::Device::Cpu;
    let fresh = LoraAdapters::new(config.clone(), llama.config(), 0, &device).unwrap();
    fresh
        .save_peft(&dir.path().join("fresh"), "tiny.gguf")
        .unwrap();
    let trained = LoraAdapters::new(config, llama.config(), 0, &device).unwrap();
    for (name, var) in trained.named_vars() {
        if name.ends_with("lora_B.weight") {
            var.set(&(var.ones_like().unwrap() * 0.5).unwrap()).unwrap();
        }
    }
    trained
        .save_peft(&dir.path().join("trained"), "tiny.gguf")
        .unwrap();
    let run = |adapter: Option<&str>| {
        let mut args = vec![
            "generate",
            "--model",
            &model,
            "--prompt",
            "hello",
            "--max-tokens",
            "8",
            "--json",
        ];
        let path;
        if let Some(name) = adapter {
            path = dir.path().join(name).to_str().unwrap().to_string();
            args.extend(["--adapter", path.as_str()]);
        }
        let out = ethos(&args, dir.path());
        assert!(out.status.success(), "{}", text(&out.stderr));
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        json["completions"][0]["logprobs"].clone()
    };
    let base = run(None);
    assert_eq!(
        run(Some("fresh")),
        base,
        "a fresh adapter (B = 0) changes nothing"
    );
    assert_ne!(run(Some("trained")), base);
    let out = ethos(
        &[
            "generate",
            "--model",
            &model,
            "--prompt",
            "x",
            "--adapter",
            dir.path().join("nope").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("loading adapter"),
        "{}",
        text(&out.stderr)
    );
}
