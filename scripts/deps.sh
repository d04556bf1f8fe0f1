#!/usr/bin/env bash
# The one list of the Debian packages this project's scripts rely on, and what
# each is for. Installs what is missing, then checks that every command the
# scripts call is there and comes from the package named for it (dpkg -S, so
# a package that only pulls the command in as a dependency or an alternative
# is named truly: e.g. Debian's `wine64` has no `wine` command, `wine` has).
#
#   scripts/deps.sh run        building and running the window
#   scripts/deps.sh test       that, plus what the tests use (Xvfb, LibreOffice, fonts, ...)
#   scripts/deps.sh release    Windows cross build, installer, Linux archive, their checks
#   scripts/deps.sh wine       Wine, to run the Windows files
#   scripts/deps.sh test release wine     several at once
#
# Uses sudo when not root. Skips apt entirely when everything is present.
# HAEOREUM_INSTALL_DEPS=0: install nothing, only name what is missing and stop.
set -euo pipefail

# group  package  what it must provide (a command, or an absolute path)
table='
run     gcc                      gcc
run     pkg-config               pkg-config
run     libgl1-mesa-dev          /usr/include/GL/gl.h
run     xorg-dev                 /usr/include/X11/extensions/Xrandr.h
run     libxkbcommon-dev         /usr/include/xkbcommon/xkbcommon.h
test    xvfb                     Xvfb
test    xdotool                  xdotool
test    imagemagick              import
test    libreoffice-calc-nogui   soffice
test    poppler-utils            pdftoppm
test    poppler-utils            pdffonts
test    poppler-utils            pdftotext
test    fonts-nanum              /usr/share/fonts/truetype/nanum/NanumGothic.ttf
test    python3                  python3
test    locales                  locale-gen
release gcc-mingw-w64-x86-64     x86_64-w64-mingw32-gcc
release binutils-mingw-w64-x86-64 x86_64-w64-mingw32-windres
release nsis                     makensis
release p7zip-full               7z
release xz-utils                 xz
release file                     file
release desktop-file-utils       desktop-file-validate
release python3                  python3
release xvfb                     Xvfb
release imagemagick              import
release xdotool                  xdotool
wine    wine                     wine
wine    wine                     wineserver
'
[ -n "${HAEOREUM_SIGN_PFX:-}" ] && table+=$'\nrelease osslsigncode osslsigncode\n'

groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(test)
for g in "${groups[@]}"; do
	case $g in run | test | release | wine) ;; *) echo "usage: $0 [run|test|release|wine]..." >&2; exit 2 ;; esac
done
# test and release both build the window
groups+=(run)
wanted() { local g; for g in "${groups[@]}"; do [ "$g" = "$1" ] && return 0; done; return 1; }

rows=()
while read -r group pkg what; do
	[ -n "$group" ] && wanted "$group" && rows+=("$pkg $what")
done <<<"$table"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for row in "${rows[@]}"; do
	read -r pkg _ <<<"$row"
	installed "$pkg" || [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "${HAEOREUM_INSTALL_DEPS:-1}" != 1 ]; then
		echo "missing: ${missing[*]}  (apt-get install -y --no-install-recommends ${missing[*]})" >&2
		exit 1
	fi
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	echo "installing: ${missing[*]}"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Every command or file is there, and its package (or a package it depends
# on, for meta-packages such as gcc-mingw-w64-x86-64) is the one named.
bad=0
for row in "${rows[@]}"; do
	read -r pkg what <<<"$row"
	path=$what
	[[ $what == /* ]] || path=$(command -v "$what" || true)
	if [ -z "$path" ] || [ ! -e "$path" ]; then
		echo "deps: $pkg is installed but gives no $what" >&2
		bad=1
		continue
	fi
	owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1 || true)
	[ -n "$owner" ] || owner=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1 || true)
	[ "$owner" = "$pkg" ] && continue
	# (captured first: grep -q closing the pipe early fails it under pipefail)
	if [ -n "$owner" ]; then
		deps=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
			--no-breaks --no-replaces --no-enhances "$pkg" 2>/dev/null || true)
		grep -qxF "$owner" <<<"$deps" && continue
	fi
	# commands on the PATH from outside Debian (e.g. a Python of its own)
	# are fine as long as the named package is installed too
	if [ -z "$owner" ] && installed "$pkg"; then continue; fi
	echo "deps: $what comes from ${owner:-no package}, not from $pkg" >&2
	bad=1
done
[ $bad -eq 0 ] || exit 1

if wanted run && ! command -v go >/dev/null; then
	echo "Go 1.26 or later is needed: https://go.dev/dl/ (Debian's own golang package is too old)." >&2
	exit 1
fi
