#!/usr/bin/env bash
# A/B timing of one GRPO update on a noisy host: runs two builds of the `update_profile`
# example alternately REPS times (4 rounds each), pools rounds 1.. of every run and prints
# the minimum and median per phase for each build.
#
# usage: scripts/bench/update_ab.sh OLD_BINARY NEW_BINARY [REPS]
# e.g.   cp target/release/examples/update_profile /tmp/update_profile.old
#        (change, then) cargo build --release -p ethos-train --example update_profile
#        scripts/bench/update_ab.sh /tmp/update_profile.old target/release/examples/update_profile 3
set -euo pipefail
old=${1:?old binary}
new=${2:?new binary}
reps=${3:-3}
model=${ETHOS_TEST_MODEL:-../shared/models/SmolLM2-135M-Instruct.Q4_1.gguf}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# The binary sets these itself at start; the example does not.
export GLIBC_TUNABLES=glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=68719476736
for _ in $(seq 1 "$reps"); do
  for bin in "$old" "$new"; do
    "$bin" "$model" 8 128 4 2>&1 | grep '^round [1-9]' | sed "s|^|$bin |" >>"$out"
  done
done
python3 - "$out" <<'PY'
import re, statistics, sys
from collections import defaultdict
runs = defaultdict(list)
for line in open(sys.argv[1]):
    binary = line.split()[0]
    runs[binary].append([float(x) for x in re.findall(r"([0-9.]+)s", line)])
names = ["reference forward", "policy forward+log-probs", "loss+backward"]
for binary, rows in runs.items():
    print(f"{binary} ({len(rows)} rounds)")
    for i, name in enumerate(names + ["total"]):
        xs = [sum(r) for r in rows] if name == "total" else [r[i] for r in rows]
        print(f"  {name:26} min {min(xs):.2f} s  median {statistics.median(xs):.2f} s")
PY
