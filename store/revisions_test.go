package store

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

func TestRevisionRetention(t *testing.T) {
	s, _ := openTest(t)
	clk := &fakeClock{}
	s.now = clk.now
	day := time.Date(2026, 3, 1, 8, 0, 0, 0, time.Local)
	clk.set(day)
	f := model.Sample()
	id, err := s.Create(f) // revision 1 on day 0
	if err != nil {
		t.Fatal(err)
	}
	n := 1
	save := func() {
		t.Helper()
		n++
		f.Goals[0].Text = fmt.Sprintf("目标文字 %d", n)
		clk.add(time.Minute)
		if err := s.Save(id, f); err != nil {
			t.Fatal(err)
		}
	}
	for n < 60 { // revisions 2…60 on day 0
		save()
	}
	clk.set(day.AddDate(0, 0, 1))
	for n < 120 { // 61…120 on day 1
		save()
	}
	clk.set(day.AddDate(0, 0, 2))
	for n < 180 { // 121…180 on day 2
		save()
	}
	revs, err := s.Revisions(id)
	if err != nil {
		t.Fatal(err)
	}
	var nums []int
	for _, r := range revs {
		nums = append(nums, r.N)
	}
	// The newest 50 (131…180), and the newest of day 1 and of day 0.
	want := []int{}
	for i := 180; i >= 131; i-- {
		want = append(want, i)
	}
	want = append(want, 120, 60)
	if fmt.Sprint(nums) != fmt.Sprint(want) {
		t.Errorf("kept revisions %v\nwant %v", nums, want)
	}
	if info, _ := s.Info(id); info.Revisions != len(want) {
		t.Errorf("Info.Revisions = %d, want %d", info.Revisions, len(want))
	}
	// The daily ones outside the recent window are stored compressed, the
	// recent ones are not.
	s.view(func(tx *bolt.Tx) error {
		b, _ := draftBucket(tx, id)
		rb := b.Bucket(bucketRevs)
		for n, want := range map[int]bool{60: true, 120: true, 131: false, 180: false} {
			v := rb.Get(u64(uint64(n)))
			if got := len(v) > 0 && v[0] == compressedMark; got != want {
				t.Errorf("revision %d compressed = %v, want %v", n, got, want)
			}
			if n == 120 {
				if z, p := len(v), len(rb.Get(u64(131))); z*2 > p {
					t.Errorf("compressed revision %d bytes, plain %d", z, p)
				}
			}
		}
		return nil
	})
	if r120, err := s.LoadRevision(id, 120); err != nil || r120.Goals[0].Text != "目标文字 120" {
		t.Errorf("compressed revision 120: %v", err)
	}
	// Each kept revision holds its own content.
	old, err := s.LoadRevision(id, 60)
	if err != nil {
		t.Fatal(err)
	}
	if old.Goals[0].Text != "目标文字 60" {
		t.Errorf("revision 60 has %q", old.Goals[0].Text)
	}
	if _, err := s.LoadRevision(id, 100); !errors.Is(err, ErrNotFound) {
		t.Errorf("pruned revision: %v", err)
	}
	if !strings.Contains(revs[0].Summary, "修改目标1") {
		t.Errorf("summary %q", revs[0].Summary)
	}

	// A year later, the daily revisions older than KeepDays go too.
	clk.set(day.AddDate(0, 0, KeepDays+10))
	save()
	revs, _ = s.Revisions(id)
	if len(revs) != KeepRecent || revs[0].N != 181 || revs[len(revs)-1].N != 132 {
		t.Errorf("after a year: %d revisions, %d…%d", len(revs), revs[0].N, revs[len(revs)-1].N)
	}
}

func TestRestoreRevisionIsNewRevision(t *testing.T) {
	s, _ := openTest(t)
	f := model.Sample()
	id, _ := s.Create(f)
	f.Goals = append(f.Goals, model.Goal{Text: "第35个目标"})
	f.Units[0].Tasks = append(f.Units[0].Tasks, model.Task{Content: "新任务", Total: model.MustAmount("2"), Fiscal: model.MustAmount("2")})
	if err := s.Save(id, f); err != nil {
		t.Fatal(err)
	}
	revs, _ := s.Revisions(id)
	if got, want := revs[0].Summary, "目标 34→35，任务 +1，合计 7898.5676→7900.5676 万元，财政资金 7898.5676→7900.5676 万元"; got != want {
		t.Errorf("summary\n got %q\nwant %q", got, want)
	}
	if err := s.RestoreRevision(id, 1); err != nil {
		t.Fatal(err)
	}
	revs, _ = s.Revisions(id)
	if len(revs) != 3 || revs[0].N != 3 || !strings.HasPrefix(revs[0].Summary, "恢复为第 1 版：目标 35→34") {
		t.Errorf("after restore: %+v", revs)
	}
	g, _ := s.Load(id)
	if formJSON(t, g) != formJSON(t, model.Sample()) {
		t.Errorf("restored content differs from revision 1")
	}
	if err := s.RestoreRevision(id, 99); !errors.Is(err, ErrNotFound) {
		t.Errorf("restore of a missing revision: %v", err)
	}
}

