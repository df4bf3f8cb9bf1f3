#!/usr/bin/env bash
# scripts/screens-test.sh — the real window on an 800×600, a 1024×768 and a
# 1366×768 screen (Xvfb + openbox), in each stage of the year (申报, 运行监控,
# 年度自评): every control of the toolbar, of each tab's top row and of the
# 草稿 screen must lie inside the screen. scripts/test.sh runs it (step
# "window").
#
#   scripts/screens-test.sh [BINARY]     default: builds dist/screens/jixiao
#                                        with -tags no_animations,screenshots
#   SCREENS_SHOTS=DIR scripts/screens-test.sh   also keeps a PNG of every
#                                        screen: DIR/SIZE-STAGE/NN-屏幕.png
#
# How it knows where the controls are: the screenshot build, run with
# JIXIAO_GEOMETRY=FILE, shows the 草稿 screen and then each tab in turn and
# writes, for each, the place of every visible button, entry, selector and
# heading on its canvas (cmd/jixiao/screens.go, ui/geometry.go), then quits.
# The script adds the window's place on the screen (xwininfo) and checks
# each control against the screen's size (xdotool getdisplaygeometry). A
# window wider than the screen (its least width above 800) puts controls
# past the right edge, and so does a row of buttons that does not fit: both
# fail, naming the size, stage, screen and control.
# SCREENS_SIZES="800x600" runs one size only.
# (SCREENS_BREAK=1 checks against a screen 100 px narrower than the real
# one, to see the check fail.)
#
# Prints one line per size and stage, "ok" or "FAIL …", and exits 1 if any
# failed (or if the X session or the window could not be started).
# Needs: xvfb openbox xdotool x11-utils (scripts/setup.sh: jixiao_setup
# window).
set -uo pipefail
cd "$(dirname "$0")/.."

BIN=${1:-}
if [ -z "$BIN" ]; then
	. scripts/setup.sh
	mkdir -p dist/screens
	jixiao_log "building dist/screens/jixiao (-tags no_animations,screenshots)"
	CGO_ENABLED=1 go build -tags no_animations,screenshots -o dist/screens/jixiao ./cmd/jixiao || exit 1
	BIN=dist/screens/jixiao
fi
BIN=$(readlink -f "$BIN")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-screens.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
DB=$WORK/drafts.db

# Three drafts, one per stage (the built-in sample each time).
for _ in 1 2 3; do
	JIXIAO_DB=$DB "$BIN" sample >/dev/null || {
		echo "FAIL: could not make the drafts"
		exit 1
	}
done
mapfile -t IDS < <(JIXIAO_DB=$DB "$BIN" list | awk '{print $1}' | sort -V)
D_DECLARE=${IDS[0]} D_MONITOR=${IDS[1]} D_EVAL=${IDS[2]}
JIXIAO_DB=$DB "$BIN" stage --draft "$D_MONITOR" 监控 --month 6 >/dev/null || exit 1
JIXIAO_DB=$DB "$BIN" stage --draft "$D_EVAL" 自评 >/dev/null || exit 1

