package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// goalTexts are the texts of the goals task t serves in f.
func goalTexts(f *model.Form, t model.Task) []string {
	var out []string
	for _, n := range t.Goals {
		if n >= 1 && n <= len(f.Goals) {
			out = append(out, f.Goals[n-1].Text)
		}
	}
	return out
}

// TestEditedWorkbookKeepsLinksByMeaning: our own 申报表 workbook, edited
// after the export (two target rows sorted, two tasks of the same name),
// is read from its visible sheet; what only the hidden data has — the
// targets each task serves, the rate inputs — follows the rows by what
// they are: a task keeps the texts of its targets, and rows that cannot be
// told apart get nothing (and the report says so) rather than another
// row's.
func TestEditedWorkbookKeepsLinksByMeaning(t *testing.T) {
	f := model.Sample()
	// two tasks of the same unit and 主要内容 and amounts, serving different targets
	twin := f.Units[0].Tasks[0]
	twin.Goals = []int{3}
	f.Units[0].Tasks = append(f.Units[0].Tasks, twin)
	f.Units[0].Tasks[0].Goals = []int{1, 2}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, f); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// swap the texts of the first two targets where the sheet shows them
	rows, _ := xf.GetRows(SheetName)
	var at [2]string
	for r, row := range rows {
		for c, v := range row {
			for i := 0; i < 2; i++ {
				if strings.HasSuffix(strings.TrimSpace(v), "："+f.Goals[i].Text) && at[i] == "" {
					at[i], _ = excelize.CoordinatesToCellName(c+1, r+1)
				}
			}
		}
	}
	if at[0] == "" || at[1] == "" {
		t.Fatalf("targets not found: %v", at)
	}
	_ = xf.SetCellStr(SheetName, at[0], "目标1："+f.Goals[1].Text)
	_ = xf.SetCellStr(SheetName, at[1], "目标2："+f.Goals[0].Text)
	var out bytes.Buffer
	_ = xf.Write(&out)
	g, rep, err := ImportBytes("改过的.xlsx", out.Bytes(), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Goals[0].Text != f.Goals[1].Text {
		t.Fatalf("the visible sheet was not read: %q", g.Goals[0].Text)
	}
	for u := range f.Units {
		for r, tk := range f.Units[u].Tasks {
			if u == 0 && (r == 0 || r == len(f.Units[0].Tasks)-1) {
				continue // the twins
			}
			want, got := goalTexts(f, tk), goalTexts(g, g.Units[u].Tasks[r])
			if strings.Join(want, "|") != strings.Join(got, "|") {
				t.Errorf("%s: targets %q, exported with %q", tk.Content, got, want)
			}
		}
	}
	for _, r := range []int{0, len(g.Units[0].Tasks) - 1} {
		if n := len(g.Units[0].Tasks[r].Goals); n != 0 {
			t.Errorf("twin %d got targets %v", r, g.Units[0].Tasks[r].Goals)
		}
	}
	if !strings.Contains(rep.String(), "有 2 行任务与其他行的单位、主要内容和金额都相同") {
		t.Errorf("report:\n%s", rep)
	}
	// rate inputs follow their indicator
	for i, in := range f.Indicators {
		if len(in.Inputs) > 0 && len(g.Indicators[i].Inputs) != len(in.Inputs) {
			t.Errorf("%s lost its inputs", in.Name())
		}
	}
}
