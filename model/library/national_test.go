package model

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// Every built-in entry says where it comes from; the national ones also
// say which table and where their text was checked.
func TestLibraryEntriesHaveSources(t *testing.T) {
	national := 0
	for _, e := range Library() {
		name := e.Source + "/" + e.Indicator.Name()
		if e.Source == "" || e.Ref == "" {
			t.Errorf("%s: no source or reference: %+v", name, e)
		}
		switch e.Source {
		case LibrarySeed, LibraryCommon:
			continue
		}
		national++
		if e.Checked == "" {
			t.Errorf("%s: no record of where its text was checked", name)
		}
		if strings.Contains(e.Source, "53号") && !strings.Contains(e.Ref, "财预〔2013〕53号") {
			t.Errorf("%s: reference %q does not name the document", name, e.Ref)
		}
		if e.Indicator.Explain == "" {
			t.Errorf("%s: no explanation", name)
		}
		switch e.Direction {
		case "", "≥", "≤", "=":
		default:
			t.Errorf("%s: direction %q", name, e.Direction)
		}
		if e.Indicator.Formula != "" && (e.Indicator.Unit != "%" || e.Direction == "") {
			t.Errorf("%s: a rate needs unit %% and a direction: %+v", name, e)
		}
	}
	if national < 30 {
		t.Errorf("%d entries from published frameworks", national)
	}
}

// sampleInputs fills every input of f with a plausible figure.
func sampleInputs(f Formula) map[string]string {
	in := map[string]string{}
	for i, name := range f.Inputs {
		in[name] = []string{"95", "100", "80", "90"}[i%4]
	}
	return in
}

// Every formula the library (or a form) can name parses and evaluates.
func TestEveryFormulaEvaluates(t *testing.T) {
	for _, f := range Formulas {
		if len(f.Inputs) < 2 || !strings.HasPrefix(f.Text, f.Key) {
			t.Errorf("%s: inputs %v, text %q", f.Key, f.Inputs, f.Text)
		}
		r := EvalRate(Indicator{Formula: f.Key, Value: "≥90%", Inputs: sampleInputs(f)})
		if r.State != RateOK {
			t.Errorf("%s: %v %s", f.Key, r.State, r.Message)
		}
	}
	for _, e := range Library() {
		fm, ok := e.Formula()
		if e.Indicator.Formula != "" && !ok {
			t.Errorf("%s: formula %q unknown", e.Indicator.Name(), e.Indicator.Formula)
		}
		if !ok {
			continue
		}
		in := e.Indicator
		in.Inputs = sampleInputs(fm)
		if r := EvalRate(in); r.State != RateOK {
			t.Errorf("%s/%s: %s", e.Source, in.Name(), r.Message)
		}
	}
	// The 53号 rates compute what their formulas say.
	for key, want := range map[string]string{"重点支出安排率": "95", "资金到位率": "95", "到位及时率": "95", "在职人员控制率": "95", "“三公经费”变动率": "-5"} {
		f, _ := FormulaFor(key)
		r := EvalRate(Indicator{Formula: key, Inputs: sampleInputs(f)})
		if r.State != RateOK || !r.Value.Equal(decimal.RequireFromString(want)) {
			t.Errorf("%s = %v (%s), want %s%%", key, r.Value, r.Message, want)
		}
	}
}
