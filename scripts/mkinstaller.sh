#!/usr/bin/env bash
# scripts/mkinstaller.sh — build the Windows installer from the Windows
# binary (scripts/package.sh calls it after `fyne package`).
#
#   scripts/mkinstaller.sh EXE OUT-SETUP.exe
#
# Runs Debian's makensis on packaging/windows/jixiao.nsi (a 64-bit,
# Unicode, per-user installer; see the comment there) with the name, ID,
# comment and version of FyneApp.toml and an .ico made from
# assets/icon.png (ImageMagick).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || {
	echo "usage: scripts/mkinstaller.sh EXE OUT-SETUP.exe" >&2
	exit 2
}
exe="$(readlink -f "$1")"
out="$(readlink -f "$(dirname "$2")")/$(basename "$2")"

work="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-nsis.XXXXXX")"
trap 'rm -rf "$work"' EXIT

field() { sed -n "s/^$1 = \"\\(.*\\)\"/\\1/p" FyneApp.toml; }
version="$(field Version)"
build="$(sed -n 's/^Build = \([0-9]*\)/\1/p' FyneApp.toml)"
convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$work/jixiao.ico"
cat >"$work/defines.nsh" <<EOF
!define APPID "$(field ID)"
!define NAME "$(field Name)"
!define COMMENT "$(field Comment)"
!define VERSION "$version"
!define VIVERSION "$version.$build"
!define EXE "$exe"
!define ICON "$work/jixiao.ico"
!define OUTFILE "$out"
!define SIZEKB $(($(stat -c %s "$exe") / 1024))
EOF
makensis -V2 -INPUTCHARSET UTF8 -DDEFINES="$work/defines.nsh" packaging/windows/jixiao.nsi
