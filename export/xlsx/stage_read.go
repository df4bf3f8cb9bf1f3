package xlsx

import (
	"sort"
	"strings"

	"jixiao/export/internal/layout"
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
func headVocab(stage model.Stage, month int, kind layout.TableKind) map[string]layout.ColKey {
	v := map[string]layout.ColKey{"编号": layout.CkID}
	add := func(k layout.ColKey, heads ...string) {
		for _, h := range heads {
			v[normHead(h)] = k
		}
	}
	if kind == layout.TableTasks {
		add(layout.CkUnit, "任务名称")
		add(layout.CkContent, "主要内容")
		add(layout.CkBudget, "年初预算数", "年初预算")
		add(layout.CkFiscal, "其中：财政资金", "财政资金")
		add(layout.CkRate, "执行率")
		add(layout.CkNote, "备注")
		if stage == model.StageMonitor {
			add(layout.CkExec, model.MonitorHeader(month, "执行数"))
			add(layout.CkForecast, "全年预计执行数")
			add(layout.CkHint, "提示")
		} else {
			add(layout.CkBudgetAdj, "全年预算数（调整后）", "全年预算数", "调整后预算数")
			add(layout.CkExecYear, "全年执行数")
			add(layout.CkWeight, "分值")
			add(layout.CkScore, "得分")
		}
		return v
	}
	add(layout.CkL1, "一级指标")
	add(layout.CkL2, "二级指标")
	add(layout.CkL3, "三级指标")
	add(layout.CkValue, "年度指标值", "指标值")
	if stage == model.StageMonitor {
		add(layout.CkToDate, model.MonitorHeader(month, "实际完成值"))
		add(layout.CkForecastVal, "全年预计完成值")
		add(layout.CkLikely, "完成可能性")
		add(layout.CkCause, "偏差原因类别")
		add(layout.CkCauseText, "偏差原因说明")
		add(layout.CkCauseBoth, "偏差原因")
		add(layout.CkMeasures, "拟采取的措施")
	} else {
		add(layout.CkActual, "实际完成值")
		add(layout.CkWeight, "分值")
		add(layout.CkScore, "得分")
		add(layout.CkAnalysis, "偏差原因分析及改进措施")
	}
	return v
}

// keyCols are the identity columns of a table kind.
func keyCols(kind layout.TableKind) []layout.ColKey {
	if kind == layout.TableTasks {
		return []layout.ColKey{layout.CkUnit, layout.CkContent}
	}
	return []layout.ColKey{layout.CkL1, layout.CkL2, layout.CkL3}
}

// headNames are the header texts of the columns this program writes, for
// messages.
func headNames(d *layout.StageDoc) map[layout.ColKey]string {
	out := map[layout.ColKey]string{layout.CkCauseBoth: "偏差原因"}
	for _, t := range d.Tables {
		for _, c := range t.Cols {
			if _, ok := out[c.Key]; !ok {
				out[c.Key] = c.Head
			}
		}
	}
	return out
}

// sheetTable is a table found on a sheet.
type sheetTable struct {
	kind  layout.TableKind
	g     *stageGrid
	head  int                   // the header row (0-based)
	cols  map[layout.ColKey]int // the column of each header found once
	dup   map[layout.ColKey][]int
	extra []int // columns with a header this program does not know (ignored)
	rows  []int // the rows under the header, up to the footer
	foot  []int // the footer rows (合计, 总分)
}

// headerRow reads row r as a header row: the table whose headers it has
// most of (at least 3, and more than of the other table's) and the column
// of each. Whether the identity columns are there is checked when the
// table is used, so that a deleted 三级指标 column is named.
func headerRow(g *stageGrid, r int, vocab [2]map[string]layout.ColKey) (*sheetTable, bool) {
	if r >= len(g.cells) {
		return nil, false
	}
	found := [2]map[layout.ColKey][]int{{}, {}}
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
		for kind := layout.TableTasks; kind <= layout.TableIndicators; kind++ {
			if k, ok := vocab[kind][h]; ok {
				found[kind][k] = append(found[kind][k], c)
			} else {
				extra[kind] = append(extra[kind], c)
			}
		}
	}
	kind := layout.TableTasks
	if len(found[layout.TableIndicators]) > len(found[layout.TableTasks]) {
		kind = layout.TableIndicators
	}
	if len(found[kind]) < 3 || len(found[kind]) == len(found[1-kind]) {
		return nil, false
	}
	t := &sheetTable{kind: kind, g: g, head: r, cols: map[layout.ColKey]int{}, dup: map[layout.ColKey][]int{}, extra: extra[kind]}
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
func findTables(g *stageGrid, vocab [2]map[string]layout.ColKey) []*sheetTable {
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
