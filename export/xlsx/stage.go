package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/layout"
	"jixiao/model"
)

// The 监控表/自评表 workbook is a working sheet for Excel, WPS and
// LibreOffice: one sheet per table, each with its title, the department,
// a one-line legend and the table's header (repeated on every printed
// page); the cells to fill are yellow and unlocked, everything else is
// locked by sheet protection without a password; 完成可能性, 偏差原因 and
// 定性 完成情况 are drop-down lists; 合计, 执行率, 提示, every 得分, 总分 and
// 等级 are live formulas giving the model's numbers (stage_formula.go).
// Column A holds each row's id (hidden); the hidden sheet _jixiao_stage
// lists the rows as exported (stage_meta.go).

// Rows of a stage sheet above the table (1-based): title, subtitle,
// department, caption, legend; then the header.
const (
	stageHeadRow  = 6
	stageFirstRow = stageHeadRow + 1
)

// stageLegend is the one-line legend of every stage sheet.
const stageLegend = "填写说明：黄色单元格请填写；其他单元格是申报的内容或自动计算的结果，已锁定（如需改动表格：审阅 → 撤销工作表保护，无需密码）。导入时程序按各行的名称和各栏的表头读取，并重新计算。"

// StageSheets are the workbook's visible sheets, in order.
var StageSheets = []string{layout.TaskSheetName, layout.IndicatorSheetName}

// WriteStage writes f's 运行监控表 (stage StageMonitor) or 自评表
// (StageEval) as a working workbook whose yellow cells are filled in
// Excel/WPS and imported back with ImportStageValues.
func WriteStage(w io.Writer, f *model.Form, stage model.Stage) error {
	return WriteStageTemplate(w, f, stage, nil)
}

// WriteStageTemplate is WriteStage judged by template tpl, the
// draft's own (its 未通过审核 count is check's).
func WriteStageTemplate(w io.Writer, f *model.Form, stage model.Stage, tpl *model.Template) error {
	d, err := layout.BuildStageIn(f, stage, tpl)
	if err != nil {
		return err
	}
	xf := excelize.NewFile()
	defer xf.Close()
	if err := writeStageWorkbook(xf, d); err != nil {
		return model.Errorf(model.EINTERNAL, "生成 Excel 文件失败：%w", err)
	}
	if _, err := xf.WriteTo(w); err != nil {
		return model.Errorf(model.EIO, "写入 Excel 文件失败：%w", err)
	}
	return nil
}

// stageStyles are the style ids of a stage workbook.
type stageStyles struct {
	*xlsxStyles
	id, legend                    int
	inText, inCenter, inAmount    int
	inPercent, inNumber, inBadAmt int
	rate, score, hint             int
	totalAmt, totalRate, totalNum int
}

