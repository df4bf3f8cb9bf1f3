package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/model"
	"jixiao/store"
)

// The 监控表/自评表 round trip in the window, as a clerk does it: export the
// stage's table from the window, fill it in a spreadsheet program (here
// excelize, with the edits clerks make: rows sorted, a column inserted, a
// row deleted, a declared value overwritten, a bad amount), and take it
// back with 导入填好的自评表… in the 监控与自评 tab: the report lists every
// change by row, every refusal by cell, and 导入 takes exactly what the
// command line's import --into takes, as one undoable edit.

// stageForm is the sample (without placeholder indicators) at stage s
// (运行监控 as of June, or 年度自评), nothing of the stage filled.
func stageForm(t *testing.T, s model.Stage) *model.Form {
	t.Helper()
	f := cleanForm()
	now := f.Meta.Created
	if err := f.SetStage(model.StageMonitor, 6, now); err != nil {
		t.Fatal(err)
	}
	if s == model.StageEval {
		if err := f.SetStage(model.StageEval, 0, now); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// sheetFill types into an exported stage workbook by row name and column
// header (internal/testfiles, shared with export's round-trip tests) and
// keeps what the draft must hold afterwards, by row name and header.
type sheetFill struct {
	t     *testing.T
	xf    *excelize.File
	want  map[string]string // "T|unit|content|header" or "I|三级指标|header" → value
	stage model.Stage
}

func openSheet(t *testing.T, path string, s model.Stage) *sheetFill {
	t.Helper()
	xf, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return &sheetFill{t: t, xf: xf, want: map[string]string{}, stage: s}
}

func taskKey(f *model.Form, content string) []string {
	for _, u := range f.Units {
		for _, tk := range u.Tasks {
			if tk.Content == content {
				return []string{u.Name, tk.Content}
			}
		}
	}
	return nil
}

func indKey(f *model.Form, name string) []string {
	for _, in := range f.Indicators {
		if in.Level3 == name && in.Sub == "" {
			return []string{in.Level1, in.Level2, in.Level3}
		}
	}
	return nil
}

func (s *sheetFill) cell(sheet string, key []string, header string) string {
	s.t.Helper()
	if key == nil {
		s.t.Fatalf("no row for %s", header)
	}
	return testfiles.CellOf(s.t, s.xf, sheet, key, 0, header)
}

func wantName(key []string, header string) string {
	if len(key) == 2 {
		return "T|" + key[0] + "|" + key[1] + "|" + header
	}
	return "I|" + key[2] + "|" + header
}

// number types v (as Excel stores it) and expects shown in the draft.
func (s *sheetFill) number(sheet string, key []string, header string, v float64, shown string) {
	s.t.Helper()
	testfiles.TypeNumber(s.t, s.xf, sheet, s.cell(sheet, key, header), v)
	s.want[wantName(key, header)] = shown
}

func (s *sheetFill) text(sheet string, key []string, header, v string) {
	s.t.Helper()
	testfiles.TypeText(s.t, s.xf, sheet, s.cell(sheet, key, header), v)
	s.want[wantName(key, header)] = v
}

func (s *sheetFill) save(path string) {
	s.t.Helper()
	if err := s.xf.SaveAs(path); err != nil {
		s.t.Fatal(err)
	}
}

// valueOf is what draft f holds under a wantName.
func valueOf(f *model.Form, name string) (string, bool) {
	p := strings.Split(name, "|")
	if p[0] == "T" {
		for _, u := range f.Units {
			for _, tk := range u.Tasks {
				if u.Name != p[1] || tk.Content != p[2] {
					continue
				}
				switch p[3] {
				case "全年执行数":
					return tk.Eval.Executed.Raw(), true
				case "全年预算数（调整后）":
					return tk.Eval.Budget.Raw(), true
				case model.MonitorHeader(6, "执行数"):
					return tk.Monitor.Executed.Raw(), true
				case "全年预计执行数":
					return tk.Monitor.Forecast.Raw(), true
				}
			}
		}
		return "", false
	}
	for _, in := range f.Indicators {
		if in.Level3 != p[1] || in.Sub != "" {
			continue
		}
		switch p[2] {
		case "分值":
			return in.Eval.Weight, true
		case "实际完成值":
			return in.Eval.Actual, true
		case "偏差原因分析及改进措施":
			return in.Eval.Analysis, true
		case model.MonitorHeader(6, "实际完成值"):
			return in.Monitor.ToDate, true
		case "全年预计完成值":
			return in.Monitor.Forecast, true
		case "完成可能性":
			return string(in.Monitor.Likelihood), true
		case "偏差原因类别":
			return in.Monitor.Cause, true
		case "偏差原因说明":
			return in.Monitor.CauseText, true
		case "拟采取的措施":
			return in.Monitor.Measures, true
		}
	}
	return "", false
}

// sameFigure compares a stored value with the expected one: numbers by
// value (10.0 is 10), a percentage only with its %, texts exactly.
func sameFigure(got, want string) bool {
	if got == want {
		return true
	}
	a, err1 := decimal.NewFromString(strings.TrimSuffix(got, "%"))
	b, err2 := decimal.NewFromString(strings.TrimSuffix(want, "%"))
	return err1 == nil && err2 == nil && a.Equal(b) && strings.HasSuffix(got, "%") == strings.HasSuffix(want, "%")
}

// checkValues asserts every expected value by row name and header.
func checkValues(t *testing.T, f *model.Form, want map[string]string) {
	t.Helper()
	for name, w := range want {
		got, ok := valueOf(f, name)
		if !ok {
			t.Errorf("%s: no such row in the draft", name)
		} else if !sameFigure(got, w) {
			t.Errorf("%s: %q, want %q", name, got, w)
		}
	}
}

// formJSON is f without its times (Meta), to compare drafts.
func formJSON(t *testing.T, f *model.Form) string {
	t.Helper()
	g := f.Clone()
	g.Meta = model.Meta{}
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// exportedStageSheet opens f in a workspace and exports the stage's own
// table from the window to name in a temporary folder, as the clerk does
// before sending it out; it returns the workspace, its store, the draft's
// id and the file's path.
func exportedStageSheet(t *testing.T, f *model.Form, name string) (*Workspace, *store.Store, string, string) {
	t.Helper()
	ws, st, id := newTestWorkspace(t, f)
	path := filepath.Join(t.TempDir(), name)
	exportFromWindow(t, ws.e, ExportKinds[0], "", path)
	tapButton(t, ws.win, "关闭") // 导出完成
	return ws, st, id, path
}

// importFromTab is the clerk's 导入填好的…表 in the 监控与自评 tab: the
// button, the (fake) system file chooser giving path, the reading done by
// the worker. It returns the report shown.
func importFromTab(t *testing.T, ws *Workspace, path string) *stageImportReview {
	t.Helper()
	e := ws.e
	_, wk := fakes(t, e)
	ff := &fakeFiles{path: path}
	e.Files = ff
	e.SelectTab(TabYear)
	tapButton(t, e.win, stageImportLabel(e.form.Stage))
	if len(ff.asked) != 1 || ff.asked[0].Exts[0] != ".xlsx" {
		t.Fatalf("file chooser asked %+v", ff.asked)
	}
	if wk.Run() != 1 {
		t.Fatal("the file was not read")
	}
	if e.year.imp == nil || e.year.imp.path != path {
		t.Fatal("no import report")
	}
	return e.year.imp
}

// The 自评表 exported from the window, filled with sorted rows, an inserted
// column, a deleted row, an overwritten 指标值, a bad amount and a 得分 the
// spreadsheet computed differently, comes back through the 监控与自评 tab.
func TestStageImportEvalFromTheWindow(t *testing.T) {
	f := stageForm(t, model.StageEval)
	ws, st, id, path := exportedStageSheet(t, f, "自评表.xlsx")
	e, w := ws.e, ws.win
	base := e.Form().Clone()

	s := openSheet(t, path, model.StageEval)
	ts, is := export.TaskSheetName, export.IndicatorSheetName
	n := 0
	for _, u := range base.Units {
		for _, tk := range u.Tasks {
			n++
			key := []string{u.Name, tk.Content}
			if tk.Content == "专项审计保障工作经费" {
				continue // the bad amount below
			}
			v := decimal.New(int64(1000+n*101), -2) // 11.01, 12.02, …: no two rows alike
			fv, _ := v.Float64()
			s.number(ts, key, "全年执行数", fv, v.String())
		}
	}
	s.number(ts, taskKey(base, "重点行业企业用地调查"), "全年预算数（调整后）", 90.5, "90.5")
	bad := taskKey(base, "专项审计保障工作经费")
	s.text(ts, bad, "全年执行数", "五百") // kept as typed and reported, as import --into does
	s.number(is, indKey(base, "目标依据充分性"), "分值", 3, "3")
	s.text(is, indKey(base, "目标依据充分性"), "实际完成值", model.Achieved)
	s.number(is, indKey(base, "政府采购执行率"), "分值", 4, "4")
	s.number(is, indKey(base, "政府采购执行率"), "实际完成值", 0.93, "93%") // 93% typed in the percent cell
	s.number(is, indKey(base, "预算编制完整性"), "分值", 2.5, "2.5")
	s.text(is, indKey(base, "预算编制完整性"), "实际完成值", model.PartAchieve)
	s.text(is, indKey(base, "预算编制完整性"), "偏差原因分析及改进措施", "编制时漏列两个项目，明年先核对项目库")
	// a declared 指标值 overwritten: not taken
	testfiles.TypeText(t, s.xf, is, s.cell(is, indKey(base, "工作目标合理性"), "年度指标值"), "基本合理")
	// a 得分 whose saved result (as a spreadsheet saves it) is not the program's
	score := s.cell(is, indKey(base, "目标依据充分性"), "得分")
	formula, _ := s.xf.GetCellFormula(is, score)
	testfiles.TypeNumber(t, s.xf, is, score, 1)
	if err := s.xf.SetCellFormula(is, score, formula); err != nil || formula == "" {
		t.Fatalf("得分 %s: formula %q, %v", score, formula, err)
	}
	// a row typed in and then deleted: not found, the draft keeps its own
	del := indKey(base, "培训计划执行率")
	s.number(is, del, "分值", 5, "")
	if err := s.xf.RemoveRow(is, testfiles.RowOf(t, s.xf, is, del, 0)); err != nil {
		t.Fatal(err)
	}
	// two task rows sorted, a column inserted before E on both sheets
	testfiles.SwapRows(t, s.xf, ts, testfiles.RowOf(t, s.xf, ts, taskKey(base, "办公大楼改造"), 0),
		testfiles.RowOf(t, s.xf, ts, taskKey(base, "郑州市污染源普查成果开发"), 0))
	testfiles.InsertCol(t, s.xf, ts, 5, "说明")
	testfiles.InsertCol(t, s.xf, is, 5, "说明")
	s.save(path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cli, cliRep, err := export.ImportStageValues("自评表.xlsx", data, base) // what import --into takes
	if err != nil {
		t.Fatal(err)
	}

	rv := importFromTab(t, ws, path)
	text := rv.text
	for _, want := range []string{
		"文件：自评表.xlsx（自评表）→ 草稿“郑州市生态环境局 2020年度”",
		fmt.Sprintf("将导入的数值（%d 处）", len(cliRep.Changes)),
		"· 郑州市生态环境局机关 / 办公大楼改造\n　　全年执行数：（空） → 21.11",
		"· 郑州市生态环境局机关 / 重点行业企业用地调查\n　　全年预算数（调整后）：81.6 → 90.5　（预算执行情况!", "　　全年执行数：（空） → 13.03　（预算执行情况!",
		"· 政府采购执行率\n　　实际完成值：（空） → 93%　（绩效指标!", "　　分值：（空） → 4　（绩效指标!",
		"有问题的单元格（1）", "郑州市生态环境局机关 / 专项审计保障工作经费：全年执行数“五百”含有非数字字符",
		"表中找不到的行（草稿中保持原值）（1）", "指标“可持续性 / 人才支撑 / 培训计划执行率”在表中找不到",
		"改动了只读单元格，未导入（1）", "工作目标合理性 年度指标值是申报的数值（合理），表中改为“基本合理”，未导入",
		"表中自己计算的结果与程序不同（以程序计算为准）（1）", "目标依据充分性 得分：表中为 1.00，程序计算为 3.00",
		"说明", "已忽略 预算执行情况 表头为“说明”的一栏（E列）", "已忽略 绩效指标 表头为“说明”的一栏（E列）",
		"导入后：总分 ", "（导入前：总分 0.00，等级“差”）", "编辑 › 撤销（Ctrl+Z）",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if !strings.Contains(overlayTexts(w), rv.head) || findButton(w, "导入") == nil || findButton(w, "取消") == nil {
		t.Errorf("dialog: %s", overlayTexts(w))
	}
	if formJSON(t, e.Form()) != formJSON(t, base) || e.Dirty() {
		t.Fatal("the draft changed before 导入")
	}
	if t.Failed() {
		t.Logf("report:\n%s", text)
	}

	tapButton(t, w, "导入")
	got := e.Form()
	checkValues(t, got, s.want)
	if v, _ := valueOf(got, wantName(bad, "全年执行数")); v != "五百" {
		t.Errorf("bad amount: %q, kept as typed by import --into", v)
	}
	if v, _ := valueOf(got, wantName(del, "分值")); v != "" {
		t.Errorf("deleted row: 分值 %q", v)
	}
	for _, in := range got.Indicators {
		if in.Level3 == "工作目标合理性" && in.Value != "合理" {
			t.Errorf("declared 指标值 became %q", in.Value)
		}
	}
	if formJSON(t, got) != formJSON(t, cli) {
		t.Error("the window took other values than import --into")
	}
	// recomputed: the 自评 page's 总分 is the imported draft's
	if ev := model.Evaluate(got); e.year.summary.Text != fmt.Sprintf("总分 %s　等级 %s", ev.Total.StringFixed(2), ev.Grade) || ev.Total.IsZero() {
		t.Errorf("summary %q after the import (总分 %s)", e.year.summary.Text, ev.Total)
	}
	// saved at once, through the editor's save
	stored, err := st.Load(id)
	if err != nil || formJSON(t, stored) != formJSON(t, got) || e.Dirty() {
		t.Errorf("not saved: %v, dirty %v", err, e.Dirty())
	}

	// one edit: 撤销 brings the draft back as it was, and it is saved so
	ws.Undo()
	if formJSON(t, e.Form()) != formJSON(t, base) {
		t.Error("撤销 did not bring the draft back")
	}
	if ws.undo.CanUndo() {
		t.Error("the import was more than one undo step")
	}
	if err := e.Flush(); err != nil {
		t.Fatal(err)
	}
	if stored, _ := st.Load(id); formJSON(t, stored) != formJSON(t, base) {
		t.Error("the undone import is still in the drafts file")
	}
	ws.Redo()
	checkValues(t, e.Form(), s.want)
}

// 取消 leaves the draft as it was; a file with nothing new offers only 关闭.
func TestStageImportCancelAndNothingNew(t *testing.T) {
	f := stageForm(t, model.StageEval)
	ws, _, _, path := exportedStageSheet(t, f, "自评表.xlsx")
	e, w := ws.e, ws.win
	base := formJSON(t, e.Form())

	rv := importFromTab(t, ws, path) // as exported: nothing new
	if !strings.Contains(rv.text, "表中没有新的数值，草稿不会改动。") || findButton(w, "导入") != nil || findButton(w, "关闭") == nil {
		t.Fatalf("nothing new:\n%s\n%s", rv.text, overlayTexts(w))
	}
	tapButton(t, w, "关闭")

	s := openSheet(t, path, model.StageEval)
	s.number(export.TaskSheetName, taskKey(e.Form(), "办公大楼改造"), "全年执行数", 600, "600")
	s.save(path)
	importFromTab(t, ws, path)
	tapButton(t, w, "取消")
	if formJSON(t, e.Form()) != base || ws.undo.CanUndo() || e.Dirty() {
		t.Error("取消 changed the draft")
	}
}

// The 监控表 of June, exported from the window, filled with one unit's tasks
// sorted by name and a column inserted before the amounts, comes back.
func TestStageImportMonitorFromTheWindow(t *testing.T) {
	f := stageForm(t, model.StageMonitor)
	ws, st, id, path := exportedStageSheet(t, f, "监控表.xlsx")
	e, w := ws.e, ws.win
	base := e.Form().Clone()

	s := openSheet(t, path, model.StageMonitor)
	ts, is := export.TaskSheetName, export.IndicatorSheetName
	exec, fc := model.MonitorHeader(6, "执行数"), "全年预计执行数"
	n := 0
	for _, u := range base.Units {
		for _, tk := range u.Tasks {
			n++
			v := decimal.New(int64(1000+n*101), -2)
			fv, _ := v.Float64()
			s.number(ts, []string{u.Name, tk.Content}, exec, fv, v.String())
			g := v.Add(decimal.NewFromInt(40))
			gv, _ := g.Float64()
			s.number(ts, []string{u.Name, tk.Content}, fc, gv, g.String())
		}
	}
	todate := model.MonitorHeader(6, "实际完成值")
	sure := indKey(base, "目标依据充分性")
	s.text(is, sure, todate, "依据已收齐")
	s.text(is, sure, "全年预计完成值", "充分")
	s.text(is, sure, "完成可能性", string(model.LikelySure))
	buy := indKey(base, "政府采购执行率")
	s.number(is, buy, todate, 0.5, "50%")
	s.number(is, buy, "全年预计完成值", 0.96, "96%")
	other := model.Likelihoods[len(model.Likelihoods)-1]
	s.text(is, buy, "完成可能性", string(other))
	s.text(is, buy, "偏差原因类别", model.DeviationCauses[0])
	s.text(is, buy, "偏差原因说明", "两个项目延期招标")
	s.text(is, buy, "拟采取的措施", "三季度完成招标")
	// the first unit's tasks sorted by 主要内容; a column before the amounts
	_, cols := testfiles.HeaderRow(t, s.xf, ts)
	var rows []int
	for _, tk := range base.Units[0].Tasks {
		rows = append(rows, testfiles.RowOf(t, s.xf, ts, []string{base.Units[0].Name, tk.Content}, 0))
	}
	testfiles.SortRowsBy(t, s.xf, ts, rows, cols["主要内容"])
	testfiles.InsertCol(t, s.xf, ts, cols["年初预算数"], "说明")
	s.save(path)
	data, _ := os.ReadFile(path)
	cli, cliRep, err := export.ImportStageValues("监控表.xlsx", data, base)
	if err != nil {
		t.Fatal(err)
	}

	rv := importFromTab(t, ws, path)
	for _, want := range []string{
		"文件：监控表.xlsx（运行监控表）", fmt.Sprintf("将导入的数值（%d 处）", len(cliRep.Changes)),
		"· 政府采购执行率\n　　" + todate + "：（空） → 50%",
		"导入后：执行数 ", "已忽略 预算执行情况 表头为“说明”的一栏",
	} {
		if !strings.Contains(rv.text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(rv.text, "有问题的单元格") || strings.Contains(rv.text, "找不到") {
		t.Errorf("problems in a clean fill:\n%s", rv.text)
	}
	tapButton(t, w, "导入")
	checkValues(t, e.Form(), s.want)
	if formJSON(t, e.Form()) != formJSON(t, cli) {
		t.Error("the window took other values than import --into")
	}
	if stored, _ := st.Load(id); formJSON(t, stored) != formJSON(t, e.Form()) {
		t.Error("not saved")
	}
	ws.Undo()
	if formJSON(t, e.Form()) != formJSON(t, base) || ws.undo.CanUndo() {
		t.Error("撤销 did not bring the draft back in one step")
	}
}

// Files that cannot be taken say why and change nothing: a 自评表 while the
// draft is in 运行监控, a 监控表 of another month, a 申报表, a newer format,
// another draft's sheet (naming that draft), a damaged file.
func TestStageImportRefusedFiles(t *testing.T) {
	f := stageForm(t, model.StageMonitor)
	ws, st, id := newTestWorkspace(t, f)
	e := ws.e
	dir := t.TempDir()
	write := func(name string, fn func(buf *os.File) error) string {
		p := filepath.Join(dir, name)
		out, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := fn(out); err != nil {
			t.Fatal(err)
		}
		out.Close()
		return p
	}
	evalForm := stageForm(t, model.StageEval)
	evalSheet := write("自评表.xlsx", func(o *os.File) error { return export.WriteStageXLSX(o, evalForm, model.StageEval) })
	aug := f.Clone()
	_ = aug.SetStage(model.StageMonitor, 8, aug.Meta.Created)
	augSheet := write("8月.xlsx", func(o *os.File) error { return export.WriteStageXLSX(o, aug, model.StageMonitor) })
	decl := write("申报表.xlsx", func(o *os.File) error { return export.WriteXLSX(o, cleanForm()) })
	mon := write("监控表.xlsx", func(o *os.File) error { return export.WriteStageXLSX(o, f, model.StageMonitor) })
	xf, err := excelize.OpenFile(mon)
	if err != nil {
		t.Fatal(err)
	}
	testfiles.TypeText(t, xf, export.StageDataSheet, "A1", export.StageFormat+"/9")
	testfiles.TypeText(t, xf, export.StageDataSheet, "B1", "9.0")
	newer := filepath.Join(dir, "新版.xlsx")
	if err := xf.SaveAs(newer); err != nil {
		t.Fatal(err)
	}
	theirs := f.Clone()
	theirs.Dept = "郑州市水利局"
	theirID, err := st.Create(theirs)
	if err != nil {
		t.Fatal(err)
	}
	other := write("水利局.xlsx", func(o *os.File) error { return export.WriteStageXLSX(o, theirs, model.StageMonitor) })
	whole, _ := os.ReadFile(mon)
	damaged := filepath.Join(dir, "损坏.xlsx")
	if err := os.WriteFile(damaged, whole[:len(whole)/2], 0o644); err != nil {
		t.Fatal(err)
	}

	before := formJSON(t, e.Form())
	revs, _ := st.Revisions(id)
	for _, c := range []struct{ path, want string }{
		{evalSheet, "草稿还在“运行监控”阶段；请先切换到“年度自评”再导入"},
		{augSheet, "是截至8月的运行监控表，草稿的运行监控截至6月，未导入"},
		{decl, "“申报表.xlsx”是申报表，不是本程序导出的运行监控表或自评表"},
		{newer, "“新版.xlsx”由更新版本的 jixiao 生成"},
		{other, "与草稿“郑州市生态环境局 2020年度”不符，未导入。草稿没有改动。这份运行监控表（截至6月）属于草稿 “郑州市水利局 2020年度”（编号 " + theirID + "）"},
		{damaged, "“损坏.xlsx”不是有效的 Excel（.xlsx）文件，可能已损坏"},
	} {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			rv := importFromTab(t, ws, c.path)
			shown := strings.ReplaceAll(overlayTexts(ws.win), "\n", "")
			if !strings.Contains(strings.ReplaceAll(rv.failed, "\n", ""), c.want) || !strings.Contains(shown, cjkText(c.want)[:30]) {
				t.Errorf("message %q\nshown %q\nwant %q", rv.failed, shown, c.want)
			}
			if rv.dlg != nil || findButton(ws.win, "导入") != nil {
				t.Error("a report was offered")
			}
			tapButton(t, ws.win, "确定")
		})
	}
	if formJSON(t, e.Form()) != before || ws.undo.CanUndo() || e.Dirty() {
		t.Error("a refused file changed the draft")
	}
	if now, _ := st.Revisions(id); len(now) != len(revs) {
		t.Errorf("revisions %d → %d", len(revs), len(now))
	}
}

// A filled sheet given to the general import (文件 › 导入为新草稿…, the
// drafts screen, a dropped file) makes no new draft: it goes to the open
// draft it belongs to, or offers to open that draft, or says there is none.
func TestGeneralImportOfAFilledSheet(t *testing.T) {
	f := stageForm(t, model.StageEval)
	ws, st, id, path := exportedStageSheet(t, f, "自评表.xlsx")
	e, w := ws.e, ws.win
	_, wk := fakes(t, e)
	s := openSheet(t, path, model.StageEval)
	s.number(export.TaskSheetName, taskKey(f, "办公大楼改造"), "全年执行数", 600, "600")
	s.save(path)
	count := func() int {
		l, err := st.List()
		if err != nil {
			t.Fatal(err)
		}
		return len(l)
	}
	drafts := count()

	// The open draft: its report at once, saying why.
	ws.ImportPath(path)
	wk.Run()
	rv := e.year.imp
	if rv == nil || !strings.Contains(rv.text, "“自评表.xlsx”是本程序导出的自评表（郑州市生态环境局 2020年度），填好后应导回它所属的草稿，不会导入为新草稿。它属于当前打开的草稿") ||
		e.CurrentTab() != TabYear || ws.imp != nil {
		t.Fatalf("open draft: %+v\n%s", rv, overlayTexts(w))
	}
	tapButton(t, w, "取消")
	if count() != drafts {
		t.Errorf("a draft was made: %d → %d", drafts, count())
	}

	// Another draft open: the question names the draft; 打开草稿并导入.
	other := cleanForm()
	other.Dept = "郑州市水利局"
	otherID, _ := st.Create(other)
	drafts++
	if err := ws.OpenDraft(otherID); err != nil {
		t.Fatal(err)
	}
	ws.ShowDrafts()
	ws.ImportPath(path)
	od := ws.stageOwner
	if od == nil || !strings.Contains(od.text, "它属于草稿 “郑州市生态环境局 2020年度”（编号 "+id+"）。要打开这份草稿并导入") {
		t.Fatalf("other draft open: %+v\n%s", od, overlayTexts(w))
	}
	tapButton(t, w, "打开草稿并导入")
	wk.Run()
	if e.ID() != id || e.year.imp == nil || !strings.Contains(e.year.imp.text, "已打开草稿“郑州市生态环境局 2020年度”（编号 "+id+"）。") {
		t.Fatalf("after 打开草稿并导入: draft %s\n%s", e.ID(), overlayTexts(w))
	}
	tapButton(t, w, "导入")
	if v, _ := valueOf(e.Form(), wantName(taskKey(f, "办公大楼改造"), "全年执行数")); v != "600" {
		t.Errorf("imported 全年执行数 %q", v)
	}
	if count() != drafts {
		t.Errorf("a draft was made: %d → %d", drafts, count())
	}

	// No draft of its 部门 and 年度: said so; the one in the 回收站 named.
	gone := stageForm(t, model.StageEval)
	gone.Dept = "已删除的局"
	goneID, _ := st.Create(gone)
	var goneSheet = filepath.Join(t.TempDir(), "已删除.xlsx")
	out, _ := os.Create(goneSheet)
	if err := export.WriteStageXLSX(out, gone, model.StageEval); err != nil {
		t.Fatal(err)
	}
	out.Close()
	if err := st.Delete(goneID); err != nil {
		t.Fatal(err)
	}
	drafts = count()
	ws.ImportPath(goneSheet)
	if !strings.Contains(ws.lastInfo, "草稿中没有“已删除的局 2020年度”的草稿；回收站中有 “已删除的局 2020年度”（编号 "+goneID+"），恢复后再导入") {
		t.Errorf("no owner: %s", ws.lastInfo)
	}
	if count() != drafts {
		t.Errorf("a draft was made: %d → %d", drafts, count())
	}
}
