package testfiles

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// SampleXLS is our sample's .xlsx export saved as Excel 97-2003 (.xls) by
// LibreOffice 7.4 (libreoffice --headless --convert-to xls): a real BIFF8
// workbook in an OLE2 compound file, hidden data sheet included.
//
//go:embed sample-libreoffice.xls
var SampleXLS []byte

// CFB wraps stream as the "Workbook" stream of a minimal OLE2 compound
// file (version 3, 512-byte sectors, no mini stream: the stream is padded
// to 4,096 bytes). With cycle, the stream's sector chain points back to
// its own first sector.
func CFB(stream []byte, cycle bool) []byte { return cfbStream("Workbook", stream, cycle) }

// EncryptedXLSX is what Excel writes for an .xlsx with an opening
// password: an OLE2 compound file holding an "EncryptedPackage" stream
// (here with random bytes: no real encryption is needed to be refused).
func EncryptedXLSX() []byte { return cfbStream("EncryptedPackage", Random(4096, 7), false) }

// cfbStream is CFB with the stream named name.
func cfbStream(name string, stream []byte, cycle bool) []byte {
	const sec = 512
	data := append([]byte(nil), stream...)
	if len(data) < 4096 {
		data = append(data, make([]byte, 4096-len(data))...)
	}
	ns := (len(data) + sec - 1) / sec
	nf := 1
	for nf*128 < nf+1+ns {
		nf++
	}
	total := nf + 1 + ns
	out := make([]byte, sec*(1+total))
	h := out[:sec]
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le16 := binary.LittleEndian.PutUint16
	le32 := binary.LittleEndian.PutUint32
	le16(h[24:], 0x3E)
	le16(h[26:], 3)
	le16(h[28:], 0xFFFE)
	le16(h[30:], 9)
	le16(h[32:], 6)
	le32(h[44:], uint32(nf))
	le32(h[48:], uint32(nf)) // first directory sector
	le32(h[56:], 4096)
	le32(h[60:], 0xFFFFFFFE)
	le32(h[68:], 0xFFFFFFFE)
	for i := 0; i < 109; i++ {
		v := uint32(0xFFFFFFFF)
		if i < nf {
			v = uint32(i)
		}
		le32(h[76+4*i:], v)
	}
	sector := func(i int) []byte { return out[sec*(1+i) : sec*(2+i)] }
	fat := make([]uint32, nf*128)
	for i := range fat {
		fat[i] = 0xFFFFFFFF
	}
	for i := 0; i < nf; i++ {
		fat[i] = 0xFFFFFFFD
	}
	fat[nf] = 0xFFFFFFFE
	first := nf + 1
	for i := 0; i < ns; i++ {
		fat[first+i] = uint32(first + i + 1)
	}
	fat[first+ns-1] = 0xFFFFFFFE
	if cycle {
		fat[first+ns-1] = uint32(first)
	}
	for i, v := range fat {
		le32(sector(i / 128)[4*(i%128):], v)
	}
	dir := sector(nf)
	entry := func(i int, name string, typ byte, child, start uint32, size int) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le16(e[2*k:], c)
		}
		le16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le32(e[68:], 0xFFFFFFFF)
		le32(e[72:], 0xFFFFFFFF)
		le32(e[76:], child)
		le32(e[116:], start)
		le32(e[120:], uint32(size))
	}
	entry(0, "Root Entry", 5, 1, 0xFFFFFFFE, 0)
	size := len(data)
	if cycle {
		size = 1<<31 - 1 // the chain never ends: the reader must stop on its own
	}
	entry(1, name, 2, 0xFFFFFFFF, uint32(first), size)
	for i := 2; i < 4; i++ {
		e := dir[128*i : 128*(i+1)]
		le32(e[68:], 0xFFFFFFFF)
		le32(e[72:], 0xFFFFFFFF)
		le32(e[76:], 0xFFFFFFFF)
	}
	for i := 0; i < ns; i++ {
		copy(sector(first+i), data[min(i*sec, len(data)):min((i+1)*sec, len(data))])
	}
	return out
}

// BIFF builds a BIFF8 Workbook stream: one worksheet named sheet, with
// the globals records given (after BOF) and the sheet's records.
type BIFF struct {
	Globals [][]byte // records, each made by Rec
	Sheet   [][]byte
}

// Rec is one BIFF record.
func Rec(typ uint16, data ...[]byte) []byte {
	n := 0
	for _, d := range data {
		n += len(d)
	}
	b := make([]byte, 4, 4+n)
	binary.LittleEndian.PutUint16(b, typ)
	binary.LittleEndian.PutUint16(b[2:], uint16(n))
	for _, d := range data {
		b = append(b, d...)
	}
	return b
}

