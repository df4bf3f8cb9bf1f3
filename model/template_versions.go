package model

// TemplateVersion returns the template ref names exactly (that id and that
// version) among extra and the built-ins, or nil: the draft's own version,
// to list what a newer one changes. A form without a template is a 郑州
// form of version 1.
func TemplateVersion(ref TemplateRef, extra []*Template) *Template {
	if ref.ID == "" {
		ref = TemplateRef{ID: DefaultTemplateID, Version: 1}
	}
	if t := FindTemplate(ref, extra); t != nil && t.Version == ref.Version {
		return t
	}
	return nil
}

// NewestTemplate returns the newest version of the template f follows
// when it is newer than the version f was made with, else nil.
func NewestTemplate(f *Form, extra []*Template) *Template {
	if f == nil {
		return nil
	}
	ref := f.Template
	if ref.ID == "" {
		ref = TemplateRef{ID: DefaultTemplateID, Version: 1}
	}
	t := FindTemplate(TemplateRef{ID: ref.ID, Version: 1 << 30}, extra)
	if t == nil || t.Version <= ref.Version {
		return nil
	}
	return t
}
