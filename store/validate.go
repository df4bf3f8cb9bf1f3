package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's on-disk layout (go.etcd.io/bbolt/internal/common), read here by
// hand so that a damaged file is recognised before bbolt maps it: bbolt
// trusts its file and may read past the end of the mapping (a fatal
// fault, not a panic) when the page numbers are garbage.
const (
	boltMagic    = 0xED0CDAED
	boltVersion  = 2
	pageHeader   = 16 // id u64, flags u16, count u16, overflow u32
	metaSize     = 64 // magic, version, pageSize, flags u32; root, seq, freelist, pgid, txid, checksum u64
	metaSumBytes = 56 // the checksum covers the meta up to itself

	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagMeta     = 0x04
	flagFreelist = 0x10

	noFreelist = ^uint64(0)

	bucketLeafFlag = 0x01
	elemSize       = 16 // branch and leaf page elements
	inBucketSize   = 16 // root u64, sequence u64
)

var ne = binary.NativeEndian

type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64
	txid     uint64
	ok       bool   // magic, version and checksum are right
	why      string // why not ok
}

func parseMeta(page []byte) boltMeta {
	if len(page) < pageHeader+metaSize {
		return boltMeta{why: "文件太短"}
	}
	m := page[pageHeader : pageHeader+metaSize]
	bm := boltMeta{
		pageSize: ne.Uint32(m[8:]),
		root:     ne.Uint64(m[16:]),
		freelist: ne.Uint64(m[32:]),
		pgid:     ne.Uint64(m[40:]),
		txid:     ne.Uint64(m[48:]),
	}
	h := fnv.New64a()
	h.Write(m[:metaSumBytes])
	switch {
	case ne.Uint32(m[0:]) != boltMagic:
		bm.why = "文件开头的标记不对，这不是 jixiao 的数据文件，或者文件开头已被破坏"
	case ne.Uint32(m[4:]) != boltVersion:
		bm.why = fmt.Sprintf("数据文件格式版本 %d 无法识别", ne.Uint32(m[4:]))
	case h.Sum64() != ne.Uint64(m[56:]):
		bm.why = "文件头的校验和不符"
	case ne.Uint16(page[8:])&flagMeta == 0:
		bm.why = "文件头的页面类型不对"
	case bm.pageSize < 512 || bm.pageSize > 1<<20 || bm.pageSize&(bm.pageSize-1) != 0:
		bm.why = fmt.Sprintf("文件头的页面大小 %d 不对", bm.pageSize)
	default:
		bm.ok = true
	}
	return bm
}

// validateFile checks what bbolt would trust: that a meta page is sound,
// that the file is as long as the meta says, and that every page reachable
// from the root lies inside the file and has the right type. It returns ""
// when the file is sound, else the reason in Chinese.
func validateFile(f *os.File) string {
	st, err := f.Stat()
	if err != nil {
		return fmt.Sprintf("无法读取文件（%v）", err)
	}
	size := st.Size()
	if size == 0 {
		return "文件是空的（0 字节），里面没有任何数据"
	}
	first := make([]byte, 4096)
	n, _ := io.ReadFull(f, first)
	first = first[:n]
	m0 := parseMeta(first)
	// The second meta page sits one page further; its page size comes from
	// the first meta, or, when that is damaged, is one of the usual sizes.
	sizes := []uint32{4096, 8192, 16384, 32768, 65536, uint32(os.Getpagesize())}
	if m0.ok {
		sizes = []uint32{m0.pageSize}
	}
	var m1 boltMeta
	for _, ps := range sizes {
		buf := make([]byte, pageHeader+metaSize)
		if _, err := f.ReadAt(buf, int64(ps)); err != nil {
			m1 = boltMeta{why: "文件太短"}
			continue
		}
		if m1 = parseMeta(buf); m1.ok && (!m0.ok || m1.pageSize == m0.pageSize) {
			break
		}
	}
	// As bbolt does: the meta with the higher transaction id, if sound,
	// else the other.
	a, b := m0, m1
	if m1.txid > m0.txid {
		a, b = m1, m0
	}
	meta := a
	if !a.ok {
		meta = b
	}
	if !meta.ok {
		if size < 2*512 {
			return fmt.Sprintf("文件太短（只有 %d 字节），不是完整的数据文件", size)
		}
		return m0.why
	}
	ps := int64(meta.pageSize)
	if size < 2*ps {
		return fmt.Sprintf("文件被截断了（只有 %d 字节）", size)
	}
	if want := int64(meta.pgid) * ps; meta.pgid > uint64(size) || want > size {
		return fmt.Sprintf("文件被截断了（应至少有 %d 字节，实际只有 %d 字节）", int64(meta.pgid)*ps, size)
	}
	w := &walker{f: f, ps: ps, hwm: meta.pgid, seen: map[uint64]bool{}}
	if meta.freelist != noFreelist {
		if r := w.freelist(meta.freelist); r != "" {
			return "文件内部结构已损坏（" + r + "）"
		}
	}
	if meta.root != 0 {
		if r := w.tree(meta.root, 0); r != "" {
			return "文件内部结构已损坏（" + r + "）"
		}
	}
	return ""
}

