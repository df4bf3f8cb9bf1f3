package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/model"
	"jixiao/store"
)

// versionPair is a bureau's template in two versions whose header 指标性质
// changes its meaning: in version 1 it is the 指标值类型 column (定量/定性),
// in version 2 the 指标性质 column of the national system (≥ ≤ = 定性).
func versionPair() (v1, v2 *model.Template) {
	v1 = testfiles.BureauTemplate(1)
	v1.IndicatorColumns = []model.Column{
		{Key: model.IndColL1, Label: "一级指标"}, {Key: model.IndColL2, Label: "二级指标"}, {Key: model.IndColL3, Label: "三级指标"},
		{Key: model.IndColValueType, Label: "指标性质"}, {Key: model.IndColValue, Label: "预期指标值"},
		{Key: model.IndColWeight, Label: "考核权重"}, {Key: model.IndColUnit, Label: "计量口径"}, {Key: model.IndColNote, Label: "备注"},
	}
	v2 = v1.Clone()
	v2.Version, v2.Name = 2, "某市 部门整体绩效目标表（2023 修订）"
	v2.IndicatorColumns[3] = model.Column{Key: model.IndColNature, Label: "指标性质"}
	return v1, v2
}

// fillV1Blank fills the indicator rows of a version-1 blank under its
// headers (found by their text), as a unit does in Excel.
func fillV1Blank(t *testing.T, blank, filled string) {
	t.Helper()
	xf, err := excelize.OpenFile(blank)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	rows, _ := xf.GetRows(export.SheetName)
	heads := []string{"一级指标", "二级指标", "三级指标", "指标性质", "预期指标值", "考核权重", "计量口径"}
	col := map[string]int{}
	hr := 0
	for _, h := range heads {
		col[h], hr = sheetCell(t, rows, h)
	}
	for i, row := range [][]any{
		{"产出指标", "数量指标", "培训人次", "定量", "≥50", 40, "人次"},
		{"产出指标", "质量指标", "培训合格率", "定量", "≥95%", 30, "%"},
		{"效益指标", "社会效益指标", "群众知晓率", "定量", "≥80%", 20, "%"},
		{"满意度指标", "服务对象满意度指标", "服务对象满意情况", "定性", "满意", 10, ""},
	} {
		for j, v := range row {
			if v != "" {
				setCell(t, xf, col[heads[j]], hr+1+i, v)
			}
		}
	}
	if err := xf.SaveAs(filled); err != nil {
		t.Fatal(err)
	}
}

// A blank exported under version 1, filled by a unit and imported after
// version 2 arrived keeps every value in its meaning: it is read by
// version 1's columns (its 指标性质 is the 定量/定性 column), then moved to
// version 2 by the migration, whose list the import prints (the header's
// meaning changed; the 定量/定性 typed go into 备注, the new 指标性质 is
// left to fill) — never 定量 in the ≥/≤ column. The same when the drafts
// file never had version 1: the file brings it.
func TestVersion1BlankImportedAfterVersion2(t *testing.T) {
	v1, v2 := versionPair()
	dir := t.TempDir()
	db := tempDB(t)
	mustRun(t, "template", "import", writeTemplate(t, v1), "--db", db)
	id := lastLine(mustRun(t, "new", "--year", "2023", "--dept", "某市某局", "--template", "xx-bureau", "--db", db))
	blank, filled := filepath.Join(dir, "blank.xlsx"), filepath.Join(dir, "filled.xlsx")
	mustRun(t, "export", "--draft", id, "--xlsx", blank, "--db", db)
	fillV1Blank(t, blank, filled)
	mustRun(t, "template", "import", writeTemplate(t, v2), "--db", db)

	fresh := tempDB(t) // a colleague's drafts file with version 2 only
	mustRun(t, "template", "import", writeTemplate(t, v2), "--db", fresh)

	for _, c := range []struct{ name, db, extra string }{
		{"version 1 here", db, ""},
		{"version 1 only in the file", fresh, "文件带有表样“某市 部门整体绩效目标表”第1版（xx-bureau），本机原来没有这一版，已一并导入"},
	} {
		out := mustRun(t, "import", filled, "--db", c.db)
		for _, want := range []string{
			"按文件中的第1版读取后，已迁移到本机最新的第2版",
			"栏目「指标性质」的含义改变：原为指标值类型（定量、定性），现为指标性质（≥、≤、=、定性）",
			"「指标值类型」栏目新表样没有：4 行已填的指标值类型移入该行的「备注」（写作“指标值类型：……”）",
			c.extra,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the import lacks %q:\n%s", c.name, want, out)
			}
		}
		nid := lastLine(out)
		s, err := store.Open(c.db)
		if err != nil {
			t.Fatal(err)
		}
		f, err := s.Load(nid)
		revs, _ := s.Revisions(nid)
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Template != v2.Ref() || len(f.Indicators) != 4 || len(revs) < 2 {
			t.Fatalf("%s: draft %+v, %d indicators, %d revisions", c.name, f.Template, len(f.Indicators), len(revs))
		}
		for i, in := range f.Indicators {
			want := "定量"
			if i == 3 {
				want = "定性"
			}
			if in.Nature != "" || !strings.Contains(in.Note, "指标值类型："+want) || in.Weight == "" || in.Value == "" {
				t.Errorf("%s row %d: 指标性质 %q 备注 %q 权重 %q 指标值 %q: a value left its meaning", c.name, i+1, in.Nature, in.Note, in.Weight, in.Value)
			}
		}
		if f.Indicators[0].Unit != "人次" || f.Indicators[1].Value != "≥95%" {
			t.Errorf("%s: %+v", c.name, f.Indicators[:2])
		}
		// the version-1 reading is the draft's first revision
		code, out, _ := checkRun("check", "--draft", nid, "--db", c.db)
		if code != 1 || !strings.Contains(out, "指标性质：请填写指标性质") {
			t.Errorf("%s: check of the moved draft (exit %d):\n%s", c.name, code, out)
		}
	}
}

