package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// 批量审核: every returned file of a batch is read, checked by its
// template's rules, and its findings placed in the file's own terms
// (model/recognize/sheet_places.go), one file at a time on a few goroutines; a file that
// cannot be read is one failed review, never the end of the batch. What
// needs the whole batch (two versions of one form, another year) is
// model.MarkBatch. See docs/batch.md.

// ReviewOptions are what a review may use besides the files.
type ReviewOptions struct {
	ImportOptions
	// Keep keeps each file's form in its review (to pass the clean ones
	// on to 汇总); without it only the findings and totals are kept, so
	// a batch of hundreds of files stays small.
	Keep bool
}

// ReviewExts are the extensions a folder's files are reviewed by: the
// importable ones, and Word 97-2003 and WPS 文字 files, which are refused
// with their own reason (a clerk who sent one is told to send another).
var ReviewExts = []string{".xlsx", ".xls", ".et", ".docx", ".pdf", ".json", ".doc", ".wps"}

// ListFolder returns the files of dir to review (by ReviewExts), sorted by
// name, and how many other files it skipped; with recursive the folders
// inside too. Hidden files and the lock files office programs leave
// (~$a.xlsx, .~lock.a.xlsx#) are not forms and are not counted.
func ListFolder(dir string, recursive bool) (files []string, skipped int, err error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, 0, model.Wrap(err, model.ENOTFOUND, "找不到文件夹“%s”，请检查路径", dir)
	case err != nil:
		return nil, 0, model.Errorf(model.EIO, "无法打开文件夹“%s”：%w", dir, err)
	case !st.IsDir():
		return nil, 0, model.Errorf(model.EINVALID, "“%s”不是文件夹", dir)
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			skipped++
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && (!recursive || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		if isReviewExt(name) {
			files = append(files, p)
		} else {
			skipped++
		}
		return nil
	})
	if err != nil {
		return nil, 0, model.Errorf(model.EIO, "无法读取文件夹“%s”：%w", dir, err)
	}
	sort.Strings(files)
	return files, skipped, nil
}

func isReviewExt(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range ReviewExts {
		if ext == e {
			return true
		}
	}
	return false
}

