package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

func TestNewDraftAsksForTemplate(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, nil)
	if err := st.SetLastTemplate(model.HubeiTemplateID); err != nil {
		t.Fatal(err)
	}
	ws.NewDraftDialog()
	top := ws.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var entries []*widget.Entry
	var sel *widget.Select
	walk(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			entries = append(entries, x)
		case *escEntry:
			entries = append(entries, &x.Entry)
		case *widget.Select:
			sel = x
		}
	})
	if sel == nil || len(entries) != 2 {
		t.Fatalf("dialog: select %v, %d entries", sel, len(entries))
	}
	if sel.Selected != "湖北 部门整体支出绩效目标申报表" {
		t.Fatalf("preselected %q, want the last used (湖北)", sel.Selected)
	}
	if len(sel.Options) != 4 {
		t.Errorf("options %q", sel.Options)
	}
	sel.SetSelected("湖南 整体绩效目标表")
	entries[1].SetText("岳阳楼区某中心")
	tapButton(t, ws.win, "新建")
	f := ws.e.Form()
	if f == nil || f.Template.ID != model.HunanTemplateID || f.Dept != "岳阳楼区某中心" || len(f.Units) != 0 || !f.Options.Scoring || !f.Options.Unit {
		t.Fatalf("new draft %+v", f)
	}
	if last, _ := st.LastTemplate(); last != model.HunanTemplateID {
		t.Errorf("last template %q", last)
	}
	// The 基本信息 tab shows the template's 部门(单位)职责; typing goes to the model.
	ws.e.SelectTab(TabBasic)
	p := ws.e.basic.tpl
	if p.duties == nil || p.rows[0] != nil {
		t.Fatalf("湖南 panel: duties %v, funds rows %d", p.duties, len(p.rows[0]))
	}
	test.Type(p.duties, "负责价格认定工作")
	if ws.e.Form().Duties != "负责价格认定工作" {
		t.Errorf("duties %q", ws.e.Form().Duties)
	}
	if !strings.Contains(p.name.Text, "湖南 整体绩效目标表（第1版）") {
		t.Errorf("template label %q", p.name.Text)
	}
}

func TestFundsLiveTotalsAndShares(t *testing.T) {
	f := model.TemplateExample(model.BuiltinTemplate(model.HubeiTemplateID))
	ws, _, _ := newTestWorkspace(t, f)
	e := ws.e
	e.SelectTab(TabBasic)
	p := e.basic.tpl
	if len(p.rows[model.FundsIncome]) != 2 || len(p.rows[model.FundsExpense]) != 2 {
		t.Fatalf("rows %d %d", len(p.rows[0]), len(p.rows[1]))
	}
	proj := p.rows[model.FundsExpense][1]
	if proj.name.Text != "项目支出" || proj.amount.Text != "243.96" || proj.share.Text != "25.2%" || proj.calc.Text != "25.2%" {
		t.Fatalf("项目支出 row: %q %q %q %q", proj.name.Text, proj.amount.Text, proj.share.Text, proj.calc.Text)
	}
	if got := p.sums[model.FundsExpense].Text; got != "各项之和 968.1918" {
		t.Errorf("sum %q", got)
	}
	if !strings.Contains(p.balance.Text, "收支平衡") {
		t.Errorf("balance %q", p.balance.Text)
	}
	if e.ErrorCount() != 0 {
		t.Fatalf("example has %d errors: %v", e.ErrorCount(), e.Findings())
	}
	if got := totalsText(e.Form(), nil, e.Totals()); got != "收入合计 968.1918 万元　支出合计 968.1918 万元" {
		t.Errorf("status bar totals %q", got)
	}
	// Mistype 项目支出: the sum, the computed 占比 and the checks follow at once.
	proj.amount.SetText("234.96")
	if a := e.Form().Funds.Expense[1].Amount; a.Raw() != "234.96" || !a.Valid() {
		t.Fatalf("model amount %+v", a)
	}
	if got := p.sums[model.FundsExpense].Text; got != "各项之和 959.1918（与合计不符）" {
		t.Errorf("sum %q", got)
	}
	if got := proj.calc.Text; got != "24.3%（与填写的不符）" {
		t.Errorf("computed share %q", got)
	}
	var funds []model.Finding
	for _, fd := range e.Findings() {
		if fd.Loc.Part == model.PartFunds && fd.Severity == model.SevError {
			funds = append(funds, fd)
		}
	}
	if len(funds) != 2 {
		t.Fatalf("funds errors %v", funds)
	}
	// A finding jumps to its cell.
	e.SelectTab(TabChecks)
	if !e.Focus(funds[1].Loc) || ws.win.Canvas().Focused() != proj.share {
		t.Errorf("focus of %s did not reach the 占比 entry", funds[1].Loc.Describe(e.Form()))
	}
	// Emptying the typed 合计 shows the sum as the total: shares follow.
	p.totals[model.FundsExpense].SetText("")
	if got := proj.calc.Text; got != "24.5%（与填写的不符）" {
		t.Errorf("share against the sum %q", got)
	}
	if !strings.Contains(p.balance.Text, "两者不相等") {
		t.Errorf("balance %q", p.balance.Text)
	}
}

