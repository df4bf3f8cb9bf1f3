package ui

import (
	_ "embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// zhTranslations are Chinese texts for Fyne's own words (dialog buttons,
// the file dialog, the entry's menu).
//
//go:embed zh.json
var zhTranslations []byte

// UseChinese makes Fyne's own words (确定, 取消, 保存文件…) Chinese whatever
// the system locale is: the clerk's program is Chinese even on a machine set
// to LANG=C or an English Windows. It registers the Chinese texts for
// English, the language Fyne falls back to, and for Simplified Chinese.
func UseChinese() error {
	if err := lang.AddTranslationsForLocale(zhTranslations, fyne.Locale("zh-Hans")); err != nil {
		return err
	}
	return lang.AddTranslationsForLocale(zhTranslations, fyne.Locale("en"))
}
