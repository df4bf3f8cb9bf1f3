package export

import (
	"archive/zip"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/layout"
	"jixiao/export/xlsx"
	"jixiao/model"
)

func openXLSX(t *testing.T, f *model.Form) (*excelize.File, string) {
	t.Helper()
	p := writeXLSXFile(t, f)
	xf, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xf.Close() })
	return xf, p
}

// findCell returns the address of the first cell whose value is v.
func findCell(t *testing.T, xf *excelize.File, v string) string {
	t.Helper()
	rows, err := xf.GetRows(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, x := range row {
			if x == v {
				a, _ := excelize.CoordinatesToCellName(c+1, r+1)
				return a
			}
		}
	}
	t.Fatalf("no cell %q", v)
	return ""
}

func TestXLSXLayout(t *testing.T) {
	f := model.Sample()
	xf, p := openXLSX(t, f)
	if got := xf.GetSheetList(); len(got) != 2 || got[0] != SheetName || got[1] != DataSheetName {
		t.Fatalf("sheets %v", got)
	}
	if vis, _ := xf.GetSheetVisible(DataSheetName); vis {
		t.Error("data sheet visible")
	}
	if vis, _ := xf.GetSheetVisible(SheetName); !vis {
		t.Error("form sheet hidden")
	}
	cell := func(a string) string {
		v, err := xf.GetCellValue(SheetName, a)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for a, want := range map[string]string{"A1": "市级部门整体绩效目标申报表", "A2": "（2020年度）", "A3": "部门名称", "B3": "郑州市生态环境局", "A4": "年度总体目标"} {
		if got := cell(a); got != want {
			t.Errorf("%s = %q, want %q", a, got, want)
		}
	}
	if got := cell("B4"); got != "目标1："+f.Goals[0].Text {
		t.Errorf("B4 = %q", got)
	}
	merges, err := xf.GetMergeCells(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	ms := map[string]string{}
	for _, m := range merges {
		ms[m.GetStartAxis()] = m.GetEndAxis()
	}
	last, _ := excelize.ColumnNumberToName(8) // A–H without optional columns
	// The 34 targets (rows 4–37) do not fit on one page: the label is
	// merged over the rows of each page, （续） on the continuations.
	if ms["A1"] != last+"1" || ms["B4"] != last+"4" {
		t.Errorf("title/goal merges: A1→%s B4→%s", ms["A1"], ms["B4"])
	}
	for r, part := 4, 0; r <= 37; part++ {
		a := "A" + itoa(r)
		want := "年度总体目标"
		if part > 0 {
			want += "（续）"
		}
		_, end, _ := excelize.CellNameToCoordinates(ms[a])
		if cell(a) != want || end < r || end > 37 || part > 0 && end == 37 && r == 4 {
			t.Fatalf("goal label %s=%q merged to %q", a, cell(a), ms[a])
		}
		if part == 0 && end == 37 {
			t.Error("the targets are not split over pages")
		}
		r = end + 1
	}
	// Task header and the first unit merged over its 13 rows.
	hdr := findCell(t, xf, "任务名称")
	_, hr, _ := excelize.CellNameToCoordinates(hdr)
	if ms[hdr] != "B"+itoa(hr+1) {
		t.Errorf("任务名称 merge %s→%s", hdr, ms[hdr])
	}
	unit := "A" + itoa(hr+2)
	if cell(unit) != f.Units[0].Name || ms[unit] != "B"+itoa(hr+2+len(f.Units[0].Tasks)-1) {
		t.Errorf("unit %s=%q merge→%s", unit, cell(unit), ms[unit])
	}
	// Amounts are numbers, each with a format showing its own decimals.
	amt := findCell(t, xf, "191.2176")
	typ, _ := xf.GetCellType(SheetName, amt)
	if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("%s type %v", amt, typ)
	}
	checkFmt := func(a, want string) {
		t.Helper()
		id, err := xf.GetCellStyle(SheetName, a)
		if err != nil {
			t.Fatal(err)
		}
		st, err := xf.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.CustomNumFmt == nil || *st.CustomNumFmt != want {
			t.Errorf("%s number format %v, want %q", a, st.CustomNumFmt, want)
		}
		if st.Font == nil || st.Font.Family != "宋体" {
			t.Errorf("%s font %+v", a, st.Font)
		}
		if len(st.Border) != 4 {
			t.Errorf("%s borders %v", a, st.Border)
		}
	}
	checkFmt(amt, "0.0000")
	checkFmt(findCell(t, xf, "115"), "0")
	checkFmt(findCell(t, xf, "81.6"), "0.0")
	// 合计: a SUM formula with its cached value.
	tot := findCell(t, xf, "7898.5676")
	formula, _ := xf.GetCellFormula(SheetName, tot)
	col := tot[:1]
	_, totRow, _ := excelize.CellNameToCoordinates(tot)
	if formula != "SUM("+col+itoa(hr+2)+":"+col+itoa(totRow-1)+")" {
		t.Errorf("total %s formula %q", tot, formula)
	}
	checkFmt(tot, "0.0000")
	raw := sheetXML(t, p)
	if !strings.Contains(raw, `<c r="`+tot+`" s=`) || !strings.Contains(raw, "<f>"+formula+"</f><v>7898.5676</v>") {
		t.Errorf("total cell XML lacks the cached numeric value")
	}
	if i := strings.Index(raw, `<c r="`+tot+`"`); i >= 0 && strings.Contains(raw[i:i+60], `t="str"`) {
		t.Errorf("cached total stored as text: %s", raw[i:i+80])
	}
	checkFmt(findCell(t, xf, "7898.5676"), "0.0000")
	// Indicators: 一级 merged over its rows, 成本控制成效 shown with its Sub.
	if a := findCell(t, xf, "成本控制成效：在职人员经费变动率"); a == "" {
		t.Error("sub row")
	}
	l1 := findCell(t, xf, "履职效能")
	_, r1, _ := excelize.CellNameToCoordinates(l1)
	if ms[l1] != "A"+itoa(r1+9) { // 10 rows of 履职效能
		t.Errorf("履职效能 merge %s→%s", l1, ms[l1])
	}
	// Print setup.
	pl, err := xf.GetPageLayout(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	// A fixed scale, so that the page breaks set in the sheet hold
	// (Excel ignores manual breaks when fitting to pages).
	if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.AdjustTo == nil || int(*pl.AdjustTo) != xlsx.PrintScale(layout.BuildLayout(f, nil).Widths) || pl.FitToWidth != nil {
		t.Errorf("page layout %+v", pl)
	}
	props, _ := xf.GetSheetProps(SheetName)
	if props.FitToPage != nil && *props.FitToPage {
		t.Error("fit to page on")
	}
	hf, _ := xf.GetHeaderFooter(SheetName)
	if !strings.Contains(hf.OddFooter, "第 &P 页 共 &N 页") || !strings.Contains(hf.OddHeader, "郑州市生态环境局") || !strings.Contains(hf.OddHeader, "2020年度") {
		t.Errorf("header/footer %+v", hf)
	}
	// No print titles: each table's header rows are repeated in the sheet
	// at the top of its pages (TestPrintedPages).
	for _, dn := range xf.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			t.Errorf("print titles %+v", dn)
		}
	}
	// Widths and heights: wide columns for the long texts, and goal rows
	// tall enough for their wrapped text.
	w, _ := xf.GetColWidth(SheetName, "E")
	if w < 20 {
		t.Errorf("column E width %v", w)
	}
	h5, _ := xf.GetRowHeight(SheetName, 8) // 目标5, the longest
	if h5 < 3*xlsx.LineHeightPt {
		t.Errorf("goal 5 row height %v", h5)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func sheetXML(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("no sheet1.xml")
	return ""
}

// TestXLSXTextStaysText: texts beginning with = + - @ are strings, never
// formulas, and invalid amounts are their raw text, marked.
func TestXLSXTextStaysText(t *testing.T) {
	f := tricky()
	xf, p := openXLSX(t, f)
	for _, v := range []string{"目标1：=SUM(A1:A3) 不是公式", "@备注", "-1 开头的内容", "=每低1%扣0.5分", "abc"} {
		a := findCell(t, xf, v)
		if fm, _ := xf.GetCellFormula(SheetName, a); fm != "" {
			t.Errorf("%s %q became formula %q", a, v, fm)
		}
		if typ, _ := xf.GetCellType(SheetName, a); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("%s %q type %v", a, v, typ)
		}
	}
	if n := strings.Count(sheetXML(t, p), "<f>"); n != 3 { // 合计, 财政资金, 其他资金
		t.Errorf("%d formulas, want 3", n)
	}
	// the optional columns are there
	for _, h := range []string{"其他资金", "分值", "计量单位", "指标值类型", "评分标准"} {
		findCell(t, xf, h)
	}
	// and absent from the sample
	xs, _ := openXLSX(t, model.Sample())
	rows, _ := xs.GetRows(SheetName)
	for _, r := range rows {
		for _, v := range r {
			if v == "其他资金" || v == "分值" {
				t.Errorf("optional column %q in sample", v)
			}
		}
	}
}
