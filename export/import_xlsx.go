package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// Limits for untrusted workbooks, checked on the zip directory before
// excelize reads anything, and given to excelize as well.
const (
	maxUnzipped    = 64 << 20 // all parts together, uncompressed
	maxUnzippedXML = 32 << 20 // one part, uncompressed
	maxZipEntries  = 2000
	maxSheetRows   = 200_000
	maxSheetCols   = 200
)

// openWorkbook opens data as a workbook after checking its zip directory,
// so that a zip bomb or a huge shared-strings part is refused before it is
// unpacked.
func openWorkbook(name string, data []byte) (*excelize.File, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("“%s”不是有效的 Excel（.xlsx）文件，可能已损坏；请在 Excel 或 WPS 中打开后重新保存为 .xlsx 再导入", name)
	}
	if len(zr.File) > maxZipEntries {
		return nil, fmt.Errorf("“%s”内部包含 %d 个部件，不像是申报表，为安全起见未导入", name, len(zr.File))
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > maxUnzippedXML || total > maxUnzipped {
			return nil, fmt.Errorf("“%s”解压后超过 %d MB（其中“%s”有 %d MB），不像是申报表，为安全起见未导入；如确是申报表，请删去多余的工作表和内容后再试", name, maxUnzipped>>20, zf.Name, zf.UncompressedSize64>>20)
		}
	}
	xf, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzippedXML})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, fmt.Errorf("“%s”解压后过大，为安全起见未导入", name)
		}
		if strings.Contains(err.Error(), "encrypt") || errors.Is(err, excelize.ErrWorkbookFileFormat) {
			return nil, fmt.Errorf("“%s”无法打开：文件可能设置了密码或不是 .xlsx 格式；请去掉密码、另存为 .xlsx 后再导入", name)
		}
		return nil, fmt.Errorf("“%s”无法作为 Excel 文件读取（%v）；请在 Excel 或 WPS 中打开后重新保存为 .xlsx 再导入", name, err)
	}
	return xf, nil
}

// internalError is a recovered panic: a bug of ours, reported to the user
// as a plain message instead of a crash (and found by the fuzz tests).
type internalError struct{ msg string }

func (e *internalError) Error() string { return e.msg }

// maxMerges bounds the merged ranges read from one sheet.
const maxMerges = 200_000

// mergedRanges lists the merged ranges of sheet as [start, end] cell
// names. It reads the <mergeCell ref="A1:B2"/> elements of the sheet's XML
// itself: excelize's GetMergeCells compares every range with every other
// (quadratic), which a file with many merges would turn into a hang.
func mergedRanges(xf *excelize.File, sheet string) ([][2]string, error) {
	path := sheetPaths(xf)[sheet]
	if path == "" {
		return nil, nil
	}
	raw, ok := xf.Pkg.Load(path)
	if !ok {
		return nil, nil
	}
	data, _ := raw.([]byte)
	var out [][2]string
	for {
		i := bytes.Index(data, []byte("mergeCell "))
		if i < 0 {
			break
		}
		data = data[i+len("mergeCell "):]
		end := bytes.IndexByte(data, '>')
		if end < 0 {
			break
		}
		attrs := data[:end]
		j := bytes.Index(attrs, []byte(`ref="`))
		if j < 0 {
			continue
		}
		ref := attrs[j+5:]
		if k := bytes.IndexByte(ref, '"'); k >= 0 {
			ref = ref[:k]
		}
		a, b, found := strings.Cut(string(ref), ":")
		if !found {
			b = a
		}
		out = append(out, [2]string{a, b})
		if len(out) > maxMerges {
			return nil, fmt.Errorf("工作表“%s”的合并单元格超过 %d 个", sheet, maxMerges)
		}
	}
	return out, nil
}

