package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"

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
		if c.want == "草稿 d9 没有第 3 版。" && strings.Contains(err.Error(), "jixiao list") {
			t.Errorf("storeErr(%v) = %v: a missing revision is not a missing draft", c.err, err)
		}
	}
}
