package cli

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"jixiao/model"
	"jixiao/store"
)

// TestMergeSavedAfterSixtySaves: a draft saved 60 times (autosave gets
// there in one sitting) keeps store.KeepRecent revisions, so their count
// no longer grows. merge used to compare the counts before and after and
// said 草稿内容没有变化 after a merge that was saved (seen failing before
// the fix); it compares the newest revision numbers now.
func TestMergeSavedAfterSixtySaves(t *testing.T) {
	db, id := mergeNewDraft(t, model.New(model.SampleYear, model.SampleDept, time.Now()))
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= 60; i++ {
		f.Goals = []model.Goal{{Text: "第" + strconv.Itoa(i) + "次保存"}}
		if err := st.Save(id, f); err != nil {
			t.Fatal(err)
		}
	}
	revs, err := st.Revisions(id)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if revs[0].N != 60 || len(revs) != store.KeepRecent {
		t.Fatalf("before the merge: newest revision %d, %d kept; want 60 and %d", revs[0].N, len(revs), store.KeepRecent)
	}
	files := mergeUnitFiles(t, t.TempDir(), nil)
	code, out, errOut := mergeRun("merge", "--db", db, "--into", id, "--yes", files[1])
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(out, "草稿内容没有变化") || !strings.Contains(out, "已保存。如需撤销，可在“历史版本”中恢复合并前的版本（第 60 版）") {
		t.Errorf("merge output:\n%s", out)
	}
	got, revs := mergeLoadDraft(t, db, id)
	if len(got.Units) != 1 || revs[0].N != 61 {
		t.Errorf("after the merge: %d units, newest revision %d; want 1 and 61", len(got.Units), revs[0].N)
	}
}
