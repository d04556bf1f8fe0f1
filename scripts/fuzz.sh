#!/usr/bin/env bash
# Runs every fuzz target for a while (default 2 minutes each). Crashers land
# in the package's testdata/fuzz/ and become regression tests: commit them
# with the fix.
#   scripts/fuzz.sh [DURATION]     e.g. scripts/fuzz.sh 10m
set -euo pipefail
cd "$(dirname "$0")/.."
t=${1:-2m}
targets=(
	"./data/value FuzzParseAmount" "./data/value FuzzParsePeriod" "./data/value FuzzParseDate"
	"./data/value FuzzParseProgress" "./data/sheet FuzzOpenBytes" "./data/layout FuzzHeader"
	"./data/layout FuzzLocate"
)
for target in "${targets[@]}"; do
	read -r pkg name <<<"$target"
	echo "== $name ($pkg, $t)"
	# -fuzzminimizetime keeps the fuzzer fuzzing instead of shrinking every
	# interesting input for minutes (measured on 2 cores).
	go test "$pkg" -run='^$' -fuzz="^$name\$" -fuzztime="$t" -fuzzminimizetime=2s -parallel=1
done
