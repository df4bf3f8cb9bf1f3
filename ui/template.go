package ui

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
	"jixiao/store"
)

// The 表样 (template) parts of the editor: on the 基本信息 tab, the
// template's name, its further 基本信息 fields, 部门职能概述 and the
// 部门总体资金情况 with live 合计 and 占比. Every edit goes through
// Editor.ApplyKeyed; the numbers shown come from the model (Funds.Sum,
// Funds.Total, model.FormatShare).

// SetTemplates gives the editor the imported templates (besides the
// built-in ones) for the checks and the 基本信息 tab.
func (e *Editor) SetTemplates(ts []*model.Template) {
	e.templates = ts
	if e.form != nil {
		e.recompute()
		e.refresh(true)
	}
}

// Template is the open form's 表样.
func (e *Editor) Template() *model.Template { return model.TemplateOf(e.form, e.templates) }

// fundRowWidgets are the widgets of one row of 部门总体资金情况.
type fundRowWidgets struct {
	name   *widget.Label
	amount *widget.Entry
	share  *widget.Entry
	calc   *widget.Label   // the computed 占比, and whether the typed one matches
	years  []*widget.Entry // the 近两年 columns (panel.years), in order
}

// templatePanel is the template part of the 基本信息 tab.
type templatePanel struct {
	e       *Editor
	box     *fyne.Container
	name    *widget.Label
	shape   string // what the widgets were built for (template, rows)
	basic   map[string]*widget.Entry
	duties  *widget.Entry
	rows    [2][]fundRowWidgets
	totals  [2]*widget.Entry
	sums    [2]*widget.Label
	balance *widget.Label
	years   []model.FundsYear  // the 近两年 columns shown
	ytotals [2][]*widget.Entry // their 合计, by side
}

func newTemplatePanel(e *Editor) *templatePanel {
	p := &templatePanel{e: e, box: container.NewVBox(), name: widget.NewLabel("")}
	p.name.Wrapping = fyne.TextWrapWord
	return p
}

func (p *templatePanel) object() fyne.CanvasObject { return p.box }

