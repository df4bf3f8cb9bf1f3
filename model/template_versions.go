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

// ToVersionOf moves part, a form read from a unit's file, to the version
// of into's template when it is another version of the same template (a
// unit filled last version's blank), through Migrate: its values keep
// their meaning and the list says where they go. from is part's template
// as the file records it or as known here (nil: not known); extra are the
// imported templates. part itself is returned, with no list, when it
// follows another template, the same version, or a version that cannot
// be moved (into's version not known here, part past 申报).
func ToVersionOf(part, into *Form, from *Template, extra []*Template) (*Form, *Migration) {
	if part == nil || into == nil {
		return part, nil
	}
	pr, ir := part.Template, into.Template
	if pr.ID == "" {
		pr = TemplateRef{ID: DefaultTemplateID, Version: 1}
	}
	if ir.ID == "" {
		ir = TemplateRef{ID: DefaultTemplateID, Version: 1}
	}
	if pr.ID != ir.ID || pr.Version == ir.Version {
		return part, nil
	}
	to := TemplateVersion(ir, extra)
	if to == nil {
		return part, nil
	}
	if from == nil || !from.Ref().SameVersion(pr) {
		from = TemplateVersion(pr, extra)
	}
	g, m, err := Migrate(part, from, to)
	if err != nil {
		return part, nil
	}
	return g, m
}
