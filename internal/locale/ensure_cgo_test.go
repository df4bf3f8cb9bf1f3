//go:build cgo && linux

package locale

import (
	"os"
	"testing"
)

func TestUsable(t *testing.T) {
	// Debian's libc-bin ships C.UTF-8 (locale -a lists C.utf8).
	for name, want := range map[string]bool{
		"C.UTF-8":          true,
		"C.utf8":           true,
		"C":                false,
		"POSIX":            false,
		"":                 false,
		"xx_XX.UTF-8":      false,
		"zz_QQ.NOTACODING": false,
	} {
		if got := Usable(name); got != want {
			t.Errorf("Usable(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestEnsureUTF8 checks what GLFW will get: after EnsureUTF8, the C
// library's setlocale(LC_CTYPE, "") yields a UTF-8 character set.
func TestEnsureUTF8(t *testing.T) {
	for _, env := range []map[string]string{
		{"LANG": "C"},
		{"LANG": ""},
		{"LANG": "zh_CN.UTF-8"}, // not installed on the test machine
		{"LC_ALL": "C", "LANG": "C.UTF-8"},
		{"LC_CTYPE": "POSIX", "LANG": "C.UTF-8"},
	} {
		for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
			t.Setenv(k, env[k])
		}
		if cs := codesetFromEnv(); cs == "UTF-8" && !Usable(env["LANG"]) && env["LC_CTYPE"] == "" && env["LC_ALL"] == "" {
			t.Fatalf("%v: test set-up: C library already gives UTF-8", env)
		}
		ch := EnsureUTF8()
		if ch.NoUTF8 {
			t.Fatalf("%v: no UTF-8 locale installed on this machine", env)
		}
		if cs := codesetFromEnv(); cs != "UTF-8" {
			t.Errorf("%v → change %+v: setlocale(LC_CTYPE, \"\") gives %q, want UTF-8", env, ch, cs)
		}
		if _, set := os.LookupEnv("LC_ALL"); set && os.Getenv("LC_ALL") != "" && !Usable(os.Getenv("LC_ALL")) {
			t.Errorf("%v: LC_ALL=%q still overrides", env, os.Getenv("LC_ALL"))
		}
	}
}
