# scripts/bench/gui.sh — the window's idle CPU, memory and typing latency,
# beside a minimal Fyne window; sourced by scripts/bench.sh (section 3b),
# which provides BIN, WORK, GUIDISPLAY, QUICK, log, proc and na.
#
# Figures (keys for scripts/bench/report):
#   idle_jixiao, idle_minimal   CPU of the idle window with a focused field,
#                               % of one core over IDLE_SECONDS (process CPU
#                               time from /proc/PID/stat, so other load on
#                               the machine does not inflate it)
#   idle_jixiao_anim            the same jixiao built without no_animations
#                               (full runs only), to show what the tag does
#   rss_open_jixiao             RSS with the sample open
#   rss_tour_jixiao             RSS after visiting every tab and scrolling
#                               each to its end with the mouse wheel
#   rss_minimal                 RSS of the minimal window, focused, idle
#   big_open, big_rss, big_keylat   the 5,000-task form: exec to mapped
#                               window, RSS, keystroke-to-frame latency
# Every window gets a fresh scratch HOME so nothing is remembered between runs.

IDLE_SECONDS=${IDLE_SECONDS:-20}
TAGS=no_animations

# gui_wait PID: the id of PID's visible window, waiting up to 30 s.
gui_wait() {
	local pid=$1 w k
	for ((k = 0; k < 600; k++)); do
		w=$(DISPLAY=$GUIDISPLAY xdotool search --onlyvisible --pid "$pid" --name . 2>/dev/null | head -1)
		[ -n "$w" ] && {
			echo "$w"
			return 0
		}
		kill -0 "$pid" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null; }
# idle_pct PID: % of one core used over IDLE_SECONDS.
idle_pct() {
	local t0 t1 hz
	hz=$(getconf CLK_TCK)
	t0=$(cpu_ticks "$1")
	sleep "$IDLE_SECONDS"
	t1=$(cpu_ticks "$1")
	awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$IDLE_SECONDS" 'BEGIN {printf "%.2f", (b - a) / hz / s * 100}'
}
# gui_settle PID: wait (up to 60 s) until PID uses at most 3 % of a core
# over one second. On a loaded machine a fixed sleep may end while the
# window is still laying out a tab or working through queued wheel steps.
gui_settle() {
	local a b k max
	max=$(($(getconf CLK_TCK) * 3 / 100))
	for ((k = 0; k < 60; k++)); do
		a=$(cpu_ticks "$1")
		sleep 1
		b=$(cpu_ticks "$1")
		[ -n "$a" ] && [ -n "$b" ] && [ $((b - a)) -le "$max" ] && return 0
	done
	log "process $1 still busy after 60 s"
}
# gui_start NAME BIN [ENV...] -- ARGS: start BIN in a fresh HOME; sets GPID, GWIN.
gui_start() {
	local name=$1 bin=$2
	shift 2
	local envs=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	shift
	rm -rf "$WORK/ghome"
	mkdir -p "$WORK/ghome"
	env HOME="$WORK/ghome" XDG_CONFIG_HOME="$WORK/ghome/.config" DISPLAY="$GUIDISPLAY" "${envs[@]}" \
		"$bin" "$@" >"$WORK/$name.log" 2>&1 &
	GPID=$!
	GWIN=$(gui_wait $GPID) || {
		log "$name: no window: $(head -c 300 "$WORK/$name.log")"
		kill $GPID 2>/dev/null
		return 1
	}
}
gui_stop() {
	kill "$GPID" 2>/dev/null
	wait "$GPID" 2>/dev/null
}
click() { DISPLAY=$GUIDISPLAY xdotool mousemove --window "$GWIN" "$1" "$2" click 1; }

