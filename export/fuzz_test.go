package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jixiao/model"
	"jixiao/model/recognize"
)

// smallForm is a form small enough for a fuzz seed.
func smallForm() *model.Form {
	f := model.New("2021", "某局", recognize.TimeZero)
	f.Goals = []model.Goal{{Text: "目标一"}, {Text: "=目标二"}}
	f.Units = []model.Unit{{Name: "机关", Tasks: []model.Task{
		{Content: "甲", Total: model.MustAmount("1.5"), Fiscal: model.ParseAmount("x"), Goals: []int{1}},
	}}}
	f.Indicators = []model.Indicator{
		{Level1: "履职效能", Level2: "整体工作完成", Level3: "总体工作完成率", Value: "100%", Formula: "总体工作完成率"},
		{Level1: "管理效率", Level2: "运行成本", Level3: "成本控制成效", Sub: "总体成本节约率"},
	}
	return f
}

func fuzzSeeds(t testing.TB) map[string][]byte {
	var ours bytes.Buffer
	if err := WriteXLSX(&ours, smallForm()); err != nil {
		t.Fatal(err)
	}
	clerk, err := os.ReadFile(clerkWorkbook(t))
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{"ours": ours.Bytes(), "clerk": clerk, "other": otherWorkbook(t)}
}

// TestFuzzCorpus keeps the committed seed corpus of FuzzImportXLSX
// (testdata/fuzz/FuzzImportXLSX) current: JIXIAO_UPDATE_FUZZ=1 rewrites
// it; otherwise every seed must be there and import without a crash.
func TestFuzzCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzImportXLSX")
	for name, b := range fuzzSeeds(t) {
		p := filepath.Join(dir, name)
		if os.Getenv("JIXIAO_UPDATE_FUZZ") != "" {
			os.MkdirAll(dir, 0o755)
			if err := os.WriteFile(p, []byte("go test fuzz v1\n[]byte("+strconv.Quote(string(b))+")\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if _, err := os.Stat(p); err != nil {
			t.Errorf("seed %s missing (run with JIXIAO_UPDATE_FUZZ=1): %v", name, err)
		}
		_, _, err := ImportBytes(name+".xlsx", b, ImportOptions{})
		// an error no one classified (model.EINTERNAL) is a bug of ours
		if model.ErrorCode(err) == model.EINTERNAL {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func FuzzImportXLSX(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		form, rep, err := ImportBytes("fuzz.xlsx", data, ImportOptions{})
		// an error no one classified (model.EINTERNAL) is a bug of ours
		if model.ErrorCode(err) == model.EINTERNAL {
			t.Fatal(err)
		}
		if err != nil {
			if form != nil || rep != nil || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error with result, or not one line: %v", err)
			}
			return
		}
		if form == nil || rep == nil {
			t.Fatal("nil result without error")
		}
		// whatever was read can be written again
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, form); err != nil {
			t.Fatal(err)
		}
	})
}
