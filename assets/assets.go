// Package assets holds the files compiled into the jixiao binary: the CJK
// font used for all text, its licence, and the application icon.
//
// The font is built by scripts/mkfont.py and the icon by scripts/mkicon.sh;
// see README.md in this directory.
package assets

import _ "embed"

// FontTTF is "Jixiao Noto Sans SC" Regular, a TrueType (glyf) font made from
// Noto Sans CJK SC Regular, subset to every character encodable in GBK plus
// full-width forms, CJK and general punctuation, ①–⑳ and a few symbols.
// It is licensed under the SIL Open Font License 1.1 (see FontLicence).
//
//go:embed NotoSansSC-Regular.ttf
var FontTTF []byte

// IconPNG is the 512×512 application icon: a white 绩 on a deep blue
// (#1f4e8c) rounded square with transparent corners.
//
//go:embed icon.png
var IconPNG []byte

// FontLicence is the full text of the SIL Open Font License 1.1 with the
// copyright notice of Noto Sans CJK; it must ship with FontTTF.
//
//go:embed OFL.txt
var FontLicence []byte
