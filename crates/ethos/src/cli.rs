//! Command-line flags, defined once.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use ethos_model::{DeviceSpec, WeightType};

/// ethos: beneficial-trait reinforcement learning.
#[derive(Debug, Parser)]
#[command(name = "ethos", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check and summarise catalogs, scenarios and tasks.
    #[command(subcommand)]
    Data(DataCommand),
    /// Fetch or inspect model files.
    #[command(subcommand)]
    Model(ModelCommand),
    /// Generate a reply to a prompt or a conversation.
    Generate(GenerateArgs),
    /// Log-likelihood of a continuation after a conversation.
    Score(ScoreArgs),
    /// Serve a model over an OpenAI-compatible HTTP API.
    Serve(ServeArgs),
    /// Grade responses with rules, a rubric judge or both; `grade audit` tests a grader
    /// against gaming responses.
    Grade(GradeCommand),
    /// Train LoRA adapters with GRPO on an experiment's mixture (or SFT with --sft).
    Train(TrainArgs),
    /// Compare two evaluation runs (paired statistics per benchmark), or check that two
    /// finished training runs (arms) used the same compute.
    Compare(CompareArgs),
    /// List, show and import benchmarks.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Score a model on benchmarks (`eval correlate` relates runs).
    Eval(EvalCommand),
    /// Persistence attacks: harmful and helpful persona prompts, harmful fine-tuning.
    #[command(subcommand)]
    Attack(AttackCommand),
    /// Run a whole study from an experiment file: train every arm, evaluate, attack, report.
    Run(RunArgs),
    /// Rebuild the report (report.html, summary.json, summary.md) of an `ethos run` folder.
    Report(ReportArgs),
    /// Write an arm's training prompts as TRL, verl or OpenRLHF datasets, drawn by ethos's
    /// own sampler.
    Export(ExportArgs),
    /// Serve an arm's reward grader over HTTP for external RL engines (OpenRLHF's remote
    /// reward protocol, and the TRL and verl shims in python/).
    ServeReward(ServeRewardArgs),
}

/// `ethos export` flags.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// A training config, or an experiment file (its `train` config, `steps` and first seed).
    #[arg(long, value_name = "FILE")]
    pub config: PathBuf,
    /// The arm whose mixture is exported.
    #[arg(long, value_name = "ARM")]
    pub arm: String,
    /// The engine's dataset format.
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// Output folder (train.*, validation.*, export.json).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Steps to export (prompts per step from the config). Default: the experiment's or
    /// the config's budget.
    #[arg(long, value_name = "N")]
    pub steps: Option<u64>,
    /// The sampler's seed. Default: the experiment's first seed, else the config's.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Validation prompts, drawn from the same mixture with a separate seed stream.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub validation: usize,
}

/// `--format` values of `ethos export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormatArg {
    /// JSONL with a conversational `prompt` column and `ethos_id` (TRL's GRPOTrainer).
    Trl,
    /// Parquet with data_source, prompt, ability, reward_model, extra_info (verl).
    Verl,
    /// JSONL with a chat `input` and a `label` holding the item id (OpenRLHF).
    Openrlhf,
}

/// `ethos serve-reward` flags.
#[derive(Debug, Args)]
pub struct ServeRewardArgs {
    /// A training config, or an experiment file (its `train` config).
    #[arg(long, value_name = "FILE")]
    pub config: PathBuf,
    /// The arm whose items (and rubrics: the reward-control arm's generic one) are served.
    #[arg(long, value_name = "ARM")]
    pub arm: String,
    /// The grader (`rules`, `judge:MODEL`, `composite:MODEL`). Default: the config's
    /// `[graders] reward`.
    #[arg(long, value_name = "SPEC")]
    pub grader: Option<String>,
    /// How a judge runs.
    #[command(flatten)]
    pub judge: JudgeArgs,
    /// Address to bind (loopback by default; use 0.0.0.0 to accept remote clients).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// Port (0 picks a free one and prints it).
    #[arg(long, default_value_t = 8777)]
    pub port: u16,
    /// Require `Authorization: Bearer KEY` or `X-API-Key: KEY` on every request.
    #[arg(long, env = "ETHOS_REWARD_API_KEY", hide_env_values = true)]
    pub api_key: Option<String>,
    /// Most responses graded in one request (HTTP 413 above).
    #[arg(long, default_value_t = 4096, value_name = "N")]
    pub max_batch: usize,
    /// Requests graded at once; more wait their turn (a judge grader overlaps its own
    /// calls within a request).
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub max_concurrent: usize,
    /// Largest request body in MiB (HTTP 413 above).
    #[arg(long, default_value_t = 32, value_name = "MIB")]
    pub max_body_mib: usize,
    /// Seconds a client is told to wait (Retry-After) after a judge outage.
    #[arg(long, default_value_t = 10, value_name = "SECONDS")]
    pub retry_after: u64,
}

