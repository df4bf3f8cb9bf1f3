package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// unitFiles writes the sample's units as one JSON file each (with the
// targets their rows link to, renumbered, and all indicators in the first)
// and returns their paths. When mixed is set, every second file is an
// .xlsx instead.
func mergeUnitFiles(t *testing.T, dir string, edit func(i int, f *model.Form), mixed ...bool) []string {
	t.Helper()
	s := model.Sample()
	var paths []string
	for i, u := range s.Units {
		f := model.New(s.Year, s.Dept, time.Time{})
		for _, tk := range u.Tasks {
			f.Goals = append(f.Goals, s.Goals[tk.Goals[0]-1])
		}
		u := s.Clone().Units[i]
		for ti := range u.Tasks {
			u.Tasks[ti].Goals = []int{ti + 1}
		}
		f.Units = []model.Unit{u}
		if i == 0 {
			f.Indicators = s.Clone().Indicators
		}
		if edit != nil {
			edit(i, f)
		}
		if len(mixed) > 0 && mixed[0] && i%2 == 1 {
			paths = append(paths, mergeWriteXLSX(t, filepath.Join(dir, fmt.Sprintf("%d_%s.xlsx", i+1, u.Name)), f))
			continue
		}
		paths = append(paths, mergeWriteJSON(t, filepath.Join(dir, fmt.Sprintf("%d_%s.json", i+1, u.Name)), f))
	}
	return paths
}

func mergeWriteJSON(t *testing.T, path string, f *model.Form) string {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteJSON(&b, f); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func mergeWriteXLSX(t *testing.T, path string, f *model.Form) string {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteXLSX(&b, f); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// newDraft creates a drafts file holding f and returns its path and the id.
func mergeNewDraft(t *testing.T, f *model.Form) (string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "drafts.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	id, err := st.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	return db, id
}

func mergeLoadDraft(t *testing.T, db, id string) (*model.Form, []store.Revision) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := st.Revisions(id)
	if err != nil {
		t.Fatal(err)
	}
	return f, revs
}

func mergeRun(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &cli{stdout: &o, stderr: &e, stdin: strings.NewReader("")})
	return code, o.String(), e.String()
}

