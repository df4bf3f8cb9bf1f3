package export

import (
	"strings"
	"testing"

	"jixiao/model"
)

// cleanSample is the sample without its check errors (placeholders and
// empty 指标值), so that the honesty marks can be seen to appear and go.
func cleanSample(t *testing.T) *model.Form {
	t.Helper()
	f := model.Sample()
	var ins []model.Indicator
	for _, in := range f.Indicators {
		if strings.Contains(in.Level1+in.Level3, "XX") || strings.Contains(in.Level1+in.Level3, "××") || strings.TrimSpace(in.Value) == "" {
			continue
		}
		ins = append(ins, in)
	}
	f.Indicators = ins
	return f
}

func TestPDFSaysWhenTheFormFailsItsChecks(t *testing.T) {
	f := model.Sample()
	f.Units[0].Tasks[0].Fiscal = model.ParseAmount("5OO")
	v := model.Judge(f)
	if v.Errors == 0 {
		t.Fatal("the sample with 5OO should have errors")
	}
	p, rep := writePDFFile(t, f)
	raw := poppler(t, "pdftotext", p, "-")
	if n := strings.Count(raw, v.Mark()); n != rep.Pages {
		t.Errorf("%q on %d of %d pages", v.Mark(), n, rep.Pages)
	}
	if !strings.Contains(raw, "未通过审核") || !strings.Contains(squash(raw), "合计不含1项无法识别的金额") {
		t.Errorf("PDF lacks 未通过审核 or the 合计 note:\n%s", raw)
	}
}

func TestPDFOfAFormThatPassesHasNoMarks(t *testing.T) {
	f := cleanSample(t)
	if v := model.Judge(f); !v.Passed() {
		t.Fatalf("the cleaned sample still has %d errors: %v", v.Errors, model.Check(f)[0].Message)
	}
	p, _ := writePDFFile(t, f)
	raw := poppler(t, "pdftotext", p, "-")
	if strings.Contains(raw, "未通过审核") || strings.Contains(raw, "不含") {
		t.Errorf("a form without errors is marked:\n%s", raw[:min(len(raw), 400)])
	}
}

func TestXLSXTotalRowCarriesTheNote(t *testing.T) {
	for _, bad := range []bool{false, true} {
		f := model.Sample()
		if bad {
			f.Units[0].Tasks[0].Fiscal = model.ParseAmount("5OO")
		}
		xf, _ := openXLSX(t, f)
		rows, err := xf.GetRows(SheetName)
		if err != nil {
			t.Fatal(err)
		}
		var total []string
		for _, r := range rows {
			if len(r) > 0 && r[0] == "合计" {
				total = r
			}
		}
		if total == nil {
			t.Fatal("no 合计 row")
		}
		line := strings.Join(total, "|")
		if got := strings.Contains(line, "合计不含 1 项无法识别的金额"); got != bad {
			t.Errorf("unreadable amount %v: 合计 row %q", bad, line)
		}
	}
}

func TestXLSXPageHeaderSaysWhenTheFormFailsItsChecks(t *testing.T) {
	for _, f := range []*model.Form{model.Sample(), cleanSample(t)} {
		xf, _ := openXLSX(t, f)
		hf, err := xf.GetHeaderFooter(SheetName)
		if err != nil {
			t.Fatal(err)
		}
		v := model.Judge(f)
		if got := strings.Contains(hf.OddHeader, "未通过审核"); got != !v.Passed() {
			t.Errorf("%d errors: page header %q", v.Errors, hf.OddHeader)
		}
	}
}
