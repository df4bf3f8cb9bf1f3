package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteFileCreatesAndReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "局&calc_2020年度.xlsx")
	for _, content := range []string{"first", "second, longer than the first"} {
		if err := WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(p)
		if err != nil || string(got) != content {
			t.Fatalf("read %q, %v; want %q", got, err, content)
		}
	}
	if got := names(t, dir); !slices.Equal(got, []string{"局&calc_2020年度.xlsx"}) {
		t.Errorf("folder holds %q, want only the file", got)
	}
	if runtime.GOOS != "windows" {
		st, _ := os.Stat(p)
		if st.Mode().Perm() != 0o644 {
			t.Errorf("mode %v, want 0644", st.Mode().Perm())
		}
	}
}

// TestWriteFileLeavesPathTmpAlone: a file of the user's named PATH.tmp is
// neither overwritten nor removed (the GUI export used to write there).
func TestWriteFileLeavesPathTmpAlone(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "表.xlsx")
	mine := p + ".tmp"
	if err := os.WriteFile(mine, []byte("the user's own file"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("export"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(mine); err != nil || string(got) != "the user's own file" {
		t.Errorf("%s now %q, %v", mine, got, err)
	}
}

// TestWriteFailureKeepsOldFile: when the content cannot be produced, the
// old file stays as it was and no temporary file is left.
func TestWriteFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "表.pdf")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(p, 0o644, func(w io.Writer) error {
		if _, err := w.Write([]byte("half of the new")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "old" {
		t.Errorf("old file now %q", got)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"表.pdf"}) {
		t.Errorf("folder holds %q", got)
	}
}
