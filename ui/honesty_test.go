package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/model"
)

// fakeFiles is a FileChooser that answers with a fixed path and records
// what was asked, so that tests never open a real dialog.
type fakeFiles struct {
	path  string
	asked []FileRequest
	saves int
}

func (f *fakeFiles) Open(_ fyne.Window, req FileRequest, done func(string, error)) {
	f.asked = append(f.asked, req)
	done(f.path, nil)
}

func (f *fakeFiles) Save(_ fyne.Window, req FileRequest, done func(string, error)) {
	f.asked = append(f.asked, req)
	f.saves++
	done(f.path, nil)
}

func TestExportOfAFormWithErrorsAsksFirst(t *testing.T) {
	f := model.Sample()
	f.Units[0].Tasks[0].Fiscal = model.ParseAmount("5OO")
	e, w := newTestEditor(t, f, &memSaver{})
	_, wk := fakes(t, e)
	path := filepath.Join(t.TempDir(), "a.pdf")
	ff := &fakeFiles{path: path}
	e.Files = ff

	// 查看审核: no file is asked for, the 审核 tab shows.
	e.Export(ExportKinds[1])
	txt := overlayTexts(w)
	for _, want := range []string{"审核发现", "个错误", "未通过审核", "合计不含 1 项无法识别的金额", "[查看审核]", "[仍然导出]", "[取消]"} {
		if !strings.Contains(txt, cjkText(want)) {
			t.Errorf("warning lacks %q:\n%s", want, txt)
		}
	}
	if !strings.Contains(txt, itoa(e.ErrorCount())+"个错误") {
		t.Errorf("warning does not give the count %d:\n%s", e.ErrorCount(), txt)
	}
	tapButton(t, w, "查看审核")
	if e.CurrentTab() != TabChecks || ff.saves != 0 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("查看审核: tab %v, %d save dialogs, overlay %v", e.CurrentTab(), ff.saves, w.Canvas().Overlays().Top())
	}

	// 仍然导出: the file is asked for and written.
	e.Export(ExportKinds[1])
	tapButton(t, w, "仍然导出")
	if ff.saves != 1 || ff.asked[0].Name != "郑州市生态环境局_2020年度_绩效目标申报表.pdf" {
		t.Fatalf("save asked %d times: %+v", ff.saves, ff.asked)
	}
	if wk.Run() != 1 {
		t.Fatal("the export did not run")
	}
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("no PDF written: %v", err)
	}
}

func TestExportOfAFormWithoutErrorsAsksForTheFileAtOnce(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	e.Apply(func(f *model.Form) { *f = *cleanForm() })
	if e.ErrorCount() != 0 {
		t.Fatalf("clean form has %d errors: %v", e.ErrorCount(), e.Findings()[0].Message)
	}
	ff := &fakeFiles{} // cancelled
	e.Files = ff
	e.Export(ExportKinds[0])
	if ff.saves != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("save asked %d times, overlay %v", ff.saves, w.Canvas().Overlays().Top())
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// cleanForm is the sample without the rows that fail its checks.
func cleanForm() *model.Form {
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

// A filled draft of a bureau's imported template passes its own checks:
// the window's export writes it in the template's layout (its title) and
// without a 未通过审核 mark, which the 郑州 rules would have put there.
func TestExportJudgesByTheDraftsOwnTemplate(t *testing.T) {
	tp := testfiles.BureauTemplate(1)
	e, _ := newTestEditor(t, model.TemplateExample(tp), &memSaver{})
	e.SetTemplates([]*model.Template{tp})
	_, wk := fakes(t, e)
	if e.ErrorCount() != 0 {
		t.Fatalf("the example has %d errors: %v", e.ErrorCount(), e.Findings()[0].Message)
	}
	if v := model.Judge(e.form); v.Passed() {
		t.Fatal("the 郑州 rules pass the example: the test shows nothing")
	}
	path := filepath.Join(t.TempDir(), "a.xlsx")
	e.ExportTo(ExportKinds[0], path, nil)
	if wk.Run() != 1 {
		t.Fatal("the export did not run")
	}
	xf, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	hf, err := xf.GetHeaderFooter(export.SheetName)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(hf.OddHeader, "未通过审核") || !strings.Contains(hf.OddHeader, tp.Title) {
		t.Errorf("header %q: want the template's title and no mark", hf.OddHeader)
	}
}
