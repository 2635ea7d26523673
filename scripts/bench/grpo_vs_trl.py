#!/usr/bin/env python3
"""One GRPO step, ethos vs TRL's GRPOTrainer, on CPU, same machine, same run.

    python3 scripts/bench/grpo_vs_trl.py --python /path/to/venv/bin/python \
        --model ../shared/models/SmolLM2-135M-Instruct.Q4_1.gguf

Both sides: the default model (TRL loads the same GGUF through transformers, which
dequantises it to f32), 8 prompts x G = 8 completions, up to 128 new tokens at
temperature 1, LoRA r = 16 (alpha 32) on q_proj and v_proj, KL beta 0.04, one optimizer
update per step over the 64 sequences (TRL: per-device batch 16, gradient accumulation
4, one generation per 4 micro-batches; ethos: micro-batches of --ethos-micro, 8 by
default, since 16 sequences of ~190 positions through ethos's backward need more than
24 GB; the accumulated gradient does not depend on the micro-batch size), the same
word-limit prompts and the same word-count reward. TRL runs with its defaults otherwise
(gradient checkpointing on); --trl-no-checkpointing turns that off. Each side runs --steps steps in its own process;
the table reports seconds per step (mean of the steps after the first, and the first)
and peak resident memory of the process (`/usr/bin/time -f %M`).

The TRL side runs in the Python given by --python, which needs torch, transformers,
trl, peft and gguf.
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

PROMPTS = 8
GROUP = 8
MAX_NEW = 128
RANK = 16
MICRO = 16


def word_limit_prompts(repo: pathlib.Path, n: int):
    rows = [json.loads(l) for l in (repo / "data/tasks/word_limit.jsonl").read_text().splitlines()]
    return rows[:n]


def reward(text: str, params: dict) -> float:
    words = len(text.split())
    lo, hi = params.get("min_words", 1), params.get("max_words", 10**9)
    return 1.0 if max(lo, 1) <= words <= hi else 0.0


def trl_worker(args) -> None:
    import torch
    from datasets import Dataset
    from peft import LoraConfig
    from transformers import AutoModelForCausalLM, AutoTokenizer, TrainerCallback
    from trl import GRPOConfig, GRPOTrainer

    torch.manual_seed(0)
    model_path = pathlib.Path(args.model).resolve()
    tok = AutoTokenizer.from_pretrained(model_path.parent, gguf_file=model_path.name)
    model = AutoModelForCausalLM.from_pretrained(
        model_path.parent, gguf_file=model_path.name, torch_dtype=torch.float32
    )
    # transformers dequantises GGUF weights to plain f32 tensors but keeps the GGUF
    # "quantizer" attached, and Trainer refuses to train a model marked quantized.
    # The weights are ordinary f32 parameters, so drop the marker the library's own way.
    model.hf_quantizer.remove_quantization_config(model)
    assert all(p.dtype == torch.float32 for p in model.parameters())
    rows = word_limit_prompts(pathlib.Path(args.repo), PROMPTS)
    data = Dataset.from_list(
        [{"prompt": r["messages"], "params": json.dumps(r["params"])} for r in rows]
    )

    def word_limit_reward(completions, params, **_):
        return [reward(c[-1]["content"], json.loads(p)) for c, p in zip(completions, params)]

    steps = []

    class Timer(TrainerCallback):
        def on_step_begin(self, *a, **k):
            self.t = time.perf_counter()

        def on_step_end(self, *a, **k):
            steps.append(time.perf_counter() - self.t)

    config = GRPOConfig(
        output_dir=args.trl_out,
        use_cpu=True,
        bf16=False,
        per_device_train_batch_size=MICRO,
        gradient_accumulation_steps=PROMPTS * GROUP // MICRO,
        num_generations=GROUP,
        max_completion_length=MAX_NEW,
        temperature=1.0,
        top_p=1.0,
        beta=0.04,
        learning_rate=1e-5,
        max_steps=args.steps,
        logging_steps=1,
        save_strategy="no",
        report_to=[],
        seed=0,
        dataloader_num_workers=0,
        gradient_checkpointing=not args.trl_no_checkpointing,
    )
    trainer = GRPOTrainer(
        model=model,
        reward_funcs=word_limit_reward,
        args=config,
        train_dataset=data,
        processing_class=tok,
        peft_config=LoraConfig(r=RANK, lora_alpha=2 * RANK, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM"),
        callbacks=[Timer()],
    )
    trainer.train()
    # Completion lengths differ between the two samplers, so the work per step does too.
    lengths = [h["completions/mean_length"] for h in trainer.state.log_history
               if "completions/mean_length" in h]
    clipped = [h["completions/clipped_ratio"] for h in trainer.state.log_history
               if "completions/clipped_ratio" in h]
    print("TRL_STEPS " + json.dumps({"seconds": steps, "mean_length": lengths,
                                     "clipped": clipped}), flush=True)


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time; returns (stdout, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r") as tf:
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", tf.name] + cmd,
                              capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
            raise SystemExit(f"failed: {' '.join(cmd)}")
        rss_kb = int(tf.read().strip().splitlines()[-1])
    return proc.stdout + proc.stderr, rss_kb / 1024


def ethos_side(args, work: pathlib.Path):
    repo = pathlib.Path(args.repo).resolve()
    config = work / "bench.toml"
    config.write_text(f"""model = "{pathlib.Path(args.model).resolve()}"
