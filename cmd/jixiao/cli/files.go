package cli

// The file subcommands: export (Excel, PDF, JSON) and import (a file as a
// new draft), and loadFile for the commands that take --in FILE.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"jixiao/export"
	"jixiao/internal/atomicfile"
	"jixiao/model"
)

// loadFile reads a form from an .xlsx or .json file (check --in, export
// --in), recognising a sheet's template also among the templates imported
// into drafts file db when use is true (--db given). The file's problems
// stay in the form (invalid amounts keep their text), so check reports
// them in its own words.
func loadFile(path, db string, use bool) (*model.Form, error) {
	var o export.ImportOptions
	if use {
		o = importOptions(db)
	}
	f, _, err := export.ImportFile(path, o)
	if err != nil {
		return nil, userErr(err)
	}
	return f, nil
}

func runExport(c *cli, args []string) error {
	fs := flags("export")
	var src source
	src.register(fs)
	xlsxOut := fs.String("xlsx", "", "Excel 输出文件")
	pdfOut := fs.String("pdf", "", "PDF 输出文件")
	jsonOut := fs.String("json", "", "JSON 输出文件")
	stageName := fs.String("stage", "", "申报、监控 或 自评")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("export 命令不需要其他参数，多了：%s（输出文件请用 --xlsx、--pdf 或 --json 指定）", pos[0])
	}
	if err := src.check(); err != nil {
		return err
	}
	outs := map[string]string{}
	for ext, p := range map[string]string{"xlsx": *xlsxOut, "pdf": *pdfOut, "json": *jsonOut} {
		if p != "" {
			outs[ext] = p
		}
	}
	if err := checkOutputs(outs); err != nil {
		return err
	}
	if c.toStdout(outs) {
		// The file goes to standard output: every message goes to the
		// error stream, so that `jixiao export --pdf - | …` carries the
		// file alone.
		c = c.fileToStdout()
	}
	// A one-shot command that allocates a few tens of MB: collecting
	// garbage less often makes the export quicker.
	debug.SetGCPercent(400)
	stage := model.StageDeclare
	if *stageName != "" {
		var ok bool
		if stage, ok = model.ParseStage(*stageName); !ok {
			return usageErrorf("--stage 应为 申报、监控 或 自评，不是“%s”", *stageName)
		}
	}
	f, label, err := src.load()
	if err != nil {
		return err
	}
	tpl, remark := formTemplate(f, src.db, src.draft != "" || src.db != "", src.draft)
	if stage != model.StageDeclare {
		return exportStage(c, f, label, stage, outs, tpl)
	}
	if len(outs) == 0 {
		outs["xlsx"] = export.FileName(f, "xlsx")
	}
	if remark != "" {
		c.printf("表样：%s%s\n", templateName(tpl), remark)
	}
	err = writeOutputs(c, label, outs, func(ext string, buf *bytes.Buffer) (rep export.PDFReport, err error) {
		switch ext {
		case "xlsx":
			err = export.WriteXLSXTemplate(buf, f, tpl)
		case "pdf":
			rep, err = export.WritePDFTemplate(buf, f, tpl)
		case "json":
			err = export.WriteJSONTemplate(buf, f, tpl)
		}
		return rep, err
	}, func(ext, p string, pages int) string {
		switch ext {
		case "xlsx":
			return fmt.Sprintf("已导出 Excel：%s", p)
		case "pdf":
			return fmt.Sprintf("已导出 PDF（%d 页）：%s", pages, p)
		}
		return fmt.Sprintf("已导出 JSON：%s", p)
	})
	if err != nil {
		return err
	}
	warnTable(c, f, model.StageDeclare, tpl)
	return nil
}

// writeOutputs writes each requested file of outs (by extension, in the
// order xlsx, pdf, json) with writeOut and prints, for each,
// the line done gives (the path, and a PDF's page count). Nothing
// is written for a format whose writer fails.
func writeOutputs(c *cli, label string, outs map[string]string, write func(ext string, buf *bytes.Buffer) (export.PDFReport, error), done func(ext, path string, pages int) string) error {
	for _, ext := range []string{"xlsx", "pdf", "json"} {
		p, ok := outs[ext]
		if !ok {
			continue
		}
		var buf bytes.Buffer
		rep, err := write(ext, &buf)
		if err != nil {
			return userErrorf("“%s”导出失败：%w", label, err)
		}
		if err := c.writeOut(p, buf.Bytes()); err != nil {
			return err
		}
		shown := p
		if p == "-" {
			shown = "标准输出"
		}
		c.printf("%s\n", done(ext, shown, rep.Pages))
		if len(rep.Missing) > 0 {
			c.printf("注意：内置字体中没有这些字符，PDF 中以 □ 代替：%s\n", describeRunes(rep.Missing))
		}
	}
	return nil
}

