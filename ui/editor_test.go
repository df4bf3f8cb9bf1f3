package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
	"jixiao/store"
)

// memSaver records saves; safe for the autosave goroutine.
type memSaver struct {
	mu    sync.Mutex
	saves []*model.Form
	err   error
}

func (m *memSaver) Save(id string, f *model.Form) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return m.err
	}
	m.saves = append(m.saves, f.Clone())
	return nil
}

func (m *memSaver) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.saves)
}

// newTestEditor opens f in an editor in a headless window of 1280×800.
func newTestEditor(t testing.TB, f *model.Form, s Saver) (*Editor, fyne.Window) {
	t.Helper()
	a := test.NewApp()
	a.Settings().SetTheme(NewTheme())
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800))
	// Fake clock and worker (fakes_test.go): timers fire and saves and
	// exports run only when the test says so, on its own goroutine.
	e := New(w, s, testOptions()...)
	if err := e.Open("d1", f); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, o := range a.Driver().AllWindows() {
			if o == w {
				w.Close()
			}
		}
		a.Quit()
	})
	return e, w
}

// focused is the entry with the keyboard focus.
func focused(t testing.TB, w fyne.Window) *widget.Entry {
	t.Helper()
	switch o := w.Canvas().Focused().(type) {
	case *widget.Entry:
		return o
	case *area:
		return &o.Entry
	case nil:
		t.Fatal("nothing has the focus")
	default:
		t.Fatalf("focus is on %T, not an entry", o)
	}
	return nil
}

// retype clears en through the keyboard and types s, as a clerk does.
func retype(en *widget.Entry, s string) {
	en.TypedShortcut(&fyne.ShortcutSelectAll{})
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	test.Type(en, s)
}

func taskLoc(unit, row int, field model.Field) model.Location {
	return model.Location{Part: model.PartTasks, Unit: unit, Row: row, Field: field}
}

func TestTypingAmountUpdatesSubtotalAndTotal(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	cases := []struct {
		unit, row int
		field     model.Field
		typed     string
	}{
		{0, 0, model.FieldTotal, "200"},
		{1, 2, model.FieldFiscal, "1,300.5"},
		{7, 0, model.FieldTotal, "０.１２３４"}, // full-width digits
	}
	for _, c := range cases {
		if !e.Focus(taskLoc(c.unit, c.row, c.field)) {
			t.Fatalf("cannot focus %v", c)
		}
		if e.CurrentTab() != TabTasks {
			t.Fatalf("tab %d shown, want 年度主要任务", e.CurrentTab())
		}
		retype(focused(t, w), c.typed)

		// What the totals must be: the sample with this one cell changed,
		// added up by the model.
		want := e.Form().Clone()
		got := e.Form().Units[c.unit].Tasks[c.row]
		a := got.Total
		if c.field == model.FieldFiscal {
			a = got.Fiscal
		}
		if a.Raw() != c.typed || !a.Valid() {
			t.Fatalf("model holds %q (valid %v), want %q", a.Raw(), a.Valid(), c.typed)
		}
		tot := model.ComputeTotals(want)
		ut := tot.Units[c.unit]
		sub := e.tasks.shown[c.unit*1_000_000-1]
		if sub == nil {
			t.Fatalf("unit %d header not shown", c.unit)
		}
		for _, m := range []model.Money{ut.Total, ut.Fiscal} {
			if s := model.FormatMoney(m, true); !strings.Contains(sub.subtotal.Text, s) {
				t.Errorf("unit subtotal %q lacks %s", sub.subtotal.Text, s)
			}
		}
		for _, l := range []*widget.Label{e.tasks.total, e.status.totals} {
			if s := model.FormatMoney(tot.Total, true); !strings.Contains(l.Text, "合计 "+s+" 万元") {
				t.Errorf("total %q lacks 合计 %s 万元", l.Text, s)
			}
			if s := model.FormatMoney(tot.Fiscal, true); !strings.Contains(l.Text, "财政资金 "+s+" 万元") {
				t.Errorf("total %q lacks 财政资金 %s 万元", l.Text, s)
			}
		}
	}
	// The first case alone moves the grand total by 200 − 115 = +85.
	if d := e.Totals().Total - model.ComputeTotals(model.Sample()).Total; d == 0 {
		t.Errorf("grand total did not change")
	}
}

