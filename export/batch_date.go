package export

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"jixiao/model"
	"jixiao/model/recognize"
)

// fileDates are the dates file data (read into f, modified at mod) tells,
// most trusted first (model.DateKinds): a 填报日期 in the form, the last
// change our own file records, the time in the file's properties, and
// the file system's modification time.
func fileDates(f *model.Form, data []byte, mod time.Time) []model.Dated {
	var out []model.Dated
	add := func(from string, t time.Time) {
		if !t.IsZero() {
			out = append(out, model.Dated{From: from, When: t})
		}
	}
	add(model.DateFilled, filledDate(f))
	add(model.DateRecorded, f.Meta.Updated)
	add(model.DateSaved, savedDate(data))
	add(model.DateModified, mod)
	return out
}

// filledDate is the date of a 基本信息 field whose label names a date
// (填报日期, 报送日期), zero when there is none or it cannot be read.
func filledDate(f *model.Form) time.Time {
	for _, label := range []string{"填报日期", "报送日期", "填表日期", "日期"} {
		if v, ok := f.Basic[label]; ok {
			if t := parseDate(v); !t.IsZero() {
				return t
			}
		}
	}
	return time.Time{}
}

var dateRe = regexp.MustCompile(`([0-9]{4})\s*[年./-]\s*([0-9]{1,2})\s*[月./-]\s*([0-9]{1,2})`)

// parseDate reads a date as a clerk types it (2021年3月5日, 2021-03-05,
// 2021/3/5, 2021.3.5) or as a spreadsheet stores a date cell (a serial
// day number, 44260 for 2021-03-05), in local time; zero when it is none.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(recognize.FoldDigits(s))
	if m := dateRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.Local)
		if t.Year() == y && int(t.Month()) == mo && t.Day() == d && y > 1990 && y < 2200 {
			return t
		}
		return time.Time{}
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n >= 32874 && n < 110000 { // 1990 … 2200
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.Local).AddDate(0, 0, int(n))
	}
	return time.Time{}
}

// savedDate is the time the office program wrote into the file: an
// Office Open XML file's docProps/core.xml (dcterms:modified, else
// dcterms:created), a PDF's /ModDate (else /CreationDate) when its
// information dictionary is stored as text; zero when there is none.
func savedDate(data []byte) time.Time {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return coreDate(data)
	case bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
		return pdfInfoDate(data)
	}
	return time.Time{}
}

// excelizeTemplateDate is the date excelize's empty workbook carries (and
// so our own xlsx): not when the file was saved.
var excelizeTemplateDate = time.Date(2006, 9, 16, 0, 0, 0, 0, time.UTC)

var coreRe = regexp.MustCompile(`<dcterms:(modified|created)[^>]*>([^<]+)</dcterms:`)

func coreDate(data []byte) time.Time {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return time.Time{}
	}
	for _, zf := range zr.File {
		if zf.Name != "docProps/core.xml" || zf.UncompressedSize64 > 1<<20 {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return time.Time{}
		}
		xml, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
		rc.Close()
		var created time.Time
		for _, m := range coreRe.FindAllSubmatch(xml, -1) {
			t, err := time.Parse(time.RFC3339, strings.TrimSpace(string(m[2])))
			if err != nil || t.Year() < 1990 || t.Equal(excelizeTemplateDate) {
				continue
			}
			if string(m[1]) == "modified" {
				return t
			}
			created = t
		}
		return created
	}
	return time.Time{}
}

var pdfDateRe = regexp.MustCompile(`/(ModDate|CreationDate)\s*\(D:([0-9]{4})([0-9]{2})?([0-9]{2})?([0-9]{2})?([0-9]{2})?([0-9]{2})?([Zz]|[+-][0-9]{2}'?[0-9]{2}'?)?`)

func pdfInfoDate(data []byte) time.Time {
	for _, key := range []string{"/ModDate", "/CreationDate"} {
		i := bytes.LastIndex(data, []byte(key))
		if i < 0 {
			continue
		}
		m := pdfDateRe.FindSubmatch(data[i:min(len(data), i+80)])
		if m == nil {
			continue
		}
		num := func(i, def int) int {
			if len(m[i]) == 0 {
				return def
			}
			n, _ := strconv.Atoi(string(m[i]))
			return n
		}
		loc := time.Local
		if z := strings.ReplaceAll(string(m[8]), "'", ""); z == "Z" || z == "z" {
			loc = time.UTC
		} else if len(z) == 5 {
			h, _ := strconv.Atoi(z[1:3])
			mi, _ := strconv.Atoi(z[3:5])
			off := h*3600 + mi*60
			if z[0] == '-' {
				off = -off
			}
			loc = time.FixedZone(z, off)
		}
		if t := time.Date(num(2, 0), time.Month(num(3, 1)), num(4, 1), num(5, 0), num(6, 0), num(7, 0), 0, loc); t.Year() >= 1990 {
			return t
		}
	}
	return time.Time{}
}
