#!/usr/bin/env bash
# scripts/ime-test.sh — type Chinese into the real jixiao window through
# fcitx5 (pinyin), as a clerk on UOS/Kylin would, and read the field back.
# scripts/test.sh runs it (step "window").
#
#   scripts/ime-test.sh [BINARY]   default: builds dist/ime/jixiao with
#                                  -tags no_animations,screenshots
#   IME_SHOT=/tmp/ime scripts/ime-test.sh   also a screenshot per case
#
# A BINARY must be built with -tags screenshots (JIXIAO_SCREEN=editor opens
# the editor at once instead of the 草稿 screen; nothing else differs from
# the shipped program) and should have no_animations (no cursor redraws).
#
# It starts an X session (scripts/xsession.sh: Xvfb on a free display,
# openbox), a private D-Bus session, fcitx5 with a profile whose input
# methods are keyboard-us and pinyin (pinyin active from the start) in a
# scratch HOME, and jixiao with XMODIFIERS=@im=fcitx (the XIM protocol, as
# GLFW speaks it) on a drafts file holding one draft whose 部门名称 is
# known. It finds the 部门名称 field by its content, not by a position on
# the screen: Ctrl+1 puts the focus on 基本信息's first field, then Tab
# moves on until Ctrl+A, Ctrl+C copies that known name — so a new field or
# a moved layout cannot make the keys land elsewhere, and if the field is
# not found the run fails saying so. For each case it clears the field,
# types with xdotool (plain ASCII key presses: the input method does the
# composing), copies the field (Ctrl+A, Ctrl+C) and reads the clipboard.
#
# Cases (each run with LANG=C.UTF-8 and again with LANG=C and no LC_*):
#   nihao space              → 你好    (a composition committed)
#   nihao space wo BackSpace o space → 你好我 (BackSpace inside the
#                              composition edits the pinyin, not the field)
#   ni Left BackSpace ... Escape → 你好 (Left and BackSpace inside the
#                              composition, then Escape, leave the field alone)
# Upstream GLFW gives 你我 and 好 for the last two (third_party/glfw); with
# no input method at all the field gets the Latin letters; both fail.
#
# Prints one line per case, "ok" or "FAIL", and exits 1 if any failed (or
# if the X session, fcitx5 or the window could not be started).
# Needs: xvfb openbox xdotool xclip fcitx5 fcitx5-chinese-addons dbus-x11
# (installed with apt-get when missing, as root or through sudo).
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/xsession.sh
. scripts/xsession.sh
jixiao_setup window || exit 1

BIN=${1:-}
if [ -z "$BIN" ]; then
	mkdir -p dist/ime
	jixiao_log "building dist/ime/jixiao (-tags no_animations,screenshots)"
	CGO_ENABLED=1 go build -tags no_animations,screenshots -o dist/ime/jixiao ./cmd/jixiao || exit 1
	BIN=dist/ime/jixiao
fi
BIN=$(readlink -f "$BIN")

jixiao_x_start 1366x768 || exit 1
WORK=$JIXIAO_X_DIR
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

eval "$(dbus-launch --sh-syntax)" || exit 1
export DBUS_SESSION_BUS_ADDRESS
jixiao_x_track "$DBUS_SESSION_BUS_PID"
fcitx5 --disable=wayland,waylandim,notificationitem,kimpanel >"$WORK/fcitx5.log" 2>&1 &
jixiao_x_track $!
up=""
for _ in $(seq 100); do
	fcitx5-remote >/dev/null 2>&1 && up=1 && break
	sleep 0.1
done
if [ -z "$up" ]; then
	echo "FAIL  fcitx5 did not start: $(head -c 400 "$WORK/fcitx5.log")"
	exit 1
fi
# fcitx5-remote answers over D-Bus before fcitx5's XIM server is there;
# the window (GLFW opens its input method with XOpenIM at start) is started
# only once the server is listed in the root window's XIM_SERVERS. (One CI
# run had the first start show no window for 60 s with an empty log.)
up=""
for _ in $(seq 100); do
	xprop -root XIM_SERVERS 2>/dev/null | grep -q '@server=fcitx' && up=1 && break
	sleep 0.1
done
if [ -z "$up" ]; then
	echo "FAIL  fcitx5's XIM server is not in XIM_SERVERS after 10 s: $(xprop -root XIM_SERVERS 2>&1 | head -c 200)"
	exit 1
fi

# Each start gets a new drafts file: one draft with a 部门名称 that the
# field search looks for.
DEPT=输入法测试局

