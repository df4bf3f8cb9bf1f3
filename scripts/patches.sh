#!/usr/bin/env bash
# scripts/patches.sh — the patched copies of Go modules in third_party/ are
# exactly upstream plus their .patch files. scripts/test.sh runs the check.
#
#   scripts/patches.sh [check] [NAME...]  rebuild each copy (all, or
#                              third_party/NAME) in a scratch folder and
#                              fail on ANY difference from the copy
#   scripts/patches.sh write NAME   remake third_party/NAME from upstream +
#                              its patches (after editing a patch, or with a
#                              new version in go.mod and patches that still apply)
#   scripts/patches.sh diff NAME    print, as a patch, what third_party/NAME
#                              has beyond upstream + its patches: a change
#                              made in the copy becomes a new patch with
#                              scripts/patches.sh diff NAME > third_party/NAME/patches/NNNN-what.patch
#
# A copy is a folder third_party/NAME with:
#   go.mod             the module's own (names the module)
#   PATCHES.md         what each patch does and why, its upstream issue
#   patches/*.patch    applied in name order with `git apply -p1` (paths
#                      a/FILE, b/FILE relative to the module root; no fuzz);
#                      a Go file a patch makes or changes must be gofmt-ed
#                      (unless upstream's was not)
#   patches/omit       optional: what the copy leaves out of the module, one
#                      rule a line, `omit GLOB` or `keep GLOB`, the first
#                      rule that matches a path decides (* does not cross
#                      a /, ** does); anything no rule matches is kept
# The upstream is the version the main go.mod requires (go list -m), a
# `replace MODULE => ./third_party/NAME` line must use the copy, and the
# pristine module comes from the Go module cache (`go mod download -json
# MODULE@VERSION` gives its Dir; downloaded through the module proxy when
# it is not there yet). PATCHES.md and patches/ are the only files of a copy
# that are not the module's.
#
# Exit code 1 when a copy differs or a patch does not apply; the output
# says which file and shows the difference. Needs git (for git apply).
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
# shellcheck source=scripts/setup.sh
. scripts/setup.sh
jixiao_go || exit 1

scratch="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-patches.XXXXXX")" || exit 1
trap 'rm -rf "$scratch"' EXIT

