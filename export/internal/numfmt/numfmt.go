// Package numfmt reads what a spreadsheet cell's number format makes of
// its number (ECMA-376 Part 1 §18.8.30 format codes, the same codes in
// .xls FORMAT records): a percentage, a date, or a plain number. It is
// shared by the .xlsx and .xls readers and knows neither file format.
package numfmt

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Class is what a cell's number format makes of its number.
type Class uint8

const (
	Plain   Class = iota
	Percent       // 0%, 0.00%: the cell shows its value × 100
	Date          // a date or time: the value is a day count
)

// Classify reads a format code: quoted text, escaped characters and
// [colour]/[$locale] parts are not part of it.
func Classify(code string) Class {
	var b strings.Builder
	quoted, bracket := false, false
	rs := []rune(code)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quoted:
			quoted = r != '"'
		case bracket:
			if r == ']' {
				bracket = false
			}
		case r == '"':
			quoted = true
		case r == '\\' || r == '_' || r == '*':
			i++ // the next character is literal (or padding)
		case r == '[':
			// [h], [mm], [ss] are elapsed time; other brackets are colours, conditions, locales
			end := strings.IndexRune(string(rs[i:]), ']')
			if end > 0 {
				inner := strings.ToLower(string(rs[i+1 : i+end]))
				if strings.Trim(inner, "hms") == "" && inner != "" {
					b.WriteString(inner)
				}
			}
			bracket = true
		default:
			b.WriteRune(r)
		}
	}
	s := strings.ToLower(b.String())
	if strings.Contains(s, "general") {
		s = strings.ReplaceAll(s, "general", "")
	}
	switch {
	case strings.ContainsRune(s, '%'):
		return Percent
	case strings.ContainsAny(s, "ymdhs"):
		return Date
	}
	return Plain
}

// Stored is the number raw (a cell's stored value) as a cell of class k
// shows what was typed: 0.95 in a percent cell is 95%, a day count in a
// date cell the date; raw itself when it is no number.
func Stored(raw string, k Class) string {
	fl, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return raw
	}
	d, err := decimal.NewFromString(strconv.FormatFloat(fl, 'g', 15, 64))
	if err != nil {
		return raw
	}
	switch k {
	case Percent:
		return d.Shift(2).String() + "%"
	case Date:
		t, err := excelize.ExcelDateToTime(fl, false)
		if err != nil {
			return raw
		}
		if fl == float64(int64(fl)) {
			return t.Format("2006-01-02")
		}
		return t.Format("2006-01-02 15:04")
	}
	return d.String()
}
