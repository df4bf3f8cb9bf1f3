package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testtool"
	"jixiao/model"
	"jixiao/store"
)

// TestStageEvalLibreOfficeMatchesCheck: a 自评表 exported by jixiao and
// filled (the worked example), then opened, recalculated and saved by
// LibreOffice headless, shows in its own formulas the same 得分 in every
// row, the same 总分 and the same 等级 as `jixiao check` on the draft the
// saved file was imported into. Without LibreOffice it skips — except in
// CI, where it fails.
func TestStageEvalLibreOfficeMatchesCheck(t *testing.T) {
	if testing.Short() && !testtool.InCI() {
		t.Skip("-short: LibreOffice is not run")
	}
	lo := testtool.Need(t, "--no-install-recommends libreoffice-calc", "libreoffice", "soffice")
	db := tempDB(t)
	dir := t.TempDir()
	id := lastLine(mustRun(t, "sample", "--db", db))
	mustRun(t, "stage", "--db", db, "--draft", id, "监控", "--month", "6")
	mustRun(t, "stage", "--db", db, "--draft", id, "自评")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := st.Load(id)
	full := model.SampleEval(f.Meta.Created)
	for r := range f.Indicators {
		f.Indicators[r].Inputs = full.Indicators[r].Inputs
	}
	if err := st.Save(id, f); err != nil {
		t.Fatal(err)
	}
	st.Close()
	xlsx := filepath.Join(dir, "自评.xlsx")
	mustRun(t, "export", "--db", db, "--draft", id, "--stage", "自评", "--xlsx", xlsx)
	fillEval(t, xlsx, f)

	out := filepath.Join(dir, "lo")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, lo, "-env:UserInstallation=file://"+filepath.Join(t.TempDir(), "profile"), "--headless", "--norestore",
		"--convert-to", "xlsx", "--outdir", out, xlsx)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, b)
	}
	saved := filepath.Join(out, "自评.xlsx")

	// What LibreOffice computed: each row's 得分, the 总分 and the 等级.
	xf, err := excelize.OpenFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := xf.GetRows(export.IndicatorSheetName, excelize.Options{RawCellValue: true})
	xf.Close()
	cols := map[string]int{}
	loScore := map[string]string{}
	var loTotal, loGrade string
	for _, r := range rows {
		if len(cols) == 0 && slices.Contains(r, "三级指标") {
			for c, v := range r {
				cols[v] = c
			}
			continue
		}
		at := func(h string) string {
			if c, ok := cols[h]; ok && c < len(r) {
				return r[c]
			}
			return ""
		}
		switch l1 := at("一级指标"); {
		case strings.HasPrefix(l1, "总分"):
			loTotal, loGrade = at("得分"), at("偏差原因分析及改进措施")
		case l1 != "" && at("三级指标") != "":
			loScore[at("三级指标")] = at("得分")
		}
	}

	mustRun(t, "import", saved, "--into", id, "--db", db)
	_, check, _ := draftsRun("check", "--db", db, "--draft", id)
	m := regexp.MustCompile(`\n总分 ([0-9.]+) 等级 (\S+)\n`).FindStringSubmatch(check)
	if m == nil {
		t.Fatalf("check:\n%s", check)
	}
	if d, err := decimal.NewFromString(loTotal); err != nil || d.StringFixed(2) != m[1] || loGrade != "等级："+m[2] {
		t.Errorf("LibreOffice 总分 %q %q, jixiao check 总分 %s 等级 %s", loTotal, loGrade, m[1], m[2])
	}
	if m[1] != "93.02" || m[2] != "优" {
		t.Errorf("check 总分 %s %s, the worked example is 93.02 优", m[1], m[2])
	}
	st, _ = store.Open(db)
	g, _ := st.Load(id)
	st.Close()
	n := 0
	for _, in := range g.Indicators {
		s := model.ScoreIndicator(in)
		if s.State == model.ScoreNone {
			continue
		}
		n++
		name := in.Level3
		if in.Sub != "" {
			name += "：" + in.Sub
		}
		d, err := decimal.NewFromString(loScore[name])
		if err != nil || d.StringFixed(2) != s.Score.StringFixed(2) {
			t.Errorf("%s: LibreOffice 得分 %q, jixiao %s", name, loScore[name], s.Score.StringFixed(2))
		}
	}
	if n != 31 {
		t.Errorf("%d rows compared", n)
	}
}
