package docx

import (
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"jixiao/export/internal/limits"
	"jixiao/model"
	"jixiao/model/recognize"
)

// docxGrid is a Word document read onto a grid (see docx.go): the
// cells by row, the merged ranges, where each row came from, and what is
// being read.
type docxGrid struct {
	cells  [][]string
	merges [][4]int
	from   []docxPlace // per grid row
	tables int         // top-level tables
	paras  int         // non-empty paragraphs outside tables
	budget int         // grid cells placed (spans counted)

	dec   *xml.Decoder
	in    *countReader
	depth int
	// labelCol is the label column of paragraphs: right of the last table
	// read (0 before any); pending is a label paragraph waiting for the
	// text that follows it.
	labelCol int
	pending  *docxLabel
	// tpls are the candidate templates (nil: the built-in ones): their
	// part labels are labels, not content.
	tpls []*model.Template
}

// docxPlace is where a grid row came from: row row of table table (both
// from 1) with the grid column each of its cells starts at, or paragraph
// para (from 1) outside the tables.
type docxPlace struct {
	table, row, para int
	starts           []int
}

type docxLabel struct {
	text string
	para int
}

// docxTooBig is a refusal for size or nesting (not damage).
type docxTooBig struct{ why string }

func (e *docxTooBig) Error() string { return e.why }

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// read streams document.xml from r onto the grid.
func (d *docxGrid) read(r io.Reader) error {
	d.in = &countReader{r: r}
	d.dec = xml.NewDecoder(d.in)
	for {
		tok, err := d.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		st, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case isW(st.Name, "p"):
			text, heading, err := d.paragraph(true)
			if err != nil {
				return err
			}
			if err := d.addParagraph(text, heading); err != nil {
				return err
			}
		case isW(st.Name, "tbl"):
			d.flushLabel()
			if err := d.table(); err != nil {
				return err
			}
		case st.Name.Space == mcNS && st.Name.Local == "Fallback":
			if err := d.skip(); err != nil {
				return err
			}
		}
	}
	if d.depth != 0 {
		return docxBad("不完整")
	}
	d.flushLabel()
	return nil
}

func isW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == wordNS || n.Space == wordNSStrict)
}

func wAttr(st xml.StartElement, local string) (string, bool) {
	for _, a := range st.Attr {
		if a.Name.Local == local && (a.Name.Space == wordNS || a.Name.Space == wordNSStrict) {
			return a.Value, true
		}
	}
	return "", false
}

// next is the next token, with the nesting depth checked and the
// decoder's errors turned into reasons.
func (d *docxGrid) next() (xml.Token, error) {
	tok, err := d.dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		if d.in.n > limits.MaxUnzippedXML {
			return nil, &docxTooBig{fmt.Sprintf("的正文超过 %d MB", limits.MaxUnzippedXML>>20)}
		}
		msg := err.Error()
		switch {
		case strings.Contains(msg, "entity"):
			return nil, docxBad("含有不安全的实体定义")
		case strings.Contains(msg, "EOF"), strings.Contains(msg, "zip"), strings.Contains(msg, "flate"):
			return nil, docxBad("不完整")
		}
		return nil, docxBad("格式错误")
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if d.depth++; d.depth > maxDOCXDepth {
			return nil, &docxTooBig{fmt.Sprintf("的正文嵌套超过 %d 层", maxDOCXDepth)}
		}
	case xml.EndElement:
		d.depth--
	case xml.Directive:
		if strings.Contains(string(t), "ENTITY") {
			return nil, docxBad("含有不安全的实体定义")
		}
	}
	return tok, nil
}

// skip reads to the end of the element just started.
func (d *docxGrid) skip() error {
	for lvl := 0; ; {
		tok, err := d.next()
		if err != nil {
			return eofIsDamage(err)
		}
		switch tok.(type) {
		case xml.StartElement:
			lvl++
		case xml.EndElement:
			if lvl == 0 {
				return nil
			}
			lvl--
		}
	}
}

func eofIsDamage(err error) error {
	if err == io.EOF {
		return docxBad("不完整")
	}
	return err
}

