package recognize

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao/model"
)

// Reading the parts of a sheet that come from a 表样 (部门总体资金情况,
// 部门职能概述, further 基本信息 fields), recognising the template from the
// sheet's labels and headers, and reporting, cell by cell, what could not
// be placed.

const (
	blockFunds blockKind = 100 + iota
	blockDuties
)

// fundsLabel and dutiesLabel recognise the labels of those parts.
func fundsLabel(n string) bool {
	return strings.HasPrefix(n, "部门总体资金情况") || strings.HasPrefix(n, "部门整体资金情况") || strings.HasPrefix(n, "部门资金情况")
}

func dutiesLabel(n string) bool {
	switch n {
	case "部门职能概述", "部门(单位)职责", "部门职责", "单位职责", "部门职能职责概述", "单位职能概述", "职能概述", "部门(单位)职能概述", "主要职能":
		return true
	}
	return false
}

// deptLabels are the labels of 部门名称 in the published layouts.
var deptLabels = []string{"部门(单位)名称", "单位名称", "部门(单位)", "填报单位", "预算单位"}

// templateBlocks returns the funds or duties block whose label is in row r
// (texts: the row's normalised texts and their columns), once each.
func templateBlocks(g *SheetGrid, r int, texts map[string]int, have []block) []block {
	var out []block
	has := func(k blockKind) bool {
		return slices.ContainsFunc(have, func(b block) bool { return b.kind == k })
	}
	for n, c := range texts {
		switch {
		case g.isFundsLabel(n) && !has(blockFunds):
			out = append(out, block{kind: blockFunds, row: r, col: c})
			have = append(have, out[len(out)-1])
		case g.isDutiesLabel(n) && !has(blockDuties):
			out = append(out, block{kind: blockDuties, row: r, col: c})
			have = append(have, out[len(out)-1])
		}
	}
	return out
}

func (g *SheetGrid) use(r, c int) {
	if g.used == nil {
		g.used = map[[2]int]bool{}
	}
	g.used[[2]int{r, c}] = true
}

// templateHead reads 部门名称 under its other labels (in the title area,
// rows before first), the 基本信息 fields anywhere in the sheet (a footer
// 填报人：张三 联系电话：…), and marks the title cells as placed.
func templateHead(g *SheetGrid, first int, f *model.Form, rep *ImportReport) {
	labels := g.basicLabels()
	inCell := basicInCell(labels)
	for r := range g.Cells {
		for c, v := range g.Cells[r] {
			n := Norm(v)
			if n == "" {
				continue
			}
			if r < first {
				switch {
				case yearRe.MatchString(v) || strings.HasSuffix(n, "表") || strings.HasSuffix(n, "表)") || n == Norm(f.Dept):
					g.use(r, c)
				case g.isDeptLabel(strings.TrimSuffix(n, ":")) || n == "部门名称" || n == "部门名称:" || n == "部门":
					g.use(r, c)
					if vc, val := nextValue(g, r, c); vc >= 0 {
						if f.Dept == "" {
							f.Dept = val
							g.record(rep, basicLoc(model.FieldDept), r, vc)
						}
						g.use(r, vc)
					}
				case strings.HasPrefix(n, "部门名称:") || strings.HasPrefix(n, "填报单位:") || strings.HasPrefix(n, "部门(单位)名称:"):
					if f.Dept == "" {
						f.Dept = strings.TrimSpace(strings.SplitN(strings.ReplaceAll(strings.ReplaceAll(v, "（", "("), "：", ":"), ":", 2)[1])
						g.record(rep, basicLoc(model.FieldDept), r, c)
					}
					g.use(r, c)
				}
			}
			if l := strings.TrimSuffix(n, ":"); slices.Contains(labels, l) {
				g.use(r, c)
				if vc, val := nextValue(g, r, c); vc >= 0 && !slices.Contains(labels, strings.TrimSuffix(Norm(val), ":")) {
					setBasic(f, l, val)
					g.use(r, vc)
				}
				g.skipRow(r)
				continue
			}
			if !strings.ContainsAny(v, ":：") {
				continue // no “填报人：” in it (the regexp costs 15% of reading a sheet)
			}
			if m := inCell.FindAllStringSubmatchIndex(v, -1); len(m) > 0 && strings.TrimSpace(v[:m[0][0]]) == "" {
				for i, sm := range m {
					end := len(v)
					if i+1 < len(m) {
						end = m[i+1][0]
					}
					setBasic(f, v[sm[2]:sm[3]], strings.TrimSpace(v[sm[1]:end]))
				}
				g.use(r, c)
				g.skipRow(r)
			}
		}
	}
}

