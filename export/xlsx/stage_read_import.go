package xlsx

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/layout"
	"jixiao/export/internal/limits"
	"jixiao/model"
	"jixiao/model/recognize"
)

// StageChange is one value taken from a filled 监控表/自评表.
type StageChange struct {
	Addr  string // the cell, e.g. 预算执行情况!F12
	Place string // the place in the draft in plain Chinese: Row and Field
	Row   string // the draft's row: unit / 主要内容, or the indicator's name
	Field string // the column's header, e.g. 全年执行数
	Old   string // the draft's value before ("" when empty)
	New   string // the value read
}

// StageReport says what ImportStageValues did, cell by cell.
type StageReport struct {
	Stage   model.Stage
	Changes []StageChange
	// Problems are values refused (nothing of them was written) or taken
	// as typed but not valid (to be corrected), each naming its cell.
	Problems []string
	// Hints are 提示: a bare 0.95 for a % target, a computed 实际完成值
	// typed over.
	Hints []string
	// Results are the cells where the file's own formulas (执行率, 得分,
	// 合计, 总分, 等级, as the spreadsheet program last computed them)
	// differ from the program's result after the import; the program's
	// counts.
	Results []string
	// Ignored are edits of read-only cells (declared values, computed
	// cells), not taken.
	Ignored []string
	// Missing are exported rows the sheet no longer has (nothing of them
	// was changed in the draft).
	Missing []string
	// Notes say what else was seen: columns ignored, a table read twice.
	Notes     []string
	Unchanged int // input cells whose value was as exported
}

// String lists everything, one line each.
func (r *StageReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s：读取 %d 处改动，%d 处未改动", r.Stage, len(r.Changes), r.Unchanged)
	if n := len(r.Problems) + len(r.Missing); n > 0 {
		fmt.Fprintf(&b, "，%d 个问题", n)
	}
	for _, c := range r.Changes {
		fmt.Fprintf(&b, "\n  %s %s：%s → %s", c.Addr, c.Place, orEmpty(c.Old), orEmpty(c.New))
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "\n  问题：%s", p)
	}
	for _, p := range r.Missing {
		fmt.Fprintf(&b, "\n  未找到：%s", p)
	}
	for _, p := range r.Ignored {
		fmt.Fprintf(&b, "\n  未导入：%s", p)
	}
	for _, p := range r.Hints {
		fmt.Fprintf(&b, "\n  提示：%s", p)
	}
	for _, p := range r.Results {
		fmt.Fprintf(&b, "\n  提示：%s", p)
	}
	for _, p := range r.Notes {
		fmt.Fprintf(&b, "\n  说明：%s", p)
	}
	return b.String()
}

func orEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "（空）"
	}
	return s
}

// ReadImportFile reads a file to import with the importer's limits.
func ReadImportFile(path string) ([]byte, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, model.Wrap(err, model.ENOTFOUND, "找不到文件“%s”，请检查路径", path)
	case err != nil:
		return nil, model.Errorf(model.EIO, "无法读取文件“%s”：%w", name, err)
	case st.IsDir():
		return nil, model.Errorf(model.EINVALID, "“%s”是文件夹，请选择一个 .xlsx 文件", name)
	case st.Size() > limits.MaxFileSize:
		return nil, model.Errorf(model.EINVALID, "文件“%s”超过 %d MB 的上限，未导入", name, limits.MaxFileSize>>20)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, model.Errorf(model.EIO, "无法打开文件“%s”：%w", name, err)
	}
	defer fh.Close()
	return io.ReadAll(io.LimitReader(fh, limits.MaxFileSize+1))
}

// IsStageWorkbook reports whether data is a 监控表/自评表 exported by this
// program, of any version (it has the hidden sheet).
func IsStageWorkbook(data []byte) bool {
	xf, err := OpenWorkbook("", data)
	if err != nil {
		return false
	}
	defer xf.Close()
	v, err := xf.GetCellValue(StageDataSheet, "A1")
	_, ok := StageVersion(v)
	return err == nil && ok
}

