package export

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"

	"jixiao/model"
)

// Excel 97-2003 (.xls) and WPS (.et) workbooks: BIFF8 records in the
// "Workbook" stream of an OLE2 compound file. No maintained Go reader
// exists (github.com/extrame/xls: last release 2017, an out-of-range
// shared-string index panics, issue #60 open since 2019;
// github.com/shakinm/xlsReader: last release 2022, the same panic, issue
// #29 open), so this is a small reader of what the form needs: cell values
// (LABELSST with the SST and its CONTINUE records, LABEL, NUMBER, RK,
// MULRK, the cached results of FORMULA with STRING) and merged ranges
// (MERGEDCELLS). Everything else (formats, fonts, drawings) is skipped.
// The cells go through the same recognition as an .xlsx (readSheets).
//
// Limits for hostile files, as for .xlsx: the file is at most
// MaxImportSize; the Workbook stream is read up to that size; at most
// maxSheetRows rows and maxSheetCols columns; the cells held in memory are
// bounded (maxXLSCells), the shared strings by the stream's own size (a
// declared count is never trusted for allocation); merged ranges as for
// .xlsx (fillMerges). Any malformed record ends the reading with a plain
// message; a panic would be a bug and is turned into one (importXLS).

// BIFF8 record types.
const (
	recBOF         = 0x0809
	recEOF         = 0x000A
	recBoundSheet  = 0x0085
	recSST         = 0x00FC
	recContinue    = 0x003C
	recLabelSST    = 0x00FD
	recLabel       = 0x0204
	recNumber      = 0x0203
	recRK          = 0x027E
	recMulRK       = 0x00BD
	recFormula     = 0x0006
	recString      = 0x0207
	recMergedCells = 0x00E5
	recFilePass    = 0x002F
	recBoolErr     = 0x0205
	recFormat      = 0x041E
	recXF          = 0x00E0
)

// maxXLSCells bounds the grid cells allocated for one sheet (a real form
// has a few thousand).
const maxXLSCells = 2_000_000

type xlsError struct{ why string }

func (e *xlsError) Error() string { return e.why }

func xlsBad(format string, args ...any) error { return &xlsError{fmt.Sprintf(format, args...)} }

// importXLS reads a form from an .xls/.et file.
func importXLS(name string, data []byte, tpls []*model.Template) (f *model.Form, rep *ImportReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, rep, err = nil, nil, internalError(name, r, "；请在 Excel 或 WPS 中打开后另存为 .xlsx 再试")
		}
	}()
	stream, err := workbookStream(name, data)
	if err != nil {
		return nil, nil, err
	}
	wb, err := parseBIFF(stream)
	if err != nil {
		var xe *xlsError
		if errors.As(err, &xe) {
			return nil, nil, model.Wrap(err, model.EDAMAGED, "“%s”已损坏或不是正常的 Excel 97-2003 文件（%s），未导入；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入", name, xe.why)
		}
		return nil, nil, err
	}
	if wb.encrypted {
		return nil, nil, model.Errorf(model.EUNSUPPORTED, "“%s”设置了打开密码，无法读取；请在 Excel 或 WPS 中去掉密码后再导入", name)
	}
	var names []string
	var hidden *model.Form
	var recorded *model.Template
	var herr error
	for _, s := range wb.sheets {
		if s.name == DataSheetName {
			// our xlsx saved as .xls by Excel, WPS or LibreOffice keeps
			// the hidden data sheet
			hidden, recorded, herr = wb.dataSheet(name, s)
			continue
		}
		names = append(names, s.name)
	}
	visible, vrep, verr := readSheets(name, names, func(sheet string) (*sheetGrid, error) {
		for _, s := range wb.sheets {
			if s.name == sheet {
				g, err := wb.grid(s)
				if err != nil {
					return nil, err
				}
				return newGrid(sheet, g.cells, g.merges)
			}
		}
		return nil, model.Errorf(model.ENOTFOUND, "没有这个工作表")
	}, readingTemplates(hidden, recorded, tpls))
	if visible == nil && verr == nil {
		verr = notAForm(name)
	}
	f, rep, err = chooseForm(hidden, herr, visible, vrep, verr)
	if err != nil {
		return nil, nil, err
	}
	rep.FileTemplate = recorded
	rep.note("从 Excel 97-2003 / WPS 表格文件（%s）读取", strings.ToLower(extOf(name)))
	return f, rep, nil
}

