package ui

import (
	"reflect"
	"strings"
	"testing"

	"jixiao/model"
)

func TestSplitClipboard(t *testing.T) {
	tests := []struct {
		name, in string
		want     [][]string
	}{
		{"LF", "a\tb\nc\td\n", [][]string{{"a", "b"}, {"c", "d"}}},
		{"CRLF", "a\tb\r\nc\td\r\n", [][]string{{"a", "b"}, {"c", "d"}}},
		{"no final newline", "a\tb", [][]string{{"a", "b"}}},
		{"empty cells", "a\t\tc\n", [][]string{{"a", "", "c"}}},
		{"quoted multi-line", "\"第一行\r\n第二行\"\t5\nx\t6\n", [][]string{{"第一行\n第二行", "5"}, {"x", "6"}}},
		{"doubled quotes", "\"他说\"\"好\"\"\tx\"\t1\n", [][]string{{"他说\"好\"\tx", "1"}}},
		{"quote inside a cell", "12\"寸\t3\n", [][]string{{"12\"寸", "3"}}},
		{"trailing blank lines", "a\n\n\t\n", [][]string{{"a"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SplitClipboard(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParsePaste(t *testing.T) {
	tests := []struct {
		name    string
		target  PasteTarget
		in      string
		check   func(t *testing.T, r PasteResult)
		refused int
		bad     int
	}{
		{"goals with prefixes", PasteGoals, "目标1：甲\n目标 2: 乙\n丙\n目标4\t丁\n", func(t *testing.T, r PasteResult) {
			var got []string
			for _, g := range r.Goals {
				got = append(got, g.Text)
			}
			if !reflect.DeepEqual(got, []string{"甲", "乙", "丙", "丁"}) {
				t.Errorf("goals %q", got)
			}
		}, 0, 0},
		{"goals refused", PasteGoals, "a\tb\tc\n目标5\n", nil, 2, 0},
		{"tasks, 4 columns", PasteTasks, "任务一\t10\t8\t备注\n任务二\t5.5\n", func(t *testing.T, r PasteResult) {
			if len(r.Units) != 1 || r.Units[0].Name != "" || len(r.Units[0].Tasks) != 2 {
				t.Fatalf("units %+v", r.Units)
			}
			tk := r.Units[0].Tasks[0]
			if tk.Content != "任务一" || tk.Total.Money() != model.MustAmount("10").Money() || tk.Fiscal.Raw() != "8" || tk.Note != "备注" {
				t.Errorf("row 1 %+v", tk)
			}
		}, 0, 0},
		{"tasks with units and merged unit cells", PasteTasks,
			"任务名称\t主要内容\t合计\t其中：财政资金\t备注\n甲单位\t一\t1\t1\t\n\t二\t2\t2\t\n乙单位\t三\t3\t3\t\n合计\t\t6\t6\t\n",
			func(t *testing.T, r PasteResult) {
				if len(r.Units) != 2 || r.Units[0].Name != "甲单位" || len(r.Units[0].Tasks) != 2 || r.Units[1].Name != "乙单位" {
					t.Errorf("units %+v", r.Units)
				}
			}, 1, 0},
		{"bad amount kept as typed", PasteTasks, "任务\t12万x\t\n", func(t *testing.T, r PasteResult) {
			if r.Units[0].Tasks[0].Total.Raw() != "12万x" || r.Units[0].Tasks[0].Total.Valid() {
				t.Errorf("amount %+v", r.Units[0].Tasks[0].Total)
			}
		}, 0, 1},
		{"indicators continue 一级/二级", PasteIndicators,
			"一级指标\t二级指标\t三级指标\t指标值\t指标解释\t指标说明\n产出指标\t数量指标\t监测次数\t≥12次\t解释\t\n\t\t覆盖率\t100%\t\t\n\t\t\t\t\t\n", func(t *testing.T, r PasteResult) {
				if len(r.Indicators) != 2 || r.Indicators[1].Level1 != "产出指标" || r.Indicators[1].Level2 != "数量指标" || r.Indicators[1].Value != "100%" {
					t.Errorf("indicators %+v", r.Indicators)
				}
			}, 0, 0},
		{"indicator without 一级", PasteIndicators, "\t\t覆盖率\t100%\n", nil, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ParsePaste(tt.target, tt.in)
			if len(r.Refused) != tt.refused || len(r.BadAmounts) != tt.bad {
				t.Errorf("refused %q, bad %q; want %d, %d", r.Refused, r.BadAmounts, tt.refused, tt.bad)
			}
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
}

func TestPasteThreeRowsOneBadAmount(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	e := ws.e
	e.SelectTab(TabTasks)
	before := e.Totals()
	lastUnit := len(e.Form().Units) - 1
	rows := len(e.Form().Units[lastUnit].Tasks)
	clip := "新增任务甲\t12.5\t12.5\t\r\n\"新增任务乙\r\n（第二行）\"\t3万元x\t\t请核对\r\n新增任务丙\t7.25\t7\t\r\n"
	ws.PasteText(clip)
	f := e.Form()
	u := f.Units[lastUnit]
	if len(u.Tasks) != rows+3 {
		t.Fatalf("%d rows in the last unit, want %d", len(u.Tasks), rows+3)
	}
	bad := u.Tasks[rows+1]
	if bad.Content != "新增任务乙\n（第二行）" || bad.Total.Raw() != "3万元x" || bad.Total.Valid() || bad.Note != "请核对" {
		t.Errorf("bad row %+v", bad)
	}
	after := e.Totals()
	if want := before.Total + model.MustAmount("12.5").Money() + model.MustAmount("7.25").Money(); after.Total != want {
		t.Errorf("total %s, want %s", model.FormatMoney(after.Total, false), model.FormatMoney(want, false))
	}
	if want := before.Fiscal + model.MustAmount("19.5").Money(); after.Fiscal != want {
		t.Errorf("fiscal %s, want %s", model.FormatMoney(after.Fiscal, false), model.FormatMoney(want, false))
	}
	rep := ws.lastInfo
	for _, s := range []string{"已粘贴3行", "3万元x", "第2行", "原文已保留"} {
		if !strings.Contains(rep, s) {
			t.Errorf("report lacks %q:\n%s", s, rep)
		}
	}
	// one undo step
	ws.Undo()
	if len(e.Form().Units[lastUnit].Tasks) != rows || e.Totals().Total != before.Total {
		t.Errorf("undo of the paste: %d rows", len(e.Form().Units[lastUnit].Tasks))
	}
	// not on the 基本信息 tab
	e.SelectTab(TabBasic)
	ws.PasteText(clip)
	if !strings.Contains(ws.lastInfo, "请先切换") || e.Form().TaskCount() != before.Tasks {
		t.Errorf("paste on 基本信息: %q", ws.lastInfo)
	}
}

// BenchmarkParsePaste1000Rows parses 1,000 task rows copied from a
// spreadsheet (with units, one quoted multi-line cell in ten).
func BenchmarkParsePaste1000Rows(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("任务名称\t主要内容\t合计\t其中：财政资金\t备注\r\n")
	for i := 0; i < 1000; i++ {
		unit := ""
		if i%50 == 0 {
			unit = "单位" + strings.Repeat("甲", i/50%5+1)
		}
		content := "监测任务第" + string(rune('0'+i%10)) + "项"
		if i%10 == 0 {
			content = "\"多行\r\n内容\"\"引号\"\"\""
		}
		sb.WriteString(unit + "\t" + content + "\t123.45\t100\t备注\r\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r := ParsePaste(PasteTasks, text)
		if r.Rows != 1000 {
			b.Fatalf("%d rows", r.Rows)
		}
	}
}

// Rows without a unit go to the unit whose field has the focus.
func TestPasteIntoFocusedUnit(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	e := ws.e
	e.SelectTab(TabTasks)
	if !e.Focus(model.Location{Part: model.PartTasks, Unit: 1, Row: 0, Field: model.FieldContent}) {
		t.Fatal("cannot focus unit 2 row 1")
	}
	n := len(e.Form().Units[1].Tasks)
	ws.PasteText("粘贴到第二个单位\t1\t1\n")
	if got := len(e.Form().Units[1].Tasks); got != n+1 || e.Form().Units[1].Tasks[n].Content != "粘贴到第二个单位" {
		t.Fatalf("unit 2 has %d rows (was %d)", got, n)
	}
	if !strings.Contains(ws.lastInfo, e.Form().Units[1].Name) {
		t.Errorf("report does not name the unit: %s", ws.lastInfo)
	}
}
