package pdftext

import (
	"math"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The content interpreter: what a page draws, as positioned glyphs and
// the straight horizontal and vertical lines of table rulings. Only the
// operators that move text or draw lines matter; colours, images (counted
// only, to tell a scanned page), clipping and shading are skipped.

// pdfGlyph is one character drawn on the page, in page space (points, y
// upwards): the start of its baseline, its advance and the font size.
type pdfGlyph struct {
	x, y, w, size float64
	text          string
}

// pdfSeg is a horizontal (y0 == y1) or vertical (x0 == x1) ruling line.
type pdfSeg struct{ x0, y0, x1, y1 float64 }

func (s pdfSeg) horizontal() bool { return s.y0 == s.y1 }

// pdfPage is what one page draws.
type pdfPage struct {
	n      int
	w, h   float64 // media box size; x0, y0 its origin
	x0, y0 float64
	glyphs []pdfGlyph
	segs   []pdfSeg
	images int
}

type mat [6]float64 // a b c d e f

var identity = mat{1, 0, 0, 1, 0, 0}

func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m mat) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type gstate struct {
	ctm            mat
	font           *pdfFont
	size           float64
	tc, tw, th, tl float64
	rise           float64
}

// Bounds on what one file may make the interpreter do.
const (
	maxPDFOps      = 5_000_000 // operators and operands, all pages
	maxPDFGlyphs   = 400_000   // some 200 pages of a dense form
	maxPDFSegs     = 400_000
	maxPDFForms    = 10_000 // form XObjects drawn, all pages
	maxFormDepth   = 8
	maxPathPoints  = 1_000_000
	maxGStateDepth = 256
)

type interp struct {
	rd      *pdfReader
	page    *pdfPage
	gs      gstate
	stack   []gstate
	tm, tlm mat
	path    [][][2]float64 // subpaths of points in page space
	points  int
	marks   []markSpan // open marked-content sequences (BMC/BDC … EMC)
}

// markSpan is one open marked-content sequence. A sequence with an
// /ActualText (PDF 32000-1 §14.9.4) stands for that text whatever its
// glyphs are: LibreOffice, printing Chinese on a machine without a CJK
// font, draws each character as the .notdef glyph of a Latin font and
// gives the character in ActualText.
type markSpan struct {
	actual    bool   // the sequence carries an ActualText
	text      string // the ActualText
	delivered bool   // the text has been given to the sequence's first glyph
}

// maxMarkDepth bounds the nesting of marked-content sequences.
const maxMarkDepth = 64

// run interprets content with resources res.
func (in *interp) run(content []byte, res types.Dict, depth int) {
	l := &pdfLexer{b: content}
	var args []any
	for {
		if in.rd.ops++; in.rd.ops > maxPDFOps {
			in.rd.tooBig = true
			return
		}
		v := l.next(0)
		switch t := v.(type) {
		case lexEOF:
			return
		case pdfOp:
			if t == "BI" {
				l.skipInlineImage()
				in.page.images++
			} else {
				in.op(string(t), args, res, depth)
			}
			args = args[:0]
		default:
			if len(args) < 64 {
				args = append(args, v)
			}
		}
		if in.rd.tooBig {
			return
		}
	}
}

