package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/model"
)

// fakeFolders is fakeFiles that also answers the folder dialog with dir.
type fakeFolders struct {
	fakeFiles
	dir     string
	folders int
}

func (f *fakeFolders) OpenFolder(_ fyne.Window, req FileRequest, done func(string, error)) {
	f.asked = append(f.asked, req)
	f.folders++
	done(f.dir, nil)
}

// batchDir is a folder of returned files: three good forms, a form with
// an amount typed wrong (a clerk's table), two versions of one form and a
// damaged file; it returns the folder and the file names.
func batchDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	json := func(f *model.Form) []byte {
		var b bytes.Buffer
		if err := export.WriteJSON(&b, f); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, d := range []string{"甲单位", "乙单位", "丙单位"} {
		write(d+".json", json(testfiles.PassingForm(d)))
	}
	old, upd := testfiles.PassingForm("丁单位"), testfiles.PassingForm("丁单位")
	old.Meta.Updated = time.Date(2021, 3, 1, 9, 0, 0, 0, time.UTC)
	upd.Meta.Updated = time.Date(2021, 3, 8, 9, 0, 0, 0, time.UTC)
	write("丁单位.json", json(old))
	write("丁单位（改）.json", json(upd))
	bad := testfiles.PassingForm("戊单位")
	bad.Units[1].Tasks[0].Fiscal = model.ParseAmount("1l5")
	var x bytes.Buffer
	if err := export.WriteXLSX(&x, bad); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	if err := xf.DeleteSheet(export.DataSheetName); err != nil {
		t.Fatal(err)
	}
	x.Reset()
	if _, err := xf.WriteTo(&x); err != nil {
		t.Fatal(err)
	}
	write("戊单位.xlsx", x.Bytes())
	write("坏.xlsx", x.Bytes()[:x.Len()/3])
	write("说明.txt", []byte("不是申报表"))
	return dir
}

// rowTexts are the texts of the rows the list shows, in order.
func rowTexts(b *batchScreen) [][]string {
	var out [][]string
	for id := range b.order {
		row := b.newRow()
		b.updateRow(id, row)
		var texts []string
		for _, o := range row.(*batchRow).box.Objects {
			texts = append(texts, o.(*widget.Label).Text)
		}
		out = append(out, texts)
	}
	return out
}