// U16 and U32 are little-endian fields for Rec.
func U16(v ...int) []byte {
	b := make([]byte, 2*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint16(b[2*i:], uint16(x))
	}
	return b
}

func U32(v ...int) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], uint32(x))
	}
	return b
}

// Stream lays the records out: BOF, globals, BOUNDSHEET, EOF, then the
// sheet's BOF, records and EOF.
func (b BIFF) Stream() []byte {
	bof := func(kind int) []byte { return Rec(0x0809, U16(0x0600, kind, 0, 0), U32(0, 0)) }
	eof := Rec(0x000A)
	name := []byte{6, 0, 'S', 'h', 'e', 'e', 't', '1'}
	boundLen := 4 + 8 + len(name) - 2 // lbPlyPos, state, type, name
	var g []byte
	g = append(g, bof(5)...)
	for _, r := range b.Globals {
		g = append(g, r...)
	}
	pos := len(g) + boundLen + len(eof)
	g = append(g, Rec(0x0085, U32(pos), []byte{0, 0}, name)...)
	g = append(g, eof...)
	g = append(g, bof(0x10)...)
	for _, r := range b.Sheet {
		g = append(g, r...)
	}
	return append(g, eof...)
}

// SST is a shared-strings record holding strs (compressed 8-bit where
// possible, else UTF-16), declaring unique strings.
func SST(unique int, strs ...string) []byte {
	var body []byte
	for _, s := range strs {
		u := utf16.Encode([]rune(s))
		body = append(body, U16(len(u))...)
		body = append(body, 1)
		for _, c := range u {
			body = append(body, U16(int(c))...)
		}
	}
	return Rec(0x00FC, U32(len(strs), unique), body)
}

// hostileXLS are the .xls files of the hostile-files table.
func hostileXLS() []gen {
	label := func(row, col, i int) []byte { return Rec(0x00FD, U16(row, col, 15), U32(i)) }
	number := func(row, col int) []byte { return Rec(0x0203, U16(row, col, 15), make([]byte, 8)) }
	return []gen{
		{"sst-bomb.xls", "an .xls whose shared-string table declares 4 billion strings and holds one", func() ([]byte, error) {
			return CFB(BIFF{Globals: [][]byte{SST(-1, "任务名称")}, Sheet: [][]byte{label(0, 0, 0)}}.Stream(), false), nil
		}},
		{"bad-string-index.xls", "an .xls cell referring to shared string 1,000,000,000 of 1", func() ([]byte, error) {
			return CFB(BIFF{Globals: [][]byte{SST(1, "任务名称")}, Sheet: [][]byte{label(0, 0, 1_000_000_000)}}.Stream(), false), nil
		}},
		{"huge-grid.xls", "an .xls with a number in column 200 of each of 65,536 rows (13 million cells if expanded)", func() ([]byte, error) {
			var recs [][]byte
			for r := 0; r < 65536; r++ {
				recs = append(recs, number(r, 199))
			}
			return CFB(BIFF{Sheet: recs}.Stream(), false), nil
		}},
		{"merge-bomb.xls", "an .xls with 1,000 merged ranges covering all 65,536 × 256 cells", func() ([]byte, error) {
			body := U16(1000)
			for i := 0; i < 1000; i++ {
				body = append(body, U16(0, 65535, 0, 255)...)
			}
			return CFB(BIFF{Sheet: [][]byte{number(65535, 199), Rec(0x00E5, body)}}.Stream(), false), nil
		}},
		{"encrypted.xls", "an .xls with a password (FILEPASS record)", func() ([]byte, error) {
			return CFB(BIFF{Globals: [][]byte{Rec(0x002F, U16(1), make([]byte, 52))}}.Stream(), false), nil
		}},
		{"cyclic-chain.xls", "an .xls whose Workbook stream's sector chain loops back to its start", func() ([]byte, error) {
			return CFB(BIFF{Globals: [][]byte{SST(1, "任务名称")}, Sheet: [][]byte{label(0, 0, 0)}}.Stream(), true), nil
		}},
		{"truncated.xls", "our sample as .xls (made by LibreOffice) cut in half", func() ([]byte, error) {
			return SampleXLS[:len(SampleXLS)/2], nil
		}},
	}
}

// HostileXLSs returns the hostile .xls files of All alone (for the tests
// of the .xls reader).
func HostileXLSs() ([]Hostile, error) {
	var out []Hostile
	for _, g := range hostileXLS() {
		data, err := g.make()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.name, err)
		}
		out = append(out, Hostile{g.name, g.what, data})
	}
	return out, nil
}
