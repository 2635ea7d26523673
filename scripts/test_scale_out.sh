#!/usr/bin/env bash
# The scale-out integration check (tests/python/scale_out_check.py): ethos export, ethos
# serve-reward and the python/ shims against the real TRL, pyarrow and OpenRLHF's request
# shape. Creates target/scale-out-venv with the pinned packages on first use; if they
# cannot be installed (no Python, no package index) it says so and exits 0.
#
#   scripts/test_scale_out.sh            # uses target/debug/ethos (built by cargo test)
#   ETHOS_BIN=target/release/ethos scripts/test_scale_out.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${ETHOS_BIN:-target/debug/ethos}"
venv=target/scale-out-venv
requirements=tests/python/requirements-scale-out.txt
stamp="$venv/.installed-$(sha256sum "$requirements" python/pyproject.toml python/ethos_reward/__init__.py | sha256sum | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  if ! command -v python3 >/dev/null; then
    echo "test_scale_out: SKIPPED: python3 is not installed"
    exit 0
  fi
  rm -rf "$venv"
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    echo "test_scale_out: SKIPPED: python3 -m venv failed (install python3-venv)"
    exit 0
  fi
  echo "test_scale_out: installing $(grep -c '==' "$requirements") pinned packages into $venv (several GB: torch brings its CUDA libraries)"
  if ! "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >"$venv/pip.log" 2>&1; then
    tail -5 "$venv/pip.log"
    echo "test_scale_out: SKIPPED: the pinned packages could not be installed (log: $venv/pip.log)"
    exit 0
  fi
  # Our own package must install wherever the engines did: a failure here is a failure.
  "$venv/bin/pip" install --quiet --disable-pip-version-check ./python
  touch "$stamp"
fi
if [[ ! -x "$bin" ]]; then
  cargo build --quiet
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" tests/python/scale_out_check.py --ethos "$bin" --work "$work"
