#!/usr/bin/env bash
# scripts/package-test.sh — install each package that scripts/package.sh
# built into a scratch place, start it, and remove it again.
#
#   scripts/package-test.sh [deb-amd64|deb-arm64|windows]...   (default: all)
#
# deb-amd64, deb-arm64: lintian on the .deb; `dpkg --root` installs it into
#   an empty scratch root whose dpkg database holds only the package's
#   dependencies, copied from this machine's database (so dpkg checks the
#   Depends: line against what is installed here); checks the UOS layout
#   (/opt/apps/<appid>/info, entries/, files/) and the Debian links
#   (/usr/bin/jixiao, the desktop entry with its Chinese name and comment,
#   the icons); then runs the installed binary — the arm64 one under
#   qemu-aarch64-static with the multiarch root as library prefix (-L /) —
#   with HOME in the scratch place:
#     the window (Xvfb + openbox): waits for it, waits until the picture
#     stops changing, takes a screenshot of the first-start page, closes
#     it with Ctrl+Q (save and quit) and checks that it exits with 0;
#     the command-line round trip: `export --sample` to xlsx and PDF,
#     `import` of each as a new draft, `check --draft` must print 7898.5676;
#   then `dpkg --root -r` and `-P` must remove every file of the package and
#   leave the drafts file (~/.config/jixiao/drafts.db) and its backups
#   byte for byte as they were. The arm64 window's screenshot is compared
#   with the amd64 one: the same program draws the same first-start page.
# windows: a fresh wine prefix in the scratch place (Debian 12's wine 8.0
#   plus the stand-in for the ProcessPrng DLL that Go needs, see
#   docs/packaging.md); the installer runs silently (/S) without
#   administrator rights, must put jixiao.exe and uninstall.exe into
#   %LocalAppData%\Programs\jixiao, a Start-menu and a desktop shortcut
#   named 绩效目标申报.lnk and the uninstall key into HKCU; the installed
#   program opens its window (screenshot), `jixiao sample` writes a draft
#   into %AppData%\jixiao\drafts.db; the uninstaller runs silently and must
#   remove the program, the shortcuts and the key and keep the drafts file.
#
# First it runs scripts/package.sh for the targets (incremental). Prints
# "ok"/"FAIL" lines and ends with "N passed, N failed"; exits 1 if anything
# failed. Every tool is installed when missing (scripts/setup.sh pkgtest);
# one still missing fails. Everything it starts is stopped at the end
# (scripts/xsession.sh). scripts/test.sh runs it in its window step.
#
# The screenshots are kept in dist/package-test/.
# Environment: JIXIAO_SHOTS=DIR copies the screenshots there
# (JIXIAO_SHOTS=docs/screenshots refreshes the committed ones);
# JIXIAO_PKGTEST_BUILD=0 tests the packages in dist/ as they are.
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/xsession.sh
. scripts/xsession.sh
jixiao_setup pkgtest || exit 1
for tool in Xvfb openbox xdotool import compare identify qemu-aarch64-static wine wineboot wineserver \
	lintian dpkg-deb x86_64-w64-mingw32-gcc; do
	command -v "$tool" >/dev/null || {
		jixiao_log "$tool is missing after setup"
		exit 1
	}
done

appid="$(sed -n 's/^ID = "\(.*\)"/\1/p' FyneApp.toml)"
name="$(sed -n 's/^Name = "\(.*\)"/\1/p' FyneApp.toml)"
version="$(sed -n 's/^Version = "\(.*\)"/\1/p' FyneApp.toml)"
debversion="$version.$(sed -n 's/^Build = \([0-9]*\)/\1/p' FyneApp.toml)"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(deb-amd64 deb-arm64 windows)
builds=()
for t in "${targets[@]}"; do
	case "$t" in
	deb-amd64) builds+=(linux) ;;
	deb-arm64) builds+=(arm64) ;;
	windows) builds+=(windows) ;;
	*)
		jixiao_log "unknown target $t (deb-amd64, deb-arm64 or windows)"
		exit 2
		;;
	esac
