package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// Reading a template file for every problem at once: the JSON is walked
// token by token against the Template type, so that each unknown name and
// each value of the wrong kind is reported with its line (not only the
// first, as a strict decoder would), then Problems adds the contradictions.

// TemplateHash is a short digest of t's content: two templates with the
// same id and version but another content have different hashes.
func TemplateHash(t *Template) string {
	if t == nil {
		return ""
	}
	b, err := json.Marshal(t)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// CheckTemplateFile reads template file b and returns the template (nil
// when the file cannot be read as one at all) and every problem found,
// each with its line; no problems means the file can be imported (a
// built-in template's id is a problem here: ParseTemplate reads such a
// file, exported from a built-in one, but no drafts file stores it).
func CheckTemplateFile(b []byte) (*Template, []TemplateProblem) { return checkTemplateFile(b, true) }

func checkTemplateFile(b []byte, forImport bool) (*Template, []TemplateProblem) {
	whole := func(format string, args ...any) (*Template, []TemplateProblem) {
		return nil, []TemplateProblem{{Message: fmt.Sprintf(format, args...)}}
	}
	if len(b) > MaxTemplateFile {
		return whole("文件超过 %d KB，不像是表样文件", MaxTemplateFile>>10)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		return whole("文件不是 UTF-8 文本（请用 UTF-8 编码保存），不是表样文件")
	}
	var env templateEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, []TemplateProblem{{Line: lineAt(b, se.Offset), Message: "JSON 格式有误：" + jsonSyntax(se)}}
		}
		return whole("JSON 格式有误（%s）", JSONProblem(err))
	}
	switch {
	case env.Format == "":
		return whole("缺少 \"format\": \"jixiao-template\"，不是 jixiao 表样文件")
	case env.Format != TemplateFormat:
		return whole("文件的格式是“%s”，不是 jixiao 表样文件（应为 jixiao-template）", short(env.Format))
	case env.Version < 1:
		return whole("表样文件格式的版本号“%d”无效（应为 1）", env.Version)
	case env.Version > TemplateFormatVersion:
		return whole("此表样文件由更新版本的 jixiao 生成（文件格式第 %d 版，本程序只认识到第 %d 版），请升级 jixiao", env.Version, TemplateFormatVersion)
	case len(env.Template) == 0 || string(env.Template) == "null":
		return whole("文件中没有表样内容（缺少 \"template\"）")
	}
	w := &jsonWalk{src: b, lines: map[string]int{}}
	// the envelope's own names, then the template against its type
	w.walk(envelopeType)
	var t Template
	// Unknown names and values of the wrong kind were found by the walk;
	// the decoder fills what it can.
	_ = json.Unmarshal(env.Template, &t)
	ps := w.problems
	if forImport && BuiltinTemplate(t.ID) != nil {
		ps = append(ps, TemplateProblem{Path: "id", Line: w.line("id"),
			Message: fmt.Sprintf("编号“%s”是内置表样的编号，导入的表样不能替换内置表样；请换一个编号（如 %s-本单位简称的拼音）", t.ID, t.ID)})
	}
	for _, p := range t.Problems() {
		p.Line = w.line(p.Path)
		ps = append(ps, p)
	}
	slices.SortStableFunc(ps, func(a, b TemplateProblem) int { return a.Line - b.Line })
	return &t, ps
}

// envelopeType is the file's shape: {format, version, template: Template}.
var envelopeType = reflect.TypeOf(struct {
	Format   string   `json:"format"`
	Version  int      `json:"version"`
	Template Template `json:"template"`
}{})

// jsonWalk walks a JSON document against a Go type, recording the line of
// every path (relative to "template") and the problems of names and kinds.
type jsonWalk struct {
	src      []byte
	dec      *json.Decoder
	lines    map[string]int
	problems []TemplateProblem
}

func (w *jsonWalk) line(path string) int {
	for p := path; ; {
		if l, ok := w.lines[p]; ok {
			return l
		}
		i := max(strings.LastIndexAny(p, ".["), 0)
		if i == 0 {
			return w.lines[""]
		}
		p = p[:i]
	}
}

func (w *jsonWalk) walk(t reflect.Type) {
	w.dec = json.NewDecoder(bytes.NewReader(w.src))
	w.dec.UseNumber()
	w.value(t, "", true)
}