/// `ethos run` flags.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The experiment file (`experiments/quickstart.toml`).
    #[arg(value_name = "EXPERIMENT")]
    pub experiment: PathBuf,
    /// The run folder (default: runs/<experiment name>); rerun to resume.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print the commands the run will execute and an estimate of the work, then stop.
    #[arg(long)]
    pub dry_run: bool,
}

/// `ethos report` flags.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The `ethos run` folder.
    #[arg(value_name = "RUN_DIR")]
    pub run: PathBuf,
}

/// Subcommands of `ethos attack`.
#[derive(Debug, Subcommand)]
pub enum AttackCommand {
    /// Evaluate benchmarks clean and under each persona as the system prompt; `--list`
    /// shows the persona library.
    Persona(PersonaArgs),
    /// Fine-tune on a harmful attack set with a fixed LoRA SFT recipe and evaluate after
    /// each dose: a dose-response table.
    Finetune(FinetuneArgs),
}

/// `ethos attack finetune` flags.
#[derive(Debug, Args)]
pub struct FinetuneArgs {
    /// The attack set: JSONL conversations ending in an assistant turn (`messages`).
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Attack examples trained on before each evaluation: starts at 0 (the model as
    /// given), strictly increasing, multiples of the recipe's examples per step (5).
    #[arg(
        long,
        value_name = "N,N,...",
        value_delimiter = ',',
        default_value = "0,25,50,100,200"
    )]
    pub doses: Vec<u64>,
    /// Evaluation flags (the model, its --adapter, --benchmarks, --out, ...).
    #[command(flatten)]
    pub eval: EvalArgs,
}

/// `ethos attack persona` flags.
#[derive(Debug, Args)]
pub struct PersonaArgs {
    /// List the personas (with --persona-file's added) and stop.
    #[arg(long)]
    pub list: bool,
    /// Comma-separated: `all`, `harmful`, `helpful` or persona ids.
    #[arg(long, value_name = "SEL")]
    pub personas: Option<String>,
    /// A JSONL file of personas to add to the built-in library (same id replaces).
    #[arg(long, value_name = "FILE")]
    pub persona_file: Vec<PathBuf>,
    /// Evaluation flags (`--system-prompt` is refused: the persona is the system prompt).
    #[command(flatten)]
    pub eval: EvalArgs,
}

/// `ethos compare` flags.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The baseline: an evaluation run folder, or several comma-separated (seeds; item
    /// scores are averaged over them). For training runs: the first arm's run folder.
    #[arg(value_name = "BASELINE")]
    pub a: RunList,
    /// The candidate, in the same form.
    #[arg(value_name = "CANDIDATE")]
    pub b: RunList,
    /// Training runs: largest allowed relative gap in estimated FLOPs and generated tokens.
    #[arg(long, default_value_t = 0.02, value_name = "FRACTION")]
    pub tolerance: f64,
    /// Bootstrap resamples per benchmark.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub resamples: usize,
    /// Seed of the bootstrap.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print the comparison as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Run folders given as one comma-separated argument.
#[derive(Debug, Clone)]
pub struct RunList(pub Vec<PathBuf>);

impl std::str::FromStr for RunList {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let runs: Vec<PathBuf> = text
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .collect();
        if runs.is_empty() {
            return Err("give a run folder, or several separated by commas".to_string());
        }
        Ok(Self(runs))
    }
}