// TestBatchScreen: the 批量审核 screen reads a folder on the worker, a
// few files at a time, its rows and progress filling in as files are
// read; then it marks the two versions of one form, sorts, shows a file's
// findings in the file's own terms, exports the 审核汇总 and the 审核意见,
// and hands the files that passed (the newer version only) to 汇总.
func TestBatchScreen(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, nil)
	id, err := st.Create(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	e := ws.e
	_, wk := fakes(t, e)
	out := t.TempDir()
	ff := &fakeFolders{fakeFiles: fakeFiles{path: filepath.Join(out, "审核汇总.xlsx")}, dir: out}
	e.Files = ff
	defer func(n int) { batchWorkers = n }(batchWorkers)
	batchWorkers = 2

	dir := batchDir(t)
	ws.ShowDrafts()
	ws.ShowBatch(dir)
	b := ws.batch
	if ws.win.Content() != b.box || !ws.OnDrafts() {
		t.Fatal("the batch screen is not shown (or the editor still takes undo)")
	}
	if len(b.files) != 7 || len(wk.jobs) != 2 {
		t.Fatalf("%d files listed, %d read at once; want 7 and 2", len(b.files), len(wk.jobs))
	}
	rows := rowTexts(b)
	reading, waiting := 0, 0
	for _, r := range rows {
		switch r[batchColStatus] {
		case "正在读取…":
			reading++
		case "等待读取…":
			waiting++
		}
	}
	if reading != 2 || waiting != 5 || b.progress.Value != 0 || !b.sumBtn.Disabled() || !b.mergeBtn.Disabled() {
		t.Errorf("before reading: %d reading, %d waiting, progress %v", reading, waiting, b.progress.Value)
	}
	// One file read: its row fills in, the bar moves, the next file starts.
	j := wk.jobs[0]
	wk.jobs = wk.jobs[1:]
	j.work()
	j.done()
	if b.progress.Value != 1 || len(wk.jobs) != 2 || b.done() != 1 || !strings.Contains(b.progress.TextFormatter(), "已审核 1 个，共 7 个文件") {
		t.Errorf("after one file: progress %v, %d jobs, status %q", b.progress.Value, len(wk.jobs), b.progress.TextFormatter())
	}
	wk.Run()
	if b.done() != 7 || b.progress.Value != 7 || b.running != 0 || b.progress.TextFormatter() != "已审核全部 7 个文件" {
		t.Fatalf("after reading: %d done, progress %v", b.done(), b.progress.Value)
	}
	if want := "共 7 个文件：通过 5 个，有错误 1 个，无法读取 1 个；错误 1 个，提示 2 条；同一部门同一年度的重复文件 1 组。"; b.totals.Text != want {
		t.Errorf("totals %q, want %q", b.totals.Text, want)
	}
	byName := map[string][]string{}
	for _, r := range rowTexts(b) {
		byName[r[batchColFile]] = r
	}
	if r := byName["丁单位.json"]; !strings.HasPrefix(r[batchColStatus], "【重复，较新的是“丁单位（改）.json”】通过") {
		t.Errorf("older version: %q", r)
	}
	if r := byName["戊单位.xlsx"]; r[batchColErrors] != "1" || !strings.Contains(r[batchColStatus], "有错误：工作表“绩效目标申报表”") || !strings.Contains(r[batchColStatus], "含有非数字字符") {
		t.Errorf("error row: %q", r)
	}
	if r := byName["坏.xlsx"]; !strings.HasPrefix(r[batchColStatus], "无法读取：“坏.xlsx”") {
		t.Errorf("damaged row: %q", r)
	}
	if r := byName["甲单位.json"]; r[batchColDept] != "甲单位" || r[batchColYear] != "2020" || r[batchColTotal] != "7,898.5676" || r[batchColStatus] != "通过" {
		t.Errorf("good row: %q", r)
	}

	// Sorting by 结论: what cannot be read first, then errors; again, the
	// other way round.
	test.Tap(b.heads[batchColStatus])
	rows = rowTexts(b)
	if rows[0][batchColFile] != "坏.xlsx" || rows[1][batchColFile] != "戊单位.xlsx" || b.heads[batchColStatus].Text != "结论 ▲" {
		t.Errorf("sorted by 结论: %q %q", rows[0], rows[1])
	}
	test.Tap(b.heads[batchColStatus])
	if rows = rowTexts(b); rows[len(rows)-1][batchColFile] != "坏.xlsx" {
		t.Errorf("reversed: last %q", rows[len(rows)-1])
	}
	test.Tap(b.heads[batchColFile])
	names := []string{}
	for _, r := range rowTexts(b) {
		names = append(names, r[batchColFile])
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("by file: %v", names)
	}

	// A file's findings, in its own terms.
	for i, n := range names {
		if n == "戊单位.xlsx" {
			b.list.Select(i)
		}
	}
	if b.showBtn.Disabled() {
		t.Fatal("查看问题 disabled with a file selected")
	}
	test.Tap(b.showBtn)
	if !strings.Contains(b.lastOK, "未通过：1 个错误") {
		t.Errorf("findings head %q", b.lastOK)
	}
	if got := overlayTexts(ws.win); !strings.Contains(got, "1. [错误] 工作表“绩效目标申报表”") || !strings.Contains(got, "（申报表中：年度主要任务 › ") {
		t.Errorf("findings dialog:\n%s", got)
	}
	ws.win.Canvas().Overlays().Top().Hide()

	// The 审核汇总 workbook and the 审核意见, written on the worker.
	test.Tap(b.sumBtn)
	wk.Run()
	xf, err := excelize.OpenFile(ff.path)
	if err != nil {
		t.Fatalf("summary not written: %v", err)
	}
	sum, _ := xf.GetRows(export.ReviewSummarySheet)
	xf.Close()
	if len(sum) != 4+7 {
		t.Errorf("summary: %d rows", len(sum))
	}
	ws.win.Canvas().Overlays().Top().Hide()
	test.Tap(b.repliesBtn)
	wk.Run()
	var got []string
	ents, _ := os.ReadDir(out)
	for _, en := range ents {
		if strings.Contains(en.Name(), "审核意见") {
			got = append(got, en.Name())
		}
	}
	sort.Strings(got)
	want := []string{"丁单位_审核意见.pdf", "丁单位_审核意见.xlsx", "丁单位（改）_审核意见.pdf", "丁单位（改）_审核意见.xlsx",
		"坏_审核意见.pdf", "坏_审核意见.xlsx", "戊单位_审核意见.pdf", "戊单位_审核意见.xlsx"}
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") || !strings.Contains(b.lastOK, "已为 4 个文件写出审核意见") {
		t.Errorf("replies %v\n%s", got, b.lastOK)
	}
	ws.win.Canvas().Overlays().Top().Hide()

	// 汇总: no draft is open, so the clerk picks one; the merge dialog
	// then lists the files that passed, the older version left out.
	if b.mergeBtn.Text != "把通过的 4 份交给汇总…" || b.mergeBtn.Disabled() {
		t.Fatalf("merge button %q", b.mergeBtn.Text)
	}
	test.Tap(b.mergeBtn)
	if ws.batchPick == nil || len(ws.batchPick.Options) != 1 {
		t.Fatal("no choice of draft")
	}
	tapButton(t, ws.win, "打开并汇总…")
	if ws.e.ID() != id || ws.merge == nil || !ws.merge.shown() {
		t.Fatalf("merge dialog not shown for draft %s (open %q)", id, ws.e.ID())
	}
	var merged []string
	for _, f := range ws.merge.files {
		merged = append(merged, filepath.Base(f.path))
		if f.err != nil {
			t.Errorf("%s: %v", f.path, f.err)
		}
	}
	sort.Strings(merged)
	if strings.Join(merged, " ") != "丁单位（改）.json 丙单位.json 乙单位.json 甲单位.json" {
		t.Errorf("handed to 汇总: %v", merged)
	}
}

