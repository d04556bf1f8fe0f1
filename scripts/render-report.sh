#!/bin/sh
# render-report.sh — render the consolidated report, a city template, a
# round's report and a chase (보완 요청) workbook to PNG pages, to look at
# them as a council member and a city officer would.
#
#   scripts/render-report.sh [OUTDIR] [--db REGISTER.db] [--since YYYY-MM-DD]
#                            [--round NAME] [--chase CITY]
#
# Without --db it builds a register from shared/fixtures over two rounds:
# "2026 상반기" (as of 2026-06-30) answered by the master, closed, then
# "2026 하반기" (as of 2026-10-31) answered by the three city files. --since
# is the first day of 변경사항 (the last meeting). --round names the round
# whose report and chase workbook are drawn (default: the open one, none if
# no round is open); --chase the city of the chase workbook (default
# pohang). Needs soffice (LibreOffice) and pdftoppm (poppler-utils). Pages
# land in OUTDIR (default ./render): report-01.png …, template-pohang-1.png
# …, round-report-1.png …, chase-pohang-1.png …, with the .xlsx and .pdf;
# the hidden 변경이력 sheet (the full audit trail) is not part of the
# printed pack, so it has no page.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=render
case "${1:-}" in --*|"") ;; *) out=$1; shift ;; esac
db=""
since=""
rnd=""
chase=pohang
while [ $# -gt 0 ]; do
	case "$1" in
	--db) db=${2:?--db needs a path}; shift 2 ;;
	--since) since=${2:?--since needs a date}; shift 2 ;;
	--round) rnd=${2:?--round needs a name}; shift 2 ;;
	--chase) chase=${2:?--chase needs a city}; shift 2 ;;
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
	"$cli" --db "$db" round new --name "2026 상반기" --as-of 2026-06-30 >/dev/null
	"$cli" --db "$db" import "$fx/master_2026.xlsx" >/dev/null
	"$cli" --db "$db" round close >/dev/null
	"$cli" --db "$db" round new --name "2026 하반기" --as-of 2026-10-31 --due 2026-11-10 >/dev/null
	for f in pohang_2026-10.xlsx ulsan_2026-10.xlsx gyeongju_2026-10.xlsx; do
		"$cli" --db "$db" import "$fx/$f" >/dev/null
	done
fi
names="report template-pohang"
if [ -z "$rnd" ]; then
	# the open round, if any: `round status` starts with its name
	rnd=$(HAEOREUM_LANG=ko "$cli" --db "$db" round status 2>/dev/null | head -1 | sed 's/ (기준 .*//') || rnd=""
fi
if [ -n "$rnd" ]; then
	"$cli" --db "$db" export --round "$rnd" --out "$work/round-report.xlsx"
	"$cli" --db "$db" round chase --round "$rnd" --city "$chase" --out "$work/chase-$chase.xlsx"
	names="$names round-report chase-$chase"
fi
if [ -n "$since" ]; then
	"$cli" --db "$db" export --out "$work/report.xlsx" --since "$since"
else
	"$cli" --db "$db" export --out "$work/report.xlsx"
fi
"$cli" --db "$db" template --city pohang --out "$work/template-pohang.xlsx"
for name in $names; do
	soffice --headless -env:UserInstallation=file://"$work/lo" --convert-to pdf --outdir "$work" "$work/$name.xlsx" >/dev/null 2>&1
	rm -f "$out/$name"-*.png
	pdftoppm -r 70 -png "$work/$name.pdf" "$out/$name"
	cp "$work/$name.xlsx" "$work/$name.pdf" "$out/"
done
ls "$out"
