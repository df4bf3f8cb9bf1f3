package painter_test

// jixiao patch (third_party/fyne/PATCHES.md): one parse of a font resource
// is shared by the faces of every text style.

import (
	"image/color"
	"testing"

	"github.com/go-text/typesetting/font"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/internal/painter"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// oneFontTheme uses one font resource for every text style, as an app with
// a single bundled font does.
type oneFontTheme struct{ fyne.Theme }

func (oneFontTheme) Font(fyne.TextStyle) fyne.Resource { return theme.DefaultTextFont() }
func (t oneFontTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, v)
}

func TestCachedFontFaceSharesParsedFont(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(oneFontTheme{theme.DefaultTheme()})

	first := func(style fyne.TextStyle) *font.Face {
		return painter.CachedFontFace(style, nil, nil).Fonts.ResolveFace('a')
	}
	regular := first(fyne.TextStyle{})
	for _, style := range []fyne.TextStyle{{Bold: true}, {Italic: true}, {Bold: true, Italic: true}, {Monospace: true}} {
		f := first(style)
		if f == regular {
			t.Errorf("%+v: the same *font.Face as regular; each style needs its own (faces hold caches)", style)
		}
		if f.Font != regular.Font {
			t.Errorf("%+v: the theme's font was parsed again, not shared with the regular style", style)
		}
	}

	// A new theme clears the cache: its fonts are parsed anew.
	a.Settings().SetTheme(oneFontTheme{theme.DefaultTheme()})
	if f := first(fyne.TextStyle{}); f.Font == regular.Font {
		t.Error("the parsed font survived ClearFontCache")
	}
}
