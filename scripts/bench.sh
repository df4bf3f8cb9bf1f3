#!/usr/bin/env bash
# scripts/bench.sh — measure jixiao and write docs/BENCHMARKS.md.
#
#   scripts/bench.sh            full run: go benchmarks -count=5, 10 timed
#                               runs per whole-process figure (~10 minutes)
#   scripts/bench.sh --quick    -count=1 and 3 runs each (~3 minutes)
#   scripts/bench.sh --out F    write the report to F instead of docs/BENCHMARKS.md
#   scripts/bench.sh --skip-go  only the whole-process part (for trying the script)
#   scripts/bench.sh --window   only the window (GUI start, memory, idle CPU,
#                               typing; a few minutes) into
#                               docs/BENCHMARKS-window.md
#
# What it does, in order (every command is also written into the report):
#  1. `go test -run='^$' -bench=. -benchmem -count=N` on every package that
#     has benchmarks; the median of the N runs of each figure is reported.
#  2. builds dist/bench/jixiao (cgo, for the GUI) and times whole processes
#     with hyperfine: our PDF and xlsx import against LibreOffice converting
#     the same xlsx (to PDF and to csv), and exports of a 5,000-task form
#     (written as JSON by scripts/bench/bigform), and 批量审核 of 200
#     returned files (written by scripts/bench/batchfiles).
#  3. GUI cold start to a mapped window under Xvfb (xdotool polling), and
#     peak memory with /usr/bin/time -v; then (scripts/bench/gui.sh) idle
#     CPU with a focused field, RSS after visiting every tab, and the
#     5,000-task form in the window (open time, RSS, keystroke-to-frame
#     latency), beside a minimal Fyne window (cmd/jixiao/minimal).
#  4. scripts/bench/report turns it all into docs/BENCHMARKS.md, with every
#     goal of the issues marked met / MISSED / not measured; the hand-written
#     parts come from scripts/bench/intro.md and scripts/bench/notes/NAME.md
#     (a dated measurement shown after its section's table), so a new run
#     keeps them.
#
# BENCH_DISPLAY=:N runs the window figures on that X display (an Xvfb with
# openbox you started) instead of a fresh Xvfb without a window manager.
#
# Needs: Go, the Fyne build packages (scripts/setup.sh build), and for the
# whole-process part hyperfine, libreoffice-calc-nogui, xvfb, xdotool and
# time; missing ones are installed with apt-get when running as root or
# with sudo, else that figure is reported as not measured. Not part of the
# test run (too slow); rerun it by hand on the machine you want figures for.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=0
SKIPGO=0
WINDOW=0
OUT=docs/BENCHMARKS.md
while [ $# -gt 0 ]; do
	case "$1" in
	--quick) QUICK=1 ;;
	--skip-go) SKIPGO=1 ;;
	--window)
		WINDOW=1
		SKIPGO=1
		[ "$OUT" = docs/BENCHMARKS.md ] && OUT=docs/BENCHMARKS-window.md
		;;
	--out)
		OUT=$2
		shift
		;;
	-h | --help)
		sed -n '2,37p' "$0"
		exit 0
		;;
	*)
		echo "unknown argument: $1 (see --help)" >&2
		exit 2
		;;
	esac
	shift
done
if [ $QUICK = 1 ]; then
	COUNT=1 RUNS=3 MEMRUNS=1 GUIRUNS=3
else
	COUNT=5 RUNS=10 MEMRUNS=3 GUIRUNS=7
fi

log() { printf '[bench] %s\n' "$*" >&2; }

# shellcheck source=scripts/setup.sh
. scripts/setup.sh
# shellcheck source=scripts/bench/gui.sh
. scripts/bench/gui.sh
jixiao_go || exit 1
# Tools for the whole-process figures; failure here only means that some
# figures are reported as not measured.
BENCH_PKGS="hyperfine libreoffice-calc-nogui xvfb xdotool time"
# shellcheck disable=SC2086
if [ -n "$(jixiao_missing $BENCH_PKGS)" ]; then
	# shellcheck disable=SC2086
	jixiao_apt $JIXIAO_PKGS_BUILD $BENCH_PKGS || log "could not install everything; the missing figures will say so"
