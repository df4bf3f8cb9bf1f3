package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

func checkRun(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &cli{stdout: &out, stderr: &errb, stdin: strings.NewReader("")})
	return code, out.String(), errb.String()
}

func TestCheckSample(t *testing.T) {
	code, out, stderr := checkRun("check", "--sample")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (the sample has errors); stderr %q", code, stderr)
	}
	for _, want := range []string{
		"年度：2020　部门：郑州市生态环境局\n",
		"合计 7898.5676 万元（财政资金 7898.5676 万元）\n",
		"34 项任务，8 个单位，34 条目标，49 条绩效指标\n",
		"[错误] 绩效指标 › 第7行 › 三级指标：这是模板里的占位行（“.....”），请填写实际的指标，或删除这一行\n",
		"[错误] 绩效指标 › 第42行（重要改革事项1） › 三级指标：“重要改革事项1”是模板里的示例名称",
		"[提示] 年度总体目标 › 目标7 › 目标内容：目标3和目标7的内容完全相同",
		"共 18 个错误，3 条提示。",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.LastIndex(out, "[错误]") > strings.Index(out, "[提示]") {
		t.Error("a hint is printed before an error")
	}
	if stderr != "" {
		t.Errorf("stderr %q", stderr)
	}
}

func TestCheckReportExitCodes(t *testing.T) {
	clean := model.Sample()
	var ins []model.Indicator
	for _, in := range clean.Indicators {
		if model.IsFiller(in.Level1) || model.IsFiller(in.Level3) {
			continue
		}
		if in.Value == "" {
			in.Value = "≤5%"
		}
		ins = append(ins, in)
	}
	clean.Indicators = ins

	hints := clean.Clone() // the seed's duplicated targets remain: hints only
	for _, g := range []int{6, 16, 19} {
		clean.Goals[g].Text += "（二）"
	}
	broken := clean.Clone()
	broken.Options.OtherFunds = true
	broken.Units[0].Tasks[0].Total = model.ParseAmount("１１５万元")
	broken.Units[0].Tasks[0].Other = model.ParseAmount("15")
	broken.Units[0].Tasks[1].Fiscal = model.ParseAmount("100.5.")

	tests := []struct {
		name string
		f    *model.Form
		err  error
		want []string
	}{
		{"clean", clean, nil, []string{"审核通过：没有发现问题。"}},
		{"hints only", hints, nil, []string{"[提示] 年度总体目标 › 目标7", "没有错误；3 条提示"}},
		{"errors", broken, errFindings, []string{
			"合计 7898.5676 万元（财政资金 7798.5676 万元，其他资金 15 万元）",
			"另有 1 个金额无法识别，未计入合计",
			"[错误] 年度主要任务 › 郑州市生态环境局机关 第1行 › 合计：合计 115 万元不等于财政资金 115 万元加其他资金 15 万元（应为 130 万元）",
			"[错误] 年度主要任务 › 郑州市生态环境局机关 第2行 › 财政资金：金额“100.5.”有2个小数点，只能有一个",
			"共 2 个错误，0 条提示",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			tpl, remark := formTemplate(tc.f, "", false, "")
			err := checkReport(&cli{stdout: &out, stderr: &out}, tc.f, "测试", tpl, remark)
			if err != tc.err {
				t.Errorf("error %v, want %v", err, tc.err)
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}

func TestCheckCarriedForwardShowsPrevYear(t *testing.T) {
	f, _, err := model.CarryForward(model.Sample(), "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Units[0].Tasks[0].Total = model.MustAmount("230")
	f.Units[0].Tasks[0].Fiscal = model.MustAmount("230")
	var out bytes.Buffer
	tpl, remark := formTemplate(f, "", false, "")
	checkReport(&cli{stdout: &out, stderr: &out}, f, "测试", tpl, remark)
	if !strings.Contains(out.String(), "上年合计 7898.5676 万元，增减 +1.46%") {
		t.Errorf("output:\n%s", out.String())
	}
}

// A file that cannot be read is not a misuse: exit 1 (TestCheckBatchFiles).
func TestCheckMisuse(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check"}, "请在 --sample、--draft 编号、--in 文件 中选择一个"},
		{[]string{"check", "--sample", "--in", "x.json"}, "中选择一个"},
		{[]string{"check", "--sample", "extra"}, "多了：extra"},
		{[]string{"check", "--bogus"}, "不认识的选项"},
		{[]string{"check", "--in"}, "后面需要一个值"},
	}
	for _, tc := range tests {
		code, out, stderr := checkRun(tc.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		if !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "用法：jixiao check") {
			t.Errorf("%v: stderr %q, want %q", tc.args, stderr, tc.want)
		}
		if out != "" {
			t.Errorf("%v: stdout %q", tc.args, out)
		}
	}
}

// check --in reads a file through loadFile: a JSON file of the sample
// gives the same report as --sample.
func TestCheckInFile(t *testing.T) {
	f := model.Sample()
	var b bytes.Buffer
	if err := export.WriteJSON(&b, f); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.json")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := checkRun("check", "--in", path)
	if code != 1 || !strings.Contains(out, "合计 7898.5676 万元") || !strings.Contains(out, "共 18 个错误，3 条提示") {
		t.Errorf("exit %d\n%s\n%s", code, out, stderr)
	}
}

// check --draft reads a draft of a real drafts file.
func TestCheckDraft(t *testing.T) {
	db := filepath.Join(t.TempDir(), "drafts.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	f := model.Sample()
	f.Units[0].Tasks[0].Fiscal = model.ParseAmount("1l5")
	id, err := st.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, stderr := checkRun("check", "--draft", id, "--db", db)
	if code != 1 || !strings.Contains(out, "[错误] 年度主要任务 › 郑州市生态环境局机关 第1行 › 财政资金：金额“1l5”含有非数字字符“l”") ||
		!strings.Contains(out, "共 19 个错误，3 条提示") {
		t.Errorf("exit %d\n%s\n%s", code, out, stderr)
	}
	code, _, stderr = checkRun("check", "--draft", "没有这个草稿", "--db", db)
	if code != 2 || !strings.Contains(stderr, "无法审核“草稿 没有这个草稿”") {
		t.Errorf("missing draft: exit %d, %q", code, stderr)
	}
}

// check of a form whose template has no task table says nothing of tasks
// (no “合计 0 万元”, no “0 项任务”), counts its parts by the template's
// names, and gives each side of 部门总体资金情况 its total.
func TestCheckReportOfATemplateWithoutTasks(t *testing.T) {
	db := tempDB(t)
	id := lastLine(mustRun(t, "new", "--year", "2022", "--dept", "某局", "--template", "hubei", "--db", db))
	_, out, _ := checkRun("check", "--draft", id, "--db", db)
	for _, not := range []string{"\n合计 0 万元", "项任务", "个单位"} {
		if strings.Contains(out, not) {
			t.Errorf("check says %q:\n%s", not, out)
		}
	}
	for _, want := range []string{"0 条年度绩效目标，0 条年度绩效指标\n", "部门总体资金情况：收入合计 0 万元，支出合计 0 万元\n", "[错误] 年度绩效目标：还没有年度绩效目标"} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
}
