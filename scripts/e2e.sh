#!/usr/bin/env bash
# End-to-end test of the real window (issue 12): the built bin/haeoreum on
# a fresh home and a fresh register under Xvfb, driven by real X input
# (xdotool: keyboard shortcuts, Tab and Space, no pixel coordinates; the
# pointer is only moved over a window to give it the keyboard, as there is
# no window manager):
#
#   1. start with two fixtures on the command line (as Explorer's "Open
#      with" does), then start again with the other two, which hands them
#      to the open window (Linux; under Wine they come through the open
#      dialog): all four land in the import wizard, previewed;
#   2. Shift+Tab, Space: "모두 차례로 반영" (apply all in order);
#      then Ctrl+4: the open round's board (a round is opened first);
#   3. Ctrl+3, Tab, Space, Tab×2, Space: the first conflict, decided by
#      taking the participating city's value;
#   4. Ctrl+E, a file name, Enter, Esc: the consolidated report;
#   5. Ctrl+Q: the window closes and the program exits.
#
# Afterwards it checks the register with haeoreum-cli (list/conflicts
# --json, check) against ../shared/fixtures/expected.json and the report
# file, and keeps a screenshot of every step in dist/e2e/.
#
#   scripts/e2e.sh [OUTDIR]                  (default dist/e2e)
#   scripts/e2e.sh --wine DIR [OUTDIR]       DIR/haeoreum.exe under Wine
#                                            (default dist/e2e-wine)
#
# Under Wine the save dialog is Windows' own (comdlg32, Wine's copy), which
# is typed into; on Linux it is Fyne's (HAEOREUM_FILE_DIALOG=fyne: zenity
# is not installed for the tests). Wine mode uses WINEPREFIX as set by
# scripts/release-check.sh.
#
# Needs: Xvfb, xdotool, ImageMagick's import, python3 (scripts/deps.sh test),
# and for --wine, Wine (scripts/deps.sh wine).
set -euo pipefail
cd "$(dirname "$0")/.."
wine_dir=""
if [ "${1:-}" = --wine ]; then
	wine_dir=$(cd "$2" && pwd)
	shift 2
	[ -e "$wine_dir/haeoreum.exe" ] || { echo "e2e: no $wine_dir/haeoreum.exe" >&2; exit 1; }
