package pdf

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/signintech/gopdf"

	"jixiao/assets"
	"jixiao/export/internal/layout"
	"jixiao/model"
)

// PDF page geometry, in points: A4 landscape (the tables have eight or
// more columns; portrait would make the long 指标说明 texts very tall).
// pdfPadX is a cell's padding left and right (layout.PadX).
const pdfPadX = layout.PadX

const (
	pdfMarginX = 28.0
	pdfTop     = 36.0 // the table starts here
	pdfBottom  = 36.0 // room for the footer
	pdfPadY    = 3.0
	pdfSize    = 9.0  // body text
	pdfLine    = 12.6 // line height of body text
)

// pdfFamily is the font's name in the PDF; "JIXIAO+" marks it as a
// subset, as PDF readers expect (six capitals and a plus).
const pdfFamily = "JIXIAO+JixiaoNotoSansSC"

// missingGlyph is drawn in place of a character the font lacks.
const missingGlyph = '□'

type pdfWriter struct {
	gp *gopdf.GoPdf
	l  *layout.Layout
	// page size in points (the template's paper and orientation)
	pageW, pageH float64
	widths       []float64 // column widths in points
	xs           []float64 // column left edges
	runeW        map[rune]float64
	missing      []rune
	seen         map[rune]bool
	// per row: lines of each cell (index as in row.cells), and height
	lines   [][][]string
	heights []float64
}

// Write writes f as a print-ready A4 PDF in the official layout, with
// the bundled font embedded as a subset. Characters the font lacks are
// drawn as □ and listed in the report.
func Write(w io.Writer, f *model.Form) (rep Report, err error) {
	return WriteTemplate(w, f, nil)
}

// WriteTemplate is Write in the layout of template tpl (nil: the
// form's own built-in template, model.TemplateOf).
func WriteTemplate(w io.Writer, f *model.Form, tpl *model.Template) (rep Report, err error) {
	if f == nil {
		return rep, model.Errorf(model.EINVALID, "没有要导出的申报表")
	}
	defer func() {
		if r := recover(); r != nil {
			err = model.Errorf(model.EINTERNAL, "生成 PDF 时出错（%v），文件未写出", r)
		}
	}()
	p := &pdfWriter{l: layout.BuildLayout(f, tpl), runeW: map[rune]float64{}, seen: map[rune]bool{}}
	p.pageW, p.pageH = layout.PageSize(p.l.Tpl.Print)
	return p.render(w, p.l.Tpl.Title, f)
}

// stickyWriter writes to w until a write fails, then keeps that error
// and writes nothing more.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(b []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(b)
	s.err = err
	return n, err
}

// render draws the laid-out table on pages of p.pageW × p.pageH with the
// embedded font and writes the PDF to w; title heads the document's
// properties. Characters the font lacks are drawn as □ and reported.
func (p *pdfWriter) render(w io.Writer, title string, f *model.Form) (rep Report, err error) {
	p.gp = &gopdf.GoPdf{}
	p.gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: p.pageW, H: p.pageH}, Unit: gopdf.UnitPT})
	// Fastest compression: the file is a little larger, the export much quicker.
	p.gp.SetCompressLevel(1)
	p.gp.SetInfo(gopdf.PdfInfo{Title: title + " " + f.Dept + " " + f.Year + "年度", Creator: "jixiao", Producer: "jixiao", CreationDate: f.Meta.Updated})
	opt := gopdf.TtfOption{
		OnGlyphNotFound: func(r rune) {
			if !p.seen[r] {
				p.seen[r] = true
				p.missing = append(p.missing, r)
			}
		},
		OnGlyphNotFoundSubstitute: func(rune) rune { return missingGlyph },
	}
	if err := p.gp.AddTTFFontDataWithOption(pdfFamily, assets.FontTTF, opt); err != nil {
		return rep, model.Errorf(model.EINTERNAL, "PDF 字体加载失败：%w", err)
	}
	if err := p.gp.SetFont(pdfFamily, "", 10); err != nil {
		return rep, err
	}
	p.columns()
	p.measure()
	pages := p.paginate()
	if err := p.draw(pages); err != nil {
		return rep, model.Errorf(model.EINTERNAL, "生成 PDF 失败：%w", err)
	}
	// gopdf drops the errors of the writer, so a full disk would give a
	// cut file and no error: the first error is kept here instead.
	sw := &stickyWriter{w: w}
	if _, err := p.gp.WriteTo(sw); err != nil || sw.err != nil {
		return rep, model.Errorf(model.EIO, "写入 PDF 文件失败：%w", cmp.Or(sw.err, err))
	}
	rep.Pages = len(pages)
	rep.Missing = slices.Clone(p.missing)
	return rep, nil
}

