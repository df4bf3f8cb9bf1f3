package testfiles

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The bombs must be what they claim: valid deflate streams of the stated
// size, and valid workbooks when small enough to open.
func TestZipBombIsReal(t *testing.T) {
	for _, size := range []uint64{8 << 20, 1 << 30} {
		data, err := ZipBomb(size, false)
		if err != nil {
			t.Fatal(err)
		}
		got := Unzipped(data)
		if got < int64(size) || got > int64(size)+(2<<20) {
			t.Errorf("ZipBomb(%d): unzips to %d bytes", size, got)
		}
		if size >= 1<<30 && len(data) > 4<<20 {
			t.Errorf("ZipBomb(1 GiB) is %d bytes; want a small file", len(data))
		}
		// archive/zip checks the CRC at the end of each part.
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name != "xl/worksheets/sheet1.xml" || size > 8<<20 {
				continue
			}
			rc, _ := f.Open()
			var b bytes.Buffer
			if _, err := b.ReadFrom(rc); err != nil {
				t.Fatalf("reading %s: %v", f.Name, err)
			}
		}
	}
	small, _ := ZipBomb(8<<20, false)
	x, err := excelize.OpenReader(bytes.NewReader(small))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Sheet1")
	if err != nil || len(rows) < 100000 {
		t.Fatalf("8 MB bomb: %d rows, %v", len(rows), err)
	}
}

func TestLyingDirectory(t *testing.T) {
	data, err := ZipBomb(64<<20, true)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" && f.UncompressedSize64 != 1024 {
			t.Fatalf("declared %d", f.UncompressedSize64)
		}
	}
	if got := Unzipped(data); got < 64<<20 {
		t.Fatalf("really holds %d bytes", got)
	}
}

func TestSharedStringsSize(t *testing.T) {
	data, err := HugeSharedStrings(30 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if got := Unzipped(data); got < 30<<20 {
		t.Fatalf("unzips to %d", got)
	}
}

func TestAllOpensOrFails(t *testing.T) {
	base, err := WrongSheet() // any valid workbook with long texts would do
	if err != nil {
		t.Fatal(err)
	}
	x, _ := excelize.OpenReader(bytes.NewReader(base))
	x.SetCellStr("职工名册", "A5", "这是一段足够长的文字，用来代替目标的内容，检查公式替换是否生效。")
	var b bytes.Buffer
	x.Write(&b)
	x.Close()
	all, err := All(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 12 {
		t.Fatalf("%d files", len(all))
	}
	f, err := excelize.OpenReader(bytes.NewReader(all[7].Data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if formula, _ := f.GetCellFormula("职工名册", "A5"); formula != FormulaTexts[0] {
		t.Fatalf("formula %q", formula)
	}
}
