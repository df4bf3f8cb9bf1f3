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
	// keep is the width a flexible column keeps before the wide fixed
	// ones give up theirs (0: flexMin); shrink the share of its width a
	// wide fixed column may give up (0: shrinkMax)
	keep, shrink float32
}

// most is the share of its width a wide column may give up.
func (l *colsLayout) most() float32 {
	if l.shrink > 0 {
		return l.shrink
	}
	return shrinkMax
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
	// On a narrow window the wide fixed columns (amounts, 备注…) give up
	// to shrinkMax of their width so that the flexible ones keep flexMin.
	scale := float32(1)
	if flex > 0 {
		keep := float32(flexMin)
		if l.keep > 0 {
			keep = l.keep
		}
		avail := size.Width - pad*float32(n-1) - keep*float32(flex)
		if wide := l.wide(objs); avail < fixed && wide > 0 {
			scale = max(1-(fixed-avail)/wide, 1-l.most())
		}
	}
	if scale < 1 {
		fixed = 0
		for i, o := range objs {
			if o.Visible() {
				fixed += l.scaled(i, scale)
			}
		}
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
		w := l.scaled(i, scale)
		if w == 0 {
			w = flexW
		}
		h := size.Height
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

// flexMin is the width a flexible column keeps on a narrow window;
// shrinkMax the share of its width a wide fixed column may give up.
const (
	flexMin   = 160
	shrinkMax = 0.3
	wideCol   = 100 // fixed columns at least this wide may shrink
)

// wide is the total width of the visible fixed columns that may shrink.
func (l *colsLayout) wide(objs []fyne.CanvasObject) float32 {
	w := float32(0)
	for i, o := range objs {
		if o.Visible() && l.width(i) >= wideCol {
			w += l.width(i)
		}
	}
	return w
}

// scaled is column i's width with the wide columns scaled by s.
func (l *colsLayout) scaled(i int, s float32) float32 {
	w := l.width(i)
	if w >= wideCol {
		return w * s
	}
	return w
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
		if cw := l.scaled(i, 1-l.most()); cw > 0 {
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

// maxWidthLayout gives its objects the whole width up to max, at the
// leading edge: a form that reads well on a wide window and still fits a
// narrow one.
type maxWidthLayout struct{ max float32 }

func (l maxWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(min(size.Width, l.max), max(size.Height, o.MinSize().Height)))
	}
}

func (l maxWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
