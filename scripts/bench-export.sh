#!/bin/sh
# bench-export.sh — time jixiao's own PDF export of the built-in sample
# against LibreOffice converting our own .xlsx of the same sample to PDF,
# on this machine, as whole processes: several runs each, the median.
#
#   sh scripts/bench-export.sh [RUNS]        (default 7 runs)
#
# Needs: go, GNU time is not needed; LibreOffice (soffice) for the
# comparison: apt-get install -y libreoffice-calc-nogui. Prints one line per
# measurement and a summary; "cpu" is user+sys seconds, which a busy
# machine inflates less than wall time.
set -eu
RUNS=${1:-7}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -tags no_animations -o "$work/jixiao" ./cmd/jixiao # as shipped
"$work/jixiao" export --sample --xlsx "$work/sample.xlsx" >/dev/null

# run NAME CMD...: time CMD RUNS times, print wall and cpu medians (seconds)
run() {
	name=$1
	shift
	: >"$work/times"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		python3 - "$@" >>"$work/times" <<'PY'
import os, subprocess, sys, time
t0 = time.perf_counter(); c0 = os.times()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
t1 = time.perf_counter(); c1 = os.times()
print(f"{t1-t0:.4f} {(c1.children_user-c0.children_user)+(c1.children_system-c0.children_system):.4f}")
PY
		i=$((i + 1))
	done
	python3 - "$name" "$work/times" <<'PY'
import statistics, sys
name, path = sys.argv[1], sys.argv[2]
rows = [tuple(map(float, l.split())) for l in open(path) if l.strip()]
wall = statistics.median(r[0] for r in rows); cpu = statistics.median(r[1] for r in rows)
print(f"{name}: median wall {wall*1000:.0f} ms, median cpu {cpu*1000:.0f} ms ({len(rows)} runs: " + ", ".join(f"{r[0]*1000:.0f}" for r in rows) + " ms wall)")
open(path + "." + name, "w").write(f"{wall} {cpu}\n")
PY
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
run jixiao-pdf "$work/jixiao" export --sample --pdf "$work/ours.pdf"
pages=$(pdfinfo "$work/ours.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
echo "  (our PDF: ${pages:-?} pages, $(wc -c <"$work/ours.pdf") bytes)"
run jixiao-xlsx "$work/jixiao" export --sample --xlsx "$work/again.xlsx"

if command -v soffice >/dev/null 2>&1; then
	profile="file://$work/lo-profile"
	# one run to create LibreOffice's user profile, not timed
	soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/sample.xlsx" >/dev/null 2>&1
	run libreoffice-pdf soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/sample.xlsx"
	python3 - "$work/times.jixiao-pdf" "$work/times.libreoffice-pdf" <<'PY'
import sys
ours = list(map(float, open(sys.argv[1]).read().split()))
lo = list(map(float, open(sys.argv[2]).read().split()))
print(f"ratio LibreOffice / jixiao: {lo[0]/ours[0]:.0f}x wall, {lo[1]/ours[1]:.0f}x cpu")
PY
else
	echo "libreoffice-pdf: soffice not installed (apt-get install -y libreoffice-calc-nogui), no comparison"
fi