func (in *interp) op(op string, a []any, res types.Dict, depth int) {
	n := func(i int) float64 {
		if i < len(a) {
			return num(a[i])
		}
		return 0
	}
	switch op {
	case "q":
		if len(in.stack) < maxGStateDepth {
			in.stack = append(in.stack, in.gs)
		}
	case "Q":
		if k := len(in.stack); k > 0 {
			in.gs = in.stack[k-1]
			in.stack = in.stack[:k-1]
		}
	case "cm":
		if len(a) == 6 {
			in.gs.ctm = mat{n(0), n(1), n(2), n(3), n(4), n(5)}.mul(in.gs.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "Td", "TD":
		if op == "TD" {
			in.gs.tl = -n(1)
		}
		in.tlm = mat{1, 0, 0, 1, n(0), n(1)}.mul(in.tlm)
		in.tm = in.tlm
	case "Tm":
		if len(a) == 6 {
			in.tlm = mat{n(0), n(1), n(2), n(3), n(4), n(5)}
			in.tm = in.tlm
		}
	case "T*":
		in.nextLine()
	case "Tc":
		in.gs.tc = n(0)
	case "Tw":
		in.gs.tw = n(0)
	case "Tz":
		in.gs.th = n(0) / 100
	case "TL":
		in.gs.tl = n(0)
	case "Ts":
		in.gs.rise = n(0)
	case "Tf":
		if len(a) == 2 {
			name, _ := a[0].(pdfName)
			in.gs.font = in.font(res, string(name))
			in.gs.size = n(1)
		}
	case "Tj":
		if len(a) == 1 {
			in.show(a[0])
		}
	case "'":
		in.nextLine()
		if len(a) == 1 {
			in.show(a[0])
		}
	case "\"":
		if len(a) == 3 {
			in.gs.tw, in.gs.tc = n(0), n(1)
			in.nextLine()
			in.show(a[2])
		}
	case "TJ":
		if len(a) == 1 {
			arr, _ := a[0].([]any)
			for _, e := range arr {
				if f, ok := e.(float64); ok {
					in.advance(-f / 1000 * in.gs.size * in.gs.th)
					continue
				}
				in.show(e)
			}
		}
	case "m":
		in.path = append(in.path, [][2]float64{in.pt(n(0), n(1))})
		in.points++
	case "l":
		if k := len(in.path); k > 0 && in.points < maxPathPoints {
			in.path[k-1] = append(in.path[k-1], in.pt(n(0), n(1)))
			in.points++
		}
	case "h":
		if k := len(in.path); k > 0 && len(in.path[k-1]) > 1 {
			in.path[k-1] = append(in.path[k-1], in.path[k-1][0])
		}
	case "re":
		if in.points < maxPathPoints {
			x, y, w, h := n(0), n(1), n(2), n(3)
			in.path = append(in.path, [][2]float64{in.pt(x, y), in.pt(x+w, y), in.pt(x+w, y+h), in.pt(x, y+h), in.pt(x, y)})
			in.points += 5
		}
	case "S", "s", "B", "B*", "b", "b*":
		in.rulings(false)
	case "f", "F", "f*":
		in.rulings(true)
	case "n":
		in.path, in.points = in.path[:0], 0
	case "BMC":
		in.beginMark(nil, res)
	case "BDC":
		if len(a) == 2 {
			in.beginMark(a[1], res)
		} else {
			in.beginMark(nil, res)
		}
	case "EMC":
		if k := len(in.marks); k > 0 {
			in.marks = in.marks[:k-1]
		}
	case "Do":
		if len(a) == 1 {
			name, _ := a[0].(pdfName)
			in.xobject(res, string(name), depth)
		}
	}
}

func (in *interp) pt(x, y float64) [2]float64 {
	px, py := in.gs.ctm.apply(x, y)
	return [2]float64{px, py}
}

func (in *interp) nextLine() {
	in.tlm = mat{1, 0, 0, 1, 0, -in.gs.tl}.mul(in.tlm)
	in.tm = in.tlm
}

func (in *interp) advance(tx float64) {
	in.tm = mat{1, 0, 0, 1, tx, 0}.mul(in.tm)
}

// show draws the string s (a pdfString) with the current font.
func (in *interp) show(s any) {
	str, ok := s.(pdfString)
	if !ok {
		return
	}
	f := in.gs.font
	if f == nil {
		f = &pdfFont{codeLen: 1, enc: winAnsi(), defW: 500}
		in.gs.font = f
	}
	raw := string(str)
	for len(raw) > 0 {
		code, k := f.code(raw)
		text := f.text(code, raw[:k])
		if span := in.actualSpan(); span != nil {
			// The sequence's text goes with its first glyph; the
			// other glyphs of the sequence draw nothing of their own.
			text = ""
			if !span.delivered {
				text, span.delivered = span.text, true
			}
		}
		w0 := f.width(code)
		trm := mat{in.gs.size * in.gs.th, 0, 0, in.gs.size, 0, in.gs.rise}.mul(in.tm).mul(in.gs.ctm)
		scale := math.Hypot(trm[0], trm[1])
		size := math.Hypot(trm[2], trm[3])
		if len(in.page.glyphs) < maxPDFGlyphs {
			in.page.glyphs = append(in.page.glyphs, pdfGlyph{x: trm[4], y: trm[5], w: w0 / 1000 * scale, size: size, text: text})
		} else {
			in.rd.tooBig = true
			return
		}
		tx := w0/1000*in.gs.size + in.gs.tc
		if k == 1 && raw[0] == ' ' {
			tx += in.gs.tw
		}
		in.advance(tx * in.gs.th)
		raw = raw[k:]
	}
}

// rulings turns the straight axis-parallel pieces of the current path into
// ruling lines: every stroked piece; of a filled path only thin rectangles
// (a line drawn as a filled bar), not backgrounds.
func (in *interp) rulings(fill bool) {
	defer func() { in.path, in.points = in.path[:0], 0 }()
	for _, sp := range in.path {
		if fill {
			minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
			for _, p := range sp {
				minX, maxX = min(minX, p[0]), max(maxX, p[0])
				minY, maxY = min(minY, p[1]), max(maxY, p[1])
			}
			switch {
			case maxY-minY <= 2.5 && maxX-minX > 2:
				in.seg(pdfSeg{minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2})
			case maxX-minX <= 2.5 && maxY-minY > 2:
				in.seg(pdfSeg{(minX + maxX) / 2, minY, (minX + maxX) / 2, maxY})
			}
			continue
		}
		for i := 1; i < len(sp); i++ {
			p, q := sp[i-1], sp[i]
			switch {
			case math.Abs(p[1]-q[1]) < 0.5 && math.Abs(p[0]-q[0]) > 0.5:
				y := (p[1] + q[1]) / 2
				in.seg(pdfSeg{min(p[0], q[0]), y, max(p[0], q[0]), y})
			case math.Abs(p[0]-q[0]) < 0.5 && math.Abs(p[1]-q[1]) > 0.5:
				x := (p[0] + q[0]) / 2
				in.seg(pdfSeg{x, min(p[1], q[1]), x, max(p[1], q[1])})
			}
		}
	}
}

func (in *interp) seg(s pdfSeg) {
	if len(in.page.segs) < maxPDFSegs {
		in.page.segs = append(in.page.segs, s)
	}
}

// font finds the font named name in res (cached by object number).
func (in *interp) font(res types.Dict, name string) *pdfFont {
	fd, ok := in.rd.deref(res["Font"]).(types.Dict)
	if !ok {
		return nil
	}
	ref, isRef := fd[name].(types.IndirectRef)
	if isRef {
		if f, ok := in.rd.fontCache[ref.ObjectNumber.Value()]; ok {
			return f
		}
	}
	d, ok := in.rd.deref(fd[name]).(types.Dict)
	if !ok {
		return nil
	}
	f := in.rd.loadFont(d)
	if isRef {
		in.rd.fontCache[ref.ObjectNumber.Value()] = f
	}
	return f
}

// xobject draws the XObject name: a form is interpreted (bounded depth
// and count), an image is counted.
func (in *interp) xobject(res types.Dict, name string, depth int) {
	xd, ok := in.rd.deref(res["XObject"]).(types.Dict)
	if !ok {
		return
	}
	sd, ok := in.rd.deref(xd[name]).(types.StreamDict)
	if !ok {
		return
	}
	switch in.rd.name(sd.Dict, "Subtype") {
	case "Image":
		in.page.images++
	case "Form":
		if depth >= maxFormDepth {
			return
		}
		if in.rd.forms++; in.rd.forms > maxPDFForms {
			in.rd.tooBig = true
			return
		}
		data, ok := in.rd.decode(&sd)
		if !ok {
			return
		}
		saved, savedStack := in.gs, len(in.stack)
		if m, ok := in.rd.deref(sd.Dict["Matrix"]).(types.Array); ok && len(m) == 6 {
			var fm mat
			for i := range fm {
				fm[i], _ = in.rd.number(m[i])
			}
			in.gs.ctm = fm.mul(in.gs.ctm)
		}
		fres, ok := in.rd.deref(sd.Dict["Resources"]).(types.Dict)
		if !ok {
			fres = res
		}
		in.run(data, fres, depth+1)
		in.gs = saved
		if len(in.stack) > savedStack {
			in.stack = in.stack[:savedStack]
		}
	}
}

// beginMark opens a marked-content sequence whose property list is props:
// an inline dictionary, the name of one in the resources' /Properties, or
// nil (BMC).
func (in *interp) beginMark(props any, res types.Dict) {
	if len(in.marks) >= maxMarkDepth {
		in.marks = append(in.marks[:maxMarkDepth-1], markSpan{})
		return
	}
	var m markSpan
	switch p := props.(type) {
	case map[string]any:
		if s, ok := p["ActualText"].(pdfString); ok {
			m = markSpan{actual: true, text: pdfTextString(s)}
		}
	case pdfName:
		if pd, ok := in.rd.deref(res["Properties"]).(types.Dict); ok {
			if d, ok := in.rd.deref(pd[string(p)]).(types.Dict); ok {
				if s, err := types.StringOrHexLiteral(in.rd.deref(d["ActualText"])); err == nil && s != nil {
					m = markSpan{actual: true, text: *s}
				}
			}
		}
	}
	in.marks = append(in.marks, m)
}

// actualSpan is the innermost open sequence with an ActualText, or nil.
func (in *interp) actualSpan() *markSpan {
	for i := len(in.marks) - 1; i >= 0; i-- {
		if in.marks[i].actual {
			return &in.marks[i]
		}
	}
	return nil
}

// pdfTextString decodes a PDF text string (§7.9.2.2): UTF-16BE after its
// byte-order mark, UTF-8 after its mark (PDF 2.0), else PDFDocEncoding,
// which is Latin-1 for the characters that matter here.
func pdfTextString(s pdfString) string {
	switch {
	case strings.HasPrefix(string(s), "\xfe\xff"):
		return string(utf16Text(s[2:]))
	case strings.HasPrefix(string(s), "\xef\xbb\xbf"):
		return string(s[3:])
	}
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}
