package recognize

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao/model"
)

var (
	yearRe      = regexp.MustCompile(`([0-9０-９]{4})\s*年度`)
	yearCellRe  = regexp.MustCompile(`^\s*([0-9０-９]{4})\s*(年度|年)?\s*$`)
	goalStartRe = regexp.MustCompile(`^\s*目标\s*[0-9０-９]+\s*[:：.．、]`)
	plainNumRe  = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)
)

func ParseSheet(g *SheetGrid, blocks []block, rep *ImportReport) *model.Form {
	f := model.New("", "", TimeZero)
	// Title area: 年度 and 部门名称 anywhere above the first block.
	first := len(g.Cells)
	for _, b := range blocks {
		first = min(first, b.row)
	}
	// 年度 as a row of 基本信息 (a template's 预算年度 | 2022)
	yearLabels := []string{"年度", "年度:"}
	if t := g.template(); t != nil && t.YearInBasic() {
		yearLabels = append(yearLabels, Norm(t.YearLabel()), Norm(t.YearLabel())+":")
	}
	labelled := "" // the year of a 年度 row: it wins over a year in a title or page header
	for r := 0; r < first; r++ {
		for c, v := range g.Cells[r] {
			if slices.Contains(yearLabels, Norm(v)) {
				if vc, val := nextValue(g, r, c); vc >= 0 {
					if m := yearCellRe.FindStringSubmatch(val); m != nil {
						if labelled == "" {
							labelled = FoldDigits(m[1])
						}
						g.use(r, c)
						g.use(r, vc)
					}
				}
			}
			if f.Year == "" {
				if m := yearRe.FindStringSubmatch(v); m != nil {
					f.Year = FoldDigits(m[1])
					g.record(rep, basicLoc(model.FieldYear), r, c)
				}
			}
			if n := Norm(v); (n == "部门名称" || n == "部门名称:" || n == "部门") && f.Dept == "" {
				for c2 := c + 1; c2 < len(g.Cells[r]); c2++ {
					if w := strings.TrimSpace(g.at(r, c2)); w != "" && Norm(w) != n {
						f.Dept = w
						g.record(rep, basicLoc(model.FieldDept), r, c2)
						break
					}
				}
			} else if strings.HasPrefix(n, "部门名称:") && f.Dept == "" && len(n) > len("部门名称:") {
				f.Dept = strings.TrimSpace(strings.SplitN(strings.ReplaceAll(v, "：", ":"), ":", 2)[1])
				g.record(rep, basicLoc(model.FieldDept), r, c)
			}
		}
	}
	if labelled != "" {
		f.Year = labelled
	}
	if f.Year == "" {
		rep.Problem("", "没有找到年度（如“（2020年度）”），请在程序中填写年度")
	}
	templateHead(g, first, f, rep)
	if f.Dept == "" {
		rep.Problem("", "没有找到部门名称，请在程序中填写")
	}
	// Each block runs to the next block's header.
	end := func(b block) int {
		e := len(g.Cells)
		for _, o := range blocks {
			if o.row > b.row && o.row < e {
				e = o.row
			}
		}
		return e
	}
	for _, b := range blocks {
		g.record(rep, model.Location{Part: partOf(b.kind), Unit: -1, Row: -1}, b.row, b.col)
		switch b.kind {
		case blockGoals:
			parseGoals(g, b, end(b), f, rep)
		case blockTasks:
			parseTasks(g, b, end(b), f, rep)
		case blockIndicators:
			parseIndicators(g, b, end(b), f, rep)
		case blockFunds:
			parseFunds(g, b, end(b), f, rep)
		case blockDuties:
			parseDuties(g, b, end(b), f, rep)
		}
		markBlock(g, b, end(b))
	}
	applyRecognised(g, f, rep)
	reportUnplaced(g, rep)
	reportFormulas(g, rep)
	return f
}

func FoldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

