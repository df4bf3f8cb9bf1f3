package export

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao/model"
	"jixiao/model/recognize"
)

// The XLSX and PDF writers share one layout of the official form: a grid
// of columns and rows of cells, some spanning several columns or rows. The
// XLSX writer maps it to cells and merges, the PDF writer draws it (the
// JSON writer writes the model as it is and has no layout).

type cellKind uint8

const (
	kText       cellKind = iota // body text, left, wrapped
	kCenter                     // body text, centred (指标值, 一级/二级 names)
	kTitle                      // 市级部门整体绩效目标申报表
	kSubtitle                   // （2020年度）
	kLabel                      // 部门名称, 年度总体目标: bold, centred
	kHeader                     // table header: bold, centred, shaded
	kAmount                     // an amount (right aligned)
	kTotalLabel                 // 合计 (bold, centred)
	kTotal                      // a 合计 amount (bold, right)
)

// lcell is one cell of the layout, at the top-left of its span.
type lcell struct {
	col, colSpan, rowSpan int
	text                  string
	kind                  cellKind
	amount                model.Amount // kAmount
	total                 model.Money  // kTotal
	sumCol                bool         // kTotal: SUM over the task rows of this column
	// fundRow marks a 部门总体资金情况 当年金额 cell of side fundRow-1,
	// fundSum the side's total (kTotal): a SUM over that side's cells.
	fundRow, fundSum int8
}

type section uint8

const (
	secHead section = iota
	secGoals
	secTasks
	secIndicators
	secFunds  // 部门总体资金情况 (templates that have it)
	secDuties // 部门职能概述 (templates that have it)
)

type lrow struct {
	cells  []lcell
	sec    section
	header bool // a table header row of its section (repeated after page breaks)
}

// column keys of the grid
const (
	colL1 = iota // 一级指标 / 任务名称 (with colL2)
	colL2
	colL3 // 三级指标 / 主要内容 (to colExplain)
	colValue
	colExplain
	colTotal  // 合计 / 指标说明 (to colTaskNote)
	colFiscal // 其中：财政资金
	colOther  // 其他资金 (Options.OtherFunds)
	colTaskNote
	colWeight // 分值 (Options.Weight)
	colUnit   // 计量单位
	colVType  // 指标值类型
	colScore  // 评分标准
	colNature // 指标性质 (Options.Nature)
	colDir    // 指标方向 (Options.Direction)
	nColKeys
)

type layout struct {
	form   *model.Form
	tpl    *model.Template // the form's 表样
	widths []float64       // column widths in Excel character units
	idx    [nColKeys]int
	rows   []lrow
	// rows of the task table (0-based layout indexes, end exclusive), for SUM formulas
	taskFirst, taskEnd int
	totals             model.Totals
	title              string // the running header's title; "" for the 申报表
	// verdict is what the checks say: a form with errors is marked
	// 未通过审核 on every page (PDF running header).
	verdict model.Verdict
}

func (l *layout) has(key int) bool { return l.idx[key] >= 0 }

func (l *layout) last() int { return len(l.widths) - 1 }

// spanTo returns the first column and the width of a cell starting at
// column key a and ending at endKey's column (or at the last column when
// endKey < 0).
func (l *layout) spanTo(a, endKey int) (int, int) {
	start := l.idx[a]
	end := l.last()
	if endKey >= 0 {
		end = l.idx[endKey]
	}
	return start, end - start + 1
}

