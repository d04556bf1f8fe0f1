#!/bin/sh
# On a Mac: build "Haeoreum Register.app" (universal: Apple silicon and
# Intel) and a zip of it into dist/macos, with SHA-256 checksums. It cannot
# run on Linux (cgo needs Apple's SDK for Cocoa and OpenGL).
#
# Needs: macOS 11+, Xcode command line tools (xcode-select --install), Go 1.26.
#
#   packaging/macos/build-app.sh
#
#   MACOS_SIGN_IDENTITY   "Developer ID Application: …" to sign with the
#                         hardened runtime; ad-hoc signature otherwise
#   MACOS_NOTARY_PROFILE  a notarytool keychain profile: notarize and staple
set -eu
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "build-app.sh runs on macOS only" >&2; exit 1; }

toml() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -1; }
VERSION=$(toml Version)
BUILD=$(toml Build)
COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
XFLAGS="-X main.version=$VERSION -X main.build=$BUILD -X main.commit=$COMMIT"
TAGS=migrated_fynedo,no_emoji
export MACOSX_DEPLOYMENT_TARGET=11.0

out=dist/macos
app="$out/Haeoreum Register.app"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"

for arch in arm64 amd64; do
	echo "building $arch…"
	CGO_ENABLED=1 GOOS=darwin GOARCH=$arch go build -tags "$TAGS" -trimpath -ldflags "-s -w $XFLAGS" \
		-o "$tmp/haeoreum-$arch" ./cmd/haeoreum
	CGO_ENABLED=0 GOOS=darwin GOARCH=$arch go build -trimpath -ldflags "-s -w $XFLAGS" \
		-o "$tmp/haeoreum-cli-$arch" ./cmd/haeoreum-cli
done
lipo -create -output "$app/Contents/MacOS/haeoreum" "$tmp/haeoreum-arm64" "$tmp/haeoreum-amd64"
lipo -create -output "$app/Contents/MacOS/haeoreum-cli" "$tmp/haeoreum-cli-arm64" "$tmp/haeoreum-cli-amd64"

sed -e "s/@VERSION@/$VERSION/" -e "s/@BUILD@/$BUILD/" packaging/macos/Info.plist >"$app/Contents/Info.plist"
plutil -lint "$app/Contents/Info.plist"
cp -R packaging/macos/ko.lproj packaging/macos/en.lproj "$app/Contents/Resources/"
cp assets/fonts/OFL.txt "$app/Contents/Resources/OFL-NanumGothic.txt"

set=$tmp/icon.iconset
mkdir -p "$set"
for n in 16 32 128 256 512; do
	sips -z $n $n assets/icon.png --out "$set/icon_${n}x${n}.png" >/dev/null
	d=$((n * 2))
	if [ $d -le 512 ]; then
		sips -z $d $d assets/icon.png --out "$set/icon_${n}x${n}@2x.png" >/dev/null
	else
		cp assets/icon.png "$set/icon_${n}x${n}@2x.png"
	fi
done
iconutil -c icns -o "$app/Contents/Resources/icon.icns" "$set"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
	codesign --force --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$app/Contents/MacOS/haeoreum-cli"
	codesign --force --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$app"
else
	codesign --force --sign - "$app/Contents/MacOS/haeoreum-cli"
	codesign --force --sign - "$app"
fi
codesign --verify --deep --strict "$app"

zip="haeoreum-$VERSION-macos-universal.zip"
rm -f "$out/$zip"
ditto -c -k --keepParent "$app" "$out/$zip"
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
	xcrun notarytool submit "$out/$zip" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
	xcrun stapler staple "$app"
	rm -f "$out/$zip"
	ditto -c -k --keepParent "$app" "$out/$zip"
fi
(cd "$out" && shasum -a 256 "$zip" >SHA256SUMS && cat SHA256SUMS)
ls -l "$app/Contents/MacOS"
