package docx

import (
	"strings"
	"testing"

	"jixiao/export/internal/limits"
	"jixiao/internal/testfiles"
)

// docxOf is a document of body's WordprocessingML, read onto the grid.
func docxOf(t *testing.T, body string) *Document {
	t.Helper()
	d, err := Read("t.docx", testfiles.DOCX(body), nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDOCXGridMerges: how table cells land on the grid, case by case
// (ECMA-376 Part 1 §17.4: gridSpan, vMerge restart/continue, a continue
// with nothing above is a plain cell, the legacy hMerge, gridBefore, a
// table inside a cell read as text, mc:AlternateContent read once, a text
// box's paragraphs).
func TestDOCXGridMerges(t *testing.T) {
	tc := func(pr, text string) string {
		return `<w:tc><w:tcPr>` + pr + `</w:tcPr><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	tr := func(pr string, cells ...string) string {
		return `<w:tr>` + pr + strings.Join(cells, "") + `</w:tr>`
	}
	tbl := func(rows ...string) string { return `<w:tbl>` + strings.Join(rows, "") + `</w:tbl>` }
	cases := []struct {
		name   string
		body   string
		cells  [][]string
		merges [][4]int
	}{
		{"gridSpan and vMerge", tbl(
			tr("", tc(`<w:vMerge w:val="restart"/>`, "甲"), tc(`<w:gridSpan w:val="2"/>`, "乙")),
			tr("", tc(`<w:vMerge/>`, ""), tc("", "丙"), tc("", "丁")),
			tr("", tc(`<w:vMerge w:val="continue"/>`, ""), tc("", "戊"), tc("", "己")),
			tr("", tc("", "庚"), tc("", "辛"), tc("", "壬"))),
			[][]string{{"甲", "乙"}, {"", "丙", "丁"}, {"", "戊", "己"}, {"庚", "辛", "壬"}},
			[][4]int{{0, 1, 0, 2}, {0, 0, 2, 0}}},
		{"continue with nothing above", tbl(tr("", tc(`<w:vMerge/>`, "甲"), tc("", "乙"))),
			[][]string{{"甲", "乙"}}, nil},
		{"text in a continued cell joins the first", tbl(
			tr("", tc(`<w:vMerge w:val="restart"/>`, "甲")),
			tr("", tc(`<w:vMerge/>`, "乙"))),
			[][]string{{"甲\n乙"}, nil}, [][4]int{{0, 0, 1, 0}}},
		{"legacy hMerge", tbl(tr("", tc(`<w:hMerge w:val="restart"/>`, "甲"), tc(`<w:hMerge/>`, ""), tc("", "乙"))),
			[][]string{{"甲", "", "乙"}}, [][4]int{{0, 0, 0, 1}}},
		{"gridBefore", tbl(tr(`<w:trPr><w:gridBefore w:val="2"/></w:trPr>`, tc("", "甲"))),
			[][]string{{"", "", "甲"}}, nil},
		{"huge gridSpan is clamped", tbl(tr("", tc(`<w:gridSpan w:val="99999999999"/>`, "甲"), tc("", "乙"))),
			[][]string{{"甲"}}, [][4]int{{0, 0, 0, limits.MaxSheetCols - 1}}},
		{"table in a cell is its text", tbl(tr("", `<w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p>`+tbl(tr("", tc("", "内1"), tc("", "内2")), tr("", tc("", "内3")))+`</w:tc>`)),
			[][]string{{"外\n内1 内2\n内3"}}, nil},
		{"AlternateContent read once", `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>甲</w:t></mc:Choice><mc:Fallback><w:t>甲</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
			[][]string{{"", "甲"}}, nil},
		{"text box", `<w:p><w:r><w:t>标题</w:t></w:r><w:r><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:r></w:p>`,
			[][]string{{"", "标题\n框内"}}, nil},
		{"label then text; tabs are cells", `<w:p><w:r><w:t>部门名称：</w:t></w:r></w:p><w:p><w:r><w:t>某局</w:t></w:r></w:p><w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r></w:p>`,
			[][]string{{"部门名称", "某局"}, {"甲", "乙"}}, nil},
		{"paragraphs after a table sit right of it", tbl(tr("", tc("", "甲"), tc("", "乙"))) + `<w:p><w:r><w:t>填报人：</w:t></w:r></w:p><w:p><w:r><w:t>张三</w:t></w:r></w:p>`,
			[][]string{{"甲", "乙"}, {"", "", "填报人", "张三"}}, nil},
	}
	for _, c := range cases {
		d := docxOf(t, c.body)
		if !equalCells(d.Cells, c.cells) {
			t.Errorf("%s: cells %q, want %q", c.name, d.Cells, c.cells)
		}
		if !equalMerges(d.Merges, c.merges) {
			t.Errorf("%s: merges %v, want %v", c.name, d.Merges, c.merges)
		}
	}
}

func equalCells(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}

func equalMerges(a, b [][4]int) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[[4]int]int{}
	for _, m := range a {
		seen[m]++
	}
	for _, m := range b {
		if seen[m]--; seen[m] < 0 {
			return false
		}
	}
	return true
}
