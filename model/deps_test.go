package model

import (
	"os/exec"
	"strings"
	"testing"
)

// The core model links neither the 指标库 (model/library) nor its pinyin
// dictionary, nor the 汇总 (model/merge): they are packages on top of it
// (docs/library.md, docs/merge.md). `go test` puts its own go command
// first on PATH, so the list is that of the toolchain running the test.
func TestModelDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 || deps[len(deps)-1] != "jixiao/model" {
		t.Fatalf("go list -deps . does not end with jixiao/model: %q", deps)
	}
	for _, d := range deps {
		if strings.Contains(strings.ToLower(d), "pinyin") || strings.HasPrefix(d, "jixiao/") && d != "jixiao/model" {
			t.Errorf("package model links %s", d)
		}
	}
}