func (p *pdfWriter) columns() {
	if p.pageW == 0 {
		p.pageW, p.pageH = layout.PdfPageW, layout.PdfPageH
	}
	total := 0.0
	for _, w := range p.l.Widths {
		total += w
	}
	usable := p.pageW - 2*pdfMarginX
	x := pdfMarginX
	for _, w := range p.l.Widths {
		cw := w / total * usable
		p.widths = append(p.widths, cw)
		p.xs = append(p.xs, x)
		x += cw
	}
}

// width of r at 10 pt, measured once per character (with the font at
// 10 pt whatever size was set last: text sets its own size before it
// draws).
func (p *pdfWriter) w10(r rune) float64 {
	if w, ok := p.runeW[r]; ok {
		return w
	}
	if r == '\n' || r == '\r' {
		return 0
	}
	if err := p.gp.SetFontSize(10); err != nil {
		return 10
	}
	w, err := p.gp.MeasureTextWidth(string(r))
	if err != nil {
		w = 10
	}
	p.runeW[r] = w
	return w
}

func (p *pdfWriter) textWidth(s string, size float64) float64 {
	t := 0.0
	for _, r := range s {
		t += p.w10(r)
	}
	return t * size / 10
}

func kindSize(k layout.CellKind) (size, line float64) {
	st := pdfTextStyle(k)
	return st.Size, st.Line
}

// pdfTextStyle is how the PDF sets a cell of kind k.
func pdfTextStyle(k layout.CellKind) layout.TextStyle {
	switch k {
	case layout.KTitle:
		return layout.TextStyle{Size: 16, Line: 24, Pad: 2 * pdfPadY}
	case layout.KSubtitle:
		return layout.TextStyle{Size: 11, Line: 16, Pad: 2 * pdfPadY}
	}
	return layout.TextStyle{Size: pdfSize, Line: pdfLine, Pad: 2 * pdfPadY}
}

func (p *pdfWriter) cellW(c *layout.Lcell) float64 {
	w := 0.0
	for i := c.Col; i < c.Col+c.ColSpan; i++ {
		w += p.widths[i]
	}
	return w
}

// measure wraps every cell's text and computes the row heights.
func (p *pdfWriter) measure() {
	rows := p.l.Rows
	p.lines = make([][][]string, len(rows))
	need := make([][]float64, len(rows))
	for ri := range rows {
		p.lines[ri] = make([][]string, len(rows[ri].Cells))
		need[ri] = make([]float64, len(rows[ri].Cells))
		for ci := range rows[ri].Cells {
			c := &rows[ri].Cells[ci]
			st := pdfTextStyle(c.Kind)
			text := c.Text
			if c.Kind == layout.KTotal {
				text = model.FormatMoney(c.Total, false)
			}
			ls := st.Wrap(pdfClean(text), p.cellW(c)-2*pdfPadX)
			p.lines[ri][ci] = ls
			need[ri][ci] = st.Height(len(ls))
		}
	}
	p.heights = layout.SpanHeights(rows, pdfLine+2*pdfPadY, func(ri, ci int) float64 { return need[ri][ci] })
}