// ImportStageValues reads the values a clerk filled into a 监控表/自评表
// exported by WriteStage and returns a copy of f with them applied.
// Each row is found by what it is (unit and 主要内容, 一级/二级/三级指标;
// the hidden id where names repeat) and each column by its header text,
// so sorted, moved or deleted rows and inserted or dragged columns are
// read right or refused, never read into another row. Values are read as
// stored (numbers at 15 significant digits, percent cells as percent).
// Only values that differ from the exported ones are taken; a value that
// is not valid is kept as typed and reported. The report names every cell
// refused, every read-only cell edited and every row not found. The error,
// in plain Chinese, says when the file is not such a sheet, belongs to
// another draft or was written by a newer jixiao; then nothing was taken.
func ImportStageValues(name string, data []byte, f *model.Form) (out *model.Form, rep *StageReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, rep, err = nil, nil, InternalError(name, r, "")
		}
	}()
	xf, err := OpenWorkbook(name, data)
	if err != nil {
		return nil, nil, err
	}
	defer xf.Close()
	meta, ver, err := ReadStageMeta(xf, filepath.Base(name))
	if err != nil {
		return nil, nil, err
	}
	if !infoOfMeta(meta).Fits(f.Dept, f.Year) {
		return nil, nil, model.Errorf(model.ECONFLICT, "“%s”是“%s %s年度”的%s，与草稿“%s %s年度”不符，未导入", name, meta.Dept, meta.Year, meta.Sheet, f.Dept, f.Year)
	}
	if meta.Stage != model.StageMonitor && meta.Stage != model.StageEval {
		return nil, nil, model.Errorf(model.EDAMAGED, "“%s”中程序的对应数据已损坏（阶段不对），未导入；请重新导出后填写", name)
	}
	if f.Stage < meta.Stage {
		return nil, nil, model.Errorf(model.ECONFLICT, "“%s”是%s，草稿还在“%s”阶段；请先切换到“%s”再导入", name, meta.Sheet, f.Stage, meta.Stage)
	}
	if meta.Stage == model.StageMonitor && meta.Month != f.Month && f.Stage == model.StageMonitor {
		return nil, nil, model.Errorf(model.ECONFLICT, "“%s”是截至%d月的运行监控表，草稿的运行监控截至%d月，未导入；请重新导出截至%d月的监控表填写", name, meta.Month, f.Month, f.Month)
	}
	if ver.Major == 1 {
		UpgradeV1(meta, f)
	}
	im := newStageImport(xf, meta, f)
	im.ver = ver.Major
	im.run()
	return im.g, im.rep, nil
}

// stageImport is one import of a filled stage workbook into a copy of a draft.
type stageImport struct {
	xf     *excelize.File
	meta   *StageMeta
	g      *model.Form
	rep    *StageReport
	vocab  [2]map[string]layout.ColKey
	inputs [2]map[layout.ColKey]bool // the input columns of each table kind
	heads  map[layout.ColKey]string  // header texts for messages
	doc    *layout.StageDoc          // the tables as this program writes them (columns)
	ver    int                       // the workbook's format version
	taken  []takenRow                // rows whose values were taken
}

func newStageImport(xf *excelize.File, meta *StageMeta, f *model.Form) *stageImport {
	im := &stageImport{xf: xf, meta: meta, g: f.Clone(), rep: &StageReport{Stage: meta.Stage}}
	probe := f.Clone()
	probe.Stage, probe.Month = meta.Stage, meta.Month
	if meta.Stage == model.StageMonitor {
		im.doc = layout.BuildMonitor(probe)
	} else {
		im.doc = layout.BuildEval(probe)
	}
	im.heads = headNames(im.doc)
	for kind := layout.TableTasks; kind <= layout.TableIndicators; kind++ {
		im.vocab[kind] = headVocab(meta.Stage, meta.Month, kind)
		im.inputs[kind] = map[layout.ColKey]bool{}
		for _, c := range im.doc.Tables[kind].Cols {
			if c.Role == layout.RoleInput {
				im.inputs[kind][c.Key] = true
			}
		}
	}
	if meta.Stage == model.StageMonitor {
		im.inputs[layout.TableIndicators][layout.CkCauseBoth] = true
	}
	return im
}

