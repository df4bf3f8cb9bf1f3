package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/internal/testtool"
	"jixiao/model"
	"jixiao/store"
)

// updateDoc rewrites the generated sections of docs/RELIABILITY.md from
// the tests' own data: go test ./cmd/jixiao -run 'TestBadInput|TestHostile' -update-doc
var updateDoc = flag.Bool("update-doc", false, "rewrite the generated tables in docs/RELIABILITY.md")

// relDoc is the reliability document, relative to this package.
const relDoc = "../../../docs/RELIABILITY.md"

// relPlace puts a text into one place of a form and reads it back.
type relPlace struct {
	name string // for the table, e.g. "任务 合计"
	set  func(f *model.Form, raw string) model.Location
	get  func(f *model.Form) string
}

// The rate row of the sample used for 指标值 (预算执行率, ≥98%).
const relRateRow = 13

var (
	relTaskTotal = relPlace{"任务 合计",
		func(f *model.Form, s string) model.Location {
			f.Units[0].Tasks[0].Total = model.ParseAmount(s)
			return model.Location{Part: model.PartTasks, Unit: 0, Row: 0, Field: model.FieldTotal}
		},
		func(f *model.Form) string { return f.Units[0].Tasks[0].Total.Raw() }}
	relTaskFiscal = relPlace{"任务 财政资金",
		func(f *model.Form, s string) model.Location {
			f.Units[1].Tasks[0].Fiscal = model.ParseAmount(s)
			return model.Location{Part: model.PartTasks, Unit: 1, Row: 0, Field: model.FieldFiscal}
		},
		func(f *model.Form) string { return f.Units[1].Tasks[0].Fiscal.Raw() }}
	relValue = relPlace{"指标值（预算执行率）",
		func(f *model.Form, s string) model.Location {
			f.Indicators[relRateRow].Value = s
			return model.Location{Part: model.PartIndicators, Unit: -1, Row: relRateRow, Field: model.FieldValue}
		},
		func(f *model.Form) string { return f.Indicators[relRateRow].Value }}
	relYear = relPlace{"年度",
		func(f *model.Form, s string) model.Location {
			f.Year = s
			return model.Location{Part: model.PartBasic, Unit: -1, Row: -1, Field: model.FieldYear}
		},
		func(f *model.Form) string { return f.Year }}
	relDept = relPlace{"部门名称",
		func(f *model.Form, s string) model.Location {
			f.Dept = s
			return model.Location{Part: model.PartBasic, Unit: -1, Row: -1, Field: model.FieldDept}
		},
		func(f *model.Form) string { return f.Dept }}
	relGoal = relPlace{"目标2",
		func(f *model.Form, s string) model.Location {
			f.Goals[1].Text = s
			return model.Location{Part: model.PartGoals, Unit: -1, Row: 1, Field: model.FieldGoalText}
		},
		func(f *model.Form) string { return f.Goals[1].Text }}
	relContent = relPlace{"任务 主要内容",
		func(f *model.Form, s string) model.Location {
			f.Units[2].Tasks[0].Content = s
			return model.Location{Part: model.PartTasks, Unit: 2, Row: 0, Field: model.FieldContent}
		},
		func(f *model.Form) string { return f.Units[2].Tasks[0].Content }}
	relNote = relPlace{"任务 备注",
		func(f *model.Form, s string) model.Location {
			f.Units[0].Tasks[1].Note = s
			return model.Location{Part: model.PartTasks, Unit: 0, Row: 1, Field: model.FieldTaskNote}
		},
		func(f *model.Form) string { return f.Units[0].Tasks[1].Note }}
	relUnit = relPlace{"任务名称（单位）",
		func(f *model.Form, s string) model.Location {
			f.Units[3].Name = s
			return model.Location{Part: model.PartTasks, Unit: 3, Row: -1, Field: model.FieldUnitName}
		},
		func(f *model.Form) string { return f.Units[3].Name }}
	relExplain = relPlace{"指标解释",
		func(f *model.Form, s string) model.Location {
			f.Indicators[0].Explain = s
			return model.Location{Part: model.PartIndicators, Unit: -1, Row: 0, Field: model.FieldExplain}
		},
		func(f *model.Form) string { return f.Indicators[0].Explain }}
)

