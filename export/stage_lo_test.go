package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"jixiao/internal/testtool"
	"jixiao/model"
)

// needLibreOffice skips a LibreOffice test with -short, except in CI.
func needLibreOffice(t *testing.T) {
	t.Helper()
	if testing.Short() && !testtool.InCI() {
		t.Skip("-short: LibreOffice is not run")
	}
	libreOffice(t)
}

// recalculated converts the workbooks (name → data) with LibreOffice
// headless, which recalculates every formula, and returns the files it
// saved.
func recalculated(t *testing.T, files map[string][]byte) map[string][]byte {
	t.Helper()
	dir, out := t.TempDir(), t.TempDir()
	var paths []string
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	convertWithLibreOffice(t, out, "xlsx", paths...)
	got := map[string][]byte{}
	for name := range files {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatalf("LibreOffice wrote no %s: %v", name, err)
		}
		got[name] = data
	}
	return got
}

// scoreCase is an indicator of the rules test: its 指标值, 分值 and the
// 实际完成值 typed (a percentage as Excel keeps it, as its fraction in
// the percent cell).
type scoreCase struct {
	value, weight, actual string
	text                  bool // typed into a text cell (pasted text, WPS): 93% as the text “93%”
}

// scoreCases cover every scoring rule and its edges (docs/selfeval.md).
var scoreCases = []scoreCase{
	{"≥95%", "3", "93%", false}, {"≥95%", "3", "95%", false}, {"≥95%", "2.5", "99.5%", false},
	{">95%", "3", "95%", false}, {">95%", "3", "95.5%", false}, {">95%", "3.33", "76%", false},
	{"≤20%", "3", "25%", false}, {"≤20%", "3", "20%", false}, {"≤20%", "3", "20.001%", false},
	{"<5%", "4", "5%", false}, {"<5%", "4", "4.99%", false}, {"<5%", "4", "0%", false},
	{"=100%", "10", "110%", false}, {"=100%", "10", "99.9999%", false}, {"等于12次", "6", "9", false},
	{"≥0", "5", "-1", false}, {"≤-5%", "3", "-3%", false}, {"≤-5%", "3", "-6%", false}, {"=0", "5", "1", false}, {"=0", "5", "0", false},
	{"47个", "4.7", "40", false}, {"≥100%", "3", "99.999%", false}, {"不低于90%", "8", "45%", false},
	{"充分", "3", "达成", false}, {"充分", "3", "部分达成", false}, {"有效", "2.5", "部分达成", false}, {"合理", "3", "未达成", false},
	{"≥98%", "", "99%", false}, {"≥98%", "3", "", false},
	{"≥95%", "3", "93%", true}, {"47个", "4.7", "40个", true}, {"≥95%", "3", " 96 ", true}, {"≥95%", "3", "九十", true},
}

// TestStageFormulasLibreOffice fills a 自评表 with every scoring rule and a
// 监控表 with every 提示 at its edges, lets LibreOffice recalculate both,
// and imports them: the program recomputes every 执行率, 提示, 得分, 合计,
// 预算执行率 得分, 总分 and 等级 and compares them with the file's — no
// difference may be reported; 总分 and 等级 are read back as well.
func TestStageFormulasLibreOffice(t *testing.T) {
	needLibreOffice(t)
	ev, evTyped := rulesEval(t)
	mon := rulesMonitor(t)
	got := recalculated(t, map[string][]byte{"eval.xlsx": ev, "mon.xlsx": mon.data})

	base := rulesEvalForm()
	g, rep, err := ImportStageValues("eval.xlsx", got["eval.xlsx"], base)
	if err != nil {
		t.Fatal(err)
	}
	text := rep.String()
	if strings.Contains(text, "表中为") || len(rep.Problems) != 0 || len(rep.Changes) != evTyped {
		t.Errorf("自评表 recalculated by LibreOffice (%d typed):\n%s", evTyped, text)
	}
	e := model.Evaluate(g)
	xf, err := excelize.OpenReader(strings.NewReader(string(got["eval.xlsx"])))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := xf.GetRows(IndicatorSheetName, excelize.Options{RawCellValue: true})
	var total, grade string
	for _, r := range rows {
		if len(r) > 8 && strings.HasPrefix(r[1], "总分") {
			total, grade = r[7], r[8]
		}
	}
	if d, err := decimal.NewFromString(total); err != nil || d.StringFixed(2) != e.Total.StringFixed(2) || grade != "等级："+e.Grade {
		t.Errorf("LibreOffice 总分 %q %q, the program %s %s", total, grade, e.Total.StringFixed(2), e.Grade)
	}
	// the rules give what docs/selfeval.md says (a few by hand)
	for i, want := range map[int]string{0: "2.94", 3: "2.99", 9: "3.99", 13: "9.99", 21: "2.99", 24: "1.50"} {
		if s := e.Rows[i].Score.StringFixed(2); s != want {
			t.Errorf("%s with %s: 得分 %s, want %s", scoreCases[i].value, scoreCases[i].actual, s, want)
		}
	}

	g, rep, err = ImportStageValues("mon.xlsx", got["mon.xlsx"], mon.base)
	if err != nil {
		t.Fatal(err)
	}
	if text := rep.String(); strings.Contains(text, "表中为") || len(rep.Changes) != mon.typed {
		t.Errorf("监控表 recalculated by LibreOffice:\n%s", text)
	}
	// each hint of the sheet is the model's
	for u := range g.Units {
		for r, tk := range g.Units[u].Tasks {
			if want := mon.hints[r]; strings.Join(tk.MonitorHints(6), "；") != want {
				t.Errorf("%s: hints %v, want %q", tk.Content, tk.MonitorHints(6), want)
			}
		}
	}
}