// slice is a row, or part of a row, placed on a page.
type slice struct {
	row      int
	y, h     float64
	from, to int // lines of the row's one-row cells shown here
	whole    bool
	repeated bool // a header row repeated after a page break
}

type page struct{ slices []slice }

func (p *pdfWriter) headerRows(sec layout.Section) []int {
	var out []int
	for i, r := range p.l.Rows {
		if r.Sec == sec && r.Header {
			out = append(out, i)
		}
	}
	return out
}

func (p *pdfWriter) rowLines(ri int) int {
	n := 0
	for ci, c := range p.l.Rows[ri].Cells {
		if c.RowSpan == 1 {
			n = max(n, len(p.lines[ri][ci]))
		}
	}
	return n
}

// paginate places the rows on pages: a row that does not fit goes to the
// next page, after the header of its table; a row taller than a page is
// split between lines.
func (p *pdfWriter) paginate() []page {
	bodyTop, bodyBottom := pdfTop, p.pageH-pdfBottom
	pages := []page{{}}
	y := bodyTop
	headerH := func(sec layout.Section) float64 {
		h := 0.0
		for _, ri := range p.headerRows(sec) {
			h += p.heights[ri]
		}
		return h
	}
	newPage := func(sec layout.Section, repeat bool) {
		pages = append(pages, page{})
		y = bodyTop
		if repeat {
			for _, ri := range p.headerRows(sec) {
				pages[len(pages)-1].slices = append(pages[len(pages)-1].slices, slice{row: ri, y: y, h: p.heights[ri], whole: true, repeated: true})
				y += p.heights[ri]
			}
		}
	}
	place := func(s slice) {
		s.y = y
		pages[len(pages)-1].slices = append(pages[len(pages)-1].slices, s)
		y += s.h
	}
	rows := p.l.Rows
	for ri := 0; ri < len(rows); ri++ {
		r := rows[ri]
		h := p.heights[ri]
		// Keep a table's header with the start of its first row.
		if r.Header && (ri == 0 || !rows[ri-1].Header) {
			hh := headerH(r.Sec)
			next := 0.0
			if e := ri + len(p.headerRows(r.Sec)); e < len(rows) {
				next = min(p.heights[e], 2*pdfLine+2*pdfPadY)
			}
			if y+hh+next > bodyBottom && y > bodyTop {
				newPage(r.Sec, false)
			}
		}
		if y+h <= bodyBottom {
			place(slice{row: ri, h: h, whole: true})
			continue
		}
		repeat := !r.Header && len(p.headerRows(r.Sec)) > 0
		full := bodyBottom - bodyTop
		if repeat {
			full -= headerH(r.Sec)
		}
		if h <= full {
			newPage(r.Sec, repeat)
			place(slice{row: ri, h: h, whole: true})
			continue
		}
		// Taller than a page: split between lines.
		total := p.rowLines(ri)
		from := 0
		for from < total {
			fit := int((bodyBottom - y - 2*pdfPadY) / pdfLine)
			if fit < 2 {
				newPage(r.Sec, repeat)
				continue
			}
			to := min(total, from+fit)
			sh := float64(to-from)*pdfLine + 2*pdfPadY
			place(slice{row: ri, h: sh, from: from, to: to})
			from = to
			if from < total {
				newPage(r.Sec, repeat)
			}
		}
	}
	return pages
}

func (p *pdfWriter) setFont(size float64) error {
	return p.gp.SetFontSize(size)
}

