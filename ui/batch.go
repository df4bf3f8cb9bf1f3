package ui

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/export"
	"jixiao/model"
)

// batchScreen is 批量审核 (docs/batch.md): the files a department received
// from its units, added one by one, by folder or dropped on the window,
// each read and checked off the UI goroutine (the editor's worker, a few
// at a time) while its row fills in and the progress bar moves; then the
// findings of a file, the 审核汇总 workbook, the 审核意见 of every file with
// findings, and the files that passed handed to 汇总 in one step.
type batchScreen struct {
	ws  *Workspace
	box fyne.CanvasObject

	files   []*batchFile
	order   []int // the rows' files, as sorted
	sortBy  int   // column sorted by (batchCol…), -1 as added
	sortRev bool

	list      *widget.List
	selected  int // index into files, -1 none
	progress  *widget.ProgressBar
	totals    *widget.Label
	empty     *widget.Label
	recursive *widget.Check

	showBtn, sumBtn, repliesBtn, mergeBtn, clearBtn *widget.Button
	heads                                           []*widget.Button

	// reading: files waiting (indexes) and jobs running on the worker.
	queue   []int
	running int
	// gen is bumped by 清空: jobs of an earlier batch finish into nothing.
	gen int

	from   func() // the screen to go back to
	lastOK string // the last information shown (tests)
	opts   export.ReviewOptions
}

// batchFile is one file of the batch: its path and, once read, its review.
type batchFile struct {
	path   string
	review *model.FileReview // nil while it waits or is read
}

// The columns of the list; batchCols are their widths (0: the rest).
const (
	batchColFile = iota
	batchColDept
	batchColYear
	batchColTotal
	batchColErrors
	batchColHints
	batchColStatus
)

func batchCols() *colsLayout { return newCols(170, 150, 58, 100, 46, 46, 0) }

var batchHeads = []string{"文件", "部门", "年度", "合计（万元）", "错误", "提示", "结论"}

// batchWorkers is how many files are read at once.
var batchWorkers = max(1, runtime.NumCPU())

// ShowBatch shows the 批量审核 screen, with paths (files or folders)
// added; 返回 goes back to the screen shown before.
func (ws *Workspace) ShowBatch(paths ...string) {
	if err := ws.e.Flush(); err != nil {
		ws.e.ShowError(errTitle("草稿未能保存", err), errMessage(err))
	}
	if ws.batch == nil {
		ws.batch = newBatchScreen(ws)
	}
	b := ws.batch
	if !b.visible() {
		onDrafts := ws.onDrafts
		b.from = ws.ShowEditor
		if onDrafts || ws.e.ID() == "" {
			b.from = ws.ShowDrafts
		}
	}
	ws.onDrafts = true // no draft is edited here: undo and paste wait
	ws.win.SetContent(b.box)
	ws.win.SetTitle("批量审核 — 绩效目标申报")
	b.add(paths...)
}

// visible reports whether the screen is the window's content.
func (b *batchScreen) visible() bool { return b.ws.win.Content() == b.box }

// leave goes back to the screen the batch was opened from.
func (b *batchScreen) leave() {
	if b.from != nil {
		b.from()
		return
	}
	b.ws.ShowDrafts()
}