// relBad is one bad input: where it goes, what is typed, and what the
// program must say at that place ("" = no error there: it is accepted).
type relBad struct {
	what  string // the kind of input, for the table
	place relPlace
	raw   string
	want  string // a part of the Chinese message expected at the place
}

func relBadInputs() []relBad {
	mb := strings.Repeat("加强生态环境保护，推进污染防治攻坚。", 1<<20/len("加强生态环境保护，推进污染防治攻坚。")+1)
	return []relBad{
		// Amounts.
		{"letters", relTaskTotal, "abc", "含有非数字字符"},
		{"two decimal points", relTaskTotal, "1.2.3", "有2个小数点"},
		{"negative", relTaskTotal, "-5", "不能为负数"},
		{"5 decimals", relTaskTotal, "1.23456", "最多4位"},
		{"exponent", relTaskTotal, "1e5", "科学计数法"},
		{"10^9 万元", relTaskTotal, "1000000000", "过大"},
		{"just over 10^8", relTaskTotal, "100000000.0001", "过大"},
		{"full-width junk, huge", relTaskTotal, "１２３４５６７８９０１２３４５", "过大"},
		{"full-width, 5 decimals", relTaskTotal, "１２３，４５６．７８９０１", "最多4位"},
		{"space inside", relTaskTotal, "12 34", "中间有空格"},
		{"yuan instead of 万元", relTaskTotal, "5元", "单位是万元"},
		{"亿", relTaskTotal, "3亿", "单位是万元"},
		{"bad thousands separator", relTaskTotal, "1,2345.6", "千分位"},
		{"NUL byte", relTaskTotal, "12\x003", "非数字字符"},
		{"RTL override mark", relTaskTotal, "\u202e123", "非数字字符"},
		{"emoji", relTaskTotal, "💰100", "非数字字符"},
		{"empty", relTaskFiscal, "", "请填写其中的财政资金"},
		{"only blanks and a tab", relTaskFiscal, " \t ", "请填写其中的财政资金"},
		{"full-width valid (accepted)", relTaskTotal, "１５００．５", ""},
		{"bad thousands separator before 万元", relTaskFiscal, " 1,0.5万元 ", "千分位"},
		{"thousands separator and 万元 (accepted)", relTaskTotal, " 1,000.5万元 ", ""},
		// 指标值.
		{"comparison without number", relValue, "≥abc%", "应在比较符号后写数字"},
		{"lost % format", relValue, "0.98", "百分号"},
		{"empty rate value", relValue, "", "请填写指标值"},
		{"emoji after the %", relValue, "≥98%😀", "单位“%😀”无法识别"},
		{"control characters", relValue, "≥9\x018%", "无法识别"},
		{"full-width value (accepted)", relValue, "≥９８％", ""},
		// Years.
		{"year in Chinese numerals", relYear, "二〇二一", "不是有效的年份"},
		{"five-digit year", relYear, "20211", "不是有效的年份"},
		{"empty year", relYear, "", "请填写年度"},
		{"zero-width space in year (accepted: read as 2021)", relYear, "2021\u200b", ""},
		// Texts: kept exactly, whatever they hold.
		{"1 MB target text (accepted)", relGoal, mb, ""},
		{"target of blanks only", relGoal, " \u3000 ", "没有内容"},
		{"ANSI escape and controls in a target (accepted)", relGoal, "目标\x1b[31m红字\x07\x08", ""},
		{"NUL bytes in a target (accepted)", relGoal, "前\x00后\x00", ""},
		{"RTL/LTR marks in the department (accepted)", relDept, "\u202b郑州市\u200f生态环境局\u202c", ""},
		{"emoji department (accepted)", relDept, "生态环境局🌿🏞️👨‍👩‍👧", ""},
		{"empty department", relDept, "", "请填写部门名称"},
		{"1 MB task content (accepted)", relContent, mb, ""},
		{"CRLF, tabs and a BOM in a note (accepted)", relNote, "\ufeff第一行\r\n第二行\t完", ""},
		{"placeholder unit name", relUnit, "……", "占位文字"},
		{"HTML/formula-looking explanation (accepted)", relExplain, `=HYPERLINK("http://x","y")<script>alert(1)</script>`, ""},
		{"noncharacters U+FFFF, U+10FFFF and U+FFFD (accepted)", relExplain, "\ufffd\uffff\U0010ffff", ""},
	}
}

