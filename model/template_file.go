package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Template files (docs/templates.md): UTF-8 JSON, an envelope
// {"format":"jixiao-template","version":1,"template":{…}}.
const (
	TemplateFormat        = "jixiao-template"
	TemplateFormatVersion = 1
	// MaxTemplateFile is the largest template file read (a template is a
	// few kilobytes).
	MaxTemplateFile = 1 << 20
)

type templateEnvelope struct {
	Format   string          `json:"format"`
	Version  int             `json:"version"`
	Template json.RawMessage `json:"template"`
}

// MarshalTemplate writes t as a template file, indented.
func MarshalTemplate(t *Template) ([]byte, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	tb, err := json.Marshal(t)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(templateEnvelope{Format: TemplateFormat, Version: TemplateFormatVersion, Template: tb})
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// ParseTemplate reads a template file. Anything that is not a valid
// template (damaged, another kind of file, a newer version, unknown names,
// values out of range, contradictions) gives a plain Chinese error that
// lists every problem with its place in the file (CheckTemplateFile).
func ParseTemplate(b []byte) (*Template, error) {
	t, ps := checkTemplateFile(b, false)
	if len(ps) > 0 {
		err := problemsError(ps)
		if len(ps) == 1 && ps[0].Path == "" && strings.Contains(ps[0].Message, "更新版本的 jixiao") {
			return nil, Wrap(err, EUNSUPPORTED, "%s", ps[0].Message+"后再导入")
		}
		return nil, err
	}
	return t, nil
}

func short(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:60]) + "…"
	}
	return s
}

// Validate says in plain Chinese what is wrong with t (nil when nothing):
// every problem Problems finds, each with its place.
func (t *Template) Validate() error {
	return problemsError(t.Problems())
}

// problemsError is one error listing ps (nil when there are none).
func problemsError(ps []TemplateProblem) error {
	switch len(ps) {
	case 0:
		return nil
	case 1:
		return Errorf(EINVALID, "表样有误，未导入：%s", ps[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "表样有 %d 个问题，未导入：", len(ps))
	for _, p := range ps {
		b.WriteString("\n  " + p.String())
	}
	return Errorf(EINVALID, "%s", b.String())
}
