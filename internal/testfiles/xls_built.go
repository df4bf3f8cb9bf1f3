package testfiles

import "unicode/utf16"

// sstContinue is an SST record whose strings are split over a CONTINUE
// record in the middle of the characters of strs[1], the rest written in
// the compressed (8-bit) form when narrow.
func sstContinue(strs []string, narrowRest bool) []byte {
	var body []byte
	split := 0
	for i, s := range strs {
		u := utf16.Encode([]rune(s))
		body = append(body, U16(len(u))...)
		body = append(body, 1)
		if i == 1 {
			split = len(body) + 2*(len(u)/2)
		}
		for _, c := range u {
			body = append(body, U16(int(c))...)
		}
	}
	head := append(U32(len(strs), len(strs)), body[:split]...)
	rest := body[split:]
	if narrowRest {
		// the rest of strs[1] in 8-bit characters, then the later strings
		u := utf16.Encode([]rune(strs[1]))
		tail := u[len(u)/2:]
		narrow := []byte{0}
		for _, c := range tail {
			narrow = append(narrow, byte(c))
		}
		rest = append(narrow, rest[2*len(tail):]...)
	} else {
		rest = append([]byte{1}, rest...)
	}
	return append(Rec(0x00FC, head), Rec(0x003C, rest)...)
}

// BuiltXLS is a small form in a BIFF8 file made here (for the tests of
// the .xls reader and of export's import), using every record
// the reader knows: shared strings over a CONTINUE, LABEL, NUMBER, RK,
// MULRK, FORMULA with a number and with a STRING result, MERGEDCELLS.
func BuiltXLS(narrowRest bool) []byte {
	strs := []string{"任务名称", "unit-ABCDEFGH", "主要内容", "预算资金", "备注", "（2021年度）", "部门名称", "某局"}
	lsst := func(row, col, i int) []byte {
		return Rec(0x00FD, U16(row, col, 15), U32(i))
	}
	label := func(row, col int, s string) []byte {
		u := utf16.Encode([]rune(s))
		b := append(U16(row, col, 15, len(u)), 1)
		for _, c := range u {
			b = append(b, U16(int(c))...)
		}
		return Rec(0x0204, b)
	}
	rk := func(v int, div100 bool) int {
		x := v<<2 | 2
		if div100 {
			x |= 1
		}
		return x
	}
	num := func(row, col int, bits uint64) []byte {
		b := U16(row, col, 15)
		for i := 0; i < 8; i++ {
			b = append(b, byte(bits>>(8*i)))
		}
		return Rec(0x0203, b)
	}
	formula := func(row, col int, res []byte) []byte {
		return Rec(0x0006, U16(row, col, 15), res, U16(0), U32(0), U16(0))
	}
	str := func(s string) []byte {
		u := utf16.Encode([]rune(s))
		b := append(U16(len(u)), 1)
		for _, c := range u {
			b = append(b, U16(int(c))...)
		}
		return Rec(0x0207, b)
	}
	sheet := [][]byte{
		lsst(0, 0, 5),
		lsst(1, 0, 6), lsst(1, 1, 7),
		lsst(2, 0, 0), lsst(2, 2, 2), lsst(2, 3, 3), lsst(2, 4, 4),
		lsst(3, 0, 1), label(3, 2, "甲项"), Rec(0x027E, U16(3, 3, 15), U32(rk(1550, true))),
		label(4, 2, "乙项"), num(4, 3, 0x4054666666666666), // 81.6
		label(5, 2, "丙项"), Rec(0x00BD, U16(5, 3, 15), U32(rk(7, false)), U16(15), U32(rk(8, false)), U16(4)),
		label(6, 2, "丁项"), formula(6, 3, []byte{0, 0, 0, 0, 0, 0, 0x24, 0x40}), // 10
		formula(6, 4, []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}), str("公式备注"),
		Rec(0x00E5, U16(1, 3, 6, 0, 1)), // A4:B7 (unit name over four rows)
	}
	return CFB(BIFF{Globals: [][]byte{sstContinue(strs, narrowRest)}, Sheet: sheet}.Stream(), false)
}
