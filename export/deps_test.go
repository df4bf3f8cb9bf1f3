package export

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"jixiao/export/internal/limits"
	"jixiao/model/recognize"
)

// formatPackages are export's one-package-per-format (docs/format.md,
// “包的划分”): none of them links another, nor the facade, and each
// links of ours only model and its sub-packages (model/recognize), the
// font and export's format-free internal packages. `go test` puts its own go command first on PATH, so the lists
// are those of the toolchain running the test.
var formatPackages = []string{"./pdf", "./pdftext", "./docx", "./xls", "./xlsx"}

func TestFormatPackagesIndependent(t *testing.T) {
	var names []string
	for _, p := range formatPackages {
		names = append(names, "jixiao/export/"+strings.TrimPrefix(p, "./"))
	}
	for i, p := range formatPackages {
		out, err := exec.Command("go", "list", "-deps", p).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", p, err)
		}
		deps := strings.Fields(string(out))
		if len(deps) == 0 || deps[len(deps)-1] != names[i] {
			t.Fatalf("go list -deps %s does not end with the package itself: %q", p, deps)
		}
		for _, d := range deps[:len(deps)-1] {
			switch {
			case slices.Contains(names, d):
				t.Errorf("%s links the format package %s", names[i], d)
			case d == "jixiao/export":
				t.Errorf("%s links the facade", names[i])
			case strings.HasPrefix(d, "jixiao/") && !strings.HasPrefix(d, "jixiao/export/internal/") &&
				d != "jixiao/model" && !strings.HasPrefix(d, "jixiao/model/") && d != "jixiao/assets":
				t.Errorf("%s links %s", names[i], d)
			}
		}
	}
}

// The recognition bounds a grid as the readers bound what they read.
func TestGridBoundsAreTheReaders(t *testing.T) {
	if recognize.MaxGridRows != limits.MaxSheetRows || recognize.MaxGridCols != limits.MaxSheetCols {
		t.Errorf("recognition %d×%d, readers %d×%d", recognize.MaxGridRows, recognize.MaxGridCols, limits.MaxSheetRows, limits.MaxSheetCols)
	}
}
