package layout

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

type CellKind uint8

const (
	KText       CellKind = iota // body text, left, wrapped
	KCenter                     // body text, centred (指标值, 一级/二级 names)
	KTitle                      // 市级部门整体绩效目标申报表
	KSubtitle                   // （2020年度）
	KLabel                      // 部门名称, 年度总体目标: bold, centred
	KHeader                     // table header: bold, centred, shaded
	KAmount                     // an amount (right aligned)
	KTotalLabel                 // 合计 (bold, centred)
	KTotal                      // a 合计 amount (bold, right)
)

// Lcell is one cell of the layout, at the top-left of its span.
type Lcell struct {
	Col, ColSpan, RowSpan int
	Text                  string
	Kind                  CellKind
	Amount                model.Amount // kAmount
	Total                 model.Money  // kTotal
	SumCol                bool         // kTotal: SUM over the task rows of this column
	// FundRow marks a 部门总体资金情况 当年金额 cell of side fundRow-1,
	// fundSum the side's total (kTotal): a SUM over that side's cells.
	FundRow, FundSum int8
}

type Section uint8

const (
	secHead Section = iota
	secGoals
	SecTasks
	secIndicators
	secFunds  // 部门总体资金情况 (templates that have it)
	secDuties // 部门职能概述 (templates that have it)
)

