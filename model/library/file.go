package library

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao/model"
)

// nationalJSON is the built-in library of the national frameworks, in the
// library file format (docs/library.md), each entry with its source.
//
//go:embed national.json
var nationalJSON []byte

// Format is the "format" every library file names.
const Format = "jixiao-library"

// Limits of a library file, so that a damaged or hostile file cannot
// exhaust memory or fill the picker with junk.
const (
	MaxFileSize    = 4 << 20 // bytes
	MaxEntries     = 10000
	maxLibraryName = 100  // runes of a source or 指标 name (as the national system)
	maxLibraryText = 4000 // runes of any other field
)

// File is a parsed library file: its name (the source its entries
// are shown under unless an entry names another) and entries.
type File struct {
	Name    string
	Entries []Entry
}

type libraryFileJSON struct {
	Format  string              `json:"format"`
	Version int                 `json:"version"`
	Name    string              `json:"name"`
	Sources []librarySourceJSON `json:"sources"`
	Entries []libraryEntryJSON  `json:"entries"`
}

type librarySourceJSON struct {
	Name    string `json:"name"`
	Ref     string `json:"ref"`
	Checked string `json:"checked"`
}

type libraryEntryJSON struct {
	Source    string `json:"source"`
	Level1    string `json:"level1"`
	Level2    string `json:"level2"`
	Level3    string `json:"level3"`
	Sub       string `json:"sub"`
	Value     string `json:"value"`
	Unit      string `json:"unit"`
	ValueType string `json:"valueType"`
	Direction string `json:"direction"`
	Explain   string `json:"explain"`
	Note      string `json:"note"`
	Formula   string `json:"formula"`
	Ref       string `json:"ref"`
}

// FileError is why a library file was refused, in plain Chinese
// naming the place (line, entry, field) and what to do.
type FileError struct{ Msg string }

func (e *FileError) Error() string { return e.Msg }

// ErrorCode is EINVALID: the file is to be corrected.
func (e *FileError) ErrorCode() string { return model.EINVALID }

func libErr(format string, a ...any) error {
	return &FileError{Msg: fmt.Sprintf(format, a...)}
}

// reservedSources are the built-in sources a library file may not take.
var reservedSources = []string{SourceSeed, SourceCommon, SourceDept53, SourceProj53, SourceKinds, SourceMine}