// sheetPaths maps sheet names to their part names in the package, from
// xl/workbook.xml and its relationships.
func sheetPaths(xf *excelize.File) map[string]string {
	load := func(name string) []byte {
		v, ok := xf.Pkg.Load(name)
		if !ok {
			return nil
		}
		b, _ := v.([]byte)
		return b
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	out := map[string]string{}
	if xml.Unmarshal(load("xl/workbook.xml"), &wb) != nil || xml.Unmarshal(load("xl/_rels/workbook.xml.rels"), &rels) != nil {
		return out
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(t, "xl/") {
			t = "xl/" + t
		}
		target[r.ID] = t
	}
	for _, s := range wb.Sheets {
		out[s.Name] = target[s.RID]
	}
	return out
}

func importXLSX(name string, data []byte) (f *model.Form, rep *ImportReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, rep, err = nil, nil, &internalError{fmt.Sprintf("读取“%s”时出错（%v），未导入；请在 Excel 或 WPS 中打开后重新保存再试", name, r)}
		}
	}()
	xf, err := openWorkbook(name, data)
	if err != nil {
		return nil, nil, err
	}
	defer xf.Close()
	rep = &ImportReport{}

	hidden, herr := readDataSheet(xf)
	visible, vrep, verr := readVisible(xf, name)
	switch {
	case hidden != nil && verr == nil:
		if visibleKey(hidden) == visibleKey(visible) {
			rep.note("本程序导出的文件：已从隐藏数据完整读取（含任务与目标的对应关系、计算数据等）")
			return hidden, rep, nil
		}
		carryOver(visible, hidden)
		vrep.note("表格在导出后被修改过：已按表格中看到的内容导入；能对应上的附加信息（任务对应的目标、计算数据）已保留")
		return visible, vrep, nil
	case hidden != nil:
		rep.note("本程序导出的文件：表格部分无法识别（%v），已从隐藏数据完整读取", verr)
		return hidden, rep, nil
	case verr != nil:
		if herr != nil {
			return nil, nil, fmt.Errorf("%v；隐藏数据也无法读取（%v）", verr, herr)
		}
		return nil, nil, verr
	}
	if herr != nil {
		vrep.note("文件中的隐藏数据无法读取（%v），已按表格内容导入", herr)
	}
	return visible, vrep, nil
}

// readDataSheet reads the form from the hidden data sheet; (nil, nil) when
// there is none.
func readDataSheet(xf *excelize.File) (*model.Form, error) {
	if idx, _ := xf.GetSheetIndex(DataSheetName); idx < 0 {
		return nil, nil
	}
	rows, err := xf.GetRows(DataSheetName, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	if len(rows) < 2 || len(rows[0]) == 0 || rows[0][0] != FormatName {
		return nil, errors.New("隐藏数据表格式不对")
	}
	var b strings.Builder
	for _, r := range rows[1:] {
		if len(r) > 0 {
			b.WriteString(r[0])
		}
	}
	return unmarshalForm([]byte(b.String()))
}

// sheetGrid is one sheet's cell texts with merged ranges filled in.
type sheetGrid struct {
	xf    *excelize.File
	name  string
	cells [][]string
	// mergeTop[r][c] is true when the cell is covered by a merged range
	// but is not its top-left cell.
	covered map[[2]int]bool
}

func (g *sheetGrid) at(r, c int) string {
	if r < 0 || r >= len(g.cells) || c < 0 || c >= len(g.cells[r]) {
		return ""
	}
	return g.cells[r][c]
}

func (g *sheetGrid) addr(r, c int) string {
	a, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return g.name + "!" + a
}

func loadGrid(xf *excelize.File, sheet string) (*sheetGrid, error) {
	rows, err := xf.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	if len(rows) > maxSheetRows {
		return nil, fmt.Errorf("工作表“%s”有 %d 行，超过 %d 行的上限", sheet, len(rows), maxSheetRows)
	}
	g := &sheetGrid{xf: xf, name: sheet, cells: rows, covered: map[[2]int]bool{}}
	for i := range g.cells {
		if len(g.cells[i]) > maxSheetCols {
			g.cells[i] = g.cells[i][:maxSheetCols]
		}
	}
	merges, err := mergedRanges(xf, sheet)
	if err != nil {
		return nil, err
	}
	// Only the cells that hold data matter; a merged range is clamped to
	// them, and the cells filled in altogether are bounded.
	nrow, ncol := len(g.cells), 0
	for _, r := range g.cells {
		ncol = max(ncol, len(r))
	}
	budget := 4_000_000
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m[0])
		c2, r2, err2 := excelize.CellNameToCoordinates(m[1])
		if err1 != nil || err2 != nil || r1 > nrow || c1 > ncol {
			continue
		}
		r2, c2 = min(r2, nrow), min(c2, ncol)
		if r2 < r1 || c2 < c1 {
			continue
		}
		if budget -= (r2 - r1 + 1) * (c2 - c1 + 1); budget < 0 {
			return nil, fmt.Errorf("工作表“%s”的合并单元格过多", sheet)
		}
		v := g.at(r1-1, c1-1)
		for r := r1 - 1; r < r2; r++ {
			for c := c1 - 1; c < c2; c++ {
				for len(g.cells[r]) <= c {
					g.cells[r] = append(g.cells[r], "")
				}
				g.cells[r][c] = v
				if r != r1-1 || c != c1-1 {
					g.covered[[2]int{r, c}] = true
				}
			}
		}
	}
	return g, nil
}