type Lrow struct {
	Cells  []Lcell
	Sec    Section
	Header bool // a table header row of its section (repeated after page breaks)
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

type Layout struct {
	Form   *model.Form
	Tpl    *model.Template // the form's 表样
	Widths []float64       // column widths in Excel character units
	idx    [nColKeys]int
	Rows   []Lrow
	// rows of the task table (0-based layout indexes, end exclusive), for SUM formulas
	taskFirst, taskEnd int
	totals             model.Totals
	Title              string // the running header's title; "" for the 申报表
	// Verdict is what the checks say: a form with errors is marked
	// 未通过审核 on every page (PDF running header).
	Verdict model.Verdict
}

func (l *Layout) has(key int) bool { return l.idx[key] >= 0 }

func (l *Layout) last() int { return len(l.Widths) - 1 }

// spanTo returns the first column and the width of a cell starting at
// column key a and ending at endKey's column (or at the last column when
// endKey < 0).
func (l *Layout) spanTo(a, endKey int) (int, int) {
	start := l.idx[a]
	end := l.last()
	if endKey >= 0 {
		end = l.idx[endKey]
	}
	return start, end - start + 1
}

func BuildLayout(f *model.Form, t *model.Template) *Layout {
	if t == nil {
		t = model.TemplateOf(f, nil)
	}
	l := &Layout{Form: f, Tpl: t, totals: model.ComputeTotals(f), Verdict: model.JudgeWith(f, t)}
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
			l.idx[d.key] = len(l.Widths)
			l.Widths = append(l.Widths, d.w)
		}
	}
	n := len(l.Widths)
	whole := func(text string, k CellKind) Lcell { return Lcell{Col: 0, ColSpan: n, RowSpan: 1, Text: text, Kind: k} }

	// Title block: the title, （2020年度） unless the template places 年度
	// among its 基本信息, 部门名称 first unless it places it too.
	l.Rows = append(l.Rows, Lrow{Sec: secHead, Cells: []Lcell{whole(t.Title, KTitle)}})
	if !t.YearInBasic() {
		l.Rows = append(l.Rows, Lrow{Sec: secHead, Cells: []Lcell{whole("（"+strings.TrimSpace(f.Year)+"年度）", KSubtitle)}})
	}
	if !slices.ContainsFunc(t.Basic, func(b model.BasicField) bool { return b.Field == model.BasicDept }) {
		l.basicRow(t.Dept(), f.Dept)
	}
	l.templateRows()

	// 年度总体目标.
	ng := max(len(f.Goals), 1)
	for i := 0; i < ng; i++ {
		r := Lrow{Sec: secGoals}
		if i == 0 {
			r.Cells = append(r.Cells, Lcell{Col: 0, ColSpan: 1, RowSpan: ng, Text: t.Label(model.SectionGoals), Kind: KLabel})
		}
		text := ""
		if i < len(f.Goals) {
			text = fmt.Sprintf("目标%d：%s", i+1, f.Goals[i].Text)
		}
		r.Cells = append(r.Cells, Lcell{Col: 1, ColSpan: n - 1, RowSpan: 1, Text: text, Kind: KText})
		l.Rows = append(l.Rows, r)
	}

	if l.idx[colTotal] >= 0 {
		l.taskRows(o)
	}

	// 绩效指标.
	indNoteC, indNoteS := l.idx[colTotal], l.idx[colTaskNote]-l.idx[colTotal]+1
	hdr := Lrow{Sec: secIndicators, Header: true, Cells: []Lcell{
		{Col: l.idx[colL1], ColSpan: 1, RowSpan: 1, Text: t.ColumnLabel(model.IndColL1), Kind: KHeader},
		{Col: l.idx[colL2], ColSpan: 1, RowSpan: 1, Text: t.ColumnLabel(model.IndColL2), Kind: KHeader},
		{Col: l.idx[colL3], ColSpan: 1, RowSpan: 1, Text: t.ColumnLabel(model.IndColL3), Kind: KHeader},
		{Col: l.idx[colValue], ColSpan: 1, RowSpan: 1, Text: t.ColumnLabel(model.IndColValue), Kind: KHeader},
	}}
	if l.has(colExplain) {
		hdr.Cells = append(hdr.Cells, Lcell{Col: l.idx[colExplain], ColSpan: 1, RowSpan: 1, Text: t.ColumnLabel(model.IndColExplain), Kind: KHeader})
	}
	if noteOn {
		hdr.Cells = append(hdr.Cells, Lcell{Col: indNoteC, ColSpan: indNoteS, RowSpan: 1, Text: t.ColumnLabel(model.IndColNote), Kind: KHeader})
	}
	for _, k := range optIndicatorKeys {
		if l.has(k) {
			hdr.Cells = append(hdr.Cells, Lcell{Col: l.idx[k], ColSpan: 1, RowSpan: 1, Text: l.header(k), Kind: KHeader})
		}
	}
	l.toRight(&hdr, noteOn)
	l.Rows = append(l.Rows, hdr)
	ins := f.Indicators
	// Runs of equal, non-placeholder texts are merged vertically, as the
	// official form prints them; level 2 and the texts only within the
	// run of their level above.
	l1 := runs(len(ins), func(i int) string { return ins[i].Level1 }, nil)
	l2 := runs(len(ins), func(i int) string { return ins[i].Level2 }, l1)
	ex := runs(len(ins), func(i int) string { return ins[i].Explain }, l2)
	nt := runs(len(ins), func(i int) string { return ins[i].Note }, l2)
	for i, in := range ins {
		r := Lrow{Sec: secIndicators}
		add := func(rs []int, col, span int, text string, k CellKind) {
			if rs[i] > 0 {
				r.Cells = append(r.Cells, Lcell{Col: col, ColSpan: span, RowSpan: rs[i], Text: text, Kind: k})
			}
		}
		add(l1, l.idx[colL1], 1, in.Level1, KCenter)
		add(l2, l.idx[colL2], 1, in.Level2, KCenter)
		r.Cells = append(r.Cells, Lcell{Col: l.idx[colL3], ColSpan: 1, RowSpan: 1, Text: Level3Text(in), Kind: KText})
		r.Cells = append(r.Cells, Lcell{Col: l.idx[colValue], ColSpan: 1, RowSpan: 1, Text: in.Value, Kind: KCenter})
		if l.has(colExplain) {
			add(ex, l.idx[colExplain], 1, in.Explain, KText)
		}
		if noteOn {
			add(nt, indNoteC, indNoteS, in.Note, KText)
		}
		for _, k := range optIndicatorKeys {
			if !l.has(k) {
				continue
			}
			text, kind := in.Scoring, KText
			switch k {
			case colWeight:
				text, kind = in.Weight, KCenter
			case colUnit:
				text, kind = in.Unit, KCenter
			case colVType:
				text, kind = in.ValueType, KCenter
			case colNature:
				text, kind = in.Nature, KCenter
			case colDir:
				text, kind = in.Direction, KCenter
			}
			r.Cells = append(r.Cells, Lcell{Col: l.idx[k], ColSpan: 1, RowSpan: 1, Text: text, Kind: kind})
		}
		l.toRight(&r, noteOn)
		l.Rows = append(l.Rows, r)
	}
	l.order()
	return l
}

