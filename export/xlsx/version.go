package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"jixiao/model"
)

// The versions of the files jixiao exchanges (docs/format.md, "版本"). Each
// kind of file carries the version of the layout that wrote it, as
// MAJOR.MINOR:
//
//   - MAJOR moves when an older reader would misread the file: a new mark
//     in the visible sheet that an older reader would take for content
//     (as （续） was for the builds before it), a part moved, a value whose
//     meaning changed. A reader refuses a newer MAJOR with a message like
//     the JSON import's (请升级 jixiao), never guessing.
//   - MINOR moves for additions an older reader may pass over without
//     losing anything the clerk typed.
//
// A reader reads every older version by meaning (header texts, row
// identity, the stored value), as it reads a clerk's own sheet.
//
// These are the versions of the *file layouts*; they are distinct from
// model.SchemaVersion (the shape of the form in the JSON, checked again
// when the JSON is read) and from a 表样's own id and version (which the
// file records too: the template a form follows is content, not layout).

// FileVersion is a layout version MAJOR.MINOR.
type FileVersion struct{ Major, Minor int }

func (v FileVersion) String() string { return fmt.Sprintf("%d.%d", v.Major, v.Minor) }

// ParseFileVersion reads "2.0" (or "2"); ok is false for anything else.
func ParseFileVersion(s string) (v FileVersion, ok bool) {
	s = strings.TrimSpace(s)
	maj, min, hasMin := strings.Cut(s, ".")
	var err error
	if v.Major, err = strconv.Atoi(maj); err != nil || v.Major < 1 {
		return FileVersion{}, false
	}
	if hasMin {
		if v.Minor, err = strconv.Atoi(min); err != nil || v.Minor < 0 {
			return FileVersion{}, false
		}
	}
	return v, true
}

// Readable says whether a reader of version known reads a file of
// version v: any v whose MAJOR is not newer.
func (known FileVersion) Readable(v FileVersion) bool { return v.Major <= known.Major }

// CheckFileVersion returns nil when a file called name, of the kind what
// (e.g. "申报表 Excel"), written in layout v, can be read by a reader of
// version known, and otherwise the refusal: EUNSUPPORTED, in the words of
// the JSON import's refusal.
func CheckFileVersion(name, what string, v, known FileVersion) error {
	if known.Readable(v) {
		return nil
	}
	return model.Errorf(model.EUNSUPPORTED, "“%s”由更新版本的 jixiao 生成（%s格式第 %s 版，本程序只认识到第 %d 版），为避免读错，未导入；请升级 jixiao 后再导入", name, what, v, known.Major)
}

// WorkbookVersion is the layout of the 申报表 workbook (the visible sheet
// 绩效目标申报表 and the hidden data sheet _jixiao), written in B1 of the
// hidden sheet (A1 holds FormatName, A2… the JSON).
//
//	1.x  the files written before the version was recorded (no B1): read
//	     by meaning; those of 2026-11-29 and later already print （续）
//	     on a group cut by a page break, and the reader joins the parts.
//	2.0  the version is recorded; a reader of 2.0 refuses a file whose
//	     hidden data is of a newer major version or a newer form schema
//	     instead of falling back on the visible sheet, which it might
//	     misread.
//	2.1  column C of the hidden sheet holds the 表样 the file was written
//	     in (template_record.go): a reader of 2.0 passes over it and reads
//	     the file as before.
var WorkbookVersion = FileVersion{2, 1}

// StageWorkbookVersion is the layout of the 运行监控表/自评表 workbooks
// (the hidden sheet StageDataSheet); the stage sheets' writer and reader
// record and check it the same way.
var StageWorkbookVersion = FileVersion{2, 0}

// workbookVersionCell is where the data sheet records WorkbookVersion.
const workbookVersionCell = "B1"
