#!/usr/bin/env bash
# scripts/mkdeb.sh — lay out and build the .deb of one architecture from a
# built binary (scripts/package.sh calls it after `fyne package`).
#
#   scripts/mkdeb.sh ARCH BINARY OUTDIR    (ARCH: amd64 or arm64)
#
# writes OUTDIR/cn.gov.jixiao_V_ARCH.deb, V = FyneApp.toml's Version.Build.
# The layout is UOS's (统信 UOS/deepin app store rules: every file of the
# application under /opt/apps/<appid>/, an `info` file, `entries/` for the
# desktop entry and icons, `files/` for the program; the package is named
# after the appid; no maintainer scripts) and Debian's at once: /usr/bin,
# /usr/share/applications and /usr/share/icons/hicolor hold symlinks into
# /opt/apps/<appid>/, /usr/share/doc/<package>/ the copyright file and
# changelog, /usr/share/man the manual page. See docs/packaging.md.
#
# Depends: is computed by dpkg-shlibdeps from the binary's ELF needs (for
# arm64 against the installed arm64 multiarch libraries), plus the X11 and
# Wayland libraries GLFW opens with dlopen. The copyright
# file names every Go module linked into the binary (`go version -m`) with
# its licence text from the module cache (or the pointer to
# /usr/share/common-licenses for Apache-2.0).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 3 ] || {
	echo "usage: scripts/mkdeb.sh ARCH BINARY OUTDIR" >&2
	exit 2
}
arch="$1" bin="$2" outdir="$3"
# shellcheck source=scripts/setup.sh
. scripts/setup.sh
jixiao_go

appid="$(sed -n 's/^ID = "\(.*\)"/\1/p' FyneApp.toml)"
name="$(sed -n 's/^Name = "\(.*\)"/\1/p' FyneApp.toml)"
comment="$(sed -n 's/^Comment = "\(.*\)"/\1/p' FyneApp.toml)"
version="$(sed -n 's/^Version = "\(.*\)"/\1/p' FyneApp.toml).$(sed -n 's/^Build = \([0-9]*\)/\1/p' FyneApp.toml)"
# The identity the repository's commits carry.
maintainer="jixiao maintainers <maintainers@users.noreply.r-seed-f39cb7aa.example>"
# Reproducible dates: the last commit's, else now.
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
export SOURCE_DATE_EPOCH

work="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-mkdeb.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/root"
opt="opt/apps/$appid"
mkdir -p "$root/$opt"

subst() {
	sed -e "s|@APPID@|$appid|g" -e "s|@NAME@|$name|g" -e "s|@COMMENT@|$comment|g" \
		-e "s|@VERSION@|$version|g" -e "s|@ARCH@|$arch|g" \
		-e "s|@EXEC@|/$opt/files/bin/jixiao|g" -e "s|@MAINTAINER@|$maintainer|g" "$@"
}

# UOS: /opt/apps/<appid>/{info,files/bin,entries/applications,entries/icons}.
install -D -m 0755 "$bin" "$root/$opt/files/bin/jixiao"
subst packaging/linux/info.in >"$root/$opt/info"
install -d "$root/$opt/entries/applications"
subst packaging/linux/jixiao.desktop.in >"$root/$opt/entries/applications/$appid.desktop"
sizes="48 64 128 256 512"
for s in $sizes; do
	d="$root/$opt/entries/icons/hicolor/${s}x${s}/apps"
	install -d "$d"
	convert assets/icon.png -resize "${s}x${s}" -strip -define png:exclude-chunks=date,time \
		PNG32:"$d/$appid.png"
done

# Debian: the command on PATH, the menu entry and icons where the desktop
# looks for them, as links into /opt/apps/<appid>/ (absolute: they cross
# top-level folders, Debian policy 10.5).
install -d "$root/usr/bin" "$root/usr/share/applications"
ln -s "/$opt/files/bin/jixiao" "$root/usr/bin/jixiao"
ln -s "/$opt/entries/applications/$appid.desktop" "$root/usr/share/applications/$appid.desktop"
for s in $sizes; do
	install -d "$root/usr/share/icons/hicolor/${s}x${s}/apps"
	ln -s "/$opt/entries/icons/hicolor/${s}x${s}/apps/$appid.png" \
		"$root/usr/share/icons/hicolor/${s}x${s}/apps/$appid.png"
done

