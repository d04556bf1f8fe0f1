#!/usr/bin/env bash
# The mutation suite's full run: every variant of the three city fixtures
# (columns reordered, other header words, title lines dropped, a finer unit,
# the as-of date moved, CSV in UTF-8 and CP949, spacer and footnote rows,
# numbered names, a table over two sheets, projects over two rows, annual
# and unknown columns; about 3,500 files), each imported after the master. Each
# must import to exactly the fixture's register or be refused naming the
# flag that settles it; the last line gives the counts. `go test` runs a
# sample of 32 of them. HAEOREUM_MUTATIONS=shape=split (tworow, years,
# extra, plain) runs the variants of one shape only.
set -euo pipefail
cd "$(dirname "$0")/.."
HAEOREUM_MUTATIONS=${HAEOREUM_MUTATIONS:-all} go test ./data/reconcile -run '^TestMutationsImportRightOrAreRefusedRightly$' -count=1 -v -timeout 60m |
	grep -E 'imported wrong|refused without|variants of|right [0-9]|^(ok|FAIL|---)'
