package ui

import (
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestBoldSharesTheParsedFont: with the editor's theme, the first bold or
// italic text costs a face, not another parse of the 6.9 MB bundled font
// (about 30 MB of heap, as the first regular text costs). This is the Fyne
// patch in third_party/fyne (PATCHES.md) at work: without the replace line
// in go.mod, every text style parses the font again.
func TestBoldSharesTheParsedFont(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	a.Settings().SetTheme(NewTheme()) // also clears Fyne's font caches

	allocated := func(style fyne.TextStyle, s string) uint64 {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		if size := fyne.MeasureText(s, 13, style); size.Width <= 0 {
			t.Fatalf("%q in %+v measured %v", s, style, size)
		}
		runtime.ReadMemStats(&m1)
		return m1.TotalAlloc - m0.TotalAlloc
	}
	regular := allocated(fyne.TextStyle{}, "绩效目标")
	if regular < 10<<20 {
		t.Fatalf("the first regular text allocated only %d KB; the font was parsed before (the test measures nothing)", regular>>10)
	}
	for _, style := range []fyne.TextStyle{{Bold: true}, {Italic: true}, {Bold: true, Italic: true}} {
		got := allocated(style, "申报表")
		t.Logf("first text in %+v: %d KB allocated (first regular text: %d KB)", style, got>>10, regular>>10)
		if got > regular/4 {
			t.Errorf("first text in %+v allocated %d MB (the first regular text: %d MB); the font was parsed again",
				style, got>>20, regular>>20)
		}
	}
}
