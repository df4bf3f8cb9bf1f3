package merge

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// templateLabel names a form's template for messages: its name (built-in
// or among extra), else its id.
func templateLabel(ref model.TemplateRef, extra []*model.Template) string {
	if t := model.FindTemplate(ref, extra); t != nil {
		return t.Name
	}
	return ref.ID
}

func templateID(f *model.Form) string {
	if f == nil || f.Template.ID == "" {
		return model.DefaultTemplateID
	}
	return f.Template.ID
}

// sameTemplates refuses to merge forms of different 表样: their sections
// and columns differ, so rows would land in the wrong places.
func sameTemplates(into *model.Form, parts []Part, extra []*model.Template) error {
	want := templateID(into)
	for i, p := range parts {
		if p.Form == nil || templateID(p.Form) == want {
			continue
		}
		label := strings.TrimSpace(p.Label)
		if label == "" {
			label = fmt.Sprintf("第%d个文件", i+1)
		}
		ref := model.TemplateRef{ID: want}
		if into != nil {
			ref = into.Template
		}
		return model.Errorf(model.ECONFLICT, "文件“%s”是按表样“%s”填写的，草稿的表样是“%s”，表样不同，没有合并任何文件。请让下级单位按同一表样填写后再汇总",
			label, templateLabel(p.Form.Template, extra), templateLabel(ref, extra))
	}
	return nil
}