func rulesEvalForm() *model.Form {
	f := model.New("2020", "测试局", stageNow)
	f.Units = []model.Unit{{Name: "机关", Tasks: []model.Task{
		{Content: "甲", Total: model.MustAmount("100"), Fiscal: model.MustAmount("100")},
		{Content: "乙", Total: model.MustAmount("80.5"), Fiscal: model.MustAmount("80.5")},
		{Content: "丙", Total: model.MustAmount("20"), Fiscal: model.MustAmount("20")},
	}}}
	for i, c := range scoreCases {
		f.Indicators = append(f.Indicators, model.Indicator{Level1: "产出指标", Level2: "数量指标", Level3: "指标" + itoa(i+1), Value: c.value})
	}
	// a rate indicator whose value comes from its formula inputs
	full := model.SampleEval(stageNow)
	in := full.Indicators[indexByName(full, "预算执行率")]
	in.Eval = model.IndicatorEval{}
	f.Indicators = append(f.Indicators, in)
	_ = f.SetStage(model.StageMonitor, 6, stageNow)
	_ = f.SetStage(model.StageEval, 0, stageNow)
	return f
}

// rulesEval is the filled 自评表 of rulesEvalForm and the number of values typed.
func rulesEval(t *testing.T) ([]byte, int) {
	f := rulesEvalForm()
	xf := exportStage(t, f, model.StageEval)
	cell := cellIndex(t, xf)
	n := 0
	for i, c := range scoreCases {
		key := keyOfInd(f.Indicators[i])
		if c.weight != "" {
			w, _ := decimal.NewFromString(c.weight)
			fw, _ := w.Float64()
			typeNumber(t, xf, IndicatorSheetName, cell(IndicatorSheetName, key, "分值"), fw)
			n++
		}
		if c.actual == "" {
			continue
		}
		n++
		a := cell(IndicatorSheetName, key, "实际完成值")
		tg := model.ParseTarget(c.value)
		d, err := model.ParseActual(c.actual, tg)
		if tg.Kind != model.TargetNumber || err != "" || c.text {
			typeText(t, xf, IndicatorSheetName, a, c.actual)
			continue
		}
		if tg.Percent() {
			d = d.Shift(-2)
		}
		fv, _ := d.Float64()
		typeNumber(t, xf, IndicatorSheetName, a, fv)
	}
	last := keyOfInd(f.Indicators[len(f.Indicators)-1])
	typeNumber(t, xf, IndicatorSheetName, cell(IndicatorSheetName, last, "分值"), 3)
	n++
	// budget row: one task over its budget (the 执行率 is capped at 10 points), one adjusted
	for _, x := range []struct {
		content, head string
		v             float64
	}{{"甲", "全年执行数", 96.5}, {"乙", "全年执行数", 90}, {"丙", "全年预算数（调整后）", 25}, {"丙", "全年执行数", 24.25}} {
		typeNumber(t, xf, TaskSheetName, cell(TaskSheetName, []string{"机关", x.content}, x.head), x.v)
		n++
	}
	return workbookBytes(t, xf), n
}

type monitorRules struct {
	base  *model.Form
	data  []byte
	typed int
	hints []string // each task's hints, joined by ；
}

// rulesMonitor is a 监控表 (as of June) whose tasks hit each 提示 at its edge.
func rulesMonitor(t *testing.T) monitorRules {
	cases := []struct{ total, exec, forecast, hints string }{
		{"100", "39.99", "100", model.HintBehind},   // 120×39.99 + 1200 < 6000
		{"100", "40", "100", ""},                    // exactly 10 points behind: no 提示
		{"100", "100.01", "", model.HintOverBudget}, // above the budget
		{"100", "100", "100", ""},
		{"100", "60", "120", model.HintForecastOver},
		{"100", "60", "59.99", model.HintForecastBelow},
		{"100", "120", "110", model.HintOverBudget + "；" + model.HintForecastOver + "；" + model.HintForecastBelow},
		{"0", "5", "", model.HintOverBudget},
		{"100", "-5", "", ""}, // not an amount: no 提示 (the check says why)
		{"100", "五十", "", ""},
	}
	f := model.New("2020", "测试局", stageNow)
	u := model.Unit{Name: "机关"}
	for i, c := range cases {
		u.Tasks = append(u.Tasks, model.Task{Content: "任务" + itoa(i+1), Total: model.MustAmount(c.total), Fiscal: model.MustAmount(c.total)})
	}
	f.Units = []model.Unit{u}
	f.Indicators = []model.Indicator{{Level1: "产出指标", Level2: "数量指标", Level3: "完成率", Value: "≥95%"}}
	_ = f.SetStage(model.StageMonitor, 6, stageNow)
	xf := exportStage(t, f, model.StageMonitor)
	cell := cellIndex(t, xf)
	m := monitorRules{base: f}
	for i, c := range cases {
		key := []string{"机关", "任务" + itoa(i+1)}
		for _, x := range []struct{ head, v string }{{"1–6月执行数", c.exec}, {"全年预计执行数", c.forecast}} {
			if x.v == "" {
				continue
			}
			if d, err := decimal.NewFromString(x.v); err == nil {
				fv, _ := d.Float64()
				typeNumber(t, xf, TaskSheetName, cell(TaskSheetName, key, x.head), fv)
			} else {
				typeText(t, xf, TaskSheetName, cell(TaskSheetName, key, x.head), x.v)
			}
			m.typed++
		}
		m.hints = append(m.hints, c.hints)
	}
	m.data = workbookBytes(t, xf)
	return m
}