# copy_field prints the focused field's text (Ctrl+A, Ctrl+C, xclip).
copy_field() {
	printf '' | xclip -selection clipboard
	xdotool key --clearmodifiers ctrl+a
	xdotool key --clearmodifiers ctrl+c
	local got="" i
	for i in 1 2 3 4 5; do
		sleep 0.1
		got=$(xclip -o -selection clipboard 2>/dev/null)
		[ -n "$got" ] && break
	done
	printf '%s' "$got"
}

# focus_dept puts the focus into 部门名称: Ctrl+1 (基本信息, first field),
# then Tab until the field holds $DEPT. Fails after 8 fields, or when the
# window does not answer within 30 s (the first frame, the fonts).
focus_dept() {
	local wid=$1 i
	for ((i = 0; i < 60; i++)); do
		xdotool windowactivate --sync "$wid" 2>/dev/null
		xdotool key --clearmodifiers ctrl+1
		[ -n "$(copy_field)" ] && break
		sleep 0.4
	done
	for ((i = 0; i < 8; i++)); do
		[ "$(copy_field)" = "$DEPT" ] && return 0
		xdotool key --clearmodifiers Tab
	done
	return 1
}

FAILED=0
# run_lang LANGSETTING: start jixiao with that locale, find 部门名称, then
# each case: clear the field, type the keys, compare the field.
run_lang() {
	local lang=$1 pid wid
	rm -f "$WORK/drafts.db"
	"$BIN" new --year 2021 --dept "$DEPT" --db "$WORK/drafts.db" >/dev/null || {
		echo "FAIL  LANG=$lang: jixiao new failed"
		FAILED=1
		return
	}
	if [ "$lang" = C ]; then
		env -u LC_ALL -u LC_CTYPE LANG=C XMODIFIERS=@im=fcitx JIXIAO_SCREEN=editor "$BIN" --db "$WORK/drafts.db" >"$WORK/app.log" 2>&1 &
	else
		env -u LC_ALL -u LC_CTYPE LANG="$lang" XMODIFIERS=@im=fcitx JIXIAO_SCREEN=editor "$BIN" --db "$WORK/drafts.db" >"$WORK/app.log" 2>&1 &
	fi
	pid=$!
	jixiao_x_track "$pid"
	if ! wid=$(jixiao_x_wait_window "$pid" 60); then
		echo "FAIL  LANG=$lang: no window ($(head -c 300 "$WORK/app.log"))"
		# Where it waits: Go prints every goroutine's stack on SIGQUIT.
		if kill -QUIT "$pid" 2>/dev/null; then
			sleep 1
			echo "(no window after 60 s: the program's goroutines, from SIGQUIT)"
			grep -A 12 '^goroutine 1 ' "$WORK/app.log" | head -40
		else
			echo "(the program had exited)"
		fi
		FAILED=1
		kill "$pid" 2>/dev/null
		return
	fi
	if ! focus_dept "$wid"; then
		echo "FAIL  LANG=$lang: the 部门名称 field (holding \"$DEPT\") was not found with Ctrl+1 and Tab"
		FAILED=1
		[ -n "${IME_SHOT:-}" ] && import -window root "${IME_SHOT}-${lang}-nofield.png"
		kill "$pid" 2>/dev/null
		return
	fi
	run_case "$lang" "nihao+space" "你好" n i h a o space
	run_case "$lang" "BackSpace inside a composition" "你好我" n i h a o space pause w o BackSpace o space
	run_case "$lang" "Left and BackSpace inside a composition, then Escape" "你好" n i h a o space pause n i Left BackSpace Escape
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

# run_case LANG NAME WANT KEYS...: clear the focused field, type KEYS
# ("pause" waits a little: the input method ends its commit), compare.
run_case() {
	local lang=$1 name=$2 want=$3 k got
	shift 3
	xdotool key --clearmodifiers ctrl+a
	xdotool key --clearmodifiers BackSpace
	sleep 0.2
	for k in "$@"; do
		if [ "$k" = "pause" ]; then
			sleep 0.6
			continue
		fi
		xdotool key "$k"
		sleep 0.25
	done
	sleep 0.6 # the last key's trip through the input method
	got=$(copy_field)
	if [ "$got" = "$want" ]; then
		echo "ok    LANG=$lang  $name: field is \"$got\""
	else
		echo "FAIL  LANG=$lang  $name: field is \"$got\", want \"$want\""
		FAILED=1
	fi
	[ -n "${IME_SHOT:-}" ] && import -window root "${IME_SHOT}-${lang}-${name// /_}.png"
}

echo "jixiao: $BIN"
echo "fcitx5: $(fcitx5 --version 2>/dev/null), XMODIFIERS=@im=fcitx, display $DISPLAY"
for lang in C.UTF-8 C; do
	run_lang "$lang"
done
exit $FAILED
