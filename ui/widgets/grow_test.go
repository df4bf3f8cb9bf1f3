package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

func TestGrowEntryIsAsTallAsItsText(t *testing.T) {
	test.NewTempApp(t)
	g := NewGrowEntry(2)
	var heights []float32
	g.OnHeight = func(h float32) { heights = append(heights, h) }
	w := test.NewTempWindow(t, container.NewWithoutLayout(g))
	w.Resize(fyne.NewSize(600, 600))
	g.Resize(fyne.NewSize(300, g.MinSize().Height))
	short := g.MinSize().Height

	g.SetText(strings.Repeat("这是一段很长的年度总体目标文字。", 30))
	g.Resize(fyne.NewSize(300, g.MinSize().Height))
	tall := g.MinSize().Height
	if tall < 4*short {
		t.Fatalf("long text: height %v, short %v", tall, short)
	}
	if len(heights) == 0 || heights[len(heights)-1] != tall {
		t.Fatalf("OnHeight got %v, want last %v", heights, tall)
	}
	// narrower: taller still
	g.Resize(fyne.NewSize(200, tall))
	if g.MinSize().Height <= tall {
		t.Errorf("at 200 px: height %v, at 300 px %v", g.MinSize().Height, tall)
	}
	// the text shrinks back
	g.SetText("短")
	g.Resize(fyne.NewSize(300, g.MinSize().Height))
	if g.MinSize().Height != short {
		t.Errorf("short text again: height %v, want %v", g.MinSize().Height, short)
	}
}

func TestGrowEntryHasNoInnerScroller(t *testing.T) {
	test.NewTempApp(t)
	g := NewGrowEntry(2)
	g.SetText(strings.Repeat("文字", 200))
	w := test.NewTempWindow(t, g)
	w.Resize(fyne.NewSize(300, 300))
	var walk func(o fyne.CanvasObject, depth int)
	walk = func(o fyne.CanvasObject, depth int) {
		if _, ok := o.(fyne.Scrollable); ok && depth > 0 {
			t.Errorf("a scrollable %T inside the entry", o)
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, depth+1)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, depth+1)
			}
		}
	}
	walk(g, 0)
}
