#!/usr/bin/env bash
# scripts/bench/fuzz.sh — run every fuzz target for a while (default 3
# minutes each) and print, per target, how long it ran, how many inputs it
# tried and whether it found anything. A failing input is written by Go to
# the package's testdata/fuzz/<Target>/ (commit it with the fix).
#
#   scripts/bench/fuzz.sh [DURATION]      e.g. scripts/bench/fuzz.sh 10m
#
# New interesting inputs are minimised for at most 2 s each: with the
# default (60 s) the xlsx importer's target spends its whole time
# minimising multi-kilobyte workbooks and tries almost nothing new.
#
# CI runs each target briefly instead (see scripts/test.sh); this is the long run
# whose results are recorded in docs/RELIABILITY.md.
set -uo pipefail
cd "$(dirname "$0")/../.."
T=${1:-3m}
status=0
for f in $(grep -rl --include='*_test.go' '^func Fuzz' . | sort); do
	pkg=./$(dirname "${f#./}")/
	for target in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$f"); do
		log=$(mktemp)
		start=$(date +%s)
		go test "$pkg" -run='^$' -fuzz="^${target}\$" -fuzztime="$T" -fuzzminimizetime=2s -parallel=2 >"$log" 2>&1
		rc=$?
		took=$(($(date +%s) - start))
		execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
		new=$(grep -o 'new interesting: [0-9]*' "$log" | tail -1 | cut -d' ' -f3)
		if [ $rc -eq 0 ]; then
			verdict="nothing found"
		else
			verdict="FAILED (exit $rc): $(grep -m3 -E 'Failing input|panic|--- FAIL' "$log" | tr '\n' ' ')"
			status=1
		fi
		printf '%s\t%s\t%ss\t%s execs\t%s new interesting (cache only)\t%s\n' "$pkg" "$target" "$took" "${execs:-?}" "${new:-0}" "$verdict"
		[ $rc -ne 0 ] && tail -30 "$log" >&2
		rm -f "$log"
	done
done
exit $status