fi
out=${1:-dist/e2e${wine_dir:+-wine}}
mkdir -p "$out" bin
out=$(cd "$out" && pwd)
rm -f "$out"/*.png
fixtures=$(cd .. && pwd)/shared/fixtures
[ -d "$fixtures" ] || { echo "e2e: the fixtures are expected in $fixtures" >&2; exit 1; }

# (scripts/test.sh has just built both: HAEOREUM_E2E_BUILT=1 saves the link)
if [ "${HAEOREUM_E2E_BUILT:-0}" != 1 ]; then
	[ -n "$wine_dir" ] || go build -tags migrated_fynedo -trimpath -o bin/haeoreum ./cmd/haeoreum
	go build -o bin/haeoreum-cli ./cmd/haeoreum-cli
fi

tmp=$(mktemp -d)
xvfb="" app=""
cleanup() {
	[ -n "$app" ] && kill -9 "$app" 2>/dev/null || true
	[ -n "$wine_dir" ] && timeout 30 wineserver -k 2>/dev/null || true
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/in"
cp "$fixtures"/{master_2026,pohang_2026-10,ulsan_2026-10,gyeongju_2026-10}.xlsx "$tmp/in/"

display=:97
[ -n "$wine_dir" ] && display=:93
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X${display#:} ] && break; sleep 0.1; done

# A fresh user: no preferences, the default register in its own data
# folder (the same one the CLI finds), Korean, Fyne's file dialogs (the
# save dialog's name field is what is typed into).
userenv=(env -i PATH="$PATH" HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
	LANG=ko_KR.UTF-8 DISPLAY="$display" HAEOREUM_FILE_DIALOG=fyne)
# Under Wine: the register and the report in the temporary folder, named
# through Z:, and read back by the Linux CLI (the same SQLite file).
zpath() { printf 'Z:%s' "$1" | tr / '\\'; }
if [ -n "$wine_dir" ]; then
	wloc=C.UTF-8
	locale -a 2>/dev/null | grep -qi '^ko_KR.utf-\?8$' && wloc=ko_KR.UTF-8
	export WINEDEBUG=${WINEDEBUG:--all} WINEDLLOVERRIDES="mscoree,mshtml="
	timeout 30 wineserver -k 2>/dev/null || true # a new Wine session, on this display
	# a fresh user as far as the program knows: no saved preferences (the
	# prefix itself is kept between runs; making one takes a minute)
	rm -rf "${WINEPREFIX:-$HOME/.wine}/drive_c/users/$(id -un)/AppData/Roaming/fyne/kr.haeoreum.register"
	cli() { ./bin/haeoreum-cli --db "$tmp/e2e.db" "$@"; }
	start_app() {
		(cd "$wine_dir" && env LC_ALL=$wloc DISPLAY="$display" wine ./haeoreum.exe \
			--db "$(zpath "$tmp/e2e.db")" "$(zpath "$tmp/in/master_2026.xlsx")" "$(zpath "$tmp/in/pohang_2026-10.xlsx")")
	}
	# the other two through Windows' open dialog, both at once: its folder
	# typed, then the two names in quotes, as Explorer's dialog takes them
	add_rest() {
		local d
		sleep 2 # Wine gives the window the keyboard a moment after the pointer
		for _ in 1 2 3; do
			X key ctrl+o
			until_ok 10 X search --name "가져올 파일" && break
		done
		X search --name "가져올 파일" >/dev/null || fail "no open dialog"
		d=$(X search --name "가져올 파일" | head -1)
		X mousemove --window "$d" 20 20
		sleep 0.5
		shot open-dialog
		X type --delay 20 "$(zpath "$tmp/in")\\"
		X key Return
		sleep 1
		X type --delay 20 '"ulsan_2026-10.xlsx" "gyeongju_2026-10.xlsx"'
		sleep 0.3
		shot open-dialog-typed
		X key Return
		sleep 1
		X mousemove --window "$win" 700 450
	}
	report="$tmp/e2e-report.xlsx"
	save_report() { # Windows' save dialog: its name field has the keyboard, the name selected
		local d
		until_ok 20 X search --name "보고서 내보내기" || fail "no save dialog"
		d=$(X search --name "보고서 내보내기" | head -1)
		X mousemove --window "$d" 20 20
		sleep 0.5
		X type --delay 20 "$(zpath "${report%.xlsx}")"
		X key Return
		sleep 1
		X mousemove --window "$win" 700 450
	}
else
	cli() { "${userenv[@]}" ./bin/haeoreum-cli "$@"; }
	start_app() { "${userenv[@]}" ./bin/haeoreum "$tmp"/in/{master_2026,pohang_2026-10}.xlsx; }
	# the other two as "Open with" gives them while the window is open: a
	# second start hands them to the window (ui/instance) and exits at once
	add_rest() {
		timeout -k 5 20 "${userenv[@]}" ./bin/haeoreum "$tmp"/in/{ulsan_2026-10,gyeongju_2026-10}.xlsx >"$tmp/second.log" 2>&1 ||
			fail "the second start did not hand its files over: $(tail -3 "$tmp/second.log")"
		until_ok 10 grep -q "handed over 2 file" "$tmp/app.log" || fail "the window did not receive the second start's files"
	}
	report="$tmp/home/e2e-report.xlsx"
	save_report() { # Fyne's save form: its name field has the keyboard
		X key ctrl+a
		X type --delay 20 "e2e-report"
		X key Return
	}
fi
X() { DISPLAY=$display xdotool "$@"; }
# keys, a person's pace apart (Wine drops a burst of them)
keys() { X key --delay 150 "$@"; }
n=0
shot() { n=$((n + 1)); DISPLAY=$display import -window root "$out/$(printf %02d $n)-$1.png"; }
fail() {
	echo "e2e FAILED: $*" >&2
	shot failure || true
	echo "--- window log" >&2
	tail -20 "$tmp/app.log" >&2 || true
	exit 1
}
# until CMD... succeeds within $1 seconds
until_ok() {
	local t=$1
	shift
	for _ in $(seq $((t * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
	return 1
}
count() { python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
projects() { cli list --json | count; }
open_conflicts() { cli conflicts --json | count; }

# a meeting round is open, so the board has the three cities' sheets to show
cli round new --name "2026 하반기 실무협의회" --as-of 2026-10-31 >/dev/null || fail "round new"

t0=$(date +%s%N)
start_app >"$tmp/app.log" 2>&1 &
app=$!
until_ok 60 X search --name "해오름" || fail "no window"
win=$(X search --name "해오름" | head -1)
X mousemove --window "$win" 700 450 # keyboard focus (no window manager: focus follows the pointer)
echo "e2e${wine_dir:+ (Wine)}: window up after $((($(date +%s%N) - t0) / 1000000)) ms"
add_rest
sleep 4 # the four previews (each a read and a dry run)
shot import-previewed

# 2. apply all, in order: the last control of the wizard
for try in 1 2 3; do
	keys shift+Tab space
	until_ok 60 test "$(projects)" -ge 43 && break
	keys Escape Return # a refusal message (a preview not finished yet): close it, try again
done
sleep 1
shot import-applied
got=$(projects)
[ "$got" -eq 43 ] || fail "$got projects after the import, want 43"
before=$(open_conflicts)
# as many conflicts as the CLI finds importing the same four files
./bin/haeoreum-cli --db "$tmp/reference.db" import "$tmp"/in/{master_2026,pohang_2026-10,ulsan_2026-10,gyeongju_2026-10}.xlsx >/dev/null
want=$(./bin/haeoreum-cli --db "$tmp/reference.db" conflicts --json | count)
[ "$before" -eq "$want" ] || fail "$before open conflicts after the import, the CLI finds $want"
echo "e2e: imported: $got projects, $before open conflicts"

# the round's board: each city's sheet received, as the CLI reads the register
X key ctrl+4
sleep 1
shot rounds-board
cli round status --json | python3 -c '
import json, sys
st = json.load(sys.stdin)
missing = [c for c in ("pohang", "ulsan", "gyeongju") if not (st.get(c) or {}).get("received")]
sys.exit("no sheet received from " + ", ".join(missing) if missing else 0)' || fail "the round does not show the three sheets received"

# 3. the first conflict: take the participating city's value (the lead
# city's value is the register's, so its card has no button: after the
# list and the "show decided" check, the first button is the other city's)
X key ctrl+3
sleep 0.5
keys Tab space
sleep 0.5
shot conflict-chosen
keys Tab Tab space
until_ok 20 test "$(open_conflicts)" -lt "$before" || fail "the conflict was not decided"
sleep 0.5
shot conflict-decided

# 4. the report: Ctrl+E, a name in the save dialog, Enter; Esc closes "Saved"
X key ctrl+e
sleep 1
shot export-dialog
save_report
until_ok 60 test -s "$report" || fail "no report at $report"
sleep 1
shot report-saved
X key Escape
cp "$report" "$out/"

# 5. quit
X key ctrl+q
for _ in $(seq 120); do kill -0 "$app" 2>/dev/null || break; sleep 0.25; done
if kill -0 "$app" 2>/dev/null; then fail "Ctrl+Q did not end the program"; fi
wait "$app" || fail "the program exited with status $?"
app=""

# The register, as the CLI reads it, against the expected register.
cli check >"$tmp/check.txt" || { cat "$tmp/check.txt"; fail "haeoreum-cli check"; }
cli list --json >"$tmp/list.json"
cli conflicts --json --all >"$tmp/all-conflicts.json"
python3 - "$fixtures/expected.json" "$tmp/list.json" "$tmp/all-conflicts.json" "$report" <<'PY' || fail "register or report not as expected"
import json, sys, zipfile
expected, listed, conflicts, report = sys.argv[1:]
want = {p["code"]: p for p in json.load(open(expected))["projects"]}
got = {p["code"]: p for p in json.load(open(listed))}
bad = []
if set(got) != set(want):
    bad.append(f"codes differ: missing {sorted(set(want) - set(got))}, extra {sorted(set(got) - set(want))}")
for code in sorted(set(got) & set(want)):
    for key in ("lead_city", "cities", "field", "kind"):
        if got[code].get(key) != want[code].get(key):
            bad.append(f"{code} {key}: {got[code].get(key)!r} != {want[code].get(key)!r}")
decided = [c for c in json.load(open(conflicts)) if c.get("status", "open") != "open"]
if len(decided) != 1:
    bad.append(f"{len(decided)} decided conflicts, want 1")
for c in decided:  # taken: the participating city's value is the register's now
    took = [v["value"] for v in c["values"] if not v.get("lead")][0]
    now = got.get(c["code"], {})
    for part in c["field"].split("."):
        now = now.get(part) if isinstance(now, dict) else None
    if str(now) != str(took):
        bad.append(f"{c['code']} {c['field']} is {now!r}, the decision took {took!r}")
with zipfile.ZipFile(report) as z:
    names = z.namelist()
    if "xl/workbook.xml" not in names:
        bad.append("the report is not a workbook")
    text = "".join(z.read(n).decode() for n in names if n.startswith("xl/") and n.endswith(".xml"))
    missing = [c for c in want if c not in text]
    if missing:
        bad.append(f"the report lacks projects {missing}")
for b in bad[:20]:
    print("  ", b)
print(f"e2e: register: {len(got)} projects as expected.json (lead, cities, field, kind); "
      f"{len(decided)} conflict decided; report {len(names)} parts")
sys.exit(1 if bad else 0)
PY
grep -iE "panic|fatal" "$tmp/app.log" && fail "the window's log has a panic"
echo "e2e${wine_dir:+ (Wine)}: passed; screenshots in $out"