// warnTable says, after the table of stage s of f was exported with
// errors or unreadable amounts, what the files show (the marks are in the
// files too): the errors counted are the table's own (model.JudgeTable),
// found by the rules of tpl, the form's template the files are laid out in
// (as check finds them).
func warnTable(c *cli, f *model.Form, s model.Stage, tpl *model.Template) {
	if v := model.JudgeTable(model.CheckWith(f, tpl), s); !v.Passed() {
		c.printf("注意：%s%s，导出的文件每页页眉都标有“未通过审核”；运行 jixiao check 查看要改正的地方。\n", model.TableName(s), v.Mark())
	}
	if note := (model.Sums{Invalid: model.TableInvalid(f, s)}).IncompleteNote(); note != "" {
		c.printf("注意：%s，文件的合计行已注明。\n", note)
	}
}

// describeRunes lists characters with their code points: “≒”(U+2252).
func describeRunes(rs []rune) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("“%c”(U+%04X)", r, r))
	}
	return strings.Join(parts, "、")
}

// checkOutputs refuses two outputs that name the same file (by its
// path, or by where its links lead) and more than one "-".
func checkOutputs(outs map[string]string) error {
	seen := map[string]string{}
	for _, ext := range []string{"xlsx", "pdf", "json"} {
		p, ok := outs[ext]
		if !ok {
			continue
		}
		key := p
		if p != "-" {
			if t, err := atomicfile.Resolve(p); err == nil {
				key = t.File
			}
			key, _ = filepath.Abs(key)
		}
		if other, dup := seen[key]; dup {
			if p == "-" {
				return usageErrorf("--%s 和 --%s 都写到标准输出（-）：一次只能有一个文件写到标准输出，另一个请给出文件名", other, ext)
			}
			return usageErrorf("--%s 和 --%s 指定了同一个文件“%s”", other, ext, p)
		}
		seen[key] = ext
	}
	return nil
}

// toStdout reports whether one of outs is standard output: "-", or a
// path that leads to the same file or pipe (/dev/stdout, /dev/fd/1).
func (c *cli) toStdout(outs map[string]string) bool {
	for _, p := range outs {
		if p == "-" {
			return true
		}
		f, ok := c.stdout.(*os.File)
		if !ok {
			continue
		}
		a, err1 := f.Stat()
		b, err2 := os.Stat(p)
		if err1 == nil && err2 == nil && os.SameFile(a, b) {
			return true
		}
	}
	return false
}

// writeOut writes data to path, or to standard output when path is "-".
// A file goes through internal/atomicfile, the one writer of every file
// jixiao writes: a plain file is replaced in one step (never half
// written), a link's target is replaced and the link stays, a device or
// a pipe is written to and never replaced; its error says in the clerk's
// words what went wrong (open in Excel or WPS, read-only folder, full
// disk, a folder) and that the old file is untouched.
func (c *cli) writeOut(path string, data []byte) error {
	if path == "-" {
		if _, err := c.out().Write(data); err != nil {
			return userErrorf("无法写到标准输出：%v", err)
		}
		return nil
	}
	if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
		return userErr(err)
	}
	return nil
}

func runImport(c *cli, args []string) error {
	fs := flags("import")
	db := dbFlag(fs)
	into := fs.String("into", "", "草稿编号：把运行监控表/自评表的数值导入该草稿")
	in := inFlag(fs, "要导入的文件")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	pos = in.files(pos)
	switch {
	case len(pos) == 0:
		return usageErrorf("请给出要导入的文件（.xlsx、.xls、.et、.docx 或 .json）")
	case len(pos) > 1:
		return usageErrorf("一次只能导入一个文件，多了：%s", pos[1])
	}
	if id := strings.TrimSpace(*into); id != "" {
		return importInto(c, *db, pos[0], id)
	}
	// Read the file first: a file that cannot be read leaves the drafts
	// file untouched (it is only read for its imported templates, by which
	// a sheet without our hidden data is recognised too).
	f, rep, err := export.ImportFile(pos[0], importOptions(*db))
	var sw *export.StageWorkbookError
	if errors.As(err, &sw) {
		return stageNotNew(*db, pos[0], sw.Info)
	}
	if err != nil {
		return userErr(err)
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	set, err := settleTemplate(st, f, rep)
	if err != nil {
		return err
	}
	id, err := st.Create(f)
	if err != nil {
		return storeErr(err, "")
	}
	c.printf("%s\n", rep.String())
	for _, n := range set.notes {
		c.printf("%s\n", n)
	}
	if set.moved != nil {
		// the file's version stays among the draft's revisions
		if err := st.Save(id, set.moved); err != nil {
			return storeErr(err, id)
		}
		c.printf("按文件中的第%d版读取后，已迁移到本机最新的第%d版：\n", set.m.From.Version, set.m.To.Version)
		for _, l := range set.m.Lines() {
			c.printf("  %s\n", l)
		}
		c.printf("迁移前按第%d版读取的内容留在草稿的历史版本中。\n", set.m.From.Version)
		f = set.moved
	}
	year := yearLabel(f.Year)
	if strings.TrimSpace(f.Year) != "" {
		year += "年度"
	}
	c.printf("已导入为新草稿（%s %s），编号：\n%s\n", deptLabel(f.Dept), year, id)
	return nil
}
