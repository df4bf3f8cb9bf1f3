package pdftext

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"jixiao/export/internal/limits"
	"jixiao/model"
)

// Rebuilding the form's table from what the pages draw. The cells come
// from the ruling lines: the vertical lines of all pages give the columns
// (one set for the whole file, so that a column is the same on every
// page, as in a sheet), each page's horizontal lines its rows, and two
// neighbouring pieces are one (merged) cell when no line is drawn between
// them. Each glyph goes into the cell under its middle; a cell's glyphs
// are read line by line, top to bottom. Text outside the ruled area (the
// title, a running header or footer) becomes rows of its own, one per
// line, split into cells at wide gaps; running headers and footers (the
// same line near the top or bottom of several pages, page numbers) are
// left out. A file without ruling lines is read the same way line by
// line, cells split at wide gaps.

// pdfRows is the grid rebuilt from the pages.
type pdfRows struct {
	cells   [][]string
	merges  [][4]int
	where   []string // per row: 第 N 页第 M 行
	dropped int      // running header/footer lines left out
}

const (
	pdfLineTol = 2.0 // points: lines closer than this are one
	maxPDFCols = limits.MaxSheetCols
)

// cluster groups sorted values closer than tol; it returns the mean of
// each group.
func cluster(vs []float64, tol float64) []float64 {
	sort.Float64s(vs)
	var out []float64
	sum, n := 0.0, 0
	for i, v := range vs {
		if i > 0 && v-vs[i-1] > tol {
			out = append(out, sum/float64(n))
			sum, n = 0, 0
		}
		sum += v
		n++
	}
	if n > 0 {
		out = append(out, sum/float64(n))
	}
	return out
}

// nearest is the index of the value of cs nearest to v within tol, or -1.
func nearest(cs []float64, v, tol float64) int {
	i := sort.SearchFloat64s(cs, v)
	best, bd := -1, tol
	for _, k := range []int{i - 1, i} {
		if k >= 0 && k < len(cs) && math.Abs(cs[k]-v) <= bd {
			best, bd = k, math.Abs(cs[k]-v)
		}
	}
	return best
}

type span struct{ a, b float64 }

// covers reports whether the spans cover v (with a little slack).
func covers(ss []span, v float64) bool {
	for _, s := range ss {
		if s.a-1 <= v && v <= s.b+1 {
			return true
		}
	}
	return false
}

// buildPDFRows rebuilds the grid of all pages.
func buildPDFRows(pages []pdfPage) (*pdfRows, error) {
	var vx []float64
	for _, p := range pages {
		for _, s := range p.segs {
			if !s.horizontal() {
				vx = append(vx, s.x0)
			}
		}
	}
	xs := cluster(vx, pdfLineTol)
	if len(xs) > maxPDFCols-8 {
		return nil, model.Errorf(model.EINVALID, "页面上的竖线太多（%d 条），不像是申报表", len(xs))
	}
	out := &pdfRows{}
	furniture := furnitureKeys(pages)
	for _, p := range pages {
		out.page(p, xs, furniture)
	}
	return out, nil
}

// a line of free text (outside the ruled area).
type textLine struct {
	y      float64
	chunks []string
}