gui_bench() {
	local MIN=$ROOT/dist/bench/minimal ANIM=$ROOT/dist/bench/jixiao-animations
	log "building $MIN (-tags $TAGS)"
	if ! CGO_ENABLED=1 go build -tags "$TAGS" -o "$MIN" ./cmd/jixiao/minimal 2>"$WORK/build-min.txt"; then
		log "minimal window did not build: $(head -3 "$WORK/build-min.txt")"
		MIN=""
	fi
	local KEYLAT=$ROOT/dist/bench/keylat
	CGO_ENABLED=1 go build -o "$KEYLAT" ./scripts/bench/keylat 2>"$WORK/build-keylat.txt" || KEYLAT=""
	if [ $QUICK = 0 ]; then
		log "building $ANIM (without no_animations, for comparison)"
		CGO_ENABLED=1 go build -tags screenshots -o "$ANIM" ./cmd/jixiao 2>/dev/null || ANIM=""
	else
		ANIM=""
	fi

	# Minimal window: its Entry has the focus from the start.
	if [ -n "$MIN" ] && gui_start minimal "$MIN" --; then
		sleep 3
		click 200 20
		sleep 2
		proc idle_minimal "$(idle_pct $GPID)" pct 1 "DISPLAY=$GUIDISPLAY dist/bench/minimal (focused Entry, ${IDLE_SECONDS} s idle)"
		proc rss_minimal "$(rss_kb $GPID)" KB 1 "DISPLAY=$GUIDISPLAY dist/bench/minimal (VmRSS, focused and idle)"
		gui_stop
	else
		na idle_minimal "the minimal window did not start"
		na rss_minimal "the minimal window did not start"
	fi

	# jixiao on a fresh drafts file, opened on the built-in sample on
	# 基本信息: a fresh file shows the first-start page (新建 / 导入 / 打开示例),
	# so JIXIAO_TAB=0 (both binaries are built with -tags screenshots) makes
	# the window open a new draft from the sample, as 打开示例 does, and show
	# 基本信息; 部门名称 is clicked to focus it.
	# Tabs are clicked by their position in the window (基本信息 … 审核, 监控与自评).
	local db=$WORK/gui-idle.db
	rm -f "$db"
	if gui_start jixiao "$BIN" JIXIAO_TAB=0 -- --db "$db"; then
		sleep 4
		proc rss_open_jixiao "$(rss_kb $GPID)" KB 1 "DISPLAY=$GUIDISPLAY dist/bench/jixiao --db \$TMP/new.db (VmRSS, sample open, 4 s after mapping)"
		click 420 198
		sleep 2
		proc idle_jixiao "$(idle_pct $GPID)" pct 1 "DISPLAY=$GUIDISPLAY dist/bench/jixiao --db \$TMP/new.db (部门名称 focused, ${IDLE_SECONDS} s idle)"
		local x
		for x in 35 113 204 282 347 417; do
			click $x 79
			sleep 1.5
			gui_settle $GPID
			DISPLAY=$GUIDISPLAY xdotool mousemove --window "$GWIN" 640 400
			DISPLAY=$GUIDISPLAY xdotool click --repeat 400 --delay 4 5
			sleep 1
			gui_settle $GPID
		done
		sleep 3
		gui_settle $GPID
		[ -n "${BENCH_SHOT:-}" ] && DISPLAY=$GUIDISPLAY import -window root "$BENCH_SHOT"
		proc rss_tour_jixiao "$(rss_kb $GPID)" KB 1 "DISPLAY=$GUIDISPLAY dist/bench/jixiao (VmRSS after clicking each of the 6 tabs and 400 wheel steps down in each)"
		gui_stop
	else
		for k in rss_open_jixiao idle_jixiao rss_tour_jixiao; do na $k "jixiao's window did not start"; done
	fi

	if [ -n "$ANIM" ]; then
		rm -f "$db"
		if gui_start jixiao-anim "$ANIM" JIXIAO_TAB=0 -- --db "$db"; then
			sleep 4
			click 420 198
			sleep 2
			proc idle_jixiao_anim "$(idle_pct $GPID)" pct 1 "DISPLAY=$GUIDISPLAY dist/bench/jixiao-animations (built without -tags no_animations; 部门名称 focused, ${IDLE_SECONDS} s idle)"
			gui_stop
		fi
	fi

	# The 5,000-task form, opened on 年度主要任务 (JIXIAO_TAB=2).
	local big=$WORK/gui-big.db
	rm -f "$big"
	if [ -s "$BIG_JSON" ] && "$BIN" import "$BIG_JSON" --db "$big" >/dev/null 2>&1; then
		local t0 t1
		t0=$(date +%s%N)
		if gui_start big "$BIN" JIXIAO_TAB=2 -- --db "$big"; then
			t1=$(date +%s%N)
			# CPU time used until then, which depends less on other load.
			local cpu
			cpu=$(awk -v t="$(cpu_ticks $GPID)" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", t / hz * 1000}')
			proc big_open "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e6}')" ms 1 "JIXIAO_TAB=2 DISPLAY=$GUIDISPLAY dist/bench/jixiao --db \$TMP/big.db (exec to mapped window; the draft is loaded and the tab built before the window maps)" "$cpu"
			sleep 5
			proc big_rss "$(rss_kb $GPID)" KB 1 "JIXIAO_TAB=2 DISPLAY=$GUIDISPLAY dist/bench/jixiao --db \$TMP/big.db (VmRSS, 5 s after mapping)"
			# The 合计 field of the first task row; keylat watches it.
			click 866 207
			sleep 0.5
			DISPLAY=$GUIDISPLAY xdotool key End
			sleep 0.5
			if [ -n "$KEYLAT" ] && DISPLAY=$GUIDISPLAY "$KEYLAT" -window "$GWIN" -x 816 -y 193 -w 100 -h 26 -n "$([ $QUICK = 1 ] && echo 10 || echo 30)" >"$WORK/keylat.txt" 2>&1; then
				proc big_keylat "$(sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p' "$WORK/keylat.txt")" ms "$(sed -n 's/.* n=\([0-9]*\).*/\1/p' "$WORK/keylat.txt")" "dist/bench/keylat (XSendEvent key, poll the field's pixels; $(cat "$WORK/keylat.txt"))"
			else
				na big_keylat "keylat failed: $(head -c 200 "$WORK/keylat.txt" 2>/dev/null)"
			fi
			gui_stop
		else
			for k in big_open big_rss big_keylat; do na $k "the window did not open the 5,000-task form"; done
		fi
	else
		for k in big_open big_rss big_keylat; do na $k "could not import the 5,000-task form"; done
	fi
}
