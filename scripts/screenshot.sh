#!/bin/sh
# Build the window (cgo, OpenGL), run it on a copy of the sample register in
# a virtual X display, save its first frame and print the start-up time;
# then once more at 1024×700 in the light theme (haeoreum-1024x700-light.png).
#
#   scripts/screenshot.sh [OUTDIR]     (default dist/screenshots)
#
# Needs: gcc libgl1-mesa-dev xorg-dev libxkbcommon-dev xvfb; ImageMagick's
# `import` for the whole-screen shot (optional).
set -eu
cd "$(dirname "$0")/.."
out=${1:-dist/screenshots}
mkdir -p "$out" bin
out=$(cd "$out" && pwd)

echo "building bin/haeoreum (cgo, -tags migrated_fynedo)…"
go build -tags migrated_fynedo -trimpath -o bin/haeoreum ./cmd/haeoreum

tmp=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$tmp"' EXIT INT TERM
cp assets/sample/sample.db "$tmp/register.db"

display=:99
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
sleep 1

# A clean user: no saved preferences, a real locale (LANG=C makes Fyne log
# a locale parse error), the app's data folder in the temp dir.
run() {
	env -i PATH="$PATH" HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
		LANG="${SHOT_LANG:-en_US.UTF-8}" DISPLAY="$display" HAEOREUM_SCREENSHOT="$1" \
		timeout -k 10 120 ./bin/haeoreum --db "$tmp/register.db"
}

for i in 1 2 3; do
	shot="$out/haeoreum-first-frame.png"
	[ "$i" -gt 1 ] && shot="$tmp/run$i.png"
	run "$shot" >"$tmp/run$i.log" 2>&1 &
	app=$!
	if [ "$i" -eq 1 ] && command -v import >/dev/null; then
		# the whole screen, as a user would see it, once the window is up
		n=0
		until grep -q "first frame" "$tmp/run$i.log" 2>/dev/null || [ $n -ge 100 ]; do sleep 0.1; n=$((n+1)); done
		sleep 0.8
		DISPLAY=$display import -window root "$out/haeoreum-xvfb-root.png" || true
	fi
	wait "$app" || { echo "run $i failed:"; cat "$tmp/run$i.log"; exit 1; }
	grep -E "first frame|screenshot saved" "$tmp/run$i.log" | sed "s/^/run $i: /"
done
# The small screen of an office laptop, in the light theme offices use:
# every default column of the register must fit 1024×700 (issue 12). The
# size and theme are the user's saved preferences, as after a restart.
prefs="$tmp/config/fyne/kr.haeoreum.register"
mkdir -p "$prefs"
printf '{"window.width":1024,"window.height":700,"appearance":"light","language":"ko"}\n' >"$prefs/preferences.json"
SHOT_LANG=ko_KR.UTF-8 run "$out/haeoreum-1024x700-light.png" >"$tmp/run-small.log" 2>&1 ||
	{ echo "the 1024×700 run failed:"; cat "$tmp/run-small.log"; exit 1; }
grep -E "screenshot saved" "$tmp/run-small.log" | sed "s/^/1024×700, light: /"

grep -iE -A2 "error|fail" "$tmp"/run*.log | grep -v "first frame" | head -12 || true
echo "screenshots in $out"
