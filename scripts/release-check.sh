#!/usr/bin/env bash
# Build the release (scripts/release.sh) and check what it made:
#
#   scripts/release-check.sh            build Windows + Linux, then check
#   scripts/release-check.sh --no-build check what is already in dist/
#
# - haeoreum.exe: PE32+ x86-64, GUI subsystem, stripped, icon, VERSIONINFO
#   with the FyneApp.toml version, manifest (asInvoker, PerMonitorV2, UTF-8);
#   haeoreum-cli.exe: the same with the console subsystem;
# - the installer: PE with version info and icon, lists haeoreum.exe,
#   haeoreum-cli.exe, uninstall.exe and the font licence (7z l), and its
#   script asks for no admin rights, writes no HKLM/HKCR and no file
#   association; Authenticode signatures verified when signing is configured;
# - dist/SHA256SUMS matches;
# - the Linux archive lists the binaries, .desktop file, icons and Makefile;
#   unpacked into a folder whose path has Korean characters and spaces, the
#   CLI lists the sample register (also with its default data folder under
#   such a HOME), and the window draws its first frame under Xvfb (if
#   Xvfb is installed);
# - under Wine (if installed; HAEOREUM_CHECK_WINE=0 skips): the Windows CLI
#   lists the sample register from such a folder; the window is started
#   under Xvfb and the outcome reported (informational: Wine may lack
#   OpenGL); where it draws, scripts/e2e.sh --wine drives it end to end
#   (Windows' own open and save dialogs included) and must pass.
#
# Needs what scripts/release.sh needs, plus python3 (JSON check), file,
# xvfb; Wine if present (Debian's `wine` package: HAEOREUM_CHECK_WINE=1 installs
# it and makes the Wine CLI check mandatory). .ci/run can call it when HAEOREUM_RELEASE_CHECK=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=${DIST:-$ROOT/dist}
export DIST
t0=$(date +%s)
elapsed() { echo "$(($(date +%s) - t0))s"; }

# What the build and the checks need (scripts/deps.sh names each package and
# checks the commands it provides); Wine (large) only when HAEOREUM_CHECK_WINE=1.
groups=(release)
[ "${HAEOREUM_CHECK_WINE:-}" = 1 ] && groups+=(wine)
scripts/deps.sh "${groups[@]}"

if [ "${1:-}" != --no-build ]; then
	scripts/release.sh windows linux
fi
DIST=$(cd "$DIST" && pwd)
tbuild=$(date +%s)

toml() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -1; }
VERSION=$(toml Version)
setup="$DIST/haeoreum-$VERSION-windows-amd64-setup.exe"
linux="$DIST/haeoreum-$VERSION-linux-amd64.tar.xz"
gui="$DIST/windows/haeoreum.exe"
cli="$DIST/windows/haeoreum-cli.exe"

fails=0
pass() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; fails=$((fails + 1)); }
note() { printf 'note %s\n' "$*"; }
section() { printf '\n== %s\n' "$*"; }