// workbookStream returns the BIFF stream of the compound file data.
func workbookStream(name string, data []byte) ([]byte, error) {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, model.Wrap(err, model.EDAMAGED, "“%s”已损坏或不是正常的 Excel 97-2003 文件（复合文档结构无法读取），未导入；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入", name)
	}
	var book, old bool
	for {
		e, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, model.Wrap(err, model.EDAMAGED, "“%s”已损坏或不是正常的 Excel 97-2003 文件（目录无法读取），未导入；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入", name)
		}
		if len(e.Path) > 0 {
			continue // a stream inside a storage: not the workbook
		}
		switch e.Name {
		case "Workbook":
			book = true
			b, err := io.ReadAll(io.LimitReader(e, MaxImportSize))
			if err != nil || len(b) == 0 {
				return nil, model.Wrap(err, model.EDAMAGED, "“%s”已损坏（工作簿数据无法读取），未导入；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入", name)
			}
			return b, nil
		case "Book":
			old = true
		case "WordDocument":
			// Word 97-2003 (.doc) or WPS 文字 (.wps): not read
			return nil, model.Errorf(model.EUNSUPPORTED, "“%s”是 Word 97-2003 文档（.doc）或 WPS 文字文档，本程序不能直接读取；请在 Word 或 WPS 中打开，“另存为” .docx 后再导入", name)
		case "EncryptedPackage", "EncryptionInfo":
			return nil, model.Errorf(model.EUNSUPPORTED, "“%s”是设置了打开密码的 Excel 文件，无法读取；请在 Excel 或 WPS 中去掉密码后再导入", name)
		}
	}
	switch {
	case old:
		return nil, model.Errorf(model.EUNSUPPORTED, "“%s”是 Excel 5.0/95 或更早的格式，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再导入", name)
	case !book:
		return nil, model.Errorf(model.EINVALID, "“%s”不是 Excel 或 WPS 表格文件（里面没有工作簿），未导入；请选择 .xlsx、.xls 或 .et 表格", name)
	}
	return nil, model.Errorf(model.EINVALID, "“%s”中没有工作簿数据，未导入", name)
}

// biffRecord is one record of the stream.
type biffRecord struct {
	typ  uint16
	data []byte
	pos  int // offset of the record in the stream
}

type biffReader struct {
	b   []byte
	pos int
}

func (r *biffReader) next() (biffRecord, bool, error) {
	if r.pos >= len(r.b) {
		return biffRecord{}, false, nil
	}
	if r.pos+4 > len(r.b) {
		return biffRecord{}, false, xlsBad("记录头不完整")
	}
	typ := binary.LittleEndian.Uint16(r.b[r.pos:])
	n := int(binary.LittleEndian.Uint16(r.b[r.pos+2:]))
	start := r.pos + 4
	if start+n > len(r.b) {
		return biffRecord{}, false, xlsBad("记录被截断")
	}
	rec := biffRecord{typ: typ, data: r.b[start : start+n], pos: r.pos}
	r.pos = start + n
	return rec, true, nil
}

// peek returns the type of the next record (0 at the end).
func (r *biffReader) peek() uint16 {
	if r.pos+4 > len(r.b) {
		return 0
	}
	return binary.LittleEndian.Uint16(r.b[r.pos:])
}

type xlsSheet struct {
	name string
	pos  int // offset of the sheet's BOF in the stream
}

type xlsWorkbook struct {
	stream    []byte
	sst       []string
	sheets    []xlsSheet
	encrypted bool
	// formats are the custom number formats by index (FORMAT records);
	// xfs the number format index of each cell format (XF records), so a
	// number cell is read as typed (xlsNumber): 0.95 in a percent cell is
	// 95%, a date is the date.
	formats map[int]string
	xfs     []int
}

