//! `ethos model pull|info`, `ethos generate`, `ethos score`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use ethos_core::Message;
use ethos_core::message::parse_conversation;
use ethos_model::pull::{cache_dir, default_model_path, pull_default_model};
use ethos_model::{
    CandleModel, GenerationRequest, GgufFile, HttpConfig, HttpModel, LanguageModel, LoadOptions,
    SamplingParams, ScoreRequest,
};
use serde_json::json;

use crate::cli::{GenerateArgs, ModelArgs, ModelCommand, ScoreArgs};

pub fn run_model(command: ModelCommand) -> anyhow::Result<ExitCode> {
    match command {
        ModelCommand::Pull => {
            let path = pull(&cache_dir())?;
            println!("{}", path.display());
        }
        ModelCommand::Info { path, json } => {
            let path = resolve(path.as_deref())?;
            let info = GgufFile::open(&path)?.info();
            if json {
                println!("{}", serde_json::to_string_pretty(&info)?);
            } else {
                println!("path            {}", info.path);
                println!("name            {}", info.name.as_deref().unwrap_or("-"));
                println!("architecture    {}", info.architecture);
                println!(
                    "parameters      {} ({:.1} M)",
                    info.parameters,
                    info.parameters as f64 / 1e6
                );
                println!("quantization    {}", info.quantization.join(", "));
                println!(
                    "context length  {}",
                    info.context_length
                        .map_or("-".to_string(), |c| c.to_string())
                );
                println!(
                    "vocabulary      {}",
                    info.vocab_size.map_or("-".to_string(), |c| c.to_string())
                );
                println!(
                    "chat template   {}",
                    info.chat_template
                        .as_deref()
                        .unwrap_or("(none; ChatML is used)")
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn pull(cache: &Path) -> anyhow::Result<PathBuf> {
    let path = pull_default_model(cache, &mut |line| eprintln!("ethos: {line}"))?;
    Ok(path)
}

/// The model file to use: the one given, else the default model (pulled if missing).
pub fn resolve(path: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(path) = path {
        return Ok(path.to_path_buf());
    }
    let cache = cache_dir();
    let default = default_model_path(&cache);
    if default.is_file() {
        return Ok(default);
    }
    eprintln!(
        "ethos: the default model is not in {} yet; pulling it once",
        cache.display()
    );
    pull(&cache)
}

fn load(args: &ModelArgs) -> anyhow::Result<(CandleModel, f64)> {
    let path = resolve(args.model.as_deref().map(Path::new))?;
    let started = Instant::now();
    let defaults = LoadOptions::default();
    let options = LoadOptions {
        int8_decode: defaults.int8_decode && !args.exact_decode,
        device: args.placement.device,
        weights: args.placement.dtype,
    };
    let mut model = CandleModel::load_with(&path, options)
        .with_context(|| format!("loading model {}", path.display()))?;
    if let Some(adapter) = &args.adapter {
        model
            .attach_peft_adapter(adapter)
            .with_context(|| format!("loading adapter {}", adapter.display()))?;
    }
    Ok((model, started.elapsed().as_secs_f64()))
}

fn read_conversation(path: &Path) -> anyhow::Result<Vec<Message>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_conversation(&text)
        .map_err(|err| anyhow::anyhow!("{}: {}: {}", path.display(), err.field, err.message))
}

pub fn run_generate(args: GenerateArgs) -> anyhow::Result<ExitCode> {
    let messages = match (&args.prompt, &args.messages) {
        (Some(prompt), None) => vec![Message::user(prompt.clone())],
        (None, Some(path)) => read_conversation(path)?,
        _ => bail!("give exactly one of --prompt and --messages"),
    };
    let params = SamplingParams {
        temperature: args.temperature,
        top_p: args.top_p,
        max_tokens: args.max_tokens,
        stop: args.stop.clone(),
        seed: args.seed,
        n: args.n,
        top_logprobs: args.top_logprobs,
    };
    params.validate()?;
    let request = GenerationRequest {
        prompt: messages.into(),
        params,
    };
    if let Some(remote) = remote(&args.model)? {
        let generation = remote
            .generate(&[request])?
            .into_iter()
            .next()
            .context("no generation returned")?;
        if args.json {
            let out = json!({"model": remote.id(), "prompt_tokens": generation.prompt_tokens, "completions": generation.completions});
            println!("{}", serde_json::to_string_pretty(&out)?);
        } else {
            print_completions(&generation);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (model, load_seconds) = load(&args.model)?;
    let (generations, timing) = model.generate_timed(&[request])?;
    let generation = generations
        .into_iter()
        .next()
        .context("no generation returned")?;
    if args.json {
        let out = json!({
            "model": model.id(),
            "prompt_tokens": generation.prompt_tokens,
            "completions": generation.completions,
            "timing": {
                "load_seconds": load_seconds,
                "prompt_tokens_per_second": timing.prompt_tokens_per_second(),
                "decode_tokens_per_second": timing.decode_tokens_per_second(),
                "prompt_seconds": timing.prompt_seconds,
                "decode_seconds": timing.decode_seconds,
                "decode_tokens": timing.decode_tokens,
            },
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print_completions(&generation);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_completions(generation: &ethos_model::Generation) {
    for (index, completion) in generation.completions.iter().enumerate() {
        if generation.completions.len() > 1 {
            println!("--- completion {index}");
        }
        println!("{}", completion.text);
    }
}

/// Opens a model from a spec: `default`, `openai:URL#NAME`, a GGUF file or a Hugging Face
/// directory. `concurrency` and `timeout` apply to HTTP models.
pub fn open_model(
    spec: &str,
    concurrency: usize,
    timeout: std::time::Duration,
) -> anyhow::Result<std::sync::Arc<dyn LanguageModel>> {
    if spec.starts_with("openai:") {
        let mut config = HttpConfig::from_spec(spec)?;
        config.concurrency = concurrency.max(1);
        config.timeout = timeout;
        return Ok(std::sync::Arc::new(HttpModel::new(config)?));
    }
    let path = resolve((spec != "default").then(|| Path::new(spec)))?;
    let model =
        CandleModel::load(&path).with_context(|| format!("loading model {}", path.display()))?;
    Ok(std::sync::Arc::new(model))
}

/// The model `--model` names, local or remote, with its adapter applied.
pub fn open_evaluated(args: &ModelArgs) -> anyhow::Result<Box<dyn LanguageModel>> {
    Ok(match remote(args)? {
        Some(remote) => Box::new(remote),
        None => Box::new(load(args)?.0),
    })
}

/// An HTTP model when `--model` is an `openai:` spec.
fn remote(args: &ModelArgs) -> anyhow::Result<Option<HttpModel>> {
    let Some(spec) = args.model.as_deref().filter(|m| m.starts_with("openai:")) else {
        return Ok(None);
    };
    if args.adapter.is_some() {
        bail!("--adapter applies to local models; a server loads its own adapters");
    }
    let mut model = HttpModel::new(HttpConfig::from_spec(spec)?)?;
    if let Some(path) = &args.chat_template {
        let source = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        model = model.with_template(ethos_model::ChatTemplate::new(&source, "", "")?);
    }
    Ok(Some(model))
}

pub fn run_score(args: ScoreArgs) -> anyhow::Result<ExitCode> {
    let requests = match (&args.items, &args.messages, &args.continuation) {
        (Some(items), _, _) => read_score_items(items)?,
        (None, Some(messages), Some(continuation)) => {
            vec![ScoreRequest {
                messages: read_conversation(messages)?,
                continuation: continuation.clone(),
            }]
        }
        _ => bail!("give --items, or --messages with --continuation"),
    };
    let model = open_evaluated(&args.model)?;
    let started = Instant::now();
    let mut scores = Vec::with_capacity(requests.len());
    for batch in requests.chunks(args.batch_size.max(1)) {
        scores.extend(model.loglikelihood(batch)?);
    }
    let seconds = started.elapsed().as_secs_f64();
    if args.items.is_some() {
        for score in &scores {
            println!(
                "{}",
                json!({"logprob": score.logprob, "tokens": score.tokens, "is_greedy": score.is_greedy})
            );
        }
        let tokens: usize = scores.iter().map(|s| s.tokens).sum();
        eprintln!(
            "ethos: scored {} items ({tokens} continuation tokens) in {seconds:.2}s: {:.1} items/s",
            scores.len(),
            scores.len() as f64 / seconds.max(1e-9)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let score = scores.into_iter().next().context("no score returned")?;
    if args.json {
        let out = json!({
            "model": model.id(),
            "logprob": score.logprob,
            "tokens": score.tokens,
            "is_greedy": score.is_greedy,
            "token_logprobs": score.token_logprobs,
        });
        println!("{out}");
    } else {
        println!(
            "logprob {:.4} over {} tokens (greedy: {})",
            score.logprob, score.tokens, score.is_greedy
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn read_score_items(path: &Path) -> anyhow::Result<Vec<ScoreRequest>> {
    let (lines, problems) = ethos_core::jsonl::read_jsonl::<ScoreRequest>(path);
    if let Some(problem) = problems.first() {
        bail!("{problem}");
    }
    for line in &lines {
        if let Some(problem) = ethos_core::message::conversation_problems(&line.value.messages)
            .into_iter()
            .next()
        {
            bail!("{}:{}: {}", path.display(), line.line, problem);
        }
    }
    Ok(lines.into_iter().map(|l| l.value).collect())
}

pub fn run_serve(args: crate::cli::ServeArgs) -> anyhow::Result<ExitCode> {
    let (model, load_seconds) = load(&args.model)?;
    eprintln!("ethos: loaded {} in {load_seconds:.1}s", model.id());
    let config = ethos_serve::ServeConfig {
        host: args.host,
        port: args.port,
        api_key: args.api_key.clone(),
        max_concurrent: args.max_concurrent,
        max_tokens_cap: args.max_tokens_cap,
        max_batch: args.max_batch,
        ..ethos_serve::ServeConfig::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let model: std::sync::Arc<dyn LanguageModel> = std::sync::Arc::new(model);
    runtime.block_on(ethos_serve::serve(model, config, |address| {
        // Tests and scripts read this line to find the port.
        eprintln!("ethos: listening on http://{address}/v1");
    }))?;
    Ok(ExitCode::SUCCESS)
}