func parseGoals(g *SheetGrid, b block, end int, f *model.Form, rep *ImportReport) {
	skipped := 0
	var placeholders, unfilled, split []string
	for r := b.row; r < end; r++ {
		text, at, label, labelAt := "", b.col+1, false, 0
		for c := b.col + 1; c < len(g.cellsOf(r)); c++ {
			v := g.at(r, c)
			if strings.TrimSpace(v) != "" && Norm(v) != Norm(g.at(b.row, b.col)) {
				if !label && IsGoalLabel(v) {
					// “目标5：” alone, or in a column of its own with
					// the text in the next
					label, labelAt = true, c
					continue
				}
				text, at = v, c
				break
			}
		}
		t := GoalText(text)
		if t == "" && g.rowHasFormula(r, b.col+1) {
			// The target is a formula without a value: kept as an empty
			// target to fill in, and reported by reportFormulas.
			f.Goals = append(f.Goals, model.Goal{})
			g.recordGoal(rep, len(f.Goals)-1, r, b.col+1)
			continue
		}
		if t == "" && !label && r != b.row && SectionLabel(strings.TrimSuffix(Norm(g.at(r, b.col)), "(续)"), g.yearsTemplates()) {
			continue // the next part's label on a row of its own (年度绩效指标): not a skipped row
		}
		if t == "" && label {
			// a numbered target printed without text (目标5：): kept,
			// so the targets keep their numbers; 审核 asks for it
			unfilled = append(unfilled, g.addr(r, labelAt))
			f.Goals = append(f.Goals, model.Goal{})
			g.recordGoal(rep, len(f.Goals)-1, r, labelAt)
			continue
		}
		if t == "" {
			if !rowEmpty(g, r) || r == b.row {
				skipped++
			}
			continue
		}
		if IsPlaceholder(t) {
			// kept, as the export printed it: 审核 asks for a real target
			placeholders = append(placeholders, g.addr(r, at))
		}
		if parts := SplitGoals(text); len(parts) > 1 && !label {
			// several numbered targets typed in one cell: one each
			split = append(split, fmt.Sprintf("%s（%d 条）", g.addr(r, at), len(parts)))
			for _, p := range parts {
				f.Goals = append(f.Goals, model.Goal{Text: p})
			}
			continue
		}
		f.Goals = append(f.Goals, model.Goal{Text: t})
		g.recordGoal(rep, len(f.Goals)-1, r, at)
	}
	if len(split) > 0 {
		rep.Note("%s：%s 一格中写了几条编号的目标，已按编号分为各自的一条", g.template().Label(model.SectionGoals), strings.Join(split, "、"))
	}
	if skipped > 0 {
		rep.Note("年度总体目标：跳过 %d 个空白行", skipped)
	}
	placeholderNote(rep, "年度总体目标", placeholders)
	if len(unfilled) > 0 {
		rep.Note("年度总体目标：保留了 %d 条只有编号、没有内容的目标（在 %s），请在程序中填写或删除", len(unfilled), placeList(unfilled))
	}
}