func buildLayout(f *model.Form, t *model.Template) *layout {
	if t == nil {
		t = model.TemplateOf(f, nil)
	}
	l := &layout{form: f, tpl: t, totals: model.ComputeTotals(f), verdict: model.JudgeWith(f, t)}
	o := t.On(f.Options) // the form's columns and its template's
	// the grid's columns in the template's order of the indicator columns
	// (layout_template.go)
	defs, noteOn := columnDefs(f, t)
	for i := range defs {
		if w := t.Print.Widths[colTemplateKey[defs[i].key]]; w > 0 {
			defs[i].w = float64(w)
		}
	}
	for i := range l.idx {
		l.idx[i] = -1
	}
	for _, d := range defs {
		if d.on {
			l.idx[d.key] = len(l.widths)
			l.widths = append(l.widths, d.w)
		}
	}
	n := len(l.widths)
	whole := func(text string, k cellKind) lcell { return lcell{col: 0, colSpan: n, rowSpan: 1, text: text, kind: k} }

	// Title block: the title, （2020年度） unless the template places 年度
	// among its 基本信息, 部门名称 first unless it places it too.
	l.rows = append(l.rows, lrow{sec: secHead, cells: []lcell{whole(t.Title, kTitle)}})
	if !t.YearInBasic() {
		l.rows = append(l.rows, lrow{sec: secHead, cells: []lcell{whole("（"+strings.TrimSpace(f.Year)+"年度）", kSubtitle)}})
	}
	if !slices.ContainsFunc(t.Basic, func(b model.BasicField) bool { return b.Field == model.BasicDept }) {
		l.basicRow(t.Dept(), f.Dept)
	}
	l.templateRows()

	// 年度总体目标.
	ng := max(len(f.Goals), 1)
	for i := 0; i < ng; i++ {
		r := lrow{sec: secGoals}
		if i == 0 {
			r.cells = append(r.cells, lcell{col: 0, colSpan: 1, rowSpan: ng, text: t.Label(model.SectionGoals), kind: kLabel})
		}
		text := ""
		if i < len(f.Goals) {
			text = fmt.Sprintf("目标%d：%s", i+1, f.Goals[i].Text)
		}
		r.cells = append(r.cells, lcell{col: 1, colSpan: n - 1, rowSpan: 1, text: text, kind: kText})
		l.rows = append(l.rows, r)
	}

	if l.idx[colTotal] >= 0 {
		l.taskRows(o)
	}

	// 绩效指标.
	indNoteC, indNoteS := l.idx[colTotal], l.idx[colTaskNote]-l.idx[colTotal]+1
	hdr := lrow{sec: secIndicators, header: true, cells: []lcell{
		{col: l.idx[colL1], colSpan: 1, rowSpan: 1, text: t.ColumnLabel(model.IndColL1), kind: kHeader},
		{col: l.idx[colL2], colSpan: 1, rowSpan: 1, text: t.ColumnLabel(model.IndColL2), kind: kHeader},
		{col: l.idx[colL3], colSpan: 1, rowSpan: 1, text: t.ColumnLabel(model.IndColL3), kind: kHeader},
		{col: l.idx[colValue], colSpan: 1, rowSpan: 1, text: t.ColumnLabel(model.IndColValue), kind: kHeader},
	}}
	if l.has(colExplain) {
		hdr.cells = append(hdr.cells, lcell{col: l.idx[colExplain], colSpan: 1, rowSpan: 1, text: t.ColumnLabel(model.IndColExplain), kind: kHeader})
	}
	if noteOn {
		hdr.cells = append(hdr.cells, lcell{col: indNoteC, colSpan: indNoteS, rowSpan: 1, text: t.ColumnLabel(model.IndColNote), kind: kHeader})
	}
	for _, k := range optIndicatorKeys {
		if l.has(k) {
			hdr.cells = append(hdr.cells, lcell{col: l.idx[k], colSpan: 1, rowSpan: 1, text: l.header(k), kind: kHeader})
		}
	}
	l.toRight(&hdr, noteOn)
	l.rows = append(l.rows, hdr)
	ins := f.Indicators
	// Runs of equal, non-placeholder texts are merged vertically, as the
	// official form prints them; level 2 and the texts only within the
	// run of their level above.
	l1 := runs(len(ins), func(i int) string { return ins[i].Level1 }, nil)
	l2 := runs(len(ins), func(i int) string { return ins[i].Level2 }, l1)
	ex := runs(len(ins), func(i int) string { return ins[i].Explain }, l2)
	nt := runs(len(ins), func(i int) string { return ins[i].Note }, l2)
	for i, in := range ins {
		r := lrow{sec: secIndicators}
		add := func(rs []int, col, span int, text string, k cellKind) {
			if rs[i] > 0 {
				r.cells = append(r.cells, lcell{col: col, colSpan: span, rowSpan: rs[i], text: text, kind: k})
			}
		}
		add(l1, l.idx[colL1], 1, in.Level1, kCenter)
		add(l2, l.idx[colL2], 1, in.Level2, kCenter)
		r.cells = append(r.cells, lcell{col: l.idx[colL3], colSpan: 1, rowSpan: 1, text: level3Text(in), kind: kText})
		r.cells = append(r.cells, lcell{col: l.idx[colValue], colSpan: 1, rowSpan: 1, text: in.Value, kind: kCenter})
		if l.has(colExplain) {
			add(ex, l.idx[colExplain], 1, in.Explain, kText)
		}
		if noteOn {
			add(nt, indNoteC, indNoteS, in.Note, kText)
		}
		for _, k := range optIndicatorKeys {
			if !l.has(k) {
				continue
			}
			text, kind := in.Scoring, kText
			switch k {
			case colWeight:
				text, kind = in.Weight, kCenter
			case colUnit:
				text, kind = in.Unit, kCenter
			case colVType:
				text, kind = in.ValueType, kCenter
			case colNature:
				text, kind = in.Nature, kCenter
			case colDir:
				text, kind = in.Direction, kCenter
			}
			r.cells = append(r.cells, lcell{col: l.idx[k], colSpan: 1, rowSpan: 1, text: text, kind: kind})
		}
		l.toRight(&r, noteOn)
		l.rows = append(l.rows, r)
	}
	l.order()
	return l
}

