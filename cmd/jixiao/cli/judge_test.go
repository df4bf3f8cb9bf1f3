package cli

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/internal/testtool"
	"jixiao/model"
	"jixiao/store"
)

var markRe = regexp.MustCompile(`未通过审核（(\d+) 个错误）`)

// markCount is the N of the first 未通过审核（N 个错误） in s, 0 when none.
func markCount(t *testing.T, s string) int {
	t.Helper()
	m := markRe.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		t.Fatal(err)
	}
	return n
}

var checkCountRe = regexp.MustCompile(`共 (\d+) 个错误`)

// checkCount runs jixiao check on draft id and returns its error count.
func checkCount(t *testing.T, db, id string) int {
	t.Helper()
	code, out, errOut := checkRun("check", "--db", db, "--draft", id)
	switch {
	case code == 0:
		return 0
	case code != 1:
		t.Fatalf("check %s: exit %d %s", id, code, errOut)
	}
	m := checkCountRe.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("check %s: no count:\n%s", id, out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// One judge: for a draft of every built-in template and of templates a
// bureau imported, blank, filled and filled with mistakes, jixiao check,
// the export command's warning, the xlsx page header and every PDF page
// count the same errors — the draft's own template judges it everywhere.
func TestCheckAndExportAgreeOnEveryTemplate(t *testing.T) {
	db := tempDB(t)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	imported := []*model.Template{testfiles.BureauTemplate(1)}
	docs, err := model.ParseTemplate(mustRead(t, docsTemplate(t)))
	if err != nil {
		t.Fatal(err)
	}
	county, err := model.ParseTemplate(mustRead(t, countyTemplate))
	if err != nil {
		t.Fatal(err)
	}
	sichuan, err := model.ParseTemplate(mustRead(t, "../../../docs/templates/sichuan.json"))
	if err != nil {
		t.Fatal(err)
	}
	imported = append(imported, docs, county, sichuan)
	for _, tp := range imported {
		if err := s.PutTemplate(tp); err != nil {
			t.Fatal(err)
		}
	}
	type draft struct{ name, id string }
	var drafts []draft
	for _, tp := range append(model.BuiltinTemplates(), imported...) {
		blank := model.New("2022", "", time.Time{})
		model.ApplyTemplate(blank, tp)
		filled := model.TemplateExample(tp)
		wrong := model.TemplateExample(tp)
		wrong.Indicators[0].Value = ""
		wrong.Indicators[1].Level3 = ""
		for name, f := range map[string]*model.Form{"blank": blank, "filled": filled, "wrong": wrong} {
			id, err := s.Create(f)
			if err != nil {
				t.Fatal(err)
			}
			drafts = append(drafts, draft{fmt.Sprintf("%s@%d %s", tp.ID, tp.Version, name), id})
		}
	}
	s.Close()

	pdftotext := testtool.Need(t, "poppler-utils", "pdftotext")
	dir := t.TempDir()
	for _, d := range drafts {
		want := checkCount(t, db, d.id)
		if strings.HasSuffix(d.name, " filled") && want != 0 {
			t.Errorf("%s: the template's example has %d errors", d.name, want)
		}
		xlsx, pdf := filepath.Join(dir, d.id+".xlsx"), filepath.Join(dir, d.id+".pdf")
		out := mustRun(t, "export", "--db", db, "--draft", d.id, "--xlsx", xlsx, "--pdf", pdf)
		if got := markCount(t, out); got != want {
			t.Errorf("%s: check finds %d errors, export says %d:\n%s", d.name, want, got, out)
		}
		xf, err := excelize.OpenFile(xlsx)
		if err != nil {
			t.Fatal(err)
		}
		hf, err := xf.GetHeaderFooter(export.SheetName)
		xf.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := markCount(t, hf.OddHeader); got != want {
			t.Errorf("%s: check finds %d errors, the xlsx header says %d (%q)", d.name, want, got, hf.OddHeader)
		}
		b, err := exec.Command(pdftotext, pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(string(b), "\f")
		for i, p := range pages {
			if strings.TrimSpace(p) == "" {
				continue
			}
			if got := markCount(t, p); got != want {
				t.Errorf("%s: check finds %d errors, PDF page %d says %d", d.name, want, i+1, got)
			}
		}
	}
}

// The 运行监控表 of a draft of an imported template is judged by that
// template too: the stage export's warning and page header count what
// the checks by the draft's template find in that table.
func TestStageTableJudgedByTheDraftsTemplate(t *testing.T) {
	db := tempDB(t)
	tp := testfiles.BureauTemplate(1)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutTemplate(tp); err != nil {
		t.Fatal(err)
	}
	f := model.TemplateExample(tp)
	f.Indicators[0].Weight = "" // an error of the declared table the 郑州 rules would not see
	id, err := s.Create(f)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, "stage", "--draft", id, "监控", "--month", "6", "--db", db)
	g := loadDraftT(t, db, id)
	for st, arg := range map[model.Stage]string{model.StageMonitor: "监控", model.StageDeclare: "申报"} {
		want := model.JudgeTable(model.CheckWith(g, tp), st).Errors
		if st == model.StageDeclare && want == model.JudgeTable(model.Check(g), st).Errors {
			t.Fatal("the built-in rules count the same: the test shows nothing")
		}
		x := filepath.Join(t.TempDir(), "m.xlsx")
		out := mustRun(t, "export", "--draft", id, "--stage", arg, "--xlsx", x, "--db", db)
		xf, err := excelize.OpenFile(x)
		if err != nil {
			t.Fatal(err)
		}
		var header string
		for _, sh := range xf.GetSheetList() {
			if hf, err := xf.GetHeaderFooter(sh); err == nil && hf != nil && hf.OddHeader != "" {
				header = hf.OddHeader
				break
			}
		}
		xf.Close()
		if got := markCount(t, header); got != want {
			t.Errorf("%s: header says %d errors, the draft's template finds %d (%q)", model.TableName(st), got, want, header)
		}
		if got := markCount(t, out); got != want {
			t.Errorf("%s: the command says %d errors, the draft's template finds %d:\n%s", model.TableName(st), got, want, out)
		}
	}
}
