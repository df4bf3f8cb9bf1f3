package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// 批量审核: the department's clerk receives the forms of its sub-units
// (eight to thirty files, some twice, some from last year) and checks them
// all at once. Reading the files is export's work (export.ReviewFile);
// what is decided about the batch as a whole lives here: which files are
// two versions of one form (the same 部门 and 年度) and which of them is
// the newer, and which file is of another year than the rest.

// FileReview is the 审核 of one file of a batch.
type FileReview struct {
	Path string // as given (a folder's file: the folder joined with its name)
	Name string // the file's name, for lines and sheets
	Kind string // what the file is: Excel、WPS 表格、Word、PDF、JSON

	// Failure says, in one plain sentence, why the file could not be read
	// (damaged, password-protected, not a form …); "" when it was read.
	// A file that failed has no form and no findings.
	Failure string

	Form *Form  // the form read; nil when it failed, or when not kept
	Dept string // 部门 as read ("" when not filled in)
	Year string // 年度 as read
	// YearPlace is where the 年度 is in the file (as FileFinding.Place).
	YearPlace string
	Template  string // the 表样's name, with its version when above 1
	Total     Money  // 合计 of the tasks (or 收入/支出 of a template without tasks)
	Invalid   int    // amounts that could not be read (not in Total)

	Findings []FileFinding
	Errors   int // findings that are errors
	Hints    int // findings that are hints

	// Dates are when the file says it was made, by what it says so, in
	// the order DateKinds trusts them; they decide which of two versions
	// of a form is the newer (newestOf).
	Dates []Dated

	// Dup is set when another file of the batch has the same 部门 and 年度.
	Dup *Duplicate
}

// FileFinding is one finding of a file, placed in the file's own terms.
type FileFinding struct {
	Severity Severity
	// Place is where it is in the file as the unit that filled it opens
	// it: 工作表“绩效目标申报表”C12 单元格（第12行）, 第4页第20行, 第 1 个
	// 表格第 3 行第 2 格; "" when the file has no such place (a JSON file,
	// a field only this program has).
	Place string
	// Where is the place in the form's own terms, as the program shows
	// it: 年度主要任务 › 局机关 第1行 › 合计.
	Where string
	// Message says what is wrong and what to do.
	Message string
	// Loc is the place in the form (for the editor), when there is one.
	Loc Location
	// Batch marks a finding about the batch (another version of the same
	// form, another year), added by MarkBatch.
	Batch bool
}

// Dated is one date of a file: when, and what says so (one of DateKinds).
type Dated struct {
	From string
	When time.Time
}

// The dates a file can tell, most trusted first: a 填报日期 the clerk
// filled in; the last change this program recorded in its own file (the
// hidden data of our xlsx, a JSON file); the time the office program
// saved into the file's properties (an xlsx's or docx's docProps, a
// PDF's ModDate or CreationDate); the file system's modification time,
// which copying and e-mail may have reset.
const (
	DateFilled   = "填报日期"
	DateRecorded = "本程序记录的修改时间"
	DateSaved    = "文件属性中的保存时间"
	DateModified = "文件的修改时间"
)

// DateKinds are the kinds of date, most trusted first.
var DateKinds = []string{DateFilled, DateRecorded, DateSaved, DateModified}

// DateOf is the file's date of kind from (zero when it has none).
func (r *FileReview) DateOf(from string) time.Time {
	for _, d := range r.Dates {
		if d.From == from {
			return d.When
		}
	}
	return time.Time{}
}

// Duplicate names the other versions of a form in a batch.
type Duplicate struct {
	Others []string // the other files' names
	Newest string   // the newest version's file name ("" when it cannot be told)
	Why    string   // how the newest was told, in plain Chinese
}

// Failed reports whether the file could not be read.
func (r *FileReview) Failed() bool { return r.Failure != "" }

// Passed reports whether the file was read and has no errors.
func (r *FileReview) Passed() bool { return !r.Failed() && r.Errors == 0 }

// Status is the file's verdict in a word: 通过, 有错误, 无法读取.
func (r *FileReview) Status() string {
	switch {
	case r.Failed():
		return "无法读取"
	case r.Errors > 0:
		return "有错误"
	}
	return "通过"
}

// FirstError is the first error in one line (place and message), or the
// failure; "" when there is none.
func (r *FileReview) FirstError() string {
	if r.Failed() {
		return r.Failure
	}
	for _, x := range r.Findings {
		if x.Severity == SevError {
			return x.Line()
		}
	}
	return ""
}

// Line is the finding in one line: place: message.
func (x FileFinding) Line() string {
	p := x.Place
	if p == "" {
		p = x.Where
	}
	if p == "" {
		return x.Message
	}
	return p + "：" + x.Message
}

// Recount sets Errors and Hints from the findings, errors first.
func (r *FileReview) Recount() {
	sort.SliceStable(r.Findings, func(i, j int) bool { return r.Findings[i].Severity < r.Findings[j].Severity })
	r.Errors, r.Hints = 0, 0
	for _, x := range r.Findings {
		if x.Severity == SevError {
			r.Errors++
		} else {
			r.Hints++
		}
	}
}

// normKey is a 部门 or 年度 compared across files: spaces and the
// full-width forms a clerk may type do not make two departments.
func normKey(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\t' || r == '\u3000' || r == '\n' || r == '\r':
			return -1
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '（':
			return '('
		case r == '）':
			return ')'
		}
		return r
	}, s)
	return strings.TrimSuffix(s, "年度")
}

