package model

import (
	"errors"
	"fmt"
)

// jixiao's error vocabulary (after benbjohnson/wtf's error.go). An error
// that the clerk may see carries a Code, which says what kind of problem it
// is, and a Message in plain Chinese, which says where the problem is and
// what to do. The edges (the command line, the window) choose the exit code,
// the dialog's title and any advice from the code, and show the message;
// nothing matches on the text. An error raised because of an OS or library
// error keeps that cause (Err), so errors.Is(err, fs.ErrNotExist) and
// errors.As work through it. docs/errors.md says how new code uses this.

// Error codes.
const (
	// ENOTFOUND: a file, draft, revision, template or sheet that does not
	// exist.
	ENOTFOUND = "not_found"
	// EINVALID: input that is not what it should be — a file that is not a
	// form, a value that is not a year, a missing reason. The clerk fixes
	// the input and tries again.
	EINVALID = "invalid"
	// ECONFLICT: the input is fine but does not fit the current state —
	// another window holds the file, a draft is in another stage, files
	// of different templates or years.
	ECONFLICT = "conflict"
	// EUNSUPPORTED: a file this program cannot read as it is — written by
	// a newer jixiao, an old Excel 95 file, a password-protected workbook.
	EUNSUPPORTED = "unsupported"
	// EDAMAGED: a file whose content is broken (the drafts file, a
	// backup, an imported workbook).
	EDAMAGED = "damaged"
	// EIO: the system refused to read or write (permissions, a full disk, a
	// file open in another program).
	EIO = "io"
	// EINTERNAL: a bug of ours; the message asks the clerk to tell support.
	EINTERNAL = "internal"
)

// Error is an error with a code and a message for the clerk.
type Error struct {
	Code    string // one of the E… codes above
	Message string // plain Chinese, shown as it is
	Err     error  // the cause, if any (an OS or library error)
}

// Error returns the message: errors in jixiao are written for the clerk.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with code and the message formatted as by
// fmt.Errorf: a %w verb (or several) makes its operand the cause, so
// errors.Is and errors.As see it, and its text appears where the verb is.
func Errorf(code, format string, args ...any) *Error {
	err := fmt.Errorf(format, args...)
	e := &Error{Code: code, Message: err.Error()}
	switch err.(type) {
	case interface{ Unwrap() error }, interface{ Unwrap() []error }:
		e.Err = err
	}
	return e
}

// Wrap returns an *Error with code, the message formatted by fmt.Sprintf
// and cause as its cause, which does not appear in the message (for
// messages that already say what the cause means).
func Wrap(cause error, code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: cause}
}

// coder is implemented by error types of other packages that carry a code
// (the store's NotFoundError, DamagedError …).
type coder interface{ ErrorCode() string }

// ErrorCode returns the code of the outermost *Error (or code-carrying
// error) in err's chain, "" for nil and EINTERNAL for an error without a
// code: an error no one classified is treated as a bug of ours.
func ErrorCode(err error) string {
	switch t := err.(type) {
	case nil:
		return ""
	case *Error:
		return t.Code
	case coder:
		return t.ErrorCode()
	case interface{ Unwrap() error }:
		if c := ErrorCode(t.Unwrap()); c != "" {
			return c
		}
	case interface{ Unwrap() []error }:
		for _, x := range t.Unwrap() {
			if c := ErrorCode(x); c != "" && c != EINTERNAL {
				return c
			}
		}
	}
	return EINTERNAL
}

// ErrorMessage returns the text to show the clerk for err: "" for nil, the
// whole error text when err's chain carries a code (jixiao's messages are
// Chinese at every level, each adding where it happened), and for an error
// without a code a Chinese sentence saying that the program failed, with
// the error's own text in brackets for support.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	var c coder
	if errors.As(err, &e) || errors.As(err, &c) {
		return err.Error()
	}
	return "程序内部出错（" + err.Error() + "），这次操作没有完成。请重新打开程序再试；如果仍然出错，请把这条消息告诉技术支持。"
}