// ParseFile reads a library file (docs/library.md). fileName is the
// file's base name, used as its source name when the file has none; ""
// marks the built-in file, which alone may use the built-in source names.
// A file that is too large, not UTF-8, not JSON, of another format or
// with a bad entry is refused with a *FileError; nothing of it is
// kept.
func ParseFile(data []byte, fileName string) (File, error) {
	builtin := fileName == ""
	if len(data) > MaxFileSize {
		return File{}, libErr("指标库文件太大（%d KB），最大 %d MB。请确认选的是指标库文件。", (len(data)+1023)>>10, MaxFileSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return File{}, libErr("指标库文件是空的。")
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.IndexByte(data, 0) >= 0 {
		return File{}, libErr("这不是指标库文件（看起来是 Excel、压缩包或其他二进制文件）。指标库文件是 .json 文本文件，格式见 docs/library.md。")
	}
	if !utf8.Valid(data) {
		line, _ := lineCol(data, firstInvalidUTF8(data))
		return File{}, libErr("指标库文件第%d行有不是 UTF-8 的字符（可能是用 GBK 保存的）。请用记事本或 WPS 另存为“UTF-8”编码后再导入。", line)
	}
	var raw libraryFileJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&raw); err != nil {
		return File{}, jsonErr(data, err)
	}
	if dec.More() {
		line, _ := lineCol(data, int(dec.InputOffset()))
		return File{}, libErr("指标库文件第%d行：整个文件应是一个 { … }，之后还有多余内容。", line)
	}
	if raw.Format != Format {
		return File{}, libErr("这不是本程序的指标库文件：缺少 \"format\": \"%s\"。格式见使用说明 docs/library.md。", Format)
	}
	if raw.Version > 1 {
		return File{}, libErr("指标库文件的版本（%d）比本程序新，请升级本程序后再导入。", raw.Version)
	}
	if len(raw.Entries) == 0 {
		return File{}, libErr("指标库文件里没有指标（\"entries\" 是空的）。")
	}
	if len(raw.Entries) > MaxEntries {
		return File{}, libErr("指标库文件有 %d 条指标，最多 %d 条。", len(raw.Entries), MaxEntries)
	}
	name := cleanText(raw.Name)
	if name == "" {
		name = strings.TrimSuffix(fileName, ".json")
	}
	if err := checkSourceName(name, "名称（name）", builtin); err != nil {
		return File{}, err
	}
	sources := map[string]librarySourceJSON{}
	for i, s := range raw.Sources {
		s.Name = cleanText(s.Name)
		if err := checkSourceName(s.Name, fmt.Sprintf("第%d个来源（sources）的名称", i+1), builtin); err != nil {
			return File{}, err
		}
		sources[s.Name] = s
	}
	out := File{Name: name}
	seen := map[string]bool{}
	for i, r := range raw.Entries {
		e, err := libraryEntry(r, i+1, name, sources, builtin)
		if err != nil {
			return File{}, err
		}
		k := e.Source + "\x00" + e.Indicator.Name()
		if seen[k] {
			continue
		}
		seen[k] = true
		out.Entries = append(out.Entries, e)
	}
	return out, nil
}

func libraryEntry(r libraryEntryJSON, n int, fileName string, sources map[string]librarySourceJSON, builtin bool) (Entry, error) {
	place := func(field string) string { return fmt.Sprintf("第%d条指标的%s", n, field) }
	fields := []struct {
		label string
		s     *string
		max   int
	}{
		{"来源（source）", &r.Source, maxLibraryName}, {"一级指标（level1）", &r.Level1, maxLibraryName},
		{"二级指标（level2）", &r.Level2, maxLibraryName}, {"三级指标（level3）", &r.Level3, maxLibraryName},
		{"明细（sub）", &r.Sub, maxLibraryName}, {"指标值（value）", &r.Value, maxLibraryName},
		{"计量单位（unit）", &r.Unit, maxLibraryName}, {"指标值类型（valueType）", &r.ValueType, maxLibraryName},
		{"计算符号（direction）", &r.Direction, maxLibraryName}, {"指标解释（explain）", &r.Explain, maxLibraryText},
		{"指标说明（note）", &r.Note, maxLibraryText}, {"公式（formula）", &r.Formula, maxLibraryName},
		{"出处（ref）", &r.Ref, maxLibraryText},
	}
	for _, f := range fields {
		*f.s = cleanText(*f.s)
		if utf8.RuneCountInString(*f.s) > f.max {
			return Entry{}, libErr("%s太长（%d 字），最多 %d 字。", place(f.label), utf8.RuneCountInString(*f.s), f.max)
		}
		if strings.IndexFunc(*f.s, func(c rune) bool { return unicode.IsControl(c) && c != '\n' && c != '\t' }) >= 0 {
			return Entry{}, libErr("%s含有控制字符，请删去。", place(f.label))
		}
	}
	switch {
	case r.Level1 == "":
		return Entry{}, libErr("%s是空的，请填写。", place("一级指标（level1）"))
	case r.Level2 == "":
		return Entry{}, libErr("%s是空的，请填写。", place("二级指标（level2）"))
	case r.Level3 == "":
		return Entry{}, libErr("%s是空的，请填写。", place("三级指标（level3）"))
	}
	switch r.Direction {
	case "", "≥", "≤", "=":
	case ">=":
		r.Direction = "≥"
	case "<=":
		r.Direction = "≤"
	default:
		return Entry{}, libErr("%s只能是 ≥、≤、= 或不填，现在是“%s”。", place("计算符号（direction）"), r.Direction)
	}
	if r.ValueType != "" && r.ValueType != "定量" && r.ValueType != "定性" {
		return Entry{}, libErr("%s只能是“定量”“定性”或不填，现在是“%s”。", place("指标值类型（valueType）"), r.ValueType)
	}
	if r.Formula != "" {
		if _, ok := model.FormulaFor(r.Formula); !ok {
			return Entry{}, libErr("%s“%s”不是本程序认识的计算公式。请删去 formula，或改用内置公式的名称（如“预算执行率”）。", place("公式（formula）"), r.Formula)
		}
	}
	if t := model.ParseTarget(r.Value); t.Kind == model.TargetInvalid {
		return Entry{}, libErr("%s“%s”无法识别：%s", place("指标值（value）"), r.Value, t.Reason)
	}
	src := r.Source
	if src == "" {
		src = fileName
	}
	if err := checkSourceName(src, place("来源（source）"), builtin); err != nil {
		return Entry{}, err
	}
	s := sources[src]
	ref := r.Ref
	if ref == "" {
		ref = s.Ref
	}
	dir := r.Direction
	if dir == "" {
		dir = directionOf(r.Value)
	}
	return Entry{
		Indicator: model.Indicator{Level1: r.Level1, Level2: r.Level2, Level3: r.Level3, Sub: r.Sub, Value: r.Value,
			Explain: r.Explain, Note: r.Note, Unit: r.Unit, ValueType: r.ValueType, Formula: r.Formula},
		Source: src, Ref: ref, Checked: s.Checked, Direction: dir,
	}, nil
}

func checkSourceName(name, what string, builtin bool) error {
	if name == "" {
		return libErr("指标库文件的%s是空的，请填写。", what)
	}
	if utf8.RuneCountInString(name) > maxLibraryName {
		return libErr("指标库文件的%s太长，最多 %d 字。", what, maxLibraryName)
	}
	if strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return libErr("指标库文件的%s含有控制字符。", what)
	}
	if !builtin {
		for _, r := range reservedSources {
			if name == r {
				return libErr("指标库文件的%s“%s”与内置来源重名，请改一个名称。", what, name)
			}
		}
	}
	return nil
}

// cleanText trims blanks and folds Windows line ends.
func cleanText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

func jsonErr(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineCol(data, int(syn.Offset))
		return libErr("指标库文件第%d行第%d列附近格式有误（不是正确的 JSON）：请检查引号、逗号和括号是否成对。", line, col)
	case errors.As(err, &typ):
		line, _ := lineCol(data, int(typ.Offset))
		field := typ.Field
		if field == "" {
			return libErr("指标库文件第%d行：整个文件应是一个 { … }。格式见 docs/library.md。", line)
		}
		return libErr("指标库文件第%d行：“%s”应是%s。格式见 docs/library.md。", line, field, jsonKind(typ.Type.Kind().String()))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return libErr("指标库文件不完整（在结尾处中断），可能没有保存完或被截断。")
	}
	return libErr("指标库文件无法读取：%v", err)
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "文字（用引号括起）"
	case "slice":
		return "列表 [ … ]"
	case "struct":
		return "{ … }"
	case "int":
		return "整数"
	}
	return k
}

// lineCol is the 1-based line and column (in runes) of byte offset off.
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