func TestSummary(t *testing.T) {
	base := model.Sample()
	tests := []struct {
		name string
		edit func(f *model.Form)
		want string
	}{
		{"nothing", func(f *model.Form) {}, "没有内容改动"},
		{"year", func(f *model.Form) { f.Year = "2021" }, "年度 2020→2021"},
		{"goal text", func(f *model.Form) { f.Goals[4].Text = "x" }, "修改目标5"},
		{"two goals", func(f *model.Form) { f.Goals[0].Text, f.Goals[1].Text = "x", "y" }, "修改目标 2 处"},
		{"amount", func(f *model.Form) { f.Units[0].Tasks[0].Total = model.MustAmount("200") }, "修改任务 1 行，合计 7898.5676→7983.5676 万元"},
		{"bad amount", func(f *model.Form) { f.Units[0].Tasks[0].Fiscal = model.ParseAmount("abc") },
			"修改任务 1 行，财政资金 7898.5676→7783.5676 万元，1 个金额无法识别"},
		{"indicator", func(f *model.Form) { f.Indicators[3].Value = "≥99%" }, "修改指标 1 行"},
		{"stage", func(f *model.Form) { _ = f.SetStage(model.StageMonitor, 6, time.Time{}) }, "阶段 申报→运行监控（截至6月）"},
		{"adjust", func(f *model.Form) {
			_ = f.SetStage(model.StageEval, 0, time.Time{})
			_ = f.AdjustIndicator(3, "≥95%", "调整", time.Time{})
		}, "阶段 申报→年度自评，调整 1 处，修改指标 1 行"},
		{"indicator removed", func(f *model.Form) { f.Indicators = f.Indicators[:48] }, "指标 49→48"},
		{"unit removed", func(f *model.Form) { f.Units = f.Units[1:] }, "单位 8→7，任务 -" + fmt.Sprint(len(base.Units[0].Tasks)) + "，合计 7898.5676→" + model.ComputeTotals(&model.Form{Units: base.Units[1:]}).Total.String() + " 万元，财政资金 7898.5676→" + model.ComputeTotals(&model.Form{Units: base.Units[1:]}).Fiscal.String() + " 万元"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base.Clone()
			tt.edit(f)
			if got := Summary(base, f); got != tt.want {
				t.Errorf("Summary = %q, want %q", got, tt.want)
			}
		})
	}
	if got := Summary(nil, base); got != "新建" {
		t.Errorf("Summary(nil) = %q", got)
	}
}

// TestSameTaskCoversTask fails when model.Task gains a field that sameTask
// (the revision summary's row comparison) does not look at yet.
func TestSameTaskCoversTask(t *testing.T) {
	if n := reflect.TypeOf(model.Task{}).NumField(); n != 10 {
		t.Errorf("model.Task has %d fields; update sameTask in summary.go and this count", n)
	}
	a := model.Sample().Units[0].Tasks[0]
	for name, edit := range map[string]func(*model.Task){
		"content": func(x *model.Task) { x.Content += "x" },
		"total":   func(x *model.Task) { x.Total = model.ParseAmount("1") },
		"fiscal":  func(x *model.Task) { x.Fiscal = model.ParseAmount("x") },
		"other":   func(x *model.Task) { x.Other = model.ParseAmount("2") },
		"note":    func(x *model.Task) { x.Note = "n" },
		"goals":   func(x *model.Task) { x.Goals = []int{9} },
		"prev":    func(x *model.Task) { x.Prev = &model.PrevAmounts{Total: model.ParseAmount("1")} },
		"review":  func(x *model.Task) { x.Review = true },
		"monitor": func(x *model.Task) { x.Monitor.Forecast = model.ParseAmount("3") },
		"eval":    func(x *model.Task) { x.Eval.Executed = model.ParseAmount("4") },
	} {
		b := a
		b.Goals = slices.Clone(a.Goals)
		edit(&b)
		if sameTask(&a, &b) {
			t.Errorf("a change of %s is not seen", name)
		}
	}
	b := a
	if !sameTask(&a, &b) {
		t.Errorf("equal rows differ")
	}
}

func TestBigFormStoredCompressed(t *testing.T) {
	s, path := openTest(t)
	f := model.Generate(2000)
	id, err := s.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	f.Units[3].Tasks[7].Note = "改了一行"
	if err := s.Save(id, f); err != nil {
		t.Fatal(err)
	}
	plainSize := len(mustJSON(t, f))
	s.view(func(tx *bolt.Tx) error {
		b, _ := draftBucket(tx, id)
		for n := uint64(1); n <= 2; n++ {
			v := b.Bucket(bucketRevs).Get(u64(n))
			if len(v) == 0 || v[0] != compressedMark || len(v)*3 > plainSize {
				t.Errorf("revision %d: %d bytes (plain %d), compressed %v", n, len(v), plainSize, len(v) > 0 && v[0] == compressedMark)
			}
		}
		return nil
	})
	s.Close()
	s2, err := Open(path) // no cache: decoded from the file
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	g, err := s2.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if formJSON(t, g) != formJSON(t, f) {
		t.Errorf("big form differs after the round trip")
	}
	revs, _ := s2.Revisions(id)
	if len(revs) != 2 || revs[0].Summary != "修改任务 1 行" {
		t.Errorf("revisions %+v", revs)
	}
	// An unchanged save of a compressed head writes nothing.
	if err := s2.Save(id, g); err != nil {
		t.Fatal(err)
	}
	if revs, _ := s2.Revisions(id); len(revs) != 2 {
		t.Errorf("unchanged save added a revision")
	}
}
