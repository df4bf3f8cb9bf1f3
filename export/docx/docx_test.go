package docx

import (
	"strings"
	"testing"

	"jixiao/internal/testfiles"
	"jixiao/model"
)

// A table and the paragraphs around it: where each grid cell came from is
// named as a clerk finds it in Word, and the counts are those of the
// document.
func TestReadPlaces(t *testing.T) {
	tbl := testfiles.Table(2, [][]testfiles.WCell{
		{{Text: "任务名称"}, {Text: "主要内容"}},
		{{Text: "甲"}, {Text: "乙"}},
	})
	doc := docxOf(t, testfiles.Para("年度主要任务", "")+tbl+testfiles.Para("填报人：张三", ""))
	if doc.Tables != 1 || doc.Paras != 2 {
		t.Errorf("%d tables, %d paragraphs", doc.Tables, doc.Paras)
	}
	var where []string
	for r := range doc.Cells {
		where = append(where, doc.Place(r, 1))
	}
	want := []string{"表格外第 1 段", "第 1 个表格第 1 行第 2 格", "第 1 个表格第 2 行第 2 格", "表格外第 2 段"}
	if strings.Join(where, "|") != strings.Join(want, "|") {
		t.Errorf("places %q, want %q (cells %q)", where, want, doc.Cells)
	}
	if doc.Place(99, 0) != SheetName {
		t.Errorf("place outside the grid: %q", doc.Place(99, 0))
	}
}

// Is tells a Word document from a workbook and from what is no zip.
func TestIs(t *testing.T) {
	xlsx, err := testfiles.SheetXLSX([][]any{{"任务名称"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"docx", testfiles.DOCX(testfiles.Para("甲", "")), true},
		{"xlsx", xlsx, false},
		{"random", testfiles.Random(1<<10, 3), false},
		{"old .doc", testfiles.OLEDoc(), false},
	} {
		if got := Is(c.data); got != c.want {
			t.Errorf("%s: Is = %v", c.name, got)
		}
	}
}

// Every hostile Word file of internal/testfiles is refused with one plain
// Chinese line naming the file and no internal error.
func TestReadHostile(t *testing.T) {
	files, err := testfiles.HostileDOCXs()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, h := range files {
		if !strings.HasSuffix(h.Name, ".docx") || h.Name == "really-xlsx.docx" || h.Name == "no-form.docx" {
			continue
		}
		n++
		doc, err := Read(h.Name, h.Data, nil)
		switch {
		case err == nil:
			t.Errorf("%s: read (%d rows)", h.Name, len(doc.Cells))
		case model.ErrorCode(err) == model.EINTERNAL || !strings.Contains(err.Error(), h.Name) || strings.Contains(err.Error(), "\n"):
			t.Errorf("%s: %v", h.Name, err)
		}
	}
	if n < 6 {
		t.Errorf("%d hostile Word files", n)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(testfiles.DocxHead + testfiles.Para("年度总体目标", "") + testfiles.Para("目标", "") + testfiles.DocxTail))
	f.Add([]byte(testfiles.DocxHead + testfiles.Table(2, [][]testfiles.WCell{{{Text: "甲"}, {Text: "乙"}}}) + testfiles.DocxTail))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, testfiles.DOCXRaw(data)} {
			doc, err := Read("fuzz.docx", in, nil)
			if err != nil {
				if model.ErrorCode(err) == model.EINTERNAL || strings.Contains(err.Error(), "\n") {
					t.Fatalf("unclassified or not one line: %v", err)
				}
				continue
			}
			for r := range doc.Cells {
				if len(doc.Cells[r]) > 200 {
					t.Fatalf("row %d has %d cells", r, len(doc.Cells[r]))
				}
				_ = doc.Place(r, 0)
			}
		}
	})
}