// relResult is what the real flow did with one input.
type relResult struct {
	bad      relBad
	place    string   // Loc.Describe
	lines    []string // check's findings at the place
	code     int      // check's exit code
	kept     bool     // export --json gave back the raw text exactly
	exported int      // bytes of the exported JSON
}

// relRun runs a subcommand in process and returns its exit code and outputs.
func relRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &cli{stdout: &out, stderr: &errb, stdin: strings.NewReader("")})
	if strings.Contains(errb.String(), "程序内部出错") {
		t.Fatalf("jixiao %s panicked: %s", strings.Join(args, " "), errb.String())
	}
	return code, out.String(), errb.String()
}

// relLastLine is the last non-empty line of s.
func relLastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// TestBadInput puts each bad input into a draft through the real command
// line (JSON file → jixiao import → jixiao check --draft → jixiao export
// --json) and checks that the program names the place in Chinese and that
// the exported text is exactly what was typed. The table in
// docs/RELIABILITY.md is generated from the same results.
func TestBadInput(t *testing.T) {
	cases := relBadInputs()
	if len(cases) < 30 {
		t.Fatalf("only %d cases", len(cases))
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "drafts.db")
	var results []relResult
	for i, bc := range cases {
		f := model.Sample()
		loc := bc.place.set(f, bc.raw)
		place := loc.Describe(f)
		in := filepath.Join(dir, fmt.Sprintf("in%02d.json", i))
		var b bytes.Buffer
		if err := export.WriteJSON(&b, f); err != nil {
			t.Fatalf("%s: WriteJSON: %v", bc.what, err)
		}
		if err := os.WriteFile(in, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		res := relResult{bad: bc, place: place}
		ok := t.Run(fmt.Sprintf("%02d_%s", i+1, strings.ReplaceAll(bc.what, " ", "_")), func(t *testing.T) {
			code, out, errs := relRun(t, "import", in, "--db", db)
			if code != 0 {
				t.Fatalf("import: exit %d\n%s%s", code, out, errs)
			}
			id := relLastLine(out)
			code, out, errs = relRun(t, "check", "--draft", id, "--db", db)
			res.code = code
			if code != 0 && code != 1 {
				t.Fatalf("check: exit %d\n%s", code, errs)
			}
			for _, line := range strings.Split(out, "\n") {
				if strings.Contains(line, "] "+place+"：") {
					res.lines = append(res.lines, line)
				}
			}
			var errLines []string
			for _, l := range res.lines {
				if strings.HasPrefix(l, "[错误]") {
					errLines = append(errLines, l)
				}
			}
			switch {
			case bc.want == "" && len(errLines) > 0:
				t.Errorf("accepted input %q: check reports errors at %s:\n%s", relShow(bc.raw, 60), place, strings.Join(errLines, "\n"))
			case bc.want != "" && !relAnyContains(res.lines, bc.want):
				t.Errorf("input %q: no finding at %s containing %q; check said:\n%s", relShow(bc.raw, 60), place, bc.want, relShow(out, 2000))
			}
			for _, l := range res.lines {
				if !relHasHan(l) {
					t.Errorf("message is not Chinese: %q", l)
				}
			}
			outJSON := filepath.Join(dir, fmt.Sprintf("out%02d.json", i))
			code, out, errs = relRun(t, "export", "--draft", id, "--json", outJSON, "--db", db)
			if code != 0 {
				t.Fatalf("export --json: exit %d\n%s%s", code, out, errs)
			}
			data, err := os.ReadFile(outJSON)
			if err != nil {
				t.Fatal(err)
			}
			res.exported = len(data)
			back, err := export.ReadJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("exported JSON does not read back: %v", err)
			}
			got := bc.place.get(back)
			res.kept = got == bc.raw
			if !res.kept {
				t.Errorf("text changed on the way: typed %q, exported %q", relShow(bc.raw, 80), relShow(got, 80))
			}
		})
		if !ok {
			res.kept = false
		}
		results = append(results, res)
	}
	relDocSection(t, "badinput", relBadTable(results), true)
}

