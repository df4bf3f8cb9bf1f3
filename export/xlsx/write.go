package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/layout"
	"jixiao/model"
)

// SheetName is the visible sheet of the exported workbook.
const SheetName = "绩效目标申报表"

// DataSheetName is the hidden sheet that carries the form as JSON (the
// exchange format) so that our own files re-import without loss.
const DataSheetName = "_jixiao"

// dataChunk is the number of characters of JSON per cell of the data sheet
// (a cell holds at most 32,767 UTF-16 units; a character takes at most 2).
const dataChunk = 16000

// xlsxFont is the font named in the workbook's styles.
const xlsxFont = "宋体"

// Row heights (points) for the computed heights of wrapped text: 10 pt
// text needs about 13.5 pt per line in Excel's 宋体 and 14 pt in the CJK
// fonts LibreOffice substitutes; a little more keeps both clear.
const (
	LineHeightPt = 14.0
	rowPadPt     = 5.0
	maxRowPt     = 409.0 // Excel's limit
)

// xlsxStyles are the style ids of the cell kinds.
type xlsxStyles struct {
	kind      map[layout.CellKind]int
	amount    [model.MoneyScale + 1]int // by number of decimals
	total     [model.MoneyScale + 1]int
	badAmount int
	plain     int
}

func newXLSXStyles(f *excelize.File) (*xlsxStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: xlsxFont, Size: size, Bold: bold}
	}
	align := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	s := &xlsxStyles{kind: map[layout.CellKind]int{}}
	add := func(st *excelize.Style) int {
		id, err := f.NewStyle(st)
		if err != nil {
			panic(err) // only on a programming error in the styles below
		}
		return id
	}
	s.kind[layout.KTitle] = add(&excelize.Style{Font: font(18, true), Alignment: align("center")})
	s.kind[layout.KSubtitle] = add(&excelize.Style{Font: font(12, false), Alignment: align("center")})
	s.kind[layout.KLabel] = add(&excelize.Style{Font: font(10, true), Alignment: align("center"), Border: border})
	s.kind[layout.KHeader] = add(&excelize.Style{Font: font(10, true), Alignment: align("center"), Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}})
	s.kind[layout.KText] = add(&excelize.Style{Font: font(10, false), Alignment: align("left"), Border: border})
	s.kind[layout.KCenter] = add(&excelize.Style{Font: font(10, false), Alignment: align("center"), Border: border})
	s.kind[layout.KTotalLabel] = add(&excelize.Style{Font: font(10, true), Alignment: align("center"), Border: border})
	s.badAmount = add(&excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 10, Color: "C00000"}, Alignment: align("right"), Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}})
	s.plain = add(&excelize.Style{Font: font(10, false)})
	for d := 0; d <= model.MoneyScale; d++ {
		nf := numFmt(d)
		s.amount[d] = add(&excelize.Style{Font: font(10, false), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: border, CustomNumFmt: &nf})
		s.total[d] = add(&excelize.Style{Font: font(10, true), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: border, CustomNumFmt: &nf})
	}
	return s, nil
}

// numFmt is the number format that shows an amount with exactly d
// decimals: "0" for 115, "0.0000" for 191.2176. Each amount cell gets the
// format of its own number of decimals, so Excel, WPS and LibreOffice show
// the value exactly as typed, never "115." (which "0.####" gives) and never
// a rounded value (which "General" may give in a narrow column).
func numFmt(d int) string {
	if d == 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", d)
}