func (p *pdfWriter) draw(pages []page) error {
	gp := p.gp
	f := p.l.Form
	n := len(pages)
	// Where each row was placed, for the cells spanning several rows.
	type seg struct {
		page   int
		y0, y1 float64
	}
	placed := make([][]struct {
		page int
		s    slice
	}, len(p.l.Rows))
	for pi, pg := range pages {
		for _, s := range pg.slices {
			if !s.repeated {
				placed[s.row] = append(placed[s.row], struct {
					page int
					s    slice
				}{pi, s})
			}
		}
	}
	type job struct {
		c     *layout.Lcell
		lines []string
		segs  []seg
	}
	spanJobs := make([][]job, n)
	for ri := range p.l.Rows {
		for ci := range p.l.Rows[ri].Cells {
			c := &p.l.Rows[ri].Cells[ci]
			if c.RowSpan <= 1 {
				continue
			}
			var segs []seg
			for k := ri; k < ri+c.RowSpan; k++ {
				for _, ps := range placed[k] {
					if len(segs) > 0 && segs[len(segs)-1].page == ps.page {
						segs[len(segs)-1].y1 = ps.s.y + ps.s.h
						continue
					}
					segs = append(segs, seg{page: ps.page, y0: ps.s.y, y1: ps.s.y + ps.s.h})
				}
			}
			// The text goes whole into the first segment with room for it
			// and again into later ones with room (the unit's name on each
			// page). When no segment has room, it flows over them.
			lines := p.lines[ri][ci]
			room := func(sg seg) int { return int((sg.y1 - sg.y0 - 2*pdfPadY + 0.01) / pdfLine) }
			whole := -1
			for si, sg := range segs {
				if room(sg) >= len(lines) {
					whole = si
					break
				}
			}
			next := 0
			for si, sg := range segs {
				var part []string
				switch {
				case whole >= 0 && si >= whole && room(sg) >= len(lines):
					part = lines
				case whole < 0 && next < len(lines):
					end := min(len(lines), next+max(room(sg), 0))
					if si == len(segs)-1 {
						end = len(lines)
					}
					part = lines[next:end]
					next = end
				}
				spanJobs[sg.page] = append(spanJobs[sg.page], job{c: c, lines: part, segs: []seg{sg}})
			}
		}
	}
	for pi, pg := range pages {
		gp.AddPage()
		gp.SetLineWidth(0.5)
		gp.SetStrokeColor(0, 0, 0)
		// Running header and footer: 部门, 年度, page numbers.
		if err := p.setFont(8); err != nil {
			return err
		}
		gp.SetTextColor(80, 80, 80)
		left := "部门：" + strings.Join(strings.Fields(pdfClean(f.Dept)), " ")
		right := strings.TrimSpace(f.Year) + "年度  " + p.l.HeadTitle()
		usable := p.pageW - 2*pdfMarginX
		// A form with errors says so on every page, at the right end of
		// the header, in red; the other texts share what is left.
		if mark := p.l.Verdict.Mark(); mark != "" {
			mw := p.textWidth(mark, 8)
			gp.SetTextColor(200, 0, 0)
			if err := p.text(pdfMarginX, 14, usable, 12, mark, gopdf.Right|gopdf.Middle, 8); err != nil {
				return err
			}
			gp.SetTextColor(80, 80, 80)
			usable -= mw + 12
		}
		if p.textWidth(left, 8)+p.textWidth(right, 8)+20 >= usable {
			// a very long 部门名称: 年度 moves into the left text, which
			// shrinks to fit the line
			left += "  " + strings.TrimSpace(f.Year) + "年度"
			right = ""
		}
		size := 8.0
		if w := p.textWidth(left, 8); w > usable {
			size = max(8*usable/w, 3)
		}
		if err := p.text(pdfMarginX, 14, usable, 12, left, gopdf.Left|gopdf.Middle, size); err != nil {
			return err
		}
		if right != "" {
			if err := p.text(pdfMarginX, 14, usable, 12, right, gopdf.Right|gopdf.Middle, 8); err != nil {
				return err
			}
		}
		foot := fmt.Sprintf("第 %d 页 共 %d 页", pi+1, n)
		if err := p.text(pdfMarginX, p.pageH-24, p.pageW-2*pdfMarginX, 12, foot, gopdf.Center|gopdf.Middle, 8); err != nil {
			return err
		}
		gp.SetTextColor(0, 0, 0)
		// Cells spanning rows first, so that the text comes out in reading
		// order (pdftotext, screen readers, copy and paste).
		for _, j := range spanJobs[pi] {
			sg := j.segs[0]
			if err := p.cell(j.c, p.xs[j.c.Col], sg.y0, p.cellW(j.c), sg.y1-sg.y0, j.lines, true); err != nil {
				return err
			}
		}
		for _, s := range pg.slices {
			row := &p.l.Rows[s.row]
			for ci := range row.Cells {
				c := &row.Cells[ci]
				if c.RowSpan > 1 {
					if s.repeated {
						// a repeated table header: its rows are all here
						h := 0.0
						for k := s.row; k < s.row+c.RowSpan; k++ {
							h += p.heights[k]
						}
						if err := p.cell(c, p.xs[c.Col], s.y, p.cellW(c), h, p.lines[s.row][ci], true); err != nil {
							return err
						}
					}
					continue
				}
				lines := p.lines[s.row][ci]
				if !s.whole {
					lines = lines[min(s.from, len(lines)):min(s.to, len(lines))]
				}
				if err := p.cell(c, p.xs[c.Col], s.y, p.cellW(c), s.h, lines, s.whole); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// pdfClean prepares a text for drawing: a tab becomes two spaces and
// other control characters (invisible anyway) are left out, so that they
// are not reported as missing from the font.
func pdfClean(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\r' || r >= 0x7f && r < 0xa0 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteString("  ")
		case r < 0x20 && r != '\n' && r != '\r', r >= 0x7f && r < 0xa0:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cell draws one cell's box and lines.
func (p *pdfWriter) cell(c *layout.Lcell, x, y, w, h float64, lines []string, center bool) error {
	gp := p.gp
	boxed := c.Kind != layout.KTitle && c.Kind != layout.KSubtitle
	if boxed {
		style := "D"
		switch c.Kind {
		case layout.KHeader:
			gp.SetFillColor(231, 230, 230)
			style = "FD"
		case layout.KAmount:
			if c.Amount.State() == model.AmountInvalid {
				gp.SetFillColor(255, 242, 204)
				style = "FD"
			}
		}
		gp.RectFromUpperLeftWithStyle(x, y, w, h, style)
	}
	if len(lines) == 0 {
		return nil
	}
	size, lh := kindSize(c.Kind)
	align := gopdf.Left
	switch c.Kind {
	case layout.KCenter, layout.KHeader, layout.KLabel, layout.KTotalLabel, layout.KTitle, layout.KSubtitle:
		align = gopdf.Center
	case layout.KAmount, layout.KTotal:
		align = gopdf.Right
	}
	// Fit the lines into the box (they always do, except in the rare
	// last part of a merged cell that was split over pages).
	avail := h - 2*pdfPadY
	if need := float64(len(lines)) * lh; need > avail && avail > 0 {
		lh = avail / float64(len(lines))
		size = math.Min(size, lh/1.15)
	}
	top := y + pdfPadY
	if center {
		top = y + (h-float64(len(lines))*lh)/2
	}
	if c.Kind == layout.KAmount && c.Amount.State() == model.AmountInvalid {
		p.gp.SetTextColor(192, 0, 0)
		defer p.gp.SetTextColor(0, 0, 0)
	}
	for i, ln := range lines {
		if err := p.text(x+pdfPadX, top+float64(i)*lh, w-2*pdfPadX, lh, ln, align|gopdf.Middle, size); err != nil {
			return err
		}
	}
	return nil
}

func (p *pdfWriter) text(x, y, w, h float64, s string, align int, size float64) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if err := p.gp.SetFontSize(size); err != nil {
		return err
	}
	p.gp.SetXY(x, y)
	return p.gp.CellWithOption(&gopdf.Rect{W: w, H: h}, s, gopdf.CellOption{Align: align})
}

// Report is what Write reports about the written file.
type Report struct {
	Pages int
	// Missing are the characters the bundled font lacks, in order of first
	// appearance; each is drawn as a visible replacement (□) instead.
	Missing []rune
}