done

# Build what is tested, from this tree (incremental: Go's cache keeps
# what did not change), unless told to take dist/ as it is.
if [ "${JIXIAO_PKGTEST_BUILD:-1}" != 0 ]; then
	scripts/package.sh "${builds[@]}" || {
		jixiao_log "scripts/package.sh failed"
		exit 1
	}
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-pkgtest.XXXXXX")"
# A virtual screen of 1366×768 (the clerks' common laptop) with openbox on
# a free display (scripts/xsession.sh); at exit it stops everything tracked,
# then wine's server of the scratch prefix, then removes the scratch place.
jixiao_x_start 1366x768 || exit 1
# The screenshots also stay in dist/package-test/ (not in git) to look at.
keep=dist/package-test
mkdir -p "$keep"
jixiao_x_defer 'rm -rf "$work"'
jixiao_x_defer '[ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ] && wineserver -k 2>/dev/null'
passed=0
failed=()
ok() {
	echo "ok    $*"
	passed=$((passed + 1))
}
fail() {
	echo "FAIL  $*"
	failed+=("$1")
}
# check NAME COMMAND...: ok when COMMAND succeeds.
check() {
	local what="$1"
	shift
	if "$@"; then ok "$what"; else fail "$what"; fi
}

# wait_window TIMEOUT: prints the id of the visible window whose title
# names the program once there is one.
wait_window() {
	local end=$((SECONDS + $1)) wid
	while [ $SECONDS -lt $end ]; do
		wid="$(xdotool search --onlyvisible --name "$name" 2>/dev/null | head -1)"
		[ -n "$wid" ] && {
			echo "$wid"
			return 0
		}
		sleep 0.5
	done
	return 1
}

# settled_shot WID FILE TIMEOUT: screenshots every second until the window
# WID shows text (many colours in its own area: a window not yet drawn is
# one colour) and the whole screen has not changed for two seconds (drawn
# and placed), then keeps the screen as FILE.
settled_shot() {
	local wid="$1" file="$2" end=$((SECONDS + $3)) prev="" same=0 sum colours
	while [ $SECONDS -lt $end ]; do
		if import -window root "$work/shot.png" 2>/dev/null &&
			import -window "$wid" "$work/win.png" 2>/dev/null; then
			sum="$(identify -format '%#' "$work/shot.png")"
			colours="$(identify -format '%k' "$work/win.png")"
			if [ "$sum" = "$prev" ] && [ "$colours" -gt 64 ]; then
				same=$((same + 1))
			else
				same=0
			fi
			if [ $same -ge 2 ]; then
				mv "$work/shot.png" "$file"
				return 0
			fi
			prev="$sum"
		fi
		sleep 1
	done
	return 1
}

# wait_width WID WIDTH TIMEOUT: waits until the window WID is WIDTH pixels
# wide.
wait_width() {
	local end=$((SECONDS + $3)) w
	while [ $SECONDS -lt $end ]; do
		w="$(xdotool getwindowgeometry --shell "$1" 2>/dev/null | sed -n 's/^WIDTH=//p')"
		[ "$w" = "$2" ] && return 0
		sleep 0.5
	done
	return 1
}

# wait_exit PID TIMEOUT: waits for PID to end; its exit code, or 124.
wait_exit() {
	local pid="$1" end=$((SECONDS + $2))
	while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 0.5; done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		return 124
	fi
	wait "$pid"
}