// rel is path relative to the template ("" outside it).
func rel(path string) (string, bool) {
	switch {
	case path == "template":
		return "", true
	case strings.HasPrefix(path, "template."):
		return path[len("template."):], true
	}
	return "", false
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// value reads one value of type t at path (top: the envelope).
func (w *jsonWalk) value(t reflect.Type, path string, top bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	tok, err := w.dec.Token()
	if err != nil {
		return
	}
	here := lineAt(w.src, w.dec.InputOffset())
	if r, ok := rel(path); ok {
		if _, seen := w.lines[r]; !seen {
			w.lines[r] = here
		}
	}
	bad := func(want string) {
		if r, ok := rel(path); ok && !top {
			w.problems = append(w.problems, TemplateProblem{Path: r, Line: here, Message: fmt.Sprintf("应为%s，写的是%s", want, tokenKind(tok))})
		}
	}
	switch d := tok.(type) {
	case json.Delim:
		switch d {
		case '{':
			switch t.Kind() {
			case reflect.Struct, reflect.Map:
			default:
				bad(kindWords(t))
			}
			for w.dec.More() {
				kt, err := w.dec.Token()
				if err != nil {
					return
				}
				key, _ := kt.(string)
				kline := lineAt(w.src, w.dec.InputOffset())
				child := join(path, key)
				var ct reflect.Type
				switch t.Kind() {
				case reflect.Struct:
					if f, ok := fieldByJSON(t, key); ok {
						ct = f.Type
					} else if r, ok := rel(child); ok || path == "" {
						if !ok {
							r = key // a name of the envelope
						}
						msg := fmt.Sprintf("有本程序不认识的项“%s”", short(key))
						if s := closest(key, jsonNames(t)); s != "" {
							msg += fmt.Sprintf("，是不是 %s？", s)
						} else {
							msg += fmt.Sprintf("（这里可用：%s）", strings.Join(jsonNames(t), "、"))
						}
						w.problems = append(w.problems, TemplateProblem{Path: r, Line: kline, Message: msg})
					}
				case reflect.Map:
					ct = t.Elem()
				}
				if r, ok := rel(child); ok {
					w.lines[r] = kline
				}
				if ct == nil {
					w.skip()
					continue
				}
				w.value(ct, child, false)
			}
			_, _ = w.dec.Token() // }
		case '[':
			if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
				bad(kindWords(t))
			}
			for i := 0; w.dec.More(); i++ {
				child := fmt.Sprintf("%s[%d]", path, i)
				if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
					w.value(t.Elem(), child, false)
				} else {
					w.skip()
				}
			}
			_, _ = w.dec.Token() // ]
		}
	case string:
		if t.Kind() != reflect.String {
			bad(kindWords(t))
		}
	case json.Number:
		switch t.Kind() {
		case reflect.Int, reflect.Int64, reflect.Int32:
			if _, err := d.Int64(); err != nil {
				bad("整数")
			}
		default:
			bad(kindWords(t))
		}
	case bool:
		if t.Kind() != reflect.Bool {
			bad(kindWords(t))
		}
	case nil:
	}
}

// skip reads one value whatever it is.
func (w *jsonWalk) skip() {
	depth := 0
	for {
		tok, err := w.dec.Token()
		if err != nil {
			return
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				depth++
			default:
				depth--
			}
		}
		if depth == 0 {
			return
		}
	}
}

func fieldByJSON(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func jsonNames(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// closest is the name among names that key most likely misspells (at most
// two edits, or the same letters in another case), "" when none.
func closest(key string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if strings.EqualFold(n, key) {
			return n
		}
		if d := editDistance(strings.ToLower(key), strings.ToLower(n)); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

func kindWords(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "文字（加双引号）"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "整数"
	case reflect.Bool:
		return " true 或 false"
	case reflect.Slice, reflect.Array:
		return "列表 [ … ]"
	case reflect.Struct, reflect.Map:
		return "对象 { … }"
	}
	return t.Kind().String()
}

func tokenKind(tok json.Token) string {
	switch d := tok.(type) {
	case json.Delim:
		if d == '[' {
			return "列表"
		}
		return "对象"
	case string:
		return "文字“" + short(d) + "”"
	case json.Number:
		return "数字 " + d.String()
	case bool:
		return fmt.Sprint(d)
	}
	return "null"
}

// lineAt is the line (from 1) of byte offset off in b.
func lineAt(b []byte, off int64) int {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(b[:off], []byte("\n")) + 1
}

// jsonSyntax words a JSON syntax error.
func jsonSyntax(se *json.SyntaxError) string {
	msg := se.Error()
	switch {
	case strings.Contains(msg, "after object key:value pair"), strings.Contains(msg, "after array element"):
		return "这里缺少逗号，或多了一个字符"
	case strings.Contains(msg, "looking for beginning of object key string"):
		return "这里应是用双引号括起的名称（多了一个逗号？）"
	case strings.Contains(msg, "unexpected end of JSON input"):
		return "文件不完整（缺少结尾的 } 或 ]）"
	case strings.Contains(msg, "looking for beginning of value"):
		return "这里应是一个值（文字要加双引号）"
	}
	return short(msg)
}
