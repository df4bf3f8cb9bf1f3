// Package export writes the files a clerk sends (Excel .xlsx, PDF, the
// JSON exchange format) and reads the files a clerk receives back into a
// model.Form (ImportFile). It is a small facade: each file format is a
// package of its own below it (xlsx, pdf, pdftext, docx, xls; none imports
// another), format-free pieces are in export/internal (layout, limits,
// numfmt, ooxml, reply), and the cells-to-form recognition is
// model/recognize's. See docs/format.md (包的划分).
//
// The Excel and PDF writers lay the form out the same way as the official
// 市级部门整体绩效目标申报表 (export/internal/layout): title, （年度）,
// 部门名称, 年度总体目标, 年度主要任务 with its 合计 row, and 绩效指标.
// The JSON writer writes the model itself.
package export

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao/model"
)

// FileName is the default file name of f's export with extension ext
// (without dot): {部门}_{年度}年度_绩效目标申报表.ext, the 部门 and 年度
// reduced to safe characters by SafeFileName.
func FileName(f *model.Form, ext string) string {
	dept := strings.TrimSpace(f.Dept)
	if dept == "" {
		dept = "未命名部门"
	}
	year := strings.TrimSpace(f.Year)
	if year == "" {
		year = "未填"
	}
	name := SafeFileName(dept) + "_" + SafeFileName(year) + "年度_绩效目标申报表"
	ext = strings.TrimPrefix(ext, ".")
	if ext == "" {
		return name
	}
	return name + "." + ext
}

// maxNameBytes bounds a part made by SafeFileName, well under the 255
// bytes of most file systems once the rest of the name is added.
const maxNameBytes = 120

// safePunct are the characters besides letters and digits that
// SafeFileName keeps: none of them means anything to cmd.exe, a POSIX
// shell or a file system.
const safePunct = "-_（）【】《》〈〉「」『』、，。·"

// SafeFileName turns text from the form (a 部门名称 that may come from an
// imported file) into a part of a file name that is safe on Windows, Linux
// and macOS and in any program that is handed it: it keeps letters (Chinese
// included), digits and a few harmless marks (safePunct), and makes every
// other run of characters — spaces, dots, slashes, & % ^ | < > " ' $ ` ;,
// control characters — one "_". It never returns "" (nothing usable gives
// "_"), a name starting with "-" or ending in "_" or ".", a Windows device
// name (CON, NUL, COM1…; those get a "_" in front), or more than
// maxNameBytes bytes.
func SafeFileName(s string) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (r != '_' && strings.ContainsRune(safePunct, r)) {
			b.WriteRune(r)
			under = false
			continue
		}
		if !under {
			b.WriteByte('_')
			under = true
		}
	}
	// A leading "-" could be taken for an option by a program given the name.
	out := strings.TrimRight(strings.TrimLeft(b.String(), "_-"), "_")
	for len(out) > maxNameBytes {
		_, n := utf8.DecodeLastRuneInString(out)
		out = strings.TrimRight(out[:len(out)-n], "_")
	}
	if out == "" {
		return "_"
	}
	if windowsDevice(out) {
		return "_" + out
	}
	return out
}

// windowsDevice reports whether name is one of the names Windows keeps
// for devices (CON, PRN, AUX, NUL, COM1-9, LPT1-9, any case).
func windowsDevice(name string) bool {
	switch u := strings.ToUpper(name); u {
	case "CON", "PRN", "AUX", "NUL":
		return true
	default:
		return len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '1' && u[3] <= '9'
	}
}
