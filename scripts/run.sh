#!/usr/bin/env bash
# scripts/run.sh — build jixiao and open its window.
#
#   scripts/run.sh [ARGS...]
#
# Installs the C headers Fyne needs when they are missing (apt-get, as root
# or through sudo), builds ./cmd/jixiao into dist/jixiao and starts it with
# ARGS (none: the window; e.g. `scripts/run.sh help` for the command line).
# Safe to run again: nothing is installed twice, the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
. scripts/setup.sh
jixiao_setup build

# Started with sudo: build and run as the user who typed it, so that the
# drafts file lands in that user's home, not root's.
if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ] && [ -z "${JIXIAO_AS_ROOT:-}" ]; then
	exec sudo -u "$SUDO_USER" -H env "PATH=$PATH" "DISPLAY=${DISPLAY:-}" \
		"WAYLAND_DISPLAY=${WAYLAND_DISPLAY:-}" "XAUTHORITY=${XAUTHORITY:-}" \
		"JIXIAO_DB=${JIXIAO_DB:-}" JIXIAO_AS_ROOT=no "$0" "$@"
fi
[ -n "${JIXIAO_DB:-}" ] || unset JIXIAO_DB

mkdir -p dist
jixiao_log "building dist/jixiao (the first build compiles the OpenGL/GLFW C code and takes a few minutes)"
# -tags no_animations: no blinking cursor, so an idle window with a focused
# field does not redraw 60 times a second (docs/BENCHMARKS.md, idle CPU).
CGO_ENABLED=1 go build -tags no_animations -o dist/jixiao ./cmd/jixiao
if [ $# -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
	jixiao_log "no DISPLAY or WAYLAND_DISPLAY: the window needs a desktop session (or Xvfb: xvfb-run -a scripts/run.sh)"
fi
exec dist/jixiao "$@"
