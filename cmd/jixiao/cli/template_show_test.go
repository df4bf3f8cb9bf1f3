package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"jixiao/model"
)

// TestTemplateShowYears: template show lists the 近两年 columns of
// 部门总体资金情况 after 占比, under their header, as a template writes
// them (a {year} label with an example), and nothing for a template
// without them.
func TestTemplateShowYears(t *testing.T) {
	db := filepath.Join(t.TempDir(), "drafts.db")
	code, out, stderr := checkRun("template", "show", "hubei", "--db", db)
	if want := "部门总体资金情况：收入构成 财政拨款、其他资金、合计；支出构成 基本支出、项目支出、合计；每行 当年金额、占比、近两年收支金额（上年金额、前年金额）\n"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("show hubei (exit %d %s) lacks %q:\n%s", code, stderr, want, out)
	}

	// A bureau's template: its own header and labels, one with {year}.
	tp := model.BuiltinTemplate("hubei")
	tp.ID, tp.Version, tp.Name = "xx-years", 1, "某市 部门整体支出绩效目标表"
	tp.Labels = map[string]string{model.SectionFunds: "年度收支情况"}
	tp.Funds.YearsLabel = "以前年度收支"
	tp.Funds.Years = []model.FundsYear{{Back: 1, Label: "上年预算数"}, {Back: 2, Label: "{year}年决算数"}}
	if code, _, stderr := checkRun("template", "import", writeTemplate(t, tp), "--db", db); code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	code, out, stderr = checkRun("template", "show", "xx-years", "--db", db)
	if want := "年度收支情况：收入构成 财政拨款、其他资金、合计；支出构成 基本支出、项目支出、合计；每行 当年金额、占比、以前年度收支（上年预算数、〈年份〉年决算数（前年））；〈年份〉随表的年度，2022 年度的表印作 2020年决算数\n"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("show xx-years (exit %d %s) lacks %q:\n%s", code, stderr, want, out)
	}

	// Without 近两年 columns: 当年金额 and 占比 only.
	tp.ID, tp.Funds.Years, tp.Funds.YearsLabel = "xx-noyears", nil, ""
	if code, _, stderr := checkRun("template", "import", writeTemplate(t, tp), "--db", db); code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	_, out, _ = checkRun("template", "show", "xx-noyears", "--db", db)
	if !strings.Contains(out, "每行 当年金额、占比\n") || strings.Contains(out, "以前年度收支") || strings.Contains(out, "上年") {
		t.Errorf("show xx-noyears:\n%s", out)
	}
}
