// Command batchfiles writes a folder of returned forms of the sample's
// size, as a department's clerk receives them, for timing 批量审核
// (`jixiao check --dir FOLDER`, docs/batch.md):
//
//	go run ./scripts/bench/batchfiles -n 200 -o DIR
//
// With -demo it writes instead the twenty files of the 批量审核 screenshots
// (docs/screenshots): units of the sample and district bureaus in every
// format, one with an amount typed wrong, one with a template row left,
// one of last year, one sent twice, a damaged file and a staff list.
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
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/model"
)

func main() {
	n := flag.Int("n", 200, "number of files")
	out := flag.String("o", "batch", "output folder (made when missing)")
	demo := flag.Bool("demo", false, "the twenty files of the screenshots instead")
	flag.Parse()
	w := write
	if *demo {
		w = func(dir string, _ int) error { return writeDemo(dir) }
	}
	if err := w(*out, *n); err != nil {
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

// demoUnits are the departments of the screenshots' files.
var demoUnits = []string{
	"郑州市生态环境局机关", "郑州市环境监察支队", "郑州市环境保护监测中心站", "郑州市环境保护宣传教育中心",
	"郑州市机动车污染监察支队", "郑州市环境应急与事故指挥中心", "郑州市危险废物与辐射环境监督管理中心",
	"郑州市生态环境局中原分局", "郑州市生态环境局二七分局", "郑州市生态环境局金水分局", "郑州市生态环境局管城回族区分局",
	"郑州市生态环境局惠济分局", "郑州市生态环境局上街分局", "郑州市生态环境局高新区分局", "郑州市生态环境局经开区分局",
	"郑州市生态环境局郑东新区分局", "郑州市生态环境局航空港区分局",
}

// writeDemo writes the twenty files of the screenshots into dir.
func writeDemo(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	put := func(name string, data []byte, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	for i, dept := range demoUnits {
		f := testfiles.PassingForm(dept)
		f.Meta.Updated = time.Date(2021, 3, 1+i%9, 10, 0, 0, 0, time.UTC)
		f.Units[0].Tasks[0].Total = model.ParseAmount(fmt.Sprintf("%d.5", 100+7*i))
		f.Units[0].Tasks[0].Fiscal = f.Units[0].Tasks[0].Total
		switch i {
		case 3:
			f.Units[1].Tasks[0].Fiscal = model.ParseAmount("1l5") // typed wrong
		case 9:
			f.Indicators[4].Value = "" // a value left out
		case 12:
			f.Year = "2019" // last year's form sent again
		}
		_, data, err := file([]int{0, 3, 5, 7, 9, 1, 4}[i%7], f)
		ext := []string{".xlsx", ".xlsx", ".pdf", ".docx", ".json", ".xlsx", ".xlsx"}[i%7]
		if err := put(dept+ext, data, err); err != nil {
			return err
		}
	}
	// the first unit's form sent again, changed a week later
	f := testfiles.PassingForm(demoUnits[0])
	f.Goals[0].Text += "（修改）"
	f.Meta.Updated = time.Date(2021, 3, 12, 15, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	err := export.WriteXLSX(&b, f)
	if err := put(demoUnits[0]+"（修改后）.xlsx", b.Bytes(), err); err != nil {
		return err
	}
	if err := put("郑州市生态环境局巩义市分局.xlsx", b.Bytes()[:b.Len()/3], nil); err != nil { // cut short in the e-mail
		return err
	}
	staff, err := testfiles.WrongSheet()
	return put("职工通讯录.xlsx", staff, err)
}
