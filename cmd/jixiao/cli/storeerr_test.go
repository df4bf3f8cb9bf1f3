package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"jixiao/model"
	"jixiao/store"
)

// TestStoreErrTellsDraftFromRevision: a missing draft gets the CLI's
// advice, a missing revision the store's own sentence; the two are told
// apart by store.NotFoundError's field, not by the message's text.
func TestStoreErrTellsDraftFromRevision(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&store.NotFoundError{ID: "d9"}, "没有编号为 d9 的草稿，请用 jixiao list 查看"},
		{fmt.Errorf("load: %w", &store.NotFoundError{ID: "d9"}), "没有编号为 d9 的草稿，请用 jixiao list 查看"},
		{&store.NotFoundError{ID: "d9", Revision: 3}, "草稿 d9 没有第 3 版。"},
	}
	for _, c := range cases {
		err := storeErr(c.err, "d9")
		var ue *userError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("storeErr(%v) = %v, want a user error with %q", c.err, err, c.want)
		}
		if !errors.Is(err, store.ErrNotFound) || model.ErrorCode(err) != model.ENOTFOUND {
			t.Errorf("storeErr(%v) = %v: lost the store's error (code %q)", c.err, err, model.ErrorCode(err))
		}
		if c.want == "草稿 d9 没有第 3 版。" && strings.Contains(err.Error(), "jixiao list") {
			t.Errorf("storeErr(%v) = %v: a missing revision is not a missing draft", c.err, err)
		}
	}
}

// TestExitCodeAndMessageByKind: the exit code and the text come from the
// error's kind: a misuse exits 2; a coded problem exits 1 with its own
// message, also when wrapped; an error no one classified exits 1 as a
// program error, never as if the clerk had made a mistake.
func TestExitCodeAndMessageByKind(t *testing.T) {
	notFound := fmt.Errorf("load: %w", &store.NotFoundError{ID: "d9"})
	for _, c := range []struct {
		name string
		err  error
		exit int
		msg  string // "" when run prints nothing of its own
	}{
		{"ok", nil, 0, ""},
		{"findings", errFindings, 1, ""},
		{"usage", usageErrorf("请用 --draft 指定草稿编号"), 2, "请用 --draft 指定草稿编号"},
		{"user", userErrorf("“%s”导出失败：%w", "a.pdf", model.Errorf(model.EIO, "写入 PDF 文件失败：磁盘已满")), 1, "“a.pdf”导出失败：写入 PDF 文件失败：磁盘已满"},
		{"store", userErr(notFound), 1, "load: 没有编号为 d9 的草稿。"},
		{"unclassified", errors.New("index out of range"), 1, "程序内部出错（index out of range）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := exitCode(c.err); got != c.exit {
				t.Errorf("exitCode = %d, want %d", got, c.exit)
			}
			if c.msg != "" && !strings.Contains(model.ErrorMessage(c.err), c.msg) {
				t.Errorf("message %q, want %q", model.ErrorMessage(c.err), c.msg)
			}
		})
	}
	if err := userErr(notFound); !errors.Is(err, store.ErrNotFound) || model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("userErr lost the cause: %v (code %q)", err, model.ErrorCode(err))
	}
}