# check_one SIZE STAGE DRAFT runs the tour in the current X session.
check_one() {
	local size=$1 stage=$2 id=$3 geo pid wid sw sh i
	geo=$WORK/geo-$size-$stage.tsv
	rm -f "$geo"
	local shots=""
	if [ -n "${SCREENS_SHOTS:-}" ]; then
		shots=$SCREENS_SHOTS/$size-$stage
		mkdir -p "$shots"
	fi
	HOME=$WORK/home-$size FYNE_SCALE=1 JIXIAO_DB=$DB JIXIAO_DRAFT=$id JIXIAO_GEOMETRY=$geo \
		JIXIAO_SHOTS_ACK=$([ -n "$shots" ] && echo 1) "$BIN" >"$WORK/app-$size-$stage.log" 2>&1 &
	pid=$!
	jixiao_x_track "$pid"
	wid=$(jixiao_x_wait_window "$pid" 60) || {
		echo "FAIL $size $stage: no window ($(head -c 300 "$WORK/app-$size-$stage.log"))"
		return 1
	}
	# Follow the tour: after each screen is written, note the window's
	# place (the WM has placed and maximised it by then), take the
	# screenshot when asked and let the program go on.
	local shown=0 count name X="" Y WIDTH HEIGHT
	for ((i = 0; i < 1800; i++)); do
		count=$(grep -c '^#canvas' "$geo" 2>/dev/null || true)
		count=${count:-0}
		while [ "$shown" -lt "$count" ]; do
			shown=$((shown + 1))
			if [ -z "$X" ]; then
				# xwininfo's absolute corner (xdotool getwindowgeometry
				# counts a reparenting WM's frame twice).
				read -r X Y WIDTH HEIGHT < <(xwininfo -id "$wid" | awk -F: '
					/Absolute upper-left X/ { x = $2 } /Absolute upper-left Y/ { y = $2 }
					/^ *Width/ { w = $2 } /^ *Height/ { h = $2 }
					END { print x + 0, y + 0, w + 0, h + 0 }')
			fi
			if [ -n "$shots" ]; then
				name=$(grep '^#canvas' "$geo" | sed -n "${shown}p" | cut -f5)
				import -window root "$shots/$(printf %02d "$shown")-$name.png" 2>/dev/null || true
				: >"$geo.ack-$shown"
			fi
		done
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	read -r sw sh < <(xdotool getdisplaygeometry)
	[ "${SCREENS_BREAK:-0}" = 1 ] && sw=$((sw - 100))
	if kill -0 "$pid" 2>/dev/null; then
		echo "FAIL $size $stage: the tour did not end in 3 minutes"
		return 1
	fi
	if [ -z "$X" ]; then
		echo "FAIL $size $stage: no screen reported ($(tail -c 300 "$WORK/app-$size-$stage.log"))"
		return 1
	fi
	wait "$pid" 2>/dev/null
	if ! grep -q '^#done' "$geo" 2>/dev/null; then
		echo "FAIL $size $stage: the tour did not finish ($(tail -c 300 "$WORK/app-$size-$stage.log"))"
		return 1
	fi
	awk -F'\t' -v X="$X" -v Y="$Y" -v W="$WIDTH" -v H="$HEIGHT" -v SW="$sw" -v SH="$sh" -v size="$size" -v stage="$stage" '
		BEGIN { bad = 0; n = 0; screens = 0 }
		$1 == "#canvas" { scale = $4; if (scale == "") scale = 1; screens++; next }
		/^#/ { next }
		{
			n++
			x = X + $4 * scale; y = Y + $5 * scale; r = x + $6 * scale; b = y + $7 * scale
			if (x < 0 || y < 0 || r > SW + 1 || b > SH + 1) {
				printf "FAIL %s %s: %s / %s “%s” at %d,%d–%d,%d is outside the %dx%d screen (window %dx%d at %d,%d)\n", size, stage, $1, $2, $3, x, y, r, b, SW, SH, W, H, X, Y
				bad++
			}
		}
		END {
			if (X < 0 || X + W > SW + 1 || Y < 0 || Y + H > SH + 1) {
				printf "FAIL %s %s: the window (%dx%d at %d,%d) does not fit the %dx%d screen\n", size, stage, W, H, X, Y, SW, SH
				bad++
			}
			if (screens < 6 || n < 30) { printf "FAIL %s %s: only %d screens, %d controls reported\n", size, stage, screens, n; bad++ }
			if (bad == 0) printf "ok   %s %s: %d controls on %d screens inside the screen (window %dx%d)\n", size, stage, n, screens, W, H
			exit bad > 0
		}' "$geo"
}

failed=0
for size in ${SCREENS_SIZES:-800x600 1024x768 1366x768}; do
	(
		. scripts/xsession.sh
		jixiao_x_start "$size" || exit 1
		rc=0
		check_one "$size" 申报 "$D_DECLARE" || rc=1
		check_one "$size" 运行监控 "$D_MONITOR" || rc=1
		check_one "$size" 年度自评 "$D_EVAL" || rc=1
		exit $rc
	) || failed=1
done
exit $failed