# quit_window LABEL PID WID TIMEOUT: Ctrl+Q as a clerk presses it (real key
# events through XTEST to the focused window, not events sent to one
# window, which an X server may refuse: BadWindow), then waits for PID's
# exit code (124 when it is still running after TIMEOUT s). A key press
# lost while the window manager was still moving the focus (seen once in a
# loaded CI run under qemu) is pressed again after 30 s, and said so.
quit_window() {
	local label="$1" pid="$2" wid="$3" timeout="$4" end
	xdotool windowactivate --sync "$wid" 2>/dev/null
	xdotool key --clearmodifiers ctrl+q
	end=$((SECONDS + 30))
	while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 0.5; done
	if kill -0 "$pid" 2>/dev/null && xdotool getwindowname "$wid" >/dev/null 2>&1; then
		echo "note  $label: still open 30 s after Ctrl+Q; pressed Ctrl+Q again"
		xdotool windowactivate --sync "$wid" 2>/dev/null
		xdotool key --clearmodifiers ctrl+q
	fi
	wait_exit "$pid" "$timeout"
}

# window_test LABEL SHOT TIMEOUT COMMAND...: starts COMMAND (the window),
# screenshots its first page into SHOT, closes it with Ctrl+Q.
window_test() {
	local label="$1" shot="$2" timeout="$3" pid wid rc title
	shift 3
	"$@" >"$work/$label-gui.log" 2>&1 &
	pid=$!
	jixiao_x_track "$pid"
	if ! wid="$(wait_window "$timeout")"; then
		fail "$label: no window within ${timeout}s ($(tail -c 300 "$work/$label-gui.log"))"
		kill -KILL "$pid" 2>/dev/null
		return 1
	fi
	# The first start (no drafts yet) asks how to start: ui/welcome.go
	# titles the window "欢迎 — 绩效目标申报".
	title="$(xdotool getwindowname "$wid")"
	check "$label: window open, title \"$title\" (the first-start page)" test "$title" = "欢迎 — $name"
	# On a screen smaller than 1400×860 the program maximises its window
	# (internal/desktop/screen.go): on 1366×768 it fills the width. Under wine
	# the request is sometimes lost (about one start in five here; the
	# window stays at 1280 px): noted, not failed, for the Windows build.
	local width="${JIXIAO_X_SIZE%x*}"
	if [ "$label" = windows ]; then
		wait_width "$wid" "$width" 30 || echo "note  $label: window not maximised within 30 s (wine)"
	else
		check "$label: window maximised to the screen's width ($width px)" wait_width "$wid" "$width" "$timeout"
	fi
	check "$label: first page drawn and settled ($(basename "$shot"))" settled_shot "$wid" "$shot" "$timeout"
	[ ! -f "$shot" ] || cp "$shot" "$keep/"
	quit_window "$label" "$pid" "$wid" "$timeout"
	rc=$?
	if [ "$rc" -eq 0 ]; then ok "$label: Ctrl+Q closed it, exit code 0"; else
		fail "$label: exit code $rc after Ctrl+Q ($(tail -c 300 "$work/$label-gui.log"))"
	fi
}

