package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/internal/testfiles"
	"jixiao/model"
	"jixiao/model/recognize"
)

// placeText is the text of the form at loc, for the fields whose cell
// shows it as it is; ok is false for the others.
func placeText(f *model.Form, loc model.Location) (string, bool) {
	if loc.Row < 0 && loc.Part != model.PartTasks && loc.Part != model.PartBasic || loc.Part == model.PartTasks && loc.Unit < 0 {
		return "", false
	}
	switch loc.Part {
	case model.PartBasic:
		switch loc.Field {
		case model.FieldDept:
			return f.Dept, true
		case model.FieldYear:
			return f.Year, true
		}
	case model.PartGoals:
		if loc.Field == model.FieldGoalText {
			return f.Goals[loc.Row].Text, true
		}
	case model.PartTasks:
		u := f.Units[loc.Unit]
		if loc.Row < 0 {
			return u.Name, loc.Field == model.FieldUnitName
		}
		t := u.Tasks[loc.Row]
		switch loc.Field {
		case model.FieldContent:
			return t.Content, true
		case model.FieldTotal:
			return t.Total.Raw(), true
		case model.FieldFiscal:
			return t.Fiscal.Raw(), true
		}
	case model.PartIndicators:
		in := f.Indicators[loc.Row]
		switch loc.Field {
		case model.FieldLevel1:
			return in.Level1, true
		case model.FieldLevel2:
			return in.Level2, true
		case model.FieldLevel3:
			return in.Level3, true
		case model.FieldValue:
			return in.Value, true
		}
	}
	return "", false
}

// sameCell reports whether a cell's text shows want: amounts by value,
// other texts inside the cell (目标1：…, the year in the title, an
// indicator continued on a printed page: 管理效率（续）, a 三级指标 with
// its 明细).
func sameCell(loc model.Location, cell, want string) bool {
	cell, want = strings.TrimSpace(cell), strings.TrimSpace(want)
	switch loc.Field {
	case model.FieldTotal, model.FieldFiscal:
		a, b := model.ParseAmount(cell), model.ParseAmount(want)
		return a.Valid() && b.Valid() && a.Money() == b.Money() || cell == want
	}
	if r := []rune(want); len(r) > 40 {
		want = string(r[:40]) // a long text is cut to fit a cell
	}
	return want != "" && strings.Contains(cell, want) || cell == want
}

// checkXLSXPlaces asserts that every place of rep with a text field names
// the cell of the workbook data that shows that field of f, and that
// every target, task and indicator has a place.
func checkXLSXPlaces(t *testing.T, data []byte, f *model.Form, rep *ImportReport) {
	t.Helper()
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	checked := 0
	for loc, p := range rep.Places {
		want, ok := placeText(f, loc)
		if !ok {
			continue
		}
		if p.Sheet != SheetName || p.Row < 1 {
			t.Errorf("%s: place %+v", loc.Describe(f), p)
			continue
		}
		got, err := xf.GetCellValue(p.Sheet, p.Cell)
		if err != nil || !sameCell(loc, got, want) {
			t.Errorf("%s: %s shows %q, want %q (%v)", loc.Describe(f), p.Describe(), got, want, err)
		}
		checked++
	}
	need := 2 + len(f.Goals) + len(f.Units) // the sheet shows no blank row
	for _, u := range f.Units {
		for _, x := range u.Tasks {
			if !recognize.BlankTask(x) {
				need += 3
			}
		}
	}
	for _, in := range f.Indicators {
		if !recognize.BlankIndicator(f, in) {
			need += 4
		}
	}
	if checked < need {
		t.Errorf("%d places checked, want at least %d", checked, need)
	}
	for i := range f.Goals {
		if _, exact, ok := rep.PlaceOf(model.Location{Part: model.PartGoals, Unit: -1, Row: i, Field: model.FieldGoalText}); !ok || !exact {
			t.Errorf("目标%d has no place", i+1)
		}
	}
}

