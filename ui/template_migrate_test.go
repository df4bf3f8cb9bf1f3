package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

// A draft of a bureau's template, version 1, with 其他资金 on two rows;
// version 2 drops that column.
func bureauVersions(t *testing.T) (v1, v2 *model.Template, f *model.Form) {
	v1 = model.BuiltinTemplate(model.NationalTemplateID)
	v1.ID, v1.Name = "xx-bureau", "某市 部门整体绩效目标表"
	v2 = v1.Clone()
	v2.Version = 2
	v2.TaskColumns = []string{model.TaskColTotal, model.TaskColFiscal}
	f = model.New("2022", "某局", newFakeClock().Now())
	model.ApplyTemplate(f, v1)
	f.Goals = []model.Goal{{Text: "完成年度工作。"}}
	f.Units = []model.Unit{{Name: "局机关", Tasks: []model.Task{
		{Content: "运转", Total: model.MustAmount("60"), Fiscal: model.MustAmount("50"), Other: model.MustAmount("10")},
		{Content: "检查", Total: model.MustAmount("40"), Fiscal: model.MustAmount("38"), Other: model.MustAmount("2"), Note: "下半年"},
	}}}
	return v1, v2, f
}

func TestNewerTemplateOfferedOnOpen(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, nil)
	v1, v2, f := bureauVersions(t)
	if err := st.PutTemplate(v1); err != nil {
		t.Fatal(err)
	}
	id, err := st.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	stored, _, _ := st.Templates()
	ws.e.SetTemplates(stored)
	if err := ws.OpenDraft(id); err != nil {
		t.Fatal(err)
	}
	if ws.tplMove != nil || ws.win.Canvas().Overlays().Top() != nil {
		t.Fatal("asked to migrate with no newer version")
	}

	// Version 2 arrives: opening the draft asks, listing the changes.
	if err := st.PutTemplate(v2); err != nil {
		t.Fatal(err)
	}
	stored, _, _ = st.Templates()
	ws.e.SetTemplates(stored)
	if err := ws.OpenDraft(id); err != nil {
		t.Fatal(err)
	}
	if ws.tplMove == nil {
		t.Fatal("no 表样有新版本 dialog")
	}
	text := overlayText(ws.win.Canvas().Overlays().Top())
	for _, s := range []string{"表样有新版本", "这份草稿按第1版填写", "年度主要任务：删去栏目「其他资金」",
		"年度主要任务的「其他资金」栏目新表样没有：2 行已填的其他资金移入该行的「备注」"} {
		if !strings.Contains(text, s) {
			t.Errorf("dialog lacks %q:\n%s", s, text)
		}
	}
	// 暂不迁移: nothing changes, and the next open does not ask again.
	tapButton(t, ws.win, "暂不迁移")
	if d, _ := st.DeclinedTemplate(id); !d.SameVersion(v2.Ref()) {
		t.Errorf("declined %+v", d)
	}
	if g := ws.e.Form(); g.Template.Version != 1 || g.Units[0].Tasks[0].Other.Raw() != "10" {
		t.Fatal("暂不迁移 changed the draft")
	}
	ws.tplMove = nil
	if err := ws.OpenDraft(id); err != nil {
		t.Fatal(err)
	}
	if ws.tplMove != nil {
		t.Fatal("asked again after 暂不迁移")
	}

	// 表样 › 迁移到新版本… still offers it; migrating is one undo step.
	ws.MigrateTemplateDialog()
	if ws.tplMove == nil {
		t.Fatal("the menu entry shows no dialog")
	}
	tapButton(t, ws.win, "迁移到新版本")
	g := ws.e.Form()
	if g.Template != v2.Ref() || g.Options.OtherFunds || g.Units[0].Tasks[1].Note != "下半年；其他资金 2 万元" {
		t.Fatalf("migrated: %+v %+v", g.Template, g.Units[0].Tasks)
	}
	if err := ws.e.Flush(); err != nil {
		t.Fatal(err)
	}
	if saved, _ := st.Load(id); saved.Template != v2.Ref() {
		t.Error("the migrated draft was not saved")
	}
	ws.Undo()
	if g := ws.e.Form(); g.Template.Version != 1 || g.Units[0].Tasks[0].Other.Raw() != "10" || g.Units[0].Tasks[0].Note != "" || !g.Options.OtherFunds {
		t.Fatalf("undo did not put the draft back: %+v %+v", g.Template, g.Units[0].Tasks[0])
	}
	ws.Redo()
	if ws.e.Form().Template.Version != 2 {
		t.Error("redo")
	}
	// Up to date: the menu says so.
	ws.tplMove = nil
	ws.MigrateTemplateDialog()
	if ws.tplMove != nil || !strings.Contains(ws.lastInfo, "已是本机最新的版本") {
		t.Errorf("up to date: %q", ws.lastInfo)
	}
}

// 复制到下一年度 into the 湖北 template: the change list before, the new
// draft in 湖北 with last year's tasks kept.
func TestCarryIntoAnotherTemplate(t *testing.T) {
	ws, st, id := newTestWorkspace(t, model.Sample())
	ws.CarryDialog(id)
	r := ws.carry
	if r.tpl.Selected != "郑州 市级部门整体绩效目标申报表（第1版）" || r.tplList.Text != "表样不变。" {
		t.Fatalf("preselected %q, list %q", r.tpl.Selected, r.tplList.Text)
	}
	r.tpl.SetSelected("湖北 部门整体支出绩效目标申报表（第1版）")
	for _, s := range []string{"删去部分「年度主要任务」", "「年度主要任务」新表样没有：已填的 8 个单位、34 行任务", "“履职效能”10 条"} {
		if !strings.Contains(r.tplList.Text, s) {
			t.Errorf("list lacks %q:\n%s", s, r.tplList.Text)
		}
	}
	if l, _ := st.List(); len(l) != 1 {
		t.Fatal("a draft was made before confirmation")
	}
	tapButton(t, ws.win, "创建新草稿")
	nf, err := st.Load(r.created)
	if err != nil {
		t.Fatal(err)
	}
	if nf.Template.ID != model.HubeiTemplateID || nf.Year != "2021" || nf.TaskCount() != 34 || nf.Funds == nil || nf.Meta.OriginDraft != id {
		t.Errorf("new draft: %+v %s %d", nf.Template, nf.Year, nf.TaskCount())
	}
	if ws.e.Template().ID != model.HubeiTemplateID {
		t.Error("the editor does not show the 湖北 template")
	}
}