// parseBIFF reads the workbook globals: the sheets and shared strings.
func parseBIFF(stream []byte) (*xlsWorkbook, error) {
	wb := &xlsWorkbook{stream: stream}
	r := &biffReader{b: stream}
	rec, ok, err := r.next()
	if err != nil || !ok || rec.typ != recBOF || len(rec.data) < 4 {
		return nil, xlsBad("开头不是工作簿记录")
	}
	if v := binary.LittleEndian.Uint16(rec.data); v != 0x0600 {
		return nil, xlsBad("不是 Excel 97-2003（BIFF8）格式")
	}
	for {
		rec, ok, err := r.next()
		if err != nil {
			return nil, err
		}
		if !ok || rec.typ == recEOF {
			break
		}
		switch rec.typ {
		case recFilePass:
			wb.encrypted = true
			return wb, nil
		case recBoundSheet:
			if len(rec.data) < 8 {
				return nil, xlsBad("工作表记录不完整")
			}
			pos := int(binary.LittleEndian.Uint32(rec.data))
			kind := rec.data[5] // 0 worksheet, 2 chart, 6 VB module
			nm, _, err := readShortString(rec.data[6:])
			if err != nil {
				return nil, err
			}
			if kind == 0 {
				wb.sheets = append(wb.sheets, xlsSheet{name: nm, pos: pos})
			}
		case recFormat:
			if len(rec.data) >= 5 {
				if code, err := readXLString(rec.data[2:]); err == nil {
					if wb.formats == nil {
						wb.formats = map[int]string{}
					}
					wb.formats[int(binary.LittleEndian.Uint16(rec.data))] = code
				}
			}
		case recXF:
			if len(rec.data) >= 4 {
				wb.xfs = append(wb.xfs, int(binary.LittleEndian.Uint16(rec.data[2:])))
			}
		case recSST:
			segs := [][]byte{rec.data}
			for r.peek() == recContinue {
				c, _, err := r.next()
				if err != nil {
					return nil, err
				}
				segs = append(segs, c.data)
			}
			if wb.sst, err = parseSST(segs); err != nil {
				return nil, err
			}
		}
	}
	if len(wb.sheets) == 0 {
		return nil, xlsBad("没有工作表")
	}
	return wb, nil
}

// readShortString reads a ShortXLUnicodeString (8-bit length).
func readShortString(b []byte) (string, int, error) {
	if len(b) < 2 {
		return "", 0, xlsBad("名称不完整")
	}
	n, wide := int(b[0]), b[1]&1 == 1
	return decodeChars(b[2:], n, wide, 2)
}

// readXLString reads an XLUnicodeString (16-bit length) as in LABEL and
// STRING records.
func readXLString(b []byte) (string, error) {
	if len(b) < 3 {
		return "", xlsBad("文字不完整")
	}
	n, wide := int(binary.LittleEndian.Uint16(b)), b[2]&1 == 1
	s, _, err := decodeChars(b[3:], n, wide, 3)
	return s, err
}

// decodeChars decodes n characters (1 or 2 bytes each) from b; head is the
// bytes before b that belong to the string (for the length returned).
func decodeChars(b []byte, n int, wide bool, head int) (string, int, error) {
	size := n
	if wide {
		size *= 2
	}
	if size > len(b) {
		return "", 0, xlsBad("文字被截断")
	}
	return charsString(b[:size], wide), head + size, nil
}

func charsString(b []byte, wide bool) string {
	if !wide {
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c) // the compressed form holds the low byte of UTF-16 (Latin-1)
		}
		return string(rs)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// segReader reads across an SST record and its CONTINUE records.
type segReader struct {
	segs [][]byte
	i    int // current segment
	off  int // offset in it
}

func (s *segReader) left() int {
	if s.i >= len(s.segs) {
		return 0
	}
	return len(s.segs[s.i]) - s.off
}

// advance moves to the next non-empty segment when the current one is
// used up; false at the end.
func (s *segReader) advance() bool {
	for s.i < len(s.segs) && s.off >= len(s.segs[s.i]) {
		s.i++
		s.off = 0
	}
	return s.i < len(s.segs)
}

// bytes reads n bytes that may span segments (no flag byte between them).
func (s *segReader) bytes(n int) ([]byte, error) {
	out := make([]byte, 0, min(n, 1<<16))
	for n > 0 {
		if !s.advance() {
			return nil, xlsBad("共享字符串表被截断")
		}
		k := min(n, s.left())
		out = append(out, s.segs[s.i][s.off:s.off+k]...)
		s.off += k
		n -= k
	}
	return out, nil
}

func (s *segReader) skip(n int) error {
	for n > 0 {
		if !s.advance() {
			return xlsBad("共享字符串表被截断")
		}
		k := min(n, s.left())
		s.off += k
		n -= k
	}
	return nil
}

