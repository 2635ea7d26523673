//! `ethos train` end to end on a tiny random model: GRPO runs, checkpoints and resume
//! (including after `kill -9`), arms, SFT, and clear errors for bad configs.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::ethos;
use ethos_model::tiny::TinyModel;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A tiny model, a task file whose reward a random model sometimes earns (lowercase,
/// one word), and a config over it plus the shipped trait scenarios.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        // A context long enough for the shipped scenarios in byte-level tokens.
        TinyModel {
            context: 2048,
            ..TinyModel::default()
        }
        .write_gguf(&dir.path().join("tiny.gguf"))
        .unwrap();
        let tasks: String = (0..6)
            .map(|i| {
                format!(
                    "{{\"id\": \"lc-{i}\", \"kind\": \"lowercase\", \"messages\": [{{\"role\": \"user\", \"content\": \"say thing {i} in lowercase\"}}], \"params\": {{\"min_words\": 1}}}}\n"
                )
            })
            .collect();
        std::fs::create_dir_all(dir.path().join("tasks")).unwrap();
        std::fs::write(dir.path().join("tasks/lowercase.jsonl"), tasks).unwrap();
        std::fs::write(
            dir.path().join("sft.jsonl"),
            "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"hello there\"}]}\n\
             {\"messages\": [{\"role\": \"user\", \"content\": \"bye\"}, {\"role\": \"assistant\", \"content\": \"see you\"}, {\"role\": \"user\", \"content\": \"ok\"}, {\"role\": \"assistant\", \"content\": \"ok then\"}]}\n",
        )
        .unwrap();
        let fixture = Self { dir };
        fixture.write_config("config.toml", "");
        fixture
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write_config(&self, name: &str, extra: &str) -> PathBuf {
        let scenarios = repo().join("data/scenarios/train");
        let rubric = repo().join("experiments/rubrics/helpfulness.toml");
        let config = format!(
            r#"model = "tiny.gguf"
seed = 11
[lora]
rank = 4
alpha = 8
targets = ["q", "v", "down"]
[rollout]
group = 4
max_new_tokens = 8
[optimizer]
lr = 0.01
[budget]
steps = 4
prompts_per_step = 3
micro_batch = 5
checkpoint_every = 2
[graders]
reward = "rules"
evaluation = "rules"
[[source]]
name = "standard"
role = "standard"
paths = ["tasks"]
share = 0.7
[[source]]
name = "trait"
role = "trait"
paths = ["{scenarios}"]
split = "train"
share = 0.3
[[arm]]
name = "trait"
kind = "trait"
[[arm]]
name = "baseline"
kind = "baseline"
[[arm]]
name = "reward-control"
kind = "reward-control"
[[arm]]
name = "health-only"
kind = "trait"
domains = ["health"]
[reward_control]
rubric = "{rubric}"
[sft]
paths = ["sft.jsonl"]
max_tokens = 64
{extra}"#,
            scenarios = scenarios.display(),
            rubric = rubric.display(),
        );
        let path = self.path(name);
        std::fs::write(&path, config).unwrap();
        path
    }

    fn train(&self, config: &str, out: &str, extra: &[&str]) -> std::process::Output {
        let config = self.path(config);
        let out = self.path(out);
        let mut args = vec![
            "train",
            "--config",
            config.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--quiet",
        ];
        args.extend(extra);
        ethos(&args)
    }
}

