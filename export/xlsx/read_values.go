package xlsx

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/numfmt"
)

// storedValues turns the raw values of a sheet's number cells (rows, as
// excelize reads them with RawCellValue) into what they are: a number at
// 15 significant digits (Excel's 81.59999999999999 is 81.6), a number in
// a percent-formatted cell as a percentage (95% typed in Excel is stored
// as 0.95: it is read as 95%, not 0.95), a date as the date (2020-12-31,
// not the day count 44196). Text cells stay as typed, even when they look
// like numbers (an 18-digit code kept as text is not rounded).
//
// It costs one pass over the sheet's XML, and only when the workbook has a
// percent or date format or a number longer than 15 digits.
func storedValues(xf *excelize.File, sheet string, rows [][]string) {
	special := specialStyles(xf)
	long := false
	for _, row := range rows {
		for _, v := range row {
			if v != "" && looksNumeric(v) && significant(v) > 15 {
				long = true
			}
		}
	}
	if len(special) == 0 && !long {
		return
	}
	attrs, ok := sheetCells(rawSheetXML(xf, sheet))
	for r, row := range rows {
		for c, raw := range row {
			if raw == "" || !looksNumeric(raw) {
				continue
			}
			var style int
			if ok {
				at := attrs[[2]int{r, c}]
				if !at.number() {
					continue
				}
				style = at.style
			} else { // cells without r attributes: ask excelize
				a, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if typ, _ := xf.GetCellType(sheet, a); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					continue
				}
				style, _ = xf.GetCellStyle(sheet, a)
			}
			rows[r][c] = numfmt.Stored(raw, special[style])
		}
	}
}

// specialStyles are the workbook's cell styles whose number format makes a
// number a percentage or a date.
func specialStyles(xf *excelize.File) map[int]numClass {
	out := map[int]numClass{}
	cache := map[int]numClass{}
	for id := 1; id < 10_000; id++ {
		if _, err := xf.GetStyle(id); err != nil {
			break
		}
		if k := styleClass(xf, id, cache); k != numPlain {
			out[id] = k
		}
	}
	return out
}

// xmlCell is what the sheet's XML says of a cell beyond its value: its
// style, its type (t: "" or "n" a number, "s"/"str"/"inlineStr" text,
// "b" a boolean, "e" an error) and whether it holds a formula.
type xmlCell struct {
	style   int
	typ     string
	formula bool
}

func (c xmlCell) number() bool { return c.typ == "" || c.typ == "n" }

// sheetCells reads the sheet's XML once: every cell's style, type and
// formula, by 0-based row and column. ok is false when a cell lacks its r
// attribute (then the caller asks excelize cell by cell).
func sheetCells(data []byte) (map[[2]int]xmlCell, bool) {
	out := map[[2]int]xmlCell{}
	for i := 0; i < len(data); {
		j := bytes.Index(data[i:], []byte("<c"))
		if j < 0 {
			break
		}
		i += j + 2
		if i >= len(data) || data[i] != ' ' && data[i] != '>' && data[i] != '/' {
			continue // <col, <cfRule, …
		}
		end := bytes.IndexByte(data[i:], '>')
		if end < 0 {
			break
		}
		tag := data[i : i+end]
		i += end + 1
		ref := xmlAttr(tag, "r")
		if ref == "" {
			return nil, false
		}
		col, row, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			continue
		}
		c := xmlCell{typ: xmlAttr(tag, "t")}
		c.style, _ = strconv.Atoi(xmlAttr(tag, "s"))
		if len(tag) == 0 || tag[len(tag)-1] != '/' {
			if k := bytes.Index(data[i:], []byte("</c>")); k >= 0 {
				body := data[i : i+k]
				c.formula = bytes.Contains(body, []byte("<f>")) || bytes.Contains(body, []byte("<f ")) || bytes.Contains(body, []byte("<f/"))
				i += k
			}
		}
		out[[2]int{row - 1, col - 1}] = c
	}
	return out, true
}

// xmlAttr is the value of attribute name in the attributes of a tag.
func xmlAttr(tag []byte, name string) string {
	for i := 0; ; {
		j := bytes.Index(tag[i:], []byte(name+`="`))
		if j < 0 {
			return ""
		}
		k := i + j
		i = k + len(name) + 2
		if k > 0 && tag[k-1] != ' ' && tag[k-1] != '\t' && tag[k-1] != '\n' && tag[k-1] != '\r' {
			continue // …xr="…" is not r="…"
		}
		end := bytes.IndexByte(tag[i:], '"')
		if end < 0 {
			return ""
		}
		return string(tag[i : i+end])
	}
}

// looksNumeric reports whether s may be a stored number (digits, sign,
// point, exponent).
func looksNumeric(s string) bool {
	for _, r := range strings.TrimSpace(s) {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E') {
			return false
		}
	}
	return true
}

// significant counts the digits of s before any exponent, leading zeros
// not counted.
func significant(s string) int {
	n, lead := 0, true
	for _, r := range s {
		if r == 'e' || r == 'E' {
			break
		}
		if r >= '1' && r <= '9' || r == '0' && !lead {
			n++
			lead = false
		}
	}
	return n
}
