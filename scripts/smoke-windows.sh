#!/usr/bin/env bash
# scripts/smoke-windows.sh — start the Windows build under wine in a virtual
# X display: `jixiao version` must print its version, and the window must
# open, stay up and draw (a screenshot with more than a few colours).
# A quick check of the working tree's Windows build without packaging;
# scripts/test.sh runs scripts/package-test.sh instead, which starts the
# packaged .exe under wine (one Windows cross-build in CI, not two).
#
#   scripts/smoke-windows.sh [--exe FILE] [SCREENSHOT]
#
# Without --exe it cross-builds dist/smoke/jixiao-windows-amd64.exe from the
# working tree (CGO_ENABLED=1 GOOS=windows with Debian's mingw-w64, -tags
# no_animations, -H windowsgui: what scripts/package.sh builds, without
# fyne package's icon and version resources), so the check is of the code
# as it is; --exe dist/jixiao-windows-amd64.exe checks a package instead.
# The screenshot is kept only when SCREENSHOT is given (for the docs:
# scripts/smoke-windows.sh docs/screenshots/windows.png).
#
# Debian 12's wine 8.0 lacks ProcessPrng in bcryptprimitives.dll, which
# every Go ≥ 1.24 program calls at start-up, so a stand-in DLL is built
# from tools/bcryptprimitives/ and put into the throw-away wine prefix's
# system32 (the Go runtime loads that DLL from system32 only).
#
# The X session (Xvfb on a free display, openbox) is scripts/xsession.sh's;
# everything started is stopped at exit (wineserver -k, then the session).
# Environment: JIXIAO_SMOKE_WAIT (seconds the window must stay up after it
# appeared, default 5; at most 120 s are allowed for it to appear).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/xsession.sh
. scripts/xsession.sh
jixiao_setup smoke

exe=""
if [ "${1:-}" = --exe ]; then
	exe="$2"
	shift 2
fi
shot="${1:-}"
wait="${JIXIAO_SMOKE_WAIT:-5}"
if [ -z "$exe" ]; then
	exe=dist/smoke/jixiao-windows-amd64.exe
	mkdir -p dist/smoke
	jixiao_log "cross-building $exe"
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
		go build -tags no_animations -ldflags=-H=windowsgui -o "$exe" ./cmd/jixiao
fi
[ -e "$exe" ] || {
	jixiao_log "no $exe"
	exit 1
}

jixiao_x_start 1366x800 || exit 1
work="$JIXIAO_X_DIR"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="bcryptprimitives=n;mscoree,mshtml="
export JIXIAO_DB="C:\\jixiao-smoke\\drafts.db"
jixiao_x_defer 'wineserver -k 2>/dev/null || true'

x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" \
	tools/bcryptprimitives/bcryptprimitives.c tools/bcryptprimitives/bcryptprimitives.def -ladvapi32

jixiao_log "creating the wine prefix"
wineboot -i >"$work/wineboot.log" 2>&1 || true
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

jixiao_log "command line: wine $exe version"
wine "$exe" version 2>&1 | tee "$work/version.txt"
grep -q '版本' "$work/version.txt" || {
	jixiao_log "the Windows build did not print its version"
	exit 1
}

jixiao_log "starting the window"
wine "$exe" >"$work/gui.log" 2>&1 &
gui=$!
jixiao_x_track "$gui"
# wine names the window after the program's title (绩效目标申报 …).
wid=""
for _ in $(seq 1200); do
	wid="$(xdotool search --onlyvisible --name '绩效目标申报' 2>/dev/null | head -1)" || true
	[ -n "$wid" ] && break
	kill -0 "$gui" 2>/dev/null || break
	sleep 0.1
done
if [ -z "$wid" ]; then
	jixiao_log "no window of the Windows build appeared:"
	cat "$work/gui.log" >&2
	exit 1
fi
jixiao_log "window $wid: $(xdotool getwindowname "$wid"); watching it for ${wait}s"
sleep "$wait"
if ! kill -0 "$gui" 2>/dev/null; then
	jixiao_log "the Windows build exited:"
	cat "$work/gui.log" >&2
	exit 1
fi
png="${shot:-$work/windows.png}"
mkdir -p "$(dirname "$png")"
import -window root "$png"
colours="$(identify -format '%k' "$png")"
if [ "$colours" -lt 50 ]; then
	jixiao_log "the screenshot has $colours colours: the window drew nothing"
	exit 1
fi
jixiao_log "screenshot: $colours colours${shot:+, $shot}"
if [ -s "$work/gui.log" ]; then
	jixiao_log "the program printed:"
	cat "$work/gui.log" >&2
fi
