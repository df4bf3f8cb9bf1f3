package pdftext

import (
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// pdfFont is what the text reader needs of a font: how a shown string
// splits into character codes, each code's text and its advance width
// (in thousandths of the font size).
type pdfFont struct {
	// codeLen: 1 (simple fonts), 2 (Identity-H, UCS-2 and most CID
	// fonts), 0 for GBK-style mixed codes (one byte below 0x81, else two).
	codeLen int
	toUni   *uniMap // the font's ToUnicode CMap; nil when it has none
	ucs2    bool    // the codes are UCS-2 (UniGB-UCS2-H)
	gbk     bool    // the codes are GBK (GBK-EUC-H and relatives)
	cid     bool    // a Type0 font: widths by CID (= code for Identity)
	// Simple fonts: the encoding of codes without a ToUnicode entry.
	enc [256]rune
	// Widths: simple fonts by code from first; CID fonts by ranges.
	first   int
	widths  []float64
	cidW    []cidWidth
	defW    float64
	unknown bool // text of some codes could not be known
}

type cidWidth struct {
	lo, hi int
	w      float64
}

// Bounds on a font's tables (a real subset font has a few thousand).
const (
	maxCMapEntries = 100_000
	maxFontWidths  = 70_000
)

// code splits the next code off s.
func (f *pdfFont) code(s string) (code int, n int) {
	n = f.codeLen
	if n == 0 {
		n = 1
		if s[0] >= 0x81 && len(s) > 1 {
			n = 2
		}
	}
	if n > len(s) {
		n = len(s)
	}
	for i := 0; i < n; i++ {
		code = code<<8 | int(s[i])
	}
	return code, n
}

// text is the Unicode text of one code (raw its bytes).
func (f *pdfFont) text(code int, raw string) string {
	if f.toUni != nil {
		if t, ok := f.toUni.lookup(code, len(raw)); ok {
			return t
		}
	}
	switch {
	case f.ucs2:
		return string(rune(code))
	case f.gbk:
		if b, err := simplifiedchinese.GBK.NewDecoder().Bytes([]byte(raw)); err == nil && utf8.Valid(b) {
			return string(b)
		}
	case !f.cid && len(raw) == 1:
		if r := f.enc[raw[0]]; r != 0 {
			return string(r)
		}
	}
	f.unknown = true
	return "\uFFFD"
}

// width is the advance of code in thousandths of the font size.
func (f *pdfFont) width(code int) float64 {
	if f.cid {
		i := sort.Search(len(f.cidW), func(i int) bool { return f.cidW[i].hi >= code })
		if i < len(f.cidW) && f.cidW[i].lo <= code {
			return f.cidW[i].w
		}
		return f.defW
	}
	if k := code - f.first; k >= 0 && k < len(f.widths) && f.widths[k] > 0 {
		return f.widths[k]
	}
	return f.defW
}

// loadFont reads the font dictionary d.
func (rd *pdfReader) loadFont(d types.Dict) *pdfFont {
	f := &pdfFont{codeLen: 1, defW: 500}
	sub := rd.name(d, "Subtype")
	encObj := rd.deref(d["Encoding"])
	if sub == "Type0" {
		f.cid, f.codeLen, f.defW = true, 2, 1000
		switch e := encObj.(type) {
		case types.Name:
			n := string(e)
			switch {
			case strings.Contains(n, "UCS2") || strings.Contains(n, "UTF16"):
				f.ucs2 = true
			case strings.Contains(n, "GBK") || strings.Contains(n, "GB-EUC") || strings.Contains(n, "GBpc-EUC") || strings.Contains(n, "GBT-EUC"):
				f.gbk, f.codeLen = true, 0
			}
		case types.StreamDict:
			if m := rd.cmapOf(e); m != nil && m.codeLen > 0 {
				f.codeLen = m.codeLen
			}
		}
		if arr, ok := rd.deref(d["DescendantFonts"]).(types.Array); ok && len(arr) > 0 {
			if cd, ok := rd.deref(arr[0]).(types.Dict); ok {
				if dw, ok := rd.number(cd["DW"]); ok {
					f.defW = dw
				}
				f.cidW = rd.cidWidths(cd["W"])
			}
		}
	} else {
		f.enc = winAnsi()
		if e, ok := encObj.(types.Dict); ok {
			rd.differences(&f.enc, e)
		}
		if fc, ok := rd.number(d["FirstChar"]); ok {
			f.first = int(fc)
		}
		if ws, ok := rd.deref(d["Widths"]).(types.Array); ok {
			for i, w := range ws {
				if i >= maxFontWidths {
					break
				}
				v, _ := rd.number(w)
				f.widths = append(f.widths, v)
			}
		}
		if fd, ok := rd.deref(d["FontDescriptor"]).(types.Dict); ok {
			if mw, ok := rd.number(fd["MissingWidth"]); ok && mw > 0 {
				f.defW = mw
			}
		}
	}
	if sd, ok := rd.deref(d["ToUnicode"]).(types.StreamDict); ok {
		f.toUni = rd.cmapOf(sd)
	}
	return f
}

func (rd *pdfReader) cidWidths(o types.Object) []cidWidth {
	arr, ok := rd.deref(o).(types.Array)
	if !ok {
		return nil
	}
	var out []cidWidth
	for i := 0; i < len(arr) && len(out) < maxFontWidths; {
		c1, ok := rd.number(arr[i])
		if !ok || i+1 >= len(arr) {
			break
		}
		if ws, ok := rd.deref(arr[i+1]).(types.Array); ok {
			for k, w := range ws {
				v, _ := rd.number(w)
				out = append(out, cidWidth{int(c1) + k, int(c1) + k, v})
				if len(out) >= maxFontWidths {
					break
				}
			}
			i += 2
			continue
		}
		c2, ok2 := rd.number(arr[i+1])
		if !ok2 || i+2 >= len(arr) {
			break
		}
		w, _ := rd.number(arr[i+2])
		out = append(out, cidWidth{int(c1), int(c2), w})
		i += 3
	}
	sort.Slice(out, func(i, j int) bool { return out[i].lo < out[j].lo })
	return out
}

func winAnsi() [256]rune {
	var t [256]rune
	dec := charmap.Windows1252
	for i := 32; i < 256; i++ {
		r := dec.DecodeByte(byte(i))
		if r != utf8.RuneError {
			t[i] = r
		}
	}
	return t
}

// differences applies an encoding dictionary's /Differences to t; glyph
// names are understood when they are uniXXXX or plain ASCII letters,
// digits and the common punctuation names.
func (rd *pdfReader) differences(t *[256]rune, e types.Dict) {
	arr, ok := rd.deref(e["Differences"]).(types.Array)
	if !ok {
		return
	}
	code := 0
	for _, o := range arr {
		switch v := rd.deref(o).(type) {
		case types.Integer:
			code = int(v)
		case types.Float:
			code = int(v)
		case types.Name:
			if code >= 0 && code < 256 {
				t[code] = glyphRune(string(v))
			}
			code++
		}
	}
}

var glyphNames = map[string]rune{
	"space": ' ', "period": '.', "comma": ',', "colon": ':', "semicolon": ';',
	"hyphen": '-', "minus": '-', "percent": '%', "parenleft": '(', "parenright": ')',
	"slash": '/', "plus": '+', "equal": '=', "less": '<', "greater": '>',
	"zero": '0', "one": '1', "two": '2', "three": '3', "four": '4',
	"five": '5', "six": '6', "seven": '7', "eight": '8', "nine": '9',
	"underscore": '_', "quotedbl": '"', "quotesingle": '\'', "bracketleft": '[',
	"bracketright": ']', "asterisk": '*', "numbersign": '#', "ampersand": '&',
}

func glyphRune(n string) rune {
	if r, ok := glyphNames[n]; ok {
		return r
	}
	if len(n) == 1 && n[0] < 0x80 {
		return rune(n[0])
	}
	if strings.HasPrefix(n, "uni") && len(n) == 7 {
		v := 0
		for i := 3; i < 7; i++ {
			h, ok := hexVal(n[i])
			if !ok {
				return 0
			}
			v = v<<4 | int(h)
		}
		return rune(v)
	}
	return 0
}

// uniMap is a CMap read from a stream: its code space (the length of
// codes) and its bfchar/bfrange mappings to Unicode.
type uniMap struct {
	codeLen int // the code length of its first codespace range; 0 unknown
	single  map[uint64]string
	ranges  []uniRange // sorted by lo
}

type uniRange struct {
	lo, hi int
	n      int      // code length in bytes
	start  []rune   // destination of lo (the last rune counts up)
	arr    []string // or one destination per code
}

func (m *uniMap) lookup(code, n int) (string, bool) {
	if t, ok := m.single[uint64(n)<<32|uint64(code)]; ok {
		return t, true
	}
	i := sort.Search(len(m.ranges), func(i int) bool { return m.ranges[i].hi >= code })
	for ; i < len(m.ranges) && m.ranges[i].lo <= code; i++ {
		r := m.ranges[i]
		if code > r.hi || r.n != n {
			continue
		}
		k := code - r.lo
		if r.arr != nil {
			if k < len(r.arr) {
				return r.arr[k], true
			}
			return "", false
		}
		if len(r.start) == 0 {
			return "", false
		}
		out := append([]rune(nil), r.start...)
		out[len(out)-1] += rune(k)
		return string(out), true
	}
	return "", false
}

func utf16Text(b pdfString) []rune {
	if len(b)%2 == 1 {
		b += "\x00"
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return utf16.Decode(u)
}

func codeOf(b pdfString) (int, int) {
	c := 0
	for i := 0; i < len(b) && i < 4; i++ {
		c = c<<8 | int(b[i])
	}
	return c, min(len(b), 4)
}

// cmapOf reads a CMap stream (a ToUnicode map or an embedded encoding).
func (rd *pdfReader) cmapOf(sd types.StreamDict) *uniMap {
	data, ok := rd.decode(&sd)
	if !ok {
		return nil
	}
	m := &uniMap{single: map[uint64]string{}}
	l := &pdfLexer{b: data}
	var stack []any
	entries := 0
	for tokens := 0; tokens < 4*maxCMapEntries+10_000; tokens++ {
		v := l.next(0)
		if _, ok := v.(lexEOF); ok {
			break
		}
		op, isOp := v.(pdfOp)
		if !isOp {
			if len(stack) < 3*maxCMapEntries {
				stack = append(stack, v)
			}
			continue
		}
		switch op {
		case "endcodespacerange":
			for i := 0; i+1 < len(stack); i += 2 {
				lo, _ := stack[i].(pdfString)
				if m.codeLen == 0 && len(lo) > 0 && len(lo) <= 4 {
					m.codeLen = len(lo)
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(stack) && entries < maxCMapEntries; i += 2 {
				src, ok1 := stack[i].(pdfString)
				dst, ok2 := stack[i+1].(pdfString)
				if !ok1 || !ok2 || len(src) == 0 {
					continue
				}
				c, n := codeOf(src)
				m.single[uint64(n)<<32|uint64(c)] = string(utf16Text(dst))
				entries++
			}
		case "endbfrange":
			for i := 0; i+2 < len(stack) && entries < maxCMapEntries; i += 3 {
				lo, ok1 := stack[i].(pdfString)
				hi, ok2 := stack[i+1].(pdfString)
				if !ok1 || !ok2 || len(lo) == 0 {
					continue
				}
				clo, n := codeOf(lo)
				chi, _ := codeOf(hi)
				if chi < clo {
					continue
				}
				r := uniRange{lo: clo, hi: chi, n: n}
				switch d := stack[i+2].(type) {
				case pdfString:
					r.start = utf16Text(d)
				case []any:
					for k, e := range d {
						if k > chi-clo {
							break
						}
						s, _ := e.(pdfString)
						r.arr = append(r.arr, string(utf16Text(s)))
					}
				}
				m.ranges = append(m.ranges, r)
				entries++
			}
		}
		stack = stack[:0]
	}
	sort.Slice(m.ranges, func(i, j int) bool { return m.ranges[i].hi < m.ranges[j].hi })
	return m
}
