#!/usr/bin/env bash
# scripts/smoke-windows.sh — start the Windows build under wine in a virtual
# X display and take a screenshot: proof that the .exe starts and draws
# Chinese text. Not part of scripts/test.sh (wine is ~600 MB and slow).
#
#   scripts/smoke-windows.sh [SCREENSHOT]   (default docs/screenshots/windows.png)
#
# Builds dist/jixiao-windows-amd64.exe first if it is missing. Debian 12's
# wine 8.0 lacks ProcessPrng in bcryptprimitives.dll, which every Go ≥ 1.24
# program calls at start-up, so a stand-in DLL is built from
# tools/bcryptprimitives/ and put into the throw-away wine prefix's system32
# (the Go runtime loads that DLL from system32 only).
#
# Environment: JIXIAO_SMOKE_WAIT (seconds before the screenshot, default 25).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
. scripts/setup.sh
jixiao_setup smoke

shot="${1:-docs/screenshots/windows.png}"
wait="${JIXIAO_SMOKE_WAIT:-25}"
exe=dist/jixiao-windows-amd64.exe
[ -e "$exe" ] || scripts/package.sh windows

work="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-wine.XXXXXX")"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="bcryptprimitives=n;mscoree,mshtml="
export JIXIAO_DB="C:\\jixiao-smoke\\drafts.db"
xvfb=""
cleanup() {
	wineserver -k 2>/dev/null || true
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" \
	tools/bcryptprimitives/bcryptprimitives.c tools/bcryptprimitives/bcryptprimitives.def -ladvapi32

# A free display number.
n=99
while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1366x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=":$n"
sleep 2

jixiao_log "creating the wine prefix (about half a minute)"
wineboot -i >"$work/wineboot.log" 2>&1 || true
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

jixiao_log "command line: wine $exe version"
wine "$exe" version 2>&1 | tee "$work/version.txt"
grep -q '版本' "$work/version.txt" || {
	jixiao_log "the Windows build did not print its version"
	exit 1
}

jixiao_log "starting the window; screenshot in ${wait}s"
wine "$exe" >"$work/gui.log" 2>&1 &
gui=$!
sleep "$wait"
if ! kill -0 "$gui" 2>/dev/null; then
	jixiao_log "the Windows build exited early:"
	cat "$work/gui.log" >&2
	exit 1
fi
mkdir -p "$(dirname "$shot")"
import -display "$DISPLAY" -window root "$shot"
jixiao_log "screenshot: $shot"
if [ -s "$work/gui.log" ]; then
	jixiao_log "the program printed:"
	cat "$work/gui.log" >&2
fi