// TestPlacesNameTheCells: an xlsx of ours read through its hidden data
// and the same without it (a clerk's table): each place names the cell
// that shows the field, so a finding can be sent back as that cell.
func TestPlacesNameTheCells(t *testing.T) {
	f := model.Sample()
	var b bytes.Buffer
	if err := WriteXLSX(&b, f); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"hidden data": b.Bytes(), "visible only": withoutDataSheet(t, b.Bytes())} {
		t.Run(name, func(t *testing.T) {
			got, rep, err := ImportBytes("sample.xlsx", data, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			checkXLSXPlaces(t, data, got, rep)
			// A field the sheet has no column for falls back to its row.
			p, exact, ok := rep.PlaceOf(model.Location{Part: model.PartTasks, Unit: 1, Row: 0, Field: model.FieldTaskGoals})
			row, _, _ := rep.PlaceOf(model.Location{Part: model.PartTasks, Unit: 1, Row: 0, Field: model.FieldContent})
			if !ok || exact || p.Row != row.Row {
				t.Errorf("对应目标 of a task: %+v exact %v ok %v, want row %d", p, exact, ok, row.Row)
			}
		})
	}
}

// TestPlacesSkipBlankRows: a blank task and a blank indicator are in the
// hidden data but not in the sheet; the places of the rows after them
// still name their own cells.
func TestPlacesSkipBlankRows(t *testing.T) {
	f := model.Sample()
	u := &f.Units[0]
	u.Tasks = append(u.Tasks[:1], append([]model.Task{{}}, u.Tasks[1:]...)...)
	f.Indicators = append(f.Indicators[:3], append([]model.Indicator{{Level1: f.Indicators[2].Level1, Level2: f.Indicators[2].Level2}}, f.Indicators[3:]...)...)
	var b bytes.Buffer
	if err := WriteXLSX(&b, f); err != nil {
		t.Fatal(err)
	}
	got, rep, err := ImportBytes("blank.xlsx", b.Bytes(), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rep.String(), "完整读取") || got.Units[0].Tasks[1].Content != "" {
		t.Fatalf("not read through the hidden data: %s", rep)
	}
	checkXLSXPlaces(t, b.Bytes(), got, rep)
	if _, exact, _ := rep.PlaceOf(model.Location{Part: model.PartTasks, Unit: 0, Row: 1, Field: model.FieldContent}); exact {
		t.Error("the blank task has a cell of its own")
	}
}

// TestPlacesOtherFormats: a Word table's places are its table, row and
// cell, a PDF's its page and row, an .xls's its sheet and cell; every
// target, task and indicator has one, in reading order.
func TestPlacesOtherFormats(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		re   *regexp.Regexp
	}{
		{"sample.docx", testfiles.SampleDOCX, regexp.MustCompile(`^第 (\d+) 个表格第 (\d+) 行第 \d+ 格$`)},
		{"sample.pdf", samplePDF(t), regexp.MustCompile(`^第(\d+)页第(\d+)行$`)},
		{"sample.xls", testfiles.SampleXLS, regexp.MustCompile(`^工作表“[^”]+”[A-Z]+\d+ 单元格（第\d+行）$`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, rep, err := ImportBytes(tc.name, tc.data, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var locs []model.Location
			for i := range f.Goals {
				locs = append(locs, model.Location{Part: model.PartGoals, Unit: -1, Row: i, Field: model.FieldGoalText})
			}
			for u := range f.Units {
				for r := range f.Units[u].Tasks {
					locs = append(locs, model.Location{Part: model.PartTasks, Unit: u, Row: r, Field: model.FieldFiscal})
				}
			}
			for i := range f.Indicators {
				locs = append(locs, model.Location{Part: model.PartIndicators, Unit: -1, Row: i, Field: model.FieldValue})
			}
			last := [2]int{}
			for _, loc := range locs {
				p, exact, ok := rep.PlaceOf(loc)
				if !ok || !exact || !tc.re.MatchString(p.Describe()) {
					t.Fatalf("%s: %q exact %v ok %v", loc.Describe(f), p.Describe(), exact, ok)
				}
				if m := tc.re.FindStringSubmatch(p.Describe()); len(m) == 3 {
					at := [2]int{atoi(m[1]), atoi(m[2])}
					if at[0] < last[0] || at[0] == last[0] && at[1] <= last[1] {
						t.Errorf("%s at %s, after %v", loc.Describe(f), p.Describe(), last)
					}
					last = at
				}
			}
		})
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
