#!/usr/bin/env bash
# scripts/test.sh — run every check and test of jixiao.
#
#   scripts/test.sh
#
# Installs what the tests need when it is missing (apt-get, as root or
# through sudo): the C headers Fyne needs (go vet and the -race build of
# cmd/jixiao compile its cgo code), poppler-utils (pdftotext, pdfinfo,
# pdffonts read the exported PDFs back), libreoffice-calc (the xlsx
# printed as LibreOffice prints it, export TestLibreOfficePrint) and dbus
# (internal/desktop's portal test runs a private dbus-daemon). Then, in order:
#
#   1. gofmt: lists every file that is not gofmt-formatted (third_party/ is
#      upstream's: step 3b checks it)
#   2. go vet ./...
#   2a. go mod tidy -diff: fails when tidy would change go.mod or go.sum
#   2b. staticcheck ./... (the pinned STATICCHECK_VERSION, installed with
#       go install through the module proxy when missing): fails on findings
#       (govulncheck is not run: it needs the vulnerability database from
#       the network, which the machines here do not reach)
#   3. go test -race for every package but ui/ (model, store, export,
#      assets, cmd/jixiao, ...)
#   3a. the tests of our patches to third_party/ (each PATCHES.md)
#   3b. patched copies: scripts/patches.sh rebuilds each third_party/ copy
#       from the Go module cache plus its patches/*.patch and fails on any
#       other difference
#   4. ui/: go vet and a build of its tests with CGO_ENABLED=0, which proves
#      they need no cgo and no display (headless fyne test driver), then
#      go test -race -count=3 (cgo): the editor's clock, timers and
#      background work are fakes in its tests (ui/seams.go), so they run
#      on the test's goroutine and the race detector sees the real thing
#   4a. window: the scripts that drive the real window (WINDOW_SCRIPTS
#      below), each in its own X session (Xvfb on a free display, openbox;
#      scripts/xsession.sh): scripts/ime-test.sh (typing Chinese through
#      fcitx5 pinyin), scripts/screens-test.sh (every control of the
#      toolbar, each tab's top row and the 草稿 screen inside an 800×600,
#      1024×768 and 1366×768 screen, in each stage) and
#      scripts/package-test.sh (scripts/package.sh builds every release
#      package — Linux amd64 and arm64 tarballs and .debs, the Windows .exe
#      and installer — then each is installed into a scratch place, started,
#      photographed and removed: the arm64 one under qemu-user-static, the
#      Windows one under wine, which also covers what scripts/smoke-windows.sh
#      checks; docs/packaging.md). A script that cannot start what it needs
#      fails.
#   5. each fuzz target (found with go test -list '^Fuzz') for
#      JIXIAO_FUZZTIME (default 5s) each, an input that finds new code
#      minimised with at most JIXIAO_FUZZMINIMIZE runs (default 20x; with
#      Go's own default of 60s the targets whose inputs are whole .xlsx,
#      .docx or .xls files spent all their time minimising their first
#      finds: 5 to 9 inputs tried in a minute); a run whose only failure is Go
#      1.26's fuzz-deadline race (go.dev/issue/75804) is repeated once
#      with a count budget (JIXIAO_FUZZCOUNT, default 5000x)
#   6. /dev/null, /dev/zero, /dev/stdout and /dev/stderr are what they were
#      before the tests (no test replaced a device or a link by a file)
#
# Every step runs even if an earlier one failed; the exit code is non-zero
# if any failed, and the last line says which.
#
# Environment: JIXIAO_FUZZTIME=10s to fuzz longer, JIXIAO_FUZZTIME=0 to skip
# fuzzing; JIXIAO_FUZZMINIMIZE=200x (or 5s) to minimise each find longer;
# JIXIAO_RACE=0 to test without the race detector;
# JIXIAO_UICOUNT=1 to run the ui tests once instead of three times;
# JIXIAO_WINDOW=0 to leave out the window step (not in CI: there it runs).
#
# In CI (CI set, as .ci/run does) a test that needs a program that is
# missing fails instead of skipping (internal/testtool).
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
. scripts/setup.sh
jixiao_setup test || exit 1
for tool in pdftotext pdfinfo pdffonts; do
	command -v "$tool" >/dev/null || {
		jixiao_log "$tool is missing after setup"
		exit 1
	}
done