func newStageStyles(xf *excelize.File) (*stageStyles, error) {
	base, err := newXLSXStyles(xf)
	if err != nil {
		return nil, err
	}
	s := &stageStyles{xlsxStyles: base}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2A8"}}
	font := func(bold bool) *excelize.Font { return &excelize.Font{Family: xlsxFont, Size: 10, Bold: bold} }
	unlocked := &excelize.Protection{Locked: false}
	al := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	add := func(st *excelize.Style) (id int) {
		if err == nil {
			id, err = xf.NewStyle(st)
		}
		return id
	}
	fmtOf := func(s string) *string { return &s }
	s.id = add(&excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 8, Color: "808080"}, Alignment: al("center", false)})
	s.legend = add(&excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 9, Color: "7F6000"}, Alignment: al("left", true)})
	s.inText = add(&excelize.Style{Font: font(false), Border: border, Fill: fill, Protection: unlocked, Alignment: al("left", true)})
	s.inCenter = add(&excelize.Style{Font: font(false), Border: border, Fill: fill, Protection: unlocked, Alignment: al("center", true)})
	s.inAmount = add(&excelize.Style{Font: font(false), Border: border, Fill: fill, Protection: unlocked, Alignment: al("right", false), CustomNumFmt: fmtOf(stageAmountFmt)})
	s.inPercent = add(&excelize.Style{Font: font(false), Border: border, Fill: fill, Protection: unlocked, Alignment: al("center", false), CustomNumFmt: fmtOf("0.00%")})
	s.inNumber = add(&excelize.Style{Font: font(false), Border: border, Fill: fill, Protection: unlocked, Alignment: al("center", false)})
	s.inBadAmt = add(&excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 10, Color: "C00000"}, Border: border, Fill: fill, Protection: unlocked, Alignment: al("right", false)})
	s.rate = add(&excelize.Style{Font: font(false), Border: border, Alignment: al("center", false), CustomNumFmt: fmtOf("0.00%")})
	s.score = add(&excelize.Style{Font: font(false), Border: border, Alignment: al("center", false), CustomNumFmt: fmtOf("0.00")})
	s.hint = add(&excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 10, Color: "C00000"}, Border: border, Alignment: al("left", true)})
	s.totalAmt = add(&excelize.Style{Font: font(true), Border: border, Alignment: al("right", false), CustomNumFmt: fmtOf(stageAmountFmt)})
	s.totalRate = add(&excelize.Style{Font: font(true), Border: border, Alignment: al("center", false), CustomNumFmt: fmtOf("0.00%")})
	s.totalNum = add(&excelize.Style{Font: font(true), Border: border, Alignment: al("center", true), CustomNumFmt: fmtOf("0.00")})
	return s, err
}

// stageAmountFmt shows an amount with its decimals (at least 2, at most
// the 4 of 0.0001 万元): 48.96, 115.00, 191.2176.
const stageAmountFmt = "0.00##"

// sheetPos is where a table was written: its sheet, rows and column letters.
type sheetPos struct {
	sheet       string
	first, last int // data rows (1-based, inclusive); last < first when none
	foot        []int
	col         map[layout.ColKey]string
}

func (p *sheetPos) ref(k layout.ColKey, row int) string { return p.col[k] + strconv.Itoa(row) }

// rng is the column k over the data rows: F7:F40.
func (p *sheetPos) rng(k layout.ColKey) string {
	return p.col[k] + strconv.Itoa(p.first) + ":" + p.col[k] + strconv.Itoa(max(p.last, p.first))
}

func writeStageWorkbook(xf *excelize.File, d *layout.StageDoc) error {
	if err := xf.SetDefaultFont(xlsxFont); err != nil {
		return err
	}
	st, err := newStageStyles(xf)
	if err != nil {
		return err
	}
	var pos []*sheetPos
	for i, t := range d.Tables {
		if i == 0 {
			if err := xf.SetSheetName("Sheet1", t.Sheet); err != nil {
				return err
			}
		} else if _, err := xf.NewSheet(t.Sheet); err != nil {
			return err
		}
		p, err := writeStageTable(xf, d, t, st, pos)
		if err != nil {
			return err
		}
		pos = append(pos, p)
		if err := stageSheetSetup(xf, d, t); err != nil {
			return err
		}
	}
	if err := writeStageData(xf, metaOf(d)); err != nil {
		return err
	}
	xf.SetActiveSheet(0)
	full := true
	return xf.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full})
}

