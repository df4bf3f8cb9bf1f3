package export

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// StageDataSheet is the hidden sheet of a 监控表/自评表 workbook: A1 the
// format name, A2… the JSON of stageMeta in chunks. It maps each input
// cell to its place in the draft, so ImportStageValues reads the values
// a clerk filled back by cell address.
const StageDataSheet = "_jixiao_stage"

// StageFormatName is A1 of the hidden sheet.
const StageFormatName = "jixiao-stage-values/1"

type stageMeta struct {
	Stage  model.Stage `json:"stage"`
	Month  int         `json:"month,omitempty"`
	Dept   string      `json:"dept"`
	Year   string      `json:"year"`
	Sheet  string      `json:"sheet"`
	Inputs []inputCell `json:"inputs"`
}

// buildStage returns the sheet of stage for f, or a plain Chinese error
// when f has not reached it.
func buildStage(f *model.Form, stage model.Stage) (*stageSheet, error) {
	if f == nil {
		return nil, model.Errorf(model.EINVALID, "没有要导出的申报表")
	}
	switch stage {
	case model.StageMonitor:
		if f.Stage < model.StageMonitor || f.Month < 1 {
			return nil, model.Errorf(model.ECONFLICT, "草稿还没有进入运行监控阶段：请先把阶段切换到“运行监控”并选择月份（命令行：jixiao stage --draft 编号 监控 --month 6）")
		}
		s := buildMonitor(f)
		s.honest(f)
		return s, nil
	case model.StageEval:
		if f.Stage < model.StageEval {
			return nil, model.Errorf(model.ECONFLICT, "草稿还没有进入年度自评阶段：请先把阶段切换到“年度自评”（命令行：jixiao stage --draft 编号 自评）")
		}
		s := buildEval(f)
		s.honest(f)
		return s, nil
	}
	return nil, model.Errorf(model.EINVALID, "申报表请用普通导出")
}

// WriteStageXLSX writes f's 运行监控表 (stage StageMonitor) or 自评表
// (StageEval) as a print-ready workbook whose input cells (shaded) can be
// filled in Excel/WPS and imported back with ImportStageValues.
func WriteStageXLSX(w io.Writer, f *model.Form, stage model.Stage) error {
	s, err := buildStage(f, stage)
	if err != nil {
		return err
	}
	xf := excelize.NewFile()
	defer xf.Close()
	if err := writeStageWorkbook(xf, s); err != nil {
		return model.Errorf(model.EINTERNAL, "生成 Excel 文件失败：%w", err)
	}
	if _, err := xf.WriteTo(w); err != nil {
		return model.Errorf(model.EIO, "写入 Excel 文件失败：%w", err)
	}
	return nil
}

func writeStageWorkbook(xf *excelize.File, s *stageSheet) error {
	l, sheet := s.l, s.sheet
	if err := xf.SetDefaultFont(xlsxFont); err != nil {
		return err
	}
	if err := xf.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newXLSXStyles(xf)
	if err != nil {
		return err
	}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF9DB"}}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	inText, err := xf.NewStyle(&excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 10}, Border: border, Fill: fill,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	var inAmount [model.MoneyScale + 1]int
	for d := range inAmount {
		nf := numFmt(d)
		if inAmount[d], err = xf.NewStyle(&excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 10}, Border: border, Fill: fill,
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, CustomNumFmt: &nf}); err != nil {
			return err
		}
	}
	isInput := map[[2]int]bool{}
	for i := range s.inputs {
		in := &s.inputs[i]
		in.Addr, _ = excelize.CoordinatesToCellName(in.col+1, in.row+1)
		isInput[[2]int{in.row, in.col}] = true
	}
	for i, w := range l.widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := xf.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	heights := xlsxRowHeights(l)
	for ri := range l.rows {
		if err := xf.SetRowHeight(sheet, ri+1, heights[ri]); err != nil {
			return err
		}
		for ci := range l.rows[ri].cells {
			c := &l.rows[ri].cells[ci]
			a, _ := excelize.CoordinatesToCellName(c.col+1, ri+1)
			b, _ := excelize.CoordinatesToCellName(c.col+c.colSpan, ri+c.rowSpan)
			if a != b {
				if err := xf.MergeCell(sheet, a, b); err != nil {
					return err
				}
			}
			style := st.kind[c.kind]
			var value any = cleanXMLText(c.text)
			input := isInput[[2]int{ri, c.col}]
			switch c.kind {
			case kAmount:
				am := c.amount
				switch {
				case am.Valid():
					style, value = st.amount[decimals(am.Money())], moneyFloat(am.Money())
					if input {
						style = inAmount[decimals(am.Money())]
					}
				case am.State() == model.AmountInvalid:
					style = st.badAmount
				default:
					style, value = st.amount[0], nil
					if input {
						style = inAmount[0]
					}
				}
			case kTotal:
				style, value = st.total[decimals(c.total)], moneyFloat(c.total)
			default:
				if input {
					style = inText
				}
			}
			if err := xf.SetCellStyle(sheet, a, b, style); err != nil {
				return err
			}
			if value != nil && value != "" {
				if err := xf.SetCellValue(sheet, a, value); err != nil {
					return err
				}
			}
		}
	}
	if err := stagePageSetup(xf, s); err != nil {
		return err
	}
	return writeStageData(xf, s)
}

func stagePageSetup(xf *excelize.File, s *stageSheet) error {
	sheet, f := s.sheet, s.l.form
	size, orient, fitW, fitH := 9, "landscape", 1, 0
	if err := xf.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	fit := true
	if err := xf.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	lr, tb, hf := 0.4, 0.6, 0.3
	if err := xf.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Horizontally: &fit}); err != nil {
		return err
	}
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	if err := xf.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L&9" + esc("部门："+f.Dept) + verdictMark(s.l.verdict) + "&R&9" + esc(s.title+"（"+strings.TrimSpace(f.Year)+"年度）"),
		OddFooter: "&C&9第 &P 页 共 &N 页",
	}); err != nil {
		return err
	}
	return xf.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$3", Scope: sheet})
}

func writeStageData(xf *excelize.File, s *stageSheet) error {
	f := s.l.form
	b, err := json.Marshal(stageMeta{Stage: s.stage, Month: f.Month, Dept: f.Dept, Year: f.Year, Sheet: s.sheet, Inputs: s.inputs})
	if err != nil {
		return err
	}
	if _, err := xf.NewSheet(StageDataSheet); err != nil {
		return err
	}
	if err := xf.SetCellStr(StageDataSheet, "A1", StageFormatName); err != nil {
		return err
	}
	rs := []rune(string(b))
	for row := 2; len(rs) > 0; row++ {
		n := min(len(rs), dataChunk)
		if err := xf.SetCellStr(StageDataSheet, "A"+strconv.Itoa(row), string(rs[:n])); err != nil {
			return err
		}
		rs = rs[n:]
	}
	return xf.SetSheetVisible(StageDataSheet, false, true)
}
