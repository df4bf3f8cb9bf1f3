package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
	"jixiao/model/library"
	"jixiao/store"
)

// LibrarySource gives the picker its library: the entries (我的指标, the
// built-in library, imported files) and problems to mention (unreadable
// library files or drafts), in plain Chinese.
type LibrarySource func() (entries []library.Entry, problems []string)

// storeLibrary is the library of drafts file st: 我的指标 from its drafts
// and the library files imported beside it.
func storeLibrary(st *store.Store) LibrarySource {
	return func() ([]library.Entry, []string) {
		lib, problems, skipped, err := store.FullLibrary(st, st.Path())
		var msgs []string
		if err != nil {
			msgs = append(msgs, "“我的指标”未能读取："+errMessage(err))
			lib, problems, _, _ = store.FullLibrary(nil, st.Path())
		}
		for _, p := range problems {
			msgs = append(msgs, fmt.Sprintf("指标库文件“%s”无法读取，已跳过：%v", filepath.Base(p.File), p.Err))
		}
		if skipped > 0 {
			msgs = append(msgs, fmt.Sprintf("有 %d 份草稿无法读取，其中的指标没有列入“我的指标”。", skipped))
		}
		return lib, msgs
	}
}

// Labels of the filters' "no filter" choice.
const (
	allSources = "全部来源"
	allLevel1  = "全部一级指标"
	allLevel2  = "全部二级指标"
)

// libraryPicker is the 指标库 dialog: a search-as-you-type field, filters
// by source and 一级/二级, the hits with a check box each, a preview of the
// whole entry, and 添加 for the checked ones.
type libraryPicker struct {
	v        *indicatorsView
	lib      []library.Entry // what is listed: the offer (and the others when asked)
	offer    library.Offer   // the library as the draft's 表样 sees it (library.ForTemplate)
	showAll  *widget.Check   // also list the entries outside the 表样's 指标体系
	x        *library.Index
	problems []string
	hits     []int        // positions in lib, best first
	picked   map[int]bool // positions in lib
	shown    int          // position in lib of the previewed entry, -1 none
	have     map[string]bool

	search          *escEntry
	source, l1, l2  *widget.Select
	list            *widget.List
	preview         *fyne.Container
	previewScroll   *container.Scroll
	status          *widget.Label
	add             *widget.Button
	dlg             *dialog.CustomDialog
	body            *fyne.Container
	importLibraryFn func(path string) (library.File, error)
}

// showLibrary opens the 指标库 picker.
func (v *indicatorsView) showLibrary() {
	p := newLibraryPicker(v)
	v.picker = p
	p.dlg.Show()
	v.e.win.Canvas().Focus(p.search)
}

func (v *indicatorsView) libraryEntries() ([]library.Entry, []string) {
	if v.e.library != nil {
		return v.e.library()
	}
	return library.Builtin(), nil
}

