package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"jixiao/export/internal/layout"
	"jixiao/internal/testtool"
	"jixiao/model"
	"jixiao/model/recognize"
)

// poppler runs a poppler-utils tool (installed by the test set-up).
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	// scripts/test.sh installs poppler-utils: in CI its absence fails.
	tool = testtool.Need(t, "poppler-utils", tool)
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

func writePDFFile(t *testing.T, f *model.Form) (string, PDFReport) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := WritePDF(&buf, f)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), FileName(f, "pdf"))
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, rep
}

// squash removes all blanks, so that texts wrapped over lines compare.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pdfText is the text of the PDF at path in drawing order, without the
// running header and footer lines and without blanks, so that a text
// wrapped over lines or split over pages is found whole.
func pdfText(t *testing.T, path string, dropLines ...string) string {
	t.Helper()
	var keep []string
	running := regexp.MustCompile(`^(部门：.*|.*年度\s+市级部门整体绩效目标申报表|第 \d+ 页 共 \d+ 页|未通过审核（\d+ 个错误）)$`)
	for _, ln := range strings.Split(poppler(t, "pdftotext", "-raw", path, "-"), "\n") {
		l := strings.TrimSpace(strings.Trim(ln, "\f"))
		if !running.MatchString(l) && !slices.Contains(dropLines, l) {
			keep = append(keep, ln)
		}
	}
	return squash(strings.Join(keep, ""))
}

// formTexts are every text of f that the PDF must show.
func formTexts(f *model.Form) []string {
	out := []string{f.Dept, f.Year + "年度"}
	for i, g := range f.Goals {
		out = append(out, "目标"+strconv.Itoa(i+1)+"："+g.Text)
	}
	for _, u := range f.Units {
		out = append(out, u.Name)
		for _, t := range u.Tasks {
			out = append(out, t.Content, t.Total.String(), t.Fiscal.String(), t.Note)
		}
	}
	out = append(out, model.FormatMoney(model.ComputeTotals(f).Total, false))
	for _, in := range f.Indicators {
		out = append(out, in.Level1, in.Level2, layout.Level3Text(in), in.Value, in.Explain, in.Note)
	}
	return out
}