# The system's special files, as they are before the tests: a test that
# writes to /dev/stdout or /dev/null must write through them, never
# replace them (a writer that renamed a temporary file over /dev/stdout
# once turned it into a regular PDF on this machine). Checked at the end.
devices() { stat -c '%n %F %t:%T' /dev/null /dev/zero 2>&1; readlink /dev/stdout /dev/stderr 2>&1; }
devices_before="$(devices)"

fuzztime="${JIXIAO_FUZZTIME:-5s}"
fuzzmin="${JIXIAO_FUZZMINIMIZE:-20x}"
race="${JIXIAO_RACE:-1}"
failed=()
start=$SECONDS
step() { printf '\n=== %s (%ds)\n' "$*" $((SECONDS - start)); }

step "gofmt"
# third_party/ is upstream's code: scripts/patches.sh checks that it is
# upstream plus patches, and that the patches' Go files are formatted.
unformatted="$(find . -name '*.go' -not -path './.git/*' -not -path './dist/*' -not -path './third_party/*' -not -path '*/testdata/*' -print0 | xargs -0 gofmt -l)"
if [ -n "$unformatted" ]; then
	echo "not gofmt-formatted (run gofmt -w on them):"
	echo "$unformatted"
	failed+=(gofmt)
else
	echo "ok"
fi

step "go vet ./..."
if CGO_ENABLED=1 go vet ./...; then echo "ok"; else failed+=(vet); fi

step "go mod tidy -diff"
if go mod tidy -diff; then echo "ok"; else
	echo "go.mod/go.sum are not tidy: run go mod tidy and commit the result"
	failed+=(tidy)
fi

# STATICCHECK_VERSION is the staticcheck this project is checked with;
# raise it on purpose, with the findings of the new version fixed.
STATICCHECK_VERSION=v0.8.2
step "staticcheck $STATICCHECK_VERSION ./..."
gobin="$(go env GOPATH)/bin"
sc="$gobin/staticcheck"
if ! "$sc" -version 2>/dev/null | grep -qF "(${STATICCHECK_VERSION#v})"; then
	go install "honnef.co/go/tools/cmd/staticcheck@${STATICCHECK_VERSION}" || true
fi
if ! [ -x "$sc" ]; then
	echo "staticcheck could not be installed"
	failed+=(staticcheck)
elif CGO_ENABLED=1 "$sc" ./...; then echo "ok"; else failed+=(staticcheck); fi