func relAnyContains(lines []string, s string) bool {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

func relHasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// relShow makes s printable in one table cell: control and format
// characters as \x.. / \u...., at most n characters, with the length.
func relShow(s string, n int) string {
	var b strings.Builder
	count := 0
	for i, r := range s {
		if count >= n {
			fmt.Fprintf(&b, "…（共 %d 字节）", len(s))
			break
		}
		count++
		switch {
		case r == utf8.RuneError && relInvalidAt(s, i):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '|':
			b.WriteString(`\|`)
		case r == '`':
			b.WriteString("'")
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r > 0xffff && (r > 0xeffff || unicode.Is(unicode.Cf, r)):
			fmt.Fprintf(&b, `\U%08x`, r)
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Zs, r) && r != ' ' || r >= 0xfff0 && r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func relBadTable(results []relResult) string {
	var b strings.Builder
	b.WriteString("| # | Input | Typed (escaped) | Place | What `jixiao check` says there | Exit | Text kept |\n")
	b.WriteString("|---:|---|---|---|---|---:|---|\n")
	for i, r := range results {
		says := "（无错误、无提示：接受）"
		if len(r.lines) > 0 {
			var ls []string
			for _, l := range r.lines {
				// Drop the place: it has its own column.
				_, msg, _ := strings.Cut(l, "] "+r.place+"：")
				sev := strings.TrimPrefix(strings.SplitN(l, "]", 2)[0], "[")
				ls = append(ls, sev+"："+relShow(msg, 90))
			}
			says = strings.Join(ls, "<br>")
		} else if r.bad.want != "" {
			says = "**nothing — expected “" + r.bad.want + "”**"
		}
		kept := "yes"
		if !r.kept {
			kept = "**NO**"
		}
		fmt.Fprintf(&b, "| %d | %s | `%s` | %s | %s | %d | %s |\n",
			i+1, r.bad.what, relShow(r.bad.raw, 24), relShow(r.place, 60), says, r.code, kept)
	}
	fmt.Fprintf(&b, "\n%d inputs. Exit is the exit code of `jixiao check --draft ID` on the whole form (the sample has errors of its own — its placeholder rows — so it is 1 even for accepted inputs). “Text kept” means `jixiao export --json` gave back exactly the typed text, byte for byte.\n", len(results))
	return b.String()
}

// relDocSection checks (or with -update-doc rewrites) the generated section
// name of docs/RELIABILITY.md, between its BEGIN and END markers.
// Sections with measured figures (memory) are not compared, only rewritten.
func relDocSection(t *testing.T, name, body string, compare bool) {
	t.Helper()
	begin := "<!-- BEGIN " + name + " (generated: go test ./cmd/jixiao/cli -run 'TestBadInput|TestHostileXLSX' -update-doc) -->\n"
	end := "<!-- END " + name + " -->"
	doc, err := os.ReadFile(relDoc)
	if err != nil {
		if *updateDoc {
			t.Fatalf("%s: %v (write the document with the markers first)", relDoc, err)
		}
		t.Logf("%s not found; not compared", relDoc)
		return
	}
	s := string(doc)
	i := strings.Index(s, begin)
	j := strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q … %q markers", relDoc, strings.TrimSpace(begin), end)
	}
	current := s[i+len(begin) : j]
	if current == body || (!compare && !*updateDoc) {
		return
	}
	if *updateDoc {
		s = s[:i+len(begin)] + body + s[j:]
		if err := os.WriteFile(relDoc, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote the %s section of %s", name, relDoc)
		return
	}
	t.Errorf("the %s table in docs/RELIABILITY.md is out of date: run go test ./cmd/jixiao/cli -run 'TestBadInput|TestHostileXLSX' -update-doc", name)
}

// relPeakLimit is the most memory (peak RSS) an import of any hostile file
// may take.
const relPeakLimit = 512 << 20

// TestHostileXLSX imports every hostile file of internal/testfiles with
// the real command (jixiao import FILE): each is refused with a Chinese
// message naming the file (the workbook with formulas is read as text,
// never evaluated), nothing is added to the drafts file, and nothing
// panics. Unless -short, the built binary imports each file again under
// /usr/bin/time -v and its peak memory must stay under relPeakLimit; the
// table in docs/RELIABILITY.md (rewritten with -update-doc) shows it.
func TestHostileXLSX(t *testing.T) {
	var base bytes.Buffer
	if err := export.WriteXLSX(&base, model.Sample()); err != nil {
		t.Fatal(err)
	}
	files, err := testfiles.All(base.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "drafts.db")
	if code, out, errs := relRun(t, "sample", "--db", db); code != 0 {
		t.Fatalf("sample: %d %s%s", code, out, errs)
	}
	drafts := func() int {
		_, out, _ := relRun(t, "list", "--db", db)
		return strings.Count(strings.TrimSpace(out), "\n") + 1
	}
	before := drafts()

	bin := ""
	if testing.Short() {
		t.Log("peak memory not measured with -short")
	} else if _, ok := testtool.Find(t, "time", "/usr/bin/time"); ok {
		bin = relBuild(t, dir)
	}
	var b strings.Builder
	b.WriteString("| File | What it is | Size | Exit | What `jixiao import` says | Peak RSS |\n|---|---|---:|---:|---|---:|\n")
	for _, h := range files {
		path := filepath.Join(dir, h.Name)
		if err := os.WriteFile(path, h.Data, 0o600); err != nil {
			t.Fatal(err)
		}
		code, out, errs := relRun(t, "import", path, "--db", db)
		msg := strings.TrimSpace(errs)
		if h.Name == "formulas.xlsx" {
			msg = strings.TrimSpace(out + "\n" + errs)
			relCheckFormulas(t, code, out, errs, db)
			before = drafts()
		} else {
			if code != 1 {
				t.Errorf("%s (%s): exit %d, want 1 (refused)\nstdout: %s\nstderr: %s", h.Name, h.What, code, out, errs)
			}
			if !relHasHan(errs) || !strings.Contains(errs, h.Name) {
				t.Errorf("%s: the message does not name the file in Chinese: %q", h.Name, errs)
			}
			if n := drafts(); n != before {
				t.Errorf("%s: the drafts file now has %d drafts, had %d", h.Name, n, before)
			}
		}
		rss := "not measured"
		if bin != "" {
			kb, err := relPeakRSS(bin, dir, "import", path, "--db", filepath.Join(dir, "mem.db"))
			switch {
			case err != nil:
				t.Errorf("%s: %v", h.Name, err)
			case kb<<10 > relPeakLimit:
				t.Errorf("%s: peak RSS %d MB, limit %d MB", h.Name, kb>>10, relPeakLimit>>20)
			}
			rss = fmt.Sprintf("%.0f MB", float64(kb)/1024)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s | %s |\n", h.Name, h.What, relSize(len(h.Data)), code, relShow(strings.ReplaceAll(msg, "\n", " / "), 160), rss)
	}
	fmt.Fprintf(&b, "\nPeak RSS: maximum resident set size of the whole `jixiao import FILE` process (`/usr/bin/time -v`); the test fails above %d MB.\n", relPeakLimit>>20)
	relDocSection(t, "hostile", b.String(), false)
}

// relCheckFormulas: a workbook with formulas in its text cells is either
// refused or imported with the formulas' text, never their results (no
// formula is evaluated, no HYPERLINK or WEBSERVICE is followed).
func relCheckFormulas(t *testing.T, code int, out, errs, db string) {
	t.Helper()
	if code == 1 {
		if !relHasHan(errs) {
			t.Errorf("formulas.xlsx refused without a Chinese message: %q", errs)
		}
		return
	}
	if code != 0 {
		t.Fatalf("formulas.xlsx: exit %d\n%s%s", code, out, errs)
	}
	id := relLastLine(out)
	j := filepath.Join(filepath.Dir(db), "formulas.json")
	if c, o, e := relRun(t, "export", "--draft", id, "--json", j, "--db", db); c != 0 {
		t.Fatalf("export of the imported draft: %d %s%s", c, o, e)
	}
	data, _ := os.ReadFile(j)
	if bytes.Contains(data, []byte("example.com/steal")) && !bytes.Contains(data, []byte("HYPERLINK")) {
		t.Errorf("a HYPERLINK formula was evaluated into its link")
	}
}

// relPeakRSS runs bin args under /usr/bin/time -v and returns the peak RSS in KB.
func relPeakRSS(bin, dir string, args ...string) (int, error) {
	tf := filepath.Join(dir, "time.txt")
	cmd := exec.Command("/usr/bin/time", append([]string{"-v", "-o", tf, bin}, args...)...)
	cmd.Env = relEnv(dir)
	_ = cmd.Run() // exit 1 is expected
	b, err := os.ReadFile(tf)
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "Maximum resident set size (kbytes): "); ok {
			return strconv.Atoi(strings.TrimSpace(v))
		}
	}
	return 0, fmt.Errorf("no peak RSS in /usr/bin/time output:\n%s", b)
}

func relSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// TestDamagedDraftsFile opens damaged drafts files and a file in use by
// another opener through the real commands (jixiao list / sample): each
// gives exit 1 within 2 s with a Chinese message, and the file is left
// byte for byte as it was. For a damaged file that had backups, jixiao
// restore --list offers them.
func TestDamagedDraftsFile(t *testing.T) {
	type damaged struct {
		what    string
		make    func(t *testing.T, path string)
		backups bool // restore --list must offer a backup
	}
	good := func(t *testing.T, path string) {
		// Two commands, so that the second start makes a backup of the first.
		for i := 0; i < 2; i++ {
			if code, out, errs := relRun(t, "sample", "--db", path); code != 0 {
				t.Fatalf("sample: %d %s%s", code, out, errs)
			}
		}
	}
	cases := []damaged{
		{"truncated to half", func(t *testing.T, p string) {
			good(t, p)
			st, _ := os.Stat(p)
			if err := os.Truncate(p, st.Size()/2); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"truncated to 100 bytes", func(t *testing.T, p string) {
			good(t, p)
			if err := os.Truncate(p, 100); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"first page overwritten with random bytes", func(t *testing.T, p string) {
			good(t, p)
			fh, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			fh.WriteAt(testfiles.Random(8192, 7), 0)
			fh.Close()
		}, true},
		{"64 KB of random bytes", func(t *testing.T, p string) {
			os.WriteFile(p, testfiles.Random(64<<10, 5), 0o600)
		}, false},
		{"empty file (0 bytes)", func(t *testing.T, p string) {
			os.WriteFile(p, nil, 0o600)
		}, false},
		{"a text file", func(t *testing.T, p string) {
			os.WriteFile(p, []byte("这不是草稿数据文件\n"), 0o600)
		}, false},
		{"written by a newer jixiao (file format 7)", func(t *testing.T, p string) {
			db, err := bolt.Open(p, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			db.Update(func(tx *bolt.Tx) error {
				b, _ := tx.CreateBucket([]byte("jixiao"))
				return b.Put([]byte("format"), []byte("7"))
			})
			db.Close()
		}, false},
		{"another program's bbolt file", func(t *testing.T, p string) {
			db, err := bolt.Open(p, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			db.Update(func(tx *bolt.Tx) error {
				b, _ := tx.CreateBucket([]byte("settings"))
				return b.Put([]byte("theme"), []byte("dark"))
			})
			db.Close()
		}, false},
	}
	var b strings.Builder
	b.WriteString("| Drafts file | Exit | What `jixiao list` says | File untouched | Backups offered |\n|---|---:|---|---|---|\n")
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "drafts.db")
			c.make(t, path)
			before, _ := os.ReadFile(path)
			start := time.Now()
			code, out, errs := relRun(t, "list", "--db", path)
			took := time.Since(start)
			after, _ := os.ReadFile(path)
			untouched := bytes.Equal(before, after)
			if code != 1 || !relHasHan(errs) {
				t.Errorf("list: exit %d, stderr %q, stdout %q", code, errs, out)
			}
			if !untouched {
				t.Errorf("the damaged file was changed")
			}
			if took > 2*time.Second {
				t.Errorf("took %v", took)
			}
			offered := "—"
			if c.backups {
				code, out, errs := relRun(t, "restore", "--list", "--db", path)
				if code != 0 || !strings.Contains(out, filepath.Join(dir, "backups")) && !strings.Contains(out, "backups") {
					t.Errorf("restore --list: exit %d\n%s%s", code, out, errs)
				}
				n, _ := filepath.Glob(filepath.Join(dir, "backups", "*"))
				offered = fmt.Sprintf("yes (%d)", len(n))
			}
			yes := "yes"
			if !untouched {
				yes = "**NO**"
			}
			msg := relNormalize(strings.ReplaceAll(strings.TrimSpace(errs), dir+string(filepath.Separator), "…/"))
			fmt.Fprintf(&b, "| %s | %d | %s | %s | %s |\n", c.what, code, relShow(strings.ReplaceAll(msg, "\n", " "), 400), yes, offered)
		})
	}

	// Second instance: another opener holds the file.
	t.Run("in_use", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "drafts.db")
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		before, _ := os.ReadFile(path)
		start := time.Now()
		code, out, errs := relRun(t, "sample", "--db", path)
		took := time.Since(start)
		after, _ := os.ReadFile(path)
		if code != 1 || !strings.Contains(errs, "正被另一个 jixiao") {
			t.Errorf("sample while in use: exit %d, %q %q", code, out, errs)
		}
		if took > 2*time.Second {
			t.Errorf("took %v, want < 2 s", took)
		}
		if !bytes.Equal(before, after) {
			t.Errorf("the file in use was changed")
		}
		msg := strings.ReplaceAll(strings.TrimSpace(errs), dir+string(filepath.Separator), "…/")
		fmt.Fprintf(&b, "| in use by another jixiao (second instance; `jixiao sample`) | %d | %s | yes | — |\n", code, relShow(strings.ReplaceAll(msg, "\n", " "), 220))
	})
	relDocSection(t, "damaged", b.String(), true)
}

var (
	relStamp = regexp.MustCompile(`\d{8}-\d{6}`)
	relBytes = regexp.MustCompile(`\d{3,} 字节`)
	relWhen  = regexp.MustCompile(`\d{4}-\d{2}-\d{2} \d{2}:\d{2}`)
)

// relNormalize takes the run-dependent parts (backup time stamps, file
// sizes of more than 99 bytes) out of a message for the generated table.
func relNormalize(s string) string {
	s = relStamp.ReplaceAllString(s, "YYYYMMDD-hhmmss")
	s = relWhen.ReplaceAllString(s, "YYYY-MM-DD hh:mm")
	return relBytes.ReplaceAllString(s, "N 字节")
}

// relInvalidAt reports whether s has an invalid UTF-8 byte at i.
func relInvalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}
