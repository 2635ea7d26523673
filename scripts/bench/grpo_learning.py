#!/usr/bin/env python3
"""Does GRPO raise the reward? Runs `ethos train` on experiments/learn-brevity.toml (or
reads an existing run with --run-only) and compares the mean reward of the first K steps
with the last K, against the step-to-step noise.

    python3 scripts/bench/grpo_learning.py --model ../shared/models/SmolLM2-135M-Instruct.Q4_1.gguf --out runs/learn

Noise is the standard deviation of the per-step mean rewards around a straight-line fit
over the whole run (what remains when the trend is taken out); the gain counts as real
when it exceeds two standard errors of the difference of two K-step means.
"""
import argparse
import json
import math
import pathlib
import statistics
import subprocess
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ethos", default="target/release/ethos")
    ap.add_argument("--config", default="experiments/learn-brevity.toml")
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", default="runs/learn-brevity")
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--run-only", action="store_true", help="only read an existing run")
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    if not args.run_only:
        cmd = [args.ethos, "train", "--config", args.config, "--out", str(out), "--quiet"]
        if args.model:
            cmd += ["--model", args.model]
        if (out / "run.json").exists():
            cmd.append("--resume")
        subprocess.run(cmd, check=True)
    lines = [json.loads(l) for l in (out / "metrics.jsonl").read_text().splitlines()]
    # A step where nothing was graded has a null reward; it carries no evidence either way.
    lines = [l for l in lines if l["reward_mean"] is not None]
    rewards = [l["reward_mean"] for l in lines]
    k = args.window
    if len(rewards) < 2 * k:
        print(f"need at least {2 * k} steps, have {len(rewards)}")
        return 2
    n = len(rewards)
    xs = list(range(n))
    mx, my = statistics.mean(xs), statistics.mean(rewards)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, rewards)) / sum((x - mx) ** 2 for x in xs)
    residuals = [y - (my + slope * (x - mx)) for x, y in zip(xs, rewards)]
    noise = statistics.stdev(residuals)
    first, last = statistics.mean(rewards[:k]), statistics.mean(rewards[-k:])
    se = noise * math.sqrt(2 / k)
    gain = last - first
    for l in lines:
        per = " ".join(f"{s}={v['reward_mean']:.2f}" for s, v in sorted(l["sources"].items())
                       if v["graded"])
        kl = "   -  " if l["kl"] is None else f"{l['kl']:.4f}"
        print(f"step {l['step']:3d} reward {l['reward_mean']:.3f} kl {kl} "
              f"len {l['completion_len_mean']:5.1f} skipped {l['zero_variance_groups']:2d} {per}")
    print(f"first {k} steps mean reward {first:.3f}; last {k} {last:.3f}; gain {gain:+.3f}")
    print(f"step-to-step noise (sd of detrended step means) {noise:.3f}; "
          f"standard error of the gain {se:.3f}; gain / se = {gain / se:.1f}")
    print(f"slope {slope:+.4f} reward per step")
    verdict = "LEARNED" if gain > 2 * se else "NOT SHOWN"
    print(f"verdict: {verdict} (gain > 2 standard errors)")
    return 0 if verdict == "LEARNED" else 1


if __name__ == "__main__":
    sys.exit(main())