func newBatchScreen(ws *Workspace) *batchScreen {
	b := &batchScreen{ws: ws, selected: -1, sortBy: -1}
	title := widget.NewLabelWithStyle("批量审核", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel("添加下级单位报来的文件（" + importKinds + "），或选一个文件夹，也可以把文件和文件夹拖到窗口上。" +
		"每个文件按它自己的表样审核；双击一行查看问题和它在文件中的位置。")
	hint.Wrapping = fyne.TextWrapWord
	addFiles := widget.NewButtonWithIcon("添加文件…", theme.ContentAddIcon(), b.pickFile)
	addFiles.Importance = widget.HighImportance
	addDir := widget.NewButtonWithIcon("添加文件夹…", theme.FolderOpenIcon(), b.pickFolder)
	b.recursive = widget.NewCheck("包括子文件夹", nil)
	b.clearBtn = widget.NewButtonWithIcon("清空", theme.ContentClearIcon(), b.clear)
	back := widget.NewButtonWithIcon("返回", theme.NavigateBackIcon(), b.leave)

	b.progress = widget.NewProgressBar()
	b.progress.TextFormatter = b.statusText
	b.totals = widget.NewLabel("")
	b.totals.Wrapping = fyne.TextWrapWord
	b.empty = widget.NewLabel("还没有文件。")

	var heads []fyne.CanvasObject
	for i, h := range batchHeads {
		btn := widget.NewButton(h, func() { b.sortOn(i) })
		btn.Importance = widget.LowImportance
		btn.Alignment = widget.ButtonAlignLeading
		b.heads = append(b.heads, btn)
		heads = append(heads, btn)
	}
	b.list = widget.NewList(func() int { return len(b.order) }, b.newRow, b.updateRow)
	b.list.OnSelected = func(id widget.ListItemID) {
		b.selected = -1
		if id >= 0 && id < len(b.order) {
			b.selected = b.order[id]
		}
		b.enable()
	}
	b.list.OnUnselected = func(widget.ListItemID) { b.selected = -1; b.enable() }

	b.showBtn = widget.NewButtonWithIcon("查看问题…", theme.InfoIcon(), func() { b.showFindings(b.selected) })
	b.sumBtn = widget.NewButtonWithIcon("导出审核汇总…", theme.DocumentSaveIcon(), b.exportSummary)
	b.repliesBtn = widget.NewButtonWithIcon("写出审核意见…", theme.MailSendIcon(), b.writeReplies)
	b.mergeBtn = widget.NewButtonWithIcon("把通过的交给汇总…", theme.MailForwardIcon(), b.toMerge)

	top := container.NewVBox(title, hint,
		container.NewHBox(addFiles, addDir, b.recursive, b.clearBtn, layoutSpacer(), back),
		b.progress,
		widget.NewSeparator(), container.New(batchCols(), heads...))
	bottom := container.NewVBox(widget.NewSeparator(), b.totals,
		container.NewHBox(b.showBtn, b.sumBtn, b.repliesBtn, b.mergeBtn))
	b.box = container.NewBorder(top, bottom, nil, nil, container.NewStack(b.list, container.NewPadded(b.empty)))
	b.refresh()
	return b
}

// batchRow is one row of the list: a tap selects it, a double tap opens
// its findings.
type batchRow struct {
	widget.BaseWidget
	box    *fyne.Container
	index  int // the row (in b.order)
	choose func(int)
	open   func(int)
}

func (r *batchRow) Tapped(*fyne.PointEvent)       { r.choose(r.index) }
func (r *batchRow) DoubleTapped(*fyne.PointEvent) { r.open(r.index) }
func (r *batchRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.box)
}

func (b *batchScreen) newRow() fyne.CanvasObject {
	var cells []fyne.CanvasObject
	for range batchHeads {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, l)
	}
	r := &batchRow{box: container.New(batchCols(), cells...)}
	r.choose = func(i int) { b.list.Select(i) }
	r.open = func(i int) {
		b.list.Select(i)
		b.showFindings(b.selected)
	}
	r.ExtendBaseWidget(r)
	return r
}

func (b *batchScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(b.order) {
		return
	}
	row := o.(*batchRow)
	row.index = id
	f := b.files[b.order[id]]
	texts := batchRowTexts(f, b.queued(b.order[id]))
	for i, l := range row.box.Objects {
		lab := l.(*widget.Label)
		lab.Importance = widget.MediumImportance
		if r := f.review; r != nil && !r.Passed() && (i == batchColStatus || i == batchColErrors) {
			lab.Importance = widget.DangerImportance
		}
		lab.SetText(texts[i])
	}
}

