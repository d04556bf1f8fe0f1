#!/bin/sh
# render-report.sh — render the consolidated report (and a city template)
# to PNG pages, to look at them as a council member would.
#
#   scripts/render-report.sh [OUTDIR] [--db REGISTER.db] [--since YYYY-MM-DD]
#
# Without --db it builds a register from shared/fixtures (master + the three
# city files) in a temporary folder. --since is the first day of 변경사항
# (the last meeting). Needs soffice (LibreOffice) and pdftoppm
# (poppler-utils). Pages land in OUTDIR (default ./render): report-01.png …,
# template-pohang-1.png …, with report.pdf; the hidden 변경이력 sheet (the
# full audit trail) is not part of the printed pack, so it has no page.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=render
case "${1:-}" in --*|"") ;; *) out=$1; shift ;; esac
db=""
since=""
while [ $# -gt 0 ]; do
	case "$1" in
	--db) db=${2:?--db needs a path}; shift 2 ;;
	--since) since=${2:?--since needs a date}; shift 2 ;;
	*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
done
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
if [ -n "$since" ]; then
	"$cli" --db "$db" export --out "$work/report.xlsx" --since "$since"
else
	"$cli" --db "$db" export --out "$work/report.xlsx"
fi
"$cli" --db "$db" template --city pohang --out "$work/template-pohang.xlsx"
for name in report template-pohang; do
	soffice --headless -env:UserInstallation=file://"$work/lo" --convert-to pdf --outdir "$work" "$work/$name.xlsx" >/dev/null 2>&1
	rm -f "$out/$name"-*.png
	pdftoppm -r 70 -png "$work/$name.pdf" "$out/$name"
	cp "$work/$name.xlsx" "$work/$name.pdf" "$out/"
done
ls "$out"