func newLibraryPicker(v *indicatorsView) *libraryPicker {
	e := v.e
	p := &libraryPicker{v: v, picked: map[int]bool{}, shown: -1, have: map[string]bool{}}
	p.showAll = widget.NewCheck("", func(bool) { p.relist() })
	p.load()
	for _, in := range e.form.Indicators {
		p.have[haveKey(in)] = true
	}
	if st := e.libraryStore; st != nil {
		p.importLibraryFn = func(path string) (library.File, error) { return store.ImportLibrary(st.Path(), path) }
	}

	p.search = newEscEntry()
	p.search.SetPlaceHolder("输入名称、解释或公式中的字词，或拼音首字母（如 yszxl 查 预算执行率）")
	p.search.OnChanged = func(string) { p.refresh() }
	p.source = widget.NewSelect(nil, func(string) { p.fillLevels(); p.refresh() })
	p.l1 = widget.NewSelect(nil, func(string) { p.fillLevel2(); p.refresh() })
	p.l2 = widget.NewSelect(nil, func(string) { p.refresh() })
	p.fillSources()

	p.list = widget.NewList(func() int { return len(p.hits) },
		func() fyne.CanvasObject {
			name := cell("")
			name.TextStyle.Bold = true
			return container.NewBorder(nil, nil, widget.NewCheck("", nil), nil,
				container.NewVBox(name, small("")))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(p.hits) {
				return
			}
			i := p.hits[id]
			c := o.(*fyne.Container)
			box := c.Objects[0].(*fyne.Container)
			ck := c.Objects[1].(*widget.Check)
			box.Objects[0].(*widget.Label).SetText(p.rowTitle(i))
			box.Objects[1].(*widget.Label).SetText(p.rowDetail(i))
			ck.OnChanged = nil
			ck.SetChecked(p.picked[i])
			ck.OnChanged = func(b bool) { p.pick(i, b) }
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		if id < len(p.hits) {
			p.showEntry(p.hits[id])
		}
	}
	p.preview = container.NewVBox()
	p.previewScroll = container.NewVScroll(p.preview)
	p.status = small("")
	p.add = widget.NewButtonWithIcon("添加选中的指标", theme.ContentAddIcon(), p.addPicked)
	p.add.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { p.dlg.Hide() })
	var imp *widget.Button
	if p.importLibraryFn != nil {
		imp = widget.NewButtonWithIcon("导入指标库文件…", theme.FolderOpenIcon(), p.importDialog)
	}
	p.setShowAllText()

	// The source takes its own width; 一级 and 二级 share the rest, so the
	// dialog fits a 1024-pixel screen with the longest source names.
	filters := container.NewBorder(nil, nil, p.source, nil, container.NewGridWithColumns(2, p.l1, p.l2))
	top := container.NewVBox(p.search, filters, p.showAll)
	split := container.NewHSplit(p.list, p.previewScroll)
	split.Offset = 0.5
	buttons := container.NewHBox(cancel, p.add)
	left := container.NewHBox()
	if imp != nil {
		left.Add(imp)
	}
	bottom := container.NewBorder(nil, nil, left, buttons, p.status)
	p.body = container.NewBorder(top, bottom, nil, nil, split)
	p.dlg = dialog.NewCustomWithoutButtons("指标库", p.body, e.win)
	p.dlg.Resize(dialogSize(e.win, 1100, 720))
	p.refresh()
	if len(p.problems) > 0 {
		p.status.SetText(strings.Join(p.problems, "；"))
	}
	return p
}

// load reads the library and arranges it for the draft's 表样: the
// template's own entries first, then those re-filed under its 一级/二级, no
// placeholder, each once (library.ForTemplate).
func (p *libraryPicker) load() {
	var lib []library.Entry
	lib, p.problems = p.v.libraryEntries()
	p.offer = library.ForTemplate(lib, p.v.e.Template())
	p.list2lib()
}

// list2lib makes the listed entries: the offer, and the others after it
// when the clerk asks for them.
func (p *libraryPicker) list2lib() {
	p.lib = p.offer.Entries
	if p.showAll.Checked {
		p.lib = append(append([]library.Entry(nil), p.offer.Entries...), p.offer.Others...)
	}
	p.x = library.NewIndex(p.lib)
}

// relist follows the 也列出 check box.
func (p *libraryPicker) relist() {
	if p.list == nil {
		return
	}
	p.list2lib()
	p.picked = map[int]bool{}
	p.fillSources()
	p.refresh()
}

func (p *libraryPicker) setShowAllText() {
	t := p.v.e.Template()
	p.showAll.SetText(fmt.Sprintf("也列出不属于表样“%s”指标体系的 %d 条（添加后审核会提示“不在表样的指标体系中”）", t.Name, len(p.offer.Others)))
	if len(p.offer.Others) == 0 {
		p.showAll.Hide()
	} else {
		p.showAll.Show()
	}
}

// haveKey identifies an indicator of the form for “表中已有”.
func haveKey(in model.Indicator) string {
	return in.Level1 + "\x00" + in.Level2 + "\x00" + in.Name()
}

func (p *libraryPicker) fillSources() {
	opts := append([]string{allSources}, library.Sources(p.lib)...)
	p.source.Options = opts
	sel := allSources
	// A template that names its 指标库 subset starts filtered to it.
	if t := model.TemplateOf(p.v.e.form, nil); t != nil && t.Library != "" && slices.Contains(opts, t.Library) {
		sel = t.Library
	}
	p.source.Selected = sel
	p.source.Refresh()
	p.fillLevels()
}

// fillLevels offers the 一级指标 of the chosen source.
func (p *libraryPicker) fillLevels() {
	src := p.filterValue(p.source, allSources)
	var l1 []string
	for _, e := range p.lib {
		if (src == "" || e.Source == src) && !slices.Contains(l1, e.Indicator.Level1) {
			l1 = append(l1, e.Indicator.Level1)
		}
	}
	p.l1.Options = append([]string{allLevel1}, l1...)
	if !slices.Contains(p.l1.Options, p.l1.Selected) {
		p.l1.Selected = allLevel1
	}
	p.l1.Refresh()
	p.fillLevel2()
}

