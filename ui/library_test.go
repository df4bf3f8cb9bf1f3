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
	"jixiao/model/library"
	"jixiao/store"
)

// openPicker opens the 指标库 dialog on the 绩效指标 tab.
func openPicker(t *testing.T, e *Editor) *libraryPicker {
	t.Helper()
	e.SelectTab(TabIndicators)
	e.inds.showLibrary()
	p := e.inds.picker
	if p == nil {
		t.Fatal("no picker")
	}
	return p
}

// hitNames are the names of the hits shown, best first.
func hitNames(p *libraryPicker) []string {
	var out []string
	for _, i := range p.hits {
		out = append(out, p.lib[i].Source+"/"+p.lib[i].Indicator.Name())
	}
	return out
}

func TestLibraryPickerSearchAsYouType(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	p := openPicker(t, e)
	if w.Canvas().Focused() != p.search {
		t.Error("the search field does not have the focus")
	}
	// The sample's 表样 (郑州) is offered its own framework's entries; the
	// others (53号 投入, 产出/效益 …) on request (model/library/template_test.go).
	off := library.ForTemplate(library.Builtin(), e.Template())
	if len(p.hits) != len(off.Entries) {
		t.Errorf("empty search shows %d of %d offered", len(p.hits), len(off.Entries))
	}
	p.showAll.SetChecked(true)
	all := len(p.hits)
	if all != len(off.Entries)+len(off.Others) {
		t.Errorf("with the others: %d of %d", all, len(off.Entries)+len(off.Others))
	}
	// Typing narrows with every keystroke; pinyin initials find 预算执行率.
	test.Type(p.search, "ysz")
	if len(p.hits) == 0 || len(p.hits) >= all {
		t.Errorf("after ysz: %d hits", len(p.hits))
	}
	test.Type(p.search, "xl")
	if got := hitNames(p); len(got) == 0 || got[0] != library.SourceSeed+"/预算执行率" {
		t.Fatalf("yszxl: %v", got)
	}
	// The first hit is previewed whole: formula with its inputs, source.
	text := previewText(p)
	for _, want := range []string{"预算执行率", "≥98%", "计算公式：预算执行率 =（预算执行数 ÷ 预算数）× 100%", "需要填写：预算执行数、预算数", "来源：" + library.SourceSeed, "（表中已有）"} {
		if want == "（表中已有）" {
			if !strings.Contains(p.rowTitle(p.hits[0]), want) {
				t.Errorf("row %q does not say it is in the form", p.rowTitle(p.hits[0]))
			}
			continue
		}
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
	// A Chinese word of an explanation; nothing found says what to do.
	p.search.SetText("人员成本")
	if got := hitNames(p); !slices.Contains(got, library.SourceDept53+"/在职人员控制率") {
		t.Errorf("人员成本: %v", got)
	}
	p.search.SetText("没有这种指标")
	if len(p.hits) != 0 || !strings.Contains(p.status.Text, "没有找到相符的指标") {
		t.Errorf("no hits: %d, status %q", len(p.hits), p.status.Text)
	}
	if !strings.Contains(previewText(p), "在左边点一条指标") {
		t.Errorf("empty preview: %s", previewText(p))
	}
}

func previewText(p *libraryPicker) string {
	var b strings.Builder
	for _, o := range p.preview.Objects {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestLibraryPickerFilters(t *testing.T) {
	e, _ := newTestEditor(t, model.Sample(), &memSaver{})
	p := openPicker(t, e)
	p.showAll.SetChecked(true) // the 53号 entries are outside the 郑州 framework
	if p.source.Selected != allSources || !slices.Contains(p.source.Options, library.SourceProj53) {
		t.Fatalf("sources %q %v", p.source.Selected, p.source.Options)
	}
	p.source.SetSelected(library.SourceDept53)
	for _, i := range p.hits {
		if p.lib[i].Source != library.SourceDept53 {
			t.Errorf("source filter shows %s", p.lib[i].Source)
		}
	}
	// 一级 offers only the source's; 二级 only the 一级's.
	if !slices.Equal(p.l1.Options, []string{allLevel1, "投入"}) {
		t.Errorf("一级 options %v", p.l1.Options)
	}
	p.l1.SetSelected("投入")
	if !slices.Equal(p.l2.Options, []string{allLevel2, "目标设定", "预算配置"}) {
		t.Errorf("二级 options %v", p.l2.Options)
	}
	p.l2.SetSelected("预算配置")
	if got := hitNames(p); len(got) != 3 {
		t.Errorf("投入/预算配置: %v", got)
	}
	test.Type(p.search, "zdzc")
	if got := hitNames(p); !slices.Equal(got, []string{library.SourceDept53 + "/重点支出安排率"}) {
		t.Errorf("zdzc: %v", got)
	}
	// Back to all sources: 一级 choice kept when still offered.
	p.source.SetSelected(allSources)
	if p.l1.Selected != "投入" || len(p.l1.Options) < 5 {
		t.Errorf("一级 %q of %v", p.l1.Selected, p.l1.Options)
	}
}

// Several entries are added at once, each into its 一级/二级 group.
func TestLibraryPickerAddsSeveral(t *testing.T) {
	f := model.Sample()
	e, w := newTestEditor(t, f, &memSaver{})
	n := len(e.Form().Indicators)
	p := openPicker(t, e)
	p.showAll.SetChecked(true) // 投入 and 产出指标 are outside the 郑州 framework
	if !p.add.Disabled() {
		t.Error("添加 enabled with nothing checked")
	}
	pickNamed := func(source, name string) {
		t.Helper()
		p.search.SetText(name)
		for _, i := range p.hits {
			if p.lib[i].Source == source && p.lib[i].Indicator.Name() == name {
				// Tap the row's check box as the clerk does.
				o := p.list.CreateItem()
				id := slices.Index(p.hits, i)
				p.list.UpdateItem(id, o)
				ck := findCheck(o)
				test.Tap(ck)
				if !p.picked[i] {
					t.Fatalf("%s not picked by its check box", name)
				}
				return
			}
		}
		t.Fatalf("%s/%s not found: %v", source, name, hitNames(p))
	}
	pickNamed(library.SourceCommon, "资产闲置率")   // 管理效率/资产管理: after 部门固定资产利用率
	pickNamed(library.SourceDept53, "重点支出安排率") // 投入/预算配置: a new 一级, at the end
	pickNamed("会议培训类共性指标示例", "培训班次（会议次数）")     // 产出指标/数量指标: new, at the end
	if p.add.Text != "添加选中的 3 条" || p.add.Disabled() {
		t.Errorf("button %q disabled=%v", p.add.Text, p.add.Disabled())
	}
	test.Tap(p.add)
	got := e.Form().Indicators
	if len(got) != n+3 {
		t.Fatalf("%d rows, want %d", len(got), n+3)
	}
	at := func(name string) int {
		for i, in := range got {
			if in.Name() == name {
				return i
			}
		}
		return -1
	}
	if a, b := at("资产闲置率"), at("部门固定资产利用率"); a != b+1 || got[a].Level2 != "资产管理" {
		t.Errorf("资产闲置率 at %d, 部门固定资产利用率 at %d", a, b)
	}
	if a := at("重点支出安排率"); a < n || got[a].Level1 != "投入" || got[a].Formula != "重点支出安排率" || got[a].Unit != "%" {
		t.Errorf("重点支出安排率 at %d: %+v", a, got[a])
	}
	if a := at("培训班次（会议次数）"); a < n || got[a].Unit != "次" {
		t.Errorf("培训班次 at %d", a)
	}
	// The dialog closed; the first added row's 指标值 has the focus.
	if fe := focused(t, w); fe != e.inds.rows[at("资产闲置率")].value {
		t.Errorf("focus on %q", fe.Text)
	}
	// The rate's inputs are there to fill in.
	if r := e.inds.rows[at("重点支出安排率")]; r.inputs["重点项目支出"] == nil || r.inputs["项目总支出"] == nil {
		t.Errorf("重点支出安排率 inputs %v", r.inputs)
	}
}

// findCheck returns the check box of a hit row.
func findCheck(o fyne.CanvasObject) *widget.Check {
	switch v := o.(type) {
	case *widget.Check:
		return v
	case *fyne.Container:
		for _, c := range v.Objects {
			if ck := findCheck(c); ck != nil {
				return ck
			}
		}
	}
	return nil
}

// 我的指标 and imported files in the picker, from a real drafts file.
func TestLibraryPickerMineAndImport(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "drafts.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	old := model.Sample()
	old.Year = "2019"
	for i := range old.Indicators {
		if old.Indicators[i].Name() == "预算执行率" {
			old.Indicators[i].Value = "≥90%"
		}
	}
	old.Indicators = append(old.Indicators, model.Indicator{Level1: "产出指标", Level2: "数量指标", Level3: "环境执法检查次数", Value: "≥1200次"})
	if _, err := st.Create(old); err != nil {
		t.Fatal(err)
	}
	e, _ := newTestEditor(t, model.Sample(), st)
	NewWorkspace(e, st)
	p := openPicker(t, e)
	if p.hits == nil || p.lib[p.hits[0]].Source != library.SourceMine {
		t.Fatalf("我的指标 not first: %v", hitNames(p)[:3])
	}
	p.showAll.SetChecked(true) // 环境执法检查次数 is 产出指标, outside the 郑州 framework
	test.Type(p.search, "环境执法")
	if got := hitNames(p); !slices.Equal(got, []string{library.SourceMine + "/环境执法检查次数"}) {
		t.Fatalf("环境执法: %v", got)
	}
	p.search.SetText("")
	test.Type(p.search, "yszxl")
	text := previewText(p)
	if !strings.Contains(text, "2019年度用过：≥90%（郑州市生态环境局") {
		t.Errorf("预算执行率 preview lacks the 2019 value:\n%s", text)
	}
	if strings.Contains(text, "，草稿 ") {
		t.Errorf("the preview shows a draft's id, which means nothing to a clerk:\n%s", text)
	}
	// Import a bureau's file: its own source, selected.
	file := filepath.Join(dir, "局.json")
	if err := os.WriteFile(file, []byte(`{"format": "jixiao-library", "version": 1, "name": "某某局常用指标",
 "entries": [{"level1": "产出指标", "level2": "质量指标", "level3": "执法文书合格率", "value": "≥95%", "unit": "%"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	p.importPath(file)
	if p.source.Selected != "某某局常用指标" || !strings.Contains(p.status.Text, "已导入指标库“某某局常用指标”：1 条") {
		t.Errorf("after import: source %q, status %q", p.source.Selected, p.status.Text)
	}
	p.search.SetText("")
	if got := hitNames(p); !slices.Equal(got, []string{"某某局常用指标/执法文书合格率"}) {
		t.Errorf("imported: %v", got)
	}
	// A damaged file is refused with its message; nothing changes.
	bad := filepath.Join(dir, "坏.json")
	if err := os.WriteFile(bad, []byte(`{"format": "jixiao-library", "entries": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	before := len(p.lib)
	p.importPath(bad)
	if len(p.lib) != before {
		t.Errorf("a refused file changed the library")
	}
}

// The picker fits a 1024×768 screen (a window of 1000×700 canvas).
func TestLibraryPickerFitsSmallScreens(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	w.Resize(fyne.NewSize(1000, 700))
	p := openPicker(t, e)
	p.showAll.SetChecked(true)
	test.Type(p.search, "绩效")
	p.source.SetSelected(library.SourceKinds)

	if min := p.body.MinSize(); min.Width > 900 || min.Height > 600 {
		t.Errorf("picker needs %v, more than a 1000×700 window gives", min)
	}
}