func (g *SheetGrid) skipRow(r int) {
	if g.skip == nil {
		g.skip = map[int]bool{}
	}
	g.skip[r] = true
}

func setBasic(f *model.Form, label, value string) {
	if strings.TrimSpace(value) == "" {
		return
	}
	if f.Basic == nil {
		f.Basic = map[string]string{}
	}
	if _, ok := f.Basic[label]; !ok {
		f.Basic[label] = strings.TrimSpace(value)
	}
}

// nextValue is the first non-empty cell right of (r, c) that is not a copy
// of the label (a merged label).
func nextValue(g *SheetGrid, r, c int) (int, string) {
	for c2 := c + 1; c2 < len(g.cellsOf(r)); c2++ {
		if w := strings.TrimSpace(g.at(r, c2)); w != "" && Norm(w) != Norm(g.at(r, c)) {
			return c2, w
		}
	}
	return -1, ""
}

// parseDuties reads the 部门职能概述: the text right of its label (or,
// when the label stands alone, the rows below it up to the next part).
func parseDuties(g *SheetGrid, b block, end int, f *model.Form, rep *ImportReport) {
	g.use(b.row, b.col)
	duties := model.Location{Part: model.PartDuties, Unit: -1, Row: -1, Field: model.FieldDuties}
	if c, _ := nextValue(g, b.row, b.col); c >= 0 {
		f.Duties = g.at(b.row, c)
		g.use(b.row, c)
		g.record(rep, duties, b.row, c)
		return
	}
	var parts []string
	for r := b.row + 1; r < end; r++ {
		for c, v := range g.cellsOf(r) {
			if strings.TrimSpace(v) != "" && !g.Covered(r, c) {
				parts = append(parts, v)
				g.use(r, c)
				g.record(rep, duties, r, c)
			}
		}
	}
	f.Duties = strings.Join(parts, "\n")
}