// fillLevel2 offers the 二级指标 under the chosen source and 一级.
func (p *libraryPicker) fillLevel2() {
	src := p.filterValue(p.source, allSources)
	l1 := p.filterValue(p.l1, allLevel1)
	var l2 []string
	for _, e := range p.lib {
		in := e.Indicator
		if (src == "" || e.Source == src) && (l1 == "" || in.Level1 == l1) && !slices.Contains(l2, in.Level2) {
			l2 = append(l2, in.Level2)
		}
	}
	p.l2.Options = append([]string{allLevel2}, l2...)
	if !slices.Contains(p.l2.Options, p.l2.Selected) {
		p.l2.Selected = allLevel2
	}
	p.l2.Refresh()
}

func (p *libraryPicker) filterValue(s *widget.Select, all string) string {
	if s.Selected == all {
		return ""
	}
	return s.Selected
}

func (p *libraryPicker) query() library.Query {
	return library.Query{Text: p.search.Text, Source: p.filterValue(p.source, allSources),
		Level1: p.filterValue(p.l1, allLevel1), Level2: p.filterValue(p.l2, allLevel2)}
}

// refresh runs the search again and shows the hits; the first one is
// previewed.
func (p *libraryPicker) refresh() {
	if p.list == nil {
		return
	}
	p.hits = p.x.Search(p.query())
	p.list.UnselectAll()
	p.list.Refresh()
	p.list.ScrollToTop()
	if len(p.hits) > 0 {
		p.showEntry(p.hits[0])
	} else {
		p.showEntry(-1)
	}
	p.updateStatus()
}

func (p *libraryPicker) updateStatus() {
	n := len(p.picked)
	msg := fmt.Sprintf("找到 %d 条，已选 %d 条", len(p.hits), n)
	if len(p.hits) == 0 {
		msg = "没有找到相符的指标：可以少写几个字，换个说法，或改用拼音首字母；也请看看上面的来源和一级、二级是否选窄了。"
	}
	p.status.SetText(msg)
	if n == 0 {
		p.add.SetText("添加选中的指标")
		p.add.Disable()
	} else {
		p.add.SetText(fmt.Sprintf("添加选中的 %d 条", n))
		p.add.Enable()
	}
}

func (p *libraryPicker) pick(i int, on bool) {
	if on {
		p.picked[i] = true
	} else {
		delete(p.picked, i)
	}
	p.updateStatus()
}

// rowTitle is a hit's first line: name and 指标值.
func (p *libraryPicker) rowTitle(i int) string {
	e := p.lib[i]
	s := e.Indicator.Name()
	if v := e.Indicator.Value; v != "" {
		s += "　" + v
	}
	if p.have[haveKey(e.Indicator)] {
		s += "　（表中已有）"
	}
	return s
}

// rowDetail is a hit's second line: where it sits and where it is from.
func (p *libraryPicker) rowDetail(i int) string {
	e := p.lib[i]
	in := e.Indicator
	s := in.Level1 + " › " + in.Level2
	if in.Sub != "" {
		s += " › " + in.Level3
	}
	s += " · " + e.Source
	if len(e.Used) > 0 {
		s += " · 用过 " + yearWord(e.Used[0].Year)
	}
	return s
}

func yearWord(y string) string {
	if n, ok := model.ParseYear(y); ok {
		return fmt.Sprintf("%d年度", n)
	}
	if strings.TrimSpace(y) == "" {
		return "（未填年度）"
	}
	return y
}

// showEntry previews entry i of the library whole (-1: nothing).
func (p *libraryPicker) showEntry(i int) {
	p.shown = i
	p.preview.Objects = p.previewObjects(i)
	p.preview.Refresh()
	p.previewScroll.ScrollToTop()
}

