package library

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const goodLibrary = `{
  "format": "jixiao-library",
  "version": 1,
  "name": "某某局常用指标",
  "sources": [{"name": "某某局常用指标", "ref": "某财〔2024〕1号 附件2"}],
  "entries": [
    {"level1": "产出指标", "level2": "数量指标", "level3": "培训人次", "value": "≥300人次", "unit": "人次", "valueType": "定量",
     "explain": "反映全年培训的人次。"},
    {"level1": "管理效率", "level2": "预算管理", "level3": "预算执行率", "value": "≥95%", "unit": "%", "formula": "预算执行率", "direction": ">="},
    {"level1": "产出指标", "level2": "数量指标", "level3": "培训人次", "value": "≥1人次"}
  ]
}`

func TestParseLibraryFile(t *testing.T) {
	for _, data := range []string{goodLibrary, "\xef\xbb\xbf" + goodLibrary, strings.ReplaceAll(goodLibrary, "\n", "\r\n")} {
		lf, err := ParseFile([]byte(data), "bureau.json")
		if err != nil {
			t.Fatal(err)
		}
		if lf.Name != "某某局常用指标" || len(lf.Entries) != 2 {
			t.Fatalf("%q: %d entries", lf.Name, len(lf.Entries))
		}
		e := lf.Entries[0]
		if e.Source != "某某局常用指标" || e.Ref != "某财〔2024〕1号 附件2" || e.Indicator.Value != "≥300人次" || e.Direction != "≥" || e.Indicator.Unit != "人次" {
			t.Errorf("first entry %+v", e)
		}
		if e := lf.Entries[1]; e.Indicator.Formula != "预算执行率" || e.Direction != "≥" {
			t.Errorf("second entry %+v", e)
		}
	}
	// No name: the file's name.
	lf, err := ParseFile([]byte(strings.Replace(goodLibrary, `"name": "某某局常用指标",`, "", 1)), "局机关指标.json")
	if err != nil || lf.Name != "局机关指标" || lf.Entries[0].Source != "局机关指标" {
		t.Errorf("unnamed file: %q %v", lf.Name, err)
	}
}

func TestParseLibraryFileRefusesBadFiles(t *testing.T) {
	entry := func(fields string) string {
		return `{"format": "jixiao-library", "version": 1, "name": "局", "entries": [{"level1": "一", "level2": "二", "level3": "三"` + fields + `}]}`
	}
	huge := append([]byte(`{"format": "jixiao-library", "entries": [`), bytes.Repeat([]byte(" "), MaxFileSize)...)
	tests := []struct {
		name, data string
		want       string // part of the message
	}{
		{"too large", string(huge), "太大"},
		{"empty", "  \n", "空的"},
		{"GBK", "{\"format\": \"jixiao-library\",\n\"name\": \"\xbe\xd6\"}", "第2行有不是 UTF-8"},
		{"syntax", "{\n  \"format\": \"jixiao-library\",\n  \"name\": \"局\"\n  \"entries\": []\n}", "第4行第"},
		{"truncated", goodLibrary[:200], "不完整"},
		{"array", `[1, 2]`, "应是一个 { … }"},
		{"wrong type", `{"format": "jixiao-library", "entries": {"level1": "x"}}`, "“entries”应是列表"},
		{"number name", `{"format": "jixiao-library", "name": 12, "entries": []}`, "“name”应是文字"},
		{"trailing", goodLibrary + ` {}`, "多余内容"},
		{"other format", `{"format": "something", "entries": []}`, "不是本程序的指标库文件"},
		{"no format", `{"entries": [{"level1": "a"}]}`, "不是本程序的指标库文件"},
		{"newer", `{"format": "jixiao-library", "version": 2, "entries": []}`, "升级本程序"},
		{"no entries", `{"format": "jixiao-library", "version": 1, "entries": []}`, "没有指标"},
		{"no level3", `{"format": "jixiao-library", "name": "局", "entries": [{"level1": "一", "level2": "二"}]}`, "第1条指标的三级指标（level3）是空的"},
		{"long name", entry(`, "sub": "` + strings.Repeat("长", 101) + `"`), "第1条指标的明细（sub）太长（101 字）"},
		{"control", entry(`, "explain": "a\u0007b"`), "控制字符"},
		{"direction", entry(`, "direction": "大于"`), "计算符号（direction）只能是"},
		{"value type", entry(`, "valueType": "数字"`), "指标值类型（valueType）只能是"},
		{"formula", entry(`, "formula": "rm -rf"`), "不是本程序认识的计算公式"},
		{"bad value", entry(`, "value": "≥98%%"`), "指标值（value）“≥98%%”无法识别"},
		{"reserved", strings.Replace(entry(""), `"name": "局"`, `"name": "我的指标"`, 1), "与内置来源重名"},
		{"reserved source", entry(`, "source": "财预〔2013〕53号·部门整体支出"`), "与内置来源重名"},
		{"too many", `{"format": "jixiao-library", "name": "局", "entries": [` + strings.Repeat(`{},`, MaxEntries) + `{}]}`, "最多 10000 条"},
	}
	for _, tc := range tests {
		_, err := ParseFile([]byte(tc.data), "x.json")
		var le *FileError
		if !errors.As(err, &le) {
			t.Errorf("%s: error %v is not a FileError", tc.name, err)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %q does not say %q", tc.name, err, tc.want)
		}
	}
}

// The built-in file parses (and is the only one allowed the built-in
// source names).
func TestNationalLibraryFile(t *testing.T) {
	lf, err := ParseFile(nationalJSON, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(lf.Entries) < 30 {
		t.Errorf("%d entries", len(lf.Entries))
	}
	if _, err := ParseFile(nationalJSON, "copy.json"); err == nil || !strings.Contains(err.Error(), "内置来源") {
		t.Errorf("a copy of the built-in file imported as a bureau's: %v", err)
	}
}

func FuzzParseLibraryFile(f *testing.F) {
	f.Add([]byte(goodLibrary))
	f.Add(nationalJSON)
	f.Fuzz(func(t *testing.T, data []byte) {
		lf, err := ParseFile(data, "f.json")
		if err != nil {
			return
		}
		for _, e := range lf.Entries {
			if e.Source == "" || e.Indicator.Level3 == "" {
				t.Fatalf("accepted entry without source or name: %+v", e)
			}
		}
	})
}
