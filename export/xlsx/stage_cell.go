package xlsx

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/numfmt"
	"jixiao/model"
	"jixiao/model/recognize"
)

// stageGrid is one visible sheet of a filled stage workbook: every cell's
// stored value (never the displayed text) and the merged ranges.
type stageGrid struct {
	xf    *excelize.File
	sheet string
	cells [][]string
	// top maps a cell covered by a merged range (not its top-left) to the
	// range's top-left cell.
	top map[[2]int][2]int
	// fmts caches the number format class of each style id.
	fmts map[int]numClass
	// attrs are the cells' styles, types and formulas from the sheet's
	// XML (sheetCells); nil when its cells lack r attributes, then each
	// cell is asked of excelize.
	attrs map[[2]int]xmlCell
}

func loadStageGrid(xf *excelize.File, sheet string) (*stageGrid, error) {
	rows, err := xf.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	if len(rows) > maxSheetRows {
		return nil, model.Errorf(model.EINVALID, "工作表“%s”有 %d 行，超过 %d 行的上限", sheet, len(rows), maxSheetRows)
	}
	for i := range rows {
		if len(rows[i]) > maxSheetCols {
			rows[i] = rows[i][:maxSheetCols]
		}
	}
	g := &stageGrid{xf: xf, sheet: sheet, cells: rows, top: map[[2]int][2]int{}, fmts: map[int]numClass{}}
	if attrs, ok := sheetCells(rawSheetXML(xf, sheet)); ok {
		g.attrs = attrs
	}
	merges, err := mergedRanges(xf, sheet)
	if err != nil {
		return nil, err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m[0])
		c2, r2, err2 := excelize.CellNameToCoordinates(m[1])
		if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 || (r2-r1+1)*(c2-c1+1) > 10_000 {
			continue
		}
		for r := r1 - 1; r < r2; r++ {
			for c := c1 - 1; c < c2; c++ {
				if r != r1-1 || c != c1-1 {
					g.top[[2]int{r, c}] = [2]int{r1 - 1, c1 - 1}
				}
			}
		}
	}
	return g, nil
}

// own is the value stored in cell (r, c) itself.
func (g *stageGrid) own(r, c int) string {
	if r < 0 || r >= len(g.cells) || c < 0 || c >= len(g.cells[r]) {
		return ""
	}
	return g.cells[r][c]
}

// text is the trimmed text shown at (r, c): a cell covered by a merged
// range shows the range's top-left value.
func (g *stageGrid) text(r, c int) string {
	if t, ok := g.top[[2]int{r, c}]; ok {
		r, c = t[0], t[1]
	}
	return cleanCellText(g.own(r, c))
}

// covered reports whether (r, c) is inside a merged range but not its top-left.
func (g *stageGrid) covered(r, c int) bool {
	_, ok := g.top[[2]int{r, c}]
	return ok
}

func (g *stageGrid) name(r, c int) string {
	a, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return a
}

// addr is the cell as messages name it: 预算执行情况!F7.
func (g *stageGrid) addr(r, c int) string { return g.sheet + "!" + g.name(r, c) }

// cleanCellText trims a cell's text and makes its line breaks \n.
func cleanCellText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(strings.ReplaceAll(s, "\r", "\n"))
}

// numClass is what a cell's number format makes of its number
// (package numfmt, shared with the .xls reader).
type numClass = numfmt.Class

const (
	numPlain   = numfmt.Plain
	numPercent = numfmt.Percent
	numDate    = numfmt.Date
)

// cell is what the sheet's XML says of cell (r, c).
func (g *stageGrid) cell(r, c int) xmlCell {
	if g.attrs != nil {
		return g.attrs[[2]int{r, c}]
	}
	a := g.name(r, c)
	x := xmlCell{}
	x.style, _ = g.xf.GetCellStyle(g.sheet, a)
	f, _ := g.xf.GetCellFormula(g.sheet, a)
	x.formula = f != ""
	switch typ, _ := g.xf.GetCellType(g.sheet, a); typ {
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
	case excelize.CellTypeBool:
		x.typ = "b"
	case excelize.CellTypeError:
		x.typ = "e"
	default:
		x.typ = "s"
	}
	return x
}