// chars reads n characters; where they cross into a CONTINUE record, that
// record starts with a new option byte saying whether the rest is 1 or 2
// bytes a character.
func (s *segReader) chars(n int, wide bool) (string, error) {
	var b strings.Builder
	for n > 0 {
		if s.left() == 0 {
			if !s.advance() {
				return "", xlsBad("共享字符串表被截断")
			}
			wide = s.segs[s.i][s.off]&1 == 1
			s.off++
			continue
		}
		w := 1
		if wide {
			w = 2
		}
		k := min(n, s.left()/w)
		if k == 0 {
			return "", xlsBad("共享字符串表中的字符被截断")
		}
		b.WriteString(charsString(s.segs[s.i][s.off:s.off+k*w], wide))
		s.off += k * w
		n -= k
	}
	return b.String(), nil
}

// parseSST reads the shared strings (XLUnicodeRichExtendedString each).
// The declared count only ends the loop early; the strings are appended
// as read, so memory follows the stream's real size.
func parseSST(segs [][]byte) ([]string, error) {
	s := &segReader{segs: segs}
	hdr, err := s.bytes(8)
	if err != nil {
		return nil, err
	}
	unique := int(binary.LittleEndian.Uint32(hdr[4:]))
	var out []string
	for len(out) < unique {
		if !s.advance() {
			break // fewer strings than declared: keep what is there
		}
		h, err := s.bytes(3)
		if err != nil {
			return nil, err
		}
		n, flags := int(binary.LittleEndian.Uint16(h)), h[2]
		runs, ext := 0, 0
		if flags&0x08 != 0 {
			b, err := s.bytes(2)
			if err != nil {
				return nil, err
			}
			runs = int(binary.LittleEndian.Uint16(b))
		}
		if flags&0x04 != 0 {
			b, err := s.bytes(4)
			if err != nil {
				return nil, err
			}
			ext = int(binary.LittleEndian.Uint32(b))
		}
		str, err := s.chars(n, flags&1 == 1)
		if err != nil {
			return nil, err
		}
		if err := s.skip(4*runs + ext); err != nil {
			return nil, err
		}
		out = append(out, str)
	}
	return out, nil
}

// xlsGrid is one sheet's cell texts and merged ranges (0-based).
type xlsGrid struct {
	cells  [][]string
	merges [][4]int
	used   int
}

func (g *xlsGrid) set(row, col int, v string) error {
	if row >= maxSheetRows || col >= maxSheetCols {
		return nil // outside what a form uses; ignored as for .xlsx
	}
	for len(g.cells) <= row {
		g.cells = append(g.cells, nil)
		g.used++
	}
	r := g.cells[row]
	if len(r) <= col {
		g.used += col + 1 - len(r)
		if g.used > maxXLSCells {
			return xlsBad("单元格超过 %d 个，不像是申报表", maxXLSCells)
		}
		r = append(r, make([]string, col+1-len(r))...)
		g.cells[row] = r
	}
	r[col] = v
	return nil
}

