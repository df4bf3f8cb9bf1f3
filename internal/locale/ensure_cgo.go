//go:build cgo && linux

package locale

/*
#include <locale.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

// utf8_locale reports whether name is an installed locale whose LC_CTYPE
// character set is UTF-8. newlocale does not touch the process's locale.
static int utf8_locale(const char *name) {
	locale_t l = newlocale(LC_CTYPE_MASK, name, (locale_t)0);
	if (l == (locale_t)0)
		return 0;
	const char *cs = nl_langinfo_l(CODESET, l);
	int ok = cs != NULL && strcmp(cs, "UTF-8") == 0;
	freelocale(l);
	return ok;
}

// ctype_from_env does what GLFW does at start (setlocale(LC_CTYPE, ""))
// and returns the character set it got; used by the tests.
static const char *ctype_from_env(void) {
	if (setlocale(LC_CTYPE, "") == NULL)
		return "";
	return nl_langinfo(CODESET);
}
*/
import "C"

import (
	"os"
	"unsafe"
)

// Usable reports whether name is an installed UTF-8 locale, asking the C
// library (the one Xlib converts with).
func Usable(name string) bool {
	if name == "" {
		return false
	}
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	return C.utf8_locale(cs) != 0
}

// EnsureUTF8 applies Decide to the process environment. Call it before
// Fyne (GLFW) starts. With cgo, os.Setenv also updates the C library's
// environment, which setlocale reads.
func EnsureUTF8() Change {
	ch := Decide(os.Getenv, Usable)
	for _, v := range ch.Unset {
		os.Unsetenv(v)
	}
	for _, kv := range ch.Set {
		os.Setenv(kv[0], kv[1])
	}
	return ch
}

// codesetFromEnv sets the process's LC_CTYPE from the environment, as GLFW
// does when it starts, and returns its character set ("UTF-8", or e.g.
// "ANSI_X3.4-1968" for the C locale). For tests.
func codesetFromEnv() string { return C.GoString(C.ctype_from_env()) }
