package export

import (
	"sort"
	"strings"

	"jixiao/model"
	"jixiao/model/recognize"
)

// Reading a filled stage workbook: every visible sheet is searched for the
// header rows of the two tables; each column is known by its header text
// (an inserted column is ignored, dragged columns are read where they
// are), each row by its identity texts (stage_match.go).

// normHead is a header text as compared: blanks removed, full-width
// punctuation folded, every dash (–, —, －, ~, ～, 至) a "-".
func normHead(s string) string { return dashes.Replace(recognize.Norm(s)) }

var dashes = strings.NewReplacer("–", "-", "—", "-", "－", "-", "−", "-", "~", "-", "～", "-", "至", "-")

// headVocab maps the normalized header texts of a table of the stage to
// their columns: the headers this program writes, those of format 1 and a
// few usual variants.
func headVocab(stage model.Stage, month int, kind tableKind) map[string]colKey {
	v := map[string]colKey{"编号": ckID}
	add := func(k colKey, heads ...string) {
		for _, h := range heads {
			v[normHead(h)] = k
		}
	}
	if kind == tableTasks {
		add(ckUnit, "任务名称")
		add(ckContent, "主要内容")
		add(ckBudget, "年初预算数", "年初预算")
		add(ckFiscal, "其中：财政资金", "财政资金")
		add(ckRate, "执行率")
		add(ckNote, "备注")
		if stage == model.StageMonitor {
			add(ckExec, model.MonitorHeader(month, "执行数"))
			add(ckForecast, "全年预计执行数")
			add(ckHint, "提示")
		} else {
			add(ckBudgetAdj, "全年预算数（调整后）", "全年预算数", "调整后预算数")
			add(ckExecYear, "全年执行数")
			add(ckWeight, "分值")
			add(ckScore, "得分")
		}
		return v
	}
	add(ckL1, "一级指标")
	add(ckL2, "二级指标")
	add(ckL3, "三级指标")
	add(ckValue, "年度指标值", "指标值")
	if stage == model.StageMonitor {
		add(ckToDate, model.MonitorHeader(month, "实际完成值"))
		add(ckForecastVal, "全年预计完成值")
		add(ckLikely, "完成可能性")
		add(ckCause, "偏差原因类别")
		add(ckCauseText, "偏差原因说明")
		add(ckCauseBoth, "偏差原因")
		add(ckMeasures, "拟采取的措施")
	} else {
		add(ckActual, "实际完成值")
		add(ckWeight, "分值")
		add(ckScore, "得分")
		add(ckAnalysis, "偏差原因分析及改进措施")
	}
	return v
}

// keyCols are the identity columns of a table kind.
func keyCols(kind tableKind) []colKey {
	if kind == tableTasks {
		return []colKey{ckUnit, ckContent}
	}
	return []colKey{ckL1, ckL2, ckL3}
}

// headNames are the header texts of the columns this program writes, for
// messages.
func headNames(d *stageDoc) map[colKey]string {
	out := map[colKey]string{ckCauseBoth: "偏差原因"}
	for _, t := range d.tables {
		for _, c := range t.cols {
			if _, ok := out[c.key]; !ok {
				out[c.key] = c.head
			}
		}
	}
	return out
}

// sheetTable is a table found on a sheet.
type sheetTable struct {
	kind  tableKind
	g     *stageGrid
	head  int            // the header row (0-based)
	cols  map[colKey]int // the column of each header found once
	dup   map[colKey][]int
	extra []int // columns with a header this program does not know (ignored)
	rows  []int // the rows under the header, up to the footer
	foot  []int // the footer rows (合计, 总分)
}

// headerRow reads row r as a header row: the table whose headers it has
// most of (at least 3, and more than of the other table's) and the column
// of each. Whether the identity columns are there is checked when the
// table is used, so that a deleted 三级指标 column is named.
func headerRow(g *stageGrid, r int, vocab [2]map[string]colKey) (*sheetTable, bool) {
	if r >= len(g.cells) {
		return nil, false
	}
	found := [2]map[colKey][]int{{}, {}}
	var extra [2][]int
	for c, raw := range g.cells[r] {
		// headers are short: a long text (a row of data, a note) is none
		if raw == "" || len(raw) > 120 || g.covered(r, c) {
			continue
		}
		h := normHead(raw)
		if h == "" {
			continue
		}
		for kind := tableTasks; kind <= tableIndicators; kind++ {
			if k, ok := vocab[kind][h]; ok {
				found[kind][k] = append(found[kind][k], c)
			} else {
				extra[kind] = append(extra[kind], c)
			}
		}
	}
	kind := tableTasks
	if len(found[tableIndicators]) > len(found[tableTasks]) {
		kind = tableIndicators
	}
	if len(found[kind]) < 3 || len(found[kind]) == len(found[1-kind]) {
		return nil, false
	}
	t := &sheetTable{kind: kind, g: g, head: r, cols: map[colKey]int{}, dup: map[colKey][]int{}, extra: extra[kind]}
	for k, cs := range found[kind] {
		if len(cs) == 1 {
			t.cols[k] = cs[0]
		} else {
			t.dup[k] = cs
		}
	}
	return t, true
}

// rowLabel is the first identity text of row r (合计, 总分, 注：…).
func (t *sheetTable) rowLabel(r int) string {
	cols := []int{}
	for _, k := range keyCols(t.kind) {
		if c, ok := t.cols[k]; ok {
			cols = append(cols, c)
		}
	}
	sort.Ints(cols)
	for _, c := range cols {
		if s := t.g.text(r, c); s != "" {
			return s
		}
	}
	return ""
}

func isFootLabel(s string) bool {
	s = normHead(s)
	return strings.HasPrefix(s, "合计") || strings.HasPrefix(s, "总分") || strings.HasPrefix(s, "总计") || strings.HasPrefix(s, "指标分值合计")
}

func isEndLabel(s string) bool {
	s = normHead(s)
	return strings.HasPrefix(s, "注:") || strings.HasPrefix(s, "说明:") || strings.HasPrefix(s, "申报后的调整")
}

// findTables finds the tables on sheet g: each header row and the rows
// under it, up to the next header row, a note (注：…) or the rows after
// the footer (合计, 总分).
func findTables(g *stageGrid, vocab [2]map[string]colKey) []*sheetTable {
	var out []*sheetTable
	var cur *sheetTable
	for r := 0; r < len(g.cells); r++ {
		if t, ok := headerRow(g, r, vocab); ok {
			cur = t
			out = append(out, t)
			continue
		}
		if cur == nil {
			continue
		}
		label := cur.rowLabel(r)
		switch {
		case isFootLabel(label):
			cur.foot = append(cur.foot, r)
		case isEndLabel(label), len(cur.foot) > 0:
			cur = nil
		default:
			cur.rows = append(cur.rows, r)
		}
	}
	return out
}
