// Command batchfiles writes a folder of returned forms of the sample's
// size, as a department's clerk receives them, for timing 批量审核
// (`jixiao check --dir FOLDER`, docs/batch.md):
//
//	go run ./scripts/bench/batchfiles -n 200 -o DIR
//
// Every ten files: three of our xlsx (hidden data), two clerk's tables
// (the same without the hidden data, read cell by cell), two PDFs of
// ours, a Word document (the xlsx's table as a .docx), the .xls that
// LibreOffice made of the sample (internal/testfiles) and a JSON file.
// Unit i's form is the sample with its own 部门 (单位001 …) and one task
// amount of its own, so no two files but the .xls copies are the same
// form; a few carry an error (an amount typed as 1l5), as returned files
// do. Deterministic: the same n gives the same files.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/model"
)

func main() {
	n := flag.Int("n", 200, "number of files")
	out := flag.String("o", "batch", "output folder (made when missing)")
	flag.Parse()
	if err := write(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "batchfiles:", err)
		os.Exit(1)
	}
}

func write(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := 1; i <= n; i++ {
		f := testfiles.PassingForm(fmt.Sprintf("单位%03d", i))
		f.Units[0].Tasks[0].Total = model.ParseAmount(fmt.Sprintf("%d.5", 100+i))
		f.Units[0].Tasks[0].Fiscal = f.Units[0].Tasks[0].Total
		if i%17 == 0 {
			f.Units[1].Tasks[0].Fiscal = model.ParseAmount("1l5")
		}
		name, data, err := file(i, f)
		if err != nil {
			return fmt.Errorf("file %d: %w", i, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// file is unit i's returned file: its name and content, by i's place in
// the mix.
func file(i int, f *model.Form) (string, []byte, error) {
	base := fmt.Sprintf("%03d_%s", i, f.Dept)
	var b bytes.Buffer
	switch i % 10 {
	case 0, 1, 2:
		err := export.WriteXLSX(&b, f)
		return base + ".xlsx", b.Bytes(), err
	case 3, 4:
		if err := export.WriteXLSX(&b, f); err != nil {
			return "", nil, err
		}
		data, err := withoutData(b.Bytes())
		return base + "_手填.xlsx", data, err
	case 5, 6:
		_, err := export.WritePDF(&b, f)
		return base + ".pdf", b.Bytes(), err
	case 7:
		if err := export.WriteXLSX(&b, f); err != nil {
			return "", nil, err
		}
		data, err := testfiles.DOCXFromXLSX(b.Bytes())
		return base + ".docx", data, err
	case 8:
		return fmt.Sprintf("%03d_示例.xls", i), testfiles.SampleXLS, nil
	}
	err := export.WriteJSON(&b, f)
	return base + ".json", b.Bytes(), err
}

// withoutData is an xlsx of ours without its hidden data sheet: a clerk's
// own table, read cell by cell.
func withoutData(xlsx []byte) ([]byte, error) {
	xf, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		return nil, err
	}
	defer xf.Close()
	if err := xf.DeleteSheet(export.DataSheetName); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	_, err = xf.WriteTo(&b)
	return b.Bytes(), err
}