func parseTasks(g *SheetGrid, b block, end int, f *model.Form, rep *ImportReport) {
	nameC, okN := b.cols["name"]
	contC, okC := b.cols["content"]
	if !okN || !okC {
		rep.Problem(g.addr(b.row, 0), "任务表的表头不完整（需要“任务名称”和“主要内容”），任务未导入")
		return
	}
	col := b.column
	totC, fisC, othC, noteC := col("total"), col("fiscal"), col("other"), col("note")
	if othC >= 0 {
		f.Options.OtherFunds = true
	}
	own := []int{contC, totC, fisC, othC, noteC} // the unit name may be merged from above
	skipped := 0
	var placeholders []string
	var fileTotal *model.Amount
	totalCell := ""
	for r := b.row + b.header; r < end; r++ {
		formula := g.hasFormula(r, nameC, contC, totC, fisC, othC, noteC)
		if rowEmpty(g, r) && !formula {
			continue
		}
		name := strings.TrimSpace(g.at(r, nameC))
		if IsTaskHeader(name, g.at(r, contC)) {
			continue // the header repeated on a printed page
		}
		if len(f.Units) > 0 && IsContinuation(name, f.Units[len(f.Units)-1].Name) {
			name = f.Units[len(f.Units)-1].Name // a unit continued on the next page: 某单位（续）
		}
		total := max(TotalOf(name), TotalOf(g.at(r, contC)))
		if total == Subtotal {
			// a unit's 小计: computed by the program, not a task
			if totC >= 0 {
				g.Reported[[2]int{r, totC}] = true
			}
			rep.Note("年度主要任务：跳过 %s 的“小计”行（小计由程序计算）", g.addr(r, max(contC, 0)))
			continue
		}
		if total == GrandTotal {
			if totC >= 0 {
				a := readAmount(g, r, totC)
				fileTotal, totalCell = &a, g.addr(r, totC)
				// The total is recomputed: a formula without a value
				// there loses nothing and is not reported.
				g.Reported[[2]int{r, totC}] = true
			}
			continue
		}
		if !formula && (rowPlaceholder(g, r, own) || IsPlaceholder(name) && allEmpty(g, r, own...)) {
			// a template's "....." row: kept as the unit or task it
			// reads as, for the clerk to fill in (审核 asks for it)
			placeholders = append(placeholders, g.addr(r, firstPlaceholder(g, r, append([]int{nameC}, own...))))
		}
		content := g.at(r, contC)
		if strings.TrimSpace(content) == "" && allEmpty(g, r, totC, fisC, othC, noteC) && !g.hasFormula(r, own...) {
			// only a unit name: a unit without rows yet
			if name != "" && (len(f.Units) == 0 || f.Units[len(f.Units)-1].Name != name) || formula && len(f.Units) == 0 {
				f.Units = append(f.Units, model.Unit{Name: name})
				g.recordUnit(rep, len(f.Units)-1, r, nameC)
			} else if !formula {
				skipped++
			}
			continue
		}
		newUnit := len(f.Units) == 0
		if name != "" && !newUnit && f.Units[len(f.Units)-1].Name != name {
			newUnit = true
		}
		if newUnit {
			f.Units = append(f.Units, model.Unit{Name: name})
			g.recordUnit(rep, len(f.Units)-1, r, nameC)
		}
		t := model.Task{Content: content}
		if totC >= 0 {
			t.Total = amountCell(g, r, totC, rep)
		}
		if fisC >= 0 {
			t.Fiscal = amountCell(g, r, fisC, rep)
		}
		if othC >= 0 {
			t.Other = amountCell(g, r, othC, rep)
		}
		if noteC >= 0 {
			t.Note = g.at(r, noteC)
		}
		u := &f.Units[len(f.Units)-1]
		u.Tasks = append(u.Tasks, t)
		g.recordRow(rep, model.PartTasks, len(f.Units)-1, len(u.Tasks)-1, r, map[model.Field]int{
			model.FieldContent: contC, model.FieldTotal: totC, model.FieldFiscal: fisC, model.FieldOther: othC, model.FieldTaskNote: noteC,
		}, g.headOf(b.row, b.row+b.header))
	}
	if skipped > 0 {
		rep.Note("年度主要任务：跳过 %d 个空白行", skipped)
	}
	placeholderNote(rep, "年度主要任务", placeholders)
	if fileTotal != nil && fileTotal.Valid() {
		sum := model.ComputeTotals(f)
		readable := true
		for _, u := range f.Units {
			for _, t := range u.Tasks {
				readable = readable && t.Total.State() != model.AmountInvalid
			}
		}
		if readable && sum.Total != fileTotal.Money() {
			rep.Problem(totalCell, "文件中的合计 %s 与各行相加的 %s 不一致；程序按各行重新计算合计", fileTotal.String(), model.FormatMoney(sum.Total, false))
		}
	}
}

