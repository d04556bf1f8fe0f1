#!/usr/bin/env bash
# The whole test suite, as CI runs it (README: quick start, second command).
# Installs what it needs (scripts/deps.sh test), then: vet, every test
# (UI tests headless with Fyne's software painter), the race detector over
# the data layer and the window, the fixture checks through the CLI, the
# real window under Xvfb with a screenshot and its start-up time, and the
# real window driven end to end with xdotool (scripts/e2e.sh).
#
# Long fuzzing and the 100,000-row benchmarks are not here: see
# scripts/fuzz.sh and scripts/bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything in one apt-get: the release check's and Wine's packages too
# when .ci/run asks for them.
t0=$(date +%s)
groups=(test)
[ "${HAEOREUM_RELEASE_CHECK:-0}" = 1 ] && groups+=(release)
[ "${HAEOREUM_CHECK_WINE:-0}" = 1 ] && groups+=(wine)
scripts/deps.sh "${groups[@]}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
shared=$(cd .. && pwd)/shared
[ -d "$shared/fixtures" ] || { echo "the fixtures are expected in $shared/fixtures" >&2; exit 1; }

step() { printf '\n== %s  (%ds)\n' "$*" $(($(date +%s) - t0)); }

step "go vet"
CGO_ENABLED=0 go vet -tags ci,migrated_fynedo ./...

step "tests (UI headless)"
CGO_ENABLED=0 go test -tags ci,migrated_fynedo -count=1 ./...

# The race detector where goroutines run: the register (goroutines and
# processes on one file), the importer (two imports at once), the message
# catalogue (read from those goroutines) and the window's hand-off socket
# (ui/instance: later starts connecting at once); no other package below
# starts a goroutine. -short: the LibreOffice conversions, the mutation
# sample and the crash test ran above and have no goroutines of their own.
step "race detector: the packages the window drives from goroutines"
go test -race -short -count=1 ./data/register/... ./data/reconcile/... ./data/msg/... ./ui/instance/...

# In the window every test but those that run on the UI goroutine alone
# (the typed values' table, layout, themes, wording, the dialogs' own
# parsing): they ran in the plain pass above, start no job, and were
# nearly half the race pass's time. Leaving out by name keeps a new test
# in the race pass unless someone decides it has no goroutine.
ui_only='^Test(TypedValuesLikeTheCLI|SourceLinesReadableInBothThemes|FilterSearchSort|OverviewWraps|SaveButtonStaysPut|SaveScreenshot|HistoryOneLinePerChangeReadInFull|NoBothFormParticlesInTheWindow|Dashboard|TabOrder|AppearanceChoice|FormScrollsWithTheWheelOverNarratives|FyneOpenDialogInKorean|FyneFolderDialogInKorean|TranslationsComplete|ZenityDialog|KdialogDialog|PlatformDialogChoice|MultiSelectionBuffer|WindowsFilterList|ErrorsInUsersLanguage|DoneDialogClosesRatherThanCancels)$'
step "race detector: the window's work off the UI goroutine"
go test -race -short -tags ci,migrated_fynedo -count=1 -skip "$ui_only" ./ui/

step "fixtures through the CLI"
mkdir -p bin
go build -o bin/haeoreum-cli ./cmd/haeoreum-cli
"$shared/tools/check-import" bin/haeoreum-cli
"$shared/tools/check-bad-inputs" bin/haeoreum-cli

step "the real window under Xvfb"
scripts/screenshot.sh dist/screenshots

step "end to end: the real window driven with xdotool (import, a conflict, the report, quit)"
HAEOREUM_E2E_BUILT=1 scripts/e2e.sh dist/e2e

if [ "${HAEOREUM_RELEASE_CHECK:-0}" = 1 ]; then
	step "release check: Windows .exe files and installer, Linux archive, Wine"
	scripts/release-check.sh
fi
echo
echo "all checks passed in $(($(date +%s) - t0)) s"