// writeStageTable writes table t on its sheet; prev are the tables written before.
func writeStageTable(xf *excelize.File, d *layout.StageDoc, t *layout.StageTable, st *stageStyles, prev []*sheetPos) (*sheetPos, error) {
	sh := t.Sheet
	n := len(t.Cols)
	p := &sheetPos{sheet: sh, col: map[layout.ColKey]string{}}
	for i, c := range t.Cols {
		p.col[c.Key], _ = excelize.ColumnNumberToName(i + 1)
		if err := xf.SetColWidth(sh, p.col[c.Key], p.col[c.Key], c.Width); err != nil {
			return nil, err
		}
	}
	if err := xf.SetColVisible(sh, "A", false); err != nil {
		return nil, err
	}
	last, _ := excelize.ColumnNumberToName(n)
	w := &cellWriter{xf: xf, sheet: sh}
	// measure rows for their heights: each row's cells in sheet columns
	var measured []layout.Lrow
	widths := make([]float64, n)
	for i, c := range t.Cols {
		widths[i] = c.Width
	}
	whole := func(row int, text string, style int, k layout.CellKind) {
		w.merge(fmt.Sprintf("B%d", row), fmt.Sprintf("%s%d", last, row))
		w.set(fmt.Sprintf("B%d", row), text, style)
		measured = append(measured, layout.Lrow{Cells: []layout.Lcell{{Col: 1, ColSpan: n - 1, RowSpan: 1, Text: text, Kind: k}}})
	}
	whole(1, d.Title, st.kind[layout.KTitle], layout.KTitle)
	whole(2, d.Sub, st.kind[layout.KSubtitle], layout.KSubtitle)
	w.set("B3", "部门名称", st.kind[layout.KLabel])
	w.merge("C3", fmt.Sprintf("%s3", last))
	w.set("C3", d.F.Dept, st.kind[layout.KText])
	for c := 3; c < n; c++ {
		a, _ := excelize.CoordinatesToCellName(c+1, 3)
		w.style(a, st.kind[layout.KText])
	}
	measured = append(measured, layout.Lrow{Cells: []layout.Lcell{{Col: 1, ColSpan: 1, RowSpan: 1, Text: "部门名称", Kind: layout.KLabel}, {Col: 2, ColSpan: n - 2, RowSpan: 1, Text: d.F.Dept, Kind: layout.KText}}})
	whole(4, t.Caption, st.kind[layout.KLabel], layout.KLabel)
	whole(5, stageLegend, st.legend, layout.KText)
	var head []layout.Lcell
	for i, c := range t.Cols {
		a, _ := excelize.CoordinatesToCellName(i+1, stageHeadRow)
		style := st.kind[layout.KHeader]
		if c.Role == layout.RoleID {
			style = st.id
		}
		w.set(a, c.Head, style)
		if c.Role != layout.RoleID {
			head = append(head, layout.Lcell{Col: i, ColSpan: 1, RowSpan: 1, Text: c.Head, Kind: layout.KHeader})
		}
	}
	measured = append(measured, layout.Lrow{Cells: head})
	p.first, p.last = stageFirstRow, stageFirstRow+len(t.Rows)-1
	lists := map[layout.ColKey][]string{}
	for ri, row := range t.Rows {
		y := stageFirstRow + ri
		var cells []layout.Lcell
		for i, c := range t.Cols {
			a, _ := excelize.CoordinatesToCellName(i+1, y)
			text := row.Text[c.Key]
			switch c.Role {
			case layout.RoleID:
				w.set(a, row.Id, st.id)
			case layout.RoleKey, layout.RoleInfo:
				k := layout.KCenter
				if c.Key == layout.CkContent || c.Key == layout.CkL3 {
					k = layout.KText
				}
				w.set(a, text, st.kind[k])
				cells = append(cells, layout.Lcell{Col: i, ColSpan: 1, RowSpan: 1, Text: text, Kind: k})
			case layout.RoleFixed:
				if c.Amount {
					w.amount(a, row.Amt[c.Key], st)
				} else {
					w.set(a, text, st.kind[layout.KCenter])
					cells = append(cells, layout.Lcell{Col: i, ColSpan: 1, RowSpan: 1, Text: text, Kind: layout.KCenter})
				}
			case layout.RoleInput:
				style, value := inputValue(c, row, st)
				w.value(a, value, style)
				if c.Key == layout.CkActual && row.Target.Kind == model.TargetQualitative {
					lists[layout.CkActual] = append(lists[layout.CkActual], a)
				}
				if !c.Amount {
					cells = append(cells, layout.Lcell{Col: i, ColSpan: 1, RowSpan: 1, Text: text, Kind: layout.KText})
				}
			case layout.RoleCalc:
				style := st.rate
				switch c.Key {
				case layout.CkHint:
					style = st.hint
					cells = append(cells, layout.Lcell{Col: i, ColSpan: 1, RowSpan: 1, Text: text, Kind: layout.KText})
				case layout.CkScore:
					style = st.score
				}
				if fm := rowFormula(d, t, row, c.Key, p, y); fm != "" {
					w.formula(a, fm, style)
				} else {
					w.set(a, "", style)
				}
			}
		}
		measured = append(measured, layout.Lrow{Cells: cells})
	}
	y := p.last + 1
	for _, fr := range t.Foot {
		p.foot = append(p.foot, y)
		first := -1
		for i, c := range t.Cols {
			if _, ok := fr.Cells[c.Key]; ok && first < 0 {
				first = i
			}
		}
		end := n
		if first >= 0 {
			end = first
		}
		ea, _ := excelize.CoordinatesToCellName(end, y)
		w.merge(fmt.Sprintf("B%d", y), ea)
		w.set(fmt.Sprintf("B%d", y), fr.Label, st.kind[layout.KTotalLabel])
		for c := 2; c < end; c++ {
			a, _ := excelize.CoordinatesToCellName(c+1, y)
			w.style(a, st.kind[layout.KTotalLabel])
		}
		measured = append(measured, layout.Lrow{Cells: []layout.Lcell{{Col: 1, ColSpan: end - 1, RowSpan: 1, Text: fr.Label, Kind: layout.KTotalLabel}}})
		for i := max(first, 0); first >= 0 && i < n; i++ {
			c := t.Cols[i]
			a, _ := excelize.CoordinatesToCellName(i+1, y)
			fc := fr.Cells[c.Key]
			style := st.kind[layout.KTotalLabel]
			switch {
			case c.Amount:
				style = st.totalAmt
			case fc.Calc == layout.CalcRateTotal:
				style = st.totalRate
			case fc.Calc == layout.CalcBudgetScore || fc.Calc == layout.CalcTotal || fc.Calc == layout.CalcWeightTotal || fc.Num:
				style = st.totalNum
			}
			if fm := footFormula(d, t, fc.Calc, c.Key, p, prev, y); fm != "" {
				w.formula(a, fm, style)
				continue
			}
			if fc.Num {
				v, _ := strconv.ParseFloat(fc.Text, 64)
				w.value(a, v, style)
				continue
			}
			w.set(a, fc.Text, style)
		}
		y++
	}
	for _, note := range t.Notes {
		whole(y, note, st.kind[layout.KText], layout.KText)
		y++
	}
	if t.Kind == layout.TableIndicators && len(d.Adjust) > 0 {
		whole(y, "申报后的调整（原值 → 调整后，原因）", st.kind[layout.KLabel], layout.KLabel)
		y++
		for _, a := range d.Adjust {
			whole(y, a, st.kind[layout.KText], layout.KText)
			y++
		}
	}
	if w.err != nil {
		return nil, w.err
	}
	heights := rowHeights(widths, measured)
	for i, h := range heights {
		if err := xf.SetRowHeight(sh, i+1, h); err != nil {
			return nil, err
		}
	}
	if err := stageValidations(xf, d, t, p, lists); err != nil {
		return nil, err
	}
	return p, nil
}

