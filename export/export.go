// Package export writes the files a clerk sends (Excel .xlsx, PDF, the
// JSON exchange format) and reads the files a clerk receives back into a
// model.Form (ImportFile). It depends on model only.
//
// All three writers lay the form out the same way as the official
// 市级部门整体绩效目标申报表: title, （年度）, 部门名称, 年度总体目标,
// 年度主要任务 with its 合计 row, and 绩效指标. See docs/format.md.
package export

import (
	"fmt"
	"strings"
	"unicode"

	"jixiao/model"
)

// PDFReport is what WritePDF reports about the written file.
type PDFReport struct {
	Pages int
	// Missing are the characters the bundled font lacks, in order of first
	// appearance; each is drawn as a visible replacement (□) instead.
	Missing []rune
}

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
	fmt.Fprintf(&b, "已识别：年度总体目标 %d 条，任务单位 %d 个，主要任务 %d 项，绩效指标 %d 行。\n", r.Goals, r.Units, r.Tasks, r.Indicators)
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

func (r *ImportReport) problem(cell, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{Cell: cell, Message: fmt.Sprintf(format, args...)})
}

func (r *ImportReport) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

func (r *ImportReport) count(f *model.Form) {
	r.Goals, r.Units, r.Tasks, r.Indicators = len(f.Goals), len(f.Units), f.TaskCount(), len(f.Indicators)
}

// FileName is the default file name of f's export with extension ext
// (without dot): {部门}_{年度}年度_绩效目标申报表.ext. Characters that are
// not allowed in file names on Windows or Linux are replaced by "_".
func FileName(f *model.Form, ext string) string {
	dept := strings.TrimSpace(f.Dept)
	if dept == "" {
		dept = "未命名部门"
	}
	year := strings.TrimSpace(f.Year)
	if year == "" {
		year = "未填"
	}
	name := safeName(dept) + "_" + safeName(year) + "年度_绩效目标申报表"
	ext = strings.TrimPrefix(ext, ".")
	if ext == "" {
		return name
	}
	return name + "." + ext
}

func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f, unicode.IsControl(r):
			return '_'
		case strings.ContainsRune(`<>:"/\|?*`, r):
			return '_'
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, s)
	s = strings.Trim(s, ". ")
	if s == "" {
		return "_"
	}
	// Keep names well under the 255-byte limit of most file systems.
	for len(s) > 120 {
		r := []rune(s)
		s = string(r[:len(r)-1])
	}
	return s
}
