package cli

// The rest of the year on the command line: stage (申报 → 运行监控 → 年度
// 自评), export --stage, import --into and the 总分 line of check.

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"jixiao/export"
	"jixiao/model"
)

func runStage(c *cli, args []string) error {
	fs := flags("stage")
	db := dbFlag(fs)
	draft := fs.String("draft", "", "草稿编号")
	month := fs.Int("month", 0, "运行监控截至的月份")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id := strings.TrimSpace(*draft)
	if id == "" {
		return usageErrorf("请用 --draft 指定草稿编号（jixiao list 可查看）")
	}
	if len(pos) > 1 {
		return usageErrorf("只能给一个阶段，多了：%s", pos[1])
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := st.Load(id)
	if err != nil {
		return storeErr(err, id)
	}
	if len(pos) == 0 {
		if *month != 0 {
			return usageErrorf("--month 要和“监控”一起用：jixiao stage --draft %s 监控 --month %d", id, *month)
		}
		c.printf("草稿 %s（%s年度 %s）当前阶段：%s\n", id, yearLabel(f.Year), deptLabel(f.Dept), f.StageLabel())
		for _, x := range f.StageLog {
			c.printf("  %s  %s\n", x.Time.Local().Format("2006-01-02 15:04"), x)
		}
		return nil
	}
	to, ok := model.ParseStage(pos[0])
	if !ok {
		return usageErrorf("阶段“%s”无法识别，请写 监控 或 自评", pos[0])
	}
	switch {
	case to == model.StageMonitor && *month == 0:
		return usageErrorf("请用 --month 指定运行监控截至的月份，如 --month 6")
	case to != model.StageMonitor && *month != 0:
		return usageErrorf("--month 只用于运行监控")
	}
	from := f.StageLabel()
	if err := f.SetStage(to, *month, time.Now()); err != nil {
		return userErr(err)
	}
	if f.StageLabel() == from {
		c.printf("草稿 %s 已经在“%s”阶段，没有改动。\n", id, from)
		return nil
	}
	if err := st.Save(id, f); err != nil {
		return storeErr(err, id)
	}
	c.printf("草稿 %s：%s → %s\n", id, from, f.StageLabel())
	c.printf("申报的指标值和金额从此只读；如需改动请在程序中用“调整”并写明原因。\n")
	switch to {
	case model.StageMonitor:
		c.printf("下一步：jixiao export --draft %s --stage 监控 --xlsx 监控表.xlsx，填好后 jixiao import 监控表.xlsx --into %s\n", id, id)
	case model.StageEval:
		c.printf("下一步：jixiao export --draft %s --stage 自评 --xlsx 自评表.xlsx，填好后 jixiao import 自评表.xlsx --into %s\n", id, id)
	}
	return nil
}

// stageFileName is the default file name of a stage table.
func stageFileName(f *model.Form, stage model.Stage, ext string) string {
	return export.TableFileName(f, stage, ext)
}

// exportStage writes the 监控表/自评表 of f to outs (by extension); JSON is
// the whole draft with every stage.
func exportStage(c *cli, f *model.Form, label string, stage model.Stage, outs map[string]string, tpl *model.Template) error {
	if len(outs) == 0 {
		outs["xlsx"] = stageFileName(f, stage, "xlsx")
	}
	err := writeOutputs(c, label, outs, func(ext string, buf *bytes.Buffer) (rep export.PDFReport, err error) {
		if ext == "json" {
			return rep, export.WriteJSONTemplate(buf, f, tpl)
		}
		return export.WriteTable(buf, f, tpl, stage, ext)
	}, func(ext, p string, pages int) string {
		switch ext {
		case "xlsx":
			return fmt.Sprintf("已导出 %s（Excel）：%s", model.TableName(stage), p)
		case "pdf":
			return fmt.Sprintf("已导出 %s（PDF，%d 页）：%s", model.TableName(stage), pages, p)
		}
		return fmt.Sprintf("已导出 JSON（含全部阶段）：%s", p)
	})
	if err != nil {
		return err
	}
	warnTable(c, f, stage, tpl)
	return nil
}

// importInto reads the values of a filled 监控表/自评表 into draft id
// (export.ImportStageFile, as the window's 导入填好的监控表/自评表 does).
func importInto(c *cli, db, path, id string) error {
	st, err := openStore(db)
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := st.Load(id)
	if err != nil {
		return storeErr(err, id)
	}
	g, rep, err := export.ImportStageFile(path, f)
	if err != nil {
		return userErr(err)
	}
	c.printf("%s\n", rep.String())
	if len(rep.Changes) == 0 {
		c.printf("没有新的数值，草稿 %s 未改动。\n", id)
		return nil
	}
	if err := st.Save(id, g); err != nil {
		return storeErr(err, id)
	}
	c.printf("已把 %d 处数值导入草稿 %s；其他内容未改动。\n", len(rep.Changes), id)
	if g.Stage == model.StageEval {
		ev := model.Evaluate(g)
		c.printf("%s\n", scoreLine(ev))
	}
	return nil
}

// stageNotNew is the answer to a plain import of a filled 监控表/自评表:
// not a new draft; the command that takes it back into the draft it
// belongs to (the drafts of its 部门 and 年度), or why there is none.
func stageNotNew(db, path string, info *export.StageInfo) error {
	what := fmt.Sprintf("“%s”是本程序导出的%s（%s），不能导入为新草稿", filepath.Base(path), info.Table(), info.Whose())
	st, err := openStore(db)
	if err != nil {
		return userErrorf("%s；请用 jixiao import %s --into 草稿编号 把数值导回它所属的草稿", what, path)
	}
	defer st.Close()
	list, err := st.List()
	if err != nil {
		return storeErr(err, "")
	}
	var ids []string
	for _, d := range list {
		if info.Fits(d.Dept, d.Year) {
			ids = append(ids, d.ID)
		}
	}
	switch len(ids) {
	case 0:
		return userErrorf("%s；草稿中没有“%s”的草稿（jixiao list 可查看，也看看回收站 jixiao list --trash）。请用 jixiao import %s --into 草稿编号 导回它所属的草稿", what, info.Whose(), path)
	case 1:
		return userErrorf("%s；它属于草稿 %s，请用 jixiao import %s --into %s 把数值导回", what, ids[0], path, ids[0])
	}
	return userErrorf("%s；“%s”的草稿有 %s，请用 jixiao import %s --into 草稿编号 导回其中一份", what, info.Whose(), strings.Join(ids, "、"), path)
}

// scoreLine is check's line for a 自评 draft: 总分 93.02 等级 优.
func scoreLine(ev model.Evaluation) string {
	return fmt.Sprintf("总分 %s 等级 %s", ev.Total.StringFixed(2), ev.Grade)
}

// stageReport prints what check shows about the 监控/自评 stage.
func stageReport(c *cli, f *model.Form) {
	switch f.Stage {
	case model.StageMonitor:
		m := model.ComputeMonitorTotals(f)
		rate := "—"
		if m.RateOK {
			rate = m.Rate.StringFixed(2) + "%"
		}
		c.printf("阶段：%s　%s %s 万元，执行率 %s（时间进度 %s%%）\n", f.StageLabel(), model.MonitorHeader(f.Month, "执行数"),
			m.Executed, rate, model.TimeProgress(f.Month).StringFixed(2))
	case model.StageEval:
		ev := model.Evaluate(f)
		rate := "—"
		if ev.Budget.RateOK {
			rate = ev.Budget.Rate.StringFixed(2) + "%"
		}
		c.printf("阶段：%s　全年执行数 %s 万元，预算执行率 %s，得分 %s；指标分值合计 %s\n", f.StageLabel(),
			ev.Budget.Executed, rate, ev.Budget.Score.StringFixed(2), ev.WeightSum)
		c.printf("%s\n", scoreLine(ev))
	}
}