// inputValue is the style and value of an input cell: amounts and numbers
// as numbers (a percentage as its fraction in a percent cell, so that the
// formulas compute with it and a typed 95 shows 95%), texts as text.
func inputValue(c layout.StageCol, row *layout.StageRow, st *stageStyles) (int, any) {
	text := strings.TrimSpace(row.Text[c.Key])
	if c.Amount {
		a := row.Amt[c.Key]
		switch a.State() {
		case model.AmountValid:
			return st.inAmount, moneyFloat(a.Money())
		case model.AmountInvalid:
			return st.inBadAmt, cleanXMLText(a.Raw())
		}
		return st.inAmount, nil
	}
	switch c.Key {
	case layout.CkToDate, layout.CkForecastVal, layout.CkActual:
		t := row.Target
		if t.Kind != model.TargetNumber {
			return st.inCenter, nilIfEmpty(text)
		}
		style := st.inNumber
		if t.Percent() {
			style = st.inPercent
		}
		if text == "" {
			return style, nil
		}
		d, err := model.ParseActual(text, t)
		if err != "" {
			return st.inCenter, cleanXMLText(text)
		}
		if t.Percent() {
			d = d.Shift(-2)
		}
		v, _ := strconv.ParseFloat(d.String(), 64)
		return style, v
	case layout.CkWeight:
		if text == "" {
			return st.inNumber, nil
		}
		if d, err := model.ParseNumber(strings.TrimSuffix(text, "分")); err == nil {
			v, _ := strconv.ParseFloat(d.String(), 64)
			return st.inNumber, v
		}
		return st.inCenter, cleanXMLText(text)
	case layout.CkLikely, layout.CkCause:
		return st.inCenter, nilIfEmpty(text)
	}
	return st.inText, nilIfEmpty(cleanXMLText(text))
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// cellWriter writes cells, keeping the first error.
type cellWriter struct {
	xf    *excelize.File
	sheet string
	err   error
}

func (w *cellWriter) do(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *cellWriter) style(a string, style int) { w.do(w.xf.SetCellStyle(w.sheet, a, a, style)) }

func (w *cellWriter) set(a, text string, style int) {
	w.style(a, style)
	if text != "" {
		w.do(w.xf.SetCellStr(w.sheet, a, cleanXMLText(text)))
	}
}

func (w *cellWriter) value(a string, v any, style int) {
	w.style(a, style)
	if v != nil {
		w.do(w.xf.SetCellValue(w.sheet, a, v))
	}
}

func (w *cellWriter) formula(a, f string, style int) {
	w.style(a, style)
	w.do(w.xf.SetCellFormula(w.sheet, a, f))
}

func (w *cellWriter) merge(a, b string) {
	if a != b {
		w.do(w.xf.MergeCell(w.sheet, a, b))
	}
}

// amount writes a declared amount: a number shown with its own decimals,
// an unreadable one as its text in red.
func (w *cellWriter) amount(a string, am model.Amount, st *stageStyles) {
	switch {
	case am.Valid():
		w.value(a, moneyFloat(am.Money()), st.amount[decimals(am.Money())])
	case am.State() == model.AmountInvalid:
		w.set(a, am.Raw(), st.badAmount)
	default:
		w.style(a, st.amount[0])
	}
}

// stageSheetSetup sets the page (A4 landscape, one page wide), the page
// header and footer, the header row repeated on every printed page, and
// the protection (no password: it keeps the computed and declared cells
// from being typed over by mistake).
func stageSheetSetup(xf *excelize.File, d *layout.StageDoc, t *layout.StageTable) error {
	sh, f := t.Sheet, d.F
	size, orient, fitW, fitH := 9, "landscape", 1, 0
	if err := xf.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	fit := true
	if err := xf.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	lr, tb, hf := 0.4, 0.6, 0.3
	if err := xf.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Horizontally: &fit}); err != nil {
		return err
	}
	if err := xf.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{
		OddHeader: pageHeaderTitle(f, d.Name+" · "+t.Kind.String(), d.Verdict),
		OddFooter: "&C&9第 &P 页 共 &N 页",
	}); err != nil {
		return err
	}
	if err := xf.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, stageHeadRow, stageHeadRow), Scope: sh}); err != nil {
		return err
	}
	return xf.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}
