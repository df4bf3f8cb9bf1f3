package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"jixiao/export/internal/limits"
)

// Reading a PDF's pages. The file's structure (cross-reference tables and
// streams, object streams, encryption, filters) is read by pdfcpu, which
// is maintained and has resource limits of its own (decoded bytes, object
// counts, recursion depth); what the pages draw is interpreted here
// (content.go, font.go), because no maintained pure-Go library
// gives positioned text from CID fonts: github.com/ledongthuc/pdf and
// github.com/dslipak/pdf (forks of rsc.io/pdf) place every glyph of a
// Type0 font at the start of its string (they look widths up in /Widths,
// which such fonts lack), and they have no bound on a stream's decoded
// size nor on a cross-reference table's declared entries.
//
// Limits for hostile files: the file is at most limits.MaxFileSize; pdfcpu's
// limits below; every stream is decoded to at most maxPDFStream bytes and
// all of them together to maxPDFDecoded; the interpreter's counts in
// content.go; at most maxPDFPages pages; the whole read under
// pdfReadTimeout. A panic inside pdfcpu or here is turned into a plain
// message (Read).

const (
	maxPDFStream   = 16 << 20
	maxPDFDecoded  = 96 << 20
	maxPDFPages    = 2000
	pdfReadTimeout = 30 * time.Second
)

var errPDFPassword = errors.New("password")

type pdfReader struct {
	ctx       *model.Context
	fontCache map[int]*pdfFont
	ops       int
	forms     int
	decoded   int64
	tooBig    bool // a bound was reached: what was read so far is kept
	encrypted bool // encrypted, readable without a password
}

var pdfcpuOnce sync.Once

func pdfConfig() *model.Configuration {
	pdfcpuOnce.Do(func() {
		// pdfcpu would otherwise create a configuration directory in the
		// user's home on first use.
		model.ConfigPath = "disable"
	})
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Offline = true
	conf.DecodeAllStreams = false
	conf.Limits = model.ResourceLimits{
		MaxStreamBytes:       limits.MaxFileSize,
		MaxDecodeBytes:       maxPDFStream,
		MaxImagePixels:       1 << 20,
		MaxImageBytes:        maxPDFStream,
		MaxObjectCount:       500_000,
		MaxObjectStreamCount: 100_000,
		MaxObjectStreamFirst: 1 << 20,
		MaxXRefEntries:       500_000,
		MaxRecursionDepth:    50,
	}
	return conf
}

// errPDFCPU is a panic inside pdfcpu (it has some on malformed files,
// e.g. a trailer without a usable /Root): the file is taken as damaged.
type errPDFCPU struct{ v any }

func (e errPDFCPU) Error() string { return fmt.Sprintf("pdfcpu: %v", e.v) }

// safely runs fn, a call into pdfcpu, turning its panic into an error.
func safely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errPDFCPU{r}
		}
	}()
	return fn()
}

// readPDF reads the pages of data.
func readPDF(data []byte) ([]pdfPage, *pdfReader, error) {
	c, cancel := context.WithTimeout(context.Background(), pdfReadTimeout)
	defer cancel()
	var ctx *model.Context
	err := safely(func() (err error) {
		ctx, err = pdfcpu.ReadWithContext(c, bytes.NewReader(data), pdfConfig())
		if err != nil {
			return err
		}
		if ctx.RootDict == nil && ctx.Root == nil {
			return errors.New("no root")
		}
		return ctx.EnsurePageCount()
	})
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) {
			return nil, nil, errPDFPassword
		}
		return nil, nil, err
	}
	rd := &pdfReader{ctx: ctx, fontCache: map[int]*pdfFont{}, encrypted: ctx.Encrypt != nil}
	n := min(ctx.PageCount, maxPDFPages)
	var pages []pdfPage
	deadline := time.Now().Add(pdfReadTimeout)
	for i := 1; i <= n; i++ {
		if time.Now().After(deadline) {
			rd.tooBig = true
			break
		}
		var d types.Dict
		var inh *model.InheritedPageAttrs
		if err := safely(func() (err error) {
			d, _, inh, err = ctx.PageDict(i, false)
			return err
		}); err != nil || d == nil {
			continue
		}
		pg := pdfPage{n: i, w: 595, h: 842}
		if inh != nil && inh.MediaBox != nil {
			mb := inh.MediaBox
			pg.x0, pg.y0, pg.w, pg.h = mb.LL.X, mb.LL.Y, mb.Width(), mb.Height()
		}
		var res types.Dict
		if inh != nil {
			res = inh.Resources
		}
		in := &interp{rd: rd, page: &pg, gs: gstate{ctm: identity, th: 1}}
		in.run(rd.pageContent(d), res, 0)
		pages = append(pages, pg)
		if rd.tooBig {
			break
		}
	}
	if ctx.PageCount > maxPDFPages {
		rd.tooBig = true
	}
	return pages, rd, nil
}

// pageContent is the page's content streams, decoded and joined.
func (rd *pdfReader) pageContent(d types.Dict) []byte {
	var out []byte
	add := func(o types.Object) {
		sd, ok := rd.deref(o).(types.StreamDict)
		if !ok {
			return
		}
		if b, ok := rd.decode(&sd); ok {
			out = append(out, b...)
			out = append(out, '\n')
		}
	}
	switch c := rd.deref(d["Contents"]).(type) {
	case types.StreamDict:
		if b, ok := rd.decode(&c); ok {
			out = b
		}
	case types.Array:
		for i, o := range c {
			if i >= 10_000 {
				break
			}
			add(o)
		}
	}
	return out
}

// decode decodes a stream within the limits; false when it cannot be.
func (rd *pdfReader) decode(sd *types.StreamDict) ([]byte, bool) {
	if rd.decoded >= maxPDFDecoded {
		rd.tooBig = true
		return nil, false
	}
	if err := safely(func() error { return sd.DecodeWithLimit(min(maxPDFStream, maxPDFDecoded-rd.decoded)) }); err != nil {
		return nil, false
	}
	rd.decoded += int64(len(sd.Content))
	return sd.Content, true
}

// deref follows indirect references (a bounded chain).
func (rd *pdfReader) deref(o types.Object) types.Object {
	for range 8 {
		ref, ok := o.(types.IndirectRef)
		if !ok {
			return o
		}
		var v types.Object
		if err := safely(func() (err error) {
			v, err = rd.ctx.Dereference(ref)
			return err
		}); err != nil {
			return nil
		}
		o = v
	}
	return nil
}

func (rd *pdfReader) name(d types.Dict, key string) string {
	if n, ok := rd.deref(d[key]).(types.Name); ok {
		return string(n)
	}
	return ""
}

func (rd *pdfReader) number(o types.Object) (float64, bool) {
	switch v := rd.deref(o).(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}
