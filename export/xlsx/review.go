package xlsx

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/layout"
	"jixiao/export/internal/reply"
	"jixiao/model"
)

// The files of 批量审核 (docs/batch.md): the 审核汇总 workbook (a summary
// sheet with a row per file, sortable and filterable, the failing ones
// marked, and a sheet per file listing its findings by place and fix) and
// the 审核意见 sent back with each file that has findings (xlsx here,
// PDF in review_pdf.go). They depend on model only.

// ReviewSummarySheet is the name of the summary sheet of the workbook.
const ReviewSummarySheet = "审核汇总"

// reviewCols are the summary sheet's columns: header and width.
var reviewCols = []struct {
	head  string
	width float64
}{
	{"序号", 6}, {"文件", 28}, {"格式", 9}, {"部门", 26}, {"年度", 8}, {"表样", 22},
	{"合计（万元）", 14}, {"错误", 7}, {"提示", 7}, {"结论", 10}, {"重复", 26}, {"第一个错误或无法读取的原因", 70},
}

// reviewStyles are the workbook's cell styles.
type reviewStyles struct {
	title, head, text, wrap, bad, badWrap, badMark, num, badNum, money, badMoney, link int
}

func newReviewStyles(xf *excelize.File) (reviewStyles, error) {
	var s reviewStyles
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	red := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}
	font := func(bold bool, size float64, color string) *excelize.Font {
		return &excelize.Font{Family: xlsxFont, Size: size, Bold: bold, Color: color}
	}
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	money := "0.0000"
	for _, x := range []struct {
		dst *int
		st  excelize.Style
	}{
		{&s.title, excelize.Style{Font: font(true, 14, "")}},
		{&s.head, excelize.Style{Font: font(true, 10, ""), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.text, excelize.Style{Font: font(false, 10, ""), Border: border, Alignment: top}},
		{&s.wrap, excelize.Style{Font: font(false, 10, ""), Border: border, Alignment: wrapTop}},
		{&s.bad, excelize.Style{Font: font(false, 10, "9C0006"), Border: border, Fill: red, Alignment: top}},
		{&s.badWrap, excelize.Style{Font: font(false, 10, "9C0006"), Border: border, Fill: red, Alignment: wrapTop}},
		{&s.badMark, excelize.Style{Font: font(true, 10, "9C0006"), Border: border, Fill: red, Alignment: top}},
		{&s.num, excelize.Style{Font: font(false, 10, ""), Border: border, Alignment: top}},
		{&s.badNum, excelize.Style{Font: font(false, 10, "9C0006"), Border: border, Fill: red, Alignment: top}},
		{&s.money, excelize.Style{Font: font(false, 10, ""), Border: border, Alignment: top, CustomNumFmt: &money}},
		{&s.badMoney, excelize.Style{Font: font(false, 10, "9C0006"), Border: border, Fill: red, Alignment: top, CustomNumFmt: &money}},
		{&s.link, excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 10, Color: "0563C1", Underline: "single"}, Border: border, Alignment: top}},
	} {
		id, err := xf.NewStyle(&x.st)
		if err != nil {
			return s, err
		}
		*x.dst = id
	}
	return s, nil
}

// newReviewBook is a new workbook whose first sheet is named first, in
// the sheet's font, with the review's styles.
func newReviewBook(first string) (*excelize.File, reviewStyles, error) {
	xf := excelize.NewFile()
	st, err := func() (reviewStyles, error) {
		if err := xf.SetDefaultFont(xlsxFont); err != nil {
			return reviewStyles{}, err
		}
		if err := xf.SetSheetName("Sheet1", first); err != nil {
			return reviewStyles{}, err
		}
		return newReviewStyles(xf)
	}()
	if err != nil {
		xf.Close()
		return nil, st, err
	}
	return xf, st, nil
}

// WriteReviewWorkbook writes the 审核汇总 workbook of a batch reviewed at
// when: the summary sheet (title, the totals line, then a row per file
// under a filter, so that a clerk sorts and filters it in Excel or WPS;
// the rows of files with errors or that could not be read are red) and a
// sheet per file with its findings, linked from the file's name.
func WriteReviewWorkbook(w io.Writer, files []*model.FileReview, when time.Time) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = model.Errorf(model.EINTERNAL, "生成审核汇总时出错（%v），文件未写出", r)
		}
	}()
	xf, st, err := newReviewBook(ReviewSummarySheet)
	if err != nil {
		return err
	}
	defer xf.Close()
	sheets := reviewSheetNames(files)
	if err := writeSummarySheet(xf, st, files, sheets, when); err != nil {
		return err
	}
	for i, r := range files {
		if err := writeFileSheet(xf, st, sheets[i], r); err != nil {
			return err
		}
	}
	xf.SetActiveSheet(0)
	if _, err := xf.WriteTo(w); err != nil {
		return model.Errorf(model.EIO, "写入审核汇总失败：%w", err)
	}
	return nil
}

// summaryHead is the row of the summary sheet's header (1-based).
const summaryHead = 4

