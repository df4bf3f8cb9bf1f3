package assets

import (
	"bytes"
	"image/png"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestFontParses(t *testing.T) {
	f, err := sfnt.Parse(FontTTF)
	if err != nil {
		t.Fatalf("parse embedded font: %v", err)
	}
	var buf sfnt.Buffer
	name, err := f.Name(&buf, sfnt.NameIDFamily)
	if err != nil {
		t.Fatalf("family name: %v", err)
	}
	if name != "Jixiao Noto Sans SC" {
		t.Errorf("family name = %q, want %q", name, "Jixiao Noto Sans SC")
	}
	// 堃, 喆 and 镕 are in GBK but not in GB 2312 (淼 is in both);
	// １ is the full-width digit one.
	for _, r := range []rune{'郑', '绩', '≥', '１', '淼', 'A', '堃', '喆', '镕', '，', '。', '①', '℃'} {
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil {
			t.Errorf("GlyphIndex(%q): %v", r, err)
			continue
		}
		if idx == 0 {
			t.Errorf("GlyphIndex(%q) = 0: no glyph", r)
		}
	}
	t.Logf("%d glyphs, %d bytes", f.NumGlyphs(), len(FontTTF))
}

func TestIcon(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(IconPNG))
	if err != nil {
		t.Fatalf("decode icon: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("icon is %dx%d, want 512x512", cfg.Width, cfg.Height)
	}
}

func TestFontLicence(t *testing.T) {
	for _, s := range []string{
		"Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.",
		"SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007",
		"OTHER DEALINGS IN THE FONT SOFTWARE.",
	} {
		if !bytes.Contains(FontLicence, []byte(s)) {
			t.Errorf("OFL.txt lacks %q", s)
		}
	}
}
