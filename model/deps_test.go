package model

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The core model links neither the 指标库 (model/library) nor its pinyin
// dictionary, nor the 汇总 (model/merge): they are packages on top of it
// (docs/library.md, docs/merge.md), and each of them links only the core
// model of ours. `go test` puts its own go command first on PATH, so the
// lists are those of the toolchain running the test.
func TestModelDependencies(t *testing.T) {
	for _, tc := range []struct {
		pkg    string   // relative to model/
		ours   []string // the jixiao packages it may link besides itself
		pinyin bool     // whether it may link go-pinyin
	}{
		{".", nil, false},
		{"./merge", []string{"jixiao/model"}, false},
		{"./library", []string{"jixiao/model"}, true},
	} {
		out, err := exec.Command("go", "list", "-deps", tc.pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", tc.pkg, err)
		}
		deps := strings.Fields(string(out))
		if len(deps) == 0 || !strings.HasPrefix(deps[len(deps)-1], "jixiao/model") {
			t.Fatalf("go list -deps %s does not end with the package itself: %q", tc.pkg, deps)
		}
		self := deps[len(deps)-1]
		for _, d := range deps {
			if strings.Contains(strings.ToLower(d), "pinyin") && !tc.pinyin ||
				strings.HasPrefix(d, "jixiao/") && d != self && !slices.Contains(tc.ours, d) {
				t.Errorf("%s links %s", self, d)
			}
		}
	}
}
