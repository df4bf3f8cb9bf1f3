# scripts/xsession.sh — a throw-away X session (Xvfb + openbox) for the
# scripts that drive the real window. Source it; do not run it.
#
#   . scripts/xsession.sh
#   jixiao_x_start [WIDTHxHEIGHT]    default 1366x768
#   jixiao_x_defer 'rm -rf "$work"'  more cleanup, run at exit (last first)
#   jixiao_x_track PID               a process to kill at exit (the app, …)
#   ... run the program with DISPLAY set, xdotool, import -window root ...
#   jixiao_x_wait_window PID [SECS]  prints the id of PID's first visible
#                                    window once it is mapped (default 60 s)
#   jixiao_x_stop                    optional: the EXIT trap calls it
#
# jixiao_x_start installs what a window script needs when it is missing
# (scripts/setup.sh: jixiao_setup window — Xvfb, openbox, xdotool, xclip,
# ImageMagick, fcitx5 with pinyin, dbus-x11), then starts Xvfb on a display
# number Xvfb picks itself (-displayfd: free, so several scripts can run at
# once, never a fixed one), waits until it accepts connections (Xvfb writes
# the number then), starts openbox on it and waits until openbox has taken
# the screen (its --startup command runs then). No fixed sleeps. It
# exports DISPLAY and sets JIXIAO_X_DIR (a scratch folder removed at exit)
# and JIXIAO_X_SIZE. A window manager matters: it enforces a window's
# minimum size and maximises, as on a clerk's desktop (DEVELOPERS.md).
#
# Cleanup: it sets `trap jixiao_x_stop EXIT` (and INT/TERM), which kills
# every tracked process (SIGTERM, then SIGKILL after 5 s), openbox and Xvfb,
# and runs the deferred commands. A script that needs its own EXIT trap
# should use jixiao_x_defer instead. One session per shell. Works with and
# without `set -e` (call jixiao_x_start as `jixiao_x_start || exit 1`).
#
# Returns non-zero (with a message on stderr) when something cannot be
# installed or started; a caller in scripts/test.sh fails then, never skips.

# shellcheck source=scripts/setup.sh
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

JIXIAO_X_PIDS=()
JIXIAO_X_DEFERRED=()
JIXIAO_X_DIR=""

jixiao_x_track() { JIXIAO_X_PIDS+=("$@"); }
jixiao_x_defer() { JIXIAO_X_DEFERRED+=("$1"); }

# jixiao_x_stop kills what jixiao_x_start and jixiao_x_track registered,
# newest first, and runs the deferred commands. Safe to call twice.
jixiao_x_stop() {
	local i p alive
	for ((i = ${#JIXIAO_X_PIDS[@]} - 1; i >= 0; i--)); do
		kill "${JIXIAO_X_PIDS[i]}" 2>/dev/null || true
	done
	for _ in $(seq 50); do
		alive=0
		for p in "${JIXIAO_X_PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
		[ "$alive" = 0 ] && break
		sleep 0.1
	done
	for p in "${JIXIAO_X_PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
	for p in "${JIXIAO_X_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
	JIXIAO_X_PIDS=()
	for ((i = ${#JIXIAO_X_DEFERRED[@]} - 1; i >= 0; i--)); do
		eval "${JIXIAO_X_DEFERRED[i]}" || true
	done
	JIXIAO_X_DEFERRED=()
	[ -n "$JIXIAO_X_DIR" ] && rm -rf "$JIXIAO_X_DIR"
	JIXIAO_X_DIR=""
}

# jixiao_x_start [WIDTHxHEIGHT] starts Xvfb and openbox and exports DISPLAY.
jixiao_x_start() {
	local size="${1:-1366x768}" n="" xvfb ob
	jixiao_setup window || return 1
	JIXIAO_X_DIR="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-x.XXXXXX")" || return 1
	JIXIAO_X_SIZE="$size"
	trap jixiao_x_stop EXIT
	trap 'jixiao_x_stop; exit 130' INT TERM
	mkfifo "$JIXIAO_X_DIR/display" "$JIXIAO_X_DIR/wm" || return 1
	# Xvfb writes its display number to fd 3 once it accepts connections.
	Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -noreset \
		3>"$JIXIAO_X_DIR/display" >"$JIXIAO_X_DIR/xvfb.log" 2>&1 &
	xvfb=$!
	jixiao_x_track "$xvfb"
	read -r -t 30 n <"$JIXIAO_X_DIR/display" || true
	if [ -z "$n" ]; then
		jixiao_log "Xvfb did not start: $(head -c 400 "$JIXIAO_X_DIR/xvfb.log")"
		return 1
	fi
	export DISPLAY=":$n"
	# openbox runs its --startup command once it manages the screen. The
	# fifo is opened read-write so that the read below cannot block for
	# ever when openbox dies first.
	openbox --sm-disable --startup "sh -c 'echo ready >$JIXIAO_X_DIR/wm'" \
		>"$JIXIAO_X_DIR/openbox.log" 2>&1 &
	ob=$!
	jixiao_x_track "$ob"
	local ready=""
	exec 4<>"$JIXIAO_X_DIR/wm"
	read -r -t 30 ready <&4 || true
	exec 4<&-
	if [ "$ready" != ready ]; then
		jixiao_log "openbox did not start on $DISPLAY: $(head -c 400 "$JIXIAO_X_DIR/openbox.log")"
		return 1
	fi
	jixiao_log "X session $DISPLAY (${size}, openbox)"
}

# jixiao_x_wait_window PID [SECS] prints PID's first visible window id once
# it is mapped, or fails after SECS (default 60) seconds.
jixiao_x_wait_window() {
	local pid="$1" secs="${2:-60}" wid="" i
	for ((i = 0; i < secs * 10; i++)); do
		wid="$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -1)" || true
		[ -n "$wid" ] && {
			echo "$wid"
			return 0
		}
		kill -0 "$pid" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}
