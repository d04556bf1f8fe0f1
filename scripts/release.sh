#!/usr/bin/env bash
# Build every release artefact of Haeoreum Register into dist/, with SHA-256
# checksums in dist/SHA256SUMS. From a clean checkout, on Debian 12 (see
# PACKAGING.md for the packages it needs):
#
#   scripts/release.sh                 Windows and Linux
#   scripts/release.sh windows         only the Windows files
#   scripts/release.sh linux           only the Linux archive
#
# dist/windows/haeoreum.exe           the window (cgo, mingw-w64, GUI subsystem)
# dist/windows/haeoreum-cli.exe       the CLI (pure Go, console)
# dist/haeoreum-V-windows-amd64-setup.exe   per-user NSIS installer
# dist/haeoreum-V-windows-amd64.zip   the two .exe files, for a portable copy
# dist/haeoreum-V-linux-amd64.tar.xz  binaries, .desktop file, icons, Makefile
# dist/SHA256SUMS
#
# Environment:
#   HAEOREUM_SIGN_PFX, HAEOREUM_SIGN_PASS   sign the .exe files and the
#       installer with osslsigncode (packaging/windows/sign.sh); unsigned
#       when unset
#   HAEOREUM_SIGN_TIMESTAMP   RFC 3161 time-stamp URL for the signatures
#   HAEOREUM_INSTALL_DEPS=0   do not apt-get install missing packages (with
#                             sudo when not root), just name them and stop
#                             (the list: scripts/deps.sh)
#   DIST                      output folder (default dist)
#
# Version and build number come from FyneApp.toml. The Windows resources
# (icon, VERSIONINFO, manifest) are compiled from packaging/windows/haeoreum.rc
# with windres. The window links externally (cgo), so its resource object
# goes to mingw's linker with -extldflags and nothing is written into
# cmd/haeoreum. The CLI links with Go's own linker, which only takes a .syso
# from the package folder: cmd/haeoreum-cli/zz_release_windows_amd64.syso
# exists only for the seconds of that build (the suffix means no other
# GOOS/GOARCH ever links it) and is removed on exit, even on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(windows linux)
want() { local t; for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }
for t in "${targets[@]}"; do
	case $t in windows | linux) ;; *)
		echo "usage: $0 [windows] [linux]" >&2
		exit 2
		;;
	esac
done