// batchRowTexts are a file's cells: while it waits or is read, its name and
// that; once read, its 部门, 年度, 合计, counts and verdict (the first
// error, or why it could not be read; a second version of a form says
// which one is newer).
func batchRowTexts(f *batchFile, waiting bool) []string {
	name := filepath.Base(f.path)
	r := f.review
	switch {
	case r == nil && waiting:
		return []string{name, "", "", "", "", "", "等待读取…"}
	case r == nil:
		return []string{name, "", "", "", "", "", "正在读取…"}
	case r.Failed():
		return []string{name, "", "", "", "", "", "无法读取：" + r.Failure}
	}
	verdict := r.Status()
	if e := r.FirstError(); e != "" {
		verdict += "：" + e
	} else if r.Hints > 0 {
		verdict += fmt.Sprintf("（%d 条提示）", r.Hints)
	}
	if d := r.Dup; d != nil {
		switch {
		case d.Newest == r.Name:
			verdict = "【重复，这份较新】" + verdict
		case d.Newest != "":
			verdict = "【重复，较新的是“" + d.Newest + "”】" + verdict
		default:
			verdict = "【重复】" + verdict
		}
	}
	return []string{name, dashIfEmpty(r.Dept), dashIfEmpty(r.Year), model.FormatMoney(r.Total, true),
		fmt.Sprint(r.Errors), fmt.Sprint(r.Hints), verdict}
}

// queued reports whether file i waits to be read.
func (b *batchScreen) queued(i int) bool {
	for _, q := range b.queue {
		if q == i {
			return true
		}
	}
	return false
}

// done is how many files have been read.
func (b *batchScreen) done() int {
	n := 0
	for _, f := range b.files {
		if f.review != nil {
			n++
		}
	}
	return n
}

// reviews are the reviews of the files read, in the order added.
func (b *batchScreen) reviews() []*model.FileReview {
	var out []*model.FileReview
	for _, f := range b.files {
		if f.review != nil {
			out = append(out, f.review)
		}
	}
	return out
}

// add lists paths (a folder: its files, with 包括子文件夹 the folders in it
// too), each once, and starts reading them.
func (b *batchScreen) add(paths ...string) {
	defer b.ws.guard("添加文件")
	// the templates imported into the drafts file, read once per addition
	b.opts = export.ReviewOptions{ImportOptions: b.ws.importOptions(), Keep: true}
	var problems []string
	for _, p := range paths {
		if st, err := statDir(p); err == nil && st {
			files, _, err := export.ListFolder(p, b.recursive.Checked)
			if err != nil {
				problems = append(problems, errMessage(err))
				continue
			}
			if len(files) == 0 {
				problems = append(problems, fmt.Sprintf("文件夹“%s”中没有可以审核的文件", p))
			}
			b.addFiles(files)
			continue
		}
		b.addFiles([]string{p})
	}
	b.refresh()
	b.pump()
	if len(problems) > 0 {
		b.info("添加文件", strings.Join(problems, "\n"))
	}
}

func (b *batchScreen) addFiles(paths []string) {
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		dup := false
		for _, f := range b.files {
			dup = dup || f.path == abs
		}
		if dup {
			continue
		}
		b.files = append(b.files, &batchFile{path: abs})
		b.queue = append(b.queue, len(b.files)-1)
	}
}

// pump starts reading waiting files while fewer than batchWorkers are
// being read; each file's row and the progress bar fill in when it is
// read, and when the last one is, the batch is marked (model.MarkBatch:
// versions of one form, another year).
func (b *batchScreen) pump() {
	opts := b.opts
	for b.running < batchWorkers && len(b.queue) > 0 {
		i := b.queue[0]
		b.queue = b.queue[1:]
		b.running++
		gen := b.gen
		path := b.files[i].path
		var r *model.FileReview
		b.ws.e.worker.Go(func() {
			r = export.ReviewFile(path, opts)
		}, func() {
			if gen != b.gen {
				return // 清空 was pressed meanwhile
			}
			b.running--
			b.files[i].review = r
			if b.running == 0 && len(b.queue) == 0 {
				model.MarkBatch(b.reviews())
			}
			b.refresh()
			b.pump()
		})
	}
	b.refresh()
}

// statusText is the progress bar's text: how many files are read.
func (b *batchScreen) statusText() string {
	n, done := len(b.files), b.done()
	switch {
	case n == 0:
		return "还没有文件"
	case done < n:
		return fmt.Sprintf("正在读取：已审核 %d 个，共 %d 个文件", done, n)
	}
	return fmt.Sprintf("已审核全部 %d 个文件", n)
}