# in_root ROOT PATH: the file PATH of the scratch root ROOT, following
# symbolic links (absolute ones inside ROOT) to the file itself.
in_root() {
	local root="$1" p="$2" t n=0
	while [ -L "$root$p" ] && [ $n -lt 20 ]; do
		t="$(readlink "$root$p")"
		case "$t" in
		/*) p="$t" ;;
		*) p="$(dirname "$p")/$t" ;;
		esac
		n=$((n + 1))
	done
	echo "$root$p"
}

# tree_sum DIR: one line per file below DIR with its checksum.
tree_sum() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r md5sum); }

deb_test() {
	local arch="$1" deb root bin home run=() out ids id f before after rc
	deb="dist/${appid}_${debversion}_${arch}.deb"
	echo "--- $deb"
	[ -f "$deb" ] || {
		fail "deb-$arch: $deb missing (run scripts/package.sh)"
		return
	}
	# lintian: errors and warnings fail, except the tags docs/packaging.md
	# explains (the UOS layout under /opt is the point of the package).
	lintian --fail-on error,warning --suppress-tags-from-file packaging/linux/lintian-overrides.txt \
		"$deb" >"$work/lintian-raw-$arch.txt" 2>&1
	rc=$?
	grep -v 'running with root privileges' "$work/lintian-raw-$arch.txt" >"$work/lintian-$arch.txt"
	if [ "$rc" -eq 0 ]; then
		ok "deb-$arch: lintian: no error or warning but the accepted ones ($(wc -l <"$work/lintian-$arch.txt") other lines)"
	else
		fail "deb-$arch: lintian"
	fi
	sed 's/^/      /' "$work/lintian-$arch.txt"

	# A scratch root whose dpkg database knows the package's dependencies
	# as this machine has them installed, and nothing else.
	root="$work/root-$arch"
	mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
	: >"$root/var/lib/dpkg/status"
	[ "$arch" = "$(dpkg --print-architecture)" ] || dpkg --root="$root" --add-architecture "$arch"
	dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/[ (].*//' | while read -r dep; do
		[ -n "$dep" ] || continue
		dpkg-query -s "$dep:$arch" 2>/dev/null || dpkg-query -s "$dep" 2>/dev/null
		echo
	done >>"$root/var/lib/dpkg/status"
	if dpkg --root="$root" --log=/dev/null -i "$deb" >"$work/dpkg-$arch.log" 2>&1; then
		ok "deb-$arch: dpkg --root -i (Depends: $(dpkg-deb -f "$deb" Depends))"
	else
		fail "deb-$arch: dpkg --root -i: $(cat "$work/dpkg-$arch.log")"
		return
	fi
	local opt="$root/opt/apps/$appid"
	check "deb-$arch: UOS layout: info names $appid, $debversion, $arch" \
		grep -q "\"appid\": \"$appid\".*" "$opt/info"
	grep -q "\"version\": \"$debversion\"" "$opt/info" && grep -q "\"arch\": \\[\"$arch\"\\]" "$opt/info" ||
		fail "deb-$arch: info version/arch: $(cat "$opt/info")"
	check "deb-$arch: UOS layout: files/bin/jixiao, entries/applications, entries/icons" \
		test -x "$opt/files/bin/jixiao" -a -f "$opt/entries/applications/$appid.desktop" \
		-a -f "$opt/entries/icons/hicolor/512x512/apps/$appid.png"
	bin="$(in_root "$root" /usr/bin/jixiao)"
	check "deb-$arch: /usr/bin/jixiao → /opt/apps/$appid/files/bin/jixiao" test "$bin" = "$opt/files/bin/jixiao"
	f="$(in_root "$root" "/usr/share/applications/$appid.desktop")"
	check "deb-$arch: desktop entry: Name[zh_CN]=$name, Chinese comment, Exec, icon" \
		grep -qx "Name\\[zh_CN\\]=$name" "$f"
	grep -q '^Comment\[zh_CN\]=.*申报' "$f" && grep -qx "Exec=/opt/apps/$appid/files/bin/jixiao" "$f" &&
		test -f "$(in_root "$root" "/usr/share/icons/hicolor/48x48/apps/$appid.png")" ||
		fail "deb-$arch: desktop entry or icon: $(cat "$f")"

	[ "$arch" = arm64 ] && run=(qemu-aarch64-static -L /)
	home="$work/home-$arch"
	mkdir -p "$home"
	out="$(HOME="$home" XDG_CONFIG_HOME= timeout -s KILL 120 "${run[@]}" "$bin" version 2>&1)"
	check "deb-$arch: jixiao version: $out" grep -q "linux/$arch" <<<"$out"

	# The window on a fresh home: the first-start page.
	window_test "deb-$arch" "$work/deb-$arch.png" "$([ "$arch" = arm64 ] && echo 300 || echo 90)" \
		env HOME="$home" XDG_CONFIG_HOME= "${run[@]}" "$bin"

	# The command-line round trip, on the default drafts file of that home.
	local J=(env HOME="$home" XDG_CONFIG_HOME= timeout -s KILL 300 "${run[@]}" "$bin")
	if "${J[@]}" export --sample --xlsx "$work/s-$arch.xlsx" --pdf "$work/s-$arch.pdf" >"$work/rt-$arch.log" 2>&1; then
		ok "deb-$arch: export --sample: $(tr '\n' ' ' <"$work/rt-$arch.log")"
	else
		fail "deb-$arch: export --sample: $(cat "$work/rt-$arch.log")"
	fi
	for f in "s-$arch.xlsx" "s-$arch.pdf"; do
		out="$("${J[@]}" import "$work/$f" 2>&1)"
		id="$(tail -1 <<<"$out")"
		out="$("${J[@]}" check --draft "$id" 2>&1)"
		if grep -q '7898\.5676' <<<"$out"; then
			ok "deb-$arch: import $f, check --draft $id: $(grep -m1 '7898\.5676' <<<"$out")"
		else
			fail "deb-$arch: import $f, check: $out"
		fi
	done
	ids="$("${J[@]}" list 2>&1)"
	echo "$ids" | sed 's/^/      /'

	# Remove, then purge: the package's files go, the drafts stay.
	before="$(tree_sum "$home/.config/jixiao")"
	[ -n "$before" ] || fail "deb-$arch: no drafts file at ~/.config/jixiao"
	if dpkg --root="$root" --log=/dev/null -r "$appid" >>"$work/dpkg-$arch.log" 2>&1 &&
		dpkg --root="$root" --log=/dev/null -P "$appid" >>"$work/dpkg-$arch.log" 2>&1; then
		ok "deb-$arch: dpkg --root -r, -P"
	else
		fail "deb-$arch: dpkg -r/-P: $(cat "$work/dpkg-$arch.log")"
	fi
	out="$(cd "$root" && find . -path ./var -prune -o \( -type f -o -type l \) -print)"
	check "deb-$arch: no file of the package left${out:+: $out}" test -z "$out"
	after="$(tree_sum "$home/.config/jixiao")"
	check "deb-$arch: drafts file and backups unchanged ($(wc -l <<<"$after") files)" test "$before" = "$after"
	[ -f "$work/deb-$arch.png" ] && shots+=("deb-$arch.png")
}

