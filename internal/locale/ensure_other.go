//go:build !cgo || !linux

package locale

// EnsureUTF8 does nothing here: Windows and macOS do not convert typed
// text through the C locale, and without cgo there is no GLFW window.
func EnsureUTF8() Change { return Change{} }
