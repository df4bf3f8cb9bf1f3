package export

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSafeFileNameHostile: names made from form text (a 部门名称 can come
// from an imported file) keep only letters, digits and harmless marks.
// Before SafeFileName, 局&calc, %PATH% and ^ went into the file name as
// they were, and 打开文件 handed that name to cmd.exe.
func TestSafeFileNameHostile(t *testing.T) {
	cases := []struct{ in, want string }{
		{"郑州市生态环境局", "郑州市生态环境局"},
		{"局&calc", "局_calc"},
		{"局 & calc", "局_calc"},
		{"%PATH%", "PATH"},
		{"局%PATH%", "局_PATH"},
		{"^", "_"},
		{"a^b", "a_b"},
		{"..", "_"},
		{"../../etc/passwd", "etc_passwd"},
		{"/", "_"},
		{`\`, "_"},
		{`C:\Windows\System32`, "C_Windows_System32"},
		{"CON", "_CON"},
		{"nul", "_nul"},
		{"Com1", "_Com1"},
		{"LPT9", "_LPT9"},
		{"COM0", "COM0"},
		{"CONSOLE", "CONSOLE"},
		{"部门. . .", "部门"},
		{"部门   ", "部门"},
		{"部门\x00\x07\x1b[31m红", "部门_31m红"},
		{"换\n行\r\n部\t门", "换_行_部_门"},
		{"a|b>c<d", "a_b_c_d"},
		{`"引号'`, "引号"},
		{"$(rm -rf ~)`id`;", "rm_-rf_id"},
		{"-rf", "rf"},
		{"--help 局", "help_局"},
		{"\u202e局gpj.exe", "局gpj_exe"}, // right-to-left override
		{"（局机关）【2020】", "（局机关）【2020】"},
		{"局机关、二级单位", "局机关、二级单位"},
		{"", "_"},
		{"   ", "_"},
	}
	for _, c := range cases {
		got := SafeFileName(c.in)
		if got != c.want {
			t.Errorf("SafeFileName(%q) = %q, want %q", c.in, got, c.want)
		}
		if bad := strings.IndexAny(got, "&%^|<>\"'$`;:/\\*?. \t\r\n\x00"); bad >= 0 {
			t.Errorf("SafeFileName(%q) = %q keeps %q", c.in, got, got[bad])
		}
	}
}

func TestSafeFileNameLong(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("很长的部门", 100),
		strings.Repeat("a", 500),
		strings.Repeat("局&", 200),
	} {
		got := SafeFileName(in)
		if len(got) > maxNameBytes || !utf8.ValidString(got) || strings.HasSuffix(got, "_") || got == "" {
			t.Errorf("SafeFileName(%d bytes) = %q (%d bytes)", len(in), got, len(got))
		}
	}
}

func FuzzSafeFileName(f *testing.F) {
	f.Add("局&calc")
	f.Add("%PATH%^..")
	f.Fuzz(func(t *testing.T, in string) {
		got := SafeFileName(in)
		if got == "" || len(got) > maxNameBytes || !utf8.ValidString(got) || windowsDevice(got) || strings.HasPrefix(got, "-") {
			t.Fatalf("SafeFileName(%q) = %q", in, got)
		}
		if strings.ContainsAny(got, "&%^|<>\"'$`;:/\\*?.\x00") || strings.HasSuffix(got, "_") && got != "_" {
			t.Fatalf("SafeFileName(%q) = %q", in, got)
		}
	})
}
