#!/usr/bin/env bash
# Opens an ethos report in headless Chromium (the Debian package `chromium`; nothing is
# downloaded), takes a screenshot, and fails on a console error or a chart that did not
# render. Where Chromium is absent it says so and exits 0, so CI can call it everywhere.
#
#   scripts/check_report_in_browser.sh [REPORT.html] [SCREENSHOT.png]
#
# Default report: the one the `run_cli` test leaves in target/tmp/ethos-report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-target/tmp/ethos-report.html}"
shot="${2:-target/tmp/ethos-report.png}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "check_report_in_browser: SKIPPED: no chromium on this machine (apt-get install chromium)"
  exit 0
fi
if [[ ! -f "$report" ]]; then
  echo "check_report_in_browser: no report at $report (run the tests first)" >&2
  exit 1
fi
url="file://$(realpath "$report")"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0)
log="$(mktemp)"
dom="$(mktemp)"
trap 'rm -f "$log" "$dom"' EXIT
"$browser" "${flags[@]}" --window-size=1200,3000 --screenshot="$shot" "$url" 2>"$log" >/dev/null
"$browser" "${flags[@]}" --dump-dom "$url" 2>>"$log" >"$dom"
if grep -E "CONSOLE.*(Uncaught|Error|error)" "$log"; then
  echo "check_report_in_browser: console errors in $report" >&2
  exit 1
fi
expected="$(grep -o "<svg" "$report" | wc -l)"
rendered="$(grep -o "<svg" "$dom" | wc -l)"
if [[ "$expected" -lt 1 || "$rendered" -ne "$expected" ]]; then
  echo "check_report_in_browser: $rendered of $expected charts in the rendered page" >&2
  exit 1
fi
for id in summary benchmarks; do
  grep -q "id=\"$id\"" "$dom" || { echo "check_report_in_browser: no #$id in the page" >&2; exit 1; }
done
[[ -s "$shot" ]] || { echo "check_report_in_browser: no screenshot" >&2; exit 1; }
echo "check_report_in_browser: ok: $rendered charts rendered, no console errors; screenshot $shot ($(stat -c %s "$shot") bytes)"