fi

WORK=$(mktemp -d /tmp/jixiao-bench.XXXXXX)
BIN=$ROOT/dist/bench/jixiao
RAW=$WORK/bench.txt
PROC=$WORK/proc.tsv
ENV=$WORK/env.txt
XVFB_PID=""
cleanup() {
	[ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
: >"$RAW"
: >"$PROC"

# The commands in the report use $TMP for the scratch folder.
show() { printf '%s' "${1//$WORK/\$TMP}" | sed "s#$ROOT/##g"; }
# proc KEY VALUE UNIT RUNS COMMAND [CPU_MS]
proc() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${6:-}" "$(show "$5")" >>"$PROC"; }
na() { proc "$1" NA "" "" "$2"; }

# ---- environment -----------------------------------------------------------
{
	echo "Date (UTC)=$(date -u '+%Y-%m-%d %H:%M')"
	echo "Machine=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
	echo "Cores=$(nproc) (lscpu: $(lscpu 2>/dev/null | sed -n 's/^CPU(s): *//p' | head -1) CPUs)"
	echo "Memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	echo "OS=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") / $(uname -r)"
	echo "Load average at start=$(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows the wall times)"
	echo "Go=$(go version)"
	echo "Commit=$(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "LibreOffice=$( (soffice --version 2>/dev/null || echo 'not installed') | head -1)"
	echo "hyperfine=$( (hyperfine --version 2>/dev/null || echo 'not installed') | head -1)"
	echo "X display for the window=$([ -n "${BENCH_DISPLAY:-}" ] && echo "$BENCH_DISPLAY (BENCH_DISPLAY: an X server already running, with its window manager)" || echo "a fresh Xvfb, 1600x1000, no window manager")"
	echo "OpenGL (for the GUI under Xvfb)=Mesa $(dpkg-query -W -f='${Version}\n' "libgl1-mesa-dri:$(dpkg --print-architecture)" 2>/dev/null | head -1 || echo '?') software rendering (llvmpipe/swrast: no GPU)"
	if [ $WINDOW = 1 ]; then
		echo "Mode=window only (--window): $GUIRUNS GUI starts; $MEMRUNS memory runs; idle CPU over ${IDLE_SECONDS:-20} s"
	else
		echo "Mode=$([ $QUICK = 1 ] && echo 'quick (--quick)' || echo full): go test -count=$COUNT; $RUNS timed runs per process figure; $GUIRUNS GUI starts; $MEMRUNS memory runs"
	fi
	echo "Command=scripts/bench.sh$([ $QUICK = 1 ] && echo ' --quick')$([ $WINDOW = 1 ] && echo ' --window')"
} >"$ENV"

# ---- 1. go benchmarks --------------------------------------------------------
# Our packages only: third_party/ holds upstream's code (patched copies)
# with upstream's own benchmarks, which are not ours to report.
PKGS=$(grep -rl --include='*_test.go' --exclude-dir=third_party --exclude-dir=dist '^func Benchmark' . 2>/dev/null | xargs -r -n1 dirname | sort -u | sed 's#^\./##')
FAILED=""
[ $SKIPGO = 1 ] && PKGS=""
for d in $PKGS; do
	cmd="go test -run='^\$' -bench=. -benchmem -count=$COUNT -timeout=30m ./$d/"
	log "$cmd"
	if ! go test -run='^$' -bench=. -benchmem -count="$COUNT" -timeout=30m "./$d/" >"$WORK/b.txt" 2>&1; then
		FAILED="$FAILED ./$d/"
		log "benchmarks of ./$d/ failed:"
		tail -20 "$WORK/b.txt" >&2
	fi
	cat "$WORK/b.txt" >>"$RAW"
done
[ $WINDOW = 1 ] || echo "Benchmarks=go test -run='^\$' -bench=. -benchmem -count=$COUNT -timeout=30m on:$(for d in $PKGS; do printf ' ./%s/' "$d"; done)" >>"$ENV"
[ -n "$FAILED" ] && echo "Failed benchmark packages=$FAILED (their figures that did print are included)" >>"$ENV"

# ---- 2. whole processes --------------------------------------------------------
mkdir -p "$(dirname "$BIN")"
log "building $BIN"
# no_animations as shipped (scripts/package.sh); screenshots lets the GUI
# figures open the 5,000-task form on its tab (JIXIAO_TAB) and changes
# nothing else.
if ! CGO_ENABLED=1 go build -tags no_animations,screenshots -o "$BIN" ./cmd/jixiao 2>"$WORK/build.txt"; then
	log "build failed: $(head -5 "$WORK/build.txt")"
	BIN=""
fi
echo "Binary=CGO_ENABLED=1 go build -tags no_animations,screenshots -o dist/bench/jixiao ./cmd/jixiao" >>"$ENV"
# The program gets a scratch HOME (its preferences and config); Go keeps
# its own caches.
GOPATH=$(go env GOPATH) GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE)
export GOPATH GOCACHE GOMODCACHE GOFLAGS=-mod=readonly
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config
mkdir -p "$XDG_CONFIG_HOME"
export JIXIAO_DB=$WORK/drafts.db
LOPROF="-env:UserInstallation=file://$WORK/lo-profile"

# median_ms FILE: median (ms) of the numbers (ms) in FILE, one a line.
median_ms() { sort -n "$1" | awk '{a[NR]=$1} END {if (NR==0) exit 1; if (NR%2) printf "%.2f", a[(NR+1)/2]; else printf "%.2f", (a[NR/2]+a[NR/2+1])/2}'; }

# timeit KEY COMMAND: median wall time of RUNS runs (after 2 warm-ups).
# Exit code 1 is accepted (check exits 1 when the form has errors); the
# command was verified before.
timeit() {
	local key=$1 cmd=$2
	log "timing $key: $(show "$cmd")"
	if command -v hyperfine >/dev/null; then
		if hyperfine -N -i --warmup 2 --runs "$RUNS" --export-json "$WORK/h.json" "$cmd" >/dev/null 2>"$WORK/h.err" ||
			hyperfine -i --warmup 2 --runs "$RUNS" --export-json "$WORK/h.json" "$cmd" >/dev/null 2>"$WORK/h.err"; then
			local med usr sys
			med=$(tr -d ' \n' <"$WORK/h.json" | grep -o '"median":[0-9.eE+-]*' | head -1 | cut -d: -f2)
			usr=$(tr -d ' \n' <"$WORK/h.json" | grep -o '"user":[0-9.eE+-]*' | head -1 | cut -d: -f2)
			sys=$(tr -d ' \n' <"$WORK/h.json" | grep -o '"system":[0-9.eE+-]*' | head -1 | cut -d: -f2)
			proc "$key" "$(awk -v s="$med" 'BEGIN {printf "%.2f", s*1000}')" ms "$RUNS" "$cmd" \
				"$(awk -v u="${usr:-0}" -v s="${sys:-0}" 'BEGIN {printf "%.2f", (u+s)*1000}')"
			return
		fi
		log "hyperfine failed: $(head -3 "$WORK/h.err")"
	fi
	local i t0 t1
	: >"$WORK/t.txt"
	for ((i = 0; i < RUNS + 2; i++)); do
		t0=$(date +%s%N)
		bash -c "$cmd" >/dev/null 2>&1
		t1=$(date +%s%N)
		[ $i -ge 2 ] && echo $(((t1 - t0) / 1000)) | awk '{printf "%.3f\n", $1/1000}' >>"$WORK/t.txt"
	done
	proc "$key" "$(median_ms "$WORK/t.txt")" ms "$RUNS" "$cmd"
}

# inittime KEY COMMAND: median over RUNS runs of the sum of the package
# init times that GODEBUG=inittrace=1 prints for COMMAND (a Go program).
inittime() {
	local key=$1 cmd=$2 i
	: >"$WORK/i.txt"
	for ((i = 0; i < RUNS; i++)); do
		GODEBUG=inittrace=1 bash -c "exec $cmd" 2>&1 >/dev/null |
			awk '/^init / {s += $5} END {printf "%.3f\n", s}' >>"$WORK/i.txt"
	done
	proc "$key" "$(median_ms "$WORK/i.txt")" ms "$RUNS" "GODEBUG=inittrace=1 $cmd"
}

# verify KEY WANTFILE COMMAND: run COMMAND once; it must exit 0 or 1 and
# produce WANTFILE (or, for "-", print something). Else KEY is not measured.
verify() {
	local key=$1 want=$2 cmd=$3 rc
	[ "$want" != - ] && rm -f "$want"
	bash -c "$cmd" >"$WORK/v.out" 2>&1
	rc=$?
	if [ $rc -gt 1 ] || { [ "$want" != - ] && [ ! -s "$want" ]; } || { [ "$want" = - ] && [ ! -s "$WORK/v.out" ]; }; then
		na "$key" "command failed (exit $rc): $(head -c 300 "$WORK/v.out" | tr '\n\t' '  ')"
		return 1
	fi
}

# peak KEY COMMAND: median peak RSS (KB) of MEMRUNS runs under /usr/bin/time -v.
peak() {
	local key=$1 cmd=$2 i
	if [ ! -x /usr/bin/time ]; then
		na "$key" "/usr/bin/time missing (apt package time)"
		return
	fi
	: >"$WORK/m.txt"
	for ((i = 0; i < MEMRUNS; i++)); do
		/usr/bin/time -v -o "$WORK/time.txt" bash -c "exec $cmd" >/dev/null 2>&1
		sed -n 's/.*Maximum resident set size (kbytes): *//p' "$WORK/time.txt" >>"$WORK/m.txt"
	done
	proc "$key" "$(median_ms "$WORK/m.txt" | cut -d. -f1)" KB "$MEMRUNS" "/usr/bin/time -v $cmd"
}

SAMPLE_XLSX=$WORK/sample.xlsx
BIG_JSON=$WORK/big.json
if [ -n "$BIN" ]; then
	go run ./scripts/bench/bigform -tasks 5000 -o "$BIG_JSON" || log "bigform failed"
	if [ $WINDOW = 0 ]; then
		verify base - "$BIN version" && timeit base "$BIN version" && inittime init "$BIN version"
		verify xlsx_ours "$SAMPLE_XLSX" "$BIN export --sample --xlsx $SAMPLE_XLSX" && timeit xlsx_ours "$BIN export --sample --xlsx $SAMPLE_XLSX"
		verify pdf_ours "$WORK/sample.pdf" "$BIN export --sample --pdf $WORK/sample.pdf" && timeit pdf_ours "$BIN export --sample --pdf $WORK/sample.pdf"
		if [ -s "$SAMPLE_XLSX" ]; then
			verify import_ours - "$BIN check --in $SAMPLE_XLSX" && timeit import_ours "$BIN check --in $SAMPLE_XLSX"
		else
			na import_ours "no sample.xlsx (the xlsx export failed)"
		fi
		verify xlsx_big "$WORK/big.xlsx" "$BIN export --in $BIG_JSON --xlsx $WORK/big.xlsx" && timeit xlsx_big "$BIN export --in $BIG_JSON --xlsx $WORK/big.xlsx"
		verify pdf_big "$WORK/big.pdf" "$BIN export --in $BIG_JSON --pdf $WORK/big.pdf" && timeit pdf_big "$BIN export --in $BIG_JSON --pdf $WORK/big.pdf"
		if [ -s "$WORK/big.xlsx" ]; then
			verify import_big - "$BIN check --in $WORK/big.xlsx" && timeit import_big "$BIN check --in $WORK/big.xlsx"
		else
			na import_big "no 5,000-task xlsx"
		fi
		# 批量审核: 200 returned files of the sample's size (docs/batch.md).
		if go run ./scripts/bench/batchfiles -n 200 -o "$WORK/batch" 2>"$WORK/batch.err"; then
			verify batch_200 - "$BIN check --dir $WORK/batch" && timeit batch_200 "$BIN check --dir $WORK/batch"
			peak rss_batch_200 "$BIN check --dir $WORK/batch"
		else
			na batch_200 "scripts/bench/batchfiles failed: $(head -c 200 "$WORK/batch.err" | tr '\n\t' '  ')"
			na rss_batch_200 "scripts/bench/batchfiles failed"
		fi
		[ -s "$WORK/big.pdf" ] && peak rss_pdf_big "$BIN export --in $BIG_JSON --pdf $WORK/big.pdf" || na rss_pdf_big "the 5,000-task PDF export failed"
		[ -s "$WORK/big.xlsx" ] && peak rss_xlsx_big "$BIN export --in $BIG_JSON --xlsx $WORK/big.xlsx" || na rss_xlsx_big "the 5,000-task xlsx export failed"
		[ -s "$WORK/sample.pdf" ] && peak rss_pdf_sample "$BIN export --sample --pdf $WORK/sample.pdf" || na rss_pdf_sample "the PDF export failed"
	fi
else
	for k in base xlsx_ours pdf_ours import_ours xlsx_big pdf_big import_big batch_200 rss_batch_200 rss_pdf_big rss_xlsx_big rss_pdf_sample gui_start rss_gui; do
		na $k "jixiao did not build: $(head -c 200 "$WORK/build.txt" | tr '\n\t' '  ')"
	done
fi

# LibreOffice on our own xlsx.
if [ $WINDOW = 1 ]; then
	: # the window only
elif command -v soffice >/dev/null && [ -s "$SAMPLE_XLSX" ]; then
	mkdir -p "$WORK/lo"
	# Create the profile first, so that first-start cost is not timed.
	soffice "$LOPROF" --headless --convert-to pdf --outdir "$WORK/lo" "$SAMPLE_XLSX" >/dev/null 2>&1
	verify pdf_lo "$WORK/lo/sample.pdf" "soffice $LOPROF --headless --convert-to pdf --outdir $WORK/lo $SAMPLE_XLSX" &&
		timeit pdf_lo "soffice $LOPROF --headless --convert-to pdf --outdir $WORK/lo $SAMPLE_XLSX"
	verify import_lo "$WORK/lo/sample.csv" "soffice $LOPROF --headless --convert-to csv --outdir $WORK/lo $SAMPLE_XLSX" &&
		timeit import_lo "soffice $LOPROF --headless --convert-to csv --outdir $WORK/lo $SAMPLE_XLSX"
else
	why="LibreOffice (soffice) is not installed"
	[ -s "$SAMPLE_XLSX" ] || why="there is no sample.xlsx to convert (our xlsx export did not run)"
	na pdf_lo "$why"
	na import_lo "$why"
fi

# ---- 3. GUI under Xvfb -----------------------------------------------------------
# mapped PID: true when a viewable window of process PID exists.
mapped() { DISPLAY=$GUIDISPLAY xdotool search --onlyvisible --pid "$1" >/dev/null 2>&1; }
if [ -n "$BIN" ]; then
	if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
		na gui_start "Xvfb or xdotool missing"
		na rss_gui "Xvfb or xdotool missing"
	else
		if [ -n "${BENCH_DISPLAY:-}" ]; then
			# An X server that is already running (with a window manager).
			GUIDISPLAY=$BENCH_DISPLAY
		else
			GUIDISPLAY=:$((90 + RANDOM % 9))
			Xvfb "$GUIDISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
			XVFB_PID=$!
			sleep 1
		fi
		: >"$WORK/g.txt"
		# Each start opens a fresh copy of a drafts file holding the sample.
		"$BIN" sample --db "$WORK/gui-template.db" >/dev/null 2>&1 || log "jixiao sample failed; the GUI starts on an empty file"
		GUICMD="DISPLAY=$GUIDISPLAY $BIN --db \$TMP/gui-N.db"
		log "GUI cold start x$GUIRUNS on $GUIDISPLAY"
		for ((i = 0; i < GUIRUNS; i++)); do
			rm -rf "$XDG_CONFIG_HOME/fyne"
			[ -f "$WORK/gui-template.db" ] && cp "$WORK/gui-template.db" "$WORK/gui-$i.db"
			t0=$(date +%s%N)
			DISPLAY=$GUIDISPLAY "$BIN" --db "$WORK/gui-$i.db" >"$WORK/gui.log" 2>&1 &
			pid=$!
			ok=0
			for ((k = 0; k < 3000; k++)); do
				if mapped $pid; then
					ok=1
					break
				fi
				kill -0 $pid 2>/dev/null || break
				sleep 0.01
			done
			t1=$(date +%s%N)
			kill $pid 2>/dev/null
			wait $pid 2>/dev/null
			if [ $ok = 1 ]; then
				echo $(((t1 - t0) / 1000)) | awk '{printf "%.3f\n", $1/1000}' >>"$WORK/g.txt"
			else
				log "GUI run $i: no mapped window; log: $(head -c 300 "$WORK/gui.log")"
			fi
		done
		if [ -s "$WORK/g.txt" ]; then
			proc gui_start "$(median_ms "$WORK/g.txt")" ms "$(wc -l <"$WORK/g.txt")" "$GUICMD (until xdotool search --onlyvisible --pid finds its window)"
		else
			na gui_start "the window never appeared: $(head -c 300 "$WORK/gui.log" | tr '\n\t' '  ')"
		fi
		# Peak memory of the GUI with the sample open.
		: >"$WORK/m.txt"
		for ((i = 0; i < MEMRUNS; i++)); do
			rm -rf "$XDG_CONFIG_HOME/fyne"
			[ -f "$WORK/gui-template.db" ] && cp "$WORK/gui-template.db" "$WORK/mem-$i.db"
			DISPLAY=$GUIDISPLAY /usr/bin/time -v -o "$WORK/time.txt" "$BIN" --db "$WORK/mem-$i.db" >"$WORK/gui.log" 2>&1 &
			tpid=$!
			sleep 0.2
			pid=$(pgrep -P $tpid | head -1)
			for ((k = 0; k < 3000; k++)); do
				[ -n "$pid" ] && mapped "$pid" && break
				[ -z "$pid" ] && pid=$(pgrep -P $tpid | head -1)
				sleep 0.01
			done
			sleep 2
			[ -n "$pid" ] && kill "$pid" 2>/dev/null
			wait $tpid 2>/dev/null
			sed -n 's/.*Maximum resident set size (kbytes): *//p' "$WORK/time.txt" >>"$WORK/m.txt"
		done
		if [ -s "$WORK/m.txt" ]; then
			proc rss_gui "$(median_ms "$WORK/m.txt" | cut -d. -f1)" KB "$MEMRUNS" "DISPLAY=$GUIDISPLAY /usr/bin/time -v $BIN --db \$TMP/mem-N.db (mapped + 2 s, then SIGTERM)"
		else
			na rss_gui "no figure from /usr/bin/time"
		fi
		# 3b. Idle CPU, memory and typing in the window (scripts/bench/gui.sh).
		log "GUI idle CPU, memory and typing latency on $GUIDISPLAY"
		gui_bench
	fi
fi

# ---- 4. report ------------------------------------------------------------------
mkdir -p "$(dirname "$OUT")"
cp "$RAW" "$PROC" "$ENV" dist/bench/ 2>/dev/null # the raw figures, for a second look
echo "Load average at end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$ENV"
if [ $WINDOW = 1 ]; then
	if go run ./scripts/bench/report -window -proc "$PROC" -env "$ENV" -intro scripts/bench/window-intro.md -o "$OUT"; then
		log "wrote $OUT"
		exit 0
	fi
	log "report failed"
	exit 1
fi
if go run ./scripts/bench/report -bench "$RAW" -proc "$PROC" -env "$ENV" -intro scripts/bench/intro.md -notes scripts/bench/notes -o "$OUT"; then
	log "wrote $OUT"
else
	log "report failed"
	exit 1
fi