// TestBatchEntryPoints: the drafts screen's button and the File menu open
// 批量审核; 合并导入's 先批量审核 takes its files there; files dropped on
// the screen are added; 返回 goes back; 清空 empties it, and a file still
// being read then finishes into nothing.
func TestBatchEntryPoints(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	_, wk := fakes(t, ws.e)
	dir := batchDir(t)
	ws.ShowDrafts()
	test.Tap(buttonIn(t, ws.drafts.normal, "批量审核…"))
	b := ws.batch
	if b == nil || ws.win.Content() != b.box {
		t.Fatal("the drafts screen's 批量审核 does not open it")
	}
	test.Tap(buttonIn(t, b.box, "返回"))
	if ws.win.Content() == b.box || !ws.OnDrafts() {
		t.Fatal("返回 did not go back to the drafts")
	}

	ws.ShowEditor()
	a := filepath.Join(dir, "甲单位.json")
	ws.MergeDialog([]string{a})
	tapButton(t, ws.win, "先批量审核…")
	if ws.win.Content() != b.box || len(b.files) != 1 || ws.merge.shown() {
		t.Fatalf("先批量审核: %d files, merge shown %v", len(b.files), ws.merge.shown())
	}
	ws.Dropped([]fyne.URI{storage.NewFileURI(filepath.Join(dir, "乙单位.json")), storage.NewFileURI(dir)})
	if len(b.files) != 7 {
		t.Errorf("after the drop: %d files, want 7 (乙单位 once)", len(b.files))
	}
	test.Tap(b.clearBtn)
	wk.Run() // the files being read finish into nothing
	if len(b.files) != 0 || b.totals.Text != "" || !b.empty.Visible() {
		t.Errorf("after 清空: %d files, totals %q", len(b.files), b.totals.Text)
	}
	test.Tap(buttonIn(t, b.box, "返回"))
	if ws.win.Content() == b.box || ws.OnDrafts() {
		t.Error("返回 did not go back to the editor it came from")
	}
	// Left through the menu (文件 › 草稿…) rather than 返回: a dropped
	// file is the window's again (合并导入 here), not the batch's.
	ws.ShowBatch()
	ws.ShowDrafts()
	ws.Dropped([]fyne.URI{storage.NewFileURI(filepath.Join(dir, "乙单位.json")), storage.NewFileURI(filepath.Join(dir, "甲单位.json"))})
	if len(b.files) != 0 || ws.merge == nil || !ws.merge.shown() {
		t.Errorf("files dropped on the editor went to the batch (%d) or not to 合并导入", len(b.files))
	}
}
