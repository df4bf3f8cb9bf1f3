package export

import (
	"fmt"
	"io"
	"slices"

	"github.com/signintech/gopdf"

	"jixiao/assets"
	"jixiao/model"
)

// headTitle is the running header's title of the layout's table.
func (l *layout) headTitle() string {
	if l.title != "" {
		return l.title
	}
	if l.tpl != nil {
		return l.tpl.Title
	}
	return "市级部门整体绩效目标申报表"
}

// WriteStagePDF writes f's 运行监控表 (StageMonitor) or 自评表 (StageEval)
// as a print-ready A4 PDF, drawn by the declaration's PDF writer (table
// headers repeated after page breaks, font embedded).
func WriteStagePDF(w io.Writer, f *model.Form, stage model.Stage) (rep PDFReport, err error) {
	s, err := buildStage(f, stage)
	if err != nil {
		return rep, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("生成 PDF 时出错（%v），文件未写出", r)
		}
	}()
	s.l.title = s.title
	p := &pdfWriter{l: s.l, runeW: map[rune]float64{}, seen: map[rune]bool{}}
	p.gp = &gopdf.GoPdf{}
	p.gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: pdfPageW, H: pdfPageH}, Unit: gopdf.UnitPT})
	p.gp.SetCompressLevel(1)
	p.gp.SetInfo(gopdf.PdfInfo{Title: s.title + " " + f.Dept + " " + f.Year + "年度", Creator: "jixiao", Producer: "jixiao", CreationDate: f.Meta.Updated})
	opt := gopdf.TtfOption{
		OnGlyphNotFound: func(r rune) {
			if !p.seen[r] {
				p.seen[r] = true
				p.missing = append(p.missing, r)
			}
		},
		OnGlyphNotFoundSubstitute: func(rune) rune { return missingGlyph },
	}
	if err := p.gp.AddTTFFontDataWithOption(pdfFamily, assets.FontTTF, opt); err != nil {
		return rep, fmt.Errorf("PDF 字体加载失败：%v", err)
	}
	if err := p.gp.SetFont(pdfFamily, "", 10); err != nil {
		return rep, err
	}
	p.columns()
	p.measure()
	pages := p.paginate()
	if err := p.draw(pages); err != nil {
		return rep, fmt.Errorf("生成 PDF 失败：%v", err)
	}
	if _, err := p.gp.WriteTo(w); err != nil {
		return rep, fmt.Errorf("写入 PDF 文件失败：%v", err)
	}
	rep.Pages = len(pages)
	rep.Missing = slices.Clone(p.missing)
	return rep, nil
}