# Packages: ui/ apart (also checked without cgo), the rest with -race.
mapfile -t all < <(go list ./...)
main=()
ui=()
for p in "${all[@]}"; do
	case "$p" in
	jixiao/ui | jixiao/ui/*) ui+=("$p") ;;
	*) main+=("$p") ;;
	esac
done

if [ "${#main[@]}" -gt 0 ]; then
	if [ "$race" = 1 ]; then
		step "go test -race ${main[*]}"
		CGO_ENABLED=1 go test -race -timeout 30m "${main[@]}" || failed+=(test)
	else
		step "go test ${main[*]}"
		CGO_ENABLED=1 go test -timeout 30m "${main[@]}" || failed+=(test)
	fi
fi
# The tests of our patches to the copies in third_party/ (modules of their
# own, so ./... does not reach them; each PATCHES.md). For Fyne only ours:
# of upstream's tests the copy keeps internal/painter's, and TestHangul
# there needs a Hangul system font. go-pinyin: all its tests, with our
# patch (upstream's map literal is kept as text and read on first use).
step "patched copies: the tests of our patches in third_party/"
if (cd third_party/fyne && CGO_ENABLED=1 go test -race -count=1 \
	-run '^(TestCachedFontFaceSharesParsedFont|TestEscape.*|TestShutdown.*|TestBuiltinTranslationsLoadOnFirstUse|TestWordWrapBreaksCJKText)$' \
	./internal/painter/ ./internal/driver/glfw/ ./lang/ ./widget/) &&
	(cd third_party/go-pinyin && CGO_ENABLED=1 go test -race -count=1 .); then
	echo "ok"
else
	failed+=(test-patches)
fi

step "patched copies: third_party/* = upstream + patches/ (scripts/patches.sh)"
if scripts/patches.sh; then echo "ok"; else failed+=(patches); fi

if [ "${#ui[@]}" -gt 0 ]; then
	step "CGO_ENABLED=0 go vet, test build of ${ui[*]}"
	if CGO_ENABLED=0 go vet "${ui[@]}" && CGO_ENABLED=0 go test -count=1 -run '^$' "${ui[@]}"; then
		echo "ok"
	else
		failed+=(ui-nocgo)
	fi
	uicount="${JIXIAO_UICOUNT:-3}"
	if [ "$race" = 1 ]; then
		step "go test -race -count=$uicount ${ui[*]}"
		CGO_ENABLED=1 go test -race -count="$uicount" -timeout 60m "${ui[@]}" || failed+=(test-ui)
	else
		step "go test -count=$uicount ${ui[*]}"
		CGO_ENABLED=1 go test -count="$uicount" -timeout 60m "${ui[@]}" || failed+=(test-ui)
	fi
fi

# The scripts that drive the real window, run one after the other (each
# starts and stops its own X session with scripts/xsession.sh). A new one
# (screen sizes, packages) is added here.
WINDOW_SCRIPTS=(scripts/ime-test.sh scripts/screens-test.sh scripts/package-test.sh)
if [ "${JIXIAO_WINDOW:-1}" = 0 ] && [ -z "${CI:-}" ]; then
	step "window scripts: left out (JIXIAO_WINDOW=0)"
else
	for ws in "${WINDOW_SCRIPTS[@]}"; do
		step "window: $ws"
		if "$ws"; then echo "ok"; else failed+=("window:${ws#scripts/}"); fi
	done
fi

# fuzz_one PKG NAME fuzzes one target for $fuzztime. Go 1.26's fuzz
# coordinator can fail a target with a bare "context deadline exceeded"
# when the -fuzztime clock runs out while a worker of a loaded machine is
# still answering (go.dev/issue/75804, fixed in Go 1.27). That failure
# names no input and writes no reproducer; such a run is repeated once with
# a count budget (-fuzztime=Nx), which has no deadline to race. Any other
# failure (a written input, a panic, a failed check) fails at once.
fuzz_one() {
	local pkg="$1" name="$2" out rc
	out="$(CGO_ENABLED=1 go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" -fuzzminimizetime="$fuzzmin" "$pkg" 2>&1)"
	rc=$?
	printf '%s\n' "$out"
	[ "$rc" -eq 0 ] && return 0
	if deadline_flake "$out"; then
		echo "(only Go's fuzz-deadline race, go.dev/issue/75804: again with -fuzztime=${JIXIAO_FUZZCOUNT:-5000}x)"
		CGO_ENABLED=1 go test -run='^$' -fuzz="^${name}\$" -fuzztime="${JIXIAO_FUZZCOUNT:-5000}x" -fuzzminimizetime="$fuzzmin" "$pkg"
		return
	fi
	return "$rc"
}

# deadline_flake OUTPUT: true when a failed fuzz run's only complaint is the
# coordinator's deadline: "context deadline exceeded", no "Failing input
# written", no panic, no other failure line.
deadline_flake() {
	local out="$1"
	grep -q 'context deadline exceeded' <<<"$out" || return 1
	grep -Eq 'Failing input written|panic:|_test\.go:[0-9]+:' <<<"$out" && return 1
	[ "$(grep -c -- '--- FAIL' <<<"$out")" -eq 1 ] || return 1
	return 0
}

if [ "$fuzztime" != 0 ]; then
	step "fuzz targets (-fuzztime=$fuzztime each)"
	# `go test -list` prints a package's names, then its "ok  <pkg>" line.
	list="$(CGO_ENABLED=1 go test -list '^Fuzz' ./... 2>&1)" || {
		echo "$list"
		failed+=(fuzz-list)
	}
	names=()
	targets=()
	while IFS= read -r line; do
		case "$line" in
		Fuzz*) names+=("$line") ;;
		ok*)
			pkg="$(printf '%s\n' "$line" | awk '{print $2}')"
			for n in "${names[@]}"; do targets+=("$pkg $n"); done
			names=()
			;;
		*) names=() ;;
		esac
	done <<<"$list"
	if [ "${#targets[@]}" -eq 0 ]; then
		echo "no fuzz targets"
	fi
	for t in "${targets[@]}"; do
		pkg="${t% *}"
		name="${t#* }"
		echo "--- $pkg $name"
		fuzz_one "$pkg" "$name" || failed+=("fuzz:$pkg.$name")
	done
fi

step "/dev/null, /dev/stdout … are still the system's"
if [ "$(devices)" != "$devices_before" ]; then
	printf 'before:\n%s\nafter:\n%s\n' "$devices_before" "$(devices)"
	failed+=("devices")
fi

echo
if [ "${#failed[@]}" -gt 0 ]; then
	echo "FAIL: ${failed[*]} ($((SECONDS - start))s)"
	exit 1
fi
echo "all checks passed ($((SECONDS - start))s)"
