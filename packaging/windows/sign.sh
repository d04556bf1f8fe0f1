#!/bin/sh
# Sign a Windows executable in place with Authenticode (osslsigncode), when
# a certificate is configured; otherwise do nothing and say so.
#
#   packaging/windows/sign.sh FILE.exe
#
#   HAEOREUM_SIGN_PFX        PKCS#12 file with the code-signing certificate and key
#   HAEOREUM_SIGN_PASS       its password (passed to osslsigncode through a
#                            private temp file, never on a command line)
#   HAEOREUM_SIGN_TIMESTAMP  optional RFC 3161 time-stamp server URL (needs
#                            the network; without it the signature is valid
#                            only while the certificate is)
#
# makensis calls it for the uninstaller and the installer (!uninstfinalize,
# !finalize); scripts/release.sh calls it for haeoreum.exe and haeoreum-cli.exe.
set -eu
f=$1
if [ -z "${HAEOREUM_SIGN_PFX:-}" ] || [ -z "${HAEOREUM_SIGN_PASS:-}" ]; then
	echo "sign.sh: HAEOREUM_SIGN_PFX/HAEOREUM_SIGN_PASS not set: $f left unsigned" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
umask 077
printf '%s' "$HAEOREUM_SIGN_PASS" >"$tmp/pass"
set -- sign -pkcs12 "$HAEOREUM_SIGN_PFX" -readpass "$tmp/pass" -h sha256 \
	-n "Haeoreum Register" -i "https://github.com/haeoreum/register"
if [ -n "${HAEOREUM_SIGN_TIMESTAMP:-}" ]; then
	set -- "$@" -ts "$HAEOREUM_SIGN_TIMESTAMP"
fi
osslsigncode "$@" -in "$f" -out "$tmp/signed" >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
cat "$tmp/signed" >"$f"
echo "sign.sh: signed $f" >&2
