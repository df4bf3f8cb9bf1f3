package recognize

// Reading a form from a grid of cell texts, whatever file the cells came
// from (an .xlsx or .xls sheet, a Word document's tables, a PDF's text):
// Read finds the parts by their headers (FindBlocks), places every cell
// (ParseSheet) and reports what it could not use (ImportReport). The
// files sheet_*.go know no file format: export's readers give the cells.

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// ImportReport says what ImportFile recognised and what it could not use.
type ImportReport struct {
	Goals, Units, Tasks, Indicators int
	// Problems are cells whose content could not be used as it is (the
	// text is still kept in the form, e.g. an invalid amount keeps its raw
	// text), each with its cell address like Sheet1!C12.
	Problems []Problem
	// Notes are plain remarks: skipped rows, ignored sheets, the source
	// used (hidden data or the visible table).
	Notes []string
	// Template is the 表样 recognised from the sheet's labels and headers
	// ("" when the file carried its own, or for the default).
	Template string
	// Unplaced are the cells with content that has no place in the form
	// (its template has no such field or column), cell by cell; their text
	// is not in the form.
	Unplaced []Problem
	// Places are where each part of the form was read from, in the
	// file's own terms (sheet_places.go; PlaceOf finds a finding's
	// place); nil for a JSON file.
	Places map[model.Location]Place

	// FileTemplate is the 表样 the file records it was written in (our
	// xlsx since WorkbookVersion 2.1, our JSON since its "template"); nil
	// for other files. The form names it; the caller stores it when the
	// drafts file lacks that version and moves the draft to a newer one
	// (cli import).
	FileTemplate *model.Template

	// tpl is the form's 表样: the counts are named by its parts.
	tpl *model.Template
}

// Problem is one cell that could not be read as expected.
type Problem struct {
	Cell    string // e.g. "Sheet1!C12"; "" when not about one cell
	Message string // plain Chinese
}

func (p Problem) String() string {
	if p.Cell == "" {
		return p.Message
	}
	return p.Cell + "：" + p.Message
}

// String is the report in plain Chinese, one item per line.
func (r *ImportReport) String() string {
	if r == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "已识别：%s。\n", r.counts())
	if len(r.Problems) > 0 {
		fmt.Fprintf(&b, "需要处理的问题（%d 个；无法识别的内容已按原文保留，请在程序中改正）：\n", len(r.Problems))
		for _, p := range r.Problems {
			b.WriteString("  " + p.String() + "\n")
		}
	}
	if r.Template != "" {
		fmt.Fprintf(&b, "表样：%s\n", r.Template)
	}
	if len(r.Unplaced) > 0 {
		fmt.Fprintf(&b, "没有放入申报表的内容（%d 格；表样中没有对应的栏目，请核对后在程序中补上或确认不需要）：\n", len(r.Unplaced))
		for _, p := range r.Unplaced {
			b.WriteString("  " + p.String() + "\n")
		}
	}
	if len(r.Notes) > 0 {
		b.WriteString("说明：\n")
		for _, n := range r.Notes {
			b.WriteString("  " + n + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func (r *ImportReport) Problem(cell, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{Cell: cell, Message: fmt.Sprintf(format, args...)})
}

func (r *ImportReport) Note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

func (r *ImportReport) Count(f *model.Form, t *model.Template) {
	r.Goals, r.Units, r.Tasks, r.Indicators = len(f.Goals), len(f.Units), f.TaskCount(), len(f.Indicators)
	r.tpl = t
}

// counts names what was read by the parts of the form's 表样 (年度工作目标
// where a template calls its goals so; no task count for a template
// without a task table, unless the file had tasks all the same).
func (r *ImportReport) counts() string {
	t := r.tpl
	if t == nil {
		t = model.BuiltinTemplate(model.DefaultTemplateID)
	}
	var parts []string
	if t.Has(model.SectionGoals) || r.Goals > 0 {
		parts = append(parts, fmt.Sprintf("%s %d 条", t.Label(model.SectionGoals), r.Goals))
	}
	if t.Has(model.SectionTasks) || r.Tasks > 0 || r.Units > 0 {
		tasks := "主要任务"
		if l := t.Label(model.SectionTasks); l != "年度主要任务" {
			tasks = l
		}
		parts = append(parts, fmt.Sprintf("任务单位 %d 个，%s %d 项", r.Units, tasks, r.Tasks))
	}
	if t.Has(model.SectionIndicators) || r.Indicators > 0 {
		parts = append(parts, fmt.Sprintf("%s %d 行", t.Label(model.SectionIndicators), r.Indicators))
	}
	if len(parts) == 0 {
		return "没有目标、任务或指标"
	}
	return strings.Join(parts, "，")
}