func writeSummarySheet(xf *excelize.File, st reviewStyles, files []*model.FileReview, sheets []string, when time.Time) error {
	sh := ReviewSummarySheet
	set := func(cell string, v any, style int) error {
		if err := xf.SetCellValue(sh, cell, v); err != nil {
			return err
		}
		return xf.SetCellStyle(sh, cell, cell, style)
	}
	if err := set("A1", fmt.Sprintf("批量审核汇总（%s）", when.Format("2006-01-02 15:04")), st.title); err != nil {
		return err
	}
	if err := xf.SetCellValue(sh, "A2", model.CountBatch(files).String()+"。红色的行：有错误或无法读取；点文件名查看该文件的问题清单。"); err != nil {
		return err
	}
	for i, c := range reviewCols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := xf.SetColWidth(sh, col, col, c.width); err != nil {
			return err
		}
		if err := set(col+strconv.Itoa(summaryHead), c.head, st.head); err != nil {
			return err
		}
	}
	for i, r := range files {
		row := summaryHead + 1 + i
		bad := !r.Passed()
		text, wrap, num, money := st.text, st.wrap, st.num, st.money
		if bad {
			text, wrap, num, money = st.bad, st.badWrap, st.badNum, st.badMoney
		}
		dup := ""
		if r.Dup != nil {
			dup = "与“" + strings.Join(r.Dup.Others, "”“") + "”重复"
			switch {
			case r.Dup.Newest == r.Name:
				dup += "，这一份较新"
			case r.Dup.Newest != "":
				dup += "，较新的是“" + r.Dup.Newest + "”"
			}
		}
		mark := st.text
		if bad {
			mark = st.badMark
		}
		cells := []struct {
			v     any
			style int
		}{
			{i + 1, num}, {r.Name, st.link}, {r.Kind, text}, {r.Dept, text}, {r.Year, text}, {r.Template, text},
			{nil, money}, {r.Errors, num}, {r.Hints, num}, {r.Status(), mark}, {dup, wrap}, {cleanXMLText(r.FirstError()), wrap},
		}
		if !r.Failed() {
			cells[6].v = moneyFloat(r.Total)
		} else {
			cells[7].v, cells[8].v = nil, nil
		}
		for c, x := range cells {
			a, _ := excelize.CoordinatesToCellName(c+1, row)
			if x.v != nil {
				if err := xf.SetCellValue(sh, a, x.v); err != nil {
					return err
				}
			}
			if err := xf.SetCellStyle(sh, a, a, x.style); err != nil {
				return err
			}
		}
		a, _ := excelize.CoordinatesToCellName(2, row)
		if err := xf.SetCellHyperLink(sh, a, quoteSheet(sheets[i])+"!A1", "Location"); err != nil {
			return err
		}
		if err := fitRow(xf, sh, row, []string{dup, r.FirstError()}, []float64{reviewCols[10].width, reviewCols[11].width}); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(reviewCols), summaryHead+max(len(files), 1))
	if err := xf.AutoFilter(sh, "A"+strconv.Itoa(summaryHead)+":"+last, nil); err != nil {
		return err
	}
	if err := printOneWide(xf, sh, "landscape"); err != nil {
		return err
	}
	return xf.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: summaryHead, TopLeftCell: "A" + strconv.Itoa(summaryHead+1), ActivePane: "bottomLeft"})
}

// fitRow makes row as high as the longest of texts needs in columns of
// widths (Excel's units), as the form's own sheet does (layout/measure.go):
// Excel and WPS keep a row's height as the file says.
func fitRow(xf *excelize.File, sh string, row int, texts []string, widths []float64) error {
	st := layout.TextStyle{Size: 10, Line: LineHeightPt, Pad: rowPadPt}
	n := 1
	for i, t := range texts {
		n = max(n, st.Lines(t, widths[i]*xlsxUnitPt-2*layout.PadX))
	}
	return xf.SetRowHeight(sh, row, min(st.Height(n), maxRowPt))
}