// norm is a header text without blanks and with full-width forms folded,
// for matching: " 其中：财政资金 " → "其中:财政资金".
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0':
			continue
		case r >= '！' && r <= '～':
			r = r - '！' + '!'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// block kinds found in a sheet
type blockKind int

const (
	blockGoals blockKind = iota
	blockTasks
	blockIndicators
)

type block struct {
	kind   blockKind
	row    int // header row (or label row for goals)
	col    int // label column for goals
	cols   map[string]int
	header int // number of header rows
}

var (
	yearRe       = regexp.MustCompile(`([0-9０-９]{4})\s*年度`)
	goalPrefixRe = regexp.MustCompile(`^\s*(?:年度)?(?:总体)?目标\s*[0-9０-９]+\s*[:：.．、,，]?\s*`)
	goalStartRe  = regexp.MustCompile(`^\s*目标\s*[0-9０-９]+\s*[:：.．、]`)
	plainNumRe   = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)
)

// readVisible reads the form from the sheet in the official layout: the
// sheet named 绩效目标申报表 if it has one, else the first sheet whose
// header texts are recognised.
func readVisible(xf *excelize.File, name string) (*model.Form, *ImportReport, error) {
	rep := &ImportReport{}
	var sheets []string
	for _, s := range xf.GetSheetList() {
		if s != DataSheetName {
			sheets = append(sheets, s)
		}
	}
	for i, s := range sheets {
		if s == SheetName && i > 0 {
			sheets[0], sheets[i] = sheets[i], sheets[0]
		}
	}
	for i, s := range sheets {
		g, err := loadGrid(xf, s)
		if err != nil {
			return nil, nil, fmt.Errorf("“%s”的工作表“%s”无法读取：%v", name, s, err)
		}
		blocks := findBlocks(g)
		if len(blocks) == 0 {
			continue
		}
		f := parseSheet(g, blocks, rep)
		for j, o := range sheets {
			if j != i {
				rep.note("已忽略工作表“%s”（只读取“%s”）", o, s)
			}
		}
		return f, rep, nil
	}
	return nil, nil, fmt.Errorf("“%s”中找不到申报表：没有一个工作表含有“任务名称/主要内容”或“一级指标/三级指标”等表头；请使用官方样式的表格", name)
}

