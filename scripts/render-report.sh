#!/bin/sh
# render-report.sh — render the consolidated report (and a city template)
# to PNG pages, to look at them as a council member would.
#
#   scripts/render-report.sh [OUTDIR] [--db REGISTER.db]
#
# Without --db it builds a register from shared/fixtures (master + the three
# city files) in a temporary folder. Needs soffice (LibreOffice) and
# pdftoppm (poppler-utils). Pages land in OUTDIR (default ./render):
# report-1.png …, template-pohang-1.png …
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-render}
db=""
if [ "${2:-}" = "--db" ]; then db=${3:?--db needs a path}; fi
command -v soffice >/dev/null || { echo "soffice (LibreOffice) is not installed" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm (poppler-utils) is not installed" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$here" && go build -o "$work/haeoreum-cli" ./cmd/haeoreum-cli)
cli="$work/haeoreum-cli"
if [ -z "$db" ]; then
	db="$work/register.db"
	fx="$here/../shared/fixtures"
	[ -d "$fx" ] || fx="$here/shared/fixtures"
	for f in master_2026.xlsx pohang_2026-10.xlsx ulsan_2026-10.xlsx gyeongju_2026-10.xlsx; do
		"$cli" --db "$db" import "$fx/$f" >/dev/null
	done
fi
"$cli" --db "$db" export --out "$work/report.xlsx"
"$cli" --db "$db" template --city pohang --out "$work/template-pohang.xlsx"
for name in report template-pohang; do
	soffice --headless -env:UserInstallation=file://"$work/lo" --convert-to pdf --outdir "$work" "$work/$name.xlsx" >/dev/null 2>&1
	rm -f "$out/$name"-*.png
	pdftoppm -r 70 -png "$work/$name.pdf" "$out/$name"
	cp "$work/$name.xlsx" "$out/$name.xlsx"
done
ls "$out"
