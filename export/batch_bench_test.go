package export

import (
	"bytes"
	"testing"
	"time"

	"jixiao/internal/testfiles"
	"jixiao/model"
)

// BenchmarkReviewSample…: 批量审核 of one returned file of the sample's
// size, read from memory (ReviewFile without the disk): import, 审核 by
// its template, findings placed in the file's terms, dates. The whole
// process over 200 such files is in docs/BENCHMARKS.md (批量审核).
func BenchmarkReviewSample(b *testing.B) {
	f := testfiles.PassingForm("局机关")
	var x, p, j bytes.Buffer
	if err := WriteXLSX(&x, f); err != nil {
		b.Fatal(err)
	}
	if _, err := WritePDF(&p, f); err != nil {
		b.Fatal(err)
	}
	if err := WriteJSON(&j, f); err != nil {
		b.Fatal(err)
	}
	docx, err := testfiles.DOCXFromXLSX(x.Bytes())
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"XLSX", x.Bytes()},
		{"XLSXVisibleOnly", withoutDataSheet(b, x.Bytes())},
		{"PDF", p.Bytes()},
		{"DOCX", docx},
		{"XLS", testfiles.SampleXLS},
		{"JSON", j.Bytes()},
	} {
		ext := map[string]string{"XLSX": ".xlsx", "XLSXVisibleOnly": ".xlsx", "PDF": ".pdf", "DOCX": ".docx", "XLS": ".xls", "JSON": ".json"}[tc.name]
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r := &model.FileReview{Name: "局机关" + ext}
				reviewData(r, tc.data, time.Time{}, ReviewOptions{})
				if r.Failed() {
					b.Fatal(r.Failure)
				}
			}
		})
	}
}