// TestMergeCommandSampleFromUnitFiles splits the sample into its 8 units
// as 8 files (JSON and Excel alternately), merges them into an empty
// draft and gets the sample back.
func TestMergeCommandSampleFromUnitFiles(t *testing.T) {
	dir := t.TempDir()
	files := mergeUnitFiles(t, dir, nil, true)
	db, id := mergeNewDraft(t, model.New(model.SampleYear, model.SampleDept, time.Now()))
	args := append([]string{"merge", "--db", db, "--into", id}, files...)

	// 目标20 has the text of 目标15: shown, and it needs --yes.
	code, out, errOut := mergeRun(args...)
	if code != 1 {
		t.Fatalf("exit %d without --yes\n%s%s", code, out, errOut)
	}
	for _, w := range []string{"【目标相同】", "3_郑州市机动车污染监察支队.json：文件的目标2与已由文件“2_郑州市环境保护监测中心站.xlsx”合并进来的目标15文字相同", "--yes", "尚未合并，草稿未改动"} {
		if !strings.Contains(out+errOut, w) {
			t.Errorf("output does not say %q:\n%s%s", w, out, errOut)
		}
	}
	if strings.Contains(errOut, "--replace") {
		t.Errorf("no unit exists, yet asks for --replace: %s", errOut)
	}
	if f, revs := mergeLoadDraft(t, db, id); len(f.Units) != 0 || len(revs) != 1 {
		t.Fatalf("draft changed without --yes: %d units, %d revisions", len(f.Units), len(revs))
	}

	// With --keep-same-goals --yes: the sample back.
	code, out, errOut = mergeRun(append(args, "--keep-same-goals", "--yes")...)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	got, revs := mergeLoadDraft(t, db, id)
	s := model.Sample()
	if !reflect.DeepEqual(got.Goals, s.Goals) || !reflect.DeepEqual(got.Units, s.Units) || !reflect.DeepEqual(got.Indicators, s.Indicators) {
		t.Errorf("merged draft is not the sample")
	}
	if tot := model.ComputeTotals(got); tot.Total.String() != "7898.5676" {
		t.Errorf("合计 = %s", tot.Total)
	}
	if len(revs) != 2 {
		t.Fatalf("revisions = %d, want 2", len(revs))
	}
	for _, w := range []string{
		"文件“1_郑州市生态环境局机关.json”：\n  单位：新增1个\n  任务：13行，合计 1,753.23 万元",
		"共合并8个文件：任务34行，合计 7,898.5676 万元。",
		"合并后草稿 " + id + "：目标34条，单位8个，任务34行，合计 7,898.5676 万元，绩效指标49行。",
		fmt.Sprintf("如需撤销，可在“历史版本”中恢复合并前的版本（第 %d 版）", revs[1].N),
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output does not say %q:\n%s", w, out)
		}
	}
	// The revision before the merge is the empty draft: restoring it undoes.
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	prev, err := st.LoadRevision(id, revs[1].N)
	st.Close()
	if err != nil || len(prev.Units) != 0 || len(prev.Goals) != 0 {
		t.Errorf("revision before the merge: %v, %+v", err, prev)
	}

	// Merging the same files again: every unit exists now.
	code, out, errOut = mergeRun(append(args, "--yes")...)
	if code != 1 || !strings.Contains(errOut, "有8个单位已经存在") || !strings.Contains(errOut, "--replace") || !strings.Contains(out, "【单位已有】") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = mergeRun(append(args, "--skip", "--yes")...)
	if code != 0 || !strings.Contains(out, "草稿内容没有变化") {
		t.Errorf("--skip: exit %d\n%s%s", code, out, errOut)
	}
	if f, revs := mergeLoadDraft(t, db, id); len(revs) != 2 || !reflect.DeepEqual(f.Units, s.Units) {
		t.Errorf("--skip changed the draft (%d revisions)", len(revs))
	}
}

