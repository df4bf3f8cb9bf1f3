package export

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"jixiao/internal/testfiles"
	"jixiao/internal/testtool"
	"jixiao/model/recognize"
)

// libreOffice returns the path of LibreOffice's command, skipping the test
// where it is not installed — except in CI, where scripts/setup.sh
// installs it (libreoffice-calc) and its absence is a broken set-up.
func libreOffice(t *testing.T) string {
	t.Helper()
	return testtool.Need(t, "--no-install-recommends libreoffice-calc", "libreoffice", "soffice")
}

// libreOfficeExtra is LibreOffice for a test that also checks a file it
// makes: false (the test goes on without) with -short, where LibreOffice
// is not installed (logged; in CI a failure).
func libreOfficeExtra(t *testing.T) (string, bool) {
	t.Helper()
	if testing.Short() {
		t.Log("-short: LibreOffice is not run")
		return "", false
	}
	return testtool.Find(t, "--no-install-recommends libreoffice-calc", "libreoffice", "soffice")
}

// convertWithLibreOffice converts the files (in dir) to format (pdf, xls,
// …) with one headless LibreOffice run (testfiles.Convert).
func convertWithLibreOffice(t *testing.T, dir, format string, files ...string) {
	t.Helper()
	testfiles.Convert(t, dir, format, files...)
}

var pageFooterRe = regexp.MustCompile(`^第 ?\d+ ?页 ?共 ?\d+ ?页$`)

// pdfPages is the text of each page of the PDF at path (pdftotext -raw),
// without the running header and footer lines.
func pdfPages(t *testing.T, path string) [][]string {
	t.Helper()
	info := poppler(t, "pdfinfo", path)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo: %s", info)
	}
	n, _ := strconv.Atoi(m[1])
	text := poppler(t, "pdftotext", "-raw", path, "-")
	pages := strings.Split(text, "\f")
	if len(pages) > n {
		pages = pages[:n]
	}
	out := make([][]string, len(pages))
	for i, p := range pages {
		for _, ln := range strings.Split(p, "\n") {
			ln = strings.TrimSpace(ln)
			if ln == "" || pageFooterRe.MatchString(ln) || strings.HasPrefix(ln, "部门：") && strings.Contains(ln, "年度）") {
				continue
			}
			out[i] = append(out[i], ln)
		}
	}
	return out
}

// TestLibreOfficePrint prints the workbooks of printedForms (the sample, a
// 5,000-task form, every template's example) with LibreOffice as a clerk
// would, and reads every page of the PDF back: LibreOffice makes exactly
// the pages the workbook's breaks say (so no page of its own, which would
// start without a header and cut a merged cell); each page of the task and
// indicator tables starts with the table's header; and every unit name and
// 一级指标 is printed whole on every page that holds its rows.
func TestLibreOfficePrint(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice takes minutes; not with -short")
	}
	libreOffice(t)
	dir := t.TempDir()
	forms := printedForms()
	delete(forms, "tricky") // its amounts are invalid on purpose; the layout is the sample's
	names := make([]string, 0, len(forms))
	for name := range forms {
		names = append(names, name)
	}
	sort.Strings(names)
	var files []string
	prints := map[string]*sheetPrint{}
	for _, name := range names {
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, forms[name]); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".xlsx")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
		prints[name] = readSheetPrint(t, buf.Bytes())
	}
	convertWithLibreOffice(t, dir, "pdf", files...)
	for i, name := range names {
		t.Run(name, func(t *testing.T) {
			pdf := strings.TrimSuffix(files[i], ".xlsx") + ".pdf"
			checkLibreOfficePages(t, prints[name], pdfPages(t, pdf))
		})
	}
}

func checkLibreOfficePages(t *testing.T, sp *sheetPrint, pages [][]string) {
	t.Helper()
	if len(pages) != len(sp.pages) {
		t.Fatalf("LibreOffice printed %d pages, the workbook's breaks make %d", len(pages), len(sp.pages))
	}
	covered := map[[2]int]bool{}
	for _, m := range sp.merges {
		for r := m[0]; r <= m[2]; r++ {
			for c := m[1]; c <= m[3]; c++ {
				if r != m[0] || c != m[1] {
					covered[[2]int{r, c}] = true
				}
			}
		}
	}
	// label is the text of the (merged) cell covering (r, 1).
	label := func(r int) string {
		for covered[[2]int{r, 1}] {
			r--
		}
		return sp.at(r, 1)
	}
	section := ""
	units := 0
	for i, p := range sp.pages {
		text := squash(strings.Join(pages[i], ""))
		first := ""
		if len(pages[i]) > 0 {
			first = squash(strings.Join(pages[i][:min(3, len(pages[i]))], ""))
		}
		for r := p[0]; r <= p[1]; r++ {
			a := sp.at(r, 1)
			switch {
			case a == "任务名称" && r == p[0]:
				section = "tasks"
				if !strings.HasPrefix(first, "任务名称主要内容") {
					t.Errorf("page %d does not start with the task table's header: %q", i+1, first)
				}
			case a == "一级指标" && r == p[0]:
				section = "indicators"
				if !strings.HasPrefix(first, "一级指标二级指标三级指标指标值指标解释指标说明") {
					t.Errorf("page %d does not start with the indicator table's header: %q", i+1, first)
				}
			case a == "任务名称":
				section = "tasks"
			case a == "一级指标":
				section = "indicators"
			case a == "合计" || strings.TrimSpace(sp.at(r, 3)) == "" || section == "":
				// the total, or a row without its own text
			default:
				name := squash(label(r))
				if name == "" || recognize.IsPlaceholder(name) {
					continue
				}
				if !strings.Contains(text, name) {
					t.Errorf("page %d: row %d (%s) is printed without its %s “%s” whole on the page", i+1, r, sp.at(r, 3), map[string]string{"tasks": "unit", "indicators": "一级指标"}[section], name)
				}
				units++
			}
		}
	}
	if units == 0 {
		t.Error("no rows checked")
	}
}
