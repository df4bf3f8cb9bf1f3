package pdf

import (
	"cmp"
	"fmt"
	"io"
	"time"

	"github.com/signintech/gopdf"

	"jixiao/assets"
	"jixiao/export/internal/layout"
	"jixiao/export/internal/reply"
	"jixiao/model"
)

// The 审核意见 as a PDF (A4 portrait, the bundled font embedded): the
// lines of replyHead, then a table of the findings (序号, 类别, 位置,
// 问题和修改意见) whose header repeats on every page, and 第 N 页 共 M 页.

const (
	replyPageW  = 595.28
	replyPageH  = 841.89
	replyMargin = 40.0
	replyBottom = 44.0
)

// replyStyle is the body text of the table; replyWidths its columns.
var (
	replyStyle  = layout.TextStyle{Size: 9, Line: 12.6, Pad: 6}
	replyWidths = []float64{28, 32, 170, replyPageW - 2*replyMargin - 28 - 32 - 170}
)

// WriteReply writes r's 审核意见 as a PDF; characters the font lacks
// are drawn as □ and listed in the report.
func WriteReply(w io.Writer, r *model.FileReview, when time.Time) (rep Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = model.Errorf(model.EINTERNAL, "生成审核意见 PDF 时出错（%v），文件未写出", p)
		}
	}()
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: replyPageW, H: replyPageH}, Unit: gopdf.UnitPT})
	gp.SetCompressLevel(1)
	gp.SetInfo(gopdf.PdfInfo{Title: "审核意见 " + r.Name, Creator: "jixiao", Producer: "jixiao", CreationDate: when})
	seen := map[rune]bool{}
	opt := gopdf.TtfOption{
		OnGlyphNotFound: func(c rune) {
			if !seen[c] {
				seen[c] = true
				rep.Missing = append(rep.Missing, c)
			}
		},
		OnGlyphNotFoundSubstitute: func(rune) rune { return missingGlyph },
	}
	if err := gp.AddTTFFontDataWithOption(pdfFamily, assets.FontTTF, opt); err != nil {
		return rep, model.Errorf(model.EINTERNAL, "PDF 字体加载失败：%w", err)
	}
	if err := gp.SetFont(pdfFamily, "", 10); err != nil {
		return rep, err
	}
	gp.SetStrokeColor(0, 0, 0)
	gp.SetTextColor(0, 0, 0)
	d := &replyDoc{gp: gp}
	if err := d.render(r, when); err != nil {
		return rep, model.Errorf(model.EINTERNAL, "生成审核意见 PDF 失败：%w", err)
	}
	sw := &stickyWriter{w: w}
	if _, err := gp.WriteTo(sw); err != nil || sw.err != nil {
		return rep, model.Errorf(model.EIO, "写入 PDF 文件失败：%w", cmp.Or(sw.err, err))
	}
	rep.Pages = d.pages
	return rep, nil
}

type replyDoc struct {
	gp    *gopdf.GoPdf
	y     float64
	pages int
	total int // pages in all (known before drawing: layout)
}

func (d *replyDoc) newPage() error {
	if d.pages > 0 {
		if err := d.footer(); err != nil {
			return err
		}
	}
	d.gp.AddPage()
	d.pages++
	d.y = replyMargin
	return nil
}

// text draws lines of s wrapped to width at x, from d.y, at size.
func (d *replyDoc) text(x, width float64, s string, st layout.TextStyle) error {
	for _, ln := range st.Wrap(pdfClean(s), width) {
		if err := d.gp.SetFontSize(st.Size); err != nil {
			return err
		}
		d.gp.SetXY(x, d.y)
		if err := d.gp.CellWithOption(&gopdf.Rect{W: width, H: st.Line}, ln, gopdf.CellOption{Align: gopdf.Left | gopdf.Middle}); err != nil {
			return err
		}
		d.y += st.Line
	}
	return nil
}

