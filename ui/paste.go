package ui

import (
	"fmt"
	"strings"

	"jixiao/model"
	"jixiao/model/recognize"
)

// Paste from Excel or WPS: the spreadsheet puts the copied cells on the
// clipboard as text, one line per row, cells separated by tabs; a cell
// holding line breaks or quotes is quoted ("…", with "" for a quote).
// SplitClipboard reads that text; ParsePaste turns its rows into goals,
// task rows or indicator rows. Nothing here knows Fyne: the editor applies
// the result with one Apply (one undo step) and shows PasteResult.Report.

// PasteTarget is the part of the form rows are pasted into.
type PasteTarget int

const (
	PasteGoals      PasteTarget = iota // 年度总体目标: one column
	PasteTasks                         // 年度主要任务
	PasteIndicators                    // 绩效指标
)

// SplitClipboard splits tab-separated text as Excel and WPS copy it: rows
// end with CRLF or LF; a cell starting with a quote runs to the closing
// quote and may hold tabs and line breaks, "" inside it is one quote.
// Trailing empty lines are dropped.
func SplitClipboard(s string) [][]string {
	var rows [][]string
	var row []string
	var cell strings.Builder
	inQuote, quoted := false, false
	endCell := func() {
		row = append(row, cell.String())
		cell.Reset()
		quoted = false
	}
	endRow := func() {
		endCell()
		rows = append(rows, row)
		row = nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inQuote {
			if c == '"' {
				if i+1 < len(s) && s[i+1] == '"' {
					cell.WriteByte('"')
					i++
					continue
				}
				inQuote = false
				continue
			}
			if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				continue // a CRLF inside a cell is one line break
			}
			cell.WriteByte(c)
			continue
		}
		switch {
		case c == '"' && cell.Len() == 0 && !quoted:
			inQuote, quoted = true, true
		case c == '\t':
			endCell()
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
			// the \n ends the row
		case c == '\n' || c == '\r':
			endRow()
		default:
			cell.WriteByte(c)
		}
	}
	if cell.Len() > 0 || len(row) > 0 || quoted {
		endRow()
	}
	for len(rows) > 0 && blankRow(rows[len(rows)-1]) {
		rows = rows[:len(rows)-1]
	}
	return rows
}