/// `ethos bench ...`
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// List the registered benchmarks (built-in, plus files or folders given) with item
    /// counts.
    List {
        /// Benchmark files or folders to add to the built-in ones.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Print one benchmark's header and its first items.
    Show {
        /// The benchmark id.
        id: String,
        /// Benchmark files or folders to search besides the built-in ones.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Items to print.
        #[arg(long, default_value_t = 3, value_name = "N")]
        items: usize,
        /// Print JSON (the header and the items shown).
        #[arg(long)]
        json: bool,
    },
    /// Convert files of a public benchmark format into ethos benchmark files.
    Import(ImportArgs),
    /// Items, categories, answer balance, length-only, keyword-only and cross-validated
    /// wording baselines, near-duplicate rates, overlap with the training data and the gaming audit of
    /// free-text rubrics, per benchmark.
    Stats {
        /// Benchmark files or folders to add to the built-in ones.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Training data the benchmarks must not repeat.
        #[arg(long, value_name = "PATH", default_value = "data")]
        training: Vec<PathBuf>,
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
}

/// `ethos bench import` flags.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The format: anthropic-evals, truthfulqa, bbq, healthbench, mask,
    /// emergent-misalignment, sycophancy-eval or darkbench.
    #[arg(value_name = "FORMAT")]
    pub format: String,
    /// Input files or folders.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Folder to write one `<id>.jsonl` per benchmark into.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Direction of every imported benchmark, instead of the format's default.
    #[arg(long, value_enum)]
    pub direction: Option<DirectionArg>,
    /// Replace benchmark files that already exist in --out.
    #[arg(long)]
    pub force: bool,
}

/// `--direction` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DirectionArg {
    /// A higher score is better.
    HigherIsBetter,
    /// A lower score is better.
    LowerIsBetter,
}

/// `ethos eval ...`, or `ethos eval correlate ...`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct EvalCommand {
    /// `correlate`, or nothing to evaluate.
    #[command(subcommand)]
    pub action: Option<EvalAction>,
    /// Flags for evaluating.
    #[command(flatten)]
    pub eval: EvalArgs,
}

/// Subcommands of `ethos eval`.
#[derive(Debug, Subcommand)]
pub enum EvalAction {
    /// Spearman correlations of benchmark scores across runs and the share of variance on
    /// the first principal component, against a permutation null.
    Correlate(CorrelateArgs),
}

/// `ethos eval correlate` flags.
#[derive(Debug, Args)]
pub struct CorrelateArgs {
    /// Evaluation run folders (at least two; three for the principal component).
    #[arg(value_name = "RUN", required = true, num_args = 2..)]
    pub runs: Vec<PathBuf>,
    /// Permutations of the null distribution.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub permutations: usize,
    /// Seed of the permutations.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `ethos eval` flags.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Which model.
    #[command(flatten)]
    pub model: ModelArgs,
    /// Comma-separated: `all`, ids, globs (`truthfulqa-*`), `category:NAME`, `trait:NAME`,
    /// or paths of benchmark files and folders. Required.
    #[arg(long, value_name = "SEL")]
    pub benchmarks: Option<String>,
    /// The run folder (records/, eval.json, summary.json); rerun to resume. Required.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Evaluate only the first N items of each benchmark.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Responses per item for generative benchmarks (default: the benchmark's own, else 1).
    #[arg(long, value_name = "K")]
    pub samples: Option<usize>,
    /// A system prompt put before every conversation (joined with an item's own).
    #[arg(long, value_name = "TEXT")]
    pub system_prompt: Option<String>,
    /// Sampling temperature (default: greedy with one sample, 1.0 with several).
    #[arg(long, value_name = "T")]
    pub temperature: Option<f32>,
    /// Sampling seed.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// The evaluation judge for benchmarks that need one: `openai:URL#NAME`, a GGUF file,
    /// a Hugging Face directory, or `default`.
    #[arg(long, value_name = "MODEL")]
    pub judge: Option<String>,
    /// Grader of free-text rubrics (default: `composite:JUDGE` with --judge, else `rules`).
    #[arg(long, value_name = "SPEC")]
    pub grader: Option<String>,
    /// How judge numbers and choices are read: from the text, or probability-weighted over
    /// the first answer token's top log-probs.
    #[arg(long, value_enum, default_value_t = JudgeScoringArg::Text)]
    pub judge_scoring: JudgeScoringArg,
    /// How the judge runs.
    #[command(flatten)]
    pub judge_args: JudgeArgs,
    /// Items per chunk of work (records are saved after each chunk).
    #[arg(long, default_value_t = 16, value_name = "N")]
    pub chunk: usize,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
}