// decimals is the number of decimals m needs (0–4).
func decimals(m model.Money) int {
	s := model.FormatMoney(m, false)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// moneyFloat is m as a float64 for the cell's XML value only: the decimal
// text of m (at most 13 significant digits) converts exactly to the float64
// whose shortest representation is that same text.
func moneyFloat(m model.Money) float64 {
	v, _ := strconv.ParseFloat(model.FormatMoney(m, false), 64)
	return v
}

// Write writes f as an Excel workbook in the official layout, print
// ready (A4 landscape, one page wide, page breaks set so that every page
// of a table starts with its header and no merged cell is cut, page
// numbers),
// with a hidden sheet carrying the form for lossless re-import.
func Write(w io.Writer, f *model.Form) error {
	return WriteTemplate(w, f, nil)
}

// WriteTemplate is Write in the layout of template tpl (nil: the
// form's own built-in template, model.TemplateOf).
func WriteTemplate(w io.Writer, f *model.Form, tpl *model.Template) error {
	if f == nil {
		return model.Errorf(model.EINVALID, "没有要导出的申报表")
	}
	xf := excelize.NewFile()
	defer xf.Close()
	if err := writeWorkbook(xf, f, tpl); err != nil {
		return model.Errorf(model.EINTERNAL, "生成 Excel 文件失败：%w", err)
	}
	if _, err := xf.WriteTo(w); err != nil {
		return model.Errorf(model.EIO, "写入 Excel 文件失败：%w", err)
	}
	return nil
}

func writeWorkbook(xf *excelize.File, f *model.Form, tpl *model.Template) error {
	if err := xf.SetDefaultFont(xlsxFont); err != nil {
		return err
	}
	if err := xf.SetSheetName("Sheet1", SheetName); err != nil {
		return err
	}
	// The totals are formulas: every program computes them when it opens
	// the file.
	full := true
	if err := xf.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	st, err := newXLSXStyles(xf)
	if err != nil {
		return err
	}
	l := layout.BuildLayout(f, tpl)
	ps := paginate(l)
	// The hidden sheet first: hiding a sheet makes excelize read every
	// other sheet back, which would undo the benefit of streaming.
	if err := writeDataSheet(xf, f); err != nil {
		return err
	}
	if err := writeDataTemplate(xf, fileTemplate(f, tpl)); err != nil {
		return err
	}
	if err := pageSetup(xf, f, l.Tpl, l.Verdict, ps.scale); err != nil {
		return err
	}
	sw, err := xf.NewStreamWriter(SheetName)
	if err != nil {
		return err
	}
	// Last column first: excelize puts each new <col> before the ones set
	// already, and Excel wants them in ascending order (it offers to
	// repair the file otherwise; TestXLSXRules).
	for i := len(l.Widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, l.Widths[i]); err != nil {
			return err
		}
	}
	rows, heights := ps.rows, ps.heights
	// cover maps each grid position to the layout cell covering it.
	ncol := len(l.Widths)
	type pos struct {
		c     *layout.Lcell
		first bool
	}
	grid := make([][]pos, len(rows))
	for i := range grid {
		grid[i] = make([]pos, ncol)
	}
	for ri := range rows {
		for ci := range rows[ri].Cells {
			c := &rows[ri].Cells[ci]
			for dr := 0; dr < c.RowSpan; dr++ {
				for dc := 0; dc < c.ColSpan; dc++ {
					grid[ri+dr][c.Col+dc] = pos{c: c, first: dr == 0 && dc == 0}
				}
			}
			if c.RowSpan > 1 || c.ColSpan > 1 {
				a, _ := excelize.CoordinatesToCellName(c.Col+1, ri+1)
				b, _ := excelize.CoordinatesToCellName(c.Col+c.ColSpan, ri+c.RowSpan)
				if err := sw.MergeCell(a, b); err != nil {
					return err
				}
			}
		}
	}
	for _, b := range ps.breaks {
		if err := sw.InsertPageBreak("A" + strconv.Itoa(b+1)); err != nil {
			return err
		}
	}
	// the rows of each side's 当年金额 in 部门总体资金情况, for its SUM
	type span struct{ first, last int }
	fundRows := map[[2]int]span{} // by side and column
	for ri := range rows {
		for _, c := range rows[ri].Cells {
			if c.FundRow == 0 {
				continue
			}
			k := [2]int{int(c.FundRow), c.Col}
			if sp, ok := fundRows[k]; ok {
				fundRows[k] = span{min(sp.first, ri), max(sp.last, ri)}
			} else {
				fundRows[k] = span{ri, ri}
			}
		}
	}
	values := make([]any, ncol)
	for ri := range rows {
		for ci := range values {
			values[ci] = nil
			p := grid[ri][ci]
			if p.c == nil {
				continue
			}
			cell := excelize.Cell{StyleID: st.kind[p.c.Kind]}
			if p.first {
				cell.Value = cleanXMLText(p.c.Text)
			}
			switch p.c.Kind {
			case layout.KAmount:
				a := p.c.Amount
				switch {
				case a.Valid():
					cell.StyleID = st.amount[decimals(a.Money())]
					if p.first {
						cell.Value = moneyFloat(a.Money())
					}
				case a.State() == model.AmountInvalid:
					cell.StyleID = st.badAmount
				default:
					cell.StyleID = st.amount[0]
					cell.Value = nil
				}
			case layout.KTotal:
				cell.StyleID = st.total[decimals(p.c.Total)]
				if p.first {
					cell.Value = moneyFloat(p.c.Total)
					if p.c.SumCol && ps.taskEnd > ps.taskFirst {
						col, _ := excelize.ColumnNumberToName(ci + 1)
						cell.Formula = fmt.Sprintf("SUM(%s%d:%s%d)", col, ps.taskFirst+1, col, ps.taskEnd)
					}
					if sp, ok := fundRows[[2]int{int(p.c.FundSum), p.c.Col}]; ok && p.c.FundSum > 0 {
						col, _ := excelize.ColumnNumberToName(ci + 1)
						cell.Formula = fmt.Sprintf("SUM(%s%d:%s%d)", col, sp.first+1, col, sp.last+1)
						// No cached result: Excel, WPS and LibreOffice
						// compute it (fullCalcOnLoad), and a file filled by
						// a program that does not calculate reads as a
						// total not typed (never as a stale 0).
						cell.Value = nil
					}
				}
			}
			if cell.Value == "" {
				cell.Value = nil
			}
			values[ci] = cell
		}
		axis, _ := excelize.CoordinatesToCellName(1, ri+1)
		if err := sw.SetRow(axis, values, excelize.RowOpts{Height: heights[ri]}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func pageSetup(xf *excelize.File, f *model.Form, tpl *model.Template, verdict model.Verdict, scale int) error {
	// A fixed scale, not "fit to one page wide": Excel ignores manual page
	// breaks when fitting to pages, and the breaks are computed for this
	// scale (see pages.go). Paper and orientation are the template's.
	size, orient, adjust := 9, "landscape", uint(scale)
	if tpl.Print.Orientation == "portrait" {
		orient = "portrait"
	}
	if tpl.Print.Paper == "A3" {
		size = 8
	}
	if err := xf.SetPageLayout(SheetName, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, AdjustTo: &adjust}); err != nil {
		return err
	}
	lr, tb, hf, center := marginLRIn, MarginTBIn, marginHFIn, true
	if err := xf.SetPageMargins(SheetName, &excelize.PageLayoutMarginsOptions{Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Horizontally: &center}); err != nil {
		return err
	}
	// Every page says which form and department it belongs to in its
	// header; the table headers are repeated as rows (pages.go).
	return xf.SetHeaderFooter(SheetName, &excelize.HeaderFooterOptions{
		OddHeader: pageHeaderTitle(f, tpl.Title, verdict),
		OddFooter: "&C&9第 &P 页 共 &N 页",
	})
}

// verdictMark is the centre of a printed page header for verdict v (the
// verdict of the layout's template, the form's own): 未通过审核（N 个错误）
// in red, as on every PDF page, or "" when the table passed.
func verdictMark(v model.Verdict) string {
	if m := v.Mark(); m != "" {
		return "&C&9&KC00000" + m
	}
	return ""
}

// pageHeaderTitle is the page header: 部门 on the left, the form (title) and year on
// the right, within Excel's 255 characters (UTF-16 units) for a header —
// a longer one makes excelize refuse and Excel repair the file — so a
// long department name or year is cut short with “…”.
func pageHeaderTitle(f *model.Form, title string, verdict model.Verdict) string {
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	units := func(s string) int { return len(utf16.Encode([]rune(s))) }
	cut := func(s string, n int) string {
		if units(esc(s)) <= n {
			return esc(s)
		}
		rs := []rune(s)
		for len(rs) > 0 && units(esc(string(rs))+"…") > n {
			rs = rs[:len(rs)-1]
		}
		return esc(string(rs)) + "…"
	}
	right := "&R&9" + cut(title+"（"+cleanXMLText(strings.TrimSpace(f.Year))+"年度）", 60)
	mark := verdictMark(verdict)
	left := "&L&9" + cut("部门："+cleanXMLText(f.Dept), maxHeaderUnits-units(right)-units(mark)-len("&L&9"))
	return left + mark + right
}

// maxHeaderUnits is Excel's limit for a header or footer text.
const maxHeaderUnits = 255

// rowHeights computes the height of each of rows (no merge reaching below
// them) in columns of widths so that all its text shows: the lines a text
// needs are measured (layout/measure.go, the same measure as the PDF's) against
// the width of its (merged) cell; a cell merged over several rows grows
// the last of them when the rows are too low for it.
func rowHeights(widths []float64, rows []layout.Lrow) []float64 {
	return (&heightCalc{widths: widths}).heights(rows)
}

// xlsxUnitPt is one of Excel's column-width units in points, as the
// column widths were chosen: a 10 pt CJK character takes two units.
const xlsxUnitPt = 5.0

// xlsxTextStyle is how the sheet sets a cell of kind k (the fonts of
// newXLSXStyles; lineHeightPt is a 10 pt line).
func xlsxTextStyle(k layout.CellKind) layout.TextStyle {
	switch k {
	case layout.KTitle:
		return layout.TextStyle{Size: 18, Line: 26, Pad: rowPadPt}
	case layout.KSubtitle:
		return layout.TextStyle{Size: 12, Line: 18, Pad: rowPadPt}
	}
	return layout.TextStyle{Size: 10, Line: LineHeightPt, Pad: rowPadPt}
}

// heightCalc computes row heights, remembering the height each cell's
// text needs (paginating measures the same rows many times).
type heightCalc struct {
	widths []float64
	memo   map[needKey]float64
}

type needKey struct {
	text      string
	kind      layout.CellKind
	col, span int
}

func (hc *heightCalc) need(c *layout.Lcell) float64 {
	st := xlsxTextStyle(c.Kind)
	if c.Kind == layout.KAmount || c.Kind == layout.KTotal {
		return st.Height(1)
	}
	k := needKey{c.Text, c.Kind, c.Col, c.ColSpan}
	if n, ok := hc.memo[k]; ok {
		return n
	}
	w := 0.0
	for i := c.Col; i < c.Col+c.ColSpan; i++ {
		w += hc.widths[i]
	}
	n := st.Height(st.Lines(c.Text, max(w-1.5, 2)*xlsxUnitPt))
	if hc.memo != nil {
		hc.memo[k] = n
	}
	return n
}

func (hc *heightCalc) heights(rows []layout.Lrow) []float64 {
	h := layout.SpanHeights(rows, LineHeightPt+rowPadPt, func(ri, ci int) float64 { return hc.need(&rows[ri].Cells[ci]) })
	for i := range h {
		h[i] = math.Min(math.Ceil(h[i]*4)/4, maxRowPt)
	}
	return h
}

// cleanXMLText drops the characters XML 1.0 cannot carry (control
// characters other than tab and line breaks); the hidden data sheet keeps
// the exact text.
func cleanXMLText(s string) string {
	ok := true
	for _, r := range s {
		if !XmlChar(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		if XmlChar(r) {
			return r
		}
		return -1
	}, s)
}

func XmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// writeDataSheet adds the hidden sheet: A1 the format name, B1 the
// layout's WorkbookVersion, A2… the form's JSON in chunks (each cell holds
// at most 32,767 characters).
func writeDataSheet(xf *excelize.File, f *model.Form) error {
	b, err := marshalForm(f, false)
	if err != nil {
		return err
	}
	if _, err := xf.NewSheet(DataSheetName); err != nil {
		return err
	}
	if err := xf.SetCellStr(DataSheetName, "A1", FormatName); err != nil {
		return err
	}
	if err := xf.SetCellStr(DataSheetName, workbookVersionCell, WorkbookVersion.String()); err != nil {
		return err
	}
	s := string(b) // json.Marshal escapes every control character
	row := 2
	for len(s) > 0 {
		n, i := 0, 0
		for i < len(s) && n < dataChunk {
			_, sz := utf8.DecodeRuneInString(s[i:])
			i += sz
			n++
		}
		if err := xf.SetCellStr(DataSheetName, "A"+strconv.Itoa(row), s[:i]); err != nil {
			return err
		}
		s = s[i:]
		row++
	}
	return xf.SetSheetVisible(DataSheetName, false, true)
}