func findBlocks(g *sheetGrid) []block {
	var out []block
	haveGoals, haveTasks, haveInd := false, false, false
	for r := range g.cells {
		texts := map[string]int{}
		for c, v := range g.cells[r] {
			if g.covered[[2]int{r, c}] && c > 0 && g.at(r, c-1) == v {
				continue // the same merged text, further right
			}
			n := norm(v)
			if _, ok := texts[n]; !ok && n != "" {
				texts[n] = c
			}
		}
		find := func(names ...string) (int, bool) {
			for _, n := range names {
				if c, ok := texts[n]; ok {
					return c, true
				}
			}
			return -1, false
		}
		if c, ok := find("年度总体目标", "总体目标", "年度目标"); ok && !haveGoals {
			haveGoals = true
			out = append(out, block{kind: blockGoals, row: r, col: c})
		}
		if !haveGoals && !haveTasks && !haveInd {
			// goals typed without the label: 目标1：… in the first column
			for c, v := range g.cells[r] {
				if goalStartRe.MatchString(v) {
					haveGoals = true
					out = append(out, block{kind: blockGoals, row: r, col: c - 1})
					break
				}
			}
		}
		_, hasName := find("任务名称", "单位名称")
		_, hasContent := find("主要内容", "主要任务", "任务内容")
		if hasName && hasContent && !haveTasks {
			haveTasks = true
			out = append(out, taskBlock(g, r))
		}
		_, h1 := find("一级指标")
		_, h3 := find("三级指标")
		if h1 && h3 && !haveInd {
			haveInd = true
			out = append(out, indicatorBlock(g, r))
		}
	}
	return out
}

// columnsOf maps header keys to columns, from one or two header rows.
func columnsOf(g *sheetGrid, rows []int, match func(text string) string) map[string]int {
	cols := map[string]int{}
	width := 0
	for _, r := range rows {
		width = max(width, len(g.cells[r]))
	}
	for c := 0; c < width; c++ {
		for _, r := range rows {
			k := match(norm(g.at(r, c)))
			if k == "" {
				continue
			}
			if _, ok := cols[k]; !ok {
				cols[k] = c
			}
		}
	}
	return cols
}

func taskBlock(g *sheetGrid, r int) block {
	b := block{kind: blockTasks, row: r, header: 1}
	next := r + 1
	sub := false
	for _, v := range g.cellsOf(next) {
		n := norm(v)
		if n == "合计" || strings.Contains(n, "财政资金") || strings.Contains(n, "其他资金") || strings.Contains(n, "财政拨款") {
			sub = true
		}
	}
	rows := []int{r}
	if sub {
		rows = append(rows, next)
		b.header = 2
	}
	b.cols = columnsOf(g, rows, func(n string) string {
		switch {
		case n == "任务名称" || n == "单位名称":
			return "name"
		case n == "主要内容" || n == "主要任务" || n == "任务内容":
			return "content"
		case strings.Contains(n, "财政资金") || strings.Contains(n, "财政拨款"):
			return "fiscal"
		case strings.Contains(n, "其他资金"):
			return "other"
		case n == "合计" || strings.HasPrefix(n, "合计(") || strings.HasPrefix(n, "预算资金合计"):
			return "total"
		case strings.HasPrefix(n, "备注"):
			return "note"
		}
		return ""
	})
	if _, ok := b.cols["total"]; !ok {
		// one header row: 预算资金 is the total itself
		for c := range g.cellsOf(r) {
			if strings.HasPrefix(norm(g.at(r, c)), "预算资金") {
				b.cols["total"] = c
				break
			}
		}
	}
	return b
}

func (g *sheetGrid) cellsOf(r int) []string {
	if r < 0 || r >= len(g.cells) {
		return nil
	}
	return g.cells[r]
}

func indicatorBlock(g *sheetGrid, r int) block {
	b := block{kind: blockIndicators, row: r, header: 1}
	b.cols = columnsOf(g, []int{r}, func(n string) string {
		switch {
		case n == "一级指标":
			return "l1"
		case n == "二级指标":
			return "l2"
		case n == "三级指标":
			return "l3"
		case n == "明细指标" || n == "四级指标":
			return "sub"
		case n == "指标值" || n == "目标值" || n == "年度指标值":
			return "value"
		case n == "指标解释":
			return "explain"
		case n == "指标说明":
			return "note"
		case n == "分值" || n == "权重":
			return "weight"
		case n == "计量单位" || n == "单位":
			return "unit"
		case n == "指标值类型" || n == "指标类型":
			return "vtype"
		case strings.Contains(n, "评分标准") || strings.Contains(n, "评(扣)分标准") || strings.Contains(n, "扣分标准"):
			return "scoring"
		}
		return ""
	})
	return b
}