/// `--judge-scoring` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum JudgeScoringArg {
    /// Parse the judge's text.
    Text,
    /// Probability-weighted over the first answer token's top log-probs.
    Probability,
}

/// `ethos train` flags.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The experiment config (TOML; see docs/training.md).
    #[arg(long, value_name = "FILE")]
    pub config: PathBuf,
    /// The run folder (metrics.jsonl, checkpoints/, summary.json).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Train this many steps instead of the config's budget.
    #[arg(long, value_name = "N")]
    pub steps: Option<u64>,
    /// Continue the run in --out from its last checkpoint.
    #[arg(long)]
    pub resume: bool,
    /// The arm to train (default: the config's first arm).
    #[arg(long, value_name = "NAME")]
    pub arm: Option<String>,
    /// Supervised fine-tuning on the config's [sft] data instead of GRPO.
    #[arg(long)]
    pub sft: bool,
    /// Seed of the run instead of the config's (recorded in run.json).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Use this model instead of the config's (a GGUF file or Hugging Face folder).
    #[arg(long, value_name = "PATH")]
    pub model: Option<String>,
    /// Judge calls in flight at once, when the reward grader uses a judge.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub judge_concurrency: usize,
    /// Verdict cache of the reward judge. Default: verdicts.sqlite in the cache directory.
    #[arg(long, value_name = "FILE")]
    pub judge_cache: Option<PathBuf>,
    /// Where the model runs.
    #[command(flatten)]
    pub placement: PlacementArgs,
    /// No progress bar; one log line per step on stderr.
    #[arg(long)]
    pub quiet: bool,
}

/// Where a local model runs and in which float type.
#[derive(Debug, Args)]
pub struct PlacementArgs {
    /// Device of a local model: cpu, or cuda / cuda:N on a build with `--features cuda`.
    #[arg(
        long,
        default_value = "cpu",
        env = "ETHOS_DEVICE",
        value_name = "DEVICE"
    )]
    pub device: DeviceSpec,
    /// Float type of a local model's weights: f32, bf16 or f16. Default: f32 on the CPU,
    /// bf16 on a GPU. LoRA adapters and their optimizer state stay f32.
    #[arg(long, value_name = "TYPE")]
    pub dtype: Option<WeightType>,
}

/// `ethos grade --data ... --responses ...`, or `ethos grade audit ...`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct GradeCommand {
    /// `audit`, or nothing to grade responses.
    #[command(subcommand)]
    pub action: Option<GradeAction>,
    /// Flags for grading responses.
    #[command(flatten)]
    pub grade: GradeArgs,
}

/// Subcommands of `ethos grade`.
#[derive(Debug, Subcommand)]
pub enum GradeAction {
    /// Grade gaming responses (keyword stuffing, hedging, refusal, padding, sycophancy,
    /// copying the user, empty) against the references: can the grader be gamed?
    /// Exits 1 when a strategy scores above 40% of the reference's mean (the padded
    /// reference: above the reference).
    Audit(AuditArgs),
    /// Grade hand-labelled answers (data/grading) and report agreement with the labels per
    /// grader: criterion accuracy, negatives caught, good/bad score gap, Spearman.
    Validate(ValidateArgs),
}

/// Which grader and how it runs.
#[derive(Debug, Args)]
pub struct GraderArgs {
    /// `rules`, `judge:MODEL`, `composite:MODEL` (checks where a criterion has one, the
    /// judge elsewhere) or `both:MODEL` (both, disagreements reported). MODEL is
    /// `openai:URL#NAME`, a GGUF file, a Hugging Face directory, or `default`.
    #[arg(long, default_value = "rules", value_name = "SPEC")]
    pub grader: String,
    /// How the judge runs.
    #[command(flatten)]
    pub judge: JudgeArgs,
}