// LibraryPreview is the preview of an entry as text: what the picker shows
// beside the hits.
func LibraryPreview(e library.Entry) []string {
	in := e.Indicator
	var out []string
	path := in.Level1 + " › " + in.Level2 + " › " + in.Level3
	if in.Sub != "" {
		path += " › " + in.Sub
	}
	out = append(out, "位置："+path)
	v := "指标值：" + orDash(in.Value)
	if in.Unit != "" {
		v += "　计量单位：" + in.Unit
	}
	if e.Direction != "" {
		v += "　方向：" + e.Direction
	}
	if in.ValueType != "" {
		v += "　类型：" + in.ValueType
	}
	out = append(out, v)
	if in.Explain != "" {
		out = append(out, "指标解释："+in.Explain)
	}
	if in.Note != "" {
		out = append(out, "指标说明："+in.Note)
	}
	if f, ok := model.FormulaFor(in.Formula); ok {
		out = append(out, "计算公式："+f.Text, "需要填写："+strings.Join(f.Inputs, "、"))
	}
	out = append(out, "来源："+e.Source)
	if e.Placed != "" {
		out = append(out, "归入："+e.Placed)
	}
	if e.Ref != "" {
		out = append(out, "出处："+e.Ref)
	}
	if e.Checked != "" {
		out = append(out, "核对所用文本："+e.Checked)
	}
	for _, u := range e.Used {
		// the department, not the draft's id (which means nothing to a clerk)
		out = append(out, fmt.Sprintf("%s用过：%s（%s）", yearWord(u.Year), orDash(u.Value), orDash(u.Dept)))
	}
	return out
}

func (p *libraryPicker) previewObjects(i int) []fyne.CanvasObject {
	if i < 0 || i >= len(p.lib) {
		return []fyne.CanvasObject{widget.NewLabel("在左边点一条指标，这里显示它的全部内容。")}
	}
	e := p.lib[i]
	title := widget.NewLabelWithStyle(e.Indicator.Name(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	title.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{title}
	for _, line := range LibraryPreview(e) {
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	if p.have[haveKey(e.Indicator)] {
		l := widget.NewLabel("表中已有这条指标。")
		l.Importance = widget.WarningImportance
		objs = append(objs, l)
	}
	return objs
}

// addPicked inserts the checked entries, each after the last row of its
// 一级/二级 group (or at the end), and focuses the first one's 指标值.
func (p *libraryPicker) addPicked() {
	var idx []int
	for i := range p.picked {
		idx = append(idx, i)
	}
	if len(idx) == 0 {
		return
	}
	slices.Sort(idx)
	ins := make([]model.Indicator, len(idx))
	for k, i := range idx {
		ins[k] = p.lib[i].Indicator
		ins[k].Inputs = nil
	}
	p.dlg.Hide()
	v := p.v
	first := -1
	v.e.Apply(func(f *model.Form) {
		for _, in := range ins {
			at := insertPos(f.Indicators, in)
			f.Indicators = slices.Insert(f.Indicators, at, in)
			if first < 0 || at <= first {
				first = at
			}
		}
	})
	v.focusAt(model.Location{Part: model.PartIndicators, Row: first, Field: model.FieldValue})
}

func (p *libraryPicker) importDialog() {
	e := p.v.e
	req := FileRequest{Title: "导入指标库文件", Dir: e.exportDir(), Exts: []string{".json"}, Kind: "指标库文件"}
	e.files().Open(e.win, req, func(path string, err error) {
		if err != nil {
			e.ShowError(errTitle("无法打开文件", err), errMessage(err))
			return
		}
		if path != "" {
			p.importPath(path)
		}
	})
}

// importPath imports the library file at path and shows it as its own
// source; a refused file gets its message and changes nothing.
func (p *libraryPicker) importPath(path string) {
	lf, err := p.importLibraryFn(path)
	if err != nil {
		p.v.e.ShowError(errTitle("指标库文件没有导入", err), errMessage(err))
		return
	}
	p.load()
	p.picked = map[int]bool{}
	p.setShowAllText()
	// A file of another 指标体系 is still shown: its entries are listed
	// with the others rather than not at all.
	if !p.showAll.Checked && !slices.ContainsFunc(p.offer.Entries, func(e library.Entry) bool { return e.Source == lf.Name }) &&
		slices.ContainsFunc(p.offer.Others, func(e library.Entry) bool { return e.Source == lf.Name }) {
		p.showAll.Checked = true
		p.showAll.Refresh()
		p.list2lib()
	}
	p.fillSources()
	p.source.SetSelected(lf.Name)
	p.status.SetText(fmt.Sprintf("已导入指标库“%s”：%d 条指标。", lf.Name, len(lf.Entries)))
}
