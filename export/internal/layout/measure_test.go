package layout

import (
	"math"
	"testing"

	"github.com/signintech/gopdf"

	"jixiao/assets"
)

// The widths by character class, as wrap adds them up (charEm × size).
func TestCharWidths(t *testing.T) {
	for _, tc := range []struct {
		text string
		size float64
		want float64
	}{
		{"", 10, 0},
		{"预算执行率", 10, 50}, // CJK: one em each
		{"预算执行率", 9, 45},  // scales with the size
		{"（≥95%）", 10, 10 + 10 + 5.6 + 5.6 + 9.6 + 10}, // full-width brackets and ≥ are one em; % is wide
		{"2020", 10, 4 * 5.6},                          // figures
		{"il.", 10, 3 * 3.4},                           // narrow
		{"WM", 10, 2 * 9.6},                            // widest Latin
		{"Ab", 10, 7.5 + 6.3},                          // capital, other Latin
		{"一\n二", 10, 20},                               // a line break takes no room
		{"é×", 10, 9.2 + 10},                           // accented letter; × is full width in the CJK font
	} {
		em := 0.0
		for _, r := range tc.text {
			em += CharEm(r)
		}
		if got := em * tc.size; math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("width of %q at %v pt = %v, want %v", tc.text, tc.size, got, tc.want)
		}
	}
}

func TestTextStyleLines(t *testing.T) {
	body := TextStyle{Size: 10, Line: 14, Pad: 5}
	for _, tc := range []struct {
		text  string
		width float64
		want  int
	}{
		{"", 100, 1},
		{"预算执行率", 50, 1},         // exactly fits
		{"预算执行率", 49.9, 2},       // one character over
		{"预算执行率达到百分之九十五", 50, 3}, // 13 characters in lines of 5
		{"第一行\n第二行", 100, 2},     // explicit break kept
		{"产出指标，", 40, 2},         // 避头尾: the comma does not start a line
		{"2020 budget execution", 60, 3},
	} {
		if got := body.Lines(tc.text, tc.width); got != tc.want {
			t.Errorf("lines(%q, %v) = %d (%q), want %d", tc.text, tc.width, got, body.Wrap(tc.text, tc.width), tc.want)
		}
	}
	if h := body.Height(3); h != 3*14+5 {
		t.Errorf("height(3) = %v", h)
	}
	if h := body.Height(0); h != 14+5 {
		t.Errorf("height(0) = %v, want one line", h)
	}
}

// The class widths are never narrower than the bundled font's glyphs, so a
// line measured by them does not overflow its cell in the PDF.
func TestCharEmCoversTheFont(t *testing.T) {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	if err := gp.AddTTFFontData("f", assets.FontTTF); err != nil {
		t.Fatal(err)
	}
	if err := gp.SetFont("f", "", 100); err != nil {
		t.Fatal(err)
	}
	var rs []rune
	for r := rune(0x20); r < 0x7f; r++ {
		rs = append(rs, r)
	}
	rs = append(rs, []rune("éüÀßαβΩдЖ°±×÷≥≤‰℃①（），。、；：“”《》【】—…％预算执行率元万")...)
	for _, r := range rs {
		w, err := gp.MeasureTextWidth(string(r))
		if err != nil {
			continue
		}
		if em := w / 100; em > CharEm(r)+1e-9 {
			t.Errorf("%q is %.3f em in the font, charEm says %.3f", r, em, CharEm(r))
		}
	}
}

func TestSpanHeights(t *testing.T) {
	one := func(text string) Lcell { return Lcell{Text: text, RowSpan: 1, ColSpan: 1} }
	span := func(text string, n int) Lcell { return Lcell{Text: text, RowSpan: n, ColSpan: 1} }
	need := map[string]float64{"a": 10, "b": 30, "tall": 100, "": 0}
	rows := []Lrow{
		{Cells: []Lcell{span("tall", 2), one("a")}},
		{Cells: []Lcell{one("b")}},
		{Cells: []Lcell{one("")}},
	}
	got := SpanHeights(rows, 19, func(ri, ci int) float64 { return need[rows[ri].Cells[ci].Text] })
	// rows: 19 (least), 30 (b), 19; the merged cell needs 100 over the
	// first two (49), so the second grows by 51.
	want := []float64{19, 81, 19}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("spanHeights = %v, want %v", got, want)
		}
	}
}
