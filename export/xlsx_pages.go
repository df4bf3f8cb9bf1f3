package export

import (
	"math"
	"sort"
	"strings"

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
	pageShortPt = 595.28
	marginLRIn  = 0.4
	marginTBIn  = 0.6
	marginHFIn  = 0.3
	ptPerIn     = 72.0
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

// contMark labels the continuation of a group cut by a page break.
const contMark = "（续）"

// printScale is the print scale (percent) at which the columns fill at
// most the width of the page.
func printScale(widths []float64) int { return scaleFor(widths, pageLongPt) }

// scaleFor is printScale for a page pageW points wide.
func scaleFor(widths []float64, pageW float64) int {
	px := 0.0
	for _, w := range widths {
		px += math.Floor(w*assumedDigitPx + 5)
	}
	avail := pageW - 2*marginLRIn*ptPerIn
	s := int(math.Floor(100 * avail / (px * 0.75)))
	return min(max(s, 10), 100)
}

// pageBody is the height, in the sheet's points, that the rows of one page
// may take at scale percent.
func pageBody(scale int) float64 {
	return (pageShortPt - 2*marginTBIn*ptPerIn) * 100 / float64(scale) * pageFill
}

// printedSheet is the visible sheet as written: the layout's rows with
// the repeated headers and cut groups, their heights, and the rows that
// start a new page.
type printedSheet struct {
	rows    []lrow
	heights []float64
	breaks  []int // index of the first row of each page after the first
	scale   int
	body    float64 // pageBody(scale)
	// task rows (the SUM range): first task row, and the 合计 row (end,
	// exclusive); repeated header rows inside hold only text.
	taskFirst, taskEnd int
}

// paginate lays the rows of l out on printed pages.
func paginate(l *layout) *printedSheet {
	ps := &printedSheet{scale: printScale(l.widths)}
	ps.body = pageBody(ps.scale)
	if l.tpl != nil && (l.tpl.Print.Orientation == "portrait" || l.tpl.Print.Paper == "A3") {
		// the template's paper: the same rules on its width and height
		pw, ph := pageSize(l.tpl.Print)
		ps.scale = scaleFor(l.widths, pw)
		ps.body = (ph - 2*marginTBIn*ptPerIn) * 100 / float64(ps.scale) * pageFill
	}
	H := ps.body
	rows := copyRows(l.rows)
	hc := &heightCalc{widths: l.widths, memo: map[needKey]float64{}}
	heights := hc.heights
	hdr := map[section][]lrow{}
	for _, r := range l.rows {
		if r.header {
			hdr[r.sec] = append(hdr[r.sec], r)
		}
	}
	hdrH := map[section]float64{}
	for s, hs := range hdr {
		hdrH[s] = sum(heights(hs))
	}
	y := 0.0
	fresh := true // nothing but repeated headers on this page yet
	emit := func(part []lrow, hs []float64) {
		ps.rows = append(ps.rows, part...)
		ps.heights = append(ps.heights, hs...)
		y += sum(hs)
		fresh = false
	}
	newPage := func(sec section, repeat bool) {
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
		sec := rows[i].sec
		if rows[i].header {
			// A table's header stays with the start of the table.
			next := 0.0
			if j < len(rows) && rows[j].sec == sec && !rows[j].header {
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
		best, bestRows := -1, []lrow(nil)
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
		if r.sec != secTasks || r.header {
			continue
		}
		if ps.taskFirst < 0 {
			ps.taskFirst = ri
		}
		for _, c := range r.cells {
			if c.kind == kTotalLabel {
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

func copyRows(rows []lrow) []lrow {
	out := make([]lrow, len(rows))
	for i, r := range rows {
		out[i] = r
		out[i].cells = append([]lcell(nil), r.cells...)
	}
	return out
}

// blockEnd is the end (exclusive) of the smallest run of rows from i that
// no vertical merge crosses.
func blockEnd(rows []lrow, i int) int {
	j := i + 1
	for k := i; k < j && k < len(rows); k++ {
		for _, c := range rows[k].cells {
			j = max(j, k+c.rowSpan)
		}
	}
	return min(j, len(rows))
}

// cutFirst is a copy of the first k rows of part, its merged cells ending
// at row k.
func cutFirst(part []lrow, k int) []lrow {
	out := copyRows(part[:k])
	for ri := range out {
		for ci := range out[ri].cells {
			c := &out[ri].cells[ci]
			if ri+c.rowSpan > k {
				c.rowSpan = k - ri
			}
		}
	}
	return out
}

// cutRest is the rows of part from k on, with the parts of the merged
// cells that crossed row k starting again at row k: the label repeated
// (names marked （续）).
func cutRest(part []lrow, k int) []lrow {
	out := copyRows(part[k:])
	for ri := 0; ri < k; ri++ {
		for _, c := range part[ri].cells {
			if ri+c.rowSpan <= k {
				continue
			}
			c.rowSpan = ri + c.rowSpan - k
			c.text = continued(c)
			out[0].cells = append(out[0].cells, c)
		}
	}
	sort.SliceStable(out[0].cells, func(a, b int) bool { return out[0].cells[a].col < out[0].cells[b].col })
	return out
}

// continued is the text of a cut cell on its continuation: names and
// labels (单位名称, 一级/二级指标, 年度总体目标) get （续）; texts
// (指标解释, 指标说明) are repeated as they are.
func continued(c lcell) string {
	t := strings.TrimSpace(c.text)
	if t == "" || recognize.IsPlaceholder(t) || strings.HasSuffix(t, contMark) {
		return c.text
	}
	switch c.kind {
	case kCenter, kLabel:
		return c.text + contMark
	}
	return c.text
}

// isContinuation reports whether name is prev's label on a continuation
// page (prev + （续）, also with half-width brackets).
func isContinuation(name, prev string) bool {
	prev = strings.TrimSpace(prev)
	if prev == "" {
		return false
	}
	return recognize.Norm(name) == recognize.Norm(prev+contMark) // norm folds （续） to (续)
}
