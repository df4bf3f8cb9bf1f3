package export

import (
	"os"
	"path/filepath"
	"testing"

	"jixiao/model"
)

// TestDumpSample writes the sample's files to $JIXIAO_DUMP (to look at
// them); it is skipped when the variable is not set.
func TestDumpSample(t *testing.T) {
	dir := os.Getenv("JIXIAO_DUMP")
	if dir == "" {
		t.Skip("JIXIAO_DUMP not set")
	}
	f := model.Sample()
	write := func(name string, fn func(*os.File) error) {
		out, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := fn(out); err != nil {
			t.Fatal(err)
		}
		out.Close()
	}
	write("sample.xlsx", func(o *os.File) error { return WriteXLSX(o, f) })
	write("sample.json", func(o *os.File) error { return WriteJSON(o, f) })
	write("sample.pdf", func(o *os.File) error { _, err := WritePDF(o, f); return err })
}