// The file records its template: column C of the hidden sheet (id@version
// and hash in C1, the template file after it) and "template" in the JSON.
func TestFilesRecordTheirTemplate(t *testing.T) {
	v1, _ := versionPair()
	db := tempDB(t)
	mustRun(t, "template", "import", writeTemplate(t, v1), "--db", db)
	id := lastLine(mustRun(t, "new", "--year", "2023", "--dept", "某市某局", "--template", "xx-bureau", "--db", db))
	dir := t.TempDir()
	x, j := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "a.json")
	mustRun(t, "export", "--draft", id, "--xlsx", x, "--json", j, "--db", db)
	xf, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	c1, _ := xf.GetCellValue(export.DataSheetName, "C1")
	b1, _ := xf.GetCellValue(export.DataSheetName, "B1")
	xf.Close()
	if c1 != "jixiao-template xx-bureau@1 "+model.TemplateHash(v1) || b1 != "2.1" {
		t.Errorf("C1 %q, B1 %q", c1, b1)
	}
	b, err := os.ReadFile(j)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"hash": "`+model.TemplateHash(v1)+`"`) || !strings.Contains(string(b), `"id": "xx-bureau"`) {
		t.Errorf("the JSON does not record its template:\n%s", b[len(b)-min(len(b), 600):])
	}
}

// 汇总 of a unit's file filled in version 1 into the bureau's draft of
// version 2: the file is moved to version 2 first (its 定量/定性 under the
// old 指标性质 go to 备注 as 指标值类型), never into the new 指标性质 column.
func TestMergeOfAnOlderVersionsFile(t *testing.T) {
	v1, v2 := versionPair()
	dir := t.TempDir()
	db := tempDB(t)
	mustRun(t, "template", "import", writeTemplate(t, v1), "--db", db)
	id1 := lastLine(mustRun(t, "new", "--year", "2023", "--dept", "某市某局", "--template", "xx-bureau@1", "--db", db))
	blank, filled := filepath.Join(dir, "blank.xlsx"), filepath.Join(dir, "filled.xlsx")
	mustRun(t, "export", "--draft", id1, "--xlsx", blank, "--db", db)
	fillV1Blank(t, blank, filled)
	mustRun(t, "template", "import", writeTemplate(t, v2), "--db", db)
	into := lastLine(mustRun(t, "new", "--year", "2023", "--dept", "某市某局", "--template", "xx-bureau", "--db", db))
	out := mustRun(t, "merge", "--into", into, filled, "--yes", "--db", db)
	if !strings.Contains(out, "“filled.xlsx”按表样第1版填写，已先按各栏的含义迁移到草稿的第2版") {
		t.Errorf("merge output:\n%s", out)
	}
	f := loadDraftT(t, db, into)
	if f.Template != v2.Ref() || len(f.Indicators) != 4 {
		t.Fatalf("merged draft %+v, %d indicators", f.Template, len(f.Indicators))
	}
	for i, in := range f.Indicators {
		if in.Nature != "" || !strings.Contains(in.Note, "指标值类型：定") {
			t.Errorf("row %d: 指标性质 %q 备注 %q", i+1, in.Nature, in.Note)
		}
	}
}