// normShare is a typed 占比 as the form keeps it: a spreadsheet's fraction
// (0.748, a cell formatted as per cent) becomes 74.8%.
func normShare(raw string) string {
	s := strings.TrimSpace(raw)
	if s == "" || strings.ContainsAny(s, "%％") || !plainNumRe.MatchString(s) {
		return s
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	if d.Abs().LessThanOrEqual(decimal.NewFromInt(1)) {
		d = d.Shift(2) // a cell formatted as per cent holds the fraction: 1 is 100%
	}
	dec := max(-d.Exponent(), 0)
	if dec > 2 {
		return d.StringFixed(1) + "%"
	}
	return d.StringFixed(dec) + "%"
}

// parseFunds reads the 部门总体资金情况: a header row with 当年金额 (and
// 占比, 项目), then rows of 收入构成 and 支出构成, each ending with 合计.
func parseFunds(g *SheetGrid, b block, end int, f *model.Form, rep *ImportReport) {
	g.use(b.row, b.col)
	amountC, shareC, nameC := -1, -1, -1
	hdr := -1
	for r := b.row; r < end && hdr < 0; r++ {
		for c, v := range g.cellsOf(r) {
			switch n := Norm(v); {
			case n == FundsAmountHeader || n == "当年金额(万元)" || n == "金额" || n == "年初预算数":
				amountC, hdr = c, r
			case n == FundsShareHeader || n == "占比(%)":
				shareC = c
			case n == FundsNameHeader || n == "项目名称":
				nameC = c
			}
		}
	}
	if hdr < 0 {
		rep.Problem(g.addr(b.row, b.col), "部门总体资金情况没有“当年金额”表头，资金情况未导入；请按表样填写表头")
		return
	}
	for c, v := range g.cellsOf(hdr) {
		if strings.TrimSpace(v) != "" && (c == amountC || c == shareC || c == nameC || c == b.col || fundsHeaderText(Norm(v))) {
			g.use(hdr, c)
		}
	}
	yearCols, first := fundsYearCols(g, hdr, end, amountC, f.Year)
	fd := &model.Funds{}
	side := model.FundsIncome
	// the template's own names of the sides and of the total (资金来源,
	// 资金总额), besides the usual ones
	fl := g.template().Funds
	inLabel, exLabel := Norm(fl.SideLabel(model.FundsIncome)), Norm(fl.SideLabel(model.FundsExpense))
	totalLabel := Norm(fl.Total())
	for r := first; r < end; r++ {
		if rowEmpty(g, r) {
			continue
		}
		name, nameAt := "", -1
		for c, v := range g.cellsOf(r) {
			n := Norm(v)
			if n == "" || c == amountC || c == shareC || (c == b.col && g.isFundsLabel(n)) {
				continue
			}
			switch {
			case n == inLabel || strings.HasPrefix(n, "收入") || n == "按收入性质分" || n == "按收入性质分:":
				side = model.FundsIncome
				g.use(r, c)
				continue
			case n == exLabel || strings.HasPrefix(n, "支出构成") || n == "支出" || n == "按支出性质分" || n == "按支出性质分:":
				side = model.FundsExpense
				g.use(r, c)
				continue
			}
			if (nameC < 0 || c == nameC) && nameAt < 0 && c < amountC {
				name, nameAt = subName(v), c
			}
		}
		if g.at(r, b.col) != "" && g.isFundsLabel(Norm(g.at(r, b.col))) {
			g.use(r, b.col)
		}
		var amount model.Amount
		if total := TotalOf(name) == GrandTotal || Norm(name) == totalLabel; total && g.isFormula(r, amountC) {
			g.acceptFormula(r, amountC) // our SUM, not computed yet: the total is not typed
		} else {
			amount = amountCell(g, r, amountC, rep)
		}

		share := ""
		if shareC >= 0 {
			share = normShare(g.at(r, shareC))
		}
		if TotalOf(name) == GrandTotal || Norm(name) == totalLabel {
			for _, c := range yearCols {
				if c >= 0 && g.isFormula(r, c) {
					g.acceptFormula(r, c) // our SUM, not computed yet: not typed
				}
			}
		}
		years := readFundYears(g, r, yearCols, rep)
		if nameAt < 0 && amount.IsEmpty() && years == [2]model.Amount{} {
			continue
		}
		if nameAt >= 0 {
			g.use(r, nameAt)
		}
		g.use(r, amountC)
		if TotalOf(name) == GrandTotal || Norm(name) == totalLabel {
			if shareC >= 0 {
				g.use(r, shareC) // the 合计's 100% is not kept: it is always 100%
			}
			if side == model.FundsExpense {
				fd.ExpenseTotal = amount
			} else {
				fd.IncomeTotal = amount
			}
			g.recordRow(rep, model.PartFunds, int(side), -1, r, map[model.Field]int{model.FieldFundAmt: amountC, model.FieldFundYear1: yearCols[0], model.FieldFundYear2: yearCols[1]}, g.headOf(hdr, first))
			fd.SetTypedYear(side, 1, years[0])
			fd.SetTypedYear(side, 2, years[1])
			continue
		}
		if shareC >= 0 {
			g.use(r, shareC)
		}
		row := model.FundRow{Name: name, Amount: amount, Share: share, Years: years}
		if side == model.FundsExpense {
			fd.Expense = append(fd.Expense, row)
		} else {
			fd.Income = append(fd.Income, row)
		}
		g.recordRow(rep, model.PartFunds, int(side), len(fd.Rows(side))-1, r, map[model.Field]int{
			model.FieldFundName: nameAt, model.FieldFundAmt: amountC, model.FieldFundShare: shareC,
			model.FieldFundYear1: yearCols[0], model.FieldFundYear2: yearCols[1],
		}, g.headOf(hdr, first))
	}
	f.Funds = fd
}

// subName is a funds row's name without the 其中： of the first part of a
// total printed first (其中：财政拨款 → 财政拨款).
func subName(v string) string {
	v = strings.TrimSpace(v)
	for _, p := range []string{"其中：", "其中:", "其中 "} {
		if strings.HasPrefix(v, p) {
			return strings.TrimSpace(v[len(p):])
		}
	}
	return v
}

func fundsHeaderText(n string) bool {
	return n == FundsSideHeader || n == "类别" || n == "构成" || n == "收支构成"
}

// markBlock marks the cells the goals, tasks and indicator parsers read.
func markBlock(g *SheetGrid, b block, end int) {
	switch b.kind {
	case blockGoals:
		g.use(b.row, b.col)
		for r := b.row; r < end; r++ {
			if c, _ := nextValue(g, r, b.col); c >= 0 {
				g.use(r, c)
			}
			if Norm(g.at(r, b.col)) == Norm(g.at(b.row, b.col)) {
				g.use(r, b.col)
			}
		}
	case blockTasks, blockIndicators:
		cols := make([]int, 0, len(b.cols))
		for _, c := range b.cols {
			cols = append(cols, c)
		}
		for r := b.row; r < end; r++ {
			if g.skip[r] {
				continue
			}
			for _, c := range cols {
				g.use(r, c)
			}
			if r < b.row+b.header {
				for c, v := range g.cellsOf(r) {
					if strings.HasPrefix(Norm(v), "预算资金") {
						g.use(r, c)
					}
				}
			}
			// a 合计 label spanning from the first column
			for c, v := range g.cellsOf(r) {
				if TotalOf(v) == GrandTotal && c <= 1 {
					g.use(r, c)
				}
			}
		}
	}
}

// origin is the top-left cell of the merged range covering (r, c), or
// (r, c) itself. It is looked up, not walked to: a walk cell by cell made
// a damaged .xls with merged ranges 40,000 rows tall take 20 s to import
// (testdata/fuzz/FuzzImportXLS in export).
func (g *SheetGrid) origin(r, c int) (int, int) {
	if o, ok := g.origins[[2]int{r, c}]; ok {
		return o[0], o[1]
	}
	return r, c
}

// maxUnplaced bounds the cells listed one by one.
const maxUnplaced = 200

// reportUnplaced lists every cell with content that no parser placed (a
// part's label, also when continued on a printed page: 年度总体目标（续）,
// is not content).
func reportUnplaced(g *SheetGrid, rep *ImportReport) {
	placed := map[[2]int]bool{}
	for k := range g.used {
		r, c := g.origin(k[0], k[1])
		placed[[2]int{r, c}] = true
	}
	more := 0
	for r := range g.Cells {
		for c, v := range g.Cells[r] {
			if strings.TrimSpace(v) == "" || g.Covered(r, c) || placed[[2]int{r, c}] || SectionLabel(strings.TrimSuffix(Norm(v), "(续)"), g.yearsTemplates()) {
				continue
			}
			if len(rep.Unplaced) >= maxUnplaced {
				more++
				continue
			}
			text := strings.TrimSpace(v)
			if r := []rune(text); len(r) > 40 {
				text = string(r[:40]) + "…"
			}
			rep.Unplaced = append(rep.Unplaced, Problem{Cell: g.addr(r, c), Message: fmt.Sprintf("“%s”没有放入申报表", text)})
		}
	}
	if more > 0 {
		rep.Unplaced = append(rep.Unplaced, Problem{Message: fmt.Sprintf("另有 %d 格没有放入申报表（未逐一列出）", more)})
	}
}

// applyRecognised makes f a form of the template recognised from the
// visible sheet (readSheets) and names it in the report.
func applyRecognised(g *SheetGrid, f *model.Form, rep *ImportReport) {
	t := g.template()
	rep.Template = t.Name
	if model.BuiltinTemplate(t.ID) == nil {
		// imported into the drafts file: say which one, as template list does
		v := ""
		if t.Version > 1 {
			v = fmt.Sprintf("第%d版，", t.Version)
		}
		rep.Template = fmt.Sprintf("%s（%s本机导入的表样 %s）", t.Name, v, t.ID)
	}
	model.ApplyTemplate(f, t)
}

// TemplateKey adds to a visibleKey what the sheet shows of the template's
// parts: 基本信息 fields, 部门总体资金情况 (as printed: a 合计 or 占比 not
// typed shows the computed one) and 部门职能概述.
func TemplateKey(b *strings.Builder, f *model.Form) {
	keys := make([]string, 0, len(f.Basic))
	for k, v := range f.Basic {
		if strings.TrimSpace(v) != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(b, "B%q=%q\n", k, strings.TrimSpace(f.Basic[k]))
	}
	if d := strings.TrimSpace(f.Duties); d != "" {
		fmt.Fprintf(b, "R%q\n", d)
	}
	if fd := f.Funds; fd != nil {
		amt := func(a model.Amount) string {
			switch a.State() {
			case model.AmountValid:
				return "v" + a.Money().String()
			case model.AmountInvalid:
				return "x" + strings.TrimSpace(a.Raw())
			}
			return ""
		}
		for _, side := range []model.FundsSide{model.FundsIncome, model.FundsExpense} {
			total := fd.Total(side)
			for _, r := range fd.Rows(side) {
				share := FundsShareText(r, total)
				if d, dec, ok := model.ParseShare(share); ok {
					share = d.StringFixed(dec)
				}
				fmt.Fprintf(b, "F%d %q %s %q %s %s\n", side, strings.TrimSpace(r.Name), amt(r.Amount), share, amt(r.Years[0]), amt(r.Years[1]))
			}
			t := fd.Typed(side)
			if t.IsEmpty() {
				t = model.AmountOf(total)
			}
			fmt.Fprintf(b, "F%dT %s", side, amt(t))
			for back := 1; back <= 2; back++ {
				yt := fd.TypedYear(side, back)
				if yt.IsEmpty() {
					if sum, _ := fd.SumYear(side, back); sum != 0 {
						yt = model.AmountOf(sum)
					}
				}
				fmt.Fprintf(b, " %s", amt(yt))
			}
			b.WriteString("\n")
		}
	}
}
