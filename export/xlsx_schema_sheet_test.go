package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// checkWorksheet: CT_Worksheet — element order; CT_Cols (min ≤ max, in
// ascending order, not overlapping); CT_SheetData (rows ascending, cells
// of their row in ascending columns, types and shared-string indexes
// valid, heights within Excel's limit); CT_MergeCells (count, at least two
// cells, none overlapping); CT_PageBreak (count, manualBreakCount, ids
// ascending); CT_PageSetup (scale 10–400); CT_HeaderFooter (at most 255
// characters each).
func checkWorksheet(p *xlsxPackage, sheet, name string, nstr, nxf int, bad func(string, string, ...any)) {
	b, ok := p.parts[name]
	if !ok {
		bad(name, "sheet %q missing", sheet)
		return
	}
	root, kids := children(b)
	if root != "worksheet" {
		bad(name, "root element <%s>", root)
	}
	if why := schemaOrder(kids, worksheetOrder, "conditionalFormatting"); why != "" {
		bad(name, "%s", why)
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var (
		lastColMax, lastRow, lastCol int
		curRow                       int
		inCols                       bool
		merges                       [][4]int
		mergeCount                   = -1
		brks                         []int
		brkCount, brkMan, manCount   = -1, -1, 0
		inRowBreaks                  bool
	)
	attr := func(st xml.StartElement, k string) (string, bool) {
		for _, a := range st.Attr {
			if a.Name.Local == k && a.Name.Space == "" {
				return a.Value, true
			}
		}
		return "", false
	}
	num := func(st xml.StartElement, k string) (float64, bool) {
		v, ok := attr(st, k)
		if !ok {
			return 0, false
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			bad(name, "<%s %s=%q> not a number", st.Name.Local, k, v)
		}
		return f, err == nil
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.EndElement:
			switch t.Name.Local {
			case "cols":
				inCols = false
			case "rowBreaks":
				inRowBreaks = false
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "cols":
				inCols = true
			case "col":
				if !inCols {
					continue
				}
				mn, ok1 := num(t, "min")
				mx, ok2 := num(t, "max")
				if !ok1 || !ok2 || mn < 1 || mx > xlMaxCols || mn > mx {
					bad(name, "<col min=%v max=%v> invalid", mn, mx)
				}
				if int(mn) <= lastColMax {
					bad(name, "<col min=%v> overlaps or precedes the column range before it (max %d)", mn, lastColMax)
				}
				lastColMax = int(mx)
				if w, ok := num(t, "width"); ok && (w < 0 || w > xlMaxColWidth) {
					bad(name, "column width %v", w)
				}
			case "row":
				r, ok := num(t, "r")
				if !ok {
					curRow = lastRow + 1
				} else {
					curRow = int(r)
				}
				if curRow <= lastRow || curRow > xlMaxRows {
					bad(name, "row %d after row %d", curRow, lastRow)
				}
				lastRow, lastCol = curRow, 0
				if h, ok := num(t, "ht"); ok && (h < 0 || h > xlMaxRowPt) {
					bad(name, "row %d height %v", curRow, h)
				}
			case "c":
				ref, _ := attr(t, "r")
				col := lastCol + 1
				if ref != "" {
					c, r, err := excelize.CellNameToCoordinates(ref)
					if err != nil || r != curRow {
						bad(name, "cell %q in row %d", ref, curRow)
					}
					col = c
				}
				if col <= lastCol {
					bad(name, "cell %s after column %d of its row: cells must be in ascending order", ref, lastCol)
				}
				lastCol = col
				typ, _ := attr(t, "t")
				if !slices.Contains([]string{"", "b", "d", "e", "inlineStr", "n", "s", "str"}, typ) {
					bad(name, "cell %s type %q", ref, typ)
				}
				if s, ok := num(t, "s"); ok && int(s) >= nxf {
					bad(name, "cell %s style %v of %d", ref, s, nxf)
				}
				var c struct {
					V *string `xml:"v"`
					F *string `xml:"f"`
					T *string `xml:"is>t"`
				}
				if err := dec.DecodeElement(&c, &t); err != nil {
					bad(name, "cell %s: %v", ref, err)
					continue
				}
				if c.V != nil {
					switch typ {
					case "s":
						if i, err := strconv.Atoi(*c.V); err != nil || i < 0 || i >= nstr {
							bad(name, "cell %s shared string %q of %d", ref, *c.V, nstr)
						}
					case "", "n":
						if _, err := strconv.ParseFloat(*c.V, 64); err != nil {
							bad(name, "cell %s number %q", ref, *c.V)
						}
					}
					if n := len(utf16Units(*c.V)); n > xlMaxCellChars {
						bad(name, "cell %s has %d characters", ref, n)
					}
				}
				if c.T != nil && len(utf16Units(*c.T)) > xlMaxCellChars {
					bad(name, "cell %s inline string too long", ref)
				}
			case "mergeCells":
				if v, ok := num(t, "count"); ok {
					mergeCount = int(v)
				}
			case "mergeCell":
				ref, _ := attr(t, "ref")
				a, z, found := strings.Cut(ref, ":")
				c1, r1, err1 := excelize.CellNameToCoordinates(a)
				c2, r2, err2 := excelize.CellNameToCoordinates(z)
				if !found || err1 != nil || err2 != nil || c1 > c2 || r1 > r2 || c1 == c2 && r1 == r2 {
					bad(name, "merged range %q invalid (needs two cells, top-left first)", ref)
					continue
				}
				merges = append(merges, [4]int{r1, c1, r2, c2})
			case "rowBreaks":
				inRowBreaks = true
				if v, ok := num(t, "count"); ok {
					brkCount = int(v)
				}
				if v, ok := num(t, "manualBreakCount"); ok {
					brkMan = int(v)
				}
			case "brk":
				if !inRowBreaks {
					continue
				}
				id, _ := num(t, "id")
				if len(brks) > 0 && int(id) <= brks[len(brks)-1] || id < 1 || id >= xlMaxRows {
					bad(name, "row break %v out of order or range", id)
				}
				brks = append(brks, int(id))
				if m, _ := attr(t, "man"); m == "1" || m == "true" {
					manCount++
				}
			case "pageSetup":
				if s, ok := num(t, "scale"); ok && (s < 10 || s > 400) {
					bad(name, "print scale %v", s)
				}
				if o, ok := attr(t, "orientation"); ok && !slices.Contains([]string{"default", "portrait", "landscape"}, o) {
					bad(name, "orientation %q", o)
				}
			case "oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter":
				var s string
				if err := dec.DecodeElement(&s, &t); err == nil && utf8.RuneCountInString(s) > xlMaxHFChars {
					bad(name, "<%s> has %d characters (Excel allows %d)", t.Name.Local, utf8.RuneCountInString(s), xlMaxHFChars)
				}
			}
		}
	}
	if mergeCount >= 0 && mergeCount != len(merges) {
		bad(name, "mergeCells count %d but %d ranges", mergeCount, len(merges))
	}
	if o := overlappingMerges(merges); o != "" {
		bad(name, "%s", o)
	}
	if brkCount >= 0 && brkCount != len(brks) || brkMan >= 0 && brkMan != manCount {
		bad(name, "rowBreaks count %d / manualBreakCount %d but %d breaks (%d manual)", brkCount, brkMan, len(brks), manCount)
	}
}

// overlappingMerges describes the first two merged ranges sharing a cell
// ("" if none), by sweeping the ranges sorted by first row.
func overlappingMerges(ms [][4]int) string {
	s := slices.Clone(ms)
	slices.SortFunc(s, func(a, b [4]int) int { return a[0] - b[0] })
	var active [][4]int
	for _, m := range s {
		keep := active[:0]
		for _, a := range active {
			if a[2] >= m[0] {
				keep = append(keep, a)
			}
		}
		active = keep
		for _, a := range active {
			if a[1] <= m[3] && m[1] <= a[3] {
				return fmt.Sprintf("merged ranges %v and %v overlap", a, m)
			}
		}
		active = append(active, m)
	}
	return ""
}
