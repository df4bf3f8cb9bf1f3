#!/usr/bin/env bash
# scripts/setup.sh — install the Debian/Ubuntu packages that jixiao needs,
# and only those that are missing.
#
#   scripts/setup.sh build     C headers for Fyne (cgo): run.sh calls this
#   scripts/setup.sh test      build + poppler-utils (PDF checks) and
#                              libreoffice-calc (the xlsx as LibreOffice prints it): test.sh
#   scripts/setup.sh package   build + mingw-w64 cross compiler, dpkg-dev
#                              (dpkg-shlibdeps), nsis (makensis), imagemagick
#                              (icon sizes): package.sh
#   scripts/setup.sh arm64     the arm64 cross compiler and the arm64 (multiarch)
#                              C headers and libraries for Fyne: package.sh arm64;
#                              adds the arm64 architecture to dpkg first
#   scripts/setup.sh pkgtest   package + arm64 + window + qemu-user-static,
#                              wine, lintian: package-test.sh
#   scripts/setup.sh smoke     package + wine and Xvfb (smoke-windows.sh)
#   scripts/setup.sh window    build + Xvfb, openbox, xdotool, xclip, ImageMagick,
#                              fcitx5 pinyin, dbus-x11: the scripts that drive
#                              the real window (scripts/xsession.sh); test.sh
#                              runs them, so `test` installs these too
#
# Idempotent: each package is checked with `dpkg -s`; `apt-get update` and
# `apt-get install` run only when something is missing. As root it calls
# apt-get directly, otherwise through sudo. It also checks that a Go
# toolchain is on PATH (adding /usr/local/go/bin, which sudo drops).
#
# Other scripts source this file and call `jixiao_setup WHAT`.

# The packages per purpose. Verified on a minimal Debian 12 (debootstrap
# minbase + gcc) by building ./cmd/jixiao with cgo: see docs/packaging.md.
JIXIAO_PKGS_BUILD="gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev"
JIXIAO_PKGS_TEST="poppler-utils time strace libreoffice-calc dbus"
JIXIAO_PKGS_PACKAGE="gcc-mingw-w64-x86-64 xz-utils file dpkg-dev nsis imagemagick"
# The arm64 build (docs/packaging.md): Debian's cross compiler and the build
# set's -dev packages of the arm64 architecture (multiarch), plus Mesa's
# software renderer for arm64 (the window under qemu-user-static).
JIXIAO_PKGS_ARM64="gcc-aarch64-linux-gnu libgl1-mesa-dev:arm64 libx11-dev:arm64 libxcursor-dev:arm64 libxrandr-dev:arm64 libxinerama-dev:arm64 libxi-dev:arm64 libxxf86vm-dev:arm64 libwayland-dev:arm64 libxkbcommon-dev:arm64 libgl1-mesa-dri:arm64"
JIXIAO_PKGS_WINDOW="xvfb xauth openbox xdotool xclip x11-utils imagemagick fcitx5 fcitx5-chinese-addons dbus-x11"
# scripts/package-test.sh (with the window set): each package installed,
# started (arm64 under qemu, Windows under wine) and removed.
JIXIAO_PKGS_PKGTEST="qemu-user-static wine wine64 lintian libgl1-mesa-dri"
JIXIAO_PKGS_SMOKE="wine wine64 xvfb xauth imagemagick"

jixiao_log() { printf '[jixiao] %s\n' "$*" >&2; }

# jixiao_go puts a Go toolchain on PATH or fails with a clear message.
jixiao_go() {
	if ! command -v go >/dev/null 2>&1; then
		local d
		for d in /usr/local/go/bin /usr/lib/go/bin "${HOME:-/root}/go/bin" "${HOME:-/root}/sdk/go/bin"; do
			if [ -x "$d/go" ]; then
				PATH="$d:$PATH"
				export PATH
				break
			fi
		done
	fi
	if ! command -v go >/dev/null 2>&1; then
		jixiao_log "Go toolchain not found. Install Go 1.26.8 or newer (https://go.dev/dl/) to /usr/local/go and try again."
		return 1
	fi
	local gobin
	gobin="$(go env GOPATH 2>/dev/null)/bin"
	case ":$PATH:" in *":$gobin:"*) ;; *) PATH="$PATH:$gobin" ;; esac
	export PATH
}

# jixiao_missing PKG... prints the packages that dpkg does not report as
# installed.
jixiao_missing() {
	local p
	for p in "$@"; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
			printf '%s ' "$p"
		fi
	done
}

# jixiao_apt PKG... installs the missing ones.
jixiao_apt() {
	local missing
	missing="$(jixiao_missing "$@")"
	[ -z "$missing" ] && return 0
	if ! command -v apt-get >/dev/null 2>&1; then
		jixiao_log "missing packages: $missing— this is not a Debian/Ubuntu system; install their equivalents by hand."
		return 1
	fi
	local sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null 2>&1; then
			jixiao_log "missing packages: $missing— run this script as root or install sudo."
			return 1
		fi
		sudo="sudo"
	fi
	# A package named PKG:ARCH of a foreign architecture (the arm64 -dev
	# packages) needs that architecture in dpkg before apt-get update.
	local p arch
	for p in $missing; do
		case "$p" in *:*) ;; *) continue ;; esac
		arch="${p##*:}"
		[ "$arch" = "$(dpkg --print-architecture)" ] && continue
		dpkg --print-foreign-architectures | grep -qx "$arch" && continue
		jixiao_log "dpkg --add-architecture $arch"
		$sudo dpkg --add-architecture "$arch" || return 1
	done
	jixiao_log "installing: $missing"
	# Wait for another apt/dpkg run to finish instead of failing at once.
	local opts=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get "${opts[@]}" update -qq &&
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get "${opts[@]}" install -y -qq --no-install-recommends $missing >/dev/null ||
		{
			jixiao_log "apt-get install failed for: $missing"
			return 1
		}
	missing="$(jixiao_missing "$@")"
	if [ -n "$missing" ]; then
		jixiao_log "still missing after apt-get: $missing"
		return 1
	fi
}

# jixiao_setup WHAT installs what WHAT (build|test|window|package|arm64|pkgtest|
# smoke) needs.
jixiao_setup() {
	local pkgs
	case "${1:-build}" in
	build) pkgs="$JIXIAO_PKGS_BUILD" ;;
	test) pkgs="$JIXIAO_PKGS_BUILD $JIXIAO_PKGS_TEST $JIXIAO_PKGS_WINDOW" ;;
	window) pkgs="$JIXIAO_PKGS_BUILD $JIXIAO_PKGS_WINDOW" ;;
	package) pkgs="$JIXIAO_PKGS_BUILD $JIXIAO_PKGS_PACKAGE" ;;
	arm64) pkgs="$JIXIAO_PKGS_BUILD $JIXIAO_PKGS_ARM64" ;;
	pkgtest) pkgs="$JIXIAO_PKGS_BUILD $JIXIAO_PKGS_PACKAGE $JIXIAO_PKGS_ARM64 $JIXIAO_PKGS_WINDOW $JIXIAO_PKGS_PKGTEST" ;;
	smoke) pkgs="$JIXIAO_PKGS_BUILD $JIXIAO_PKGS_PACKAGE $JIXIAO_PKGS_SMOKE" ;;
	*)
		jixiao_log "usage: scripts/setup.sh build|test|window|package|arm64|pkgtest|smoke"
		return 2
		;;
	esac
	# shellcheck disable=SC2086
	jixiao_apt $pkgs && jixiao_go
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	jixiao_setup "${1:-build}"
	jixiao_log "ready: $(go version)"
fi
