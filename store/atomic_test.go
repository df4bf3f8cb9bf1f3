package store

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"jixiao/model"
)

// writer saves draft id n times from another goroutine, goal 1 counting
// up from 1, as autosave does while the clerk types; it starts when start
// is closed.
func writer(t *testing.T, s *Store, id string, n int, start <-chan struct{}) *sync.WaitGroup {
	t.Helper()
	f, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-start
		for k := 1; k <= n; k++ {
			f.Goals[0].Text = strconv.Itoa(k)
			if err := s.Save(id, f); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	return &wg
}

// goalNumbers returns goal 1 of every kept revision of id, oldest first.
func goalNumbers(t *testing.T, s *Store, id string) []int {
	t.Helper()
	revs, err := s.Revisions(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for i := len(revs) - 1; i >= 0; i-- {
		f, err := s.LoadRevision(id, revs[i].N)
		if err != nil {
			t.Fatal(err)
		}
		k, err := strconv.Atoi(f.Goals[0].Text)
		if err != nil {
			t.Fatalf("revision %d: goal 1 is %q", revs[i].N, f.Goals[0].Text)
		}
		out = append(out, k)
	}
	return out
}

func counterDraft(t *testing.T, s *Store) string {
	t.Helper()
	f := model.New("2026", "部门", time.Time{})
	f.InsertGoal(0, "0")
	id, err := s.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestRenameKeepsConcurrentSave: Rename while another goroutine saves.
// Rename used to load in one transaction and save in a second one, so a
// save that committed in between was undone by the rename (goal 1 went
// back to an older number). Now it is one transaction and the numbers
// along the revisions never go back. (Seen failing before the fix: goal 1
// went back in most runs.)
func TestRenameKeepsConcurrentSave(t *testing.T) {
	s, _ := openTest(t)
	id := counterDraft(t, s)
	const n = 20 // 1 + 2n revisions, all kept (KeepRecent)
	start := make(chan struct{})
	wg := writer(t, s, id, n, start)
	close(start)
	for i := 0; i < n; i++ {
		if err := s.Rename(id, "部门"+strconv.Itoa(i)); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	ks := goalNumbers(t, s, id)
	for i := 1; i < len(ks); i++ {
		if ks[i] < ks[i-1] {
			t.Fatalf("goal 1 along the revisions: %v: a rename undid a save", ks)
		}
	}
	if ks[len(ks)-1] != n {
		t.Errorf("last revision has goal 1 = %d, want %d", ks[len(ks)-1], n)
	}
}

// TestDuplicateAndRestoreWithConcurrentWriter: Duplicate and
// RestoreRevision run in one write transaction each while another
// goroutine saves: each copy is a revision the source really had, each
// restore writes exactly revision 1's content, and nothing deadlocks
// (the load runs inside the write transaction, not in a second one).
func TestDuplicateAndRestoreWithConcurrentWriter(t *testing.T) {
	s, _ := openTest(t)
	id := counterDraft(t, s)
	const n = 15
	start := make(chan struct{})
	wg := writer(t, s, id, n, start)
	close(start)
	var copies []string
	for i := 0; i < 5; i++ {
		c, err := s.Duplicate(id)
		if err != nil {
			t.Fatal(err)
		}
		copies = append(copies, c)
		if err := s.RestoreRevision(id, 1); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	for _, c := range copies {
		f, err := s.Load(c)
		if err != nil {
			t.Fatal(err)
		}
		if k, err := strconv.Atoi(f.Goals[0].Text); err != nil || k < 0 || k > n {
			t.Errorf("copy %s has goal 1 = %q", c, f.Goals[0].Text)
		}
		if f.Meta.OriginDraft != id || !strings.Contains(f.Meta.Origin, id) {
			t.Errorf("copy %s: origin %q / %q", c, f.Meta.Origin, f.Meta.OriginDraft)
		}
	}
	revs, err := s.Revisions(id)
	if err != nil {
		t.Fatal(err)
	}
	restores := 0
	for _, r := range revs {
		if !strings.HasPrefix(r.Summary, "恢复为第 1 版") {
			continue
		}
		restores++
		f, err := s.LoadRevision(id, r.N)
		if err != nil {
			t.Fatal(err)
		}
		if f.Goals[0].Text != "0" {
			t.Errorf("revision %d restores revision 1 but has goal 1 = %q", r.N, f.Goals[0].Text)
		}
	}
	if restores == 0 {
		t.Errorf("no restore revision among %d", len(revs))
	}
}