fn metrics(run: &Path) -> Vec<Value> {
    std::fs::read_to_string(run.join("metrics.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A metrics line without its timings, which differ between runs.
fn without_timings(line: &Value) -> Value {
    let mut line = line.clone();
    if let Value::Object(map) = &mut line {
        map.retain(|k, _| !k.ends_with("_seconds"));
    }
    line
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn grpo_runs_checkpoints_and_resumes_with_more_steps() {
    let f = Fixture::new();
    let out = f.train("config.toml", "run", &["--steps", "3"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let run = f.path("run");
    let lines = metrics(&run);
    assert_eq!(lines.len(), 3);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["step"], i as u64 + 1);
        // Update measurements are numbers exactly when the step made an update.
        let updated = line["updates"].as_u64().unwrap() > 0;
        for key in ["kl", "loss", "entropy", "clipped_fraction", "grad_norm"] {
            assert_eq!(line[key].is_number(), updated, "{key} in {line}");
            assert_eq!(line[key].is_null(), !updated, "{key} in {line}");
        }
        for key in [
            "reward_mean",
            "reward_std",
            "completion_len_mean",
            "generated_tokens",
            "trained_tokens",
            "rollout_seconds",
            "grade_seconds",
            "update_seconds",
            "rollout_flops",
        ] {
            assert!(line[key].is_number(), "{key} missing in {line}");
        }
        assert!(
            line["sources"]["standard"]["prompts"].is_number()
                || line["sources"]["trait"]["prompts"].is_number()
        );
    }
    // The random model earns the lowercase reward sometimes: some step trained.
    assert!(
        lines.iter().any(|l| l["updates"].as_u64().unwrap() > 0),
        "{lines:?}"
    );
    // Step 1's learning rate is the peak; checkpoints at 2 (every 2) and at the end (3).
    assert_eq!(lines[0]["lr"], 0.01);
    for step in [2, 3] {
        let dir = run.join(format!("checkpoints/step-{step}"));
        assert!(dir.join("adapter_model.safetensors").is_file());
        let config = json(&dir.join("adapter_config.json"));
        assert_eq!(config["base_model_name_or_path"], "tiny.gguf");
        assert_eq!(json(&dir.join("trainer_state.json"))["step"], step);
    }
    let record = json(&run.join("run.json"));
    assert_eq!(record["arm"], "trait");
    assert_eq!(record["reward_grader"], "rules");
    let summary = json(&run.join("summary.json"));
    assert_eq!(summary["compute"]["steps"], 3);
    let generated: u64 = lines
        .iter()
        .map(|l| l["generated_tokens"].as_u64().unwrap())
        .sum();
    assert_eq!(summary["compute"]["generated_tokens"], generated);
    assert!(summary["compute"]["rollout_flops"].as_f64().unwrap() > 0.0);

    // Again without --resume: refused, nothing touched.
    let again = f.train("config.toml", "run", &["--steps", "3"]);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("pass --resume"),
        "{}",
        text(&again.stderr)
    );
    // --resume with a larger --steps adds exactly the missing steps.
    let more = f.train("config.toml", "run", &["--steps", "5", "--resume"]);
    assert!(more.status.success(), "{}", text(&more.stderr));
    let lines = metrics(&run);
    assert_eq!(
        lines
            .iter()
            .map(|l| l["step"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert!(text(&more.stderr).contains("resuming after step 3"));
    // Resuming under another config is refused.
    f.write_config("other.toml", "# changed\n");
    let other = f.train("other.toml", "run", &["--resume"]);
    assert!(
        text(&other.stderr).contains("another config"),
        "{}",
        text(&other.stderr)
    );

    // The adapter loads into `ethos generate`.
    let model = f.path("tiny.gguf");
    let adapter = run.join("checkpoints/step-5");
    let out = ethos(&[
        "generate",
        "--model",
        model.to_str().unwrap(),
        "--adapter",
        adapter.to_str().unwrap(),
        "--prompt",
        "hello",
        "--max-tokens",
        "4",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_run_killed_mid_way_resumes_to_the_same_metrics() {
    let f = Fixture::new();
    let straight = f.train("config.toml", "straight", &["--steps", "6"]);
    assert!(straight.status.success(), "{}", text(&straight.stderr));

    let config = f.path("config.toml");
    let out = f.path("killed");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ethos"))
        .args(["train", "--quiet", "--steps", "6", "--config"])
        .arg(&config)
        .arg("--out")
        .arg(&out)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // SIGKILL as soon as the first checkpoint exists: the run dies mid-way, between or
    // inside steps, with no chance to clean up.
    let started = Instant::now();
    while !out.join("checkpoints/step-2").exists() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no checkpoint"
        );
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let done_before = metrics(&out).len();
    assert!(done_before < 6, "the run finished before it was killed");

    let resumed = f.train("config.toml", "killed", &["--steps", "6", "--resume"]);
    assert!(resumed.status.success(), "{}", text(&resumed.stderr));
    let a: Vec<Value> = metrics(&f.path("straight"))
        .iter()
        .map(without_timings)
        .collect();
    let b: Vec<Value> = metrics(&out).iter().map(without_timings).collect();
    assert_eq!(a.len(), 6);
    assert_eq!(a, b);
    assert_eq!(
        json(&f.path("straight/summary.json"))["compute"],
        json(&out.join("summary.json"))["compute"]
    );
}

#[test]
fn arms_change_the_mixture() {
    let f = Fixture::new();
    for arm in ["baseline", "reward-control", "health-only"] {
        let out = f.train("config.toml", arm, &["--steps", "1", "--arm", arm]);
        assert!(out.status.success(), "{arm}: {}", text(&out.stderr));
    }
    let sources = |arm: &str| json(&f.path(&format!("{arm}/run.json")))["sources"].clone();
    let baseline = sources("baseline");
    assert_eq!(baseline.as_array().unwrap().len(), 1);
    assert_eq!(baseline[0]["name"], "standard");
    assert_eq!(baseline[0]["share"], 1.0);
    let control = sources("reward-control");
    assert_eq!(control[1]["generic_rubric"], true);
    assert_eq!(control[0]["generic_rubric"], false);
    let health = sources("health-only");
    let all = json(&f.path("reward-control/run.json"))["sources"][1]["items"]
        .as_u64()
        .unwrap();
    let only = health[1]["items"].as_u64().unwrap();
    assert!(only > 0 && only < all, "{only} of {all}");

    // `ethos compare` reads the summaries: a run matches itself, a 3-step run does not
    // match a 1-step one, and a folder without a finished run is an input error.
    let compare = |a: &str, b: &str, extra: &[&str]| {
        let (a, b) = (f.path(a), f.path(b));
        let mut args = vec!["compare", a.to_str().unwrap(), b.to_str().unwrap()];
        args.extend(extra);
        ethos(&args)
    };
    let same = compare("baseline", "baseline", &[]);
    assert!(same.status.success(), "{}", text(&same.stderr));
    assert!(text(&same.stdout).contains("compute-matched within 2.0%"));
    assert!(text(&same.stdout).contains("total FLOPs"));
    let out = f.train(
        "config.toml",
        "longer",
        &["--steps", "3", "--arm", "baseline"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let off = compare("baseline", "longer", &[]);
    assert_eq!(off.status.code(), Some(1));
    assert!(
        text(&off.stdout).contains("not compute-matched within 2.0%: estimated FLOPs differ"),
        "{}",
        text(&off.stdout)
    );
    let loose = compare("baseline", "longer", &["--tolerance", "0.99"]);
    assert!(loose.status.success(), "{}", text(&loose.stdout));
    std::fs::create_dir_all(f.path("unfinished")).unwrap();
    let missing = compare("baseline", "unfinished", &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("summary.json: no such file"));
    let bad = compare("baseline", "baseline", &["--tolerance=-1"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("--tolerance"));
}

#[test]
fn sft_lowers_the_loss_on_its_examples() {
    let f = Fixture::new();
    let out = f.train("config.toml", "sft", &["--sft", "--steps", "8"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = metrics(&f.path("sft"));
    assert_eq!(lines.len(), 8);
    let loss = |l: &Value| l["loss"].as_f64().unwrap();
    assert!(
        lines
            .iter()
            .all(|l| l["trained_tokens"].as_u64().unwrap() > 0)
    );
    assert!(
        loss(&lines[7]) < 0.8 * loss(&lines[0]),
        "{} -> {}",
        loss(&lines[0]),
        loss(&lines[7])
    );
    assert!(
        f.path("sft/checkpoints/step-8/adapter_model.safetensors")
            .is_file()
    );
}

#[test]
fn bad_configs_are_clear_errors() {
    let f = Fixture::new();
    let expect = |config: &str, extra: &[&str], needle: &str| {
        let out = f.train(config, "bad", extra);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{config} {extra:?}: {}",
            text(&out.stderr)
        );
        let err = text(&out.stderr);
        assert!(err.contains(needle), "{needle:?} not in: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            !f.path("bad").exists(),
            "a failed start wrote the run folder"
        );
    };
    expect("config.toml", &["--arm", "nope"], "unknown arm `nope`");
    expect("config.toml", &["--steps", "0"], "--steps must be above 0");

    let base = std::fs::read_to_string(f.path("config.toml")).unwrap();
    let variant = |name: &str, from: &str, to: &str| {
        assert!(base.contains(from), "{from}");
        std::fs::write(f.path(name), base.replace(from, to)).unwrap();
    };
    variant("shares.toml", "share = 0.3", "share = 0.5");
    expect("shares.toml", &[], "source.share: shares sum to 1.2, not 1");
    variant("budget.toml", "steps = 4", "steps = 0");
    expect("budget.toml", &[], "budget: the budget must be above 0");
    variant(
        "empty.toml",
        "domains = [\"health\"]",
        "domains = [\"games\"]\nexclude_domains = [\"games\"]",
    );
    expect(
        "empty.toml",
        &["--arm", "health-only"],
        "has no items left after its filters",
    );
    variant(
        "domain.toml",
        "domains = [\"health\"]",
        "domains = [\"helth\"]",
    );
    expect(
        "domain.toml",
        &["--arm", "health-only"],
        "unknown domain `helth`",
    );
    variant(
        "missing.toml",
        "paths = [\"tasks\"]",
        "paths = [\"no-such-dir\"]",
    );
    expect(
        "missing.toml",
        &[],
        "no-such-dir: source[0].paths: no such file or folder",
    );
    // Held-out scenarios are the evaluation set: a source asking for them must say so.
    variant("heldout.toml", "split = \"train\"", "split = \"heldout\"");
    expect(
        "heldout.toml",
        &[],
        "selects held-out scenarios (split = \"heldout\")",
    );
    variant("unknown.toml", "[rollout]", "[rollout]\ngroups = 3");
    expect("unknown.toml", &[], "unknown field `groups`");
    variant(
        "badsft.toml",
        "paths = [\"sft.jsonl\"]",
        "paths = [\"tasks/lowercase.jsonl\"]",
    );
    expect(
        "badsft.toml",
        &["--sft"],
        "lowercase.jsonl:1: messages: SFT needs a conversation ending in an assistant turn",
    );
}

#[test]
fn the_shipped_smoke_config_trains_the_real_model() {
    let Some(model) = ethos_model::tiny::real_test_model() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let config = repo().join("experiments/smoke-train.toml");
    let out = dir.path().join("smoke");
    let run = ethos(&[
        "train",
        "--config",
        config.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
        "--steps",
        "1",
        "--quiet",
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let lines = metrics(&out);
    assert_eq!(lines.len(), 1);
    assert!(lines[0]["generated_tokens"].as_u64().unwrap() > 0);
    let config = json(&out.join("checkpoints/step-1/adapter_config.json"));
    assert_eq!(
        config["base_model_name_or_path"],
        "SmolLM2-135M-Instruct.Q4_1.gguf"
    );
    assert_eq!(config["r"], 8);
}

#[test]
fn a_token_budget_stops_once_reached() {
    let f = Fixture::new();
    let base = std::fs::read_to_string(f.path("config.toml")).unwrap();
    // A step generates at most 3 prompts x 4 completions x 8 tokens = 96 tokens.
    std::fs::write(
        f.path("tokens.toml"),
        base.replace("steps = 4", "generated_tokens = 150"),
    )
    .unwrap();
    let out = f.train("tokens.toml", "tokens", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = json(&f.path("tokens/summary.json"));
    let generated = summary["compute"]["generated_tokens"].as_u64().unwrap();
    let steps = summary["compute"]["steps"].as_u64().unwrap();
    assert!(generated >= 150, "{generated}");
    // It stopped at the first step that reached the budget.
    let lines = metrics(&f.path("tokens"));
    assert_eq!(lines.len() as u64, steps);
    let before_last = lines[lines.len() - 2]["totals"]["generated_tokens"]
        .as_u64()
        .unwrap();
    assert!(before_last < 150, "{before_last}");
}