// ReviewFiles reviews every file of paths on up to workers goroutines (0:
// one per CPU), calls done (if not nil) with each review as it is made,
// from one goroutine at a time, then marks the batch (model.MarkBatch)
// and returns the reviews in the order of paths.
func ReviewFiles(paths []string, o ReviewOptions, workers int, done func(i int, r *model.FileReview)) []*model.FileReview {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]*model.FileReview, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range min(workers, len(paths)) {
		wg.Go(func() {
			for i := range next {
				r := ReviewFile(paths[i], o)
				out[i] = r
				if done != nil {
					mu.Lock()
					done(i, r)
					mu.Unlock()
				}
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	model.MarkBatch(out)
	return out
}

// ReviewFile reads and checks the file at path. It never fails: a file
// that cannot be read is a review with its Failure. MarkBatch is for the
// caller, once every file is reviewed.
func ReviewFile(path string, o ReviewOptions) (r *model.FileReview) {
	r = &model.FileReview{Path: path, Name: filepath.Base(path), Kind: kindByName(path)}
	defer func() {
		if p := recover(); p != nil {
			*r = model.FileReview{Path: path, Name: r.Name, Kind: r.Kind,
				Failure: fmt.Sprintf("读取“%s”时程序内部出错（%v），这个文件没有审核；其他文件不受影响，请把这条信息发给技术支持", r.Name, p)}
		}
	}()
	st, err := os.Stat(path)
	if err == nil && st.IsDir() {
		err = model.Errorf(model.EINVALID, "“%s”是文件夹，不是申报表文件", r.Name)
	}
	var data []byte
	if err == nil && st.Size() > MaxImportSize {
		err = model.Errorf(model.EINVALID, "文件“%s”有 %.1f MB，超过 %d MB 的上限，不像是申报表", r.Name, float64(st.Size())/(1<<20), MaxImportSize>>20)
	}
	if err == nil {
		data, err = readAtMost(path, MaxImportSize)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = model.Wrap(err, model.ENOTFOUND, "找不到文件“%s”，请检查路径", path)
		}
		r.Failure = model.ErrorMessage(err)
		return r
	}
	reviewData(r, data, st.ModTime(), o)
	return r
}

// readAtMost reads the file at path, at most limit bytes.
func readAtMost(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, model.Errorf(model.EIO, "读取文件“%s”失败：%w", filepath.Base(path), err)
	}
	return data, nil
}

// reviewData imports data (the file r names, modified at mod), checks the
// form by its template and fills r in.
func reviewData(r *model.FileReview, data []byte, mod time.Time, o ReviewOptions) {
	r.Kind = kindOf(r.Name, data)
	f, rep, err := ImportBytes(r.Name, data, o.ImportOptions)
	if err != nil {
		r.Failure = model.ErrorMessage(err)
		return
	}
	tpl := model.FindTemplate(f.Template, o.Templates)
	var notes []model.FileFinding
	if tpl == nil {
		tpl = model.BuiltinTemplate(model.DefaultTemplateID)
		notes = append(notes, model.FileFinding{Severity: model.SevHint, Where: "表样",
			Message: fmt.Sprintf("文件按表样“%s”填写，本机没有这个表样，已按“%s”审核；请先导入财政局发的表样文件再审核", f.Template.ID, tpl.Name)})
	} else if n := model.NewestTemplate(f, o.Templates); n != nil {
		notes = append(notes, model.FileFinding{Severity: model.SevHint, Where: "表样",
			Message: fmt.Sprintf("文件按“%s”第%d版填写，现在的是第%d版；请按新版表样重新填报，或在本程序中迁移（表样 › 迁移到新版本）", tpl.Name, max(f.Template.Version, 1), n.Version)})
	}
	r.Dept, r.Year = strings.TrimSpace(f.Dept), strings.TrimSpace(f.Year)
	r.Template = tpl.Name
	if tpl.Version > 1 {
		r.Template = fmt.Sprintf("%s（第%d版）", tpl.Name, tpl.Version)
	}
	t := model.ComputeTotals(f)
	r.Total, r.Invalid = t.Total, t.Invalid
	if !tpl.Has(model.SectionTasks) && f.Funds != nil && t.Tasks == 0 {
		r.Total = f.Funds.Total(model.FundsIncome)
	}
	if p, exact, ok := rep.PlaceOf(model.Location{Part: model.PartBasic, Unit: -1, Row: -1, Field: model.FieldYear}); ok && exact {
		r.YearPlace = p.Describe()
	}
	r.Findings = append(placeFindings(f, rep, model.CheckWith(f, tpl)), notes...)
	r.Findings = append(r.Findings, importFindings(rep, r.Findings)...)
	r.Dates = fileDates(f, data, mod)
	if o.Keep {
		r.Form = f
	}
	r.Recount()
}

// placeFindings places each finding of f in the file's own terms.
func placeFindings(f *model.Form, rep *ImportReport, found []model.Finding) []model.FileFinding {
	out := make([]model.FileFinding, 0, len(found))
	for _, x := range found {
		ff := model.FileFinding{Severity: x.Severity, Where: x.Loc.Describe(f), Message: x.Message, Loc: x.Loc}
		if p, exact, ok := rep.PlaceOf(x.Loc); ok {
			ff.Place = describePlace(p, x.Loc, exact)
		}
		out = append(out, ff)
	}
	return out
}

// describePlace names place p of a finding at loc: the cell and its
// column when the file has the field (exact), else the row (or the part's
// heading) and the field the file has no column for.
func describePlace(p Place, loc model.Location, exact bool) string {
	field := string(loc.Field)
	if loc.Field == model.FieldInput && loc.Input != "" {
		field = loc.Input
	}
	col := p.Column
	if col == "" {
		col = field
	}
	excel := p.Sheet != "" && p.Cell != ""
	switch {
	case exact && excel && col != "":
		return fmt.Sprintf("工作表“%s”%s 单元格（第%d行，%s）", p.Sheet, p.Cell, p.Row, col)
	case exact && excel:
		return p.Describe()
	case exact && col != "":
		return fmt.Sprintf("%s（%s）", p.Text, col)
	case exact:
		return p.Text
	}
	base := p.Text
	if excel {
		base = fmt.Sprintf("工作表“%s”第%d行", p.Sheet, p.Row)
	}
	if field == "" {
		return base
	}
	return fmt.Sprintf("%s（文件中没有“%s”这一栏）", base, field)
}

// cellRe is a worksheet cell as the import report names it: Sheet1!C12.
var cellRe = regexp.MustCompile(`^(.+)!([A-Z]{1,3})([0-9]+)$`)

// placeOfText is the Place an import report's cell text names.
func placeOfText(s string) Place {
	if m := cellRe.FindStringSubmatch(s); m != nil {
		if _, row, err := excelize.CellNameToCoordinates(m[2] + m[3]); err == nil {
			return Place{Sheet: m[1], Cell: m[2] + m[3], Row: row, Text: s}
		}
	}
	return Place{Text: s}
}

// maxUnplacedFindings bounds the cells not read that a review lists one by
// one (the rest are counted in one line).
const maxUnplacedFindings = 20

// importFindings are what reading the file found that the checks do not
// (a cell the checks already name is left out): a cell that could not be
// read as it is (an error: a formula without its value, a 合计 that is not
// the sum of its rows), a remark about the whole file, and the cells that
// were not read into the form (their text is not in the form: hints).
func importFindings(rep *ImportReport, have []model.FileFinding) []model.FileFinding {
	var out []model.FileFinding
	for _, p := range rep.Problems {
		if p.Cell == "" {
			out = append(out, model.FileFinding{Severity: model.SevHint, Where: "读取文件", Message: p.Message})
			continue
		}
		if alreadyChecked(have, p.Cell, rep) {
			continue
		}
		out = append(out, model.FileFinding{Severity: model.SevError, Place: placeOfText(p.Cell).Describe(), Where: "读取文件", Message: p.Message})
	}
	for i, p := range rep.Unplaced {
		if i == maxUnplacedFindings {
			out = append(out, model.FileFinding{Severity: model.SevHint, Where: "读取文件",
				Message: fmt.Sprintf("另有 %d 格内容没有读入申报表（见本程序的导入报告）", len(rep.Unplaced)-i)})
			break
		}
		f := model.FileFinding{Severity: model.SevHint, Where: "读取文件",
			Message: p.Message + "：表样中没有对应的栏目，这一格的内容没有读入；请核对是否填错了位置，不需要的请删除"}
		if p.Cell != "" {
			f.Place = placeOfText(p.Cell).Describe()
		}
		out = append(out, f)
	}
	return out
}

// alreadyChecked reports whether a finding of the checks is about the
// cell the import report names cell (an amount that could not be read is
// both a problem of reading and an error of the checks).
func alreadyChecked(have []model.FileFinding, cell string, rep *ImportReport) bool {
	for _, x := range have {
		if p, exact, ok := rep.PlaceOf(x.Loc); ok && exact && p.Text == cell {
			return true
		}
	}
	return false
}

// kindByName is what a file is by its extension alone (before it is read).
func kindByName(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xls":
		return "Excel"
	case ".et":
		return "WPS 表格"
	case ".docx", ".doc":
		return "Word"
	case ".wps":
		return "WPS 文字"
	case ".pdf":
		return "PDF"
	case ".json":
		return "JSON"
	}
	return "其他"
}

// kindOf is what a file is by its content (a .xls that is an .xlsx is
// Excel either way; an .xlsx that is a Word document is Word).
func kindOf(name string, data []byte) string {
	switch sniff(name, data) {
	case kindXLSX:
		if strings.EqualFold(filepath.Ext(name), ".et") {
			return "WPS 表格"
		}
		return "Excel"
	case kindOldXLS:
		return kindByName(name)
	case kindDOCX:
		return "Word"
	case kindPDF:
		return "PDF"
	case kindJSON:
		return "JSON"
	}
	return kindByName(name)
}