func (im *stageImport) problem(format string, args ...any) {
	im.rep.Problems = append(im.rep.Problems, fmt.Sprintf(format, args...))
}

func (im *stageImport) run() {
	var found [2][]*sheetTable
	for _, sh := range im.xf.GetSheetList() {
		if sh == StageDataSheet {
			continue
		}
		if vis, err := im.xf.GetSheetVisible(sh); err == nil && !vis {
			continue
		}
		g, err := loadStageGrid(im.xf, sh)
		if err != nil {
			im.problem("工作表“%s”无法读取（%v），未导入", sh, err)
			continue
		}
		for _, t := range findTables(g, im.vocab) {
			found[t.kind] = append(found[t.kind], t)
		}
	}
	for kind := layout.TableTasks; kind <= layout.TableIndicators; kind++ {
		rows := im.meta.Tasks
		if kind == layout.TableIndicators {
			rows = im.meta.Indicators
		}
		if len(found[kind]) == 0 {
			if len(rows) > 0 {
				need := "“任务名称”“主要内容”"
				if kind == layout.TableIndicators {
					need = "“一级指标”“二级指标”“三级指标”"
				}
				im.problem("找不到%s表（表头应有%s），这部分的 %d 行未导入", kind, need, len(rows))
			}
			continue
		}
		if len(found[kind]) > 1 {
			var where []string
			for _, t := range found[kind] {
				where = append(where, fmt.Sprintf("%s 第%d行", t.g.sheet, t.head+1))
			}
			im.rep.Notes = append(im.rep.Notes, fmt.Sprintf("%s表出现了 %d 次（表头在 %s），都已读取；同一行在各处填写不同的，不导入", kind, len(found[kind]), strings.Join(where, "、")))
		}
		im.readKind(kind, found[kind], rows)
	}
	if im.ver >= 2 {
		im.results(found)
	}
}

// usable checks a found table's columns: it reports duplicated headers,
// missing columns and ignored ones; false when the identity columns are
// not all there (the table cannot be read).
func (im *stageImport) usable(t *sheetTable) bool {
	g := t.g
	colName := func(c int) string { a, _ := excelize.ColumnNumberToName(c + 1); return a }
	for k, cs := range t.dup {
		var names []string
		for _, c := range cs {
			names = append(names, colName(c))
		}
		im.problem("%s 第%d行的表头“%s”出现了 %d 次（%s列），无法确定哪一栏是它，这一栏未导入", g.sheet, t.head+1, im.head(k), len(cs), strings.Join(names, "、"))
	}
	for _, c := range t.extra {
		im.rep.Notes = append(im.rep.Notes, fmt.Sprintf("已忽略 %s 表头为“%s”的一栏（%s列），它不是本表的栏目", g.sheet, recognize.Shorten(g.text(t.head, c), 20), colName(c)))
	}
	ok := true
	for _, k := range keyCols(t.kind) {
		if _, found := t.cols[k]; !found {
			if _, dup := t.dup[k]; !dup {
				im.problem("%s 第%d行的表头中找不到“%s”，无法确定各行是哪个%s，这张表未导入", g.sheet, t.head+1, im.head(k), map[layout.TableKind]string{layout.TableTasks: "任务", layout.TableIndicators: "指标"}[t.kind])
			}
			ok = false
		}
	}
	if !ok {
		return false
	}
	if hasCol(t, layout.CkCause) || hasCol(t, layout.CkCauseText) {
		delete(t.cols, layout.CkCauseBoth) // format 2's two columns win over a column named 偏差原因
	}
	for _, c := range im.doc.Tables[t.kind].Cols {
		switch {
		case c.Role != layout.RoleInput, hasCol(t, c.Key), len(t.dup[c.Key]) > 0:
		case (c.Key == layout.CkCause || c.Key == layout.CkCauseText) && hasCol(t, layout.CkCauseBoth):
		default:
			im.problem("%s 第%d行的表头中找不到“%s”，这一栏的数值未导入", g.sheet, t.head+1, c.Head)
		}
	}
	return true
}

