package recognize

import (
	"strings"

	"jixiao/model"
)

// block kinds found in a sheet
type blockKind int

const (
	blockGoals blockKind = iota
	blockTasks
	blockIndicators
)

type block struct {
	kind   blockKind
	row    int // header row (or label row for goals)
	col    int // label column for goals
	cols   map[string]int
	header int // number of header rows
}

// column is the column of header key k, or -1 when the block has none.
func (b block) column(k string) int {
	if c, ok := b.cols[k]; ok {
		return c
	}
	return -1
}

func FindBlocks(g *SheetGrid) []block {
	var out []block
	haveGoals, haveTasks, haveInd := false, false, false
	for r := range g.Cells {
		texts := map[string]int{}
		for c, v := range g.Cells[r] {
			if g.Covered(r, c) && c > 0 && g.at(r, c-1) == v {
				continue // the same merged text, further right
			}
			n := Norm(v)
			if _, ok := texts[n]; !ok && n != "" {
				texts[n] = c
			}
		}
		find := func(names ...string) (int, bool) {
			for _, n := range names {
				if c, ok := texts[n]; ok {
					return c, true
				}
			}
			return -1, false
		}
		if c, ok := find(g.goalsLabels()...); ok && !haveGoals {
			haveGoals = true
			out = append(out, block{kind: blockGoals, row: r, col: c})
		}
		if !haveGoals && !haveTasks && !haveInd {
			// goals typed without the label: 目标1：… in the first column
			for c, v := range g.Cells[r] {
				if goalStartRe.MatchString(v) {
					haveGoals = true
					out = append(out, block{kind: blockGoals, row: r, col: c - 1})
					break
				}
			}
		}
		_, hasName := find("任务名称", "单位名称")
		_, hasContent := find("主要内容", "主要任务", "任务内容")
		if hasName && hasContent && !haveTasks {
			haveTasks = true
			out = append(out, taskBlock(g, r))
		}
		out = append(out, templateBlocks(g, r, texts, out)...)
		_, h1 := find("一级指标", g.columnLabel(model.IndColL1))
		_, h3 := find("三级指标", g.columnLabel(model.IndColL3))
		if h1 && h3 && !haveInd {
			haveInd = true
			out = append(out, indicatorBlock(g, r))
		}
	}
	return out
}

// columnsOf maps header keys to columns, from one or two header rows.
func columnsOf(g *SheetGrid, rows []int, match func(text string) string) map[string]int {
	cols := map[string]int{}
	width := 0
	for _, r := range rows {
		width = max(width, len(g.Cells[r]))
	}
	for c := 0; c < width; c++ {
		for _, r := range rows {
			k := match(Norm(g.at(r, c)))
			if k == "" {
				continue
			}
			if _, ok := cols[k]; !ok {
				cols[k] = c
			}
		}
	}
	return cols
}

func taskBlock(g *SheetGrid, r int) block {
	b := block{kind: blockTasks, row: r, header: 1}
	next := r + 1
	sub := false
	for _, v := range g.cellsOf(next) {
		n := Norm(v)
		if n == "合计" || strings.Contains(n, "财政资金") || strings.Contains(n, "其他资金") || strings.Contains(n, "财政拨款") {
			sub = true
		}
	}
	rows := []int{r}
	if sub {
		rows = append(rows, next)
		b.header = 2
	}
	b.cols = columnsOf(g, rows, func(n string) string {
		switch {
		case n == "任务名称" || n == "单位名称":
			return "name"
		case n == "主要内容" || n == "主要任务" || n == "任务内容":
			return "content"
		case strings.Contains(n, "财政资金") || strings.Contains(n, "财政拨款"):
			return "fiscal"
		case strings.Contains(n, "其他资金"):
			return "other"
		case n == "合计" || strings.HasPrefix(n, "合计(") || strings.HasPrefix(n, "预算资金合计"):
			return "total"
		case strings.HasPrefix(n, "备注"):
			return "note"
		}
		return ""
	})
	if _, ok := b.cols["total"]; !ok {
		// one header row: 预算资金 is the total itself
		for c := range g.cellsOf(r) {
			if strings.HasPrefix(Norm(g.at(r, c)), "预算资金") {
				b.cols["total"] = c
				break
			}
		}
	}
	return b
}

func indicatorBlock(g *SheetGrid, r int) block {
	b := block{kind: blockIndicators, row: r, header: 1}
	b.cols = columnsOf(g, []int{r}, func(n string) string {
		if k := g.templateColumn(n); k != "" {
			return k // the recognised template's own header
		}
		n = withoutUnitSuffix(n) // 权重(%)、分值(分)
		switch {
		case n == "一级指标":
			return "l1"
		case n == "二级指标":
			return "l2"
		case n == "三级指标":
			return "l3"
		case n == "明细指标" || n == "四级指标":
			return "sub"
		case n == "指标值" || n == "目标值" || n == "年度指标值":
			return "value"
		case n == "指标解释":
			return "explain"
		case n == "指标说明":
			return "note"
		case n == "分值" || n == "权重":
			return "weight"
		case n == "计量单位" || n == "单位" || n == "度量单位":
			return "unit"
		case n == "指标性质" || n == "计算符号":
			return "nature"
		case n == "指标方向性" || n == "指标方向":
			return "direction"
		case n == "备注":
			return "note"
		case n == "指标值类型" || n == "指标类型":
			return "vtype"
		case strings.Contains(n, "评分标准") || strings.Contains(n, "评(扣)分标准") || strings.Contains(n, "扣分标准"):
			return "scoring"
		}
		return ""
	})
	return b
}

// withoutUnitSuffix drops a unit in brackets at the end of a header:
// 权重(%) → 权重 (评(扣)分标准 keeps its brackets: they are not at the end).
func withoutUnitSuffix(n string) string {
	if i := strings.LastIndex(n, "("); i > 0 && strings.HasSuffix(n, ")") {
		return n[:i]
	}
	return n
}