// taskRows are the 年度主要任务 table (o: the columns in force).
func (l *Layout) taskRows(o model.Options) {
	f := l.Form
	// 任务名称 over the first two columns, 主要内容 up to the amounts
	nameC, nameS := 0, 2
	contC, contS := 2, l.idx[colTotal]-2
	noteC, noteS := l.spanTo(colTaskNote, -1)
	moneyKeys := []int{colTotal, colFiscal}
	if o.OtherFunds {
		moneyKeys = append(moneyKeys, colOther)
	}
	h1 := Lrow{Sec: SecTasks, Header: true, Cells: []Lcell{
		{Col: nameC, ColSpan: nameS, RowSpan: 2, Text: "任务名称", Kind: KHeader},
		{Col: contC, ColSpan: contS, RowSpan: 2, Text: "主要内容", Kind: KHeader},
		{Col: l.idx[colTotal], ColSpan: len(moneyKeys), RowSpan: 1, Text: "预算资金", Kind: KHeader},
		{Col: noteC, ColSpan: noteS, RowSpan: 2, Text: "备注", Kind: KHeader},
	}}
	h2 := Lrow{Sec: SecTasks, Header: true}
	for _, k := range moneyKeys {
		h2.Cells = append(h2.Cells, Lcell{Col: l.idx[k], ColSpan: 1, RowSpan: 1, Text: moneyHeader[k], Kind: KHeader})
	}
	l.Rows = append(l.Rows, h1, h2)
	l.taskFirst = len(l.Rows)
	for _, u := range f.Units {
		nt := max(len(u.Tasks), 1)
		for i := 0; i < nt; i++ {
			r := Lrow{Sec: SecTasks}
			if i == 0 {
				r.Cells = append(r.Cells, Lcell{Col: nameC, ColSpan: nameS, RowSpan: nt, Text: u.Name, Kind: KCenter})
			}
			var t model.Task
			if i < len(u.Tasks) {
				t = u.Tasks[i]
			}
			r.Cells = append(r.Cells, Lcell{Col: contC, ColSpan: contS, RowSpan: 1, Text: t.Content, Kind: KText})
			for _, k := range moneyKeys {
				a := t.Total
				switch k {
				case colFiscal:
					a = t.Fiscal
				case colOther:
					a = t.Other
				}
				r.Cells = append(r.Cells, Lcell{Col: l.idx[k], ColSpan: 1, RowSpan: 1, Amount: a, Kind: KAmount, Text: a.String()})
			}
			r.Cells = append(r.Cells, Lcell{Col: noteC, ColSpan: noteS, RowSpan: 1, Text: t.Note, Kind: KText})
			l.Rows = append(l.Rows, r)
		}
	}
	l.taskEnd = len(l.Rows)
	tr := Lrow{Sec: SecTasks, Cells: []Lcell{{Col: nameC, ColSpan: nameS + contS, RowSpan: 1, Text: "合计", Kind: KTotalLabel}}}
	for _, k := range moneyKeys {
		m := l.totals.Total
		switch k {
		case colFiscal:
			m = l.totals.Fiscal
		case colOther:
			m = l.totals.Other
		}
		tr.Cells = append(tr.Cells, Lcell{Col: l.idx[k], ColSpan: 1, RowSpan: 1, Total: m, SumCol: true, Kind: KTotal, Text: model.FormatMoney(m, false)})
	}
	// A total that leaves out unreadable amounts says so beside it.
	tr.Cells = append(tr.Cells, Lcell{Col: noteC, ColSpan: noteS, RowSpan: 1, Kind: KText, Text: l.totals.IncompleteNote()})
	l.Rows = append(l.Rows, tr)
}

// toRight widens the last cell of an indicator row to the grid's last
// column when 指标说明 is not printed and the task table's columns follow
// the indicator columns (nothing is left without a border).
func (l *Layout) toRight(r *Lrow, noteOn bool) {
	if noteOn {
		return
	}
	last, at := -1, -1
	for i, c := range r.Cells {
		if end := c.Col + c.ColSpan - 1; end > last {
			last, at = end, i
		}
	}
	if at >= 0 && last < l.last() {
		r.Cells[at].ColSpan = len(l.Widths) - r.Cells[at].Col
	}
}

var moneyHeader = map[int]string{colTotal: "合计", colFiscal: "其中：财政资金", colOther: "其他资金"}

var optIndicatorKeys = []int{colWeight, colUnit, colVType, colScore, colNature, colDir}

var optHeader = map[int]string{colWeight: "分值", colUnit: "计量单位", colVType: "指标值类型", colScore: "评分标准"}

// SubSep joins a 三级指标 and its Sub in the 三级指标 column:
// 成本控制成效：在职人员经费变动率 (recognize.SubSep).
const SubSep = recognize.SubSep

func Level3Text(in model.Indicator) string {
	if in.Sub == "" {
		return in.Level3
	}
	return in.Level3 + SubSep + in.Sub
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

// WrapText breaks text into lines no wider than width, measuring with w.
// Explicit line breaks are kept. Every character of text appears in the
// result (trailing blanks of a broken line are kept at its end).
func WrapText(text string, width float64, w func(rune) float64) []string {
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

// ContMark labels the continuation of a group cut by a page break
// (recognize.ContMark: the import reads it back as the same group).
const ContMark = recognize.ContMark