// shapeOf names the widgets a form needs: rebuilt only when it changes.
func shapeOf(t *model.Template, f *model.Form) string {
	s := t.ID + "@" + fmt.Sprint(t.Version)
	if f.Funds != nil {
		s += fmt.Sprintf(" %d/%d %v", len(f.Funds.Income), len(f.Funds.Expense), model.YearColumns(t, f))
	}
	keys := make([]string, 0, len(f.Basic))
	for k := range f.Basic {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return s + " " + strings.Join(keys, " ")
}

func (p *templatePanel) build(t *model.Template, f *model.Form) {
	e := p.e
	p.box.RemoveAll()
	p.basic = map[string]*widget.Entry{}
	p.duties = nil
	p.rows = [2][]fundRowWidgets{}
	p.totals, p.sums = [2]*widget.Entry{}, [2]*widget.Label{}
	p.box.Add(widget.NewSeparator())
	p.box.Add(heading("表样"))
	p.box.Add(p.name)
	var labels []string
	for _, b := range t.OwnBasic() { // 年度 and 部门名称 have fields of their own
		labels = append(labels, b.Label)
	}
	var extra []string
	for k := range f.Basic {
		if !slices.Contains(labels, k) {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	labels = append(labels, extra...)
	if len(labels) > 0 {
		form := widget.NewForm()
		for _, l := range labels {
			en := widget.NewEntry()
			en.OnChanged = func(s string) {
				e.ApplyKeyed("basic/field/"+l, func(f *model.Form) {
					if f.Basic == nil {
						f.Basic = map[string]string{}
					}
					f.Basic[l] = s
				})
			}
			p.basic[l] = en
			form.Append(l, en)
		}
		p.box.Add(form)
	}
	if t.Has(model.SectionDuties) || strings.TrimSpace(f.Duties) != "" {
		p.box.Add(widget.NewSeparator())
		p.box.Add(heading(t.Label(model.SectionDuties)))
		p.duties = widget.NewMultiLineEntry()
		p.duties.Wrapping = fyne.TextWrapWord
		p.duties.SetMinRowsVisible(5)
		p.duties.SetPlaceHolder("简要写明部门的主要职能，可分条：1.…… 2.……")
		p.duties.OnChanged = func(s string) { e.ApplyKeyed("duties", func(f *model.Form) { f.Duties = s }) }
		p.box.Add(p.duties)
	}
	if f.Funds != nil {
		p.box.Add(widget.NewSeparator())
		p.box.Add(heading(t.Label(model.SectionFunds)))
		p.years = model.YearColumns(t, f)
		p.ytotals = [2][]*widget.Entry{}
		grid := container.NewGridWithColumns(5+len(p.years),
			boldLabel("类别"), boldLabel("项目"), boldLabel("当年金额（万元）"), boldLabel("占比（填写）"), boldLabel("占比（计算）"))
		for _, y := range p.years {
			grid.Add(boldLabel(y.YearLabel(f.Year)))
		}
		fl := t.Funds // nil: the program's names
		for _, side := range model.FundsSides(t, f.Funds) {
			rows := f.Funds.Rows(side)
			for i := range rows {
				w := fundRowWidgets{name: widget.NewLabel(""), amount: widget.NewEntry(), share: widget.NewEntry(), calc: widget.NewLabel("")}
				w.share.SetPlaceHolder("留空自动计算")
				w.amount.OnChanged = func(s string) {
					e.ApplyKeyed(fmt.Sprintf("funds/%d/%d/amount", side, i), func(f *model.Form) { f.Funds.Rows(side)[i].Amount = model.ParseAmount(s) })
				}
				w.share.OnChanged = func(s string) {
					e.ApplyKeyed(fmt.Sprintf("funds/%d/%d/share", side, i), func(f *model.Form) { f.Funds.Rows(side)[i].Share = s })
				}
				sideText := ""
				if i == 0 {
					sideText = fl.SideLabel(side)
				}
				grid.Add(widget.NewLabel(sideText))
				grid.Add(w.name)
				grid.Add(w.amount)
				grid.Add(w.share)
				grid.Add(w.calc)
				w.years = p.yearEntries(grid, side, i)
				p.rows[side] = append(p.rows[side], w)
			}
			total := widget.NewEntry()
			total.SetPlaceHolder("留空自动求和")
			total.OnChanged = func(s string) {
				e.ApplyKeyed(fmt.Sprintf("funds/%d/total", side), func(f *model.Form) {
					if side == model.FundsExpense {
						f.Funds.ExpenseTotal = model.ParseAmount(s)
					} else {
						f.Funds.IncomeTotal = model.ParseAmount(s)
					}
				})
			}
			p.totals[side] = total
			p.sums[side] = widget.NewLabel("")
			if len(p.years) > 0 {
				p.sums[side].SizeName = theme.SizeNameCaptionText // a narrow cell when 近两年 columns follow
			}
			grid.Add(widget.NewLabel(""))
			grid.Add(boldLabel(fl.Total()))
			grid.Add(total)
			grid.Add(widget.NewLabel("100%"))
			grid.Add(p.sums[side])
			p.ytotals[side] = p.yearEntries(grid, side, -1)
		}
		p.box.Add(grid)
		p.balance = widget.NewLabel("")
		p.balance.Wrapping = fyne.TextWrapWord
		p.box.Add(p.balance)
	}
}

func boldLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// refresh updates the panel from the form; it rebuilds its widgets only
// when the template or the number of rows changed. It reports whether it
// was rebuilt (the tab's size may have changed).
func (p *templatePanel) refresh() bool {
	f, t := p.e.form, p.e.Template()
	rebuilt := false
	if s := shapeOf(t, f); s != p.shape {
		p.build(t, f)
		p.shape = s
		rebuilt = true
	}
	setLabel(p.name, fmt.Sprintf("%s（第%d版）　来源：%s", t.Name, t.Version, t.Source), widget.MediumImportance)
	for l, en := range p.basic {
		setText(en, f.Basic[l])
	}
	if p.duties != nil {
		setText(p.duties, f.Duties)
	}
	if f.Funds == nil {
		return rebuilt
	}
	sides := model.FundsSides(t, f.Funds)
	for _, side := range sides {
		rows := f.Funds.Rows(side)
		total := f.Funds.Total(side)
		for i, w := range p.rows[side] {
			if i >= len(rows) {
				break
			}
			r := rows[i]
			setLabel(w.name, r.Name, widget.MediumImportance)
			setText(w.amount, r.Amount.Raw())
			setText(w.share, r.Share)
			calc, imp := "", widget.LowImportance
			switch {
			case r.Amount.State() == model.AmountInvalid:
				calc, imp = "金额无法识别", widget.DangerImportance
			case r.Amount.Valid():
				calc = model.FormatShare(r.Amount.Money(), total)
				if strings.TrimSpace(r.Share) != "" {
					if ok, parsed := model.ShareMatches(r.Share, r.Amount.Money(), total); !ok || !parsed {
						calc, imp = calc+"（与填写的不符）", widget.DangerImportance
					}
				}
			}
			setLabel(w.calc, calc, imp)
		}
		typed := f.Funds.Typed(side)
		setText(p.totals[side], typed.Raw())
		sum, _ := f.Funds.Sum(side)
		text, imp := "各项之和 "+model.FormatMoney(sum, false), widget.MediumImportance
		if typed.Valid() && typed.Money() != sum {
			text, imp = text+"（与"+t.Funds.Total()+"不符）", widget.DangerImportance
		}
		setLabel(p.sums[side], text, imp)
		p.refreshYears(side)
	}
	in, out := f.Funds.Total(model.FundsIncome), f.Funds.Total(model.FundsExpense)
	switch {
	case len(sides) == 1:
		setLabel(p.balance, fmt.Sprintf("%s %s 万元。", t.Funds.TotalOf(model.FundsIncome), model.FormatMoney(in, false)), widget.MediumImportance)
	case !t.Rules.FundsBalance && in != out:
		// no rule of the template: the two totals, without a verdict
		setLabel(p.balance, fmt.Sprintf("%s %s 万元，%s %s 万元。", t.Funds.TotalOf(model.FundsIncome), model.FormatMoney(in, false), t.Funds.TotalOf(model.FundsExpense), model.FormatMoney(out, false)), widget.MediumImportance)
	case in == out:
		setLabel(p.balance, fmt.Sprintf("收入合计 %s 万元，支出合计 %s 万元，收支平衡。", model.FormatMoney(in, false), model.FormatMoney(out, false)), widget.SuccessImportance)
	default:
		setLabel(p.balance, fmt.Sprintf("收入合计 %s 万元，支出合计 %s 万元，两者不相等，请核对。", model.FormatMoney(in, false), model.FormatMoney(out, false)), widget.DangerImportance)
	}
	return rebuilt
}

// focus shows loc of the template's parts.
func (p *templatePanel) focus(loc model.Location) bool {
	switch {
	case loc.Part == model.PartDuties && p.duties != nil:
		return p.e.focusObject(p.duties)
	case loc.Part == model.PartFunds && loc.Unit >= 0 && loc.Unit < 2:
		side := loc.Unit
		if loc.Row < 0 || loc.Row >= len(p.rows[side]) {
			if en := p.yearEntry(side, -1, loc.Field); en != nil {
				return p.e.focusObject(en)
			}
			return p.totals[side] != nil && p.e.focusObject(p.totals[side])
		}
		if loc.Field == model.FieldFundShare {
			return p.e.focusObject(p.rows[side][loc.Row].share)
		}
		if en := p.yearEntry(side, loc.Row, loc.Field); en != nil {
			return p.e.focusObject(en)
		}
		return p.e.focusObject(p.rows[side][loc.Row].amount)
	case loc.Part == model.PartBasic && p.basic[string(loc.Field)] != nil:
		return p.e.focusObject(p.basic[string(loc.Field)])
	}
	return false
}

// allTemplates are the built-in templates and the imported ones of the
// drafts file.
func (ws *Workspace) allTemplates() []*model.Template {
	stored, _, _ := ws.st.Templates()
	return append(model.BuiltinTemplates(), stored...)
}

// ImportTemplateFile adds the template in the file at path to the drafts
// file (表样 › 导入表样文件…); a damaged or hostile file changes nothing.
func (ws *Workspace) ImportTemplateFile(path string) error {
	t, err := readTemplateFile(path)
	if err != nil {
		return err
	}
	return ws.addTemplate(t, false)
}

// readTemplateFile reads and checks the template file at path.
func readTemplateFile(path string) (*model.Template, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, model.Errorf(model.EIO, "无法读取“%s”：%w", path, err)
	}
	if fi.Size() > model.MaxTemplateFile {
		return nil, model.Errorf(model.EINVALID, "“%s”超过 %d KB，不像是表样文件，未导入", path, model.MaxTemplateFile>>10)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, model.Errorf(model.EIO, "无法读取“%s”：%w", path, err)
	}
	return model.ParseTemplate(data)
}

// addTemplate stores t (asNew: as the next version of its id, see
// store.PutTemplateAsNewVersion) and gives the editor the new list.
func (ws *Workspace) addTemplate(t *model.Template, asNew bool) error {
	put := ws.st.PutTemplate
	if asNew {
		put = ws.st.PutTemplateAsNewVersion
	}
	if err := put(t); err != nil {
		return err
	}
	stored, _, _ := ws.st.Templates()
	ws.e.SetTemplates(stored)
	return nil
}

// importTemplateAt is 导入表样文件… of the file at path: imported, refused
// with its reason, or — when the drafts file holds the same id and version
// with another content (a revised template whose issuer kept the version
// number) — the question whether to import it as the next version.
func (ws *Workspace) importTemplateAt(path string) {
	defer ws.guard("导入表样")
	t, err := readTemplateFile(path)
	if err == nil {
		err = ws.addTemplate(t, false)
	}
	var taken *store.VersionTakenError
	switch {
	case errors.As(err, &taken):
		ws.askNewTemplateVersion(t, taken)
	case err != nil:
		ws.info(errTitle("表样未导入", err), errMessage(err))
	default:
		ws.templateImported(t)
	}
}

// askNewTemplateVersion offers to import t as version taken.Next beside
// the stored one of the same number.
func (ws *Workspace) askNewTemplateVersion(t *model.Template, taken *store.VersionTakenError) {
	msg := fmt.Sprintf("本机已有表样“%s”（%s）第%d版，内容与这个文件不同。同一版本不能有两种内容，用第%d版做的草稿不会因这个文件而改变。\n\n"+
		"可以把这个文件作为第%d版导入：两版都保留，新建草稿时可以选择，已有的草稿可用 表样 › 迁移到新版本… 迁移。"+
		"也可以取消，请发文单位把文件中表样的版本号改为 %d 后再发来。",
		taken.ID, taken.Name, taken.Version, taken.Version, taken.Next, taken.Next)
	ws.lastInfo = msg
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("表样的版本号相同而内容不同", fmt.Sprintf("作为第%d版导入", taken.Next), "取消", container.NewVScroll(l), func(ok bool) {
		if !ok {
			return
		}
		if err := ws.addTemplate(t, true); err != nil {
			ws.info(errTitle("表样未导入", err), errMessage(err))
			return
		}
		ws.templateImported(t)
	}, ws.win)
	d.Resize(dialogSize(ws.win, 620, 360))
	d.Show()
}

// templateImported says that t is imported and offers the open draft its
// newer version.
func (ws *Workspace) templateImported(t *model.Template) {
	ws.info("表样已导入", fmt.Sprintf("已导入表样“%s”第%d版。新建草稿时可以选择它。", t.Name, t.Version))
	ws.offerNewerTemplate()
}

// templateMenu is 表样 › 导入表样文件…, 查看表样….
func (ws *Workspace) templateMenu() *fyne.Menu {
	return fyne.NewMenu("表样",
		fyne.NewMenuItem("导入表样文件…", func() {
			req := FileRequest{Title: "导入表样文件", Dir: ws.e.exportDir(), Exts: []string{".json"}, Kind: "表样文件"}
			ws.e.files().Open(ws.win, req, func(path string, err error) {
				if err != nil {
					ws.failed("无法打开文件", err)
					return
				}
				if path == "" {
					return
				}
				ws.importTemplateAt(path)
			})
		}),
		fyne.NewMenuItem("迁移到新版本…", ws.MigrateTemplateDialog),
	)
}

// templateChoice is the 表样 selector of the 新建 dialog, the last used
// one preselected.
func (ws *Workspace) templateChoice() (*widget.Select, func() *model.Template) {
	ts := ws.allTemplates()
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
		if t.Version > 1 {
			names[i] = fmt.Sprintf("%s（第%d版）", t.Name, t.Version)
		}
	}
	sel := widget.NewSelect(names, nil)
	last, _ := ws.st.LastTemplate()
	sel.SetSelectedIndex(0)
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].ID == last {
			sel.SetSelectedIndex(i)
			break
		}
	}
	return sel, func() *model.Template {
		if i := sel.SelectedIndex(); i >= 0 {
			return ts[i]
		}
		return ts[0]
	}
}

// newBlank makes a blank draft of template t (one empty goal when t has goals, and one
// empty task row when t has a task table) and opens it; t becomes the
// preselected template of the next 新建.
func (ws *Workspace) newBlank(year, dept string, t *model.Template) {
	f := model.New(year, dept, ws.e.clock.Now())
	model.ApplyTemplate(f, t)
	if t.Has(model.SectionGoals) {
		f.Goals = []model.Goal{{}}
	}
	if t.Has(model.SectionTasks) {
		f.Units = []model.Unit{{Tasks: []model.Task{{}}}}
	}
	_ = ws.st.SetLastTemplate(t.ID) // only the next dialog's default
	ws.newDraft(f, "")
}