func blankRow(r []string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// PasteResult is what ParsePaste made of the clipboard.
type PasteResult struct {
	Target     PasteTarget
	Goals      []model.Goal
	Units      []model.Unit // task rows grouped by unit; Name "" means the current unit
	Indicators []model.Indicator
	Rows       int      // rows taken
	Refused    []string // rows not taken, each with the reason
	BadAmounts []string // amounts kept as typed that are not valid numbers
}

// Empty reports whether nothing can be pasted.
func (r *PasteResult) Empty() bool {
	return len(r.Goals) == 0 && len(r.Units) == 0 && len(r.Indicators) == 0
}

// ParsePaste reads the clipboard text for target.
//
// Targets: one column, or two with 目标N in the first; a 目标N： prefix is
// stripped. Tasks: the columns 主要内容, 合计, 财政资金, 备注, or with the
// unit (任务名称) before them; a blank unit cell continues the unit above
// (Excel leaves merged cells blank), as the official table groups rows. A
// header row is recognised by its texts and skipped. Indicators: 一级指标,
// 二级指标, 三级指标, 指标值, 指标解释, 指标说明 (a seventh column puts a
// 明细指标 after 三级指标); blank 一级/二级 cells continue the row above.
// Amounts go through model.ParseAmount: a bad amount keeps its text and is
// listed in BadAmounts.
func ParsePaste(target PasteTarget, text string) PasteResult {
	res := PasteResult{Target: target}
	rows := SplitClipboard(text)
	switch target {
	case PasteGoals:
		pasteGoals(&res, rows)
	case PasteTasks:
		pasteTasks(&res, rows)
	case PasteIndicators:
		pasteIndicators(&res, rows)
	}
	return res
}

func trimCells(r []string) []string {
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = strings.TrimSpace(c)
	}
	// cells after the last non-empty one are the selection's empty edge
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

func pasteGoals(res *PasteResult, rows [][]string) {
	for i, r := range rows {
		c := trimCells(r)
		n := i + 1
		switch {
		case len(c) == 0:
			continue
		case len(c) == 1 && recognize.IsGoalsHeader(c[0]):
			continue // header
		case len(c) == 2 && recognize.IsGoalLabel(c[0]):
			c = c[1:]
		case len(c) > 1:
			res.Refused = append(res.Refused, fmt.Sprintf("第%d行有%d列：年度总体目标只粘贴一列文字（或“目标N”加一列文字）", n, len(c)))
			continue
		}
		t := recognize.GoalText(c[0])
		if t == "" {
			res.Refused = append(res.Refused, fmt.Sprintf("第%d行只有“%s”，没有目标内容", n, c[0]))
			continue
		}
		res.Goals = append(res.Goals, model.Goal{Text: t})
		res.Rows++
	}
}

func pasteTasks(res *PasteResult, rows [][]string) {
	cols := map[recognize.TaskColumn]int{}
	withUnit := false
	decided := false
	unit := -1 // index in res.Units
	for i, r := range rows {
		n := i + 1
		c := trimCells(r)
		if len(c) == 0 {
			continue
		}
		// a header row names the columns
		hdr := map[recognize.TaskColumn]int{}
		for j, s := range c {
			if k := recognize.TaskColumnOf(s); k != "" {
				if _, dup := hdr[k]; !dup {
					hdr[k] = j
				}
			}
		}
		if _, ok := hdr[recognize.ColContent]; ok && len(hdr) >= 2 {
			cols, decided = hdr, true
			_, withUnit = hdr[recognize.ColUnit]
			continue
		}
		if strings.Contains(strings.Join(c, ""), "其中：财政资金") {
			continue // second header line
		}
		if !decided {
			// no header: 4 columns or fewer are 主要内容 合计 财政资金 备注;
			// 5 or more put the unit first.
			withUnit = len(r) >= 5
			if withUnit {
				cols = map[recognize.TaskColumn]int{recognize.ColUnit: 0, recognize.ColContent: 1, recognize.ColTotal: 2, recognize.ColFiscal: 3, recognize.ColNote: 4}
			} else {
				cols = map[recognize.TaskColumn]int{recognize.ColContent: 0, recognize.ColTotal: 1, recognize.ColFiscal: 2, recognize.ColNote: 3}
			}
			decided = true
		}
		get := func(k recognize.TaskColumn) string {
			j, ok := cols[k]
			if !ok || j >= len(c) {
				return ""
			}
			return c[j]
		}
		content := get(recognize.ColContent)
		if recognize.TotalOf(get(recognize.ColUnit)) != recognize.NotTotal || recognize.TotalOf(content) != recognize.NotTotal {
			res.Refused = append(res.Refused, fmt.Sprintf("第%d行是合计行：合计由程序计算，没有粘贴", n))
			continue
		}
		if withUnit && get(recognize.ColUnit) != "" {
			name := get(recognize.ColUnit)
			if unit < 0 || res.Units[unit].Name != name {
				res.Units = append(res.Units, model.Unit{Name: name})
				unit = len(res.Units) - 1
			}
		}
		t := model.Task{Content: content, Note: get(recognize.ColNote)}
		t.Total = model.ParseAmount(get(recognize.ColTotal))
		t.Fiscal = model.ParseAmount(get(recognize.ColFiscal))
		t.Other = model.ParseAmount(get(recognize.ColOther))
		if content == "" && t.Total.IsEmpty() && t.Fiscal.IsEmpty() && t.Note == "" {
			if withUnit && get(recognize.ColUnit) != "" {
				continue // a unit line without a row: the unit is kept
			}
			res.Refused = append(res.Refused, fmt.Sprintf("第%d行没有主要内容和金额", n))
			continue
		}
		for _, a := range []struct {
			name string
			a    model.Amount
		}{{"合计", t.Total}, {"财政资金", t.Fiscal}, {"其他资金", t.Other}} {
			if !a.a.IsEmpty() && !a.a.Valid() {
				res.BadAmounts = append(res.BadAmounts, fmt.Sprintf("第%d行的%s“%s”：%s（原文已保留，请改正）", n, a.name, a.a.Raw(), a.a.Reason()))
			}
		}
		if unit < 0 {
			res.Units = append(res.Units, model.Unit{})
			unit = 0
		}
		res.Units[unit].Tasks = append(res.Units[unit].Tasks, t)
		res.Rows++
	}
	// units that got no rows and no name are dropped
	out := res.Units[:0]
	for _, u := range res.Units {
		if len(u.Tasks) > 0 || u.Name != "" {
			out = append(out, u)
		}
	}
	res.Units = out
}

func pasteIndicators(res *PasteResult, rows [][]string) {
	var last model.Indicator
	for i, r := range rows {
		n := i + 1
		c := trimCells(r)
		if len(c) == 0 {
			continue
		}
		if strings.Contains(c[0], "一级指标") || (len(c) > 1 && strings.Contains(c[1], "二级指标")) {
			continue // header
		}
		if len(c) > 7 {
			res.Refused = append(res.Refused, fmt.Sprintf("第%d行有%d列：绩效指标最多粘贴7列（一级指标、二级指标、三级指标、明细指标、指标值、指标解释、指标说明）", n, len(c)))
			continue
		}
		get := func(j int) string {
			if j < len(c) {
				return c[j]
			}
			return ""
		}
		in := model.Indicator{Level1: get(0), Level2: get(1), Level3: get(2)}
		if len(r) >= 7 && len(c) == 7 {
			in.Sub, in.Value, in.Explain, in.Note = get(3), get(4), get(5), get(6)
		} else {
			in.Value, in.Explain, in.Note = get(3), get(4), get(5)
		}
		if in.Level1 == "" {
			in.Level1 = last.Level1
			if in.Level2 == "" {
				in.Level2 = last.Level2
			}
		}
		if in.Level3 == "" && in.Sub == "" && in.Value == "" && in.Explain == "" && in.Note == "" {
			res.Refused = append(res.Refused, fmt.Sprintf("第%d行没有三级指标和指标值", n))
			continue
		}
		if in.Level1 == "" {
			res.Refused = append(res.Refused, fmt.Sprintf("第%d行没有一级指标（上面也没有可沿用的）", n))
			continue
		}
		if k, ok := recognize.FormulaKey(in.Name()); ok {
			in.Formula = k
		}
		last = in
		res.Indicators = append(res.Indicators, in)
		res.Rows++
	}
}

// ApplyPaste adds r's rows to f: targets and indicators at the end; task
// rows of a named unit to the unit of that name (a new unit at the end
// when there is none), rows without a unit to unit cur (the last unit
// when cur is out of range, a new unnamed one when there is no unit).
// It returns the places, in plain Chinese, where rows went.
func ApplyPaste(f *model.Form, r PasteResult, cur int) []string {
	var where []string
	if len(r.Goals) > 0 {
		where = append(where, fmt.Sprintf("年度总体目标：新增%d条（目标%d起）", len(r.Goals), len(f.Goals)+1))
		f.Goals = append(f.Goals, r.Goals...)
	}
	for _, u := range r.Units {
		i := -1
		if u.Name == "" {
			i = cur
			if i < 0 || i >= len(f.Units) {
				i = len(f.Units) - 1
			}
		} else {
			for k := range f.Units {
				if strings.TrimSpace(f.Units[k].Name) == u.Name {
					i = k
				}
			}
		}
		if i < 0 {
			f.Units = append(f.Units, model.Unit{Name: u.Name})
			i = len(f.Units) - 1
		}
		name := f.Units[i].Name
		if name == "" {
			name = fmt.Sprintf("第%d个单位", i+1)
		}
		where = append(where, fmt.Sprintf("年度主要任务 › %s：新增%d行（第%d行起）", name, len(u.Tasks), len(f.Units[i].Tasks)+1))
		f.Units[i].Tasks = append(f.Units[i].Tasks, u.Tasks...)
	}
	if len(r.Indicators) > 0 {
		where = append(where, fmt.Sprintf("绩效指标：新增%d行（第%d行起）", len(r.Indicators), len(f.Indicators)+1))
		f.Indicators = append(f.Indicators, r.Indicators...)
	}
	return where
}

// Report is the paste's outcome in plain Chinese.
func (r *PasteResult) Report(where []string) string {
	var b strings.Builder
	if r.Empty() {
		b.WriteString("没有粘贴任何内容。\n")
	} else {
		fmt.Fprintf(&b, "已粘贴%d行：\n", r.Rows)
		for _, w := range where {
			b.WriteString("  " + w + "\n")
		}
	}
	if len(r.BadAmounts) > 0 {
		fmt.Fprintf(&b, "金额有误（%d处，原文已保留，请在表中改正）：\n", len(r.BadAmounts))
		for _, s := range r.BadAmounts {
			b.WriteString("  " + s + "\n")
		}
	}
	if len(r.Refused) > 0 {
		fmt.Fprintf(&b, "未粘贴（%d行）：\n", len(r.Refused))
		for _, s := range r.Refused {
			b.WriteString("  " + s + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
