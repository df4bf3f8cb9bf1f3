package xlsx

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"jixiao/model"
)

// FormatName is the "format" of the JSON exchange envelope.
const FormatName = "jixiao-form"

// FormatVersion is the version of the JSON exchange envelope this program
// writes; ReadJSON refuses newer ones.
const FormatVersion = 1

// maxJSON is the largest JSON document ReadJSON accepts.
const maxJSON = 64 << 20

type envelope struct {
	Format  string          `json:"format"`
	Version int             `json:"version"`
	Form    json.RawMessage `json:"form"`
	// Template is the 表样 the form was written in (template_record.go):
	// an addition older readers pass over.
	Template *templateRecord `json:"template,omitempty"`
}

// WriteJSON writes f in the exchange format (docs/format.md): the
// envelope {"format":"jixiao-form","version":1,"form":{…},"template":{…}},
// indented, UTF-8. Amounts are written as the text typed, so nothing is
// lost. The template recorded is f's own among the built-in ones
// (WriteJSONTemplate for an imported one).
func WriteJSON(w io.Writer, f *model.Form) error { return WriteJSONTemplate(w, f, nil) }

// WriteJSONTemplate is WriteJSON recording template tpl, the form's own
// (its id, version, hash and the template itself).
func WriteJSONTemplate(w io.Writer, f *model.Form, tpl *model.Template) error {
	if f == nil {
		return model.Errorf(model.EINVALID, "没有要导出的申报表")
	}
	rec, err := newTemplateRecord(fileTemplate(f, tpl))
	if err != nil {
		return model.Errorf(model.EINTERNAL, "表样无法写入 JSON：%w", err)
	}
	b, err := marshalFormWith(f, true, rec)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func marshalForm(f *model.Form, indent bool) ([]byte, error) { return marshalFormWith(f, indent, nil) }

func marshalFormWith(f *model.Form, indent bool, rec *templateRecord) ([]byte, error) {
	if f == nil {
		return nil, model.Errorf(model.EINVALID, "没有要导出的申报表")
	}
	c := *f
	if c.Version == 0 {
		c.Version = model.SchemaVersion
	}
	fb, err := json.Marshal(&c)
	if err != nil {
		return nil, model.Errorf(model.EINTERNAL, "申报表无法写成 JSON：%w", err)
	}
	b, err := json.Marshal(envelope{Format: FormatName, Version: FormatVersion, Form: fb, Template: rec})
	if err != nil {
		return nil, err
	}
	if !indent {
		return b, nil
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// ReadJSON reads a form in the exchange format. It refuses other JSON
// documents and newer versions with a plain Chinese message.
func ReadJSON(r io.Reader) (*model.Form, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxJSON+1))
	if err != nil {
		return nil, model.Errorf(model.EIO, "读取文件失败：%w", err)
	}
	if len(b) > maxJSON {
		return nil, model.Errorf(model.EINVALID, "文件超过 %d MB，不像是申报表数据文件，未导入", maxJSON>>20)
	}
	return UnmarshalForm(b)
}

// UnmarshalFormRecord is unmarshalForm that also returns the template the
// file records (nil when none, or when the record does not read: the form
// is read without it).
func UnmarshalFormRecord(b []byte) (*model.Form, *model.Template, error) {
	f, err := UnmarshalForm(b)
	if err != nil {
		return nil, nil, err
	}
	var env envelope
	_ = json.Unmarshal(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), &env) // read once already
	t, _ := env.Template.template()
	return f, t, nil
}

func UnmarshalForm(b []byte) (*model.Form, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var env envelope
	if err := json.Unmarshal(b, &env); err != nil {
		return nil, model.Wrap(err, model.EINVALID, "文件不是有效的申报表数据（JSON 格式有误：%s），未导入", model.JSONProblem(err))
	}
	if env.Format != FormatName {
		if env.Format == "" {
			return nil, model.Errorf(model.EINVALID, "文件不是 jixiao 申报表数据（缺少 \"format\": \"jixiao-form\"），未导入")
		}
		return nil, model.Errorf(model.EINVALID, "文件的格式是“%s”，不是 jixiao 申报表数据，未导入", env.Format)
	}
	if env.Version < 1 {
		return nil, model.Errorf(model.EINVALID, "申报表数据的版本号“%d”无效，未导入", env.Version)
	}
	if env.Version > FormatVersion {
		return nil, model.Errorf(model.EUNSUPPORTED, "此文件由更新版本的 jixiao 生成（数据格式第 %d 版，本程序只认识到第 %d 版），请升级 jixiao 后再导入", env.Version, FormatVersion)
	}
	if len(env.Form) == 0 || string(env.Form) == "null" {
		return nil, model.Errorf(model.EINVALID, "申报表数据中没有表格内容（缺少 \"form\"），未导入")
	}
	// The form's own schema (model.SchemaVersion when written): a newer
	// one is refused before it is read as ours, an older one migrated.
	var head struct {
		Version int `json:"version"`
	}
	if err := json.Unmarshal(env.Form, &head); err != nil {
		return nil, model.Wrap(err, model.EINVALID, "申报表数据有误（%s），未导入", model.JSONProblem(err))
	}
	if head.Version > model.SchemaVersion {
		return nil, model.Errorf(model.EUNSUPPORTED, "此文件由更新版本的 jixiao 生成（表格第 %d 版，本程序只认识到第 %d 版），请升级 jixiao 后再导入", head.Version, model.SchemaVersion)
	}
	body := []byte(env.Form)
	if head.Version < model.SchemaVersion {
		from := max(head.Version, 1) // written without a version: the first
		var err error
		if body, err = model.UpgradeForm(from, body); err != nil {
			return nil, model.Wrap(err, model.EINVALID, "申报表数据（表格第 %d 版）无法转换为本程序的格式（%v），未导入", from, err)
		}
	}
	f, err := model.DecodeForm(body)
	if err != nil {
		var uf *model.UnknownFieldError
		if errors.As(err, &uf) {
			return nil, model.Wrap(err, model.EUNSUPPORTED, "申报表数据中有本程序不认识的内容（字段“%s”，表格第 %d 版），可能是其他版本的 jixiao 或其他程序生成的；为避免丢失这些内容，未导入。请升级 jixiao，或用生成它的程序另存后再导入", uf.Field, model.SchemaVersion)
		}
		return nil, model.Wrap(err, model.EINVALID, "申报表数据有误（%s），未导入", model.JSONProblem(err))
	}
	f.Version = model.SchemaVersion
	for _, u := range f.Units {
		for ti, t := range u.Tasks {
			for _, g := range t.Goals {
				if g < 1 || g > len(f.Goals) {
					return nil, model.Errorf(model.EINVALID, "申报表数据有误：任务“%s”第%d行对应的目标%d不存在，未导入", u.Name, ti+1, g)
				}
			}
		}
	}
	return f, nil
}