// page adds the rows of one page.
func (o *pdfRows) page(p pdfPage, xs []float64, furniture map[string]bool) {
	var hy []float64
	for _, s := range p.segs {
		if s.horizontal() {
			hy = append(hy, s.y0)
		}
	}
	ys := cluster(hy, pdfLineTol)
	// top to bottom
	for i, j := 0, len(ys)-1; i < j; i, j = i+1, j-1 {
		ys[i], ys[j] = ys[j], ys[i]
	}
	hspans := make([][]span, len(ys))
	vspans := make([][]span, len(xs))
	ysAsc := reverseSorted(ys)
	for _, s := range p.segs {
		if s.horizontal() {
			if k := nearest(ysAsc, s.y0, pdfLineTol); k >= 0 {
				k = len(ys) - 1 - k
				hspans[k] = append(hspans[k], span{s.x0, s.x1})
			}
		} else if k := nearest(xs, s.x0, pdfLineTol); k >= 0 {
			vspans[k] = append(vspans[k], span{s.y0, s.y1})
		}
	}
	table := len(ys) >= 2 && len(xs) >= 2
	nb, nc := max(len(ys)-1, 0), max(len(xs)-1, 0)
	// union-find over the pieces band×column
	parent := make([]int, nb*nc)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	for b := 0; b < nb; b++ {
		mid := (ys[b] + ys[b+1]) / 2
		for c := 0; c+1 < nc; c++ {
			if !covers(vspans[c+1], mid) {
				union(b*nc+c, b*nc+c+1)
			}
		}
	}
	for c := 0; c < nc; c++ {
		mid := (xs[c] + xs[c+1]) / 2
		for b := 0; b+1 < nb; b++ {
			if !covers(hspans[b+1], mid) {
				union(b*nc+c, (b+1)*nc+c)
			}
		}
	}
	cellGlyphs := map[int][]pdfGlyph{}
	var free []pdfGlyph
	for _, g := range p.glyphs {
		if strings.TrimSpace(g.text) == "" && g.text != " " {
			continue
		}
		w := g.w
		if w <= 0 {
			w = g.size / 2
		}
		cx, cy := g.x+w/2, g.y+g.size*0.35
		if !table || cy >= ys[0] || cy <= ys[len(ys)-1] || cx <= xs[0] || cx >= xs[len(xs)-1] {
			free = append(free, g)
			continue
		}
		b := sort.Search(nb, func(i int) bool { return ys[i+1] < cy })
		c := sort.Search(nc, func(i int) bool { return xs[i+1] > cx })
		if b >= nb || c >= nc {
			free = append(free, g)
			continue
		}
		root := find(b*nc + c)
		cellGlyphs[root] = append(cellGlyphs[root], g)
	}
	// free lines: above the table, then the table, then the rest
	lines := freeLines(free)
	row := 0
	emit := func(cells []string) int {
		row++
		o.cells = append(o.cells, cells)
		o.where = append(o.where, fmt.Sprintf("第%d页第%d行", p.n, row))
		return len(o.cells) - 1
	}
	// Free text goes into the columns right of the table's (when the file
	// has ruled tables): it is not in any column of the form, and so it
	// is listed as unplaced unless it is a title or a 填报人 line.
	freeRow := func(l textLine) []string {
		if len(xs) < 2 {
			return l.chunks
		}
		return append(make([]string, len(xs)-1), l.chunks...)
	}
	var rest []textLine
	for _, l := range lines {
		if furniture[furnitureKey(p, l)] || pageNumberRe.MatchString(strings.Join(l.chunks, "")) && nearEdge(p, l.y) {
			o.dropped++
			continue
		}
		if table && l.y < ys[0] {
			rest = append(rest, l)
			continue
		}
		emit(freeRow(l))
	}
	if table {
		// bands with text, and the output row of each
		outRow := make([]int, nb)
		for b := range outRow {
			outRow[b] = -1
		}
		for b := 0; b < nb; b++ {
			has := false
			for c := 0; c < nc && !has; c++ {
				k := b*nc + c
				has = find(k) == k && len(cellGlyphs[k]) > 0
			}
			if has {
				outRow[b] = emit(make([]string, nc))
			}
		}
		type box struct{ b1, c1, b2, c2 int }
		boxes := map[int]*box{}
		for b := 0; b < nb; b++ {
			for c := 0; c < nc; c++ {
				r := find(b*nc + c)
				bx := boxes[r]
				if bx == nil {
					boxes[r] = &box{b, c, b, c}
					continue
				}
				bx.b1, bx.c1 = min(bx.b1, b), min(bx.c1, c)
				bx.b2, bx.c2 = max(bx.b2, b), max(bx.c2, c)
			}
		}
		for r, gl := range cellGlyphs {
			bx := boxes[r]
			r1, r2 := -1, -1
			for b := bx.b1; b <= bx.b2; b++ {
				if outRow[b] >= 0 {
					if r1 < 0 {
						r1 = outRow[b]
					}
					r2 = outRow[b]
				}
			}
			if r1 < 0 {
				continue
			}
			o.cells[r1][bx.c1] = cellText(gl)
			if r2 > r1 || bx.c2 > bx.c1 {
				o.merges = append(o.merges, [4]int{r1, bx.c1, r2, bx.c2})
			}
		}
	}
	for _, l := range rest {
		emit(freeRow(l))
	}
}

var pageNumberRe = regexp.MustCompile(`^(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|-?\s*\d+\s*-?|\d+\s*/\s*\d+|Page\s*\d+(\s*of\s*\d+)?)$`)

