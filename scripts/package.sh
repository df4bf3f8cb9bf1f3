#!/usr/bin/env bash
# scripts/package.sh — build the release packages into dist/:
#
#   dist/jixiao-linux-amd64.tar.xz   binary, .desktop file, icon, Makefile
#                                    (tar xf …; sudo make install)
#   dist/jixiao-windows-amd64.exe    one file, icon and version info inside,
#                                    GUI subsystem (no console window)
#
#   scripts/package.sh [linux|windows]...   (default: both)
#
# Uses `fyne package` from fyne.io/tools v1.7.4 (fetched from the Go module
# proxy on first use) with FyneApp.toml for the name, ID, version, build and
# icon; --release strips symbols (-s -w) and builds with -trimpath;
# --tags no_animations keeps an idle window with a focused field from
# redrawing continuously (the blinking cursor). The
# Windows binary is cross-compiled with Debian's gcc-mingw-w64. Installs
# what is missing with apt-get (as root or through sudo).
#
# fyne package reads FyneApp.toml from, and writes temporary files into, the
# main package's folder; so it runs on a copy of the source tree in a
# temporary folder and the working tree is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
# shellcheck source=scripts/setup.sh
. scripts/setup.sh
jixiao_setup package

FYNE_TOOLS="fyne.io/tools/cmd/fyne@v1.7.4"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux windows)

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

mkdir -p dist
for target in "${targets[@]}"; do
	case "$target" in
	linux)
		jixiao_log "packaging Linux amd64 ($version build $build)"
		out="$stage/out-linux"
		mkdir -p "$out"
		(cd "$src/cmd/jixiao" && CGO_ENABLED=1 GOOS=linux GOARCH=amd64 \
			"$fyne" package --os linux --release --tags no_animations --src . --exe "$out/jixiao")
		# fyne names the tarball after the app name; give it a plain name.
		tarball="$(find "$src/cmd/jixiao" -maxdepth 1 -name '*.tar.xz' | head -1)"
		[ -n "$tarball" ] || {
			jixiao_log "fyne package made no .tar.xz"
			exit 1
		}
		mv "$tarball" dist/jixiao-linux-amd64.tar.xz
		;;
	windows)
		jixiao_log "packaging Windows amd64 ($version build $build)"
		(cd "$src/cmd/jixiao" && CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
			CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
			"$fyne" package --os windows --release --tags no_animations --src .)
		exe="$(find "$src/cmd/jixiao" -maxdepth 1 -name '*.exe' | head -1)"
		[ -n "$exe" ] || {
			jixiao_log "fyne package made no .exe"
			exit 1
		}
		mv "$exe" dist/jixiao-windows-amd64.exe
		;;
	*)
		jixiao_log "unknown target $target (linux or windows)"
		exit 2
		;;
	esac
done

for f in dist/jixiao-linux-amd64.tar.xz dist/jixiao-windows-amd64.exe; do
	[ -e "$f" ] || continue
	printf '%s\t%s bytes (%s)\n' "$f" "$(stat -c %s "$f")" "$(du -h "$f" | cut -f1)"
	file "$f" | sed 's/^/  /'
done