/// How a judge model is called and cached.
#[derive(Debug, Args)]
pub struct JudgeArgs {
    /// One JSON judge call per criterion (HealthBench), all criteria in one call, or one
    /// yes/no call per criterion read from the judge's log-probabilities (never fails to
    /// parse; works with small local judges).
    #[arg(long, value_enum, default_value_t = JudgeModeArg::PerCriterion)]
    pub judge_mode: JudgeModeArg,
    /// Judge calls in flight at once.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub concurrency: usize,
    /// Attempts per judge call when its answer is not valid JSON (first call included).
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub max_attempts: usize,
    /// Seconds before an HTTP judge call times out (it is then retried with backoff).
    #[arg(long, default_value_t = 120.0, value_name = "SECONDS")]
    pub judge_timeout: f64,
    /// Judge prompt template (Jinja; see docs/grading.md). Default: the built-in one.
    #[arg(long, value_name = "FILE")]
    pub judge_template: Option<PathBuf>,
    /// Verdict cache (SQLite). Default: verdicts.sqlite in the ethos cache directory.
    #[arg(long, value_name = "FILE")]
    pub cache: Option<PathBuf>,
    /// Neither read nor write the verdict cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// `--judge-mode` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum JudgeModeArg {
    /// One call per criterion.
    PerCriterion,
    /// One call per response, every criterion in it.
    Batched,
    /// One call per criterion, P(yes) against P(no) from the top log-probabilities.
    YesNo,
}

/// `ethos grade` flags.
#[derive(Debug, Args)]
pub struct GradeArgs {
    /// Scenario and task files or directories the responses answer.
    #[arg(long, value_name = "PATH", required = true, num_args = 1..)]
    pub data: Vec<PathBuf>,
    /// JSONL of responses: {"id": ITEM_ID, "response": TEXT} per line.
    #[arg(long, value_name = "FILE", required = true)]
    pub responses: Option<PathBuf>,
    /// Write one graded record per response here (JSONL).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// Which grader.
    #[command(flatten)]
    pub grader: GraderArgs,
}

/// `ethos grade audit` flags.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Scenario files or directories (scenarios with a `reference` are audited).
    #[arg(long, value_name = "PATH", required = true, num_args = 1..)]
    pub data: Vec<PathBuf>,
    /// Audit at most this many scenarios (a deterministic spread). Default: all.
    #[arg(long, value_name = "N")]
    pub sample: Option<usize>,
    /// Seed of the sample.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print a JSON list of {strategy, mean_reward, reference_mean, verdict, ...}.
    #[arg(long)]
    pub json: bool,
    /// Also write the whole audit (grader, scenarios, rows) to this JSON file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Which grader.
    #[command(flatten)]
    pub grader: GraderArgs,
}

/// `ethos grade validate` flags.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Labelled-answer files or folders.
    #[arg(long, value_name = "PATH", num_args = 1.., default_value = "data/grading")]
    pub data: Vec<PathBuf>,
    /// Scenario files or folders the answers respond to.
    #[arg(long, value_name = "PATH", num_args = 1.., default_value = "data/scenarios")]
    pub scenarios: Vec<PathBuf>,
    /// Graders to validate, each reported on its own (`rules`, `judge:MODEL`,
    /// `composite:MODEL`, `both:MODEL`); repeat the flag for several.
    #[arg(long = "grader", value_name = "SPEC", default_value = "rules")]
    pub graders: Vec<String>,
    /// How a judge runs.
    #[command(flatten)]
    pub judge: JudgeArgs,
    /// Validate only the first N labelled answers.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Criteria listed as most often wrong, per grader.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub show: usize,
    /// Exit 1 when a grader misses a target (good >= 0.85, bad <= 0.30, accuracy >= 0.85).
    #[arg(long)]
    pub require_targets: bool,
    /// Print the reports (every graded answer included) as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `ethos serve` flags.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Which model.
    #[command(flatten)]
    pub model: ModelArgs,
    /// Address to bind (loopback by default; use 0.0.0.0 to accept remote clients).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// Port (0 picks a free one and prints it).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Require `Authorization: Bearer KEY` on every request.
    #[arg(long, env = "ETHOS_API_KEY", hide_env_values = true)]
    pub api_key: Option<String>,
    /// Requests handled at once; more are answered with HTTP 429.
    #[arg(long, default_value_t = 64)]
    pub max_concurrent: usize,
    /// Largest max_tokens a request may ask for.
    #[arg(long, default_value_t = 4096)]
    pub max_tokens_cap: usize,
    /// Most sequences decoded together.
    #[arg(long, default_value_t = 32)]
    pub max_batch: usize,
}

