#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages this project builds and tests with.
#   scripts/deps.sh run    what building and running the window needs
#   scripts/deps.sh test   that, plus Xvfb, LibreOffice, fonts and tools the tests use
# Uses sudo when not root. Skips apt entirely when everything is present.
set -euo pipefail
what=${1:-test}
pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev)
if [ "$what" = test ]; then
	pkgs+=(xvfb x11-apps imagemagick libreoffice-calc-nogui fonts-nanum poppler-utils python3 locales)
fi
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	echo "installing: ${missing[*]}"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if ! command -v go >/dev/null; then
	echo "Go 1.26 or later is needed: https://go.dev/dl/ (Debian's own golang package is too old)." >&2
	exit 1
fi