// quoteSheet is a sheet name as a formula or link names it.
func quoteSheet(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// findingCols are the columns of a file's sheet and of an 审核意见.
var findingCols = []struct {
	head  string
	width float64
}{{"序号", 6}, {"类别", 7}, {"位置（在该文件中）", 40}, {"位置（在申报表中）", 36}, {"问题和修改方法", 70}}

func writeFileSheet(xf *excelize.File, st reviewStyles, sh string, r *model.FileReview) error {
	if _, err := xf.NewSheet(sh); err != nil {
		return err
	}
	if err := headLines(xf, st, sh, []string{r.Name, reviewHeadLine(r), reply.ReviewVerdict(r)}); err != nil {
		return err
	}
	if err := xf.SetCellHyperLink(sh, "A4", quoteSheet(ReviewSummarySheet)+"!A1", "Location"); err != nil {
		return err
	}
	if err := xf.SetCellValue(sh, "A4", "← 返回审核汇总"); err != nil {
		return err
	}
	if err := printOneWide(xf, sh, "landscape"); err != nil {
		return err
	}
	return writeFindingTable(xf, st, sh, 6, r, true)
}

// headLines writes lines into column A from row 1, the first as a title.
func headLines(xf *excelize.File, st reviewStyles, sh string, lines []string) error {
	for i, l := range lines {
		a := "A" + strconv.Itoa(i+1)
		if err := xf.SetCellValue(sh, a, cleanXMLText(l)); err != nil {
			return err
		}
		if i == 0 {
			if err := xf.SetCellStyle(sh, a, a, st.title); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeFindingTable writes r's findings as a table whose header is on
// row head: 序号, 类别, the place in the file, (with where, the place in
// the form), the problem and its fix.
func writeFindingTable(xf *excelize.File, st reviewStyles, sh string, head int, r *model.FileReview, where bool) error {
	col := 0
	for _, c := range findingCols {
		if !where && c.head == "位置（在申报表中）" {
			continue
		}
		col++
		name, _ := excelize.ColumnNumberToName(col)
		if err := xf.SetColWidth(sh, name, name, c.width); err != nil {
			return err
		}
		if err := xf.SetCellValue(sh, name+strconv.Itoa(head), c.head); err != nil {
			return err
		}
		if err := xf.SetCellStyle(sh, name+strconv.Itoa(head), name+strconv.Itoa(head), st.head); err != nil {
			return err
		}
	}
	for i, x := range reply.ReplyFindings(r) {
		row := head + 1 + i
		vals := []any{i + 1, x.Severity.String(), placeOrWhole(x), x.Where, x.Message}
		texts, widths := []string{placeOrWhole(x), x.Where, x.Message}, []float64{findingCols[2].width, findingCols[3].width, findingCols[4].width}
		if !where {
			vals = []any{i + 1, x.Severity.String(), reply.PlaceOrWhere(x), x.Message}
			texts, widths = []string{reply.PlaceOrWhere(x), x.Message}, []float64{findingCols[2].width, findingCols[4].width}
		}
		if err := fitRow(xf, sh, row, texts, widths); err != nil {
			return err
		}
		for c, v := range vals {
			a, _ := excelize.CoordinatesToCellName(c+1, row)
			if s, ok := v.(string); ok {
				v = cleanXMLText(s)
			}
			if err := xf.SetCellValue(sh, a, v); err != nil {
				return err
			}
			style := st.wrap
			if x.Severity == model.SevError {
				style = st.badWrap
			}
			if err := xf.SetCellStyle(sh, a, a, style); err != nil {
				return err
			}
		}
	}
	return nil
}

// placeOrWhole is a finding's place in the file, or 整个文件 when it is
// about the file as a whole.
func placeOrWhole(x model.FileFinding) string {
	if x.Place != "" {
		return x.Place
	}
	return "—"
}

// reviewHeadLine is 部门、年度、表样、合计 of a file in one line.
func reviewHeadLine(r *model.FileReview) string {
	if r.Failed() {
		return "格式：" + r.Kind
	}
	return fmt.Sprintf("部门：%s　年度：%s　表样：%s　合计：%s 万元　格式：%s", reply.OrUnfilled(r.Dept), reply.OrUnfilled(r.Year), r.Template, model.FormatMoney(r.Total, true), r.Kind)
}

// reviewSheetNames are the per-file sheets' names: “序号 文件名”, without
// the characters a sheet name cannot have, at most 31 characters.
func reviewSheetNames(files []*model.FileReview) []string {
	out := make([]string, len(files))
	for i, r := range files {
		base := strings.TrimSuffix(r.Name, filepath.Ext(r.Name))
		base = strings.Map(func(c rune) rune {
			if strings.ContainsRune(`:\/?*[]'`, c) || c < 0x20 {
				return '_'
			}
			return c
		}, base)
		name := []rune(strconv.Itoa(i+1) + " " + base)
		if len(name) > 31 {
			name = name[:31]
		}
		out[i] = strings.TrimSpace(string(name))
	}
	return out
}

// WriteReply writes r's 审核意见 as a workbook: the file, its
// department and year, the verdict, the date, and each finding with its
// place in that file and what to fix; printed on A4 portrait pages, one
// page wide.
func WriteReply(w io.Writer, r *model.FileReview, when time.Time) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = model.Errorf(model.EINTERNAL, "生成审核意见时出错（%v），文件未写出", p)
		}
	}()
	const sh = "审核意见"
	xf, st, err := newReviewBook(sh)
	if err != nil {
		return err
	}
	defer xf.Close()
	if err := headLines(xf, st, sh, reply.ReplyHead(r, when)); err != nil {
		return err
	}
	if err := writeFindingTable(xf, st, sh, len(reply.ReplyHead(r, when))+2, r, false); err != nil {
		return err
	}
	if err := printOneWide(xf, sh, "portrait"); err != nil {
		return err
	}
	if _, err := xf.WriteTo(w); err != nil {
		return model.Errorf(model.EIO, "写入审核意见失败：%w", err)
	}
	return nil
}

// printOneWide prints sheet sh on A4 pages in orientation (portrait,
// landscape), one page wide, as many pages high as it takes.
func printOneWide(xf *excelize.File, sh, orientation string) error {
	fit, a4, one, any := true, 9, 1, 0
	if err := xf.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	return xf.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit})
}