// paragraph reads a paragraph's text (w:t, tabs as \t when keepTabs else
// a space, breaks as \n; a text box's paragraphs on lines of their own)
// and whether it is a heading (a heading style or an outline level).
func (d *docxGrid) paragraph(keepTabs bool) (string, bool, error) {
	var b strings.Builder
	heading := false
	inText := 0
	for lvl := 0; ; {
		tok, err := d.next()
		if err != nil {
			return "", false, eofIsDamage(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			lvl++
			switch {
			case isW(t.Name, "t"):
				inText++
			case isW(t.Name, "tab"):
				if keepTabs {
					b.WriteByte('\t')
				} else {
					b.WriteByte(' ')
				}
			case isW(t.Name, "br"), isW(t.Name, "cr"), isW(t.Name, "p"):
				b.WriteByte('\n')
			case isW(t.Name, "noBreakHyphen"):
				b.WriteByte('-')
			case isW(t.Name, "pStyle"):
				v, _ := wAttr(t, "val")
				heading = heading || headingStyle(v)
			case isW(t.Name, "outlineLvl"):
				v, _ := wAttr(t, "val")
				heading = heading || v != "9" // 9: body text
			case t.Name.Space == mcNS && t.Name.Local == "Fallback":
				lvl--
				if err := d.skip(); err != nil {
					return "", false, err
				}
			}
		case xml.CharData:
			if inText > 0 {
				b.Write(t)
			}
		case xml.EndElement:
			if lvl == 0 {
				return b.String(), heading, nil
			}
			lvl--
			if isW(t.Name, "t") {
				inText--
			}
		}
	}
}

// headingStyle: Word's built-in heading styles are Heading1… in English
// Word and 1… (标题 1) in Chinese Word; WPS uses the same ids.
func headingStyle(id string) bool {
	id = strings.ToLower(id)
	if strings.HasPrefix(id, "heading") || strings.HasPrefix(id, "title") || strings.Contains(id, "标题") {
		return true
	}
	n, err := strconv.Atoi(id)
	return err == nil && n >= 1 && n <= 9
}

// vertical merge states of a cell
const (
	vNone = iota
	vRestart
	vContinue
)

// docxCell is one w:tc as read.
type docxCell struct {
	text       string
	span       int
	vmerge     int
	hcontinue  bool // legacy w:hMerge continuing the cell on its left
	col, right int  // grid columns it covers, placed by row
}

// tableState is a top-level table being placed on the grid.
type tableState struct {
	index, rows int
	width       int             // grid columns used
	open        map[int]*[4]int // vertical merges open, by first column
}

// table reads a top-level table (just started) row by row onto the grid.
func (d *docxGrid) table() error {
	d.tables++
	t := &tableState{index: d.tables, open: map[int]*[4]int{}}
	gridCols := 0
	for lvl := 0; ; {
		tok, err := d.next()
		if err != nil {
			return eofIsDamage(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch {
			case isW(x.Name, "tr"):
				if err := d.row(t); err != nil {
					return err
				}
				continue
			case isW(x.Name, "gridCol"):
				gridCols++
			case x.Name.Space == mcNS && x.Name.Local == "Fallback":
				if err := d.skip(); err != nil {
					return err
				}
				continue
			}
			lvl++
		case xml.EndElement:
			if lvl == 0 {
				d.closeMerges(t, -1)
				d.labelCol = min(max(t.width, gridCols), limits.MaxSheetCols)
				return nil
			}
			lvl--
		}
	}
}

// row reads one w:tr (just started) of t and places its cells.
func (d *docxGrid) row(t *tableState) error {
	before := 0
	var cells []docxCell
	for lvl := 0; ; {
		tok, err := d.next()
		if err != nil {
			return eofIsDamage(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch {
			case isW(x.Name, "tc"):
				c, err := d.cell(1)
				if err != nil {
					return err
				}
				if d.budget += c.span; d.budget > limits.MaxCells {
					return &docxTooBig{fmt.Sprintf("的表格单元格超过 %d 个", limits.MaxCells)}
				}
				cells = append(cells, c)
				continue
			case isW(x.Name, "gridBefore"):
				v, _ := wAttr(x, "val")
				before = spanOf(v)
			case x.Name.Space == mcNS && x.Name.Local == "Fallback":
				if err := d.skip(); err != nil {
					return err
				}
				continue
			}
			lvl++
		case xml.EndElement:
			if lvl == 0 {
				return d.placeRow(t, before, cells)
			}
			lvl--
		}
	}
}

// spanOf reads a column count (w:gridSpan, w:gridBefore), clamped to the
// grid's width.
func spanOf(v string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, limits.MaxSheetCols)
}

// cell reads one w:tc (just started) at table nesting level.
func (d *docxGrid) cell(level int) (docxCell, error) {
	c := docxCell{span: 1}
	var parts []string
	for lvl := 0; ; {
		tok, err := d.next()
		if err != nil {
			return c, eofIsDamage(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch {
			case isW(x.Name, "p"):
				text, _, err := d.paragraph(false)
				if err != nil {
					return c, err
				}
				parts = append(parts, text)
				continue
			case isW(x.Name, "tbl"):
				if level+1 > maxDOCXTables {
					return c, &docxTooBig{fmt.Sprintf("的表格嵌套超过 %d 层（表格里套表格）", maxDOCXTables)}
				}
				text, err := d.nested(level + 1)
				if err != nil {
					return c, err
				}
				parts = append(parts, text)
				continue
			case isW(x.Name, "gridSpan"):
				v, _ := wAttr(x, "val")
				c.span = spanOf(v)
			case isW(x.Name, "vMerge"):
				c.vmerge = vContinue // the default value
				if v, _ := wAttr(x, "val"); v == "restart" {
					c.vmerge = vRestart
				}
			case isW(x.Name, "hMerge"):
				v, _ := wAttr(x, "val")
				c.hcontinue = v != "restart"
			case x.Name.Space == mcNS && x.Name.Local == "Fallback":
				if err := d.skip(); err != nil {
					return c, err
				}
				continue
			}
			lvl++
		case xml.EndElement:
			if lvl == 0 {
				c.text = strings.TrimSpace(strings.Join(parts, "\n"))
				return c, nil
			}
			lvl--
		}
	}
}

// nested reads a table inside a cell (just started) as text: its cells
// separated by spaces, its rows by lines.
func (d *docxGrid) nested(level int) (string, error) {
	var rows []string
	var row []string
	for lvl := 0; ; {
		tok, err := d.next()
		if err != nil {
			return "", eofIsDamage(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if isW(x.Name, "tc") {
				c, err := d.cell(level)
				if err != nil {
					return "", err
				}
				if d.budget++; d.budget > limits.MaxCells {
					return "", &docxTooBig{fmt.Sprintf("的表格单元格超过 %d 个", limits.MaxCells)}
				}
				if c.text != "" {
					row = append(row, c.text)
				}
				continue
			}
			lvl++
		case xml.EndElement:
			if lvl == 0 {
				if len(row) > 0 {
					rows = append(rows, strings.Join(row, " "))
				}
				return strings.Join(rows, "\n"), nil
			}
			lvl--
			if isW(x.Name, "tr") && len(row) > 0 {
				rows = append(rows, strings.Join(row, " "))
				row = nil
			}
		}
	}
}

// newRow adds an empty grid row from place p and returns its index.
func (d *docxGrid) newRow(p docxPlace) (int, error) {
	if len(d.cells) >= limits.MaxSheetRows {
		return 0, &docxTooBig{fmt.Sprintf("的表格和段落超过 %d 行", limits.MaxSheetRows)}
	}
	d.cells = append(d.cells, nil)
	d.from = append(d.from, p)
	return len(d.cells) - 1, nil
}

func (d *docxGrid) set(r, c int, v string) {
	if c >= limits.MaxSheetCols {
		return
	}
	for len(d.cells[r]) <= c {
		d.cells[r] = append(d.cells[r], "")
	}
	d.cells[r][c] = v
}

// placeRow puts the cells of one table row on a new grid row: each at the
// next free grid column, spans and vertical merges as merged ranges.
func (d *docxGrid) placeRow(t *tableState, before int, cells []docxCell) error {
	t.rows++
	p := docxPlace{table: t.index, row: t.rows}
	// legacy horizontal merges: a continuing cell widens the one on its left
	var placed []docxCell
	for _, c := range cells {
		if c.hcontinue && len(placed) > 0 {
			l := &placed[len(placed)-1]
			l.span = min(l.span+c.span, limits.MaxSheetCols)
			if c.text != "" {
				l.text = strings.TrimSpace(l.text + "\n" + c.text)
			}
			continue
		}
		placed = append(placed, c)
	}
	r, err := d.newRow(p)
	if err != nil {
		return err
	}
	col := before
	for i := range placed {
		c := &placed[i]
		c.col, c.right = col, min(col+c.span, limits.MaxSheetCols)-1
		col = c.right + 1
		if c.col >= limits.MaxSheetCols {
			break
		}
		d.from[r].starts = append(d.from[r].starts, c.col)
		t.width = max(t.width, c.right+1)
		if c.vmerge == vContinue {
			if m := t.open[c.col]; m != nil && m[2] == r-1 {
				m[2] = r
				if c.text != "" {
					top := d.cells[m[0]][c.col]
					d.cells[m[0]][c.col] = strings.TrimSpace(top + "\n" + c.text)
				}
				continue
			}
			c.vmerge = vNone // nothing to continue: a plain cell (ECMA-376 17.18.57)
		}
		d.set(r, c.col, c.text)
		if c.vmerge == vRestart {
			if m := t.open[c.col]; m != nil {
				d.merges = append(d.merges, *m)
			}
			t.open[c.col] = &[4]int{r, c.col, r, c.right}
			continue
		}
		if c.right > c.col {
			d.merges = append(d.merges, [4]int{r, c.col, r, c.right})
		}
	}
	d.closeMerges(t, r)
	return nil
}

// closeMerges ends the vertical merges of t not continued on row r (all
// of them for r < 0).
func (d *docxGrid) closeMerges(t *tableState, r int) {
	for k, m := range t.open {
		if r < 0 || m[2] != r {
			d.merges = append(d.merges, [4]int{m[0], m[1], m[2], m[3]})
			delete(t.open, k)
		}
	}
}

var (
	chapterRe = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[)）]、?)\s*`)
	unitRe    = regexp.MustCompile(`^(金额)?单位[:：]`)
)

// addParagraph places a paragraph outside the tables (see docx.go).
func (d *docxGrid) addParagraph(text string, heading bool) error {
	var parts []string
	for _, p := range strings.Split(text, "\t") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	d.paras++
	if len(parts) > 1 {
		d.flushLabel()
		r, err := d.newRow(docxPlace{para: d.paras})
		if err != nil {
			return err
		}
		for i, p := range parts {
			d.set(r, d.labelCol+i, p)
		}
		return nil
	}
	s := parts[0]
	if label, ok := paragraphLabel(s, heading, d.tpls); ok {
		d.flushLabel()
		d.pending = &docxLabel{text: label, para: d.paras}
		return nil
	}
	p := docxPlace{para: d.paras}
	label := ""
	if d.pending != nil {
		p.para, label = d.pending.para, d.pending.text
		d.pending = nil
	}
	r, err := d.newRow(p)
	if err != nil {
		return err
	}
	d.set(r, d.labelCol, label)
	d.set(r, d.labelCol+1, s)
	return nil
}

// flushLabel puts a waiting label paragraph on a row of its own.
func (d *docxGrid) flushLabel() {
	if d.pending == nil {
		return
	}
	l := d.pending
	d.pending = nil
	if r, err := d.newRow(docxPlace{para: l.para}); err == nil {
		d.set(r, d.labelCol, l.text)
	}
}

// paragraphLabel says whether a paragraph is a label rather than content:
// a heading, a section name (年度总体目标, 年度主要任务, 年度绩效指标…),
// a text ending in a colon (部门名称：), the unit line (单位：万元). The
// label is returned without chapter numbering (一、, （二）) and colon.
func paragraphLabel(s string, heading bool, tpls []*model.Template) (string, bool) {
	if tpls == nil {
		tpls = model.BuiltinTemplates()
	}
	chapter := chapterRe.MatchString(s)
	bare := strings.TrimSpace(chapterRe.ReplaceAllString(s, ""))
	n := recognize.Norm(bare)
	short := len([]rune(n)) <= 20
	colon := strings.HasSuffix(n, ":")
	if colon {
		bare = strings.TrimRight(strings.TrimSpace(bare), ":：")
		n = strings.TrimSuffix(n, ":")
	}
	switch {
	case bare == "":
		return s, false
	case (heading || chapter) && short, colon && short, unitRe.MatchString(n):
		return bare, true
	case recognize.SectionLabel(n, tpls), goalsLabel(n):
		return bare, true
	}
	return s, false
}

// goalsLabel reports the labels findBlocks takes for the targets.
func goalsLabel(n string) bool {
	switch n {
	case "年度总体目标", "总体目标", "年度目标", "年度绩效目标", "年度总体绩效目标", "整体绩效目标":
		return true
	}
	return false
}

// place names grid cell (r, c) as a clerk finds it in Word.
func (d *docxGrid) place(r, c int) string {
	if r < 0 || r >= len(d.from) {
		return SheetName
	}
	p := d.from[r]
	if p.table == 0 {
		return fmt.Sprintf("表格外第 %d 段", p.para)
	}
	n := 0
	for _, s := range p.starts {
		if s <= c {
			n++
		}
	}
	return fmt.Sprintf("第 %d 个表格第 %d 行第 %d 格", p.table, p.row, max(n, 1))
}
