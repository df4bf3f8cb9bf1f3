package recognize

import (
	"regexp"
	"strconv"
	"strings"

	"jixiao/model"
)

// Reading the 近两年收支金额 columns of 部门总体资金情况: headers such as
// 上年金额 / 前年金额 (the national system's), 上年预算数, 前年决算数, or
// with the year written out (2020年决算数), under a header 近两年收支金额.

var yearHeaderRe = regexp.MustCompile(`^([0-9]{4})年(度)?(预算|决算|执行|收支|金额|实际|预计)`)

// yearBack reports which 近两年 column header n (normalised) is: 1 for the
// year before the form's, 2 for two years before; 0 when it is none.
func yearBack(n, formYear string, tpls []*model.Template) int {
	n = strings.TrimSuffix(strings.TrimSuffix(n, "(万元)"), ":")
	switch {
	case strings.HasPrefix(n, "上上年") || strings.HasPrefix(n, "前年") || strings.HasPrefix(n, "前两年"):
		return 2
	case strings.HasPrefix(n, "上年") || strings.HasPrefix(n, "上一年") || strings.HasPrefix(n, "去年"):
		return 1
	}
	for _, t := range tpls {
		if t.Funds == nil {
			continue
		}
		for _, y := range t.Funds.Years {
			if Norm(y.YearLabel(formYear)) == n {
				return y.Back
			}
		}
	}
	if m := yearHeaderRe.FindStringSubmatch(n); m != nil {
		fy, ok := model.ParseYear(formYear)
		y, err := strconv.Atoi(m[1])
		if ok && err == nil && (fy-y == 1 || fy-y == 2) {
			return fy - y
		}
	}
	return 0
}

func yearsHeaderText(n string, t *model.Template) bool {
	if t != nil && t.Funds != nil && n == Norm(t.Funds.YearsHeader()) {
		return true
	}
	return n == Norm(model.DefaultYearsLabel) || strings.HasPrefix(n, "近两年") || strings.HasPrefix(n, "近2年") || strings.HasPrefix(n, "以前年度")
}

// fundsYearCols finds the 近两年 columns in the header row hdr or the row
// under it (a two-row header: 近两年收支金额 over 上年金额 | 前年金额). It
// marks the headers placed and returns the column of each back (index
// back-1; -1 when absent) and the first data row.
func fundsYearCols(g *SheetGrid, hdr, end, amountC int, formYear string) ([2]int, int) {
	cols := [2]int{-1, -1}
	first := hdr + 1
	for r := hdr; r < min(hdr+2, end); r++ {
		found := false
		for c, v := range g.cellsOf(r) {
			if c <= amountC {
				continue
			}
			n := Norm(v)
			if n == "" || g.Covered(r, c) {
				continue
			}
			if yearsHeaderText(n, g.template()) {
				g.use(r, c)
				continue
			}
			if b := yearBack(n, formYear, g.yearsTemplates()); b > 0 && cols[b-1] < 0 {
				cols[b-1] = c
				g.use(r, c)
				found = true
			}
		}
		if found && r > hdr {
			first = r + 1
		}
	}
	return cols, first
}

// readFundYears reads row r's 近两年 amounts.
func readFundYears(g *SheetGrid, r int, cols [2]int, rep *ImportReport) [2]model.Amount {
	var out [2]model.Amount
	for b, c := range cols {
		if c < 0 {
			continue
		}
		out[b] = amountCell(g, r, c, rep)
		g.use(r, c)
	}
	return out
}