func TestBadAmountShowsReasonAndKeepsText(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	before := e.Totals()
	for _, typed := range []string{"12a", "1.2.3", "-5", "100元", "1.23456"} {
		e.Focus(taskLoc(2, 1, model.FieldTotal))
		en := focused(t, w)
		retype(en, typed)
		if en.Text != typed {
			t.Errorf("entry shows %q, want the typed %q", en.Text, typed)
		}
		a := e.Form().Units[2].Tasks[1].Total
		if a.Raw() != typed || a.State() != model.AmountInvalid {
			t.Fatalf("%q: model holds %q state %v", typed, a.Raw(), a.State())
		}
		it := e.tasks.shown[2*1_000_000+1]
		if !it.errBox.Visible() || !strings.Contains(it.errLine.Text, a.Reason()) || !strings.HasPrefix(it.errLine.Text, "合计：") {
			t.Errorf("%q: error line %q (visible %v), want 合计：%s", typed, it.errLine.Text, it.errBox.Visible(), a.Reason())
		}
		if !e.tasks.bad.Visible() {
			t.Errorf("%q: the tab does not say an amount is wrong", typed)
		}
		// The unreadable cell is left out of the totals, and said so.
		if e.Totals().Invalid != 1 || e.Totals().Total != before.Total-model.MustAmount("191.2176").Money() {
			t.Errorf("%q: totals %+v", typed, e.Totals().Sums)
		}
		if !strings.Contains(e.status.totals.Text, "1 个金额无法识别") {
			t.Errorf("status bar %q does not count the wrong amount", e.status.totals.Text)
		}
	}
	// Correcting it clears the message.
	en := focused(t, w)
	retype(en, "191.2176")
	it := e.tasks.shown[2*1_000_000+1]
	if it.errBox.Visible() || e.tasks.bad.Visible() || e.Totals().Total != before.Total {
		t.Errorf("after correcting: error line visible %v, totals %v want %v", it.errBox.Visible(), e.Totals().Total, before.Total)
	}
}

