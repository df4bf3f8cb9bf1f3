package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"jixiao/export/xlsx"
	"jixiao/model"
	"jixiao/model/recognize"
)

// The parts of a workbook that Excel is strict about — what makes it say
// “We found a problem with some content… Do you want us to try to
// recover?” — checked against the rules of ECMA-376 Part 1 (SpreadsheetML,
// §18) and Excel's documented limits. No XSD of the schema is available
// offline here (no Debian package ships sml.xsd; Apache POI's package has
// only compiled classes), so the rules are written out below, each with
// the schema type it comes from, and each is shown to catch a broken file
// (TestXLSXRulesCatchBrokenParts).

// worksheetOrder is the sequence of CT_Worksheet's child elements.
var worksheetOrder = []string{"sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData",
	"sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
	"dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
	"dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
	"rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
	"legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
	"webPublishItems", "tableParts", "extLst"}

// workbookOrder is the sequence of CT_Workbook's child elements.
var workbookOrder = []string{"fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews",
	"sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize",
	"customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr",
	"webPublishObjects", "extLst"}

// Excel's limits (Excel specifications and limits).
const (
	xlMaxRows      = 1_048_576
	xlMaxCols      = 16_384
	xlMaxCellChars = 32_767
	xlMaxRowPt     = 409
	xlMaxColWidth  = 255
	xlMaxHFChars   = 255 // a header or footer text
	xlMaxSheetName = 31
)

type xlsxPackage struct {
	parts map[string][]byte
}

func openPackage(data []byte) (*xlsxPackage, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	p := &xlsxPackage{parts: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		p.parts[f.Name] = b
	}
	return p, nil
}

// checkXLSXRules returns every violation found in the workbook data.
func checkXLSXRules(data []byte) []string {
	p, err := openPackage(data)
	if err != nil {
		return []string{"not a zip: " + err.Error()}
	}
	var errs []string
	bad := func(part, format string, args ...any) {
		if len(errs) < 50 {
			errs = append(errs, part+": "+fmt.Sprintf(format, args...))
		}
	}
	// Every XML part is well-formed and holds only XML 1.0 characters.
	for name, b := range p.parts {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		if !utf8.Valid(b) {
			bad(name, "not UTF-8")
		}
		for _, r := range string(b) {
			if !xlsx.XmlChar(r) {
				bad(name, "character %U not allowed in XML 1.0", r)
				break
			}
		}
		if why := xlsx.BrokenXML(b); why != "" {
			bad(name, "XML %s", why)
		}
	}
	checkContentTypes(p, bad)
	checkRels(p, bad)
	nstr := checkSharedStrings(p, bad)
	nxf := checkStyles(p, bad)
	sheets := checkWorkbook(p, bad)
	for _, s := range sheets {
		checkWorksheet(p, s.name, s.path, nstr, nxf, bad)
	}
	return errs
}

type sheetRef struct{ name, path string }

