package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// TestFundsYearsEditor: the 湖北 template's 近两年收支金额 columns are on
// the 基本信息 tab under the template's headers; typing reaches the model
// (raw text kept), the checks follow, and a finding focuses its entry.
func TestFundsYearsEditor(t *testing.T) {
	f := model.TemplateExample(model.BuiltinTemplate(model.HubeiTemplateID))
	ws, _, _ := newTestWorkspace(t, f)
	e := ws.e
	e.SelectTab(TabBasic)
	p := e.basic.tpl
	if len(p.years) != 2 || p.years[0].YearLabel(f.Year) != "上年金额" || p.years[1].YearLabel(f.Year) != "前年金额" {
		t.Fatalf("year columns %+v", p.years)
	}
	var headers []string
	walk(p.box, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			headers = append(headers, l.Text)
		}
	})
	for _, want := range []string{"上年金额", "前年金额"} {
		if !slices.Contains(headers, want) {
			t.Errorf("no header %q in %q", want, headers)
		}
	}
	proj := p.rows[model.FundsExpense][1]
	if len(proj.years) != 2 || proj.years[0].Text != "200.4" || proj.years[1].Text != "200" {
		t.Fatalf("项目支出 years %v", proj.years)
	}
	if e.ErrorCount() != 0 {
		t.Fatalf("example errors: %v", e.Findings())
	}
	proj.years[1].SetText("2005")
	if got := e.Form().Funds.Expense[1].Years[1]; got.Raw() != "2005" {
		t.Fatalf("model 前年 %q", got.Raw())
	}
	var loc *model.Location
	for _, fd := range e.Findings() {
		if fd.Severity == model.SevError && fd.Loc.Field == model.FieldFundYear2 {
			loc = &fd.Loc
		}
	}
	if loc == nil {
		t.Fatalf("no 前年金额 finding: %v", e.Findings())
	}
	e.SelectTab(TabChecks)
	if !e.Focus(*loc) || ws.win.Canvas().Focused() != p.ytotals[model.FundsExpense][1] {
		t.Errorf("focus of %s did not reach the 前年金额 合计", loc.Describe(e.Form()))
	}
	// emptying the typed 合计 shows the sum as the placeholder
	p.ytotals[model.FundsExpense][1].SetText("")
	if got := p.ytotals[model.FundsExpense][1].PlaceHolder; got != "各项之和 2655" {
		t.Errorf("placeholder %q", got)
	}
}