func TestImportTemplateFileGUI(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, nil)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"format":"jixiao-form","version":1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ws.ImportTemplateFile(bad); err == nil || !strings.Contains(err.Error(), "不是 jixiao 表样文件") {
		t.Fatalf("bad file: %v", err)
	}
	tp := model.BuiltinTemplate(model.HubeiTemplateID)
	tp.ID, tp.Name, tp.Version = "bureau", "某市表样", 3
	b, err := model.MarshalTemplate(tp)
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.json")
	if err := os.WriteFile(good, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ws.ImportTemplateFile(good); err != nil {
		t.Fatal(err)
	}
	sel, chosen := ws.templateChoice()
	if n := len(sel.Options); n != 5 || sel.Options[4] != "某市表样（第3版）" {
		t.Fatalf("options %q", sel.Options)
	}
	sel.SetSelectedIndex(4)
	ws.newBlank("2023", "某局", chosen())
	f := ws.e.Form()
	if !f.Template.SameVersion(model.TemplateRef{ID: "bureau", Version: 3}) || f.Funds == nil || len(f.Funds.Expense) != 2 {
		t.Fatalf("draft of the imported template %+v", f)
	}
	if ws.e.Template().Name != "某市表样" {
		t.Errorf("editor's template %q", ws.e.Template().Name)
	}
}

func TestNatureDirectionSelectors(t *testing.T) {
	f := model.TemplateExample(model.BuiltinTemplate(model.NationalTemplateID))
	ws, _, _ := newTestWorkspace(t, f)
	e := ws.e
	e.SelectTab(TabIndicators)
	var sels []*widget.Select
	walk(e.inds.vbox, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && (s.PlaceHolder == "指标性质" || s.PlaceHolder == "指标方向性") {
			sels = append(sels, s)
		}
	})
	if len(sels) != 2*len(f.Indicators) {
		t.Fatalf("%d selectors for %d rows", len(sels), len(f.Indicators))
	}
	if sels[0].Selected != "≥" || sels[1].Selected != "正向" {
		t.Fatalf("row 1 shows %q %q", sels[0].Selected, sels[1].Selected)
	}
	sels[2].SetSelected("定性")
	sels[3].SetSelected("反向")
	if in := e.Form().Indicators[1]; in.Nature != "定性" || in.Direction != "反向" {
		t.Errorf("model %q %q", in.Nature, in.Direction)
	}
}

// A one-sided 部门总体资金情况 (资金总额 with 其中 rows, county-from-docs):
// the panel shows one side under the template's names, no 收支平衡 verdict
// the template does not ask for, and the status bar its 资金总额; the 年度
// field carries the template's label (预算年度).
func TestOneSidedFundsInTheEditor(t *testing.T) {
	b, err := os.ReadFile("../cmd/jixiao/cli/testdata/templates/county-from-docs.json")
	if err != nil {
		t.Fatal(err)
	}
	tp, err := model.ParseTemplate(b)
	if err != nil {
		t.Fatal(err)
	}
	f := model.TemplateExample(tp)
	e, _ := newTestEditor(t, f, &memSaver{})
	e.SetTemplates([]*model.Template{tp})
	e.SelectTab(TabBasic)
	p := e.basic.tpl
	if len(p.rows[model.FundsIncome]) != 2 || len(p.rows[model.FundsExpense]) != 0 || p.totals[model.FundsExpense] != nil {
		t.Fatalf("rows %d %d", len(p.rows[0]), len(p.rows[1]))
	}
	if p.balance.Text != "资金总额 968.1918 万元。" {
		t.Errorf("balance line %q", p.balance.Text)
	}
	if got := totalsText(e.Form(), e.Template(), e.Totals()); got != "资金总额 968.1918 万元" {
		t.Errorf("status bar totals %q", got)
	}
	if e.basic.form.Items[0].Text != "预算年度" || e.basic.form.Items[1].Text != "单位名称" {
		t.Errorf("labels %q %q", e.basic.form.Items[0].Text, e.basic.form.Items[1].Text)
	}
	if e.ErrorCount() != 0 {
		t.Errorf("the example has %d errors: %v", e.ErrorCount(), e.Findings()[0])
	}
}

