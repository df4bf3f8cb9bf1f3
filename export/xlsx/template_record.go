package xlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// The 表样 a file was written in travels with it: the hidden data sheet of
// an xlsx holds the template file in its column C (C1 “jixiao-template
// ID@VERSION HASH”, C2… the template file's JSON in pieces, WorkbookVersion
// 2.1), the JSON exchange file the same under "template". A reader then
// reads a sheet a unit filled by the meaning of that template's columns,
// whatever versions the reading machine has (docs/templates.md, “表样随文件”).

// templateTag starts C1 of the data sheet.
const templateTag = model.TemplateFormat

// templateCell is C1: the tag, the template's id@version and its hash.
func templateCell(t *model.Template) string {
	return fmt.Sprintf("%s %s@%d %s", templateTag, t.ID, t.Version, model.TemplateHash(t))
}

// fileTemplate is the template f is exported in: tpl when given, else f's
// own among the built-in ones when f names one of them (nil otherwise:
// a file never records a template other than the form's).
func fileTemplate(f *model.Form, tpl *model.Template) *model.Template {
	if tpl != nil {
		return tpl
	}
	if t := model.TemplateVersion(f.Template, nil); t != nil {
		return t
	}
	return nil
}

// writeDataTemplate writes template t into column C of the data sheet.
func writeDataTemplate(xf *excelize.File, t *model.Template) error {
	if t == nil {
		return nil
	}
	b, err := model.MarshalTemplate(t)
	if err != nil {
		return err
	}
	var c bytes.Buffer
	if err := json.Compact(&c, b); err != nil {
		return err
	}
	if err := xf.SetCellStr(DataSheetName, "C1", templateCell(t)); err != nil {
		return err
	}
	s := c.String()
	for row := 2; len(s) > 0; row++ {
		n, i := 0, 0
		for i < len(s) && n < dataChunk {
			_, sz := utf8.DecodeRuneInString(s[i:])
			i += sz
			n++
		}
		if err := xf.SetCellStr(DataSheetName, "C"+strconv.Itoa(row), s[:i]); err != nil {
			return err
		}
		s = s[i:]
	}
	return nil
}

// DataSheetTemplate reads the template from column C of a data sheet's
// rows (nil, nil when there is none: a file of 2.0 or older). A record
// whose content does not match its hash, or that does not read as a
// template, is an error: the caller reads the file without it.
func DataSheetTemplate(rows [][]string) (*model.Template, error) {
	if len(rows) == 0 || len(rows[0]) < 3 || !strings.HasPrefix(rows[0][2], templateTag+" ") {
		return nil, nil
	}
	head := strings.Fields(rows[0][2])
	var b strings.Builder
	for _, r := range rows[1:] {
		if len(r) > 2 {
			b.WriteString(r[2])
		}
	}
	return checkedTemplate([]byte(b.String()), head[len(head)-1])
}

// checkedTemplate parses a recorded template file and checks it against
// its recorded hash.
func checkedTemplate(b []byte, hash string) (*model.Template, error) {
	t, err := model.ParseTemplate(b)
	if err != nil {
		return nil, err
	}
	if got := model.TemplateHash(t); hash != "" && got != hash {
		return nil, model.Errorf(model.EDAMAGED, "文件记录的表样内容与其校验值不符（%s，应为 %s）", got, hash)
	}
	return t, nil
}

// templateRecord is the "template" of the JSON exchange envelope: the
// template's id, version and hash, and the template file itself.
type templateRecord struct {
	ID      string          `json:"id"`
	Version int             `json:"version"`
	Hash    string          `json:"hash"`
	File    json.RawMessage `json:"file"`
}

func newTemplateRecord(t *model.Template) (*templateRecord, error) {
	if t == nil {
		return nil, nil
	}
	b, err := model.MarshalTemplate(t)
	if err != nil {
		return nil, err
	}
	var c bytes.Buffer
	if err := json.Compact(&c, b); err != nil {
		return nil, err
	}
	return &templateRecord{ID: t.ID, Version: t.Version, Hash: model.TemplateHash(t), File: c.Bytes()}, nil
}

// template is the recorded template (nil, nil without one).
func (r *templateRecord) template() (*model.Template, error) {
	if r == nil || len(r.File) == 0 {
		return nil, nil
	}
	return checkedTemplate(r.File, r.Hash)
}

// ReadingTemplates are the templates a workbook's visible sheet is read
// by: the one the file records (the exact template it was written in),
// else the exact version its hidden form names when it is here, else all
// of cands (recognised by their labels).
func ReadingTemplates(hidden *model.Form, recorded *model.Template, cands []*model.Template) []*model.Template {
	if recorded != nil {
		return []*model.Template{recorded}
	}
	if hidden != nil && hidden.Template.ID != "" {
		if t := model.TemplateVersion(hidden.Template, cands); t != nil {
			return []*model.Template{t}
		}
	}
	return cands
}
