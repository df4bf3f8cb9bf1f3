package pdftext

import (
	"bytes"
	"strconv"
)

// A small tokenizer for PDF content streams and the PostScript-like CMap
// programs of fonts (ToUnicode, embedded encodings). pdfcpu reads the
// file's objects; what a page draws is in its content stream, which pdfcpu
// gives as bytes only. Values are kept as plain Go types:
//
//	float64        number
//	pdfName        /Name
//	pdfString      (literal) or <hex> string, as raw bytes
//	[]any          array
//	map[string]any dictionary (marked-content properties)
//	pdfOp          operator or other keyword
//
// Every construct is bounded: nesting depth, string length (the stream's
// own length), and the caller counts the tokens it takes.

type (
	pdfName   string
	pdfString string
	pdfOp     string
)

// lexEOF is returned at the end of the data.
type lexEOF struct{}

const maxLexDepth = 32

type pdfLexer struct {
	b   []byte
	pos int
}

func isPDFSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0:
		return true
	}
	return false
}

func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *pdfLexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isPDFSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// next returns the next value or operator; lexEOF{} at the end. Closing
// delimiters without an opening one come back as operators ("]", ">>")
// and are ignored by the callers.
func (l *pdfLexer) next(depth int) any {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return lexEOF{}
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isPDFSpace(l.b[l.pos]) && !isPDFDelim(l.b[l.pos]) {
			l.pos++
		}
		return pdfName(unescapeName(l.b[start:l.pos]))
	case c == '(':
		return l.literal()
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return l.dict(depth + 1)
		}
		return l.hex()
	case c == '[':
		l.pos++
		return l.array(depth + 1)
	case c == ']':
		l.pos++
		return pdfOp("]")
	case c == '>':
		l.pos++
		if l.pos < len(l.b) && l.b[l.pos] == '>' {
			l.pos++
		}
		return pdfOp(">>")
	case c == '{' || c == '}' || c == ')':
		l.pos++
		return pdfOp(string(c))
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		start := l.pos
		l.pos++
		for l.pos < len(l.b) && !isPDFSpace(l.b[l.pos]) && !isPDFDelim(l.b[l.pos]) {
			l.pos++
		}
		if f, err := strconv.ParseFloat(string(l.b[start:l.pos]), 64); err == nil {
			return f
		}
		return 0.0
	}
	start := l.pos
	for l.pos < len(l.b) && !isPDFSpace(l.b[l.pos]) && !isPDFDelim(l.b[l.pos]) {
		l.pos++
	}
	if l.pos == start { // a lone delimiter not handled above
		l.pos++
	}
	return pdfOp(l.b[start:l.pos])
}

func unescapeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

func (l *pdfLexer) literal() pdfString {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return pdfString(out)
			}
		case '\\':
			if l.pos >= len(l.b) {
				return pdfString(out)
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return pdfString(out)
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (l *pdfLexer) hex() pdfString {
	l.pos++ // <
	var out []byte
	half, have := byte(0), false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := hexVal(c)
		if !ok {
			continue
		}
		if have {
			out = append(out, half<<4|v)
			have = false
		} else {
			half, have = v, true
		}
	}
	if have {
		out = append(out, half<<4)
	}
	return pdfString(out)
}

func (l *pdfLexer) array(depth int) any {
	var out []any
	for {
		if depth > maxLexDepth {
			l.pos = len(l.b)
			return out
		}
		v := l.next(depth)
		switch v := v.(type) {
		case lexEOF:
			return out
		case pdfOp:
			if v == "]" {
				return out
			}
		}
		out = append(out, v)
	}
}

func (l *pdfLexer) dict(depth int) any {
	out := map[string]any{}
	var key pdfName
	haveKey := false
	for {
		if depth > maxLexDepth {
			l.pos = len(l.b)
			return out
		}
		v := l.next(depth)
		switch t := v.(type) {
		case lexEOF:
			return out
		case pdfOp:
			if t == ">>" {
				return out
			}
		case pdfName:
			if !haveKey {
				key, haveKey = t, true
				continue
			}
		}
		if haveKey {
			out[string(key)] = v
			haveKey = false
		}
	}
}

// skipInlineImage moves past the data of an inline image (after BI … ID):
// to the "EI" that stands alone between white space.
func (l *pdfLexer) skipInlineImage() {
	for {
		l.skipSpace()
		v := l.next(0)
		if _, ok := v.(lexEOF); ok {
			return
		}
		if op, ok := v.(pdfOp); ok && op == "ID" {
			break
		}
	}
	if l.pos < len(l.b) {
		l.pos++ // the single white-space byte after ID
	}
	for l.pos < len(l.b) {
		i := bytes.Index(l.b[l.pos:], []byte("EI"))
		if i < 0 {
			l.pos = len(l.b)
			return
		}
		at := l.pos + i
		l.pos = at + 2
		before := at == 0 || isPDFSpace(l.b[at-1])
		after := l.pos >= len(l.b) || isPDFSpace(l.b[l.pos]) || isPDFDelim(l.b[l.pos])
		if before && after {
			return
		}
	}
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}
