package xlsx

import (
	"fmt"
	"strings"

	"jixiao/model"
	"jixiao/model/recognize"
)

// visibleKey is what the visible sheet shows of f, in a canonical text:
// two forms with the same key look the same in the workbook, so the
// hidden data of a file whose key matches its visible sheet is current.
// Blank rows are left out, as the importer skips them; it keeps the
// template's "....." rows, and so does the key.
func VisibleKey(f *model.Form) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Y%q D%q O%v\n", strings.TrimSpace(f.Year), strings.TrimSpace(f.Dept), f.Options.OtherFunds)
	for _, g := range f.Goals {
		// every target is printed, numbered, and read back
		fmt.Fprintf(&b, "G%q\n", keyText(strings.TrimSpace(g.Text)))
	}
	amt := func(a model.Amount) string {
		switch a.State() {
		case model.AmountValid:
			return "v" + a.Money().String()
		case model.AmountInvalid:
			return "x" + strings.TrimSpace(a.Raw())
		}
		return ""
	}
	for _, u := range f.Units {
		fmt.Fprintf(&b, "U%q\n", keyText(strings.TrimSpace(u.Name)))
		for _, t := range u.Tasks {
			if recognize.BlankTask(t) {
				continue
			}
			other := ""
			if f.Options.OtherFunds {
				other = amt(t.Other)
			}
			fmt.Fprintf(&b, "T%q %s %s %s %q\n", keyText(t.Content), amt(t.Total), amt(t.Fiscal), other, keyText(t.Note))
		}
	}
	recognize.TemplateKey(&b, f)
	for _, in := range f.Indicators {
		fields, blank := recognize.IndicatorKeyFields(f.Options, in)
		if blank {
			continue // the importer skips it; "....." rows it keeps
		}
		for i := range fields {
			fields[i] = keyText(fields[i])
		}
		fmt.Fprintf(&b, "I%q\n", fields)
	}
	return b.String()
}

// keyMaxRunes is how much of a text visibleKey compares: a cell holds at
// most 32,767 characters, so a longer text (kept whole in the hidden
// data) shows cut short in the sheet; comparing only its start keeps such
// a file "unchanged", so the whole text is imported from the hidden data.
const keyMaxRunes = 16_000

func keyText(s string) string {
	if len(s) <= keyMaxRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == keyMaxRunes {
			return s[:i]
		}
		n++
	}
	return s
}

