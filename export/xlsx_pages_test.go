package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/layout"
	"jixiao/export/xlsx"
	"jixiao/model"
)

// printedForms are the forms whose printout is checked: the sample, the
// form with every optional column and odd texts, a 5,000-task form (units
// of 25 tasks, 534 targets: groups taller than a page) and the example of
// every built-in template.
func printedForms() map[string]*model.Form {
	forms := map[string]*model.Form{"sample": model.Sample(), "tricky": tricky(), "5000": model.Generate(5000)}
	for _, tp := range model.BuiltinTemplates() {
		forms["example "+tp.ID] = model.TemplateExample(tp)
	}
	return forms
}

// sheetPrint is what the visible sheet's XML says about printing.
type sheetPrint struct {
	scale   int
	heights map[int]float64 // row number (1-based) → height
	nrows   int
	breaks  []int       // brk ids: a page ends after this row (1-based)
	merges  [][4]int    // r1, c1, r2, c2 (1-based)
	cells   [][]string  // values (GetRows, raw)
	pages   [][2]int    // first and last row (1-based) of each page
	xml     []byte      // the sheet's XML
	zip     *zip.Reader // the package
}

func readSheetPrint(t *testing.T, data []byte) *sheetPrint {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	sp := &sheetPrint{heights: map[int]float64{}, zip: zr}
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	path := xlsx.SheetPaths(xf)[SheetName]
	sp.xml = zipPart(t, zr, path)
	var ws struct {
		Rows []struct {
			R  int     `xml:"r,attr"`
			Ht float64 `xml:"ht,attr"`
		} `xml:"sheetData>row"`
		Merges []struct {
			Ref string `xml:"ref,attr"`
		} `xml:"mergeCells>mergeCell"`
		Breaks []struct {
			ID  int  `xml:"id,attr"`
			Man bool `xml:"man,attr"`
		} `xml:"rowBreaks>brk"`
		Setup struct {
			Scale int `xml:"scale,attr"`
		} `xml:"pageSetup"`
		Props *struct {
			FitToPage bool `xml:"fitToPage,attr"`
		} `xml:"sheetPr>pageSetUpPr"`
	}
	if err := xml.Unmarshal(sp.xml, &ws); err != nil {
		t.Fatal(err)
	}
	if ws.Props != nil && ws.Props.FitToPage {
		t.Error("fitToPage is set: Excel ignores manual page breaks when fitting to pages")
	}
	sp.scale = ws.Setup.Scale
	for _, r := range ws.Rows {
		sp.heights[r.R] = r.Ht
		sp.nrows = max(sp.nrows, r.R)
	}
	for _, m := range ws.Merges {
		a, b, _ := strings.Cut(m.Ref, ":")
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		c2, r2, err2 := excelize.CellNameToCoordinates(b)
		if err1 != nil || err2 != nil {
			t.Fatalf("merge %q", m.Ref)
		}
		sp.merges = append(sp.merges, [4]int{r1, c1, r2, c2})
	}
	first := 1
	for _, b := range ws.Breaks {
		if !b.Man {
			t.Errorf("break after row %d is not manual", b.ID)
		}
		sp.breaks = append(sp.breaks, b.ID)
		sp.pages = append(sp.pages, [2]int{first, b.ID})
		first = b.ID + 1
	}
	sp.pages = append(sp.pages, [2]int{first, sp.nrows})
	sp.cells, err = xf.GetRows(SheetName, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

func zipPart(t *testing.T, zr *zip.Reader, name string) []byte {
	t.Helper()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

func (sp *sheetPrint) at(r, c int) string { // 1-based
	if r-1 < len(sp.cells) && c-1 < len(sp.cells[r-1]) {
		return sp.cells[r-1][c-1]
	}
	return ""
}

// TestPrintedPages checks the written file's page breaks against its own
// row heights and print scale: every page fits on A4 at that scale, no
// merged range crosses a break, every page after the first starts with
// the column headers of its table (or with the continued 年度总体目标),
// the first row under a repeated header names its unit or indicator group,
// and the file imports back to the same form, with and without the hidden
// data.
func TestPrintedPages(t *testing.T) {
	for name, f := range printedForms() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteXLSX(&buf, f); err != nil {
				t.Fatal(err)
			}
			sp := readSheetPrint(t, buf.Bytes())
			checkPrintedPages(t, sp)
			if name == "5000" && len(sp.pages) < 100 {
				t.Errorf("5,000 tasks printed on %d pages", len(sp.pages))
			}
			t.Logf("%d rows on %d pages at %d%%", sp.nrows, len(sp.pages), sp.scale)
			for _, visibleOnly := range []bool{false, true} {
				data := buf.Bytes()
				if visibleOnly {
					data = withoutDataSheet(t, data)
				}
				got, rep, err := ImportBytes("x.xlsx", data, ImportOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if xlsx.VisibleKey(got) != xlsx.VisibleKey(f) {
					t.Errorf("visibleOnly=%v: the import differs from the form:\n%s", visibleOnly, firstDiff(xlsx.VisibleKey(f), xlsx.VisibleKey(got)))
				}
				if !visibleOnly && !strings.Contains(rep.String(), "完整读取") {
					t.Errorf("hidden data not used: %s", rep)
				}
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		x, y := at(al, i), at(bl, i)
		if x != y {
			return fmt.Sprintf("line %d:\nwant %v\n got %v", i+1, x, y)
		}
	}
	return ""
}

func checkPrintedPages(t *testing.T, sp *sheetPrint) {
	t.Helper()
	if sp.scale < 10 || sp.scale > 100 {
		t.Fatalf("print scale %d%%", sp.scale)
	}
	body := (xlsx.PageShortPt - 2*xlsx.MarginTBIn*xlsx.PtPerIn) * 100 / float64(sp.scale)
	pageOf := func(r int) int {
		for i, p := range sp.pages {
			if r <= p[1] {
				return i
			}
		}
		return len(sp.pages) - 1
	}
	for i, p := range sp.pages {
		h := 0.0
		for r := p[0]; r <= p[1]; r++ {
			if sp.heights[r] == 0 {
				t.Errorf("row %d has no height", r)
			}
			h += sp.heights[r]
		}
		if h > body {
			t.Errorf("page %d (rows %d–%d) is %.1f pt high, the page holds %.1f pt at %d%%", i+1, p[0], p[1], h, body, sp.scale)
		}
	}
	for _, m := range sp.merges {
		if pageOf(m[0]) != pageOf(m[2]) {
			t.Errorf("merged range rows %d–%d (%q) crosses the break after row %d", m[0], m[2], sp.at(m[0], m[1]), sp.pages[pageOf(m[0])][1])
		}
	}
	mergedTop := map[[2]int]int{} // top-left → last row
	covered := map[[2]int]bool{}
	for _, m := range sp.merges {
		mergedTop[[2]int{m[0], m[1]}] = m[2]
		for r := m[0]; r <= m[2]; r++ {
			for c := m[1]; c <= m[3]; c++ {
				if r != m[0] || c != m[1] {
					covered[[2]int{r, c}] = true
				}
			}
		}
	}
	// The sections by their first header rows.
	taskHdr, indHdr := 0, 0
	for r := 1; r <= sp.nrows; r++ {
		switch {
		case taskHdr == 0 && sp.at(r, 1) == "任务名称":
			taskHdr = r
		case indHdr == 0 && sp.at(r, 1) == "一级指标":
			indHdr = r
		}
	}
	if taskHdr == 0 {
		taskHdr = indHdr // a 表样 without a task table (湖北, 湖南)
	}
	if taskHdr == 0 || indHdr == 0 {
		t.Fatalf("headers not found: 任务名称 row %d, 一级指标 row %d", taskHdr, indHdr)
	}
	for i, p := range sp.pages[1:] {
		r := p[0]
		a := sp.at(r, 1)
		switch {
		case strings.HasPrefix(a, "年度总体目标") && r < taskHdr:
			if !strings.HasSuffix(a, layout.ContMark) {
				t.Errorf("page %d starts with the targets without （续）: %q", i+2, a)
			}
		case a == "任务名称" && sp.at(r, 3) == "主要内容" && r >= taskHdr && r < indHdr:
			// The next row after the two header rows names its unit.
			d := r + 2
			if d <= p[1] && sp.at(d, 1) != "合计" && (covered[[2]int{d, 1}] || strings.TrimSpace(sp.at(d, 1)) == "") && sp.at(d, 3) != "" {
				t.Errorf("page %d: the first task row %d has no unit name", i+2, d)
			}
			// A unit continued from the previous page says so.
			top := r - 1
			for covered[[2]int{top, 1}] {
				top--
			}
			if prev := sp.at(top, 1); d <= p[1] && prev != "合计" && prev != "" && sp.at(d, 1) != "" && strings.TrimSuffix(sp.at(d, 1), layout.ContMark) == prev && !strings.HasSuffix(sp.at(d, 1), layout.ContMark) {
				t.Errorf("page %d: unit %q continued without （续）", i+2, prev)
			}
		case a == "一级指标" && sp.at(r, 3) == "三级指标" && r >= indHdr:
			d := r + 1
			if d <= p[1] && covered[[2]int{d, 1}] {
				t.Errorf("page %d: the first indicator row %d has no 一级指标", i+2, d)
			}
		default:
			t.Errorf("page %d starts with row %d (%q, %q), not with a table header", i+2, r, a, sp.at(r, 3))
		}
	}
}

// TestLongTextRoundTrip: a text longer than a cell holds (32,767
// characters) shows cut short in the sheet, and the file still imports
// the whole text from its hidden data.
func TestLongTextRoundTrip(t *testing.T) {
	f := model.Sample()
	f.Goals[0].Text = strings.Repeat("长", 40_000)
	f.Dept = strings.Repeat("很长的部门名称&", 60)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, f); err != nil {
		t.Fatal(err)
	}
	got, rep, err := ImportBytes("x.xlsx", buf.Bytes(), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Goals[0].Text != f.Goals[0].Text || got.Dept != f.Dept {
		t.Errorf("long texts cut: goal %d of %d characters, dept %q; %s", len([]rune(got.Goals[0].Text)), 40_000, got.Dept, rep)
	}
}
