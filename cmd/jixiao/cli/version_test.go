package cli

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestVersionMatchesFyneApp keeps the version the program prints equal to
// the one the packages are labelled with.
func TestVersionMatchesFyneApp(t *testing.T) {
	data, err := os.ReadFile("../../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	field := func(re string) string {
		m := regexp.MustCompile(`(?m)^\s*` + re + `\s*=\s*"?([^"\n]*?)"?\s*$`).FindSubmatch(data)
		if m == nil {
			t.Fatalf("FyneApp.toml has no %s", re)
		}
		return string(m[1])
	}
	if v := field("Version"); v != AppVersion {
		t.Errorf("FyneApp.toml Version = %q, AppVersion = %q", v, AppVersion)
	}
	if b := field("Build"); b != strconv.Itoa(AppBuild) {
		t.Errorf("FyneApp.toml Build = %q, AppBuild = %d", b, AppBuild)
	}
	if id := field("ID"); id != AppID {
		t.Errorf("FyneApp.toml ID = %q, AppID = %q", id, AppID)
	}
	if n := field("Name"); n != AppName {
		t.Errorf("FyneApp.toml Name = %q, AppName = %q", n, AppName)
	}
}

func TestVersionCommand(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		out  string // in stdout (code 0) or stderr
	}{
		{[]string{"version"}, 0, "版本 " + AppVersion + "（构建 " + strconv.Itoa(AppBuild)},
		{[]string{"version", "--db", "/nonexistent/x.db"}, 0, "版本 " + AppVersion},
		{[]string{"version", "extra"}, 2, "不需要参数"},
		{[]string{"version", "--bogus"}, 2, "不认识的选项"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &cli{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader("")})
		got := stdout.String()
		if tc.code != 0 {
			got = stderr.String()
		}
		if code != tc.code || !strings.Contains(got, tc.out) {
			t.Errorf("%v: code %d, output %q; want code %d and %q", tc.args, code, got, tc.code, tc.out)
		}
	}
}