// grid reads one worksheet's substream.
func (wb *xlsWorkbook) grid(s xlsSheet) (*xlsGrid, error) {
	if s.pos < 0 || s.pos >= len(wb.stream) {
		return nil, xlsBad("工作表的位置不对")
	}
	r := &biffReader{b: wb.stream, pos: s.pos}
	rec, ok, err := r.next()
	if err != nil || !ok || rec.typ != recBOF {
		return nil, xlsBad("工作表的开头不对")
	}
	g := &xlsGrid{}
	u16 := binary.LittleEndian.Uint16
	pendingRow, pendingCol := -1, -1 // a FORMULA whose string result follows
	for {
		rec, ok, err := r.next()
		if err != nil {
			return nil, err
		}
		if !ok || rec.typ == recEOF {
			break
		}
		d := rec.data
		cell := func(n int) (int, int, bool) {
			if len(d) < n {
				return 0, 0, false
			}
			return int(u16(d)), int(u16(d[2:])), true
		}
		switch rec.typ {
		case recBOF:
			// an embedded substream (chart): skip to its EOF
			if err := skipSubstream(r); err != nil {
				return nil, err
			}
		case recLabelSST:
			row, col, ok := cell(10)
			if !ok {
				return nil, xlsBad("单元格记录不完整")
			}
			i := int(binary.LittleEndian.Uint32(d[6:]))
			if i < 0 || i >= len(wb.sst) {
				return nil, xlsBad("单元格引用了不存在的共享字符串")
			}
			err = g.set(row, col, wb.sst[i])
		case recLabel:
			row, col, ok := cell(9)
			if !ok {
				return nil, xlsBad("单元格记录不完整")
			}
			var v string
			if v, err = readXLString(d[6:]); err == nil {
				err = g.set(row, col, v)
			}
		case recNumber:
			row, col, ok := cell(14)
			if !ok {
				return nil, xlsBad("单元格记录不完整")
			}
			err = g.set(row, col, wb.number(math.Float64frombits(binary.LittleEndian.Uint64(d[6:])), int(u16(d[4:]))))
		case recRK:
			row, col, ok := cell(10)
			if !ok {
				return nil, xlsBad("单元格记录不完整")
			}
			err = g.set(row, col, wb.number(rkValue(binary.LittleEndian.Uint32(d[6:])), int(u16(d[4:]))))
		case recMulRK:
			row, first, ok := cell(6)
			if !ok || (len(d)-6)%6 != 0 {
				return nil, xlsBad("单元格记录不完整")
			}
			for k := 0; 4+6*k+6 <= len(d)-2 && err == nil; k++ {
				err = g.set(row, first+k, wb.number(rkValue(binary.LittleEndian.Uint32(d[4+6*k+2:])), int(u16(d[4+6*k:]))))
			}
		case recFormula:
			row, col, ok := cell(20)
			if !ok {
				return nil, xlsBad("公式记录不完整")
			}
			res := d[6:14]
			if u16(res[6:]) != 0xFFFF {
				err = g.set(row, col, wb.number(math.Float64frombits(binary.LittleEndian.Uint64(res)), int(u16(d[4:]))))
				break
			}
			switch res[0] {
			case 0: // a string: in the STRING record that follows
				pendingRow, pendingCol = row, col
			case 1:
				err = g.set(row, col, map[bool]string{true: "TRUE", false: "FALSE"}[res[2] != 0])
			}
			// 2 (error) and 3 (empty string): read as empty
		case recString:
			if pendingRow >= 0 {
				data := d
				for r.peek() == recContinue {
					c, _, err := r.next()
					if err != nil {
						return nil, err
					}
					if len(c.data) > 0 {
						data = append(append([]byte(nil), data...), c.data[1:]...) // rare; width flag dropped
					}
				}
				var v string
				if v, err = readXLString(data); err == nil {
					err = g.set(pendingRow, pendingCol, v)
				}
				pendingRow = -1
			}
		case recMergedCells:
			if len(d) < 2 {
				return nil, xlsBad("合并单元格记录不完整")
			}
			n := int(u16(d))
			if 2+8*n > len(d) {
				return nil, xlsBad("合并单元格记录不完整")
			}
			for k := 0; k < n; k++ {
				m := d[2+8*k:]
				g.merges = append(g.merges, [4]int{int(u16(m)), int(u16(m[4:])), int(u16(m[2:])), int(u16(m[6:]))})
				if len(g.merges) > maxMerges {
					return nil, xlsBad("合并单元格超过 %d 个", maxMerges)
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}

func skipSubstream(r *biffReader) error {
	for depth := 1; depth > 0; {
		rec, ok, err := r.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		switch rec.typ {
		case recBOF:
			depth++
		case recEOF:
			depth--
		}
	}
	return nil
}

// rkValue decodes an RK number: a 30-bit integer or the top 30 bits of a
// double, optionally ×100.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&2 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&1 != 0 {
		v /= 100
	}
	return v
}

// number is a number cell of cell format xf as typed: a percentage or a
// date by the cell's number format (as the .xlsx import reads them,
// storedNumber), else the number.
func (wb *xlsWorkbook) number(v float64, xf int) string {
	raw := formatXLSNumber(v)
	if raw == "" {
		return raw
	}
	k := numPlain
	if xf < 0 || xf >= len(wb.xfs) {
		return storedNumber(raw, k)
	}
	switch f := wb.xfs[xf]; {
	case f == 9 || f == 10:
		k = numPercent
	case f >= 14 && f <= 22, f >= 27 && f <= 36, f >= 45 && f <= 47, f >= 50 && f <= 58:
		k = numDate
	case wb.formats[f] != "":
		k = classifyNumFmt(wb.formats[f])
	}
	return storedNumber(raw, k)
}

// formatXLSNumber writes a number cell as text: the shortest decimal that
// reads back as the same double (81.6, not 81.600000000000009), as the
// .xlsx importer's numbers are read.
func formatXLSNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