// readAmount reads an amount cell: a number as stored (Excel's binary
// noise like 81.600000000000009 is rounded to 15 significant digits, as
// Excel shows it) or a text like 1,273.30.
func readAmount(g *SheetGrid, r, c int) model.Amount {
	v := strings.TrimSpace(g.at(r, c))
	if plainNumRe.MatchString(v) {
		if d, err := decimal.NewFromString(v); err == nil {
			if fl, err := strconv.ParseFloat(v, 64); err == nil {
				if s := strconv.FormatFloat(fl, 'g', 15, 64); s != "" {
					if d2, err := decimal.NewFromString(s); err == nil {
						d = d2
					}
				}
			}
			return model.ParseAmount(d.String())
		}
	}
	return model.ParseAmount(g.at(r, c))
}

func amountCell(g *SheetGrid, r, c int, rep *ImportReport) model.Amount {
	a := readAmount(g, r, c)
	if a.IsEmpty() {
		// A formula whose result was never calculated (files written by
		// programs, not by Excel) reads as empty: say so.
		g.formulaProblem(rep, r, c, "金额是公式%s，但文件中没有它的计算结果；请在 Excel 或 WPS 中打开、保存后再导入，或直接填写数字")
	}
	if a.State() == model.AmountInvalid {
		raw := strings.TrimSpace(a.Raw())
		why := strings.TrimLeft(strings.TrimPrefix(a.Reason(), "金额“"+raw+"”"), "，,：: ")
		rep.Problem(g.addr(r, c), "金额“%s”无法识别：%s", raw, why)
	}
	return a
}

func parseIndicators(g *SheetGrid, b block, end int, f *model.Form, rep *ImportReport) {
	col := b.column
	l1, l2, l3, sub := col("l1"), col("l2"), col("l3"), col("sub")
	value, explain, note := col("value"), col("explain"), col("note")
	weight, unit, vtype, scoring := col("weight"), col("unit"), col("vtype"), col("scoring")
	nature, direction := col("nature"), col("direction")
	f.Options.Nature = f.Options.Nature || nature >= 0
	f.Options.Direction = f.Options.Direction || direction >= 0
	f.Options.Weight = f.Options.Weight || weight >= 0
	f.Options.Unit = f.Options.Unit || unit >= 0
	f.Options.ValueType = f.Options.ValueType || vtype >= 0
	f.Options.Scoring = f.Options.Scoring || scoring >= 0
	get := func(r, c int) string {
		if c < 0 {
			return ""
		}
		return g.at(r, c)
	}
	all := []int{l1, l2, l3, sub, value, explain, note, weight, unit, vtype, scoring, nature, direction}
	own := all[2:] // 一级/二级 may be merged from above
	skipped := 0
	var placeholders []string
	for r := b.row + b.header; r < end; r++ {
		formula := g.hasFormula(r, all...)
		if rowEmpty(g, r) && !formula || g.skip[r] {
			continue
		}
		in := model.Indicator{
			Level1: strings.TrimSpace(get(r, l1)), Level2: strings.TrimSpace(get(r, l2)), Level3: strings.TrimSpace(get(r, l3)),
			Sub: strings.TrimSpace(get(r, sub)), Value: strings.TrimSpace(get(r, value)),
			Explain: get(r, explain), Note: get(r, note),
			Weight: strings.TrimSpace(get(r, weight)), Unit: strings.TrimSpace(get(r, unit)),
			ValueType: strings.TrimSpace(get(r, vtype)), Scoring: get(r, scoring),
			Nature: strings.TrimSpace(get(r, nature)), Direction: strings.TrimSpace(get(r, direction)),
		}
		if n := Norm(in.Level1); n == "一级指标" {
			continue // a repeated header row
		}
		// A template's "....." row (a place where the clerk must list
		// items) is printed by our exports and kept as a row: 审核 asks
		// for it to be filled in or deleted, as in the draft it came from.
		if !formula && allEmpty(g, r, own...) && !IsPlaceholder(in.Level1) && !IsPlaceholder(in.Level2) {
			if !levelsOnly(g, r, []int{l1, l2}, rep) {
				skipped++
			}
			continue
		}
		if !formula && (rowPlaceholder(g, r, own) || allEmpty(g, r, own...)) {
			placeholders = append(placeholders, g.addr(r, firstPlaceholder(g, r, all)))
		}
		// A clerk who does not merge leaves the repeated level empty.
		if len(f.Indicators) > 0 {
			prev := f.Indicators[len(f.Indicators)-1]
			// a group continued on the next printed page: 产出指标（续）
			if IsContinuation(in.Level1, prev.Level1) {
				in.Level1 = prev.Level1
			}
			if in.Level1 == prev.Level1 && IsContinuation(in.Level2, prev.Level2) {
				in.Level2 = prev.Level2
			}
			if in.Level1 == "" && l1 >= 0 && !IsPlaceholder(prev.Level1) && !g.isFormula(r, l1) {
				in.Level1 = prev.Level1
			}
			if in.Level2 == "" && l2 >= 0 && in.Level1 == prev.Level1 && !IsPlaceholder(prev.Level2) && !g.isFormula(r, l2) {
				in.Level2 = prev.Level2
			}
		}
		if sub < 0 {
			if i := strings.Index(in.Level3, SubSep); i > 0 && i+len(SubSep) < len(in.Level3) {
				in.Level3, in.Sub = strings.TrimSpace(in.Level3[:i]), strings.TrimSpace(in.Level3[i+len(SubSep):])
			}
		}
		if key, ok := FormulaKey(in.Name()); ok {
			in.Formula = key
		}
		f.Indicators = append(f.Indicators, in)
		g.recordRow(rep, model.PartIndicators, -1, len(f.Indicators)-1, r, map[model.Field]int{
			model.FieldLevel1: l1, model.FieldLevel2: l2, model.FieldLevel3: l3, model.FieldSub: sub,
			model.FieldValue: value, model.FieldExplain: explain, model.FieldNote: note, model.FieldWeight: weight,
			model.FieldUnit: unit, model.FieldValueType: vtype, model.FieldScoring: scoring,
			model.FieldNature: nature, model.FieldDirection: direction,
		}, g.headOf(b.row, b.row+b.header))
	}
	if skipped > 0 {
		rep.Note("绩效指标：跳过 %d 个空白行", skipped)
	}
	placeholderNote(rep, "绩效指标", placeholders)
}

