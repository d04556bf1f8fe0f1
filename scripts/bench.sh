#!/usr/bin/env bash
# The benchmarks behind BENCHMARKS.md. Each figure that has a baseline is
# measured against it in the same run (the machines are shared and noisy):
# quote the ratio, not the seconds.
#   scripts/bench.sh [PATTERN]     default: all of them (about 10 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
pat=${1:-.}
run() { echo "== $1"; go test "$1" -run='^$' -bench="$pat" "${@:2}" | grep -E '^(Benchmark|ok|FAIL)' || true; }
run ./data/layout -benchtime=3x              # 100k rows: read+locate+parse vs excelize Rows()
run ./data/reconcile -benchtime=2x           # 100k rows: preview and apply vs Rows(); 41-row preview
run ./data/report -benchtime=2x              # 100k-project export vs StreamWriter; 43-project report
run ./data/register -benchtime=20x           # open, edit, list 10k vs a bare insert
run ./data/query -benchtime=20x              # filter and sort 10k projects
run ./data/sheet -benchtime=3x               # the reader alone vs Rows()
run ./data/value