var (
	replyTitle = layout.TextStyle{Size: 16, Line: 24}
	replyLine  = layout.TextStyle{Size: 10, Line: 15}
)

// replyHeader is the table's header row.
var replyHeader = []string{"序号", "类别", "位置（在贵单位报来的文件中）", "问题和修改意见"}

// layout returns the table's rows and the page each starts (by the same
// heights render draws them with), so that the footers know the count.
func (d *replyDoc) layout(r *model.FileReview, when time.Time) (rows [][]string, page []int) {
	width := replyPageW - 2*replyMargin
	y := replyMargin + float64(replyTitle.Lines(reply.ReplyHead(r, when)[0], width))*replyTitle.Line + 4
	for _, l := range reply.ReplyHead(r, when)[1:] {
		y += float64(replyLine.Lines(pdfClean(l), width)) * replyLine.Line
	}
	y += 8 + d.height(replyHeader)
	p := 1
	for i, x := range reply.ReplyFindings(r) {
		cells := []string{fmt.Sprint(i + 1), x.Severity.String(), reply.PlaceOrWhere(x), x.Message}
		h := d.height(cells)
		if y+h > replyPageH-replyBottom && y > replyMargin+d.height(replyHeader) {
			p++
			y = replyMargin + d.height(replyHeader)
		}
		rows = append(rows, cells)
		page = append(page, p)
		y += h
	}
	d.total = p
	return rows, page
}

func (d *replyDoc) render(r *model.FileReview, when time.Time) error {
	rows, page := d.layout(r, when)
	if err := d.newPage(); err != nil {
		return err
	}
	width := replyPageW - 2*replyMargin
	head := reply.ReplyHead(r, when)
	if err := d.text(replyMargin, width, head[0], replyTitle); err != nil {
		return err
	}
	d.y += 4
	for _, l := range head[1:] {
		if err := d.text(replyMargin, width, l, replyLine); err != nil {
			return err
		}
	}
	d.y += 8
	if err := d.row(replyHeader, true); err != nil {
		return err
	}
	for i, cells := range rows {
		if page[i] > d.pages {
			if err := d.newPage(); err != nil {
				return err
			}
			if err := d.row(replyHeader, true); err != nil {
				return err
			}
		}
		if err := d.row(cells, false); err != nil {
			return err
		}
	}
	return d.footer()
}

// height is the height of a table row of cells.
func (d *replyDoc) height(cells []string) float64 {
	n := 1
	for i, c := range cells {
		n = max(n, replyStyle.Lines(pdfClean(c), replyWidths[i]-2*pdfPadX))
	}
	return replyStyle.Height(n)
}

// row draws one table row at d.y (a header row is shaded) and moves down.
func (d *replyDoc) row(cells []string, header bool) error {
	h := d.height(cells)
	x := replyMargin
	for i, c := range cells {
		style := "D"
		if header {
			d.gp.SetFillColor(231, 230, 230)
			style = "FD"
		}
		d.gp.RectFromUpperLeftWithStyle(x, d.y, replyWidths[i], h, style)
		d.gp.SetTextColor(0, 0, 0) // text is painted in the fill colour unless set again
		y := d.y
		d.y += replyStyle.Pad / 2
		if err := d.text(x+pdfPadX, replyWidths[i]-2*pdfPadX, c, replyStyle); err != nil {
			return err
		}
		d.y = y
		x += replyWidths[i]
	}
	d.y += h
	return nil
}

// footer writes 第 N 页 共 M 页 under the current page.
func (d *replyDoc) footer() error {
	if err := d.gp.SetFontSize(8); err != nil {
		return err
	}
	d.gp.SetXY(replyMargin, replyPageH-replyBottom+12)
	return d.gp.CellWithOption(&gopdf.Rect{W: replyPageW - 2*replyMargin, H: 12}, fmt.Sprintf("第 %d 页 共 %d 页", d.pages, d.total), gopdf.CellOption{Align: gopdf.Center | gopdf.Middle})
}
