// Package locale makes sure the window's process reads keyboard and input
// method text as UTF-8.
//
// On Linux, GLFW (under Fyne) gets typed text from X11 with
// Xutf8LookupString, which converts from the process's LC_CTYPE. When the
// environment names no UTF-8 locale (LANG=C, LANG unset, or a locale that
// is not installed), an input method such as fcitx5 still swallows the
// keys, but nothing arrives in the field: the clerk types and sees nothing.
// GLFW itself calls setlocale(LC_CTYPE, "") while it initialises (only
// when the locale is still "C"), so it is enough to fix the environment
// before Fyne starts; EnsureUTF8 does that.
package locale

import "strings"

// Change is what the environment needs: variables to set, in order, and
// variables to remove. A zero Change means the environment is fine.
type Change struct {
	Set   [][2]string // name, value
	Unset []string
	// NoUTF8 is true when a change was needed but no candidate locale is
	// installed; Set and Unset are then empty.
	NoUTF8 bool
}

// Empty reports whether nothing needs to change.
func (c Change) Empty() bool { return len(c.Set) == 0 && len(c.Unset) == 0 }

// Effective is the locale that decides LC_CTYPE under POSIX precedence:
// LC_ALL, then LC_CTYPE, then LANG (the first that is set and not empty).
func Effective(getenv func(string) string) (name, from string) {
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if s := getenv(v); s != "" {
			return s, v
		}
	}
	return "", ""
}

// Decide returns the change that gives the process a UTF-8 LC_CTYPE.
// getenv reads the environment; usable reports whether a locale name is
// installed and has the UTF-8 character set (the real check asks the C
// library, see EnsureUTF8; tests pass a table).
//
// When the effective locale is a usable UTF-8 locale nothing changes.
// Otherwise LC_CTYPE is set to the first usable of: the same language and
// territory in UTF-8 (zh_CN.GBK → zh_CN.UTF-8), C.UTF-8, C.utf8. An LC_ALL
// would override LC_CTYPE, so it is removed, and its value moves to LANG
// so that the other categories (messages, numbers, dates) stay as they
// were.
func Decide(getenv func(string) string, usable func(string) bool) Change {
	cur, from := Effective(getenv)
	if cur != "" && usable(cur) {
		return Change{}
	}
	var target string
	for _, c := range candidates(cur) {
		if usable(c) {
			target = c
			break
		}
	}
	if target == "" {
		return Change{NoUTF8: true}
	}
	var ch Change
	if from == "LC_ALL" {
		ch.Unset = append(ch.Unset, "LC_ALL")
		ch.Set = append(ch.Set, [2]string{"LANG", cur})
	}
	ch.Set = append(ch.Set, [2]string{"LC_CTYPE", target})
	return ch
}

// candidates are the UTF-8 locales tried for a non-UTF-8 or missing
// locale name, best first.
func candidates(cur string) []string {
	var out []string
	base := cur
	if i := strings.IndexAny(base, ".@"); i >= 0 {
		base = base[:i]
	}
	// Only a language_TERRITORY name has a UTF-8 twin worth trying
	// ("C", "POSIX" and "" do not).
	if len(base) >= 2 && base != "C" && base != "POSIX" {
		out = append(out, base+".UTF-8")
	}
	return append(out, "C.UTF-8", "C.utf8")
}