// levelsOnly lists in rep.Unplaced, cell by cell, the 一级/二级指标 of
// row r typed in the row itself (not merged from above) when the row has
// nothing else: there is no indicator to put them in. It reports whether
// there was any.
func levelsOnly(g *SheetGrid, r int, cols []int, rep *ImportReport) bool {
	any := false
	for _, c := range cols {
		v := strings.TrimSpace(g.at(r, c))
		if c < 0 || v == "" || g.Covered(r, c) || strings.HasSuffix(Norm(v), "(续)") {
			continue
		}
		any = true
		if len(rep.Unplaced) < maxUnplaced {
			rep.Unplaced = append(rep.Unplaced, Problem{Cell: g.addr(r, c), Message: fmt.Sprintf("“%s”所在的这一行只有一级、二级指标，没有三级指标和指标值，没有导入；需要时请在程序中添加这一行", Shorten(v, 40))})
		}
	}
	return any
}

// Shorten is s cut to n characters, with "…" when cut.
func Shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// firstPlaceholder is the first of cols whose cell in row r is a
// placeholder like "....." (the first column when none is).
func firstPlaceholder(g *SheetGrid, r int, cols []int) int {
	for _, c := range cols {
		if c >= 0 && IsPlaceholder(g.at(r, c)) {
			return c
		}
	}
	return max(cols[0], 0)
}

// placeholderNote tells how many template placeholder rows ("....."）of
// part were kept, and where: they are rows to fill in or delete.
func placeholderNote(rep *ImportReport, part string, places []string) {
	if len(places) == 0 {
		return
	}
	rep.Note("%s：保留了 %d 个模板占位行（“.....”，在 %s），请在程序中填写实际内容或删除这些行", part, len(places), placeList(places))
}

// placeList names places for a note: the first ten, then how many in all.
func placeList(places []string) string {
	const show = 10
	list := strings.Join(places[:min(len(places), show)], "、")
	if len(places) > show {
		list += fmt.Sprintf(" 等 %d 处", len(places))
	}
	return list
}
