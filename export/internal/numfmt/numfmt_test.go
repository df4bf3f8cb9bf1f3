package numfmt

import "testing"

func TestClassify(t *testing.T) {
	for code, want := range map[string]Class{
		"General":               Plain,
		"0.00":                  Plain,
		"0%":                    Percent,
		"0.00%":                 Percent,
		`0.0"%"`:                Plain, // quoted: text
		`0.0\%`:                 Plain, // escaped: text
		"yyyy-mm-dd":            Date,
		"[$-804]yyyy年m月d日":      Date,
		"[h]:mm":                Date,
		"[Red]0.00":             Plain,
		`#,##0.00_);(#,##0.00)`: Plain,
		`"年"0`:                  Plain,
	} {
		if got := Classify(code); got != want {
			t.Errorf("Classify(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestStored(t *testing.T) {
	for _, c := range []struct {
		raw  string
		k    Class
		want string
	}{
		{"81.59999999999999", Plain, "81.6"},
		{"0.95", Percent, "95%"},
		{"44196", Date, "2020-12-31"},
		{"44196.5", Date, "2020-12-31 12:00"},
		{"abc", Percent, "abc"},
		{"123456789012345678", Plain, "123456789012346000"},
	} {
		if got := Stored(c.raw, c.k); got != c.want {
			t.Errorf("Stored(%q, %d) = %q, want %q", c.raw, c.k, got, c.want)
		}
	}
}
