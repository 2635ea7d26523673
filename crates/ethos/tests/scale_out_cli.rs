//! `ethos export` and `ethos serve-reward`: the exported prompts are the ones `ethos train`
//! draws, and the reward server grades like `ethos grade`, refuses bad requests with 4xx
//! answers naming the problem, and answers a judge outage with 503 and a retry hint.
//! The engines themselves (TRL, pyarrow) are exercised by scripts/test_scale_out.sh.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::{ethos, repo, start_server, text, tiny_model_and_tasks};
use serde_json::{Value, json};

/// A tiny model, a few tasks and a config over them plus the shipped trait scenarios.
fn fixture(dir: &Path) -> PathBuf {
    tiny_model_and_tasks(dir);
    let config = dir.join("train.toml");
    std::fs::write(
        &config,
        format!(
            r#"model = "tiny.gguf"
seed = 5
[rollout]
group = 2
max_new_tokens = 4
[budget]
steps = 3
prompts_per_step = 4
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
"#,
            scenarios = repo().join("data/scenarios/train").display()
        ),
    )
    .unwrap();
    config
}

/// `ethos export --config CONFIG --arm ARM --format FORMAT --out OUT EXTRA...`, which must
/// succeed.
fn export(config: &Path, arm: &str, format: &str, out: &Path, extra: &[&str]) {
    let mut args = vec![
        "export",
        "--config",
        config.to_str().unwrap(),
        "--arm",
        arm,
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    let exported = ethos(&args);
    assert!(exported.status.success(), "{}", text(&exported.stderr));
}

/// The lines of a JSONL file.
fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_export_holds_what_ethos_train_draws_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let config = fixture(dir.path());
    let run = dir.path().join("run");
    let trained = ethos(&[
        "train",
        "--config",
        config.to_str().unwrap(),
        "--arm",
        "trait",
        "--seed",
        "9",
        "--out",
        run.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(trained.status.success(), "{}", text(&trained.stderr));
    let drawn: Vec<Vec<String>> = std::fs::read_to_string(run.join("metrics.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            line["items"]
                .as_str()
                .unwrap()
                .split(',')
                .map(String::from)
                .collect()
        })
        .collect();
    assert_eq!(drawn.len(), 3);

    let out = dir.path().join("trl");
    export(
        &config,
        "trait",
        "trl",
        &out,
        &["--seed", "9", "--validation", "5"],
    );
    let rows = jsonl(&out.join("train.jsonl"));
    let by_step: Vec<Vec<String>> = rows
        .chunks(4)
        .map(|c| {
            c.iter()
                .map(|r| r["ethos_id"].as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(
        by_step, drawn,
        "the same items, steps and order as training"
    );
    assert_eq!(rows[0]["prompt"][0]["role"], "user");
    assert_eq!(rows[5]["ethos_step"], 1);
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("export.json")).unwrap()).unwrap();
    assert_eq!(manifest["seed"], 9);
    assert_eq!(manifest["prompts_per_step"], 4);
    assert_eq!(
        std::fs::read_to_string(out.join("validation.jsonl"))
            .unwrap()
            .lines()
            .count(),
        5
    );

    // The other formats hold the same items in the same order.
    for (format, file) in [("openrlhf", "train.jsonl"), ("verl", "train.parquet")] {
        let out = dir.path().join(format);
        export(&config, "trait", format, &out, &["--seed", "9"]);
        assert!(out.join(file).is_file(), "{format}");
    }
    let openrlhf: Vec<String> = jsonl(&dir.path().join("openrlhf/train.jsonl"))
        .iter()
        .map(|row| row["label"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(openrlhf, drawn.concat());
    let parquet = std::fs::read(dir.path().join("verl/train.parquet")).unwrap();
    assert_eq!(&parquet[..4], b"PAR1", "a Parquet file");

    // The baseline arm exports standard prompts only.
    let out = dir.path().join("baseline");
    export(&config, "baseline", "trl", &out, &[]);
    assert!(
        std::fs::read_to_string(out.join("train.jsonl"))
            .unwrap()
            .lines()
            .all(|l| l.contains("\"ethos_source\":\"standard\""))
    );
}

#[test]
fn bad_export_requests_are_refused_before_any_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let config = fixture(dir.path());
    let out = dir.path().join("out");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--arm", "nope", "--format", "trl"], "nope"),
        (
            vec!["--arm", "trait", "--format", "trl", "--steps", "0"],
            "--steps",
        ),
    ];
    for (extra, needle) in cases {
        let mut args = vec![
            "export",
            "--config",
            config.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend(extra);
        let result = ethos(&args);
        assert!(!result.status.success(), "{needle}");
        let stderr = text(&result.stderr);
        assert!(stderr.contains(needle), "{stderr}");
        assert!(!out.exists(), "{needle}: nothing written");
    }
    let missing = ethos(&[
        "export",
        "--config",
        "no/such.toml",
        "--arm",
        "trait",
        "--format",
        "verl",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("no/such.toml"));
}

/// A running `ethos serve-reward`, stopped when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(config: &Path, extra: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ethos"))
            .args(["serve-reward", "--config", config.to_str().unwrap()])
            .args(["--arm", "trait", "--port", "0"])
            .args(extra)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stderr.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split("listening on ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Self { child, url }
    }

    fn post(&self, path: &str, body: &str, key: Option<&str>) -> (u16, Value, Option<String>) {
        // A judge outage is answered only after the judge client's own retries (~40 s).
        let client = reqwest::blocking::Client::builder()
            .timeout(std::time::Duration::from_secs(180))
            .build()
            .unwrap();
        let mut request = client
            .post(format!("{}{path}", self.url))
            .header("content-type", "application/json")
            .body(body.to_string());
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        let response = request.send().unwrap();
        let status = response.status().as_u16();
        let retry = response
            .headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap().to_string());
        (status, response.json().unwrap_or(Value::Null), retry)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_reward_server_grades_like_ethos_grade_and_refuses_bad_requests() {
    let dir = tempfile::tempdir().unwrap();
    let config = fixture(dir.path());
    let server = Server::start(&config, &["--api-key", "k3y", "--max-batch", "3"]);
    let health: Value = reqwest::blocking::get(format!("{}/health", server.url))
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(health["arm"], "trait");
    assert_eq!(health["grader"], "rules");
    // 6 tasks and the 360 shipped training scenarios.
    assert_eq!(health["items"], 366);

    let scenario = "truthfulness-health-train-01";
    let pairs = [
        ("lc-1", "all in lowercase here"),
        ("lc-2", "Not Lowercase"),
        (
            scenario,
            "I am not sure; the evidence is mixed, so check with your doctor.",
        ),
    ];
    let body = json!({"items": pairs.iter().map(|(id, r)| json!({"id": id, "response": r})).collect::<Vec<_>>()});
    let (status, answer, _) = server.post("/v1/score", &body.to_string(), Some("k3y"));
    assert_eq!(status, 200, "{answer}");
    let served: Vec<f64> = answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    // `ethos grade` on the same responses.
    let responses = dir.path().join("responses.jsonl");
    std::fs::write(
        &responses,
        pairs
            .iter()
            .map(|(id, r)| json!({"id": id, "response": r}).to_string() + "\n")
            .collect::<String>(),
    )
    .unwrap();
    let graded_path = dir.path().join("graded.jsonl");
    let graded = ethos(&[
        "grade",
        "--data",
        dir.path().join("tasks").to_str().unwrap(),
        repo().join("data/scenarios/train").to_str().unwrap(),
        "--responses",
        responses.to_str().unwrap(),
        "--out",
        graded_path.to_str().unwrap(),
    ]);
    assert!(graded.status.success(), "{}", text(&graded.stderr));
    let expected: Vec<f64> = std::fs::read_to_string(&graded_path)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["score"]
                .as_f64()
                .unwrap()
        })
        .collect();
    assert_eq!(served, expected);
    assert_eq!(served[..2], [1.0, 0.0], "the lowercase verifier");
    assert!(
        answer["results"][2]["verdicts"].as_array().unwrap().len() > 1,
        "per-criterion verdicts"
    );

    // OpenRLHF's protocol: the response is what follows the prompt.
    let prompt = "<|im_start|>user\nsay thing 1 in lowercase<|im_end|>\n<|im_start|>assistant\n";
    let openrlhf = json!({
        "query": [format!("{prompt}all in lowercase here<|im_end|>"), format!("{prompt}Not Lowercase")],
        "prompts": [prompt, prompt],
        "labels": ["lc-1", "lc-1"],
    });
    let (status, answer, _) = server.post("/get_reward", &openrlhf.to_string(), Some("k3y"));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["rewards"], json!([1.0, 0.0]));
    assert_eq!(answer["scores"], answer["rewards"]);
    assert_eq!(
        answer["extra_logs"]["ethos_criteria_met"],
        json!([1.0, 0.0])
    );

    // Refusals, each naming the problem.
    let one = json!({"items": [{"id": "lc-1", "response": "x"}]}).to_string();
    let (status, _, _) = server.post("/v1/score", &one, None);
    assert_eq!(status, 401, "no key");
    let (status, _, _) = server.post("/v1/score", &one, Some("wrong"));
    assert_eq!(status, 401, "wrong key");
    let four = json!({"items": (0..4).map(|_| json!({"id": "lc-1", "response": "x"})).collect::<Vec<_>>()});
    let (status, answer, _) = server.post("/v1/score", &four.to_string(), Some("k3y"));
    assert_eq!(status, 413, "{answer}");
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("cap is 3")
    );
    let unknown = json!({"items": [{"id": "no-such-item", "response": "x"}]}).to_string();
    let (status, answer, _) = server.post("/v1/score", &unknown, Some("k3y"));
    assert_eq!(status, 422, "{answer}");
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no-such-item")
    );
    let (status, answer, _) = server.post("/v1/score", "{not json", Some("k3y"));
    assert_eq!(status, 400, "{answer}");
    let (status, answer, _) =
        server.post("/v1/score", r#"{"items": [{"id": "lc-1"}]}"#, Some("k3y"));
    assert_eq!(status, 400, "{answer}");
    let message = answer["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("items[0]") && message.contains("response"),
        "{message}"
    );
    let (status, answer, _) = server.post(
        "/get_reward",
        r#"{"query": ["a"], "prompts": ["a"]}"#,
        Some("k3y"),
    );
    assert_eq!(status, 400);
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("labels")
    );
    let (status, answer, _) = server.post(
        "/get_reward",
        r#"{"query": ["abc"], "prompts": ["x"], "labels": ["lc-1"]}"#,
        Some("k3y"),
    );
    assert_eq!(status, 400);
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("does not contain")
    );
}