work=$(mktemp -d)
xvfb=
cleanup() {
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Windows executables -------------------------------------------------------
section "Windows executables"
go build -o "$work/pecheck" ./packaging/pecheck
"$work/pecheck" -subsystem gui -version "$VERSION" -manifest -icon "$gui" || fails=$((fails + 1))
"$work/pecheck" -subsystem console -version "$VERSION" -manifest -icon "$cli" || fails=$((fails + 1))
"$work/pecheck" -subsystem gui -version "$VERSION" -icon "$setup" || fails=$((fails + 1))
for f in "$gui" "$cli" "$setup"; do
	note "$(file -b "$f")"
done

# --- installer -----------------------------------------------------------------
section "installer"
7z l -ba "$setup" >"$work/7z.txt" 2>&1 || true
for want in haeoreum.exe haeoreum-cli.exe uninstall.exe OFL-NanumGothic.txt; do
	if grep -qE "(^|[ /])$want\$" "$work/7z.txt"; then pass "installer has $want"; else fail "installer lacks $want"; fi
done
sed 's/^/     /' "$work/7z.txt"
# the files inside are the ones just built
mkdir -p "$work/7zx"
if 7z x -bd -bso0 -o"$work/7zx" "$setup" haeoreum.exe haeoreum-cli.exe >/dev/null 2>&1 &&
	cmp -s "$work/7zx/haeoreum.exe" "$gui" && cmp -s "$work/7zx/haeoreum-cli.exe" "$cli"; then
	pass "installer's haeoreum.exe and haeoreum-cli.exe are identical to dist/windows/"
else
	fail "installer's executables differ from dist/windows/"
fi
nsi=packaging/windows/installer.nsi
grep -q '^RequestExecutionLevel user' $nsi && pass "RequestExecutionLevel user" || fail "installer asks for more than user rights"
grep -q '^InstallDir "\$LOCALAPPDATA\\Programs\\Haeoreum"' $nsi && pass 'InstallDir $LOCALAPPDATA\Programs\Haeoreum' || fail "InstallDir"
grep -q 'HKCU "\${UNINSTKEY}" "UninstallString"' $nsi && pass "uninstaller registered under HKCU" || fail "no HKCU uninstall entry"
if grep -vE '^[[:space:]]*;' $nsi | grep -qiE 'HKLM|HKCR|SHCTX|\.xlsx|FileAssociation|APP_ASSOCIATE|SHChangeNotify'; then
	fail "installer touches HKLM/HKCR or file associations"
else
	pass "no HKLM/HKCR writes, no file associations"
fi
grep -q 'MUI_LANGUAGE "Korean"' $nsi && grep -q 'MUI_LANGUAGE "English"' $nsi && pass "installer languages: Korean, English" || fail "installer languages"

if [ -n "${HAEOREUM_SIGN_PFX:-}" ] && [ -n "${HAEOREUM_SIGN_PASS:-}" ]; then
	for f in "$gui" "$cli" "$setup"; do
		# A certificate from a private CA (or a self-signed test one) does
		# not chain to the system roots, so "verify" may say failed: what
		# is checked here is that a signature is there and its digest
		# matches the file. With HAEOREUM_SIGN_CA the chain is checked too.
		ca=()
		[ -n "${HAEOREUM_SIGN_CA:-}" ] && ca=(-CAfile "$HAEOREUM_SIGN_CA")
		osslsigncode verify "${ca[@]}" -in "$f" >"$work/verify.txt" 2>&1 && chain=ok || chain=unverified
		cur=$(sed -n 's/^Current message digest *: *//p' "$work/verify.txt" | head -1)
		calc=$(sed -n 's/^Calculated message digest *: *//p' "$work/verify.txt" | head -1)
		if [ -n "$cur" ] && [ "$cur" = "$calc" ] && { [ "$chain" = ok ] || [ ${#ca[@]} -eq 0 ]; }; then
			pass "signed: $(basename "$f") (digest matches, chain $chain)"
		else
			fail "signature of $(basename "$f")"
			sed 's/^/     /' "$work/verify.txt" | head -20
		fi
	done
else
	note "unsigned (HAEOREUM_SIGN_PFX/HAEOREUM_SIGN_PASS not set)"
fi

# --- checksums -----------------------------------------------------------------
section "checksums"
(cd "$DIST" && sha256sum -c SHA256SUMS) && pass "dist/SHA256SUMS" || fail "dist/SHA256SUMS"

# --- Linux archive -------------------------------------------------------------
section "Linux archive"
tar -tJvf "$linux" | awk '{print "     " $1, $3, $6}'
name=$(basename "$linux" .tar.xz)
for want in usr/local/bin/haeoreum usr/local/bin/haeoreum-cli \
	usr/local/share/applications/kr.haeoreum.register.desktop \
	usr/local/share/icons/hicolor/48x48/apps/kr.haeoreum.register.png \
	usr/local/share/icons/hicolor/128x128/apps/kr.haeoreum.register.png \
	usr/local/share/icons/hicolor/256x256/apps/kr.haeoreum.register.png Makefile; do
	if tar -tJf "$linux" "$name/$want" >/dev/null 2>&1; then pass "archive has $want"; else fail "archive lacks $want"; fi
done
if have_dfv=$(command -v desktop-file-validate); then
	tar -xJOf "$linux" "$name/usr/local/share/applications/kr.haeoreum.register.desktop" >"$work/k.desktop"
	"$have_dfv" "$work/k.desktop" && pass "desktop-file-validate" || fail "desktop-file-validate"
fi

# A folder with Korean characters and spaces in its path.
kdir="$work/해오름 등록부 테스트"
mkdir -p "$kdir"
tar -C "$kdir" -xJf "$linux"
kbin="$kdir/$name/usr/local/bin"
cp assets/sample/sample.db "$kdir/sample.db"
note "$(file -b "$kbin/haeoreum")"
note "$(file -b "$kbin/haeoreum-cli")"

count_json() { python3 -c 'import json,sys; d=json.load(sys.stdin); assert isinstance(d,list) and d, "empty"; print(len(d))'; }
export LANG=C.UTF-8 LC_ALL=C.UTF-8
if n=$("$kbin/haeoreum-cli" --db "$kdir/sample.db" list --json | count_json); then
	pass "Linux CLI from '$kdir': list --json → $n projects"
else
	fail "Linux CLI list from a Korean path"
fi
# the default data folder (~/.local/share/haeoreum) under a Korean HOME
khome="$kdir/홈 폴더"
if HOME="$khome" XDG_DATA_HOME= "$kbin/haeoreum-cli" load-sample >"$work/load.txt" 2>&1 &&
	n=$(HOME="$khome" XDG_DATA_HOME= "$kbin/haeoreum-cli" list --json | count_json) &&
	[ -e "$khome/.local/share/haeoreum/register.db" ]; then
	pass "Linux CLI default register under '$khome/.local/share/haeoreum': $n projects"
else
	fail "Linux CLI default register under a Korean HOME"
	sed 's/^/     /' "$work/load.txt"
	ls -laR "$khome" 2>/dev/null | head -20
fi

# The window, under Xvfb, from the Korean folder: first frame and time.
start_xvfb() {
	[ -n "$xvfb" ] && return 0
	command -v Xvfb >/dev/null || return 1
	for d in 97 96 95 94; do
		[ -e /tmp/.X11-unix/X$d ] && continue
		Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
		xvfb=$!
		DISPLAY=":$d"
		sleep 1
		kill -0 "$xvfb" 2>/dev/null && return 0
		xvfb=
	done
	return 1
}
if start_xvfb; then
	cp "$kdir/sample.db" "$kdir/window.db"
	if env HOME="$khome" XDG_DATA_HOME="$kdir/data" XDG_CONFIG_HOME="$kdir/config" LANG=ko_KR.UTF-8 \
		DISPLAY="$DISPLAY" HAEOREUM_SCREENSHOT="$kdir/first-frame.png" \
		timeout -k 10 90 "$kbin/haeoreum" --db "$kdir/window.db" >"$work/window.log" 2>&1 &&
		[ -s "$kdir/first-frame.png" ]; then
		pass "Linux window from '$kdir' under Xvfb: $(grep -m1 'first frame' "$work/window.log")"
	else
		fail "Linux window from a Korean path under Xvfb"
		sed 's/^/     /' "$work/window.log" | tail -20
	fi
else
	note "Xvfb not installed: Linux window not started"
fi
tlinux=$(date +%s)

# --- Wine ----------------------------------------------------------------------
section "Wine"
WINE=$(command -v wine || true)
if [ "${HAEOREUM_CHECK_WINE:-1}" = 0 ]; then
	note "Wine checks skipped (HAEOREUM_CHECK_WINE=0)"
elif [ -z "$WINE" ]; then
	if [ "${HAEOREUM_CHECK_WINE:-}" = 1 ]; then fail "Wine not installed"; else
		note "Wine not installed (apt-get install -y wine): Windows executables not run"; fi
else
	# A prefix of our own, kept between runs (creating one takes a minute).
	export WINEPREFIX=${HAEOREUM_WINEPREFIX:-$HOME/.cache/haeoreum-wine}
	export WINEDEBUG=${WINEDEBUG:--all} WINEDLLOVERRIDES="mscoree,mshtml="
	if [ ! -e "$WINEPREFIX/system.reg" ]; then
		note "creating Wine prefix $WINEPREFIX"
		DISPLAY= timeout -k 10 300 "$WINE" wineboot -i >"$work/wineboot.log" 2>&1 || true
		timeout 60 wineserver -w 2>/dev/null || true
	fi
	note "$("$WINE" --version 2>/dev/null)"
	# Go 1.24+ needs ProcessPrng from bcryptprimitives.dll, which Wine 8.0
	# (Debian 12) lacks: give this prefix the test shim (never shipped).
	sys32="$WINEPREFIX/drive_c/windows/system32"
	if [ -d "$sys32" ] && [ ! -e "$sys32/bcryptprimitives.dll" ]; then
		x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" \
			packaging/wine/bcryptprimitives.c -lbcrypt &&
			note "installed packaging/wine/bcryptprimitives.c into the Wine prefix (Wine lacks ProcessPrng)"
	fi
	wdir="$kdir/windows"
	mkdir -p "$wdir"
	cp "$gui" "$cli" "$kdir/sample.db" "$wdir/"
	zpath="Z:$(printf '%s' "$wdir" | tr / '\\')"
	t=$(date +%s%N)
	if (cd "$wdir" && DISPLAY= timeout -k 10 120 "$WINE" ./haeoreum-cli.exe --db "$zpath\\sample.db" list --json) >"$work/wine-list.json" 2>"$work/wine-list.err" &&
		n=$(tr -d '\r' <"$work/wine-list.json" | count_json); then
		pass "Wine: haeoreum-cli.exe --db '$zpath\\sample.db' list --json → $n projects ($((($(date +%s%N) - t) / 1000000)) ms)"
	else
		fail "Wine: haeoreum-cli.exe list"
		sed 's/^/     /' "$work/wine-list.err" | tail -20
	fi
	# The default register, in %LOCALAPPDATA%\Haeoreum of the prefix's user.
	lad="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local"
	rm -rf "$lad/Haeoreum"
	if (cd "$wdir" && DISPLAY= timeout -k 10 120 "$WINE" ./haeoreum-cli.exe load-sample) >"$work/wine-load.txt" 2>&1 &&
		n=$(cd "$wdir" && DISPLAY= timeout -k 10 120 "$WINE" ./haeoreum-cli.exe list --json 2>/dev/null | tr -d '\r' | count_json) &&
		[ -e "$lad/Haeoreum/register.db" ]; then
		pass "Wine: default register in %LOCALAPPDATA%\\Haeoreum (load-sample, list: $n projects)"
	else
		fail "Wine: default register in %LOCALAPPDATA%\\Haeoreum"
		tr -d '\r' <"$work/wine-load.txt" | tail -5 | sed 's/^/     /'
	fi
	# The installer, silently, as the current user; then the uninstaller.
	# Korean pages and shortcut name when a ko_KR.UTF-8 locale exists
	# (Wine needs it to name files in Korean), English otherwise.
	wuser="$WINEPREFIX/drive_c/users/$(id -un)"
	inst="$wuser/AppData/Local/Programs/Haeoreum"
	smp="$wuser/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
	ukey='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\kr.haeoreum.register'
	wloc=C.UTF-8 lnk="Haeoreum Register.lnk"
	if locale -a 2>/dev/null | grep -qi '^ko_KR.utf-\?8$'; then wloc=ko_KR.UTF-8 lnk="해오름 등록부.lnk"; fi
	timeout 30 wineserver -k 2>/dev/null || true
	rm -rf "$inst"
	mkdir -p "$lad/Haeoreum" && touch "$lad/Haeoreum/keep-me.txt"
	if (cd "$kdir" && LC_ALL=$wloc DISPLAY= timeout -k 10 120 "$WINE" "$setup" /S) >"$work/wine-setup.txt" 2>&1 &&
		timeout 60 wineserver -w 2>/dev/null; [ -e "$inst/haeoreum.exe" ] && [ -e "$inst/haeoreum-cli.exe" ] &&
		[ -e "$inst/uninstall.exe" ] && [ -e "$smp/$lnk" ] &&
		DISPLAY= "$WINE" reg query "$ukey" /v UninstallString >/dev/null 2>&1; then
		pass "Wine ($wloc): setup.exe /S installed into %LOCALAPPDATA%\\Programs\\Haeoreum, Start menu '$lnk', HKCU uninstall key"
		if n=$(DISPLAY= "$WINE" "$inst/haeoreum-cli.exe" list --json 2>/dev/null | tr -d '\r' | count_json); then
			pass "Wine: the installed haeoreum-cli.exe lists the default register ($n projects)"
		else
			fail "Wine: the installed haeoreum-cli.exe"
		fi
		(LC_ALL=$wloc DISPLAY= timeout -k 10 120 "$WINE" "$inst/uninstall.exe" /S) >/dev/null 2>&1 || true
		timeout 60 wineserver -w 2>/dev/null || true
		if [ ! -e "$inst" ] && [ ! -e "$smp/$lnk" ] && ! DISPLAY= "$WINE" reg query "$ukey" >/dev/null 2>&1 &&
			[ -e "$lad/Haeoreum/keep-me.txt" ] && [ -e "$lad/Haeoreum/register.db" ]; then
			pass "Wine: uninstall.exe /S removed the program, shortcut and key, kept %LOCALAPPDATA%\\Haeoreum"
		else
			fail "Wine: uninstall"
			ls -la "$inst" "$smp" 2>&1 | sed 's/^/     /' | head -12
		fi
	else
		fail "Wine: setup.exe /S"
		tr -d '\r' <"$work/wine-setup.txt" | tail -5 | sed 's/^/     /'
		ls -la "$inst" "$smp" 2>&1 | sed 's/^/     /' | head -12
	fi

	# The window: informational (Wine needs OpenGL through Xvfb's GLX).
	if start_xvfb; then
		rm -f "$wdir/first-frame.png"
		# A new Wine session for the window: the CLI runs above started one
		# without a display, and its desktop process would stay without one.
		timeout 30 wineserver -k 2>/dev/null || true
		timeout 30 wineserver -w 2>/dev/null || true
		rc=0
		(cd "$wdir" && HAEOREUM_SCREENSHOT='first-frame.png' DISPLAY="$DISPLAY" \
			timeout -k 10 120 "$WINE" ./haeoreum.exe --db "$zpath\\sample.db") >"$work/wine-window.log" 2>&1 || rc=$?
		if [ -s "$wdir/first-frame.png" ]; then
			pass "Wine: haeoreum.exe drew its first frame under Xvfb: $(tr -d '\r' <"$work/wine-window.log" | grep -m1 'first frame')"
			tr -d '\r' <"$work/wine-window.log" | grep -i 'blank' | sed 's/^/     /' || true
			# What is really on the (virtual) screen: the window drawn by
			# OpenGL through Wine and Mesa, saved for a person to look at.
			if command -v import >/dev/null; then
				(cd "$wdir" && DISPLAY="$DISPLAY" timeout -k 10 60 "$WINE" ./haeoreum.exe --db "$zpath\\sample.db") >"$work/wine-window2.log" 2>&1 &
				winpid=$!
				sleep "${HAEOREUM_WINE_WAIT:-12}"
				DISPLAY="$DISPLAY" import -window root "$DIST/windows/wine-xvfb-screen.png" 2>/dev/null &&
					note "Wine: screen with the window saved to $DIST/windows/wine-xvfb-screen.png"
				timeout 30 wineserver -k 2>/dev/null || true
				wait "$winpid" 2>/dev/null || true
			fi
			# Where Wine draws the window, the end-to-end test must pass
			# on it too (scripts/e2e.sh --wine): import through Windows'
			# own open dialog, a conflict, the report through its save
			# dialog, Ctrl+Q; the register and report checked after.
			if command -v xdotool >/dev/null; then
				if scripts/e2e.sh --wine "$wdir" "$DIST/e2e-wine" >"$work/wine-e2e.log" 2>&1; then
					pass "Wine: end to end: $(grep -m1 'e2e: register:' "$work/wine-e2e.log" | sed 's/^e2e: //'); screens in $DIST/e2e-wine"
				else
					fail "Wine: end to end (scripts/e2e.sh --wine; screens in $DIST/e2e-wine)"
					tail -12 "$work/wine-e2e.log" | sed 's/^/     /'
				fi
			else
				note "xdotool not installed: the Wine window not driven end to end"
			fi
		else
			note "Wine: haeoreum.exe did not draw a frame (exit $rc); its output and error log:"
			tr -d '\r' <"$work/wine-window.log" | tail -15 | sed 's/^/     /'
			elog=$(find "$WINEPREFIX/drive_c/users" -name haeoreum-error.log 2>/dev/null | head -1)
			[ -n "$elog" ] && tail -12 "$elog" | sed 's/^/     /'
		fi
	else
		note "Xvfb not installed: Wine window not started"
	fi
	timeout 30 wineserver -k 2>/dev/null || true
fi

section "sizes"
(cd "$DIST" && for f in $(awk '{print $2}' SHA256SUMS) linux/haeoreum linux/haeoreum-cli; do
	[ -e "$f" ] && stat -c '%s %n' "$f" | awk '{printf "%12d  %6.1f MiB  %s\n", $1, $1/1048576, $2}'
done)

printf '\nbuild %ds, checks %ds (Linux %ds, Wine %ds), total %s\n' \
	$((tbuild - t0)) $(($(date +%s) - tbuild)) $((tlinux - tbuild)) $(($(date +%s) - tlinux)) "$(elapsed)"
if [ "$fails" -gt 0 ]; then
	echo "release check: $fails FAILED"
	exit 1
fi
echo "release check: all passed"