windows_test() {
	local setup="dist/jixiao-windows-amd64-setup.exe" user c inst out before after rc
	echo "--- $setup"
	[ -f "$setup" ] || {
		fail "windows: $setup missing (run scripts/package.sh)"
		return
	}
	export WINEPREFIX="$work/wine" WINEDEBUG=-all
	# bcryptprimitives: the stand-in DLL (tools/bcryptprimitives); no
	# Mono/Gecko prompts; winemenubuilder would copy shortcuts into the
	# Linux desktop's menu.
	export WINEDLLOVERRIDES="bcryptprimitives=n;mscoree,mshtml=;winemenubuilder.exe=d"
	local whome="$work/winehome"
	mkdir -p "$whome"
	x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" \
		tools/bcryptprimitives/bcryptprimitives.c tools/bcryptprimitives/bcryptprimitives.def -ladvapi32
	HOME="$whome" wineboot -i >"$work/wineboot.log" 2>&1
	HOME="$whome" wineserver -w
	cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
	user="$(ls "$WINEPREFIX/drive_c/users" | grep -vx Public | head -1)"
	c="$WINEPREFIX/drive_c/users/$user"
	inst="$c/AppData/Local/Programs/jixiao"

	HOME="$whome" timeout -s KILL 300 wine "$setup" /S >"$work/setup.log" 2>&1
	rc=$?
	HOME="$whome" wineserver -w
	check "windows: silent install (setup.exe /S), exit code $rc" test "$rc" -eq 0
	check "windows: %LocalAppData%\\Programs\\jixiao has jixiao.exe and uninstall.exe" \
		test -f "$inst/jixiao.exe" -a -f "$inst/uninstall.exe"
	check "windows: jixiao.exe is the portable exe" cmp -s "$inst/jixiao.exe" dist/jixiao-windows-amd64.exe
	# Wine links the Windows desktop folder to $HOME; -f follows the link.
	local menu="$c/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/$name.lnk" desk="$c/Desktop/$name.lnk"
	check "windows: shortcuts $name.lnk in the Start menu and on the desktop, to jixiao.exe" \
		test -f "$menu" -a -f "$desk"
	grep -aq 'jixiao\.exe' "$menu" && grep -aq 'jixiao\.exe' "$desk" || fail "windows: the shortcuts do not name jixiao.exe"
	check "windows: uninstall key in HKCU" grep -q "Uninstall\\\\\\\\$appid\\]" "$WINEPREFIX/user.reg"
	out="$(HOME="$whome" timeout -s KILL 120 wine "$inst/jixiao.exe" version 2>&1)"
	check "windows: jixiao.exe version: $out" grep -q 'windows/amd64' <<<"$out"

	window_test windows "$work/windows.png" 180 env HOME="$whome" wine "$inst/jixiao.exe"
	out="$(HOME="$whome" timeout -s KILL 120 wine "$inst/jixiao.exe" sample 2>&1)"
	check "windows: jixiao sample (into %AppData%\\jixiao\\drafts.db)" test -f "$c/AppData/Roaming/jixiao/drafts.db"
	HOME="$whome" wineserver -w
	before="$(tree_sum "$c/AppData/Roaming/jixiao")"

	HOME="$whome" timeout -s KILL 300 wine "$inst/uninstall.exe" /S >"$work/uninstall.log" 2>&1
	rc=$?
	# The uninstaller copies itself to %TEMP% and runs from there: wait
	# until every process of the prefix has ended.
	HOME="$whome" timeout -s KILL 300 wineserver -w
	check "windows: silent uninstall (uninstall.exe /S), exit code $rc" test "$rc" -eq 0
	check "windows: program folder removed" test ! -e "$inst"
	check "windows: shortcuts removed" test ! -e "$menu" -a ! -e "$desk"
	check "windows: uninstall key removed" bash -c "! grep -q 'Uninstall\\\\\\\\$appid\\]' '$WINEPREFIX/user.reg'"
	after="$(tree_sum "$c/AppData/Roaming/jixiao")"
	check "windows: drafts file kept, unchanged ($(wc -l <<<"$after") files)" test -n "$after" -a "$before" = "$after"
	[ -f "$work/windows.png" ] && shots+=("windows.png")
}

shots=()
for t in "${targets[@]}"; do
	case "$t" in
	deb-amd64) deb_test amd64 ;;
	deb-arm64) deb_test arm64 ;;
	windows) windows_test ;;
	esac
done

# The arm64 program under emulation draws the same first page as the
# amd64 one (Mesa's software renderer on both; a few pixels of rounding).
if [ -f "$work/deb-amd64.png" ] && [ -f "$work/deb-arm64.png" ]; then
	diff="$(compare -metric AE -fuzz 10% "$work/deb-amd64.png" "$work/deb-arm64.png" /dev/null 2>&1)"
	check "arm64 and amd64 first pages alike ($diff of $((1366 * 768)) pixels differ)" test "${diff%%.*}" -lt 2000
fi

if [ -n "${JIXIAO_SHOTS:-}" ] && [ ${#shots[@]} -gt 0 ]; then
	mkdir -p "$JIXIAO_SHOTS"
	for s in "${shots[@]}"; do
		cp "$work/$s" "$JIXIAO_SHOTS/95-package-$s"
		jixiao_log "screenshot: $JIXIAO_SHOTS/95-package-$s"
	done
fi

echo "$passed passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ] || {
	echo "FAIL: ${failed[*]}"
	exit 1
}