# glob_re GLOB prints an anchored extended regex: ** any text, * any text
# without /, ? one character but /; other characters literal.
glob_re() {
	local g="$1" re="" c i
	for ((i = 0; i < ${#g}; i++)); do
		c="${g:i:1}"
		if [ "$c" = "*" ] && [ "${g:i+1:1}" = "*" ]; then
			re+=".*"
			i=$((i + 1))
		elif [ "$c" = "*" ]; then
			re+="[^/]*"
		elif [ "$c" = "?" ]; then
			re+="[^/]"
		elif [[ "$c" =~ [][.^$+(){}|\\] ]]; then
			re+="\\$c"
		else
			re+="$c"
		fi
	done
	printf '^%s$' "$re"
}

# upstream NAME prints "MODULE VERSION DIR" of third_party/NAME's upstream,
# or fails with a message.
upstream() {
	local name="$1" mod ver rep dir
	mod="$(sed -n 's/^module[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p' "third_party/$name/go.mod" | head -1)"
	if [ -z "$mod" ]; then
		echo "third_party/$name/go.mod names no module" >&2
		return 1
	fi
	ver="$(go list -m -f '{{.Version}}' "$mod" 2>&1)" || {
		echo "third_party/$name: go.mod does not require $mod: $ver" >&2
		return 1
	}
	rep="$(go list -m -f '{{with .Replace}}{{.Path}}{{end}}' "$mod")"
	if [ "$rep" != "./third_party/$name" ]; then
		echo "third_party/$name: go.mod has no 'replace $mod => ./third_party/$name' (has: ${rep:-none})" >&2
		return 1
	fi
	dir="$(cd "$scratch" && go mod download -json "$mod@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
	if [ -z "$dir" ] || [ ! -d "$dir" ]; then
		echo "third_party/$name: go mod download $mod@$ver gave no folder" >&2
		return 1
	fi
	printf '%s %s %s\n' "$mod" "$ver" "$dir"
}

# rebuild NAME OUT makes upstream + patches of third_party/NAME in OUT.
rebuild() {
	local name="$1" out="$2" mod ver dir f rule glob p
	read -r mod ver dir < <(upstream "$name") || return 1
	[ -n "$dir" ] || return 1
	local rules=() res=()
	if [ -f "third_party/$name/patches/omit" ]; then
		while read -r rule glob; do
			case "$rule" in
			"" | "#"*) continue ;;
			omit | keep) ;;
			*)
				echo "third_party/$name/patches/omit: a rule is 'omit GLOB' or 'keep GLOB', not '$rule $glob'" >&2
				return 1
				;;
			esac
			rules+=("$rule")
			res+=("$(glob_re "$glob")")
		done <"third_party/$name/patches/omit"
	fi
	mkdir -p "$out"
	local kept=0 left=0 i list="$out.list"
	: >"$list"
	while IFS= read -r -d '' f; do
		for ((i = 0; i < ${#rules[@]}; i++)); do
			if [[ "$f" =~ ${res[i]} ]]; then
				[ "${rules[i]}" = omit ] && continue 2
				break
			fi
		done
		printf '%s\0' "$f" >>"$list"
		kept=$((kept + 1))
	done < <(cd "$dir" && find . -type f -printf '%P\0' | sort -z)
	tar -C "$dir" --null -T "$list" -cf - | tar -C "$out" -xf - || return 1
	chmod -R u+w "$out"
	for p in "third_party/$name"/patches/*.patch; do
		[ -e "$p" ] || continue
		if [ ! -s "$p" ]; then
			# diff NAME > patches/NEW.patch: the shell made NEW empty first.
			[ "$cmd" = diff ] && continue
			echo "third_party/$name: $p is empty" >&2
			return 1
		fi
		if ! (cd "$out" && git apply -p1 --whitespace=nowarn "$root/$p"); then
			echo "third_party/$name: $p does not apply to $mod@$ver" >&2
			return 1
		fi
		left=$((left + 1))
		# A Go file a patch makes or changes must be gofmt-formatted, unless
		# upstream's own file was not (scripts/test.sh's gofmt step leaves
		# third_party/ to this check: upstream's formatting is upstream's).
		while IFS= read -r f; do
			[ -e "$out/$f" ] || continue
			if [ -n "$(gofmt -l "$out/$f")" ] && { [ ! -e "$dir/$f" ] || [ -z "$(gofmt -l "$dir/$f")" ]; }; then
				echo "third_party/$name: $p leaves $f not gofmt-formatted" >&2
				return 1
			fi
		done < <(sed -n 's#^+++ b/\(.*\.go\)$#\1#p' "$p")
	done
	echo "third_party/$name: $mod@$ver, $kept files, $left patches" >&2
}

# files DIR lists DIR's files but a copy's own (PATCHES.md, patches/).
files() {
	(cd "$1" && find . -type f -printf '%P\n' | grep -v -e '^PATCHES\.md$' -e '^patches/' | LC_ALL=C sort)
}

# compare A B prints a patch from A (rebuilt) to B (the copy): a/ b/ paths.
compare() {
	local a="$1" b="$2" f
	while IFS= read -r f; do
		# An empty file gives no hunk: its --- +++ lines are printed anyway.
		if [ ! -e "$b/$f" ]; then
			[ -s "$a/$f" ] || printf -- '--- a/%s\n+++ /dev/null\n' "$f"
			diff -u --label "a/$f" --label /dev/null "$a/$f" /dev/null
		elif [ ! -e "$a/$f" ]; then
			[ -s "$b/$f" ] || printf -- '--- /dev/null\n+++ b/%s\n' "$f"
			diff -u --label /dev/null --label "b/$f" /dev/null "$b/$f"
		elif ! cmp -s "$a/$f" "$b/$f"; then
			diff -u --label "a/$f" --label "b/$f" "$a/$f" "$b/$f"
		fi
	done < <(LC_ALL=C sort -u <(files "$a") <(files "$b"))
	return 0
}

# names lists the copies (third_party/*/ with a patches/ folder).
names() {
	local d
	for d in third_party/*/; do
		[ -d "$d/patches" ] && basename "$d"
	done
}

cmd=check
case "${1:-}" in
check | write | diff)
	cmd="$1"
	shift
	;;
-h | --help)
	sed -n '2,34p' "$0"
	exit 0
	;;
esac
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	[ "$cmd" = check ] || {
		echo "usage: scripts/patches.sh $cmd NAME" >&2
		exit 2
	}
	mapfile -t targets < <(names)
fi

status=0
for name in "${targets[@]}"; do
	if [ ! -d "third_party/$name/patches" ]; then
		echo "third_party/$name: no such copy (a folder with patches/)" >&2
		status=1
		continue
	fi
	out="$scratch/$name"
	if ! rebuild "$name" "$out"; then
		status=1
		continue
	fi
	case "$cmd" in
	check)
		d="$(compare "$out" "third_party/$name")"
		if [ -n "$d" ]; then
			echo "FAIL third_party/$name differs from upstream + its patches in:" >&2
			grep -E '^\+\+\+ |^--- ' <<<"$d" | paste - - | sed 's/^/  /' >&2
			echo "the difference (record it as a patch: scripts/patches.sh diff $name > third_party/$name/patches/NNNN-what.patch," >&2
			echo "or undo it: scripts/patches.sh write $name):" >&2
			head -n 200 <<<"$d" >&2
			status=1
		else
			echo "ok   third_party/$name = upstream + $(find "third_party/$name/patches" -name '*.patch' | wc -l) patches"
		fi
		;;
	diff)
		compare "$out" "third_party/$name"
		;;
	write)
		# Replace the module's files of the copy; keep PATCHES.md, patches/.
		while IFS= read -r f; do rm -f "third_party/$name/$f"; done < <(files "third_party/$name")
		find "third_party/$name" -mindepth 1 -type d -empty -delete
		(cd "$out" && tar -cf - .) | (cd "third_party/$name" && tar -xf -)
		echo "third_party/$name written from upstream + its patches"
		;;
	esac
done
exit $status