// walker reads the page tree with ReadAt, never through a mapping.
type walker struct {
	f    *os.File
	ps   int64
	hwm  uint64
	seen map[uint64]bool
}

const maxDepth = 64

// page reads page id with its overflow pages after checking the bounds.
func (w *walker) page(id uint64) ([]byte, string) {
	if id < 2 || id >= w.hwm {
		return nil, fmt.Sprintf("第 %d 页超出了文件范围", id)
	}
	if w.seen[id] {
		return nil, fmt.Sprintf("第 %d 页被重复引用", id)
	}
	w.seen[id] = true
	hdr := make([]byte, pageHeader)
	if _, err := w.f.ReadAt(hdr, int64(id)*w.ps); err != nil {
		return nil, fmt.Sprintf("第 %d 页无法读取（%v）", id, err)
	}
	if ne.Uint64(hdr) != id {
		return nil, fmt.Sprintf("第 %d 页的页号不对", id)
	}
	over := uint64(ne.Uint32(hdr[12:]))
	if id+over >= w.hwm {
		return nil, fmt.Sprintf("第 %d 页的长度超出了文件范围", id)
	}
	buf := make([]byte, int64(over+1)*w.ps)
	if _, err := w.f.ReadAt(buf, int64(id)*w.ps); err != nil {
		return nil, fmt.Sprintf("第 %d 页无法读取（%v）", id, err)
	}
	return buf, ""
}

func (w *walker) freelist(id uint64) string {
	p, r := w.page(id)
	if r != "" {
		return "空闲页列表：" + r
	}
	if ne.Uint16(p[8:])&flagFreelist == 0 {
		return fmt.Sprintf("第 %d 页应为空闲页列表，类型不对", id)
	}
	n, off := uint64(ne.Uint16(p[10:])), uint64(pageHeader)
	if n == 0xFFFF {
		n, off = ne.Uint64(p[pageHeader:]), pageHeader+8
	}
	if off+n*8 > uint64(len(p)) {
		return fmt.Sprintf("第 %d 页（空闲页列表）的长度不对", id)
	}
	for i := uint64(0); i < n; i++ {
		if fid := ne.Uint64(p[off+i*8:]); fid < 2 || fid >= w.hwm {
			return fmt.Sprintf("空闲页列表中的第 %d 页超出了文件范围", fid)
		}
	}
	return ""
}

// tree checks the B+tree rooted at page id.
func (w *walker) tree(id uint64, depth int) string {
	if depth > maxDepth {
		return "页面层次过深"
	}
	p, r := w.page(id)
	if r != "" {
		return r
	}
	return w.nodes(p, id, depth)
}

// nodes checks the elements of page p (a stored page, or an inline bucket's
// page when id is 0).
func (w *walker) nodes(p []byte, id uint64, depth int) string {
	if len(p) < pageHeader {
		return "内嵌数据不完整"
	}
	flags, count := ne.Uint16(p[8:]), int(ne.Uint16(p[10:]))
	if pageHeader+count*elemSize > len(p) {
		return fmt.Sprintf("第 %d 页的元素个数不对", id)
	}
	for i := 0; i < count; i++ {
		e := p[pageHeader+i*elemSize:]
		at := pageHeader + i*elemSize
		switch {
		case flags&flagBranch != 0:
			pos, ksize, child := int(ne.Uint32(e[0:])), int(ne.Uint32(e[4:])), ne.Uint64(e[8:])
			if at+pos+ksize > len(p) || pos < 0 {
				return fmt.Sprintf("第 %d 页的键超出了页面", id)
			}
			if r := w.tree(child, depth+1); r != "" {
				return r
			}
		case flags&flagLeaf != 0:
			eflags, pos, ksize, vsize := ne.Uint32(e[0:]), int(ne.Uint32(e[4:])), int(ne.Uint32(e[8:])), int(ne.Uint32(e[12:]))
			end := at + pos + ksize + vsize
			if pos < 0 || end > len(p) || end < at {
				return fmt.Sprintf("第 %d 页的数据超出了页面", id)
			}
			if eflags&bucketLeafFlag == 0 {
				continue
			}
			v := p[at+pos+ksize : end]
			if len(v) < inBucketSize {
				return fmt.Sprintf("第 %d 页的子表记录不完整", id)
			}
			if root := ne.Uint64(v); root != 0 {
				if r := w.tree(root, depth+1); r != "" {
					return r
				}
			} else if r := w.nodes(v[inBucketSize:], 0, depth+1); r != "" {
				return r
			}
		default:
			return fmt.Sprintf("第 %d 页的类型不对", id)
		}
	}
	return ""
}
