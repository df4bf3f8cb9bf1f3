package store

import (
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// checkBolt opens the file at path read-only and fails the test when
// bbolt's consistency check reports anything.
func checkBolt(t testing.TB, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Errorf("bbolt cannot open %s: %v", path, err)
		return
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for e := range tx.Check() {
			t.Errorf("tx.Check(%s): %v", path, e)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}

// fakeClock is a settable clock for a Store.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// openTest opens a new drafts file in a temp folder; when the test ends the
// store is closed and the file checked with tx.Check.
func openTest(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "drafts.db")
	t.Cleanup(func() { checkBolt(t, path) })
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fileHash(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// formJSON is a form's content for comparisons (the times that the store
// sets, Meta.Created and Meta.Updated, left out).
func formJSON(t testing.TB, f *model.Form) string {
	t.Helper()
	g := f.Clone()
	g.Meta.Updated = time.Time{}
	g.Meta.Created = time.Time{}
	g.Version = model.SchemaVersion
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// goodFile makes a drafts file with two drafts and one startup backup, and
// returns the draft ids.
func goodFile(t *testing.T, path string) []string {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Create(model.Sample())
	b, _ := s.Create(model.Generate(300))
	s.Close()
	s, err = Open(path) // the backup holds both drafts
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return []string{a, b}
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// openHeld opens path while another opener holds it and checks what every
// second opener must get: ErrInUse within 2 s, the file left unchanged.
func openHeld(t *testing.T, path string) error {
	t.Helper()
	before := fileHash(t, path)
	start := time.Now()
	s2, err := Open(path)
	elapsed := time.Since(start)
	if err != ErrInUse {
		if s2 != nil {
			s2.Close()
		}
		t.Fatalf("Open while another opener holds the file = %v, want ErrInUse", err)
	}
	if elapsed > 2*time.Second {
		t.Errorf("ErrInUse after %v, want < 2 s", elapsed)
	}
	t.Logf("ErrInUse after %v", elapsed.Round(time.Millisecond))
	if fileHash(t, path) != before {
		t.Errorf("the file changed")
	}
	return err
}
