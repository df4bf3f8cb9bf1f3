package xlsx

import (
	"math"
	"sort"
	"strings"

	"jixiao/export/internal/layout"
	"jixiao/model/recognize"
)

// The printed pages of the visible sheet. Excel repeats one range of title
// rows per sheet and, when a page is full, breaks wherever the page ends:
// through a merged unit name, and without the table's column headers on
// the next page. So the workbook sets the page breaks itself, as the
// official forms printed from Excel do (a 续表 repeats its header): the
// rows are laid out on pages by their heights, every page of the task and
// indicator tables starts with a copy of the table's header rows, and a
// vertically merged group that does not fit on a page is cut at the break
// into parts, each with its label (the continuation labelled （续）). The
// importer skips the repeated header rows and joins the （续） parts.

// Page geometry, in points: A4 landscape with the margins of pageSetup.
const (
	pageLongPt  = 841.89
	PageShortPt = 595.28
	marginLRIn  = 0.4
	MarginTBIn  = 0.6
	marginHFIn  = 0.3
	PtPerIn     = 72.0
)

// assumedDigitPx is the maximum digit width (pixels at 96 dpi) assumed
// when converting column widths to points for the print scale. Excel's
// width unit is the default font's widest digit: 7 px for Calibri 11, 7–8
// for 宋体 11, and the fonts LibreOffice substitutes for 宋体 on Linux are
// wider. Assuming the widest keeps the table one page wide everywhere; it
// costs at most a few percent of size where the font is narrower.
const assumedDigitPx = 9.0

// pageFill is the part of a page's height the rows may fill; the rest
// absorbs rounding of row heights to device pixels.
const pageFill = 0.97

// PrintScale is the print scale (percent) at which the columns fill at
// most the width of the page.
func PrintScale(widths []float64) int { return scaleFor(widths, pageLongPt) }

// scaleFor is printScale for a page pageW points wide.
func scaleFor(widths []float64, pageW float64) int {
	px := 0.0
	for _, w := range widths {
		px += math.Floor(w*assumedDigitPx + 5)
	}
	avail := pageW - 2*marginLRIn*PtPerIn
	s := int(math.Floor(100 * avail / (px * 0.75)))
	return min(max(s, 10), 100)
}

// pageBody is the height, in the sheet's points, that the rows of one page
// may take at scale percent.
func pageBody(scale int) float64 {
	return (PageShortPt - 2*MarginTBIn*PtPerIn) * 100 / float64(scale) * pageFill
}

// printedSheet is the visible sheet as written: the layout's rows with
// the repeated headers and cut groups, their heights, and the rows that
// start a new page.
type printedSheet struct {
	rows    []layout.Lrow
	heights []float64
	breaks  []int // index of the first row of each page after the first
	scale   int
	body    float64 // pageBody(scale)
	// task rows (the SUM range): first task row, and the 合计 row (end,
	// exclusive); repeated header rows inside hold only text.
	taskFirst, taskEnd int
}

