package ui

import (
	"testing"

	"jixiao/model"
)

// TestPrevTextUsesModelChange: the 上年 line under a carried-forward
// amount shows the change the model computes (model.ChangePercent and
// FormatChange), not a second computation of its own.
func TestPrevTextUsesModelChange(t *testing.T) {
	cases := []struct{ prev, cur, want string }{
		{"100", "115", "上年 100 · +15.00%"},
		{"100", "96.8", "上年 100 · -3.20%"},
		{"3", "1", "上年 3 · -66.67%"},
		{"100", "100", "上年 100 · 0.00%"},
		{"0", "5", "上年 0"},
		{"100", "abc", "上年 100"},
		{"abc", "5", "上年 —"},
	}
	for _, c := range cases {
		p, cur := model.ParseAmount(c.prev), model.ParseAmount(c.cur)
		if got := prevText(p, cur); got != c.want {
			t.Errorf("prevText(%s, %s) = %q, want %q", c.prev, c.cur, got, c.want)
		}
		if p.Valid() && cur.Valid() && p.Money() != 0 {
			if want := "上年 " + model.FormatMoney(p.Money(), true) + " · " + model.FormatChange(p.Money(), cur.Money()); prevText(p, cur) != want {
				t.Errorf("prevText(%s, %s) differs from model.FormatChange: %q", c.prev, c.cur, want)
			}
		}
	}
}
