package model

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

type codedErr struct{ code string }

func (e *codedErr) Error() string     { return "已编码的错误" }
func (e *codedErr) ErrorCode() string { return e.code }

func TestErrorCodeAndMessage(t *testing.T) {
	notExist := &fs.PathError{Op: "open", Path: "a.xlsx", Err: fs.ErrNotExist}
	for _, tc := range []struct {
		name    string
		err     error
		code    string
		msg     string // "" for none; "*" prefix: the message contains the rest
		isNotEx bool
	}{
		{name: "nil", err: nil, code: "", msg: ""},
		{name: "plain", err: Errorf(EINVALID, "年度“%s”不对", "20x1"), code: EINVALID, msg: "年度“20x1”不对"},
		{name: "wrap with %w", err: Errorf(EIO, "无法读取文件“a.xlsx”：%w", notExist), code: EIO, msg: "无法读取文件“a.xlsx”：open a.xlsx: file does not exist", isNotEx: true},
		{name: "Wrap keeps cause out of text", err: Wrap(notExist, ENOTFOUND, "找不到文件“%s”", "a.xlsx"), code: ENOTFOUND, msg: "找不到文件“a.xlsx”", isNotEx: true},
		{name: "outer fmt.Errorf keeps inner code and adds its text", err: fmt.Errorf("“a.xlsx”导出失败：%w", Errorf(EIO, "磁盘已满")), code: EIO, msg: "“a.xlsx”导出失败：磁盘已满"},
		{name: "outermost code wins", err: Errorf(ECONFLICT, "外层：%w", Errorf(EINVALID, "内层")), code: ECONFLICT, msg: "外层：内层"},
		{name: "other package's coded error", err: fmt.Errorf("打开：%w", &codedErr{EDAMAGED}), code: EDAMAGED, msg: "打开：已编码的错误"},
		{name: "joined", err: errors.Join(errors.New("x"), Errorf(ENOTFOUND, "没有")), code: ENOTFOUND, msg: "x\n没有"},
		{name: "uncoded is internal", err: errors.New("index out of range"), code: EINTERNAL, msg: "*程序内部出错（index out of range）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ErrorCode(tc.err); got != tc.code {
				t.Errorf("ErrorCode = %q, want %q", got, tc.code)
			}
			got := ErrorMessage(tc.err)
			if want, ok := strings.CutPrefix(tc.msg, "*"); ok {
				if !strings.Contains(got, want) || !strings.Contains(got, "技术支持") {
					t.Errorf("ErrorMessage = %q, want it to contain %q and name support", got, want)
				}
			} else if got != tc.msg {
				t.Errorf("ErrorMessage = %q, want %q", got, tc.msg)
			}
			if errors.Is(tc.err, fs.ErrNotExist) != tc.isNotEx {
				t.Errorf("errors.Is(fs.ErrNotExist) = %v, want %v", !tc.isNotEx, tc.isNotEx)
			}
		})
	}
}

func TestErrorfWithoutWrapHasNoCause(t *testing.T) {
	if e := Errorf(EINVALID, "数量 %d 不对", 3); e.Err != nil || errors.Unwrap(e) != nil {
		t.Fatalf("cause = %v, want none", e.Err)
	}
	var pe *fs.PathError
	e := Errorf(EIO, "写入失败：%w", &fs.PathError{Op: "write", Path: "x", Err: fs.ErrPermission})
	if !errors.As(e, &pe) || pe.Path != "x" || !errors.Is(e, fs.ErrPermission) {
		t.Fatalf("errors.As/Is through Errorf's %%w failed: %v", e)
	}
}
