#!/usr/bin/env bash
# Builds and starts the window on the default register (README: quick start,
# first command). On the first start with an empty register the window offers
# to load the bundled synthetic sample. Extra arguments go to the app
# (e.g. --db PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh run
mkdir -p bin
go build -tags migrated_fynedo -trimpath -o bin/haeoreum ./cmd/haeoreum
exec bin/haeoreum "$@"
