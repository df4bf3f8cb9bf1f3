package testfiles

import (
	"archive/zip"
	"bytes"
	"flag"
	"hash/crc32"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

var full = flag.Bool("testfiles.full", false, "also unpack the 1 GiB zip bomb")

// The bombs must be what they claim: valid deflate streams of the stated
// size (archive/zip checks the CRC), and valid workbooks when small enough
// to open. The 1 GiB bomb is the 8 MiB one with more copies of the same
// block, so unpacking 8 MiB proves the construction; the 1 GiB one is
// unpacked only with -testfiles.full (seconds; minutes under -race).
func TestZipBombIsReal(t *testing.T) {
	sizes := []uint64{8 << 20}
	if *full {
		sizes = append(sizes, 1<<30)
	}
	big, err := ZipBomb(1<<30, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(big) > 4<<20 {
		t.Errorf("ZipBomb(1 GiB) is %d bytes; want a small file", len(big))
	}
	zr, err := zip.NewReader(bytes.NewReader(big), int64(len(big)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" && f.UncompressedSize64 < 1<<30 {
			t.Errorf("declared %d bytes", f.UncompressedSize64)
		}
	}
	for _, size := range sizes {
		data, err := ZipBomb(size, false)
		if err != nil {
			t.Fatal(err)
		}
		got := Unzipped(data)
		if got < int64(size) || got > int64(size)+(2<<20) {
			t.Errorf("ZipBomb(%d): unzips to %d bytes", size, got)
		}
		// archive/zip checks the CRC at the end of each part.
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(io.Discard, rc); err != nil {
				t.Fatalf("reading %s of the %d-byte bomb: %v", f.Name, size, err)
			}
			rc.Close()
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
	data, err := ZipBomb(16<<20, true)
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
	if got := Unzipped(data); got < 16<<20 {
		t.Fatalf("really holds %d bytes", got)
	}
}

func TestSharedStringsSize(t *testing.T) {
	data, err := HugeSharedStrings(8 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if got := Unzipped(data); got < 8<<20 {
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

func TestCRC32Combine(t *testing.T) {
	a, b := Random(1000, 9), Random(777, 10)
	want := crc32.ChecksumIEEE(append(append([]byte{}, a...), b...))
	if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b))); got != want {
		t.Fatalf("combine = %08x, want %08x", got, want)
	}
}

// PassingForm passes 审核 without a finding, whatever its department.
func TestPassingForm(t *testing.T) {
	for _, dept := range []string{"局机关", "郑州市环境监察支队"} {
		f := PassingForm(dept)
		if got := model.CheckWith(f, nil); len(got) != 0 || f.Dept != dept {
			t.Errorf("%s: %d findings, first %+v", dept, len(got), got)
		}
	}
}
