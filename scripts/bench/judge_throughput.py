#!/usr/bin/env python3
"""Rubric-judge throughput: `ethos grade` against a Python judge loop, same server.

    cargo build --release
    python3 -m venv target/openai-venv && target/openai-venv/bin/pip install openai
    target/openai-venv/bin/python scripts/bench/judge_throughput.py [--model PATH] [--scenarios 5] [--concurrency 8]

Starts `ethos serve` on the model, then grades the references of the first N truthfulness
scenarios with a per-criterion rubric judge twice: once with `ethos grade --grader
judge:openai:...` (no cache, one attempt), once with the `openai` Python client in a
thread pool of the same size sending the same prompts (the built-in template rendered
here), as simple-evals' HealthBench grader does. Both sides use temperature 0 and the
judge's 384-token limit, so the server does the same work; the ratio measures the
client: how well it keeps the server's batches full.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import tempfile
import time

from openai import OpenAI

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
ETHOS = os.path.join(ROOT, "target", "release", "ethos")
TEMPLATE = os.path.join(ROOT, "crates", "ethos-grade", "templates", "rubric-item-v1.j2")
DATA = os.path.join(ROOT, "data", "scenarios", "train", "truthfulness.jsonl")


def start_server(model):
    server = subprocess.Popen([ETHOS, "serve", "--model", model, "--port", "0"], stderr=subprocess.PIPE, text=True)
    for line in server.stderr:
        if line.startswith("ethos: listening on "):
            return server, line.split("listening on ", 1)[1].strip()
    raise SystemExit("ethos serve did not start")


def render(template, scenario, response, criterion):
    turns = [f"{m['role']}: {m['content']}" for m in scenario["messages"]]
    turns.append(f"assistant: {response}")
    return (template.replace("{{ conversation }}", "\n\n".join(turns))
            .replace("{{ points }}", str(criterion["points"]))
            .replace("{{ criterion }}", criterion["criterion"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(ROOT, "..", "shared", "models", "SmolLM2-135M-Instruct.Q4_1.gguf"))
    ap.add_argument("--scenarios", type=int, default=5)
    ap.add_argument("--concurrency", type=int, default=8)
    args = ap.parse_args()
    scenarios = [json.loads(line) for line in open(DATA, encoding="utf-8")][: args.scenarios]
    calls = sum(len(s["rubric"]) for s in scenarios)
    server, url = start_server(args.model)
    name = os.path.basename(args.model)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            responses = os.path.join(tmp, "responses.jsonl")
            with open(responses, "w", encoding="utf-8") as f:
                for s in scenarios:
                    f.write(json.dumps({"id": s["id"], "response": s["reference"]}) + "\n")
            start = time.perf_counter()
            out = subprocess.run([ETHOS, "grade", "--data", DATA, "--responses", responses, "--grader",
                                  f"judge:openai:{url}#{name}", "--no-cache", "--max-attempts", "1",
                                  "--concurrency", str(args.concurrency), "--json"],
                                 capture_output=True, text=True)
            ethos_seconds = time.perf_counter() - start
            summary = json.loads(out.stdout)

        template = open(TEMPLATE, encoding="utf-8").read()
        prompts = [render(template, s, s["reference"], c) for s in scenarios for c in s["rubric"]]
        client = OpenAI(base_url=url, api_key="unused", max_retries=4)

        def judge(prompt):
            reply = client.chat.completions.create(model=name, messages=[{"role": "user", "content": prompt}],
                                                   temperature=0, max_tokens=384, seed=0)
            return reply.usage.completion_tokens

        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
            python_tokens = sum(pool.map(judge, prompts))
        python_seconds = time.perf_counter() - start
    finally:
        server.kill()
        server.wait()

    graded = summary["graded"]
    print(f"{calls} judge calls ({len(scenarios)} responses), concurrency {args.concurrency}, model {name}")
    print(f"| client | calls/s | wall s | notes |")
    print(f"| --- | --- | --- | --- |")
    print(f"| ethos grade (judge:openai) | {calls / ethos_seconds:.2f} | {ethos_seconds:.1f} | "
          f"{graded} graded, {summary['failures']} failed (model answers that are not verdict JSON); includes process start |")
    print(f"| python openai + thread pool | {calls / python_seconds:.2f} | {python_seconds:.1f} | "
          f"{python_tokens} completion tokens |")
    print(f"ratio ethos / python: {python_seconds / ethos_seconds:.2f}x")


if __name__ == "__main__":
    main()
