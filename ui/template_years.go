package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// The 近两年收支金额 columns of the 部门总体资金情况 on the 基本信息 tab:
// one entry per column for each row and for each side's 合计, headed by
// the template's names (上年金额, 前年金额 …). Edits go through
// ApplyKeyed; the placeholder of a 合计 shows the sum of its rows.

// yearEntries adds to grid the entries of the 近两年 columns of row i of
// side (i < 0: the side's 合计) and returns them.
func (p *templatePanel) yearEntries(grid *fyne.Container, side model.FundsSide, i int) []*widget.Entry {
	e := p.e
	var out []*widget.Entry
	for _, y := range p.years {
		back := y.Back
		en := widget.NewEntry()
		key := fmt.Sprintf("funds/%d/%d/year%d", side, i, back)
		if i < 0 {
			key = fmt.Sprintf("funds/%d/total/year%d", side, back)
		}
		en.OnChanged = func(s string) {
			e.ApplyKeyed(key, func(f *model.Form) {
				if f.Funds == nil || back < 1 || back > 2 {
					return
				}
				if i < 0 {
					f.Funds.SetTypedYear(side, back, model.ParseAmount(s))
					return
				}
				if rows := f.Funds.Rows(side); i < len(rows) {
					rows[i].Years[back-1] = model.ParseAmount(s)
				}
			})
		}
		grid.Add(en)
		out = append(out, en)
	}
	return out
}

// refreshYears shows side's 近两年 amounts as typed; a 合计 left empty
// shows the sum of its rows as its placeholder.
func (p *templatePanel) refreshYears(side model.FundsSide) {
	f := p.e.form
	rows := f.Funds.Rows(side)
	for j, y := range p.years {
		if y.Back < 1 || y.Back > 2 {
			continue
		}
		for i, w := range p.rows[side] {
			if i < len(rows) && j < len(w.years) {
				setText(w.years[j], rows[i].Years[y.Back-1].Raw())
			}
		}
		if j < len(p.ytotals[side]) {
			en := p.ytotals[side][j]
			setText(en, f.Funds.TypedYear(side, y.Back).Raw())
			sum, _ := f.Funds.SumYear(side, y.Back)
			ph := "各项之和 " + model.FormatMoney(sum, false)
			if en.PlaceHolder != ph {
				en.SetPlaceHolder(ph)
			}
		}
	}
}

// yearEntry is the entry of the 近两年 column field (FieldFundYear1/2) of
// row (-1: the 合计) of side, or nil.
func (p *templatePanel) yearEntry(side, row int, field model.Field) *widget.Entry {
	back := 0
	switch field {
	case model.FieldFundYear1:
		back = 1
	case model.FieldFundYear2:
		back = 2
	}
	for j, y := range p.years {
		if y.Back != back {
			continue
		}
		if row < 0 {
			if j < len(p.ytotals[side]) {
				return p.ytotals[side][j]
			}
			return nil
		}
		if row < len(p.rows[side]) && j < len(p.rows[side][row].years) {
			return p.rows[side][row].years[j]
		}
	}
	return nil
}