func TestRateUpdatesWithInputs(t *testing.T) {
	e, _ := newTestEditor(t, model.Sample(), &memSaver{})
	row := -1
	for i, in := range e.Form().Indicators {
		if in.Formula == "预算执行率" {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("sample has no 预算执行率")
	}
	e.SelectTab(TabIndicators)
	r := e.inds.rows[row]
	done, total := r.inputs["预算执行数"], r.inputs["预算数"]
	if done == nil || total == nil || r.result == nil {
		t.Fatalf("inputs not shown: %v", r.inputs)
	}
	steps := []struct {
		field *widget.Entry
		typed string
		want  string
		imp   widget.Importance
	}{
		{done, "97", "请填写“预算数”", widget.LowImportance},
		{total, "100", "计算结果 97.00%　未达标", widget.DangerImportance},
		{done, "98.5", "计算结果 98.50%　达标", widget.SuccessImportance},
		{total, "0", "为0", widget.WarningImportance},
		{total, "12x", "不是数字", widget.WarningImportance},
		{total, "200", "计算结果 49.25%　未达标", widget.DangerImportance},
	}
	for _, s := range steps {
		e.win.Canvas().Focus(s.field)
		retype(s.field, s.typed)
		if !strings.Contains(r.result.Text, s.want) || r.result.Importance != s.imp {
			t.Errorf("after %q: result %q (importance %v), want %q (%v)", s.typed, r.result.Text, r.result.Importance, s.want, s.imp)
		}
		// The shown result is the model's.
		if rate := model.EvalRate(e.Form().Indicators[row]); rate.State == model.RateOK && !strings.Contains(r.result.Text, rate.Display()) {
			t.Errorf("shown %q, model says %s", r.result.Text, rate.Display())
		}
	}
}

func TestClickingFindingFocusesField(t *testing.T) {
	f := model.Sample()
	f.Units[3].Tasks[1].Fiscal = model.ParseAmount("九十六")
	f.Goals[4].Text = ""
	e, w := newTestEditor(t, f, &memSaver{})
	if e.ErrorCount() == 0 {
		t.Fatal("the checks found no error")
	}
	if title := e.tabList[TabChecks].Text; !strings.Contains(title, "审核 (") {
		t.Errorf("tab title %q does not count the errors", title)
	}
	if !strings.Contains(e.status.errs.Text, "个错误") {
		t.Errorf("status bar %q does not count the errors", e.status.errs.Text)
	}
	e.SelectTab(TabChecks)
	find := func(match func(model.Location) bool) int {
		for i, fd := range e.Findings() {
			if match(fd.Loc) {
				return i
			}
		}
		t.Fatalf("no finding matches; findings: %v", e.Findings())
		return -1
	}
	// The bad amount.
	i := find(func(l model.Location) bool {
		return l.Part == model.PartTasks && l.Unit == 3 && l.Row == 1 && l.Field == model.FieldFiscal
	})
	if e.Findings()[i].Severity != model.SevError {
		t.Errorf("bad amount is not an error")
	}
	e.checks.Select(i)
	if e.CurrentTab() != TabTasks {
		t.Fatalf("tab %d shown after the click", e.CurrentTab())
	}
	if got := focused(t, w); got != e.tasks.shown[3*1_000_000+1].amounts[colFiscal] || got.Text != "九十六" {
		t.Errorf("focus is on %q, not the 财政资金 of 第2行", got.Text)
	}
	// The empty goal.
	e.SelectTab(TabChecks)
	i = find(func(l model.Location) bool { return l.Part == model.PartGoals && l.Row == 4 })
	e.checks.Select(i)
	if e.CurrentTab() != TabGoals {
		t.Fatalf("tab %d shown, want 年度总体目标", e.CurrentTab())
	}
	if got := w.Canvas().Focused(); got != fyne.Focusable(e.goals.shown[4].text) {
		t.Errorf("focus is on %v, not 目标5", got)
	}
	// Every finding leads somewhere that takes the focus.
	for i, fd := range e.Findings() {
		w.Canvas().Unfocus()
		if !e.Focus(fd.Loc) || w.Canvas().Focused() == nil {
			t.Errorf("finding %d (%s) does not focus a field", i, fd.Loc.Describe(e.Form()))
		}
	}
}

func TestFindingFarDownLargeForm(t *testing.T) {
	f := model.Generate(2000)
	f.Units[70].Tasks[20].Total = model.ParseAmount("abc")
	e, w := newTestEditor(t, f, &memSaver{})
	loc := taskLoc(70, 20, model.FieldTotal)
	if !e.Focus(loc) {
		t.Fatal("cannot focus row 20 of unit 71")
	}
	if en := focused(t, w); en.Text != "abc" {
		t.Errorf("focused %q", en.Text)
	}
}

func TestAutosaveReachesStore(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "drafts.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	id, err := st.Create(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewApp()
	defer a.Quit()
	w := test.NewWindow(nil)
	defer w.Close()
	clk, wk := newFakeClock(), &fakeWorker{}
	e := New(w, st, WithClock(clk), WithWorker(wk))
	if e.SaveDelay != DefaultSaveDelay {
		t.Fatalf("save delay %v", e.SaveDelay)
	}
	if err := e.Open(id, f); err != nil {
		t.Fatal(err)
	}
	e.Focus(model.Location{Part: model.PartBasic, Field: model.FieldDept})
	retype(focused(t, w), "郑州市测试")
	// Typing again before the delay is over starts it again.
	clk.Advance(DefaultSaveDelay - time.Millisecond)
	retype(focused(t, w), "郑州市测试局")
	clk.Advance(DefaultSaveDelay - time.Millisecond)
	e.Focus(taskLoc(0, 1, model.FieldTotal))
	retype(focused(t, w), "123.4")
	lastEdit := clk.Now()
	if !e.Dirty() || !strings.HasPrefix(w.Title(), "* 郑州市测试局 2020年度") || e.status.save.Text != "未保存" {
		t.Errorf("after typing: dirty %v, title %q, status %q", e.Dirty(), w.Title(), e.status.save.Text)
	}
	clk.Advance(DefaultSaveDelay - time.Millisecond)
	if len(wk.jobs) != 0 {
		t.Fatalf("a save started before the delay")
	}
	if g, _ := st.Load(id); g.Dept != model.SampleDept {
		t.Errorf("saved before the delay: %q", g.Dept)
	}
	clk.Advance(time.Millisecond)
	if len(wk.jobs) != 1 || e.status.save.Text != "正在保存…" {
		t.Fatalf("after the delay: %d saves started, status %q", len(wk.jobs), e.status.save.Text)
	}
	clk.Advance(time.Minute) // the store is slow: the save ends later
	wk.Run()
	got, err := st.Load(id)
	if err != nil || got.Dept != "郑州市测试局" || got.Units[0].Tasks[1].Total.Raw() != "123.4" {
		t.Fatalf("store holds %q / %q after the autosave (%v)", got.Dept, got.Units[0].Tasks[1].Total.Raw(), err)
	}
	if e.Dirty() || e.status.save.Text != "已保存 "+clk.Now().Format("15:04:05") || strings.HasPrefix(w.Title(), "*") {
		t.Errorf("after saving: dirty %v, status %q, title %q", e.Dirty(), e.status.save.Text, w.Title())
	}
	if !e.Form().Meta.Updated.Equal(lastEdit) {
		t.Errorf("form updated at %v, the last edit was at %v", e.Form().Meta.Updated, lastEdit)
	}
	revs, err := st.Revisions(id)
	if err != nil || len(revs) != 2 {
		t.Errorf("revisions %v, %v: want the first and one autosave", revs, err)
	}
	if clk.pending() != 0 {
		t.Errorf("%d timers still running", clk.pending())
	}
}

func TestFlushAndSaveError(t *testing.T) {
	s := &memSaver{}
	e, w := newTestEditor(t, model.Sample(), s)
	e.Focus(model.Location{Part: model.PartGoals, Row: 0, Field: model.FieldGoalText})
	test.Type(focused(t, w), "补充")
	if err := e.Flush(); err != nil || s.count() != 1 || e.Dirty() {
		t.Fatalf("flush: %v, %d saves, dirty %v", err, s.count(), e.Dirty())
	}
	if !strings.HasPrefix(s.saves[0].Goals[0].Text, "补充") {
		t.Errorf("saved goal %q", s.saves[0].Goals[0].Text[:20])
	}
	s.err = errors.New("磁盘已满")
	test.Type(focused(t, w), "再")
	if err := e.Flush(); err == nil || !strings.Contains(err.Error(), "磁盘已满") || !e.Dirty() {
		t.Errorf("failed flush: %v, dirty %v", err, e.Dirty())
	}
	if !strings.Contains(e.status.save.Text, "保存失败") || e.status.save.Importance != widget.DangerImportance {
		t.Errorf("status %q", e.status.save.Text)
	}
}

func TestGoalEditing(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	n := len(e.Form().Goals)
	// Insert before goal 3; task links to goals 3… move up by one.
	e.Focus(model.Location{Part: model.PartGoals, Row: 2})
	e.goals.shown[2].ins.OnTapped()
	if len(e.Form().Goals) != n+1 || e.Form().Goals[2].Text != "" {
		t.Fatalf("insert: %d goals, goal 3 %q", len(e.Form().Goals), e.Form().Goals[2].Text)
	}
	if got := w.Canvas().Focused(); got != fyne.Focusable(e.goals.shown[2].text) {
		t.Errorf("the new goal does not have the focus")
	}
	test.Type(focused(t, w), "新目标")
	if e.Form().Goals[2].Text != "新目标" || e.goals.shown[2].chars.Text != "3 字" || e.goals.shown[3].num.Text != "目标4" {
		t.Errorf("goal 3 %q, count %q, next %q", e.Form().Goals[2].Text, e.goals.shown[2].chars.Text, e.goals.shown[3].num.Text)
	}
	e.goals.shown[2].down.OnTapped()
	if e.Form().Goals[3].Text != "新目标" {
		t.Errorf("move down: goal 4 is %q", e.Form().Goals[3].Text)
	}
	e.goals.shown[3].del.OnTapped()
	if len(e.Form().Goals) != n || e.Form().Goals[3].Text != model.Sample().Goals[3].Text {
		t.Errorf("delete: %d goals", len(e.Form().Goals))
	}
}

func TestOptionColumns(t *testing.T) {
	e, _ := newTestEditor(t, model.Sample(), &memSaver{})
	e.SelectTab(TabTasks)
	it := e.tasks.shown[0*1_000_000+0]
	if it.cells[colOther].Visible() {
		t.Fatal("其他资金 shown without the option")
	}
	e.SelectTab(TabBasic)
	e.basic.opts[0].SetChecked(true)
	if !e.Form().Options.OtherFunds {
		t.Fatal("switch did not reach the model")
	}
	e.SelectTab(TabTasks)
	it = e.tasks.shown[0*1_000_000+0]
	if !it.cells[colOther].Visible() || !it.amounts[colOther].Visible() || !strings.Contains(e.tasks.total.Text, "其他资金") {
		t.Errorf("其他资金 column not shown")
	}
	e.SelectTab(TabBasic)
	e.basic.opts[1].SetChecked(true)
	e.SelectTab(TabIndicators)
	if !e.inds.rows[0].weight.Visible() {
		t.Errorf("分值 column not shown")
	}
}

func TestCarriedForwardShowsPrev(t *testing.T) {
	f := model.Sample()
	f.Units[0].Tasks[0].Prev = &model.PrevAmounts{Total: model.MustAmount("100"), Fiscal: model.MustAmount("100")}
	e, _ := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabTasks)
	it := e.tasks.shown[0]
	if !it.prevs[colTotal].Visible() || it.prevs[colTotal].Text != "上年 100 · +15.00%" {
		t.Errorf("上年 cell %q (visible %v)", it.prevs[colTotal].Text, it.prevs[colTotal].Visible())
	}
}
