package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// carryReview is the 复制到下一年度 dialog: the new year, every text
// replacement the model proposes with a checkbox, and the amounts that
// will be marked 待核实. Nothing is created before 创建新草稿.
type carryReview struct {
	ws     *Workspace
	id     string
	prev   *model.Form
	year   *escEntry
	msg    *widget.Label
	box    *fyne.Container // the replacement rows
	checks []*widget.Check
	repls  []model.Replacement
	dlg    dialog.Dialog
	// the 表样 of the new draft (carry_template.go)
	tpl     *widget.Select
	tpls    []*model.Template
	tplList *widget.Label
	// created is the id of the draft made on confirmation.
	created string
}

type replKey struct {
	loc model.Location
	off int
}

// CarryDialog shows the copy-forward review of draft id.
func (ws *Workspace) CarryDialog(id string) {
	if id == "" {
		ws.needDraft("复制到下一年度")
		return
	}
	if id == ws.e.ID() {
		if err := ws.e.Flush(); err != nil {
			ws.failed("草稿未能保存", err)
			return
		}
	}
	prev, err := ws.st.Load(id)
	if err != nil {
		ws.failed("无法读取草稿", err)
		return
	}
	r := &carryReview{ws: ws, id: id, prev: prev}
	ws.carry = r
	r.year = newEscEntry()
	if y, ok := model.ParseYear(prev.Year); ok {
		r.year.SetText(strconv.Itoa(y + 1))
	}
	r.year.OnChanged = func(string) { r.preview() }
	r.msg = widget.NewLabel("")
	r.msg.Wrapping = fyne.TextWrapWord
	r.box = container.NewVBox()
	all := widget.NewButton("全选", func() { r.setAll(true) })
	none := widget.NewButton("全不选", func() { r.setAll(false) })
	from := widget.NewLabel(fmt.Sprintf("从“%s %s年度”复制，新年度：", prev.Dept, prev.Year))
	r.templateChoice()
	top := container.NewVBox(
		container.NewBorder(nil, nil, from, nil, container.NewGridWrap(fyne.NewSize(120, r.year.MinSize().Height), r.year)),
		container.NewBorder(nil, nil, widget.NewLabel("新草稿的表样："), nil, r.tpl),
		r.msg,
	)
	// the template's change list, then the year replacements, one scroll
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(r.tplList, widget.NewSeparator(),
		container.NewHBox(widget.NewLabelWithStyle("年份替换：", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), all, none), r.box)))
	r.dlg = dialog.NewCustomConfirm("复制到下一年度", "创建新草稿", "取消", content, func(ok bool) {
		if ok {
			r.confirm()
		}
	}, ws.win)
	r.preview()
	r.dlg.Resize(dialogSize(ws.win, 1000, 680))
	r.dlg.Show()
}

// preview lists the replacements for the year typed.
func (r *carryReview) preview() {
	defer r.ws.guard("复制到下一年度")
	r.box.RemoveAll()
	r.checks, r.repls = nil, nil
	nf, repls, mig, err := r.carry(nil)
	r.showMigration(mig, err)
	if err != nil {
		r.msg.SetText(errMessage(err))
		r.msg.Importance = widget.DangerImportance
		r.msg.Refresh()
		r.box.Refresh()
		return
	}
	review := 0
	for _, u := range nf.Units {
		for _, t := range u.Tasks {
			if t.Review {
				review++
			}
		}
	}
	r.msg.Importance = widget.MediumImportance
	r.msg.SetText(fmt.Sprintf("将新建“%s %s年度”草稿，原草稿不变。\n文字中有%d处年份替换，逐一列在下面；取消勾选的保持原文。\n%d项任务的金额照抄上年并标为“待核实”，上年数显示在本年数旁边，请逐项核对；指标的计算数据已清空。",
		nf.Dept, nf.Year, len(repls), review))
	r.repls = repls
	if len(repls) == 0 {
		r.box.Add(widget.NewLabel("文字中没有需要替换的年份。"))
	}
	for _, rp := range repls {
		c := widget.NewCheck(rp.Loc.Describe(r.prev), nil)
		c.SetChecked(true)
		r.checks = append(r.checks, c)
		was := widget.NewLabel("原文：" + excerpt(rp.Before, rp.Offset, len(rp.Old)))
		now := widget.NewLabel("改为：" + excerpt(rp.After, rp.Offset, len(rp.New)))
		for _, l := range []*widget.Label{was, now} {
			l.Wrapping = fyne.TextWrapWord
		}
		now.Importance = widget.HighImportance
		indent := canvas.NewRectangle(color.Transparent)
		indent.SetMinSize(fyne.NewSize(28, 1))
		r.box.Add(container.NewVBox(c, container.NewBorder(nil, nil, indent, nil, container.NewVBox(was, now)), widget.NewSeparator()))
	}
	r.box.Refresh()
}

// excerptMax is how many characters excerpt keeps on each side of the
// replaced part at most.
const excerptMax = 60

// sentenceEnd are the characters after which a new sentence (or clause of
// a list) starts.
const sentenceEnd = "。！？；;\n"

// excerpt is the sentence around s[off:off+n] with that part in 【】: from
// the end of the previous sentence to the end of this one, but at most
// excerptMax characters on each side, marked … where cut. The clerk sees
// what the year belongs to; the label wraps it.
func excerpt(s string, off, n int) string {
	if off < 0 || n < 0 || off+n > len(s) {
		return s
	}
	pre, mid, post := []rune(s[:off]), s[off:off+n], []rune(s[off+n:])
	start := 0
	for i := len(pre) - 1; i >= 0; i-- {
		if strings.ContainsRune(sentenceEnd, pre[i]) {
			start = i + 1
			break
		}
	}
	head := string(pre[start:])
	if len(pre)-start > excerptMax {
		head = "…" + string(pre[len(pre)-excerptMax:])
	}
	end := len(post)
	for i, r := range post {
		if strings.ContainsRune(sentenceEnd, r) {
			end = i + 1
			break
		}
	}
	tail := string(post[:end])
	if end > excerptMax {
		tail = string(post[:excerptMax]) + "…"
	}
	return strings.ReplaceAll(head+"【"+mid+"】"+strings.TrimRight(tail, "\n"), "\n", " ")
}

func (r *carryReview) setAll(on bool) {
	for _, c := range r.checks {
		c.SetChecked(on)
	}
}

// confirm creates the new draft with the ticked replacements and opens it.
func (r *carryReview) confirm() {
	defer r.ws.guard("复制到下一年度")
	skip := map[replKey]bool{}
	for i, c := range r.checks {
		if !c.Checked {
			skip[replKey{r.repls[i].Loc, r.repls[i].Offset}] = true
		}
	}
	nf, _, _, err := r.carry(func(rp model.Replacement) bool {
		return !skip[replKey{rp.Loc, rp.Offset}]
	})
	if err != nil {
		r.ws.failed("无法复制到下一年度", err)
		return
	}
	nf.Meta.OriginDraft = r.id
	id, err := r.ws.st.Create(nf)
	if err != nil {
		r.ws.failed("无法新建草稿", err)
		return
	}
	r.created = id
	r.declineNewer(id)
	if err := r.ws.OpenDraft(id); err != nil {
		r.ws.failed("无法打开草稿", err)
		return
	}
	r.ws.e.SelectTab(TabTasks)
}