/// `ethos model ...`
#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Download the default model (SmolLM2-135M-Instruct, Q4_1 GGUF) into the cache.
    Pull,
    /// Print architecture, parameter count, quantisation, context length and chat template.
    Info {
        /// Model file (default: the default model).
        path: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Which model to load.
#[derive(Debug, Args)]
pub struct ModelArgs {
    /// GGUF file, Hugging Face directory, or `openai:URL#MODEL` for an OpenAI-compatible
    /// server (API key from ETHOS_API_KEY). Default: the default model, pulled on first use.
    #[arg(long, value_name = "MODEL")]
    pub model: Option<String>,
    /// Jinja chat template file of a remote model (needed to score over HTTP).
    #[arg(long, value_name = "FILE")]
    pub chat_template: Option<PathBuf>,
    /// Decode with the f32 weights, never their Q8_0 copies (generation log-probs then
    /// equal scoring's exactly). Without it, Q8_0 copies are used where the CPU has
    /// integer dot-product instructions (VNNI, Arm dotprod) that make them faster.
    /// Local models only.
    #[arg(long)]
    pub exact_decode: bool,
    /// LoRA adapter directory (PEFT layout: adapter_config.json,
    /// adapter_model.safetensors) applied to a local model.
    #[arg(long, value_name = "DIR")]
    pub adapter: Option<PathBuf>,
    /// Where a local model runs.
    #[command(flatten)]
    pub placement: PlacementArgs,
}

/// `ethos generate` flags.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Which model.
    #[command(flatten)]
    pub model: ModelArgs,
    /// The user message.
    #[arg(
        long,
        conflicts_with = "messages",
        required_unless_present = "messages"
    )]
    pub prompt: Option<String>,
    /// JSON file with the conversation (an array of {role, content}, ending with a user turn).
    #[arg(long, value_name = "FILE")]
    pub messages: Option<PathBuf>,
    /// Most new tokens per completion.
    #[arg(long, default_value_t = 128)]
    pub max_tokens: usize,
    /// Sampling temperature; 0 is greedy.
    #[arg(long, default_value_t = 0.0)]
    pub temperature: f32,
    /// Nucleus sampling mass.
    #[arg(long, default_value_t = 1.0)]
    pub top_p: f32,
    /// Random seed.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Completions to sample.
    #[arg(long, default_value_t = 1)]
    pub n: usize,
    /// Stop before this string (repeatable).
    #[arg(long)]
    pub stop: Vec<String>,
    /// Report this many alternatives per generated token (with --json).
    #[arg(long, default_value_t = 0)]
    pub top_logprobs: usize,
    /// Print JSON with tokens, log-probabilities and speed.
    #[arg(long)]
    pub json: bool,
}

/// `ethos score` flags.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Which model.
    #[command(flatten)]
    pub model: ModelArgs,
    /// JSON file with the conversation before the continuation.
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "items",
        requires = "continuation"
    )]
    pub messages: Option<PathBuf>,
    /// The assistant text to score.
    #[arg(long)]
    pub continuation: Option<String>,
    /// JSONL file of {"messages": [...], "continuation": "..."} items, scored in batches;
    /// prints one JSON line per item and a speed summary on stderr.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["messages", "continuation"])]
    pub items: Option<PathBuf>,
    /// Items per batch with --items.
    #[arg(long, default_value_t = 16)]
    pub batch_size: usize,
    /// Print JSON (the default output is one line of text).
    #[arg(long)]
    pub json: bool,
}

/// `ethos data ...`
#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Validate data files; exit 2 and list every problem (file, line, field) if any.
    Validate(DataArgs),
    /// Print statistics of valid data: grid coverage, multi-turn share, references, tasks.
    Stats(StatsArgs),
}

/// Where the data is.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// Files or directories (searched recursively for traits.toml, domains.toml, *.jsonl).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Catalog directory with traits.toml and domains.toml (default: one among PATHs, a
    /// `catalog/` folder above them, or the built-in catalog).
    #[arg(long, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
    /// Most problems listed per file.
    #[arg(long, value_name = "N", default_value_t = ethos_core::dataset::DEFAULT_MAX_ERRORS_PER_FILE)]
    pub max_errors: usize,
}

/// `ethos data stats` flags.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Where the data is.
    #[command(flatten)]
    pub data: DataArgs,
    /// Print a JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}