// taskRows are the 年度主要任务 table (o: the columns in force).
func (l *layout) taskRows(o model.Options) {
	f := l.form
	// 任务名称 over the first two columns, 主要内容 up to the amounts
	nameC, nameS := 0, 2
	contC, contS := 2, l.idx[colTotal]-2
	noteC, noteS := l.spanTo(colTaskNote, -1)
	moneyKeys := []int{colTotal, colFiscal}
	if o.OtherFunds {
		moneyKeys = append(moneyKeys, colOther)
	}
	h1 := lrow{sec: secTasks, header: true, cells: []lcell{
		{col: nameC, colSpan: nameS, rowSpan: 2, text: "任务名称", kind: kHeader},
		{col: contC, colSpan: contS, rowSpan: 2, text: "主要内容", kind: kHeader},
		{col: l.idx[colTotal], colSpan: len(moneyKeys), rowSpan: 1, text: "预算资金", kind: kHeader},
		{col: noteC, colSpan: noteS, rowSpan: 2, text: "备注", kind: kHeader},
	}}
	h2 := lrow{sec: secTasks, header: true}
	for _, k := range moneyKeys {
		h2.cells = append(h2.cells, lcell{col: l.idx[k], colSpan: 1, rowSpan: 1, text: moneyHeader[k], kind: kHeader})
	}
	l.rows = append(l.rows, h1, h2)
	l.taskFirst = len(l.rows)
	for _, u := range f.Units {
		nt := max(len(u.Tasks), 1)
		for i := 0; i < nt; i++ {
			r := lrow{sec: secTasks}
			if i == 0 {
				r.cells = append(r.cells, lcell{col: nameC, colSpan: nameS, rowSpan: nt, text: u.Name, kind: kCenter})
			}
			var t model.Task
			if i < len(u.Tasks) {
				t = u.Tasks[i]
			}
			r.cells = append(r.cells, lcell{col: contC, colSpan: contS, rowSpan: 1, text: t.Content, kind: kText})
			for _, k := range moneyKeys {
				a := t.Total
				switch k {
				case colFiscal:
					a = t.Fiscal
				case colOther:
					a = t.Other
				}
				r.cells = append(r.cells, lcell{col: l.idx[k], colSpan: 1, rowSpan: 1, amount: a, kind: kAmount, text: a.String()})
			}
			r.cells = append(r.cells, lcell{col: noteC, colSpan: noteS, rowSpan: 1, text: t.Note, kind: kText})
			l.rows = append(l.rows, r)
		}
	}
	l.taskEnd = len(l.rows)
	tr := lrow{sec: secTasks, cells: []lcell{{col: nameC, colSpan: nameS + contS, rowSpan: 1, text: "合计", kind: kTotalLabel}}}
	for _, k := range moneyKeys {
		m := l.totals.Total
		switch k {
		case colFiscal:
			m = l.totals.Fiscal
		case colOther:
			m = l.totals.Other
		}
		tr.cells = append(tr.cells, lcell{col: l.idx[k], colSpan: 1, rowSpan: 1, total: m, sumCol: true, kind: kTotal, text: model.FormatMoney(m, false)})
	}
	// A total that leaves out unreadable amounts says so beside it.
	tr.cells = append(tr.cells, lcell{col: noteC, colSpan: noteS, rowSpan: 1, kind: kText, text: l.totals.IncompleteNote()})
	l.rows = append(l.rows, tr)
}