# --- version -----------------------------------------------------------------
toml() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -1; }
VERSION=$(toml Version)
BUILD=$(toml Build)
APPID=$(toml ID)
[[ $VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "FyneApp.toml: Version \"$VERSION\" is not X.Y.Z" >&2; exit 1; }
[[ $BUILD =~ ^[0-9]+$ ]] || BUILD=0
[ "$APPID" = kr.haeoreum.register ] || { echo "FyneApp.toml: ID is \"$APPID\", want kr.haeoreum.register" >&2; exit 1; }
COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
# Reproducible archive times: the last commit's, else now.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH

DIST=${DIST:-$ROOT/dist}
mkdir -p "$DIST"
DIST=$(cd "$DIST" && pwd)
# Tags of every release build: fyne.Do migration declared (FyneApp.toml
# [Migrations]), no emoji font (smaller binary).
TAGS=migrated_fynedo,no_emoji
# main.version / main.commit are set if cmd/haeoreum(-cli) declare them
# (the linker ignores -X for variables that do not exist).
XFLAGS="-X main.version=$VERSION -X main.build=$BUILD -X main.commit=$COMMIT"

log() { printf '\n== %s\n' "$*"; }
t0=$(date +%s)
step() { printf '   (%ds)\n' $(($(date +%s) - t0)); }

# --- tools -------------------------------------------------------------------
# scripts/deps.sh names every package and checks the commands it provides
# (HAEOREUM_INSTALL_DEPS=0: only name what is missing).
scripts/deps.sh release

echo "Haeoreum Register $VERSION (build $BUILD, $COMMIT) → $DIST  [${targets[*]}]"

# --- icons -------------------------------------------------------------------
log "icons (packaging/icongen)"
go run ./packaging/icongen -src assets/icon.png -out packaging
step

tmp=$(mktemp -d)
case $tmp in *[[:space:]]*) echo "TMPDIR must not contain spaces (-extldflags): $tmp" >&2; exit 1 ;; esac
SYSO=cmd/haeoreum-cli/zz_release_windows_amd64.syso
cleanup() { rm -f "$SYSO"; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

sums=()

# --- Windows -----------------------------------------------------------------
if want windows; then
	log "Windows resources (windres)"
	IFS=. read -r vmaj vmin vpat <<<"$VERSION"
	printf '#define HR_VERSION %d,%d,%d,%d\n#define HR_VERSION_STR "%s"\n' \
		"$vmaj" "$vmin" "$vpat" "$BUILD" "$VERSION" >"$tmp/version.h"
	rc=packaging/windows/haeoreum.rc
	x86_64-w64-mingw32-windres -I packaging/windows -I "$tmp" -O coff -o "$tmp/haeoreum-rsrc.o" "$rc"
	x86_64-w64-mingw32-windres -DHR_CLI -I packaging/windows -I "$tmp" -O coff -o "$tmp/haeoreum-cli-rsrc.o" "$rc"
	step

	mkdir -p "$DIST/windows"
	log "dist/windows/haeoreum.exe (cgo, mingw-w64; a cold build takes 6-14 min on 2 cores)"
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		go build -tags "$TAGS" -trimpath \
		-ldflags "-s -w -H=windowsgui $XFLAGS -extldflags=$tmp/haeoreum-rsrc.o" \
		-o "$DIST/windows/haeoreum.exe" ./cmd/haeoreum
	step
	log "dist/windows/haeoreum-cli.exe (pure Go)"
	cp "$tmp/haeoreum-cli-rsrc.o" "$SYSO"
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 \
		go build -trimpath -ldflags "-s -w $XFLAGS" \
		-o "$DIST/windows/haeoreum-cli.exe" ./cmd/haeoreum-cli
	rm -f "$SYSO"
	step

	packaging/windows/sign.sh "$DIST/windows/haeoreum.exe"
	packaging/windows/sign.sh "$DIST/windows/haeoreum-cli.exe"
	# the installer and the zip record file times: use the commit's
	touch -d "@$SOURCE_DATE_EPOCH" "$DIST/windows/haeoreum.exe" "$DIST/windows/haeoreum-cli.exe"

	log "installer (makensis)"
	setup="haeoreum-$VERSION-windows-amd64-setup.exe"
	sign=()
	[ -n "${HAEOREUM_SIGN_PFX:-}" ] && [ -n "${HAEOREUM_SIGN_PASS:-}" ] && sign=("-DSIGN=$ROOT/packaging/windows/sign.sh")
	rm -f "$DIST/$setup"
	makensis -INPUTCHARSET UTF8 -V3 -DVERSION="$VERSION" -DVERSION4="$VERSION.$BUILD" \
		-DDISTDIR="$DIST/windows" -DOUTFILE="$DIST/$setup" "${sign[@]}" \
		"$ROOT/packaging/windows/installer.nsi" >"$DIST/windows/makensis.log" 2>&1 ||
		{ tail -30 "$DIST/windows/makensis.log"; exit 1; }
	grep -iE "warning|^Output:|^Install:|^Uninstall:|^Total size" "$DIST/windows/makensis.log" | sed 's/^/   /' || true
	step

	log "portable zip"
	zip="haeoreum-$VERSION-windows-amd64.zip"
	rm -rf "$tmp/zip" "$DIST/$zip"
	mkdir -p "$tmp/zip/Haeoreum"
	cp "$DIST/windows/haeoreum.exe" "$DIST/windows/haeoreum-cli.exe" "$tmp/zip/Haeoreum/"
	cp assets/fonts/OFL.txt "$tmp/zip/Haeoreum/OFL-NanumGothic.txt"
	touch -d "@$SOURCE_DATE_EPOCH" "$tmp/zip/Haeoreum" "$tmp/zip/Haeoreum"/*
	(cd "$tmp/zip" && 7z a -tzip -mx=9 -bd -bso0 "$DIST/$zip" Haeoreum)
	sums+=("windows/haeoreum.exe" "windows/haeoreum-cli.exe" "$setup" "$zip")
	step
fi

# --- Linux -------------------------------------------------------------------
if want linux; then
	name="haeoreum-$VERSION-linux-amd64"
	stage="$tmp/$name"
	bin="$stage/usr/local/bin"
	share="$stage/usr/local/share"
	mkdir -p "$bin" "$share/applications"
	log "Linux haeoreum (cgo, OpenGL/X11)"
	CGO_ENABLED=1 GOOS=linux GOARCH=amd64 \
		go build -tags "$TAGS" -trimpath -ldflags "-s -w $XFLAGS" -o "$bin/haeoreum" ./cmd/haeoreum
	step
	log "Linux haeoreum-cli (pure Go)"
	CGO_ENABLED=0 GOOS=linux GOARCH=amd64 \
		go build -trimpath -ldflags "-s -w $XFLAGS" -o "$bin/haeoreum-cli" ./cmd/haeoreum-cli
	step
	log "archive"
	install -m 0644 packaging/linux/kr.haeoreum.register.desktop "$share/applications/"
	cp -r packaging/linux/icons "$share/icons"
	install -m 0644 packaging/linux/Makefile "$stage/Makefile"
	install -m 0644 assets/fonts/OFL.txt "$stage/OFL-NanumGothic.txt"
	find "$stage" -type d -exec chmod 0755 {} +
	find "$stage/usr/local/share" -type f -exec chmod 0644 {} +
	rm -f "$DIST/$name.tar.xz"
	tar -C "$tmp" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
		-cf - "$name" | xz -9e -T1 >"$DIST/$name.tar.xz"
	# the unpacked binaries too, for checks and benchmarks
	mkdir -p "$DIST/linux"
	cp "$bin/haeoreum" "$bin/haeoreum-cli" "$DIST/linux/"
	sums+=("$name.tar.xz")
	step
fi

# --- checksums ---------------------------------------------------------------
log "dist/SHA256SUMS"
(
	cd "$DIST"
	# keep the lines of artefacts not rebuilt this time (windows-only or
	# linux-only runs), replace the others
	touch SHA256SUMS
	for f in "${sums[@]}"; do sed -i "\\|  $f\$|d" SHA256SUMS; done
	sha256sum "${sums[@]}" >>SHA256SUMS
	sort -k2 -o SHA256SUMS SHA256SUMS
	for f in $(awk '{print $2}' SHA256SUMS); do [ -e "$f" ] || sed -i "\\|  $f\$|d" SHA256SUMS; done
	sha256sum -c --quiet SHA256SUMS
	cat SHA256SUMS
)

log "sizes"
(cd "$DIST" && for f in $(awk '{print $2}' SHA256SUMS); do printf '%12d  %s\n' "$(stat -c %s "$f")" "$f"; done)
printf '\ndone in %ds\n' $(($(date +%s) - t0))
