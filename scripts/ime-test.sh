#!/usr/bin/env bash
# scripts/ime-test.sh — type Chinese into the real jixiao window through
# fcitx5 (pinyin), as a clerk on UOS/Kylin would, and read the field back.
#
#   scripts/ime-test.sh [BINARY]      (default: builds dist/ime/jixiao with
#                                      -tags no_animations)
#   IME_DISPLAY=:13 scripts/ime-test.sh   use that display number for Xvfb
#
# It starts, each in a scratch HOME: Xvfb with openbox, a D-Bus session,
# fcitx5 with a profile whose input methods are keyboard-us and pinyin
# (pinyin active from the start), and jixiao on a fresh drafts file with
# XMODIFIERS=@im=fcitx (the XIM protocol, as GLFW speaks it). It clicks
# into the 部门名称 field of 基本信息, clears it, and for each case types
# with xdotool (plain ASCII key presses: the input method does the rest),
# then copies the field (Ctrl+A, Ctrl+C) and reads the clipboard with xclip.
#
# Cases (each run with LANG=C.UTF-8 and again with LANG=C and no LC_*):
#   nihao space              → 你好    (a composition committed)
#   nihao space wo BackSpace o space → 你好我 (BackSpace inside the
#                              composition edits the pinyin, not the field)
#   ni Left BackSpace ... Escape → 你好 (Left and BackSpace inside the
#                              composition, then Escape, leave the field alone)
#
# Prints one line per case, "ok" or "FAIL", and exits 1 if any failed.
# Needs: xvfb openbox xdotool xclip fcitx5 fcitx5-chinese-addons dbus-x11
# (installed with apt-get when missing, as root or through sudo).
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
. scripts/setup.sh
jixiao_go || exit 1
jixiao_apt xvfb openbox xdotool xclip fcitx5 fcitx5-chinese-addons dbus-x11 || exit 1

BIN=${1:-}
if [ -z "$BIN" ]; then
	mkdir -p dist/ime
	jixiao_log "building dist/ime/jixiao (-tags no_animations)"
	CGO_ENABLED=1 go build -tags no_animations -o dist/ime/jixiao ./cmd/jixiao || exit 1
	BIN=dist/ime/jixiao
fi
BIN=$(readlink -f "$BIN")

WORK=$(mktemp -d /tmp/jixiao-ime.XXXXXX)
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	[ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_RUNTIME_DIR=$WORK/run
mkdir -p "$XDG_CONFIG_HOME/fcitx5/conf" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# fcitx5: one group with keyboard-us and pinyin; pinyin active at once.
cat >"$XDG_CONFIG_HOME/fcitx5/profile" <<'PROFILE'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
PROFILE
cat >"$XDG_CONFIG_HOME/fcitx5/config" <<'CONFIG'
[Behavior]
ActiveByDefault=True
ShareInputState=All
CONFIG
# No prediction after a commit, so that the next letter starts afresh.
printf 'Prediction=False\nCloudPinyinEnabled=False\n' >"$XDG_CONFIG_HOME/fcitx5/conf/pinyin.conf"

D=${IME_DISPLAY:-:$((80 + RANDOM % 9))}
export DISPLAY=$D
Xvfb "$D" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
PIDS+=($!)
sleep 1
openbox >/dev/null 2>&1 &
PIDS+=($!)
eval "$(dbus-launch --sh-syntax)"
export DBUS_SESSION_BUS_ADDRESS
fcitx5 --disable=wayland,waylandim,notificationitem,kimpanel >"$WORK/fcitx5.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do
	fcitx5-remote >/dev/null 2>&1 && break
	sleep 0.2
done

FAILED=0
# run_case LANGSETTING NAME WANT KEYS...: start jixiao, type KEYS into the
# 部门名称 field, compare the field with WANT.
run_case() {
	local lang=$1 name=$2 want=$3
	shift 3
	rm -f "$WORK/drafts.db"
	rm -rf "$XDG_CONFIG_HOME/fyne"
	if [ "$lang" = C ]; then
		env -u LC_ALL -u LC_CTYPE LANG=C XMODIFIERS=@im=fcitx "$BIN" --db "$WORK/drafts.db" >"$WORK/app.log" 2>&1 &
	else
		env -u LC_ALL -u LC_CTYPE LANG="$lang" XMODIFIERS=@im=fcitx "$BIN" --db "$WORK/drafts.db" >"$WORK/app.log" 2>&1 &
	fi
	local pid=$! wid=""
	for _ in $(seq 300); do
		wid=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -1)
		[ -n "$wid" ] && break
		sleep 0.1
	done
	if [ -z "$wid" ]; then
		echo "FAIL  LANG=$lang  $name: no window ($(head -c 200 "$WORK/app.log"))"
		FAILED=1
		kill "$pid" 2>/dev/null
		return
	fi
	sleep 3 # first frame, fonts
	# 部门名称 on 基本信息 (the editor opens there on a new drafts file).
	xdotool windowactivate --sync "$wid" 2>/dev/null
	xdotool mousemove --window "$wid" 420 198 click 1
	sleep 1.5 # the input context connects to fcitx5 on focus
	xdotool key --clearmodifiers ctrl+a
	sleep 0.2
	xdotool key --clearmodifiers BackSpace
	sleep 0.3
	local k
	for k in "$@"; do
		if [ "$k" = "pause" ]; then
			sleep 0.6
			continue
		fi
		xdotool key "$k"
		sleep 0.25
	done
	sleep 0.6
	printf '' | xclip -selection clipboard
	xdotool key --clearmodifiers ctrl+a
	sleep 0.2
	xdotool key --clearmodifiers ctrl+c
	sleep 0.5
	local got
	got=$(xclip -o -selection clipboard 2>/dev/null)
	if [ "$got" = "$want" ]; then
		echo "ok    LANG=$lang  $name: field is \"$got\""
	else
		echo "FAIL  LANG=$lang  $name: field is \"$got\", want \"$want\""
		FAILED=1
	fi
	[ -n "${IME_SHOT:-}" ] && import -window root "${IME_SHOT}-${lang}-${name// /_}.png"
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

echo "jixiao: $BIN"
echo "fcitx5: $(fcitx5 --version 2>/dev/null), XMODIFIERS=@im=fcitx, display $D"
for lang in C.UTF-8 C; do
	run_case "$lang" "nihao+space" "你好" n i h a o space
	run_case "$lang" "BackSpace inside a composition" "你好我" n i h a o space pause w o BackSpace o space
	run_case "$lang" "Left and BackSpace inside a composition, then Escape" "你好" n i h a o space pause n i Left BackSpace Escape
done
exit $FAILED