// refresh shows the rows, the progress, the totals and the buttons.
func (b *batchScreen) refresh() {
	b.resort()
	n, done := len(b.files), b.done()
	b.progress.Max = float64(max(n, 1))
	b.progress.SetValue(float64(done))
	b.totals.SetText("")
	if done > 0 {
		b.totals.SetText(model.CountBatch(b.reviews()).String() + "。")
	}
	b.empty.Hidden = n > 0
	b.list.Refresh()
	b.enable()
}

func (b *batchScreen) enable() {
	finished := len(b.files) > 0 && len(b.queue) == 0 && b.running == 0
	set := func(btn *widget.Button, on bool) {
		if on {
			btn.Enable()
		} else {
			btn.Disable()
		}
	}
	set(b.showBtn, b.selected >= 0 && b.selected < len(b.files) && b.files[b.selected].review != nil)
	set(b.sumBtn, finished)
	set(b.repliesBtn, finished && len(export.ReplyNames(b.reviews())) > 0)
	n := len(b.passed())
	b.mergeBtn.SetText(fmt.Sprintf("把通过的 %d 份交给汇总…", n))
	set(b.mergeBtn, finished && n > 0)
	set(b.clearBtn, len(b.files) > 0)
}

// passed are the files that passed, without the older versions of a form
// read twice, as 合并导入 lists them (the form read here, so that it is
// not read again): what 汇总 may take.
func (b *batchScreen) passed() []*mergeFile {
	var out []*mergeFile
	for _, f := range b.files {
		r := f.review
		if r == nil || !r.Passed() || r.Dup != nil && r.Dup.Newest != r.Name || r.Form == nil {
			continue
		}
		out = append(out, &mergeFile{path: f.path, form: r.Form, rep: &export.ImportReport{}})
	}
	return out
}

// clear empties the list (files being read finish into nothing).
func (b *batchScreen) clear() {
	b.gen++
	b.files, b.queue, b.running, b.selected = nil, nil, 0, -1
	b.list.UnselectAll()
	b.refresh()
}

// sortOn sorts the rows by column c; again, the other way round.
func (b *batchScreen) sortOn(c int) {
	if b.sortBy == c {
		b.sortRev = !b.sortRev
	} else {
		b.sortBy, b.sortRev = c, false
	}
	for i, h := range b.heads {
		t := batchHeads[i]
		if i == b.sortBy {
			t += map[bool]string{false: " ▲", true: " ▼"}[b.sortRev]
		}
		h.SetText(t)
	}
	b.list.UnselectAll()
	b.refresh()
}

// resort puts the files in the order of the sorted column (failed and
// erring files first for 结论, most errors first for 错误 and 提示).
func (b *batchScreen) resort() {
	b.order = b.order[:0]
	for i := range b.files {
		b.order = append(b.order, i)
	}
	if b.sortBy < 0 {
		return
	}
	key := func(i int) (rank int, text string, num model.Money) {
		f := b.files[i]
		r := f.review
		texts := batchRowTexts(f, false)
		if r == nil {
			return 3, texts[b.sortBy], 0
		}
		switch b.sortBy {
		case batchColStatus:
			switch {
			case r.Failed():
				return 0, "", 0
			case r.Errors > 0:
				return 1, "", model.Money(-r.Errors)
			}
			return 2, "", model.Money(-r.Hints)
		case batchColErrors:
			return 0, "", model.Money(-r.Errors)
		case batchColHints:
			return 0, "", model.Money(-r.Hints)
		case batchColTotal:
			return 0, "", r.Total
		}
		return 0, texts[b.sortBy], 0
	}
	sort.SliceStable(b.order, func(x, y int) bool {
		rx, tx, nx := key(b.order[x])
		ry, ty, ny := key(b.order[y])
		less := rx < ry || rx == ry && (nx < ny || nx == ny && tx < ty)
		if b.sortRev {
			return !less && (rx != ry || nx != ny || tx != ty)
		}
		return less
	})
}