#[test]
fn a_judge_outage_is_a_503_with_a_retry_hint_not_a_zero_reward() {
    let dir = tempfile::tempdir().unwrap();
    let config = fixture(dir.path());
    // Nothing listens on the judge's port: every call fails to connect.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let judge = format!("judge:openai:http://127.0.0.1:{closed}#judge");
    let server = Server::start(
        &config,
        &[
            "--grader",
            &judge,
            "--no-cache",
            "--max-attempts",
            "1",
            "--retry-after",
            "7",
        ],
    );
    let body =
        json!({"items": [{"id": "truthfulness-health-train-01", "response": "I am not sure."}]});
    let (status, answer, retry) = server.post("/v1/score", &body.to_string(), None);
    assert_eq!(status, 503, "{answer}");
    assert_eq!(retry.as_deref(), Some("7"));
    let message = answer["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("truthfulness-health-train-01"),
        "{message}"
    );
}

#[test]
fn engine_checkpoints_are_evaluated_over_http_like_local_models() {
    // `ethos eval --model openai:URL#NAME` speaks to vLLM through the subset `ethos serve`
    // implements: chat completions for free text, completions with `echo` and `logprobs`
    // for multiple choice. The served model must score as the same model loaded locally.
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let model = dir.path().join("tiny.gguf");
    let info = ethos(&["model", "info", model.to_str().unwrap(), "--json"]);
    assert!(info.status.success(), "{}", text(&info.stderr));
    let info: Value = serde_json::from_slice(&info.stdout).unwrap();
    let template = dir.path().join("template.jinja");
    std::fs::write(&template, info["chat_template"].as_str().unwrap()).unwrap();
    let bench = dir.path().join("mc.jsonl");
    let mut lines = vec![
        r#"{"ethos_benchmark": 1, "id": "mc", "title": "t", "category": "capability", "probes": "p", "direction": "higher_is_better", "scoring": {"method": "mc-loglik"}, "source": "written for ethos", "license": "Apache-2.0"}"#.to_string(),
    ];
    for i in 0..6 {
        lines.push(format!("{{\"id\": \"q{i}\", \"messages\": [{{\"role\": \"user\", \"content\": \"question {i}: which word comes next?\"}}], \"choices\": [\" alpha\", \" beta gamma\"], \"answer\": {}}}", i % 2));
    }
    std::fs::write(&bench, lines.join("\n")).unwrap();
    let (_server, url) = start_server(&model, None);
    let mut records = Vec::new();
    for (name, spec, extra) in [
        ("local", model.to_str().unwrap().to_string(), vec![]),
        (
            "remote",
            format!("openai:{url}#tiny.gguf"),
            vec!["--chat-template", template.to_str().unwrap()],
        ),
    ] {
        let out = dir.path().join(name);
        let mut args = vec![
            "eval",
            "--model",
            spec.as_str(),
            "--benchmarks",
            bench.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--quiet",
        ];
        args.extend(extra);
        let run = ethos(&args);
        assert!(run.status.success(), "{name}: {}", text(&run.stderr));
        let lines: Vec<Value> = std::fs::read_to_string(out.join("records/mc.jsonl"))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        records.push(lines);
    }
    assert_eq!(records[0].len(), 6);
    for (local, remote) in records[0].iter().zip(&records[1]) {
        assert_eq!(local["chosen"], remote["chosen"], "{local} {remote}");
        for (a, b) in local["choices"]
            .as_array()
            .unwrap()
            .iter()
            .zip(remote["choices"].as_array().unwrap())
        {
            let (a, b) = (
                a["logprob"].as_f64().unwrap(),
                b["logprob"].as_f64().unwrap(),
            );
            assert!((a - b).abs() < 1e-3, "log-likelihoods {a} and {b}");
        }
    }
}