// toRight widens the last cell of an indicator row to the grid's last
// column when 指标说明 is not printed and the task table's columns follow
// the indicator columns (nothing is left without a border).
func (l *layout) toRight(r *lrow, noteOn bool) {
	if noteOn {
		return
	}
	last, at := -1, -1
	for i, c := range r.cells {
		if end := c.col + c.colSpan - 1; end > last {
			last, at = end, i
		}
	}
	if at >= 0 && last < l.last() {
		r.cells[at].colSpan = len(l.widths) - r.cells[at].col
	}
}

var moneyHeader = map[int]string{colTotal: "合计", colFiscal: "其中：财政资金", colOther: "其他资金"}

var optIndicatorKeys = []int{colWeight, colUnit, colVType, colScore, colNature, colDir}

var optHeader = map[int]string{colWeight: "分值", colUnit: "计量单位", colVType: "指标值类型", colScore: "评分标准"}

// subSep joins a 三级指标 and its Sub in the 三级指标 column:
// 成本控制成效：在职人员经费变动率.
const subSep = "："

func level3Text(in model.Indicator) string {
	if in.Sub == "" {
		return in.Level3
	}
	return in.Level3 + subSep + in.Sub
}

// runs returns, for each of n rows, the number of rows the cell starting
// there spans (0 for rows covered by a cell above). Equal consecutive
// texts are merged unless empty or a placeholder (.....), and never across
// a boundary of parent (a runs result of the level above).
func runs(n int, text func(int) string, parent []int) []int {
	out := make([]int, n)
	start := 0
	for i := 1; i <= n; i++ {
		same := i < n && text(i) == text(start) && !recognize.IsPlaceholder(text(i)) && strings.TrimSpace(text(i)) != ""
		if same && parent != nil && parent[i] > 0 {
			same = false
		}
		if !same {
			out[start] = i - start
			start = i
		}
	}
	return out
}

// Line breaking: CJK text breaks between any two characters, Latin text
// between words; a closing mark never starts a line and an opening mark
// never ends one (避头尾).
const (
	noLineStart = "，。、；：？！）》」』】〕〉’”…%‰℃,.;:?!)]}·—－-～"
	noLineEnd   = "（《「『【〔〈‘“([{"
)

// tokens splits a paragraph into unbreakable pieces.
func tokens(s string) []string {
	var out []string
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		if isWordRune(r) {
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					// keep 1,273.30 and 3.5% together
					if !strings.ContainsRune(".,:%-", r2) || j+n2 >= len(s) {
						break
					}
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if !isWordRune(r3) {
						break
					}
				}
				j += n2
			}
		}
		tok := s[i:j]
		first, _ := utf8.DecodeRuneInString(tok)
		switch {
		case len(out) > 0 && strings.ContainsRune(noLineStart, first) && first != ' ':
			out[len(out)-1] += tok
		case len(out) > 0 && endsWithOpen(out[len(out)-1]):
			out[len(out)-1] += tok
		default:
			out = append(out, tok)
		}
		i = j
	}
	return out
}

func endsWithOpen(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(noLineEnd, r)
}

func isWordRune(r rune) bool {
	return r < 0x2E80 && !unicode.IsSpace(r) && !strings.ContainsRune(noLineEnd+noLineStart, r) && r != '/' || r >= '0' && r <= '9'
}

// wrapText breaks text into lines no wider than width, measuring with w.
// Explicit line breaks are kept. Every character of text appears in the
// result (trailing blanks of a broken line are kept at its end).
func wrapText(text string, width float64, w func(rune) float64) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		var cur strings.Builder
		curW := 0.0
		flush := func() {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		for _, tok := range tokens(para) {
			tw := 0.0
			for _, r := range tok {
				tw += w(r)
			}
			if curW+tw <= width || strings.TrimSpace(tok) == "" {
				cur.WriteString(tok)
				curW += tw
				continue
			}
			if cur.Len() > 0 && tw <= width {
				flush()
				cur.WriteString(tok)
				curW = tw
				continue
			}
			// A token wider than the line: break it per character.
			for _, r := range tok {
				rw := w(r)
				if curW+rw > width && cur.Len() > 0 {
					flush()
				}
				cur.WriteRune(r)
				curW += rw
			}
		}
		lines = append(lines, cur.String())
	}
	return lines
}
