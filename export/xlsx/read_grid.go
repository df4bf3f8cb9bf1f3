package xlsx

import (
	"bytes"
	"encoding/xml"
	"github.com/xuri/excelize/v2"
	"strconv"

	"jixiao/model"
	"jixiao/model/recognize"
)

// loadGrid reads sheet of an .xlsx onto the recognition's grid: stored
// values as typed (storedValues), formula cells without a value, merged
// ranges.
func loadGrid(xf *excelize.File, sheet string) (*recognize.SheetGrid, error) {
	rows, err := xf.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	if len(rows) > maxSheetRows {
		return nil, model.Errorf(model.EINVALID, "工作表“%s”有 %d 行，超过 %d 行的上限", sheet, len(rows), maxSheetRows)
	}
	g := &recognize.SheetGrid{Name: sheet, Cells: rows, Reported: map[[2]int]bool{}}
	for i := range g.Cells {
		if len(g.Cells[i]) > maxSheetCols {
			g.Cells[i] = g.Cells[i][:maxSheetCols]
		}
	}
	storedValues(xf, sheet, g.Cells)
	findFormulas(g, rawSheetXML(xf, sheet))
	merges, err := mergedRanges(xf, sheet)
	if err != nil {
		return nil, err
	}
	var coords [][4]int
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m[0])
		c2, r2, err2 := excelize.CellNameToCoordinates(m[1])
		if err1 == nil && err2 == nil {
			coords = append(coords, [4]int{r1 - 1, c1 - 1, r2 - 1, c2 - 1})
		}
	}
	if err := g.FillMerges(coords); err != nil {
		return nil, err
	}
	return g, nil
}

// rawSheetXML is the raw XML of sheet as stored in the package; nil when it
// is not there.
func rawSheetXML(xf *excelize.File, sheet string) []byte {
	path := SheetPaths(xf)[sheet]
	if path == "" {
		return nil
	}
	raw, ok := xf.Pkg.Load(path)
	if !ok {
		return nil
	}
	b, _ := raw.([]byte)
	return b
}

// xmlFormulaCell is one <c> element, as much of it as findFormulas needs.
type xmlFormulaCell struct {
	R string  `xml:"r,attr"`
	V *string `xml:"v"`
	F *struct {
		Text string `xml:",chardata"`
	} `xml:"f"`
}

// findFormulas records the formula cells of the sheet (raw XML data) that
// have no calculated value, in one pass over the XML: every <f> element
// is found by a byte scan (a sheet without formulas costs one scan for
// '<'), and only its enclosing <c> element is decoded. Cells without an r
// attribute (allowed, rare) make it decode the whole sheet instead.
func findFormulas(g *recognize.SheetGrid, data []byte) {
	cStart, seen := -1, 0
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		switch tagLocalName(data[i:]) {
		case "c":
			cStart = i - 1
		case "f":
			if cStart < 0 {
				continue
			}
			if seen++; seen > recognize.MaxFormulaCells {
				g.FormulasCut() // not all looked at
				return
			}
			var x xmlFormulaCell
			err := xml.NewDecoder(bytes.NewReader(data[cStart:])).Decode(&x)
			cStart = -1
			if err != nil || x.F == nil {
				continue
			}
			if x.R == "" {
				streamFormulas(g, data)
				return
			}
			col, row, err := excelize.CellNameToCoordinates(x.R)
			if err != nil {
				continue
			}
			if x.V == nil {
				g.AddFormula(row-1, col-1, x.F.Text)
			}
		}
	}
}

// streamFormulas is findFormulas for sheets whose cells lack r
// attributes: positions are counted as excelize counts them.
func streamFormulas(g *recognize.SheetGrid, data []byte) {
	g.ClearFormulas()
	dec := xml.NewDecoder(bytes.NewReader(data))
	row, col, seen := 0, 0, 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		st, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch st.Name.Local {
		case "row":
			row++
			for _, a := range st.Attr {
				if n, err := strconv.Atoi(a.Value); a.Name.Local == "r" && err == nil {
					row = n
				}
			}
			col = 0
		case "c":
			var x xmlFormulaCell
			if err := dec.DecodeElement(&x, &st); err != nil {
				return
			}
			col++
			if x.R != "" {
				if c, r, err := excelize.CellNameToCoordinates(x.R); err == nil {
					col, row = c, r
				}
			}
			if x.F == nil {
				continue
			}
			if seen++; seen > recognize.MaxFormulaCells {
				g.FormulasCut()
				return
			}
			if x.V == nil {
				g.AddFormula(row-1, col-1, x.F.Text)
			}
		}
	}
}

// tagLocalName is the local name of the tag that b (just after '<')
// starts: "c" for <c r="A1"> or <x:c>, "" for a closing tag.
func tagLocalName(b []byte) string {
	end := 0
	for end < len(b) && end < 64 {
		switch b[end] {
		case ' ', '>', '/', '\t', '\n', '\r':
			goto done
		}
		end++
	}
done:
	name := b[:end]
	if k := bytes.IndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	if len(name) == 1 {
		return string(name)
	}
	return ""
}
