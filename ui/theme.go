package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"jixiao/assets"
)

// fontResource is the bundled CJK font; every text style uses it so that no
// glyph is ever missing (Fyne's own fonts have no Chinese).
var fontResource = fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.FontTTF)

// IconResource is the application icon.
var IconResource = fyne.NewStaticResource("jixiao.png", assets.IconPNG)

// Theme is the editor's calm, dense office look: always light, small
// paddings, one CJK font for every text style.
type Theme struct{}

// NewTheme returns the editor's theme.
func NewTheme() fyne.Theme { return Theme{} }

var (
	colBackground = color.NRGBA{0xf4, 0xf5, 0xf7, 0xff}
	colInput      = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	colPrimary    = color.NRGBA{0x1f, 0x4e, 0x8c, 0xff}
	colText       = color.NRGBA{0x22, 0x26, 0x2e, 0xff}
	colHeader     = color.NRGBA{0xe6, 0xe9, 0xef, 0xff}
	colError      = color.NRGBA{0xc0, 0x28, 0x28, 0xff}
	colSuccess    = color.NRGBA{0x2e, 0x7d, 0x32, 0xff}
	colWarning    = color.NRGBA{0xb2, 0x6a, 0x00, 0xff}
)

// Color implements fyne.Theme; the variant is ignored (always light).
func (Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameBackground:
		return colBackground
	case theme.ColorNameInputBackground:
		return colInput
	case theme.ColorNameForeground:
		return colText
	case theme.ColorNamePrimary, theme.ColorNameFocus:
		if n == theme.ColorNameFocus {
			return color.NRGBA{0x1f, 0x4e, 0x8c, 0x60}
		}
		return colPrimary
	case theme.ColorNameHeaderBackground, theme.ColorNameMenuBackground:
		return colHeader
	case theme.ColorNameError:
		return colError
	case theme.ColorNameSuccess:
		return colSuccess
	case theme.ColorNameWarning:
		return colWarning
	case theme.ColorNameDisabled:
		return color.NRGBA{0x8a, 0x90, 0x99, 0xff}
	case theme.ColorNamePlaceHolder:
		return color.NRGBA{0x9a, 0xa0, 0xa8, 0xff}
	case theme.ColorNameButton:
		return color.NRGBA{0xe9, 0xec, 0xf1, 0xff}
	case theme.ColorNameInputBorder:
		return color.NRGBA{0xa9, 0xb0, 0xbb, 0xff}
	case theme.ColorNameSeparator:
		return color.NRGBA{0xd6, 0xda, 0xe1, 0xff}
	case theme.ColorNameSelection:
		return color.NRGBA{0x1f, 0x4e, 0x8c, 0x30}
	case theme.ColorNameHover:
		return color.NRGBA{0x1f, 0x4e, 0x8c, 0x14}
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

// Font implements fyne.Theme: the bundled CJK font for every style.
func (Theme) Font(fyne.TextStyle) fyne.Resource { return fontResource }

// Icon implements fyne.Theme.
func (Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size implements fyne.Theme: denser than Fyne's default.
func (Theme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 13
	case theme.SizeNameCaptionText:
		return 11
	case theme.SizeNameHeadingText:
		return 18
	case theme.SizeNameSubHeadingText:
		return 15
	case theme.SizeNamePadding:
		return 3
	case theme.SizeNameInnerPadding:
		return 5
	case theme.SizeNameInlineIcon:
		return 16
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius, theme.SizeNameButtonRadius:
		return 3
	case theme.SizeNameScrollBar:
		return 12
	}
	return theme.DefaultTheme().Size(n)
}