// class returns the number format class of the cell's style.
func (g *stageGrid) class(r, c int) numClass {
	return styleClass(g.xf, g.cell(r, c).style, g.fmts)
}

// hasFormula reports whether cell (r, c) holds a formula.
func (g *stageGrid) hasFormula(r, c int) bool { return g.cell(r, c).formula }

// styleClass is the number format class of style id.
func styleClass(xf *excelize.File, id int, cache map[int]numClass) numClass {
	if k, ok := cache[id]; ok {
		return k
	}
	k := numPlain
	if st, err := xf.GetStyle(id); err == nil && st != nil {
		switch {
		case st.CustomNumFmt != nil:
			k = numfmt.Classify(*st.CustomNumFmt)
		case st.NumFmt == 9 || st.NumFmt == 10:
			k = numPercent
		case st.NumFmt >= 14 && st.NumFmt <= 22, st.NumFmt >= 27 && st.NumFmt <= 36, st.NumFmt >= 45 && st.NumFmt <= 47,
			st.NumFmt >= 50 && st.NumFmt <= 58, st.NumFmt >= 71 && st.NumFmt <= 81:
			k = numDate
		}
	}
	cache[id] = k
	return k
}

// cellValue is a value read from a stage sheet.
type cellValue struct {
	text string // numbers at 15 significant digits; percent cells as 95.5%
	num  bool   // stored as a number
	pct  bool   // a number in a percent cell
	bad  string // why it cannot be read; "" when it can
}

// value reads cell (r, c) as stored: a number rounded to 15 significant
// digits as Excel shows it (81.59999999999999 is 81.6), ×100 with % in a
// percent-formatted cell (0.955 in a 0% cell is 95.5%, not the 96% shown);
// text as typed. amount: the column holds 万元, where a percent or date
// format makes the value unreadable. A date in a text column is read as
// shown; in a number column it is refused.
func (g *stageGrid) value(r, c int, amount, textCol bool) cellValue {
	raw := g.own(r, c)
	addr := g.name(r, c)
	x := g.cell(r, c)
	if raw == "" {
		if x.formula {
			return cellValue{bad: "单元格是公式，但文件中没有它的计算结果；请在 Excel 或 WPS 中打开、保存后再导入，或直接填写数值"}
		}
		return cellValue{}
	}
	switch {
	case x.typ == "e":
		return cellValue{bad: "单元格显示错误值“" + raw + "”，请改为要填写的数值"}
	case x.typ == "b":
		return cellValue{text: map[bool]string{true: "TRUE", false: "FALSE"}[raw == "1" || strings.EqualFold(raw, "true")]}
	case !x.number(): // text
		return cellValue{text: cleanCellText(raw)}
	}
	fl, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return cellValue{text: cleanCellText(raw)}
	}
	d, err := decimal.NewFromString(strconv.FormatFloat(fl, 'g', 15, 64))
	if err != nil {
		return cellValue{text: cleanCellText(raw)}
	}
	switch g.class(r, c) {
	case numPercent:
		if amount {
			return cellValue{bad: "金额单元格是百分比格式（显示为 " + d.Shift(2).String() + "%），请把单元格格式改为数值，填写万元数"}
		}
		return cellValue{text: d.Shift(2).String() + "%", num: true, pct: true}
	case numDate:
		if textCol {
			if v, err := g.xf.GetCellValue(g.sheet, addr); err == nil {
				return cellValue{text: cleanCellText(v)}
			}
		}
		shown, _ := g.xf.GetCellValue(g.sheet, addr)
		return cellValue{bad: "单元格是日期格式（显示为“" + recognize.Shorten(shown, 20) + "”），请把单元格格式改为常规或数值后重新填写"}
	}
	return cellValue{text: d.String(), num: true}
}
