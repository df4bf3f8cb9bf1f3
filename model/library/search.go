package library

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"

	"jixiao/model"
)

// Query is a search of the 指标库: words (separated by blanks, all
// of which must match) and filters.
type Query struct {
	// Text is what the clerk typed. Each word matches any part of an
	// entry's 一级/二级/三级 name, 指标值, explanation, note, formula or
	// source, ignoring blanks, case and full-width forms; a word of
	// Latin letters also matches the pinyin initials of the name or of
	// the 一级/二级 (yszxl → 预算执行率), any reading of a 多音字.
	Text string
	// Source, Level1 and Level2 keep only entries with exactly that
	// source, 一级 or 二级指标 ("" keeps all).
	Source, Level1, Level2 string
}

// Index is a library prepared for searching as the clerk types.
type Index struct {
	entries []Entry
	docs    []libDoc
}

type libDoc struct {
	name, levels, body  string   // folded texts
	nameInit, levelInit []uint64 // per rune: letters and digits it may start with
}

// NewIndex prepares entries for Search; it keeps them as given.
func NewIndex(entries []Entry) *Index {
	x := &Index{entries: entries, docs: make([]libDoc, len(entries))}
	for i, e := range entries {
		in := e.Indicator
		d := &x.docs[i]
		d.name = foldSearch(in.Name())
		if in.Sub != "" {
			d.name += "\x00" + foldSearch(in.Level3)
		}
		d.levels = foldSearch(in.Level1) + "\x00" + foldSearch(in.Level2)
		var body strings.Builder
		for _, s := range []string{in.Value, in.Unit, in.Explain, in.Note, in.Formula, e.Source, e.Ref} {
			body.WriteString(foldSearch(s))
			body.WriteByte(0)
		}
		if f, ok := model.FormulaFor(in.Formula); ok {
			body.WriteString(foldSearch(f.Text))
		}
		for _, u := range e.Used {
			body.WriteString(foldSearch(u.Year + u.Value))
			body.WriteByte(0)
		}
		d.body = body.String()
		d.nameInit = initials(in.Name())
		d.levelInit = initials(in.Level1 + "\x00" + in.Level2 + "\x00" + in.Level3)
	}
	return x
}

// Entries are the indexed entries, in the order given.
func (x *Index) Entries() []Entry { return x.entries }

// Search returns the positions (in Entries) of the entries that match q,
// best first: a name equal to a word, then names starting with it, names
// containing it, names matching by pinyin initials, 一级/二级 matches, and
// last matches in the other texts; ties keep the library's order. An
// empty Text matches every entry that passes the filters.
func (x *Index) Search(q Query) []int {
	words := strings.Fields(q.Text)
	folded := make([]string, len(words))
	letters := make([]string, len(words))
	for i, w := range words {
		folded[i] = foldSearch(w)
		if isInitials(folded[i]) {
			letters[i] = folded[i]
		}
	}
	type hit struct{ i, rank int }
	var hits []hit
	for i := range x.docs {
		e := &x.entries[i]
		if q.Source != "" && e.Source != q.Source || q.Level1 != "" && e.Indicator.Level1 != q.Level1 || q.Level2 != "" && e.Indicator.Level2 != q.Level2 {
			continue
		}
		rank := 0
		for j, w := range folded {
			r := x.docs[i].rank(w, letters[j])
			if r < 0 {
				rank = -1
				break
			}
			rank = max(rank, r)
		}
		if rank >= 0 {
			hits = append(hits, hit{i, rank})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(a.rank, b.rank) })
	out := make([]int, len(hits))
	for i, h := range hits {
		out[i] = h.i
	}
	return out
}

// rank is how well one folded word matches d (lower is better), or -1.
func (d *libDoc) rank(w, letters string) int {
	if w == "" {
		return 0
	}
	switch i := strings.Index(d.name, w); {
	case d.name == w:
		return 0
	case i == 0:
		return 1
	case i > 0:
		return 2
	}
	if letters != "" {
		switch i := matchInitials(d.nameInit, letters); {
		case i == 0:
			return 3
		case i > 0:
			return 4
		}
	}
	if strings.Contains(d.levels, w) || letters != "" && matchInitials(d.levelInit, letters) >= 0 {
		return 5
	}
	if strings.Contains(d.body, w) {
		return 6
	}
	return -1
}

// foldSearch lowercases, folds full-width ASCII and drops blanks.
func foldSearch(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r = model.FoldRune(r); {
		case r < 0:
			continue
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= 0x80 && !unicode.Is(unicode.Han, r):
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isInitials reports whether w is made of Latin letters and digits only,
// with at least one letter: a word to try as pinyin initials.
func isInitials(w string) bool {
	letter := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			letter = true
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letter
}

// initialBit is the bit of letter or digit c in an initials mask.
func initialBit(c byte) uint64 {
	switch {
	case c >= 'a' && c <= 'z':
		return 1 << (c - 'a')
	case c >= '0' && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 0
}

// initials returns, for each rune of s that is a letter, digit or Han
// character, the set of letters it may start with (every reading of a
// 多音字: 率 → l, s; 行 → x, h); other runes separate words (mask 0).
func initials(s string) []uint64 {
	out := make([]uint64, 0, len(s)/3)
	for _, r := range s {
		if r = model.FoldRune(r); r < 0 {
			continue
		}
		var m uint64
		if r < 0x80 {
			m = initialBit(byte(unicode.ToLower(r)))
		} else {
			m = hanInitials(r)
		}
		out = append(out, m)
	}
	return out
}

// matchInitials is the first rune position where letters match masks
// rune by rune, or -1. Runes with no initial (punctuation such as “ or （)
// inside the run are skipped.
func matchInitials(masks []uint64, letters string) int {
	for start := range masks {
		if masks[start] == 0 {
			continue
		}
		i, j := start, 0
		for i < len(masks) && j < len(letters) {
			if masks[i] == 0 {
				i++
				continue
			}
			if masks[i]&initialBit(letters[j]) == 0 {
				break
			}
			i++
			j++
		}
		if j == len(letters) {
			return start
		}
	}
	return -1
}

// hanInitials is the set of first letters of every reading of Han
// character r in go-pinyin's dictionary (率 "lǜ,shuài" → l, s); 0 when
// r has none. It reads the dictionary directly: no allocation.
func hanInitials(r rune) uint64 {
	readings, ok := pinyin.Dict()[int(r)]
	if !ok {
		return 0
	}
	var m uint64
	first := true
	for _, c := range readings {
		switch {
		case c == ',':
			first = true
		case first:
			first = false
			m |= initialBit(byte(baseLetter(c)))
		}
	}
	return m
}

// baseLetter is the Latin letter of a pinyin letter with a tone mark
// (ā → a, ǹ → n, ḿ → m); c itself when it has none.
func baseLetter(c rune) rune {
	if c < 0x80 {
		return unicode.ToLower(c)
	}
	for _, g := range [...]struct {
		base  rune
		toned string
	}{{'a', "āáǎà"}, {'e', "ēéěèê"}, {'i', "īíǐì"}, {'o', "ōóǒò"}, {'u', "ūúǔùüǖǘǚǜ"}, {'n', "ńňǹ"}, {'m', "ḿ"}} {
		if strings.ContainsRune(g.toned, c) {
			return g.base
		}
	}
	return c
}