func rowEmpty(g *sheetGrid, r int) bool {
	for _, v := range g.cellsOf(r) {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// rowPlaceholder reports whether every non-empty cell of r (from column
// from on) is a placeholder like ".....".
func rowPlaceholder(g *sheetGrid, r int, cols []int) bool {
	any := false
	for _, c := range cols {
		v := strings.TrimSpace(g.at(r, c))
		if v == "" {
			continue
		}
		if !isPlaceholder(v) {
			return false
		}
		any = true
	}
	return any
}

func parseSheet(g *sheetGrid, blocks []block, rep *ImportReport) *model.Form {
	f := model.New("", "", timeZero)
	// Title area: 年度 and 部门名称 anywhere above the first block.
	first := len(g.cells)
	for _, b := range blocks {
		first = min(first, b.row)
	}
	for r := 0; r < first; r++ {
		for c, v := range g.cells[r] {
			if f.Year == "" {
				if m := yearRe.FindStringSubmatch(v); m != nil {
					f.Year = foldDigits(m[1])
				}
			}
			if n := norm(v); (n == "部门名称" || n == "部门名称:" || n == "部门") && f.Dept == "" {
				for c2 := c + 1; c2 < len(g.cells[r]); c2++ {
					if w := strings.TrimSpace(g.at(r, c2)); w != "" && norm(w) != n {
						f.Dept = w
						break
					}
				}
			} else if strings.HasPrefix(n, "部门名称:") && f.Dept == "" && len(n) > len("部门名称:") {
				f.Dept = strings.TrimSpace(strings.SplitN(strings.ReplaceAll(v, "：", ":"), ":", 2)[1])
			}
		}
	}
	if f.Year == "" {
		rep.problem("", "没有找到年度（如“（2020年度）”），请在程序中填写年度")
	}
	if f.Dept == "" {
		rep.problem("", "没有找到部门名称，请在程序中填写")
	}
	// Each block runs to the next block's header.
	end := func(b block) int {
		e := len(g.cells)
		for _, o := range blocks {
			if o.row > b.row && o.row < e {
				e = o.row
			}
		}
		return e
	}
	for _, b := range blocks {
		switch b.kind {
		case blockGoals:
			parseGoals(g, b, end(b), f, rep)
		case blockTasks:
			parseTasks(g, b, end(b), f, rep)
		case blockIndicators:
			parseIndicators(g, b, end(b), f, rep)
		}
	}
	return f
}

func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

func parseGoals(g *sheetGrid, b block, end int, f *model.Form, rep *ImportReport) {
	skipped := 0
	for r := b.row; r < end; r++ {
		text := ""
		for c := b.col + 1; c < len(g.cellsOf(r)); c++ {
			v := g.at(r, c)
			if strings.TrimSpace(v) != "" && norm(v) != norm(g.at(b.row, b.col)) {
				text = v
				break
			}
		}
		t := strings.TrimSpace(goalPrefixRe.ReplaceAllString(text, ""))
		if t == "" || isPlaceholder(t) {
			if !rowEmpty(g, r) || r == b.row {
				skipped++
			}
			continue
		}
		f.Goals = append(f.Goals, model.Goal{Text: t})
	}
	if skipped > 0 {
		rep.note("年度总体目标：跳过 %d 个空白或“.....”行", skipped)
	}
}

func parseTasks(g *sheetGrid, b block, end int, f *model.Form, rep *ImportReport) {
	nameC, okN := b.cols["name"]
	contC, okC := b.cols["content"]
	if !okN || !okC {
		rep.problem(g.addr(b.row, 0), "任务表的表头不完整（需要“任务名称”和“主要内容”），任务未导入")
		return
	}
	col := func(k string) int {
		if c, ok := b.cols[k]; ok {
			return c
		}
		return -1
	}
	totC, fisC, othC, noteC := col("total"), col("fiscal"), col("other"), col("note")
	if othC >= 0 {
		f.Options.OtherFunds = true
	}
	own := []int{contC, totC, fisC, othC, noteC} // the unit name may be merged from above
	skipped := 0
	var fileTotal *model.Amount
	totalCell := ""
	for r := b.row + b.header; r < end; r++ {
		if rowEmpty(g, r) {
			continue
		}
		name := strings.TrimSpace(g.at(r, nameC))
		if isTotalLabel(name) || isTotalLabel(g.at(r, contC)) {
			if totC >= 0 {
				a := readAmount(g, r, totC)
				fileTotal, totalCell = &a, g.addr(r, totC)
			}
			continue
		}
		if rowPlaceholder(g, r, own) || isPlaceholder(name) && allEmpty(g, r, own...) {
			skipped++
			continue
		}
		content := g.at(r, contC)
		if strings.TrimSpace(content) == "" && allEmpty(g, r, totC, fisC, othC, noteC) {
			// only a unit name: a unit without rows yet
			if name != "" && (len(f.Units) == 0 || f.Units[len(f.Units)-1].Name != name) {
				f.Units = append(f.Units, model.Unit{Name: name})
			} else {
				skipped++
			}
			continue
		}
		newUnit := len(f.Units) == 0
		if name != "" && !newUnit && f.Units[len(f.Units)-1].Name != name {
			newUnit = true
		}
		if newUnit {
			f.Units = append(f.Units, model.Unit{Name: name})
		}
		t := model.Task{Content: content}
		if totC >= 0 {
			t.Total = amountCell(g, r, totC, rep)
		}
		if fisC >= 0 {
			t.Fiscal = amountCell(g, r, fisC, rep)
		}
		if othC >= 0 {
			t.Other = amountCell(g, r, othC, rep)
		}
		if noteC >= 0 {
			t.Note = g.at(r, noteC)
		}
		u := &f.Units[len(f.Units)-1]
		u.Tasks = append(u.Tasks, t)
	}
	if skipped > 0 {
		rep.note("年度主要任务：跳过 %d 个空白或“.....”行", skipped)
	}
	if fileTotal != nil && fileTotal.Valid() {
		sum := model.ComputeTotals(f)
		readable := true
		for _, u := range f.Units {
			for _, t := range u.Tasks {
				readable = readable && t.Total.State() != model.AmountInvalid
			}
		}
		if readable && sum.Total != fileTotal.Money() {
			rep.problem(totalCell, "文件中的合计 %s 与各行相加的 %s 不一致；程序按各行重新计算合计", fileTotal.String(), model.FormatMoney(sum.Total, false))
		}
	}
}

func isTotalLabel(s string) bool {
	switch norm(s) {
	case "合计", "总计", "合计:", "总计:", "合计(万元)":
		return true
	}
	return false
}

func allEmpty(g *sheetGrid, r int, cols ...int) bool {
	for _, c := range cols {
		if c >= 0 && strings.TrimSpace(g.at(r, c)) != "" {
			return false
		}
	}
	return true
}

// readAmount reads an amount cell: a number as stored (Excel's binary
// noise like 81.600000000000009 is rounded to 15 significant digits, as
// Excel shows it) or a text like 1,273.30.
func readAmount(g *sheetGrid, r, c int) model.Amount {
	v := strings.TrimSpace(g.at(r, c))
	if plainNumRe.MatchString(v) {
		if d, err := decimal.NewFromString(v); err == nil {
			if fl, err := strconv.ParseFloat(v, 64); err == nil {
				if s := strconv.FormatFloat(fl, 'g', 15, 64); s != "" {
					if d2, err := decimal.NewFromString(s); err == nil {
						d = d2
					}
				}
			}
			return model.ParseAmount(d.String())
		}
	}
	return model.ParseAmount(g.at(r, c))
}

func amountCell(g *sheetGrid, r, c int, rep *ImportReport) model.Amount {
	a := readAmount(g, r, c)
	if a.IsEmpty() && g.xf != nil && !g.covered[[2]int{r, c}] {
		// A formula whose result was never calculated (files written by
		// programs, not by Excel) reads as empty: say so.
		ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
		if fm, err := g.xf.GetCellFormula(g.name, ref); err == nil && fm != "" {
			rep.problem(g.addr(r, c), "金额是公式“=%s”，但文件中没有它的计算结果；请在 Excel 或 WPS 中打开、保存后再导入，或直接填写数字", fm)
		}
	}
	if a.State() == model.AmountInvalid {
		raw := strings.TrimSpace(a.Raw())
		why := strings.TrimLeft(strings.TrimPrefix(a.Reason(), "金额“"+raw+"”"), "，,：: ")
		rep.problem(g.addr(r, c), "金额“%s”无法识别：%s", raw, why)
	}
	return a
}

func parseIndicators(g *sheetGrid, b block, end int, f *model.Form, rep *ImportReport) {
	col := func(k string) int {
		if c, ok := b.cols[k]; ok {
			return c
		}
		return -1
	}
	l1, l2, l3, sub := col("l1"), col("l2"), col("l3"), col("sub")
	value, explain, note := col("value"), col("explain"), col("note")
	weight, unit, vtype, scoring := col("weight"), col("unit"), col("vtype"), col("scoring")
	f.Options.Weight = f.Options.Weight || weight >= 0
	f.Options.Unit = f.Options.Unit || unit >= 0
	f.Options.ValueType = f.Options.ValueType || vtype >= 0
	f.Options.Scoring = f.Options.Scoring || scoring >= 0
	get := func(r, c int) string {
		if c < 0 {
			return ""
		}
		return g.at(r, c)
	}
	all := []int{l1, l2, l3, sub, value, explain, note, weight, unit, vtype, scoring}
	own := all[2:] // 一级/二级 may be merged from above
	skipped := 0
	for r := b.row + b.header; r < end; r++ {
		if rowEmpty(g, r) {
			continue
		}
		in := model.Indicator{
			Level1: strings.TrimSpace(get(r, l1)), Level2: strings.TrimSpace(get(r, l2)), Level3: strings.TrimSpace(get(r, l3)),
			Sub: strings.TrimSpace(get(r, sub)), Value: strings.TrimSpace(get(r, value)),
			Explain: get(r, explain), Note: get(r, note),
			Weight: strings.TrimSpace(get(r, weight)), Unit: strings.TrimSpace(get(r, unit)),
			ValueType: strings.TrimSpace(get(r, vtype)), Scoring: get(r, scoring),
		}
		if n := norm(in.Level1); n == "一级指标" {
			continue // a repeated header row
		}
		if allEmpty(g, r, own...) || rowPlaceholder(g, r, own) || isPlaceholder(in.Level1) && allEmpty(g, r, own...) {
			skipped++
			continue
		}
		// A clerk who does not merge leaves the repeated level empty.
		if len(f.Indicators) > 0 {
			prev := f.Indicators[len(f.Indicators)-1]
			if in.Level1 == "" && l1 >= 0 && !isPlaceholder(prev.Level1) {
				in.Level1 = prev.Level1
			}
			if in.Level2 == "" && l2 >= 0 && in.Level1 == prev.Level1 && !isPlaceholder(prev.Level2) {
				in.Level2 = prev.Level2
			}
		}
		if sub < 0 {
			if i := strings.Index(in.Level3, subSep); i > 0 && i+len(subSep) < len(in.Level3) {
				in.Level3, in.Sub = strings.TrimSpace(in.Level3[:i]), strings.TrimSpace(in.Level3[i+len(subSep):])
			}
		}
		if key, ok := formulaKey(in.Name()); ok {
			in.Formula = key
		}
		f.Indicators = append(f.Indicators, in)
	}
	if skipped > 0 {
		rep.note("绩效指标：跳过 %d 个空白或“.....”行", skipped)
	}
}

// formulaKey finds the rate formula named like the indicator, so that an
// imported 预算执行率 can be computed as in a typed form.
func formulaKey(name string) (string, bool) {
	if name == "" {
		return "", false
	}
	if _, ok := model.FormulaFor(name); ok {
		return name, true
	}
	return "", false
}