// paginate lays the rows of l out on printed pages.
func paginate(l *layout.Layout) *printedSheet {
	ps := &printedSheet{scale: PrintScale(l.Widths)}
	ps.body = pageBody(ps.scale)
	if l.Tpl != nil && (l.Tpl.Print.Orientation == "portrait" || l.Tpl.Print.Paper == "A3") {
		// the template's paper: the same rules on its width and height
		pw, ph := layout.PageSize(l.Tpl.Print)
		ps.scale = scaleFor(l.Widths, pw)
		ps.body = (ph - 2*MarginTBIn*PtPerIn) * 100 / float64(ps.scale) * pageFill
	}
	H := ps.body
	rows := copyRows(l.Rows)
	hc := &heightCalc{widths: l.Widths, memo: map[needKey]float64{}}
	heights := hc.heights
	hdr := map[layout.Section][]layout.Lrow{}
	for _, r := range l.Rows {
		if r.Header {
			hdr[r.Sec] = append(hdr[r.Sec], r)
		}
	}
	hdrH := map[layout.Section]float64{}
	for s, hs := range hdr {
		hdrH[s] = sum(heights(hs))
	}
	y := 0.0
	fresh := true // nothing but repeated headers on this page yet
	emit := func(part []layout.Lrow, hs []float64) {
		ps.rows = append(ps.rows, part...)
		ps.heights = append(ps.heights, hs...)
		y += sum(hs)
		fresh = false
	}
	newPage := func(sec layout.Section, repeat bool) {
		ps.breaks = append(ps.breaks, len(ps.rows))
		y = 0
		if repeat && len(hdr[sec]) > 0 {
			emit(copyRows(hdr[sec]), heights(hdr[sec]))
		}
		fresh = true
	}
	for i := 0; i < len(rows); {
		j := blockEnd(rows, i)
		part := rows[i:j]
		hs := heights(part)
		h := sum(hs)
		sec := rows[i].Sec
		if rows[i].Header {
			// A table's header stays with the start of the table.
			next := 0.0
			if j < len(rows) && rows[j].Sec == sec && !rows[j].Header {
				k := blockEnd(rows, j)
				next = sum(heights(rows[j:k]))
				if next > H-h {
					next = sum(heights(cutFirst(rows[j:k], 1)))
				}
			}
			if !fresh && y+h+next > H {
				newPage(sec, false)
			}
			emit(part, hs)
			i = j
			continue
		}
		if y+h <= H {
			emit(part, hs)
			i = j
			continue
		}
		repeat := len(hdr[sec]) > 0
		room := H
		if repeat {
			room -= hdrH[sec]
		}
		if !fresh && h <= room {
			newPage(sec, repeat)
			emit(part, hs)
			i = j
			continue
		}
		// The group is taller than a page: cut it after the most rows
		// that fit here.
		best, bestRows := -1, []layout.Lrow(nil)
		var bestH []float64
		for k := 1; k < len(part); k++ {
			first := cutFirst(part, k)
			fh := heights(first)
			if y+sum(fh) > H {
				break
			}
			best, bestRows, bestH = k, first, fh
		}
		if best < 0 {
			if !fresh {
				newPage(sec, repeat)
				continue
			}
			// Not even one row fits on an empty page (a row is at most
			// 409 pt): print it anyway; the program will break inside.
			best = 1
			bestRows = cutFirst(part, 1)
			bestH = heights(bestRows)
		}
		emit(bestRows, bestH)
		rest := cutRest(part, best)
		copy(rows[i+best:j], rest)
		newPage(sec, repeat)
		i += best
	}
	ps.taskFirst, ps.taskEnd = -1, -1
	for ri, r := range ps.rows {
		if r.Sec != layout.SecTasks || r.Header {
			continue
		}
		if ps.taskFirst < 0 {
			ps.taskFirst = ri
		}
		for _, c := range r.Cells {
			if c.Kind == layout.KTotalLabel {
				ps.taskEnd = ri
			}
		}
	}
	if ps.taskFirst < 0 || ps.taskEnd < ps.taskFirst {
		ps.taskFirst, ps.taskEnd = 0, 0
	}
	return ps
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

func copyRows(rows []layout.Lrow) []layout.Lrow {
	out := make([]layout.Lrow, len(rows))
	for i, r := range rows {
		out[i] = r
		out[i].Cells = append([]layout.Lcell(nil), r.Cells...)
	}
	return out
}

// blockEnd is the end (exclusive) of the smallest run of rows from i that
// no vertical merge crosses.
func blockEnd(rows []layout.Lrow, i int) int {
	j := i + 1
	for k := i; k < j && k < len(rows); k++ {
		for _, c := range rows[k].Cells {
			j = max(j, k+c.RowSpan)
		}
	}
	return min(j, len(rows))
}

// cutFirst is a copy of the first k rows of part, its merged cells ending
// at row k.
func cutFirst(part []layout.Lrow, k int) []layout.Lrow {
	out := copyRows(part[:k])
	for ri := range out {
		for ci := range out[ri].Cells {
			c := &out[ri].Cells[ci]
			if ri+c.RowSpan > k {
				c.RowSpan = k - ri
			}
		}
	}
	return out
}

// cutRest is the rows of part from k on, with the parts of the merged
// cells that crossed row k starting again at row k: the label repeated
// (names marked （续）).
func cutRest(part []layout.Lrow, k int) []layout.Lrow {
	out := copyRows(part[k:])
	for ri := 0; ri < k; ri++ {
		for _, c := range part[ri].Cells {
			if ri+c.RowSpan <= k {
				continue
			}
			c.RowSpan = ri + c.RowSpan - k
			c.Text = continued(c)
			out[0].Cells = append(out[0].Cells, c)
		}
	}
	sort.SliceStable(out[0].Cells, func(a, b int) bool { return out[0].Cells[a].Col < out[0].Cells[b].Col })
	return out
}

// continued is the text of a cut cell on its continuation: names and
// labels (单位名称, 一级/二级指标, 年度总体目标) get （续）; texts
// (指标解释, 指标说明) are repeated as they are.
func continued(c layout.Lcell) string {
	t := strings.TrimSpace(c.Text)
	if t == "" || recognize.IsPlaceholder(t) || strings.HasSuffix(t, layout.ContMark) {
		return c.Text
	}
	switch c.Kind {
	case layout.KCenter, layout.KLabel:
		return c.Text + layout.ContMark
	}
	return c.Text
}