func TestPDFSample(t *testing.T) {
	f := model.Sample()
	p, rep := writePDFFile(t, f)
	if len(rep.Missing) != 0 {
		t.Errorf("missing %q", string(rep.Missing))
	}
	info := poppler(t, "pdfinfo", p)
	if !strings.Contains(info, "Pages:           "+strconv.Itoa(rep.Pages)+"\n") || rep.Pages < 4 {
		t.Errorf("pages %d:\n%s", rep.Pages, info)
	}
	if !regexp.MustCompile(`Page size:\s+841.89 x 595.28 pts \(A4\)`).MatchString(info) {
		t.Errorf("not A4 landscape:\n%s", info)
	}
	fonts := poppler(t, "pdffonts", p)
	if !regexp.MustCompile(`JIXIAO\+JixiaoNotoSansSC\s+CID TrueType\s+Identity-H\s+yes yes yes`).MatchString(fonts) {
		t.Errorf("font not an embedded subset:\n%s", fonts)
	}
	if st, _ := os.Stat(p); st.Size() > 1<<20 {
		t.Errorf("PDF has %d bytes: the font is not subset", st.Size())
	}
	text := poppler(t, "pdftotext", "-raw", p, "-")
	all := pdfText(t, p)
	for _, want := range formTexts(f) {
		if !strings.Contains(all, squash(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	pages := strings.Split(text, "\f")
	for i := 1; i <= rep.Pages; i++ {
		pg := pages[i-1]
		if !strings.Contains(squash(pg), "第"+strconv.Itoa(i)+"页共"+strconv.Itoa(rep.Pages)+"页") {
			t.Errorf("page %d has no page number", i)
		}
		if !strings.Contains(pg, "郑州市生态环境局") || !strings.Contains(pg, "2020年度") {
			t.Errorf("page %d has no 部门/年度", i)
		}
	}
	// The table headers come again after a page break.
	if n := strings.Count(all, "一级指标二级指标三级指标"); n < 2 {
		t.Errorf("indicator header printed %d times", n)
	}
}

// TestPDFHardCases: a row taller than a page is split, characters the font
// lacks are reported and shown as □, nothing is dropped.
func TestPDFHardCases(t *testing.T) {
	f := model.Sample()
	long := strings.Repeat("这是一段很长的年度总体目标文字，用于检验跨页拆分。Latin words wrap by word. ", 120)
	f.Goals[2].Text = long
	f.Dept = "测试≒部门"
	f.Units[0].Tasks[0].Note = "表情😀备注"
	f.Units[1].Name = strings.Repeat("很长的单位名称", 30)
	f.Units[0].Tasks[1].Total = model.ParseAmount("一百")
	p, rep := writePDFFile(t, f)
	if !slices.Equal(rep.Missing, []rune{'≒', '😀'}) {
		t.Errorf("missing %q", string(rep.Missing))
	}
	// The label 年度总体目标 is repeated at the top of the next page,
	// inside the split goal.
	all := pdfText(t, p, "年度总体目标")
	if !strings.Contains(all, squash("目标3："+long)) {
		t.Error("split goal text incomplete")
	}
	for _, want := range []string{"测试□部门", "表情□备注", "一百"} {
		if !strings.Contains(all, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	// The long unit name, merged over rows that break across pages,
	// flows over both pages: in order, with the other cells between.
	if !inOrder(all, f.Units[1].Name) {
		t.Errorf("PDF lacks %q", f.Units[1].Name)
	}
	for _, want := range formTexts(f) {
		want = strings.NewReplacer("≒", "□", "😀", "□").Replace(want)
		if want != f.Units[1].Name && !strings.Contains(all, squash(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// inOrder reports whether the characters of needle appear in hay in order.
func inOrder(hay, needle string) bool {
	for _, r := range needle {
		i := strings.IndexRune(hay, r)
		if i < 0 {
			return false
		}
		hay = hay[i+len(string(r)):]
	}
	return true
}

func TestPDFOptionsAndLarge(t *testing.T) {
	f := model.Generate(600)
	f.Options = model.Options{OtherFunds: true, Weight: true, Unit: true, ValueType: true, Scoring: true}
	f.Indicators[0].Scoring = "每低1个百分点扣0.5分"
	p, rep := writePDFFile(t, f)
	if rep.Pages < 10 {
		t.Errorf("pages %d", rep.Pages)
	}
	all := pdfText(t, p)
	for _, want := range append(formTexts(f), "其他资金", "评分标准", "每低1个百分点扣0.5分") {
		if !strings.Contains(all, squash(want)) {
			t.Errorf("PDF lacks %q", want)
			break
		}
	}
	if n := strings.Count(all, "任务名称主要内容"); n < 5 {
		t.Errorf("task header printed %d times", n)
	}
}

func TestWrapText(t *testing.T) {
	// two units a Chinese character or full-width sign, one a Latin one
	w := func(r rune) float64 {
		if r < 0x1100 {
			return 1
		}
		return 2
	}
	cases := []struct {
		text  string
		width float64
		want  []string
	}{
		{"一二三四五六", 6, []string{"一二三", "四五六"}},
		{"一二，三四", 4, []string{"一", "二，", "三四"}}, // ， never starts a line
		{"hello world again", 11, []string{"hello world ", "again"}},
		{"hello world again", 10, []string{"hello ", "world ", "again"}},
		{"金额1,273.30万元", 8, []string{"金额", "1,273.30", "万元"}},
		{"（一）二", 6, []string{"（一）", "二"}},
		{"一（二）", 6, []string{"一", "（二）"}}, // （ never ends a line
		{"a\nb", 10, []string{"a", "b"}},
		{"", 10, []string{""}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	}
	for _, c := range cases {
		got := layout.WrapText(c.text, c.width, w)
		if !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
		if strings.Join(got, "") != strings.ReplaceAll(c.text, "\n", "") {
			t.Errorf("wrap(%q) lost characters", c.text)
		}
	}
}

// TestPDFTricky: tabs, line breaks and control characters are not
// "missing characters"; invalid amounts show their text.
func TestPDFTricky(t *testing.T) {
	f := tricky()
	f.Goals[3].Text = "控制\x01字符"
	p, rep := writePDFFile(t, f)
	if len(rep.Missing) != 0 {
		t.Errorf("missing %q", string(rep.Missing))
	}
	all := pdfText(t, p)
	for _, want := range []string{"abc", "=SUM(A1:A3)不是公式", "第二行制表", "控制字符", "@备注", "=每低1%扣0.5分", "郑州市污染源普查成果开发1001273.3"} {
		if !strings.Contains(all, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// TestPDFLongDept: a 部门名称 longer than the page header line: the header
// shows 部门 and 年度 in a smaller size, nothing runs off the page.
func TestPDFLongDept(t *testing.T) {
	f := model.Sample()
	f.Dept = strings.Repeat("很长的部门名称", 20)
	p, rep := writePDFFile(t, f)
	raw := poppler(t, "pdftotext", "-raw", p, "-")
	for i, pg := range strings.Split(raw, "\f")[:rep.Pages] {
		if !strings.Contains(squash(pg), "部门："+f.Dept+"2020年度") {
			t.Errorf("page %d header lacks 部门 and 年度", i+1)
		}
	}
}

func TestPDFEmptyForm(t *testing.T) {
	f := model.New("", "", recognize.TimeZero)
	p, rep := writePDFFile(t, f)
	if rep.Pages != 1 {
		t.Errorf("pages %d", rep.Pages)
	}
	all := pdfText(t, p)
	for _, want := range []string{"市级部门整体绩效目标申报表", "部门名称", "年度总体目标", "任务名称", "合计0", "一级指标"} {
		if !strings.Contains(all, want) {
			t.Errorf("PDF lacks %q:\n%s", want, all)
		}
	}
}
