package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// colsLayout places its objects side by side in columns of fixed widths;
// the column at flex (or several, see flexes) takes the remaining width.
// Hidden objects take no column. Every row of a table uses the same
// widths, so headers and cells line up.
type colsLayout struct {
	widths []float32 // per object; 0 means flexible
}

func newCols(widths ...float32) *colsLayout { return &colsLayout{widths: widths} }

func (l *colsLayout) width(i int) float32 {
	if i < len(l.widths) {
		return l.widths[i]
	}
	return 0
}

func (l *colsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, flex, n := float32(0), 0, 0
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		n++
		if w := l.width(i); w > 0 {
			fixed += w
		} else {
			flex++
		}
	}
	if n == 0 {
		return
	}
	rest := size.Width - fixed - pad*float32(n-1)
	flexW := float32(0)
	if flex > 0 && rest > 0 {
		flexW = rest / float32(flex)
	}
	x := float32(0)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		w := l.width(i)
		if w == 0 {
			w = flexW
		}
		h := size.Height
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

func (l *colsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w, h, n := float32(0), float32(0), 0
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		n++
		ms := o.MinSize()
		if cw := l.width(i); cw > 0 {
			w += cw
		} else {
			w += 60
		}
		h = max(h, ms.Height)
	}
	if n > 1 {
		w += pad * float32(n-1)
	}
	return fyne.NewSize(w, h)
}
