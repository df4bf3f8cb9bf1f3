package recognize

import (
	"jixiao/model"
)

// Read reads the form from the first of sheets (the one named first
// first, when there) whose header texts are recognised; (nil, nil, nil)
// when none is. Every reader (.xlsx, .xls, .docx, .pdf) comes through
// here, so the recognition and the report are the same whatever the file.
// Each sheet's template is recognised first among tpls (nil: the built-in
// ones), so that its parts are found by that template's labels too.
func Read(name string, sheets []string, first string, load func(sheet string) (*SheetGrid, error), tpls []*model.Template) (*model.Form, *ImportReport, error) {
	rep := &ImportReport{}
	for i, s := range sheets {
		if s == first && i > 0 {
			sheets[0], sheets[i] = sheets[i], sheets[0]
		}
	}
	for i, s := range sheets {
		g, err := load(s)
		if err != nil {
			return nil, nil, model.Errorf(model.EINVALID, "“%s”的工作表“%s”无法读取：%w", name, s, err)
		}
		if tpls == nil {
			tpls = model.BuiltinTemplates()
		}
		g.Tpl = Template(g.Texts(), tpls)
		blocks := FindBlocks(g)
		if len(blocks) == 0 {
			continue
		}
		f := ParseSheet(g, blocks, rep)
		for j, o := range sheets {
			if j != i {
				rep.Note("已忽略工作表“%s”（只读取“%s”）", o, s)
			}
		}
		return f, rep, nil
	}
	return nil, nil, nil
}
