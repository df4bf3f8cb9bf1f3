package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"jixiao/model"
)

// textAt is the text of f at loc (the fields CarryForward changes).
func textAt(f *model.Form, loc model.Location) string {
	switch loc.Part {
	case model.PartGoals:
		return f.Goals[loc.Row].Text
	case model.PartTasks:
		u := &f.Units[loc.Unit]
		switch loc.Field {
		case model.FieldUnitName:
			return u.Name
		case model.FieldContent:
			return u.Tasks[loc.Row].Content
		case model.FieldTaskNote:
			return u.Tasks[loc.Row].Note
		}
	case model.PartIndicators:
		in := f.Indicators[loc.Row]
		return map[model.Field]string{model.FieldLevel1: in.Level1, model.FieldLevel2: in.Level2, model.FieldLevel3: in.Level3,
			model.FieldSub: in.Sub, model.FieldValue: in.Value, model.FieldExplain: in.Explain, model.FieldNote: in.Note, model.FieldScoring: in.Scoring}[loc.Field]
	}
	return "?"
}

func TestCarryForwardOneUnticked(t *testing.T) {
	src := model.Sample()
	// two texts with one year each, so each replacement can be judged alone
	src.Goals[0].Text = "完成2020年大气污染防治攻坚任务。"
	src.Goals[1].Text = "2020年度水污染防治。"
	ws, st, id := newTestWorkspace(t, src)
	before, _ := st.List()

	ws.CarryDialog(id)
	r := ws.carry
	if r == nil || r.year.Text != "2021" {
		t.Fatalf("year proposed = %q, want 2021", r.year.Text)
	}
	if len(r.checks) < 2 || len(r.checks) != len(r.repls) {
		t.Fatalf("%d checkboxes for %d replacements", len(r.checks), len(r.repls))
	}
	// nothing is created before confirmation
	if l, _ := st.List(); len(l) != len(before) {
		t.Fatal("a draft was created before confirmation")
	}
	// the review counts the amounts to review
	if want := "34项任务的金额照抄上年并标为“待核实”"; !strings.Contains(r.msg.Text, want) {
		t.Errorf("message %q lacks %q", r.msg.Text, want)
	}
	// count replacements per place: untick one that is alone in its text
	per := map[model.Location]int{}
	for _, rp := range r.repls {
		per[rp.Loc]++
	}
	off := -1
	for i, rp := range r.repls {
		if per[rp.Loc] == 1 && rp.Loc.Part == model.PartGoals && rp.Loc.Row == 1 {
			off = i
		}
	}
	if off < 0 {
		t.Fatal("no replacement in 目标2")
	}
	test.Tap(r.checks[off])
	if r.checks[off].Checked {
		t.Fatal("tap did not untick")
	}
	tapButton(t, ws.win, "创建新草稿")
	if r.created == "" || ws.e.ID() != r.created {
		t.Fatalf("new draft %q not opened (editor shows %q)", r.created, ws.e.ID())
	}
	nf, err := st.Load(r.created)
	if err != nil {
		t.Fatal(err)
	}
	if nf.Year != "2021" || nf.Meta.OriginDraft != id {
		t.Errorf("year %q, OriginDraft %q (want %q)", nf.Year, nf.Meta.OriginDraft, id)
	}
	if got := nf.Goals[1].Text; got != "2020年度水污染防治。" {
		t.Errorf("unticked 目标2 = %q, want unchanged", got)
	}
	replaced := 0
	for i, rp := range r.repls {
		if i == off || per[rp.Loc] != 1 {
			continue
		}
		if got := textAt(nf, rp.Loc); got != rp.After {
			t.Errorf("%s = %q, want %q", rp.Loc.Describe(nf), got, rp.After)
		}
		replaced++
	}
	if replaced == 0 {
		t.Fatal("no other replacement checked")
	}
	if nf.Goals[0].Text != "完成2021年大气污染防治攻坚任务。" {
		t.Errorf("目标1 = %q", nf.Goals[0].Text)
	}
	// 上年 figures beside this year's: every row keeps last year's amounts
	t0 := nf.Units[0].Tasks[0]
	if t0.Prev == nil || t0.Prev.Total != src.Units[0].Tasks[0].Total || !t0.Review {
		t.Errorf("first task Prev=%v Review=%v", t0.Prev, t0.Review)
	}
	if !ws.e.Totals().HasPrev {
		t.Error("the editor's totals have no 上年数")
	}
	// the source is unchanged
	if of, _ := st.Load(id); of.Year != "2020" || of.Goals[0].Text != src.Goals[0].Text {
		t.Error("the source draft changed")
	}
}

func TestCarryForwardBadYear(t *testing.T) {
	ws, st, id := newTestWorkspace(t, model.Sample())
	ws.CarryDialog(id)
	r := ws.carry
	r.year.SetText("21")
	if len(r.checks) != 0 || !strings.Contains(r.msg.Text, "4位数字") {
		t.Fatalf("bad year: %d checks, message %q", len(r.checks), r.msg.Text)
	}
	r.confirm()
	if l, _ := st.List(); len(l) != 1 {
		t.Fatalf("%d drafts after a refused copy", len(l))
	}
	if !strings.Contains(ws.lastInfo, "不是有效的年份") {
		t.Errorf("message %q", ws.lastInfo)
	}
}

// The 原文/改为 lines show the sentence the year belongs to, cut only when a
// side is longer than excerptMax characters.
func TestExcerptShowsTheSentence(t *testing.T) {
	long := strings.Repeat("甲", 70)
	for _, tc := range []struct {
		name, s, old, want string
	}{
		{"short text whole", "确保2020年城区空气质量改善", "2020年", "确保【2020年】城区空气质量改善"},
		{"from the previous sentence end to this one's",
			"第一句结束。通过实施管控措施，确保2020年城区PM10浓度下降；第二项另说。",
			"2020年", "通过实施管控措施，确保【2020年】城区PM10浓度下降；"},
		{"line breaks end a sentence", "上一行\n2020年全市监测\n下一行", "2020年", "【2020年】全市监测"},
		{"long sides cut with …", long + "2020年" + long, "2020年",
			"…" + strings.Repeat("甲", excerptMax) + "【2020年】" + strings.Repeat("甲", excerptMax) + "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			off := strings.Index(tc.s, tc.old)
			if got := excerpt(tc.s, off, len(tc.old)); got != tc.want {
				t.Errorf("excerpt = %q, want %q", got, tc.want)
			}
		})
	}
	if got := excerpt("abc", 2, 5); got != "abc" {
		t.Errorf("out-of-range part: %q, want the text as it is", got)
	}
}