# Documentation: copyright and changelog (Debian policy 12.5, 12.7), the
# manual page; UOS's files/doc points at them.
doc="$root/usr/share/doc/$appid"
install -d "$doc" "$root/usr/share/man/man1" "$root/$opt/files/doc"
{
	cat <<EOF
jixiao ($name), version $version

This package holds one statically linked Go program. Its own code and the
font it embeds come first; then every Go module linked into this build (as
"go version -m" lists them), each with the licence file it ships.

== jixiao ==

Copyright: the jixiao developers.
Licence: the jixiao repository does not state a licence for its own code.

== Embedded font: Noto Sans CJK SC, subset (assets/NotoSansSC-Regular.ttf) ==

EOF
	cat assets/OFL.txt
	# "dep PATH VERSION", followed by "=> DIR (devel)" when replaced by a
	# folder of this repository (third_party/).
	go version -m "$bin" | awk '$1 == "dep" { if (p != "") print p, v, "-"; p = $2; v = $3; next }
		$1 == "=>" && p != "" { print p, v, $2; p = ""; next }
		END { if (p != "") print p, v, "-" }' | while read -r path ver repl; do
		if [ "$repl" != "-" ] && [ -d "$repl" ]; then
			dir="$repl"
		else
			dir="$(go mod download -json "$path@$ver" 2>/dev/null | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
		fi
		lic=""
		[ -z "$dir" ] || lic="$(find "$dir" -maxdepth 1 -type f -regextype posix-extended \
			-iregex '.*/(licen[cs]e|copying)([.-][a-z]+)?' | LC_ALL=C sort | head -1)"
		printf '\n== Go module %s %s ==\n\n' "$path" "$ver"
		if [ -z "$lic" ]; then
			jixiao_log "no licence file found for $path $ver"
			exit 1
		fi
		if grep -q 'Apache License' "$lic" && grep -q 'Version 2.0, January 2004' "$lic"; then
			printf 'Apache License, Version 2.0. On Debian systems its full text is in\n/usr/share/common-licenses/Apache-2.0.\n'
			# A NOTICE file, if any, travels with the program.
			[ ! -f "$(dirname "$lic")/NOTICE" ] || { echo; cat "$(dirname "$lic")/NOTICE"; }
		else
			sed 's/[[:space:]]*$//' "$lic"
		fi
	done
} >"$doc/copyright"
ln -s "/usr/share/doc/$appid/copyright" "$root/$opt/files/doc/copyright"
{
	printf '%s (%s) unstable; urgency=medium\n\n' "$appid" "$version"
	printf '  * jixiao %s. What changed: the repository history (git log).\n\n' "$version"
	printf ' -- %s  %s\n' "$maintainer" "$(date -R -u -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n >"$doc/changelog.gz"
ln -s "/usr/share/doc/$appid/changelog.gz" "$root/$opt/files/doc/changelog.gz"
subst packaging/linux/jixiao.1 | gzip -9n >"$root/usr/share/man/man1/jixiao.1.gz"

# Depends: the libraries the binary is linked against (dpkg-shlibdeps:
# libc6, libgl1, libwayland-client0), and those GLFW loads with dlopen at
# start-up, which no ELF header names (third_party/glfw/glfw/src/x11_init.c
# and wl_init.c: _glfwPlatformLoadModule).
dlopened="libx11-6, libx11-xcb1, libxcursor1, libxext6, libxi6, libxinerama1, libxrandr2, libxrender1, libxxf86vm1, libwayland-cursor0, libwayland-egl1, libxkbcommon0"
mkdir -p "$work/shlibs/debian"
printf 'Source: jixiao\n\nPackage: %s\nArchitecture: %s\n' "$appid" "$arch" >"$work/shlibs/debian/control"
cp "$bin" "$work/shlibs/jixiao"
depends="$(cd "$work/shlibs" && DEB_HOST_ARCH="$arch" dpkg-shlibdeps -O jixiao 2>"$work/shlibdeps.log" |
	sed -n 's/^shlibs:Depends=//p')" || {
	cat "$work/shlibdeps.log" >&2
	exit 1
}
[ -n "$depends" ] || {
	jixiao_log "dpkg-shlibdeps found no dependencies for $bin"
	cat "$work/shlibdeps.log" >&2
	exit 1
}
depends="$depends, $dlopened"

# Control files: control, md5sums. No maintainer scripts (UOS forbids them;
# the desktop and icon caches are refreshed by dpkg triggers of their own
# packages).
chmod -R u=rwX,go=rX "$root"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
# Installed-Size as dpkg-gencontrol counts it: each file rounded up to
# KiB, each directory and link 1 KiB.
size="$(find "$root" -mindepth 1 \( -type f -printf '%s\n' -o -printf '1\n' \) |
	awk '{ s += int(($1 + 1023) / 1024) } END { print s }')"
install -d "$root/DEBIAN"
subst packaging/linux/control.in | sed -e "s|@SIZE@|$size|" -e "s|@DEPENDS@|$depends|" >"$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

mkdir -p "$outdir"
deb="$outdir/${appid}_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
jixiao_log "built $deb (Depends: $depends)"