func hasCol(t *sheetTable, k layout.ColKey) bool { _, ok := t.cols[k]; return ok }

func (im *stageImport) head(k layout.ColKey) string {
	if h, ok := im.heads[k]; ok {
		return h
	}
	return string(k)
}

// readKind matches the rows of the tables of one kind and takes their values.
func (im *stageImport) readKind(kind layout.TableKind, tables []*sheetTable, rows []MetaRow) {
	byKey := map[string][]int{}
	for i := range rows {
		k := metaKey(rows[i].Key)
		byKey[k] = append(byKey[k], i)
	}
	matched := map[int][]sheetRow{}
	var order []int
	usable := false
	for _, t := range tables {
		if !im.usable(t) {
			continue
		}
		usable = true
		for _, r := range t.rows {
			key, any := t.identity(r)
			if !any {
				if im.hasInput(t, r) {
					im.problem("%s 第%d行没有%s，无法确定是哪一行，这一行未导入", t.g.sheet, r+1, map[layout.TableKind]string{layout.TableTasks: "任务名称和主要内容", layout.TableIndicators: "指标名称"}[kind])
				}
				continue
			}
			s := sheetRow{t: t, r: r, key: key}
			if c, ok := t.cols[layout.CkID]; ok {
				s.id = t.g.text(r, c)
			}
			i, why := im.match(s, byKey[key], rows)
			if i < 0 {
				if why != "" && (len(byKey[key]) > 0 || im.hasInput(t, r)) {
					im.problem("%s：%s，这一行未导入", s.rowName(), why)
				}
				continue
			}
			if len(matched[i]) == 0 {
				order = append(order, i)
			}
			matched[i] = append(matched[i], s)
		}
	}
	for _, i := range order {
		ss := matched[i]
		if len(ss) > 1 && !im.sameInputs(ss) {
			var names []string
			for _, s := range ss {
				names = append(names, fmt.Sprintf("%s 第%d行", s.t.g.sheet, s.r+1))
			}
			im.problem("“%s”在表中出现了 %d 次（%s），填写的数值不同，无法确定用哪一处，这一行未导入", shownKey(rows[i].Key), len(ss), strings.Join(names, "、"))
			continue
		}
		im.take(kind, &rows[i], ss[0])
	}
	for i := range rows {
		if _, ok := matched[i]; !ok && usable && !im.refusedKey(rows[i].Key, tables) {
			what := "任务"
			if kind == layout.TableIndicators {
				what = "指标"
			}
			im.rep.Missing = append(im.rep.Missing, fmt.Sprintf("%s“%s”在表中找不到（行被删除或名称被改动），这一行未导入，草稿中保持原值", what, shownKey(rows[i].Key)))
		}
	}
}

// refusedKey reports whether a row with this identity was seen and
// refused (then it is reported as such, not as missing).
func (im *stageImport) refusedKey(key []string, tables []*sheetTable) bool {
	k := metaKey(key)
	for _, t := range tables {
		for _, r := range t.rows {
			if id, _ := t.identity(r); id == k {
				return true
			}
		}
	}
	return false
}

func shownKey(k []string) string {
	var parts []string
	for _, p := range k {
		if p != "" {
			parts = append(parts, recognize.Shorten(p, 30))
		}
	}
	return strings.Join(parts, " / ")
}

// sameInputs reports whether the rows hold the same input values (a copy
// of a table, or the same row twice).
func (im *stageImport) sameInputs(ss []sheetRow) bool {
	for k := range im.inputs[ss[0].t.kind] {
		first := ""
		for i, s := range ss {
			v := ""
			if c, ok := s.t.cols[k]; ok {
				v = s.t.g.value(s.r, c, isAmountKey(k), isTextKey(k)).text
			}
			if i == 0 {
				first = v
			} else if v != first {
				return false
			}
		}
	}
	return true
}
