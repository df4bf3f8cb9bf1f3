package model

import "fmt"

// The texts an exported file carries so that it never looks complete when
// it is not. The model counts; the writers (export, the editor's status
// bar) only print these texts.

// IncompleteNote is the remark for a 合计 that leaves out amounts that could
// not be read, e.g. "合计不含 1 项无法识别的金额"; "" when every amount was
// added.
func (s Sums) IncompleteNote() string {
	if s.Invalid <= 0 {
		return ""
	}
	return fmt.Sprintf("合计不含 %d 项无法识别的金额", s.Invalid)
}

// Verdict is what the checks say about a whole form, for an export.
type Verdict struct {
	Errors int // findings that are errors
	Hints  int // findings that are hints
}

// Judge runs the checks on f and counts what they find, by the rules of
// f's template among the built-in ones (JudgeWith for an imported one).
func Judge(f *Form) Verdict { return JudgeWith(f, nil) }

// JudgeWith is Judge by the rules of template t, the form's own (nil: f's
// template among the built-ins). Every verdict an export prints comes from
// here with the template the export is laid out in, so the file and
// `jixiao check` count the same errors.
func JudgeWith(f *Form, t *Template) Verdict {
	e, h := CountFindings(CheckWith(f, t))
	return Verdict{Errors: e, Hints: h}
}

// Passed reports whether the form has no errors.
func (v Verdict) Passed() bool { return v.Errors == 0 }

// Mark is the running mark of every page of an export of a form with
// errors, e.g. "未通过审核（19 个错误）"; "" when the form passed.
func (v Verdict) Mark() string {
	if v.Errors <= 0 {
		return ""
	}
	return fmt.Sprintf("未通过审核（%d 个错误）", v.Errors)
}
