// Command minimal is the yardstick for jixiao's idle CPU and memory: the
// smallest Fyne window that shows one focused Entry in the same bundled
// CJK font, built from the same Fyne version with the same build tags.
// scripts/bench.sh runs it beside jixiao under the same Xvfb, so that the
// ratio between the two holds on any machine.
//
// It lives under cmd/jixiao because that is the only place in the
// repository that creates a Fyne app; it is a benchmark tool, never
// shipped (scripts/package.sh builds ./cmd/jixiao only).
//
//	go build -tags no_animations -o minimal ./cmd/jixiao/minimal
package main

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/assets"
)

var font = fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.FontTTF)

// cjkTheme is Fyne's default theme with the bundled font for every style.
type cjkTheme struct{ fyne.Theme }

func (t cjkTheme) Font(fyne.TextStyle) fyne.Resource { return font }
func (t cjkTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}

func main() {
	a := app.NewWithID("cn.gov.jixiao.minimal")
	a.Settings().SetTheme(cjkTheme{theme.DefaultTheme()})
	w := a.NewWindow("minimal")
	e := widget.NewEntry()
	e.SetText("绩效目标申报")
	w.SetContent(e)
	w.Resize(fyne.NewSize(1280, 760))
	w.Canvas().Focus(e)
	w.ShowAndRun()
}
