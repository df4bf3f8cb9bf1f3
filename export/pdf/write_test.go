package pdf

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"jixiao/model"
)

// write writes f (or its stage table) and checks what every PDF of ours
// must be: a complete file with at least one page.
func write(t testing.TB, fn func(*bytes.Buffer) (Report, error)) ([]byte, Report) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := fn(&buf)
	if err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[max(0, len(b)-64):], []byte("%%EOF")) {
		t.Fatalf("not a complete PDF (%d bytes)", len(b))
	}
	if rep.Pages < 1 {
		t.Fatalf("%d pages", rep.Pages)
	}
	return b, rep
}

func TestWriteSample(t *testing.T) {
	f := model.Sample()
	_, rep := write(t, func(b *bytes.Buffer) (Report, error) { return Write(b, f) })
	if len(rep.Missing) != 0 || rep.Pages < 3 {
		t.Errorf("sample: %d pages, missing %q", rep.Pages, string(rep.Missing))
	}
	// more text, more pages
	long := model.Sample()
	long.Goals[0].Text = strings.Repeat("很长的年度总体目标文字。", 400)
	_, rep2 := write(t, func(b *bytes.Buffer) (Report, error) { return Write(b, long) })
	if rep2.Pages <= rep.Pages {
		t.Errorf("a long target gives %d pages, the sample %d", rep2.Pages, rep.Pages)
	}
}

// Characters the bundled font lacks are reported once each, in order of
// first appearance; control characters are not among them.
func TestWriteMissing(t *testing.T) {
	f := model.Sample()
	f.Dept = "测试≒部门"
	f.Units[0].Tasks[0].Note = "表情😀备注≒\t换\n行"
	_, rep := write(t, func(b *bytes.Buffer) (Report, error) { return Write(b, f) })
	if !slices.Equal(rep.Missing, []rune{'≒', '😀'}) {
		t.Errorf("missing %q", string(rep.Missing))
	}
}

func TestWriteStage(t *testing.T) {
	now := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	mon := model.Sample()
	if err := mon.SetStage(model.StageMonitor, 6, now); err != nil {
		t.Fatal(err)
	}
	for s, f := range map[model.Stage]*model.Form{model.StageMonitor: mon, model.StageEval: model.SampleEval(now)} {
		_, rep := write(t, func(b *bytes.Buffer) (Report, error) { return WriteStage(b, f, s) })
		if len(rep.Missing) != 0 {
			t.Errorf("stage %v: missing %q", s, string(rep.Missing))
		}
	}
}

func TestWriteReply(t *testing.T) {
	r := &model.FileReview{Name: "某局.xlsx", Dept: "某局", Year: "2021", Findings: []model.FileFinding{
		{Severity: model.SevError, Place: "绩效目标申报表!C12", Message: "金额不是数字"},
		{Severity: model.SevHint, Where: "年度主要任务", Message: "任务没有主要内容"},
	}}
	_, rep := write(t, func(b *bytes.Buffer) (Report, error) {
		return WriteReply(b, r, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	})
	if len(rep.Missing) != 0 || rep.Pages != 1 {
		t.Errorf("reply: %d pages, missing %q", rep.Pages, string(rep.Missing))
	}
}

// Whatever the clerk typed, the writer gives a PDF or an error, never a
// panic; a missing character is one that was typed in one of the fields.
// Invalid UTF-8 is fuzzed too: it reaches the PDF as U+FFFD, which the
// font lacks, and strings.ContainsRune finds U+FFFD in a field that holds
// an invalid sequence. (The fields are checked one by one: two invalid
// halves such as "\xe6\x9f" and "\x80" make a valid 柀 when joined, and
// the check on the joined text skipped the case and then wrongly looked
// for the U+FFFD of each half in "柀"; testdata/fuzz/FuzzWrite/52e567f71328c354.)
func FuzzWrite(f *testing.F) {
	f.Add("某局", "目标", "任务", "1.5", "指标")
	f.Add("测试≒部门", "表情😀", "\x00\t\n", "一百", strings.Repeat("长", 500))
	f.Fuzz(func(t *testing.T, dept, goal, task, amount, ind string) {
		form := model.New("2021", dept, time.Time{})
		form.Goals = []model.Goal{{Text: goal}}
		form.Units = []model.Unit{{Name: dept, Tasks: []model.Task{{Content: task, Total: model.ParseAmount(amount)}}}}
		form.Indicators = []model.Indicator{{Level1: "履职效能", Level2: ind, Level3: ind, Value: amount}}
		var buf bytes.Buffer
		rep, err := Write(&buf, form)
		if err != nil {
			return
		}
		for _, r := range rep.Missing {
			if !slices.ContainsFunc([]string{dept, goal, task, amount, ind}, func(s string) bool { return strings.ContainsRune(s, r) }) {
				t.Fatalf("missing %q was not typed", r)
			}
		}
	})
}