func TestMergeCommandDefaultSharesSameGoals(t *testing.T) {
	files := mergeUnitFiles(t, t.TempDir(), nil)
	db, id := mergeNewDraft(t, model.New(model.SampleYear, model.SampleDept, time.Now()))
	code, out, errOut := mergeRun(append([]string{"merge", "--db", db, "--into", id, "--yes"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	got, _ := mergeLoadDraft(t, db, id)
	if len(got.Goals) != 33 || model.ComputeTotals(got).Total.String() != "7898.5676" {
		t.Errorf("goals %d, total %s", len(got.Goals), model.ComputeTotals(got).Total)
	}
	if !strings.Contains(out, "年度总体目标：新增2条，已有相同文字而未重复添加1条") {
		t.Errorf("report:\n%s", out)
	}
}

func TestMergeCommandUnitChoices(t *testing.T) {
	// One file with a new version of 郑州市环境监察支队 (2 rows → 1 row).
	part := model.New(model.SampleYear, model.SampleDept, time.Time{})
	part.Goals = []model.Goal{{Text: "新的执法目标"}}
	part.Units = []model.Unit{{Name: "郑州市环境监察支队", Tasks: []model.Task{
		{Content: "执法装备购置", Total: model.MustAmount("30.5"), Fiscal: model.MustAmount("30.5"), Goals: []int{1}},
	}}}
	file := mergeWriteJSON(t, filepath.Join(t.TempDir(), "监察支队.json"), part)
	tests := []struct {
		flag  string
		units int
		total string
		row   string // content of unit 4's first row
	}{
		{"--replace", 8, "7735.4676", "执法装备购置"},
		{"--keep-both", 9, "7929.0676", "大气污染防治执法巡查工作经费"},
		{"--skip", 8, "7898.5676", "大气污染防治执法巡查工作经费"},
	}
	for _, tc := range tests {
		t.Run(tc.flag, func(t *testing.T) {
			db, id := mergeNewDraft(t, model.Sample())
			code, out, errOut := mergeRun("merge", "--db", db, "--into", id, file, "--yes")
			if code != 1 || !strings.Contains(errOut, "--keep-both") {
				t.Fatalf("without a choice: exit %d\n%s%s", code, out, errOut)
			}
			code, out, errOut = mergeRun("merge", "--db", db, "--into", id, file, tc.flag, "--yes")
			if code != 0 {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			got, _ := mergeLoadDraft(t, db, id)
			if len(got.Units) != tc.units || model.ComputeTotals(got).Total.String() != tc.total || got.Units[3].Tasks[0].Content != tc.row {
				t.Errorf("units %d, total %s, row %q", len(got.Units), model.ComputeTotals(got).Total, got.Units[3].Tasks[0].Content)
			}
		})
	}
}

func TestMergeCommandYear(t *testing.T) {
	files := mergeUnitFiles(t, t.TempDir(), func(i int, f *model.Form) {
		if i == 7 {
			f.Year = "2021"
		}
	})
	db, id := mergeNewDraft(t, model.New(model.SampleYear, model.SampleDept, time.Now()))
	args := append([]string{"merge", "--db", db, "--into", id, "--yes", "--keep-same-goals"}, files...)
	code, out, errOut := mergeRun(args...)
	if code != 1 || !strings.Contains(errOut, "--allow-year") || !strings.Contains(out, "【年度不同】") || !strings.Contains(out, "2021年度") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if _, revs := mergeLoadDraft(t, db, id); len(revs) != 1 {
		t.Errorf("draft saved despite the year")
	}
	code, out, errOut = mergeRun(append(args, "--allow-year")...)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if got, _ := mergeLoadDraft(t, db, id); got.Year != model.SampleYear || len(got.Units) != 8 {
		t.Errorf("year %q, units %d", got.Year, len(got.Units))
	}
}

func TestMergeCommandErrors(t *testing.T) {
	dir := t.TempDir()
	files := mergeUnitFiles(t, dir, nil)
	bad := filepath.Join(dir, "坏.json")
	if err := os.WriteFile(bad, []byte("{这不是申报表"), 0o600); err != nil {
		t.Fatal(err)
	}
	db, id := mergeNewDraft(t, model.New(model.SampleYear, model.SampleDept, time.Now()))
	tests := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"没有 --into", []string{"merge", "--db", db, files[0]}, 2, "--into"},
		{"没有文件", []string{"merge", "--db", db, "--into", id}, 2, "列出要合并的文件"},
		{"两个单位选项", []string{"merge", "--db", db, "--into", id, files[0], "--skip", "--replace"}, 2, "只能选一个"},
		{"不认识的选项", []string{"merge", "--db", db, "--into", id, files[0], "--force"}, 2, "不认识的选项"},
		{"文件不存在", []string{"merge", "--db", db, "--into", id, filepath.Join(dir, "没有.json")}, 1, "找不到文件"},
		{"文件读不出", []string{"merge", "--db", db, "--into", id, files[0], bad, "--yes"}, 1, "草稿未改动"},
		{"草稿不存在", []string{"merge", "--db", db, "--into", "999", files[0]}, 1, "999"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := mergeRun(tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.says) {
				t.Errorf("exit %d, want %d; stderr does not say %q?\n%s%s", code, tc.code, tc.says, out, errOut)
			}
		})
	}
	if f, revs := mergeLoadDraft(t, db, id); len(revs) != 1 || len(f.Units) != 0 {
		t.Errorf("the draft changed")
	}
	// Without conflicts no --yes is needed.
	code, out, errOut := mergeRun("merge", "--db", db, "--into", id, files[0])
	if code != 0 || !strings.Contains(out, "没有需要确认的问题") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	// Nor when the only findings are indicator rows already there.
	ind := model.New(model.SampleYear, model.SampleDept, time.Time{})
	ind.Indicators = model.Sample().Indicators
	code, out, errOut = mergeRun("merge", "--db", db, "--into", id, mergeWriteJSON(t, filepath.Join(dir, "指标.json"), ind))
	if code != 0 || !strings.Contains(out, "【指标重复】") || !strings.Contains(out, "49行绩效指标与已有的完全相同") || !strings.Contains(out, "草稿内容没有变化") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}
