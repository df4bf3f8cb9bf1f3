package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each broken template file of docs/templates/broken is refused by
// `jixiao template check` (exit 1) with every one of its problems, and
// docs/templates.md shows exactly those lines under the file's name; the
// worked example checks clean and is quoted whole in the docs.
func TestTemplateCheckMessagesInDocs(t *testing.T) {
	docs := string(mustRead(t, "../../../docs/templates.md"))
	files, err := filepath.Glob("../../../docs/templates/broken/*.json")
	if err != nil || len(files) < 8 {
		t.Fatalf("broken files: %v %v", files, err)
	}
	for _, f := range files {
		code, out, stderr := checkRun("template", "check", f)
		if code != 1 || !strings.Contains(stderr, "个问题，不能导入") {
			t.Errorf("%s: exit %d %s", filepath.Base(f), code, stderr)
		}
		if !strings.Contains(docs, "`"+filepath.Base(f)+"`") {
			t.Errorf("docs/templates.md does not name %s", filepath.Base(f))
		}
		var problems []string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "  第 ") {
				problems = append(problems, strings.TrimSpace(l))
			}
		}
		if len(problems) == 0 {
			t.Errorf("%s: no problem listed:\n%s", filepath.Base(f), out)
		}
		for _, p := range problems {
			if !strings.Contains(docs, "    "+p+"\n") {
				t.Errorf("docs/templates.md lacks the line of %s:\n%s", filepath.Base(f), p)
			}
		}
	}
	example := "../../../docs/templates/sichuan.json"
	code, out, _ := checkRun("template", "check", example)
	if code != 0 || !strings.Contains(out, "没有发现问题") {
		t.Errorf("the worked example: exit %d\n%s", code, out)
	}
	b, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(docs, "```json\n"+string(b)+"```") {
		t.Error("docs/templates.md does not quote docs/templates/sichuan.json as it is")
	}
}
