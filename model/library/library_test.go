package library

import (
	"testing"

	"jixiao/model"
)

func TestLibrary(t *testing.T) {
	lib := Builtin()
	names := map[string]Entry{} // seed and common entries, by name
	keys := map[string]bool{}
	count := map[string]int{}
	for _, e := range lib {
		in := e.Indicator
		k := e.Source + "/" + in.Name()
		if keys[k] {
			t.Errorf("duplicate entry %s", k)
		}
		keys[k] = true
		count[e.Source]++
		if e.Source == SourceSeed || e.Source == SourceCommon {
			if _, dup := names[in.Name()]; dup {
				t.Errorf("duplicate seed/common entry %s", in.Name())
			}
			names[in.Name()] = e
		}
		if in.Level1 == "" || in.Level2 == "" || in.Level3 == "" {
			t.Errorf("%s: missing level %+v", in.Name(), in)
		}
		if e.Source == SourceSeed && (model.IsFiller(in.Level3) || model.IsFiller(in.Sub)) {
			t.Errorf("placeholder %q in the library", in.Name())
		}
		if in.Inputs != nil {
			t.Errorf("%s: inputs %v", in.Name(), in.Inputs)
		}
		if in.Formula != "" {
			if _, ok := model.FormulaFor(in.Formula); !ok {
				t.Errorf("%s: formula %q unknown", in.Name(), in.Formula)
			}
		}
	}
	// Every non-placeholder seed indicator is there, with its texts.
	seed := 0
	for _, in := range model.Sample().Indicators {
		if model.IsFiller(in.Level1) || model.IsFiller(in.Level3) {
			continue
		}
		seed++
		e, ok := names[in.Name()]
		if !ok {
			t.Errorf("seed indicator %s missing", in.Name())
			continue
		}
		got := e.Indicator
		if got.Value != in.Value || got.Explain != in.Explain || got.Note != in.Note || got.Formula != in.Formula || got.Sub != in.Sub {
			t.Errorf("%s differs from the seed: %+v", in.Name(), got)
		}
		if e.Source != SourceSeed {
			t.Errorf("%s: source %q", in.Name(), e.Source)
		}
	}
	if seed != 40 || count[SourceSeed] != seed {
		t.Errorf("%d non-placeholder seed indicators (%d in the library), want 40", seed, count[SourceSeed])
	}
	if count[SourceCommon] != len(libraryCommon) {
		t.Errorf("library has %d common entries, want %d", count[SourceCommon], len(libraryCommon))
	}
	// The explanation of a merged cell is filled in (专项资金细化率 shares
	// 预算编制完整性's), and the 运行成本 rates are their own entries.
	if e := names["专项资金细化率"]; e.Indicator.Explain == "" || e.Indicator.Formula != "专项资金细化率" {
		t.Errorf("专项资金细化率: %+v", e.Indicator)
	}
	for _, sub := range []string{"在职人员经费变动率", "离退休人员经费变动率", "人均公用经费变动率", "“三公经费”变动率", "厉行节约支出变动率", "总体成本节约率"} {
		e, ok := names[sub]
		if !ok || e.Indicator.Level3 != "成本控制成效" || e.Indicator.Formula != sub {
			t.Errorf("%s: %+v", sub, e.Indicator)
		}
	}
	// Fresh values each call.
	lib[0].Indicator.Value = "changed"
	if Builtin()[0].Indicator.Value == "changed" {
		t.Error("Builtin shares its entries")
	}
	if e, ok := Find("资产闲置率"); !ok || e.Source != SourceCommon {
		t.Errorf("Find(资产闲置率) = %+v, %v", e, ok)
	}
	// A name in the seed and in a framework is found as the seed's.
	if e, ok := Find("“三公经费”变动率"); !ok || e.Source != SourceSeed {
		t.Errorf("Find(“三公经费”变动率) = %+v, %v", e, ok)
	}
	if e, _ := Find("预算执行率"); true {
		f, ok := e.Formula()
		if !ok || len(f.Inputs) != 2 || f.Inputs[0] != "预算执行数" || f.Inputs[1] != "预算数" {
			t.Errorf("预算执行率 formula %+v, %v", f, ok)
		}
	}
	if e, _ := Find("目标依据充分性"); true {
		if _, ok := e.Formula(); ok {
			t.Error("目标依据充分性 has a formula")
		}
	}
	if _, ok := Find("....."); ok {
		t.Error("Find found a placeholder")
	}
}
