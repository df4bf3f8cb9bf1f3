#!/usr/bin/env bash
# scripts/package.sh — build the release packages into dist/:
#
#   linux    dist/jixiao-linux-amd64.tar.xz     binary, .desktop file, icon,
#                                               Makefile (tar xf …; sudo make install)
#            dist/cn.gov.jixiao_V_amd64.deb     Debian/UOS/麒麟 package
#   arm64    dist/jixiao-linux-arm64.tar.xz     the same for 64-bit ARM
#            dist/cn.gov.jixiao_V_arm64.deb     (鲲鹏, 飞腾), cgo cross-compiled
#   windows  dist/jixiao-windows-amd64.exe      one file, no installation
#            dist/jixiao-windows-amd64-setup.exe  per-user installer (no
#                                               administrator rights)
#
#   scripts/package.sh [linux|arm64|windows]...   (default: all three)
#
# V is the version and build of FyneApp.toml (0.1.0 build 1 → 0.1.0.1).
# Uses `fyne package` from fyne.io/tools v1.7.4 (fetched from the Go module
# proxy on first use) with FyneApp.toml for the name, ID, version, build and
# icon; --release strips symbols (-s -w) and builds with -trimpath;
# --tags no_animations keeps an idle window with a focused field from
# redrawing continuously (the blinking cursor). The Windows binary is
# cross-compiled with Debian's gcc-mingw-w64, the arm64 one with Debian's
# gcc-aarch64-linux-gnu against the arm64 (multiarch) -dev packages. The
# .deb packages are laid out by scripts/mkdeb.sh, the installer by makensis
# from packaging/windows/jixiao.nsi. Installs what is missing with apt-get
# (as root or through sudo): scripts/setup.sh package (and arm64).
#
# fyne package reads FyneApp.toml from, and writes temporary files into, the
# main package's folder; so it runs on a copy of the source tree in a
# temporary folder and the working tree is never touched. Release builds use
# -trimpath, so the copy's path does not matter to Go's build cache: a second
# run rebuilds nothing that did not change.
#
# Environment: JIXIAO_NICE (default 10) is the nice level of the builds.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
# shellcheck source=scripts/setup.sh
. scripts/setup.sh

FYNE_TOOLS="fyne.io/tools/cmd/fyne@v1.7.4"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux arm64 windows)
for target in "${targets[@]}"; do
	case "$target" in
	linux | windows) ;;
	arm64) need_arm64=1 ;;
	*)
		jixiao_log "unknown target $target (linux, arm64 or windows)"
		exit 2
		;;
	esac
done
jixiao_setup package
[ -z "${need_arm64:-}" ] || jixiao_setup arm64
nice=(nice -n "${JIXIAO_NICE:-10}")

stage="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-package.XXXXXX")"
trap 'rm -rf "$stage"' EXIT

# The fyne tool, built once into the staging folder (cached by Go after).
jixiao_log "building the fyne tool ($FYNE_TOOLS)"
GOBIN="$stage/bin" go install "$FYNE_TOOLS"
fyne="$stage/bin/fyne"

# A copy of the source: tracked and untracked-but-not-ignored files.
src="$stage/src"
mkdir -p "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -z --cached --others --exclude-standard |
		(cd "$root" && xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
		tar --null -T - -cf - | tar -xf - -C "$src"
else
	tar --exclude=./dist --exclude=./.git -cf - . | tar -xf - -C "$src"
fi
# FyneApp.toml belongs next to the main package for fyne package; its Icon
# path is relative to the file.
sed 's#^Icon = "assets/#Icon = "../../assets/#' FyneApp.toml >"$src/cmd/jixiao/FyneApp.toml"
version="$(sed -n 's/^Version = "\(.*\)"/\1/p' FyneApp.toml)"
build="$(sed -n 's/^Build = \([0-9]*\)/\1/p' FyneApp.toml)"

# fyne_linux ARCH: the Linux tarball and the .deb for GOARCH ARCH.
fyne_linux() {
	local arch="$1" out="$stage/out-$1" tarball bin
	# -buildmode=pie: a position-independent executable, so the system can
	# load it at a random address (Debian's hardening; lintian hardening-no-pie).
	local env=(CGO_ENABLED=1 GOOS=linux GOARCH="$arch" GOFLAGS=-buildmode=pie)
	if [ "$arch" = arm64 ]; then
		# Only the arm64 .pc files (PKG_CONFIG_LIBDIR replaces the default
		# search path, so no amd64 library is picked up by mistake).
		env+=(CC=aarch64-linux-gnu-gcc CXX=aarch64-linux-gnu-g++
			PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
	fi
	mkdir -p "$out"
	rm -f "$src"/cmd/jixiao/*.tar.xz
	(cd "$src/cmd/jixiao" && env "${env[@]}" "${nice[@]}" \
		"$fyne" package --os linux --release --tags no_animations --src . --exe "$out/jixiao")
	# fyne names the tarball after the app name; give it a plain name.
	tarball="$(find "$src/cmd/jixiao" -maxdepth 1 -name '*.tar.xz' | head -1)"
	[ -n "$tarball" ] || {
		jixiao_log "fyne package made no .tar.xz"
		exit 1
	}
	mv "$tarball" "dist/jixiao-linux-$arch.tar.xz"
	# fyne removes the binary it built: the .deb takes the tarball's.
	tar -xJf "dist/jixiao-linux-$arch.tar.xz" -C "$out" --wildcards '*bin/jixiao'
	bin="$(find "$out" -path '*bin/jixiao' -type f | head -1)"
	[ -n "$bin" ] || {
		jixiao_log "no bin/jixiao in dist/jixiao-linux-$arch.tar.xz"
		exit 1
	}
	scripts/mkdeb.sh "$arch" "$bin" dist
}

mkdir -p dist
made=()
for target in "${targets[@]}"; do
	case "$target" in
	linux)
		jixiao_log "packaging Linux amd64 ($version build $build)"
		fyne_linux amd64
		made+=(dist/jixiao-linux-amd64.tar.xz "dist/cn.gov.jixiao_${version}.${build}_amd64.deb")
		;;
	arm64)
		jixiao_log "packaging Linux arm64 ($version build $build), cross-compiled"
		fyne_linux arm64
		made+=(dist/jixiao-linux-arm64.tar.xz "dist/cn.gov.jixiao_${version}.${build}_arm64.deb")
		;;
	windows)
		jixiao_log "packaging Windows amd64 ($version build $build)"
		rm -f "$src"/cmd/jixiao/*.exe
		(cd "$src/cmd/jixiao" && env CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
			CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
			"${nice[@]}" "$fyne" package --os windows --release --tags no_animations --src .)
		exe="$(find "$src/cmd/jixiao" -maxdepth 1 -name '*.exe' | head -1)"
		[ -n "$exe" ] || {
			jixiao_log "fyne package made no .exe"
			exit 1
		}
		mv "$exe" dist/jixiao-windows-amd64.exe
		jixiao_log "building the Windows installer (makensis)"
		scripts/mkinstaller.sh dist/jixiao-windows-amd64.exe dist/jixiao-windows-amd64-setup.exe
		made+=(dist/jixiao-windows-amd64.exe dist/jixiao-windows-amd64-setup.exe)
		;;
	esac
done

for f in "${made[@]}"; do
	printf '%s\t%s bytes (%s)\n' "$f" "$(stat -c %s "$f")" "$(du -h "$f" | cut -f1)"
	file "$f" | sed 's/^[^:]*: /  /'
done