// children lists the local names of root's child elements in order.
func children(b []byte) (root string, kids []string) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	depth := 0
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				root = t.Name.Local
			} else if depth == 2 {
				kids = append(kids, t.Name.Local)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// schemaOrder checks that kids follow the schema's sequence, each at most once
// (the repeatable ones excepted).
func schemaOrder(kids, order []string, repeatable ...string) string {
	last := -1
	for i, k := range kids {
		j := slices.Index(order, k)
		if j < 0 {
			return fmt.Sprintf("unknown element <%s>", k)
		}
		if j < last || j == last && !slices.Contains(repeatable, k) {
			return fmt.Sprintf("<%s> after <%s>: out of the schema's order", k, kids[i-1])
		}
		last = j
	}
	return ""
}

func checkContentTypes(p *xlsxPackage, bad func(string, string, ...any)) {
	var ct struct {
		Defaults []struct {
			Ext string `xml:"Extension,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(p.parts["[Content_Types].xml"], &ct); err != nil {
		bad("[Content_Types].xml", "%v", err)
		return
	}
	exts, over := map[string]bool{}, map[string]bool{}
	for _, d := range ct.Defaults {
		exts[strings.ToLower(d.Ext)] = true
	}
	for _, o := range ct.Overrides {
		over[strings.TrimPrefix(o.Part, "/")] = true
		if _, ok := p.parts[strings.TrimPrefix(o.Part, "/")]; !ok {
			bad("[Content_Types].xml", "override for a missing part %s", o.Part)
		}
	}
	for name := range p.parts {
		ext := strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")
		if name != "[Content_Types].xml" && !over[name] && !exts[ext] {
			bad("[Content_Types].xml", "no content type for %s", name)
		}
	}
}

func checkRels(p *xlsxPackage, bad func(string, string, ...any)) {
	for name, b := range p.parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Rels []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
				Mode   string `xml:"TargetMode,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(b, &rels); err != nil {
			bad(name, "%v", err)
			continue
		}
		base := path.Dir(path.Dir(name)) // xl/_rels/workbook.xml.rels → xl
		ids := map[string]bool{}
		for _, r := range rels.Rels {
			if ids[r.ID] {
				bad(name, "duplicate relationship id %s", r.ID)
			}
			ids[r.ID] = true
			if r.Mode == "External" {
				bad(name, "external relationship %s", r.Target) // we never link outside
				continue
			}
			t := path.Clean(path.Join(base, r.Target))
			if strings.HasPrefix(r.Target, "/") {
				t = strings.TrimPrefix(r.Target, "/")
			}
			if _, ok := p.parts[t]; !ok {
				bad(name, "relationship %s points to a missing part %s", r.ID, t)
			}
		}
	}
}

// checkSharedStrings: CT_Sst — uniqueCount equals the number of <si>,
// each string at most 32,767 characters. Returns the number of strings.
func checkSharedStrings(p *xlsxPackage, bad func(string, string, ...any)) int {
	const name = "xl/sharedStrings.xml"
	b, ok := p.parts[name]
	if !ok {
		return 0
	}
	var sst struct {
		Count  *int `xml:"count,attr"`
		Unique *int `xml:"uniqueCount,attr"`
		SI     []struct {
			T *string `xml:"t"`
			R []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"si"`
	}
	if err := xml.Unmarshal(b, &sst); err != nil {
		bad(name, "%v", err)
		return 0
	}
	if sst.Unique != nil && *sst.Unique != len(sst.SI) {
		bad(name, "uniqueCount %d but %d strings", *sst.Unique, len(sst.SI))
	}
	if sst.Count != nil && *sst.Count < len(sst.SI) && sst.Unique == nil {
		bad(name, "count %d below the %d strings", *sst.Count, len(sst.SI))
	}
	for i, si := range sst.SI {
		s := ""
		if si.T != nil {
			s = *si.T
		}
		for _, r := range si.R {
			s += r.T
		}
		if si.T == nil && len(si.R) == 0 {
			bad(name, "string %d has neither <t> nor <r>", i)
		}
		if n := len(utf16Units(s)); n > xlMaxCellChars {
			bad(name, "string %d has %d characters (at most %d)", i, n, xlMaxCellChars)
		}
	}
	return len(sst.SI)
}

func utf16Units(s string) []struct{} {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return make([]struct{}, n)
}

// checkStyles: CT_Stylesheet — counts match, every cell format refers to
// fonts, fills, borders and number formats that exist. Returns the
// number of cell formats.
func checkStyles(p *xlsxPackage, bad func(string, string, ...any)) int {
	const name = "xl/styles.xml"
	var st struct {
		NumFmts struct {
			Count int `xml:"count,attr"`
			Fmt   []struct {
				ID   int    `xml:"numFmtId,attr"`
				Code string `xml:"formatCode,attr"`
			} `xml:"numFmt"`
		} `xml:"numFmts"`
		Fonts struct {
			Count int        `xml:"count,attr"`
			Font  []struct{} `xml:"font"`
		} `xml:"fonts"`
		Fills struct {
			Count int        `xml:"count,attr"`
			Fill  []struct{} `xml:"fill"`
		} `xml:"fills"`
		Borders struct {
			Count  int        `xml:"count,attr"`
			Border []struct{} `xml:"border"`
		} `xml:"borders"`
		CellXfs struct {
			Count int `xml:"count,attr"`
			Xf    []struct {
				NumFmt int `xml:"numFmtId,attr"`
				Font   int `xml:"fontId,attr"`
				Fill   int `xml:"fillId,attr"`
				Border int `xml:"borderId,attr"`
			} `xml:"xf"`
		} `xml:"cellXfs"`
	}
	if err := xml.Unmarshal(p.parts[name], &st); err != nil {
		bad(name, "%v", err)
		return 0
	}
	if st.NumFmts.Count != len(st.NumFmts.Fmt) || st.Fonts.Count != len(st.Fonts.Font) || st.Fills.Count != len(st.Fills.Fill) ||
		st.Borders.Count != len(st.Borders.Border) || st.CellXfs.Count != len(st.CellXfs.Xf) {
		bad(name, "a count attribute differs from its number of elements")
	}
	custom := map[int]bool{}
	for _, f := range st.NumFmts.Fmt {
		if f.ID < 164 && f.ID != 0 {
			// 0–163 are built in; a custom format is written with an id of 164 or more
			bad(name, "custom number format %q has the built-in id %d", f.Code, f.ID)
		}
		custom[f.ID] = true
	}
	for i, x := range st.CellXfs.Xf {
		if x.NumFmt >= 164 && !custom[x.NumFmt] {
			bad(name, "cell format %d uses the undefined number format %d", i, x.NumFmt)
		}
		if x.Font >= len(st.Fonts.Font) || x.Fill >= len(st.Fills.Fill) || x.Border >= len(st.Borders.Border) {
			bad(name, "cell format %d refers to a font, fill or border that does not exist", i)
		}
	}
	if len(st.Fills.Fill) < 2 {
		bad(name, "fewer than the two fills Excel reserves (none, gray125)")
	}
	return len(st.CellXfs.Xf)
}

var definedNameRe = regexp.MustCompile(`^[\p{L}_\\][\p{L}\p{N}_.\\]*$`)

// checkWorkbook: CT_Workbook — element order, sheet names and ids,
// defined names. Returns the worksheets.
func checkWorkbook(p *xlsxPackage, bad func(string, string, ...any)) []sheetRef {
	const name = "xl/workbook.xml"
	b := p.parts[name]
	root, kids := children(b)
	if root != "workbook" {
		bad(name, "root element <%s>", root)
	}
	if why := schemaOrder(kids, workbookOrder); why != "" {
		bad(name, "%s", why)
	}
	var wb struct {
		Sheets []struct {
			Name  string `xml:"name,attr"`
			ID    int    `xml:"sheetId,attr"`
			RID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			State string `xml:"state,attr"`
		} `xml:"sheets>sheet"`
		Names []struct {
			Name    string `xml:"name,attr"`
			LocalID *int   `xml:"localSheetId,attr"`
			Text    string `xml:",chardata"`
		} `xml:"definedNames>definedName"`
	}
	if err := xml.Unmarshal(b, &wb); err != nil {
		bad(name, "%v", err)
		return nil
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	_ = xml.Unmarshal(p.parts["xl/_rels/workbook.xml.rels"], &rels)
	target := map[string]string{}
	for _, r := range rels.Rels {
		target[r.ID] = path.Clean(path.Join("xl", r.Target))
		if strings.HasPrefix(r.Target, "/") {
			target[r.ID] = strings.TrimPrefix(r.Target, "/")
		}
	}
	var out []sheetRef
	names, ids := map[string]bool{}, map[int]bool{}
	visible := 0
	for _, s := range wb.Sheets {
		n := strings.ToLower(s.Name)
		switch {
		case s.Name == "" || utf8.RuneCountInString(s.Name) > xlMaxSheetName || strings.ContainsAny(s.Name, `[]:*?/\`) || strings.HasPrefix(s.Name, "'"):
			bad(name, "sheet name %q not allowed", s.Name)
		case names[n]:
			bad(name, "sheet name %q twice", s.Name)
		case ids[s.ID] || s.ID < 1:
			bad(name, "sheetId %d twice or below 1", s.ID)
		}
		names[n], ids[s.ID] = true, true
		if s.State == "" || s.State == "visible" {
			visible++
		}
		out = append(out, sheetRef{s.Name, target[s.RID]})
		if target[s.RID] == "" {
			bad(name, "sheet %q has no relationship %s", s.Name, s.RID)
		}
	}
	if visible == 0 {
		bad(name, "no visible sheet")
	}
	seen := map[string]bool{}
	for _, d := range wb.Names {
		scope := "workbook"
		if d.LocalID != nil {
			if *d.LocalID < 0 || *d.LocalID >= len(wb.Sheets) {
				bad(name, "defined name %s: localSheetId %d out of range", d.Name, *d.LocalID)
			}
			scope = strconv.Itoa(*d.LocalID)
		}
		k := strings.ToLower(d.Name) + "@" + scope
		if seen[k] {
			bad(name, "defined name %s twice in one scope", d.Name)
		}
		seen[k] = true
		builtin := strings.HasPrefix(d.Name, "_xlnm.")
		switch {
		case builtin && d.LocalID == nil:
			bad(name, "built-in name %s without localSheetId", d.Name)
		case !builtin && (!definedNameRe.MatchString(d.Name) || looksLikeCellRef(d.Name)):
			bad(name, "defined name %q not allowed", d.Name)
		case strings.TrimSpace(d.Text) == "":
			bad(name, "defined name %s refers to nothing", d.Name)
		}
	}
	return out
}

var cellRefRe = regexp.MustCompile(`^(?i)([A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*|R|C)$`)

func looksLikeCellRef(s string) bool { return cellRefRe.MatchString(s) }

// schemaForms are the workbooks checked: everything the program writes.
func schemaForms() map[string]*model.Form {
	forms := printedForms()
	forms["empty"] = model.New("2021", "空表", recognize.TimeZero)
	long := model.Sample()
	long.Dept = strings.Repeat("很长的部门名称&", 60)       // 480 characters: the page header must stay within 255
	long.Goals[0].Text = strings.Repeat("长", 40_000) // over a cell's 32,767
	long.Units[0].Name = "控制字符\x01\x02和\uFFFE"
	forms["long texts"] = long
	return forms
}

// TestXLSXRules checks every kind of workbook the program writes against
// the rules above.
func TestXLSXRules(t *testing.T) {
	for name, f := range schemaForms() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteXLSX(&buf, f); err != nil {
				t.Fatal(err)
			}
			for _, e := range checkXLSXRules(buf.Bytes()) {
				t.Error(e)
			}
		})
	}
	for _, st := range []model.Stage{model.StageMonitor, model.StageEval} {
		t.Run(st.String(), func(t *testing.T) {
			var buf bytes.Buffer
			f := model.Sample()
			month := 0
			if st == model.StageMonitor {
				month = 6
			}
			if err := f.SetStage(st, month, stageNow); err != nil {
				t.Fatal(err)
			}
			if err := WriteStageXLSX(&buf, f, st); err != nil {
				t.Fatal(err)
			}
			for _, e := range checkXLSXRules(buf.Bytes()) {
				t.Error(e)
			}
		})
	}
}

// TestXLSXRulesCatchBrokenParts breaks a good workbook in each way the
// rules describe and expects the check to say so.
func TestXLSXRulesCatchBrokenParts(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, model.Sample()); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	if errs := checkXLSXRules(good); len(errs) > 0 {
		t.Fatalf("the sample breaks the rules: %v", errs)
	}
	p, err := openPackage(good)
	if err != nil {
		t.Fatal(err)
	}
	sheet := xlsx.SheetPaths(mustOpen(t, good))[SheetName]
	type edit struct {
		part, old, new, want string
	}
	for _, e := range []edit{
		{sheet, `<col min="1" max="1"`, `<col min="2" max="2"`, "overlaps or precedes"},
		{sheet, `<col min="2" max="2"`, `<col min="1" max="3"`, "overlaps or precedes"},
		{sheet, `<mergeCells count="`, `<mergeCells count="9`, "mergeCells count"},
		{sheet, `<mergeCell ref="A1:H1"/>`, `<mergeCell ref="A1:H1"/><mergeCell ref="B1:C2"/>`, "overlap"},
		{sheet, `<mergeCell ref="A1:H1"/>`, `<mergeCell ref="A1:A1"/>`, "needs two cells"},
		{sheet, `<row r="2"`, `<row r="1"`, "row 1 after row 1"},
		{sheet, `<c r="A3"`, `<c r="C3"`, "ascending order"},
		{sheet, `<pageMargins`, `<rowBreaks count="1"><brk id="5" man="1"/></rowBreaks><pageMargins`, "out of the schema's order"},
		{sheet, `scale="`, `scale="5`, "print scale"},
		{sheet, `<oddFooter>`, `<oddFooter>` + strings.Repeat("x", 300), "Excel allows 255"},
		{sheet, `<rowBreaks count="`, `<rowBreaks count="1`, "rowBreaks count"},
		{"xl/sharedStrings.xml", `uniqueCount="`, `uniqueCount="1`, "uniqueCount"},
		{"xl/workbook.xml", `<sheet name="` + SheetName, `<sheet name="a:b`, "not allowed"},
		{"xl/workbook.xml", `</sheets>`, `</sheets><definedNames><definedName name="A1">x!$A$1</definedName></definedNames>`, `defined name "A1" not allowed`},
		{"xl/workbook.xml", `</sheets>`, `</sheets><definedNames><definedName name="_xlnm.Print_Titles">x!$1:$3</definedName></definedNames>`, "without localSheetId"},
		{"xl/styles.xml", `<cellXfs count="`, `<cellXfs count="9`, "count attribute"},
	} {
		b := p.parts[e.part]
		if !bytes.Contains(b, []byte(e.old)) {
			t.Errorf("%s has no %q to break", e.part, e.old)
			continue
		}
		broken := rezip(t, p, e.part, bytes.Replace(b, []byte(e.old), []byte(e.new), 1))
		errs := strings.Join(checkXLSXRules(broken), "\n")
		if !strings.Contains(errs, e.want) {
			t.Errorf("%s: %q → %q not caught (want %q); got:\n%s", e.part, e.old, e.new, e.want, errs)
		}
	}
}

func mustOpen(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xf.Close() })
	return xf
}

func rezip(t *testing.T, p *xlsxPackage, part string, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(p.parts))
	for n := range p.parts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		b := p.parts[n]
		if n == part {
			b = data
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