// 表样 › 导入表样文件 with a file that has several problems stores
// nothing and says every problem with its line, as template check does.
func TestImportTemplateFileListsEveryProblem(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, nil)
	err := ws.ImportTemplateFile("../docs/templates/broken/many-problems.json")
	if err == nil {
		t.Fatal("accepted")
	}
	msg := errMessage(err)
	for _, want := range []string{"表样有 7 个问题，未导入", "第 17 行 basic 第6项 › label", "第 37 行 indicatorColumns 第10项 › label：缺少栏目的标题"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if ts, _, _ := st.Templates(); len(ts) != 0 {
		t.Errorf("stored %d templates", len(ts))
	}
}

// The status bar shows no task 合计 for a 表样 with neither a task table
// nor 部门总体资金情况 (湖南).
func TestStatusBarWithoutAmounts(t *testing.T) {
	hunan := model.BuiltinTemplate(model.HunanTemplateID)
	e, _ := newTestEditor(t, model.TemplateExample(hunan), &memSaver{})
	if got := totalsText(e.Form(), e.Template(), e.Totals()); got != "" {
		t.Errorf("status bar totals %q", got)
	}
	if got := totalsText(model.Sample(), nil, model.ComputeTotals(model.Sample())); !strings.HasPrefix(got, "合计 7,898.5676 万元") {
		t.Errorf("郑州: %q", got)
	}
}

// A revised 表样 file that kept its version number: 导入表样文件… does not
// take it silently, asks, and 作为第N版导入 keeps both versions; 取消
// stores nothing.
func TestImportTemplateFileAsNewVersion(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, nil)
	w := ws.win
	dir := t.TempDir()
	write := func(name string, tp *model.Template) string {
		b, err := model.MarshalTemplate(tp)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tp := model.BuiltinTemplate(model.HubeiTemplateID)
	tp.ID, tp.Name, tp.Version = "bureau", "某市表样", 3
	ws.importTemplateAt(write("v3.json", tp))
	tapButton(t, w, "确定") // 表样已导入
	tp.Name = "某市表样（修订）"
	revised := write("revised.json", tp)
	versions := func() (vs []int) {
		ts, _, err := st.Templates()
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range ts {
			if o.ID == "bureau" {
				vs = append(vs, o.Version)
			}
		}
		return vs
	}

	ws.importTemplateAt(revised)
	if !strings.Contains(ws.lastInfo, "本机已有表样“bureau”（某市表样）第3版，内容与这个文件不同") || findButton(w, "作为第4版导入") == nil {
		t.Fatalf("question: %q\n%s", ws.lastInfo, overlayTexts(w))
	}
	tapButton(t, w, "取消")
	if vs := versions(); len(vs) != 1 || vs[0] != 3 {
		t.Fatalf("取消 stored versions %v", vs)
	}

	ws.importTemplateAt(revised)
	tapButton(t, w, "作为第4版导入")
	if vs := versions(); len(vs) != 2 || vs[0] != 3 || vs[1] != 4 {
		t.Fatalf("versions after 作为第4版导入: %v", vs)
	}
	if !strings.Contains(ws.lastInfo, "已导入表样“某市表样（修订）”第4版") {
		t.Errorf("said %q", ws.lastInfo)
	}
	sel, _ := ws.templateChoice()
	if !slices.Contains(sel.Options, "某市表样（修订）（第4版）") {
		t.Errorf("新建 offers %q", sel.Options)
	}
}