seed = 0
[lora]
rank = {RANK}
alpha = {2 * RANK}
targets = ["q", "v"]
[rollout]
group = {GROUP}
max_new_tokens = {MAX_NEW}
[grpo]
kl_beta = 0.04
# TRL keeps groups with all-equal rewards in its loss (advantage 0, KL term only).
train_flat_groups = true
[optimizer]
lr = 1e-5
[budget]
steps = {args.steps}
prompts_per_step = {PROMPTS}
micro_batch = {args.ethos_micro}
checkpoint_every = 1000
[graders]
reward = "rules"
evaluation = "rules"
[[source]]
name = "word_limit"
role = "standard"
paths = ["{repo / 'data/tasks/word_limit.jsonl'}"]
share = 1.0
[[arm]]
name = "bench"
kind = "trait"
""")
    out, rss = timed([args.ethos, "train", "--config", str(config), "--out", str(work / "run"), "--quiet"])
    lines = [json.loads(l) for l in (work / "run/metrics.jsonl").read_text().splitlines()]
    steps = [l["rollout_seconds"] + l["grade_seconds"] + l["update_seconds"] for l in lines]
    detail = [(round(l["rollout_seconds"], 1), round(l["update_seconds"], 1), l["forward_tokens"],
               l["zero_variance_groups"]) for l in lines]
    lengths = [l["generated_tokens"] / (PROMPTS * GROUP) for l in lines]
    clipped = [l["truncated"] / (PROMPTS * GROUP) for l in lines]
    return steps, rss, detail, lengths, clipped


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--python", default=sys.executable, help="Python with torch/transformers/trl/peft")
    ap.add_argument("--ethos", default="target/release/ethos")
    ap.add_argument("--repo", default=".")
    ap.add_argument("--steps", type=int, default=2)
    ap.add_argument("--ethos-micro", type=int, default=8,
                    help="ethos sequences per forward/backward (the gradient does not depend on it)")
    ap.add_argument("--trl-no-checkpointing", action="store_true",
                    help="turn off TRL's default gradient checkpointing")
    ap.add_argument("--only", choices=["ethos", "trl"], help="run one side (no ratio)")
    ap.add_argument("--trl-worker", action="store_true")
    ap.add_argument("--trl-out", default=None)
    args = ap.parse_args()
    if args.trl_worker:
        trl_worker(args)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        if args.only != "trl":
            e_steps, e_rss, detail, e_len, e_clip = ethos_side(args, work)
            print(f"ethos steps (s): {[round(s, 1) for s in e_steps]}  (rollout s, update s, forward tokens, flat groups): {detail}; "
                  f"mean completion length {[round(x, 1) for x in e_len]}, cut at max {[round(x, 2) for x in e_clip]}; peak RSS {e_rss:.0f} MB", flush=True)
            if args.only:
                return 0
        env = dict(os.environ, TOKENIZERS_PARALLELISM="false")
        cmd = [args.python, __file__, "--trl-worker", "--model", args.model, "--repo",
               args.repo, "--steps", str(args.steps), "--trl-out", str(work / "trl")]
        if args.trl_no_checkpointing:
            cmd.append("--trl-no-checkpointing")
        out, t_rss = timed(cmd, env=env)
        m = re.search(r"TRL_STEPS (\{.*\})", out)
        if not m:
            sys.stderr.write(out[-4000:])
            raise SystemExit("no TRL timings")
        trl = json.loads(m.group(1))
        t_steps, t_len, t_clip = trl["seconds"], trl["mean_length"], trl["clipped"]
        print(f"TRL steps (s): {[round(s, 1) for s in t_steps]}; mean completion length {[round(x, 1) for x in t_len]}, "
              f"cut at max {[round(x, 2) for x in t_clip]}; peak RSS {t_rss:.0f} MB", flush=True)
        if args.only:
            return 0
    later = lambda s: sum(s[1:]) / len(s[1:]) if len(s) > 1 else s[0]
    print("| | ethos | TRL GRPOTrainer | ratio (TRL / ethos) |")
    print("| --- | --- | --- | --- |")
    print(f"| seconds per step (steps 2..{args.steps}) | {later(e_steps):.1f} | {later(t_steps):.1f} | {later(t_steps) / later(e_steps):.2f}x |")
    print(f"| seconds, first step | {e_steps[0]:.1f} | {t_steps[0]:.1f} | {t_steps[0] / e_steps[0]:.2f}x |")
    # Seconds per 1000 completion tokens: the samplers stop at different lengths, so this
    # is the like-for-like rate.
    rate = lambda sec, lens: 1000 * sum(sec) / (PROMPTS * GROUP * sum(lens))
    e_rate, t_rate = rate(e_steps[1:] or e_steps, e_len[1:] or e_len), rate(t_steps[1:] or t_steps, t_len[1:] or t_len)
    print(f"| mean completion length, tokens (steps 2..{args.steps}) | {later(e_len):.1f} | {later(t_len):.1f} | |")
    print(f"| seconds per 1000 completion tokens (steps 2..{args.steps}) | {e_rate:.2f} | {t_rate:.2f} | {t_rate / e_rate:.2f}x |")
    print(f"| peak resident memory (MB) | {e_rss:.0f} | {t_rss:.0f} | {t_rss / e_rss:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
