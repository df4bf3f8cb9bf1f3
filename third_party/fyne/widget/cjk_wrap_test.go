package widget

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// wrapped returns the lines of text word-wrapped at width, each rune 10
// units wide.
func wrapped(text string, width float32) []string {
	measure := func(r []rune) fyne.Size { return fyne.NewSize(float32(len(r))*10, 10) }
	seg := &TextSegment{Text: text}
	rt := NewRichText(seg)
	rt.Wrapping = fyne.TextWrapWord
	bounds, _ := lineBounds(rt, seg, width, fyne.NewSize(width, 1000), measure)
	runes := []rune(text)
	var lines []string
	for _, b := range bounds {
		lines = append(lines, string(runes[b.begin:b.end]))
	}
	return lines
}

// Chinese text fills each line and breaks between characters, not only at
// its few spaces; punctuation keeps to GB/T 15834-2011 5.1; text without
// CJK wraps as before.
func TestWordWrapBreaksCJKText(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width float32 // in runes × 10
		want  []string
	}{
		// upstream: "本机已有表样“county-czj”（某县" | "部门整体绩效目标表）第1版，内容与这" | …
		{"本机已有表样“county-czj”（某县 部门整体绩效目标表）第1版，内容与这个文件不同。", 200,
			[]string{"本机已有表样“county-czj”（某", "县 部门整体绩效目标表）第1版，内容与这", "个文件不同。"}},
		// upstream puts the whole run after the space on a line of its own
		{"可用 表样 › 迁移到新版本… 迁移。也可以取消，请发文单位把文件中表样的版本号改为2后再发来。", 200,
			[]string{"可用 表样 › 迁移到新版本… 迁移。也", "可以取消，请发文单位把文件中表样的版本号", "改为2后再发来。"}},
		// 。 and ） do not start a line: the character before them goes down too
		{"一二三四五六七八九。十", 90, []string{"一二三四五六七八", "九。十"}},
		{"一二三四五六七八（九）", 90, []string{"一二三四五六七八", "（九）"}},
		{"一二三四五六七八（九）", 100, []string{"一二三四五六七八", "（九）"}},
		// —— and …… stay whole
		{"一二三四五六七八——九", 90, []string{"一二三四五六七", "八——九"}},
		{"一二三四五六七八……", 90, []string{"一二三四五六七", "八……"}},
		// Latin text: spaces only, as upstream
		{"the quick brown fox jumps", 100, []string{"the quick", "brown fox", "jumps"}},
		{"abcdefghijklmnop", 100, []string{"abcdefghij", "klmnop"}},
		// a Latin word inside Chinese is not split
		{"请选择county-czj表样", 100, []string{"请选择", "county-czj", "表样"}},
	} {
		got := wrapped(tt.text, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q at %v:\n got %q\nwant %q", tt.text, tt.width, got, tt.want)
		}
	}
}