func nearEdge(p pdfPage, y float64) bool {
	return y > p.y0+p.h*0.9 || y < p.y0+p.h*0.1
}

var digitsRe = regexp.MustCompile(`\d+`)

func furnitureKey(p pdfPage, l textLine) string {
	if !nearEdge(p, l.y) {
		return ""
	}
	edge := "top"
	if l.y < p.y0+p.h/2 {
		edge = "bottom"
	}
	return edge + "|" + digitsRe.ReplaceAllString(strings.Join(strings.Fields(strings.Join(l.chunks, "")), ""), "#")
}

// furnitureKeys are the free lines near the top or bottom edge that
// repeat on at least two pages and half of them: running headers and
// footers.
func furnitureKeys(pages []pdfPage) map[string]bool {
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		var edge []pdfGlyph
		for _, g := range p.glyphs {
			if nearEdge(p, g.y) {
				edge = append(edge, g)
			}
		}
		for _, l := range freeLines(edge) {
			if k := furnitureKey(p, l); k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	out := map[string]bool{}
	for k, n := range count {
		if n >= 2 && 2*n >= len(pages) {
			out[k] = true
		}
	}
	return out
}

// glyphLines groups glyphs into lines (by baseline), top to bottom, each
// sorted left to right.
func glyphLines(gs []pdfGlyph) [][]pdfGlyph {
	s := append([]pdfGlyph(nil), gs...)
	sort.Slice(s, func(i, j int) bool {
		if s[i].y != s[j].y {
			return s[i].y > s[j].y
		}
		return s[i].x < s[j].x
	})
	var lines [][]pdfGlyph
	for i, g := range s {
		if k := len(lines); k > 0 {
			last := lines[k-1]
			ref := last[0]
			if math.Abs(ref.y-g.y) <= 0.5*max(min(ref.size, g.size), 1) {
				lines[k-1] = last[:len(last)+1]
				continue
			}
		}
		lines = append(lines, s[i:i+1])
	}
	for _, l := range lines {
		sort.SliceStable(l, func(i, j int) bool { return l[i].x < l[j].x })
	}
	return lines
}

// lineChunks is the text of a line, cut where the gap between glyphs is
// wider than gap times the font size (gap 0: never cut; then the text is
// not trimmed: a line wrapped after a blank keeps it).
func lineChunks(l []pdfGlyph, gap float64) []string {
	var out []string
	var b strings.Builder
	for i, g := range l {
		if i > 0 {
			p := l[i-1]
			d := g.x - (p.x + p.w)
			sz := max(p.size, g.size, 1)
			switch {
			case gap > 0 && d > gap*sz:
				out = append(out, strings.TrimSpace(b.String()))
				b.Reset()
			case d > 0.3*sz && p.text != " " && g.text != " ":
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.text)
	}
	if gap == 0 {
		return []string{b.String()}
	}
	return append(out, strings.TrimSpace(b.String()))
}

func freeLines(gs []pdfGlyph) []textLine {
	var out []textLine
	for _, l := range glyphLines(gs) {
		chunks := lineChunks(l, 2.5)
		var keep []string
		for _, c := range chunks {
			if c != "" && len(keep) < 8 {
				keep = append(keep, clip(c))
			}
		}
		if len(keep) > 0 {
			out = append(out, textLine{y: l[0].y, chunks: keep})
		}
	}
	return out
}

// cellText is the text of a cell's glyphs: its lines joined without a
// separator (both our export and LibreOffice wrap Chinese text between
// any two characters, so a line inside a cell continues the one above).
func cellText(gs []pdfGlyph) string {
	var b strings.Builder
	for _, l := range glyphLines(gs) {
		b.WriteString(lineChunks(l, 0)[0])
		if b.Len() > maxPDFCell {
			break
		}
	}
	return clip(strings.TrimSpace(b.String()))
}

func reverseSorted(desc []float64) []float64 {
	out := make([]float64, len(desc))
	for i, v := range desc {
		out[len(desc)-1-i] = v
	}
	return out
}

// maxPDFCell bounds the text of one cell (in bytes; Excel's limit is
// 32,767 characters): glyphs drawn on top of each other cannot make a
// cell of megabytes.
const maxPDFCell = 32_767

func clip(s string) string {
	if len(s) <= maxPDFCell {
		return s
	}
	cut := maxPDFCell
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