// MarkBatch decides what needs the whole batch: the files that are two
// versions of one form (the same 部门 and 年度: Dup, with the newer one
// named, by Date, and a hint on the older), and the files of another year
// than most of the batch (a hint: last year's form sent again?). The
// findings of a file are recounted. It is called once, when every file
// has been read; calling it again gives the same result.
func MarkBatch(files []*FileReview) {
	for _, r := range files {
		r.Dup = nil
		kept := r.Findings[:0]
		for _, x := range r.Findings {
			if !x.Batch {
				kept = append(kept, x)
			}
		}
		r.Findings = kept
	}
	markDuplicates(files)
	markYears(files)
	for _, r := range files {
		r.Recount()
	}
}

func markDuplicates(files []*FileReview) {
	groups := map[[2]string][]*FileReview{}
	var keys [][2]string
	for _, r := range files {
		if r.Failed() || strings.TrimSpace(r.Dept) == "" || strings.TrimSpace(r.Year) == "" {
			continue
		}
		k := [2]string{normKey(r.Dept), normKey(r.Year)}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		newest, why := newestOf(g)
		for _, r := range g {
			d := &Duplicate{Why: why}
			for _, o := range g {
				if o != r {
					d.Others = append(d.Others, o.Name)
				}
			}
			if newest != nil {
				d.Newest = newest.Name
			}
			r.Dup = d
			msg := fmt.Sprintf("与“%s”是同一部门、同一年度（%s %s年度）的申报表", strings.Join(d.Others, "”“"), r.Dept, normKey(r.Year))
			switch {
			case newest == nil:
				msg += "，" + why + "；请确认以哪一份为准，汇总时只用一份"
			case newest == r:
				msg += "，这一份较新（" + why + "）；汇总时请只用这一份"
			default:
				msg += "，较新的是“" + newest.Name + "”（" + why + "）；这一份可能是旧版本，汇总时请不要用"
			}
			r.Findings = append(r.Findings, FileFinding{Severity: SevHint, Message: msg, Loc: Location{Part: PartBasic, Unit: -1, Row: -1}, Batch: true})
		}
	}
}

// newestOf is the file of g that is the newest by the most trusted kind
// of date (DateKinds) that every file of g has and that one of them has
// later than all the others, and how that was told; nil when no kind of
// date tells them apart.
func newestOf(g []*FileReview) (*FileReview, string) {
	for _, kind := range DateKinds {
		var best *FileReview
		tie, all := false, true
		for _, r := range g {
			d := r.DateOf(kind)
			switch {
			case d.IsZero():
				all = false
			case best == nil || d.After(best.DateOf(kind)):
				best, tie = r, false
			case d.Equal(best.DateOf(kind)):
				tie = true
			}
		}
		if !all || tie || best == nil {
			continue
		}
		format := "2006-01-02 15:04"
		if kind == DateFilled {
			format = "2006-01-02"
		}
		return best, fmt.Sprintf("按%s：“%s”是 %s，最晚", kind, best.Name, best.DateOf(kind).Local().Format(format))
	}
	return nil, "文件中的日期和文件的修改时间都无法判断哪一份较新"
}

// markYears adds a hint to each file whose 年度 differs from the year most
// files of the batch have (when most of them agree).
func markYears(files []*FileReview) {
	count := map[string]int{}
	read := 0
	for _, r := range files {
		if r.Failed() || strings.TrimSpace(r.Year) == "" {
			continue
		}
		count[normKey(r.Year)]++
		read++
	}
	best, n := "", 0
	for y, c := range count {
		if c > n || c == n && y > best {
			best, n = y, c
		}
	}
	if read < 3 || 2*n <= read {
		return // no clear year of the batch
	}
	for _, r := range files {
		if r.Failed() || strings.TrimSpace(r.Year) == "" || normKey(r.Year) == best {
			continue
		}
		r.Findings = append(r.Findings, FileFinding{Severity: SevHint,
			Message: fmt.Sprintf("年度是 %s，本批其他文件多为 %s年度（%d 份中 %d 份）；是否寄来了其他年度的表？请核对", normKey(r.Year), best, read, n),
			Place:   r.YearPlace, Where: PartBasic.String() + " › " + string(FieldYear),
			Loc: Location{Part: PartBasic, Unit: -1, Row: -1, Field: FieldYear}, Batch: true})
	}
}

// BatchTotals counts a batch: files read and passed, with errors, unread;
// errors and hints in all; groups of versions of one form.
type BatchTotals struct {
	Files, Passed, WithErrors, Failed int
	Errors, Hints                     int
	Duplicates                        int // groups of files with the same 部门 and 年度
}

// CountBatch is the totals of files.
func CountBatch(files []*FileReview) BatchTotals {
	var t BatchTotals
	seen := map[string]bool{}
	for _, r := range files {
		t.Files++
		switch {
		case r.Failed():
			t.Failed++
		case r.Errors > 0:
			t.WithErrors++
		default:
			t.Passed++
		}
		t.Errors += r.Errors
		t.Hints += r.Hints
		if r.Dup != nil {
			names := append([]string{r.Name}, r.Dup.Others...)
			sort.Strings(names)
			seen[strings.Join(names, "\x00")] = true
		}
	}
	t.Duplicates = len(seen)
	return t
}

// String is the total line: 共 12 个文件：通过 7 个，有错误 3 个，无法读取 2 个；…
func (t BatchTotals) String() string {
	s := fmt.Sprintf("共 %d 个文件：通过 %d 个，有错误 %d 个，无法读取 %d 个；错误 %d 个，提示 %d 条", t.Files, t.Passed, t.WithErrors, t.Failed, t.Errors, t.Hints)
	if t.Duplicates > 0 {
		s += fmt.Sprintf("；同一部门同一年度的重复文件 %d 组", t.Duplicates)
	}
	return s
}