// carryOver copies into v (read from the visible sheet of one of our own
// files that was edited after export) what the sheet cannot show, from
// the hidden data h, where rows still correspond: the form's meta data,
// the goals each task serves, 上年数, and the rate inputs. Rows correspond
// by what they are, never by position: a task by its unit and 主要内容, an
// indicator by its 一级/二级/三级/明细 names, a target by its text — and
// where such names repeat, by the row's declared values too; a row that
// still cannot be told apart gets nothing, and the returned notes say so.
// A task's goals follow their texts, so goals sorted in the sheet keep
// their tasks.
func carryOver(v, h *model.Form) []string {
	var notes []string
	v.Meta = h.Meta
	v.Options = model.Options{
		OtherFunds: v.Options.OtherFunds,
		Weight:     v.Options.Weight || h.Options.Weight,
		Unit:       v.Options.Unit || h.Options.Unit,
		ValueType:  v.Options.ValueType || h.Options.ValueType,
		Scoring:    v.Options.Scoring || h.Options.Scoring,
		Nature:     v.Options.Nature || h.Options.Nature,
		Direction:  v.Options.Direction || h.Options.Direction,
	}
	v.Template = h.Template
	// goals: the hidden number → the visible number of the same text
	goalOf := map[int]int{}
	vg, hg := map[string][]int{}, map[string]int{}
	for i, g := range v.Goals {
		t := strings.TrimSpace(g.Text)
		vg[t] = append(vg[t], i+1)
	}
	for _, g := range h.Goals {
		hg[strings.TrimSpace(g.Text)]++
	}
	// (targets of the same text are the same target to a reader: the k-th
	// of them in the hidden data is the k-th in the sheet)
	nth := map[string]int{}
	for i, g := range h.Goals {
		t := strings.TrimSpace(g.Text)
		if hg[t] == len(vg[t]) {
			goalOf[i+1] = vg[t][nth[t]]
		}
		nth[t]++
	}
	// tasks
	amt := func(a model.Amount) string { return strings.TrimSpace(a.String()) }
	key1 := func(u string, t *model.Task) string {
		return strings.TrimSpace(u) + "\x00" + strings.TrimSpace(t.Content)
	}
	key2 := func(u string, t *model.Task) string {
		return key1(u, t) + "\x00" + amt(t.Total) + "\x00" + amt(t.Fiscal) + "\x00" + amt(t.Other) + "\x00" + strings.TrimSpace(t.Note)
	}
	hidden1, hidden2 := map[string][]*model.Task{}, map[string][]*model.Task{}
	for ui := range h.Units {
		for ti := range h.Units[ui].Tasks {
			t := &h.Units[ui].Tasks[ti]
			hidden1[key1(h.Units[ui].Name, t)] = append(hidden1[key1(h.Units[ui].Name, t)], t)
			hidden2[key2(h.Units[ui].Name, t)] = append(hidden2[key2(h.Units[ui].Name, t)], t)
		}
	}
	seen1, seen2 := map[string]int{}, map[string]int{}
	for ui := range v.Units {
		for ti := range v.Units[ui].Tasks {
			t := &v.Units[ui].Tasks[ti]
			seen1[key1(v.Units[ui].Name, t)]++
			seen2[key2(v.Units[ui].Name, t)]++
		}
	}
	unsure, lostLinks := 0, 0
	for ui := range v.Units {
		for ti := range v.Units[ui].Tasks {
			t := &v.Units[ui].Tasks[ti]
			k1, k2 := key1(v.Units[ui].Name, t), key2(v.Units[ui].Name, t)
			var ht *model.Task
			switch {
			case len(hidden1[k1]) == 1 && seen1[k1] == 1:
				ht = hidden1[k1][0]
			case len(hidden2[k2]) == 1 && seen2[k2] == 1:
				ht = hidden2[k2][0]
			case len(hidden1[k1]) > 0:
				unsure++
				continue
			default:
				continue
			}
			t.Goals = nil
			for _, n := range ht.Goals {
				if m, ok := goalOf[n]; ok {
					t.Goals = append(t.Goals, m)
				} else {
					lostLinks++
				}
			}
			t.Prev = ht.Prev
		}
	}
	if unsure > 0 {
		notes = append(notes, fmt.Sprintf("有 %d 行任务与其他行的单位、主要内容和金额都相同，无法确定各是隐藏数据中的哪一行，它们对应的目标和上年数没有恢复，请核对", unsure))
	}
	if lostLinks > 0 {
		notes = append(notes, fmt.Sprintf("任务对应的目标中有 %d 处的目标文字在表格中改动或重复了，这些对应关系没有恢复，请核对", lostLinks))
	}
	// indicators
	ik1 := func(in *model.Indicator) string {
		return strings.Join([]string{strings.TrimSpace(in.Level1), strings.TrimSpace(in.Level2), strings.TrimSpace(in.Level3), strings.TrimSpace(in.Sub)}, "\x00")
	}
	ik2 := func(in *model.Indicator) string { return ik1(in) + "\x00" + strings.TrimSpace(in.Value) }
	hin1, hin2 := map[string][]*model.Indicator{}, map[string][]*model.Indicator{}
	for i := range h.Indicators {
		in := &h.Indicators[i]
		hin1[ik1(in)] = append(hin1[ik1(in)], in)
		hin2[ik2(in)] = append(hin2[ik2(in)], in)
	}
	vin1, vin2 := map[string]int{}, map[string]int{}
	for i := range v.Indicators {
		vin1[ik1(&v.Indicators[i])]++
		vin2[ik2(&v.Indicators[i])]++
	}
	unsure = 0
	for i := range v.Indicators {
		in := &v.Indicators[i]
		var hi *model.Indicator
		switch k1, k2 := ik1(in), ik2(in); {
		case len(hin1[k1]) == 1 && vin1[k1] == 1:
			hi = hin1[k1][0]
		case len(hin2[k2]) == 1 && vin2[k2] == 1:
			hi = hin2[k2][0]
		case len(hin1[k1]) > 0 && (hin1[k1][0].Formula != "" || len(hin1[k1][0].Inputs) > 0):
			unsure++
			continue
		default:
			continue
		}
		in.Formula = hi.Formula
		if hi.Inputs != nil {
			in.Inputs = map[string]string{}
			for k, x := range hi.Inputs {
				in.Inputs[k] = x
			}
		}
	}
	if unsure > 0 {
		notes = append(notes, fmt.Sprintf("有 %d 个计算类指标与其他指标的名称和指标值都相同，无法确定各是隐藏数据中的哪一个，它们的计算数据没有恢复，请核对", unsure))
	}
	return notes
}
