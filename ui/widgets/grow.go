// Package widgets holds the editor's custom Fyne widgets.
package widgets

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// GrowEntry is a multi-line, word-wrapping entry that is as tall as its
// whole text at the width it is given, so that nothing is hidden and it
// never scrolls inside itself: the mouse wheel over it scrolls the page
// (the list or scroll around it) instead of being swallowed.
//
// Fyne's Entry puts its text in a scroller of its own; the wheel goes to
// the deepest scrollable object under the pointer, which is that inner
// scroller, so a page made of text boxes would not scroll. GrowEntry's
// renderer shows the text area without the inner scroller (the text is
// never taller than the entry, so there is nothing to scroll) and reports
// the height its text needs through MinSize and OnHeight.
//
// Tab moves the focus to the next field (AcceptsTab is false).
type GrowEntry struct {
	widget.Entry

	// MinRows is the least number of text rows shown (1 when 0).
	MinRows int
	// OnHeight, when set, is called with the entry's new minimum height
	// when the height its text needs at its width changes (after a
	// layout): a list sets the item's height here, a box lays itself out.
	OnHeight func(h float32)

	need float32 // height that shows the whole text at the current width
}

// NewGrowEntry returns an empty GrowEntry showing at least rows rows.
func NewGrowEntry(rows int) *GrowEntry {
	g := &GrowEntry{MinRows: rows}
	g.ExtendBaseWidget(g)
	g.MultiLine = true
	g.Wrapping = fyne.TextWrapWord
	g.SetMinRowsVisible(max(rows, 1))
	return g
}

// AcceptsTab implements fyne.Tabbable: Tab moves the focus.
func (g *GrowEntry) AcceptsTab() bool { return false }

// MinSize is the entry's own minimum size, made as tall as the whole text
// needs at the entry's current width.
func (g *GrowEntry) MinSize() fyne.Size {
	m := g.Entry.MinSize()
	if g.need > m.Height {
		m.Height = g.need
	}
	return m
}

// Need is the height that shows the whole text at the current width (0
// before the first layout).
func (g *GrowEntry) Need() float32 { return g.need }

// CreateRenderer wraps the entry's renderer: the inner scroller is left
// out of the object tree and its content is shown in a plain holder at
// the scroller's place.
func (g *GrowEntry) CreateRenderer() fyne.WidgetRenderer {
	g.ExtendBaseWidget(g)
	inner := g.Entry.CreateRenderer()
	r := &growRenderer{WidgetRenderer: inner, g: g}
	for _, o := range inner.Objects() {
		if _, ok := o.(fyne.Scrollable); ok {
			if c := ContentOf(o); c != nil {
				r.scroller, r.content = o, c
				r.holder = container.NewWithoutLayout(c)
			}
		}
	}
	return r
}

// ContentOf is the exported Content field of o when o is a pointer to a
// struct that has one — Fyne's internal scroller and overlay container
// (their types are internal to Fyne, their Content fields exported) — else
// nil.
func ContentOf(o fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return nil
	}
	c, _ := f.Interface().(fyne.CanvasObject)
	return c
}

type growRenderer struct {
	fyne.WidgetRenderer
	g                 *GrowEntry
	scroller, content fyne.CanvasObject
	holder            *fyne.Container
	objs              []fyne.CanvasObject
	src               []fyne.CanvasObject
}

func (r *growRenderer) MinSize() fyne.Size { return r.WidgetRenderer.MinSize() }

func (r *growRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	if r.holder == nil {
		return
	}
	r.holder.Move(r.scroller.Position())
	r.holder.Resize(r.scroller.Size())
	// The scroller may have moved the text to show the cursor while the
	// entry was too low; once it is tall enough the text starts at the top.
	if r.content.Position().Y < 0 && r.content.Size().Height <= r.scroller.Size().Height+1 {
		r.content.Move(fyne.NewPos(r.content.Position().X, 0))
	}
	r.measure()
}

// measure works out the height the text needs at the current width and
// reports a change.
func (r *growRenderer) measure() {
	textH := r.content.MinSize().Height
	pos := r.scroller.Position()
	need := textH + 2*pos.Y
	if need < 1 || need == r.g.need {
		return
	}
	before := r.g.MinSize().Height
	r.g.need = need
	if after := r.g.MinSize().Height; after != before && r.g.OnHeight != nil {
		r.g.OnHeight(after)
	}
}

func (r *growRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	if r.holder != nil {
		// the text may have changed: re-measure at the same width
		r.measure()
	}
}

// Objects are the entry's objects with the inner scroller replaced by the
// holder of its content.
func (r *growRenderer) Objects() []fyne.CanvasObject {
	src := r.WidgetRenderer.Objects()
	if r.holder == nil {
		return src
	}
	if len(src) == len(r.src) && (len(src) == 0 || &src[0] == &r.src[0]) {
		return r.objs
	}
	r.src = src
	r.objs = make([]fyne.CanvasObject, len(src))
	for i, o := range src {
		if o == r.scroller {
			o = r.holder
		}
		r.objs[i] = o
	}
	return r.objs
}
