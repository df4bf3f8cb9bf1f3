package export

import (
	"bytes"
	"io"
	"testing"

	"jixiao/model"
)

func benchWrite(b *testing.B, f *model.Form, write func(io.Writer, *model.Form) error) {
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := write(&buf, f); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/file")
}

func pdfWrite(w io.Writer, f *model.Form) error { _, err := WritePDF(w, f); return err }

func BenchmarkExportXLSXSample(b *testing.B)    { benchWrite(b, model.Sample(), WriteXLSX) }
func BenchmarkExportPDFSample(b *testing.B)     { benchWrite(b, model.Sample(), pdfWrite) }
func BenchmarkExportJSONSample(b *testing.B)    { benchWrite(b, model.Sample(), WriteJSON) }
func BenchmarkExportXLSX5000Tasks(b *testing.B) { benchWrite(b, model.Generate(5000), WriteXLSX) }
func BenchmarkExportPDF5000Tasks(b *testing.B)  { benchWrite(b, model.Generate(5000), pdfWrite) }

func benchImport(b *testing.B, f *model.Form, visibleOnly bool) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, f); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	if visibleOnly {
		data = withoutDataSheet(b, data)
	}
	b.ReportAllocs()
	for b.Loop() {
		got, _, err := ImportBytes("bench.xlsx", data, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if got.TaskCount() != f.TaskCount() {
			b.Fatalf("%d tasks", got.TaskCount())
		}
	}
}

func BenchmarkImportXLSXSample(b *testing.B)            { benchImport(b, model.Sample(), false) }
func BenchmarkImportXLSXSampleVisibleOnly(b *testing.B) { benchImport(b, model.Sample(), true) }
func BenchmarkImportXLSX5000Tasks(b *testing.B)         { benchImport(b, model.Generate(5000), false) }
func BenchmarkImportXLSX5000TasksVisibleOnly(b *testing.B) {
	benchImport(b, model.Generate(5000), true)
}
