package library

import (
	"strings"
	"testing"

	"jixiao/model"
)

// Every built-in entry says where it comes from; the national ones also
// say which table and where their text was checked.
func TestLibraryEntriesHaveSources(t *testing.T) {
	national := 0
	for _, e := range Builtin() {
		name := e.Source + "/" + e.Indicator.Name()
		if e.Source == "" || e.Ref == "" {
			t.Errorf("%s: no source or reference: %+v", name, e)
		}
		switch e.Source {
		case SourceSeed, SourceCommon:
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

// sampleInputs fills every input of f with a plausible figure (a copy of
// the model's test helper of the same name: seven lines).
func sampleInputs(f model.Formula) map[string]string {
	in := map[string]string{}
	for i, name := range f.Inputs {
		in[name] = []string{"95", "100", "80", "90"}[i%4]
	}
	return in
}

// Every formula a library entry names parses and evaluates with its own
// 指标值 (model.TestEveryFormulaEvaluates covers the formulas themselves).
func TestEveryLibraryFormulaEvaluates(t *testing.T) {
	for _, e := range Builtin() {
		fm, ok := e.Formula()
		if e.Indicator.Formula != "" && !ok {
			t.Errorf("%s: formula %q unknown", e.Indicator.Name(), e.Indicator.Formula)
		}
		if !ok {
			continue
		}
		in := e.Indicator
		in.Inputs = sampleInputs(fm)
		if r := model.EvalRate(in); r.State != model.RateOK {
			t.Errorf("%s/%s: %s", e.Source, in.Name(), r.Message)
		}
	}
}
