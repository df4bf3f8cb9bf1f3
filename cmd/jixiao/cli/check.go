package cli

import (
	"fmt"
	"strings"

	"jixiao/model"
)

func runCheck(c *cli, args []string) error {
	fs := flags("check")
	var src source
	var b batchArgs
	fs.StringVar(&src.db, "db", "", "草稿数据文件")
	fs.BoolVar(&src.sample, "sample", false, "内置示例")
	fs.StringVar(&src.draft, "draft", "", "草稿编号")
	in := inFlag(fs, "文件（可以给多个）")
	fs.StringVar(&b.dir, "dir", "", "文件夹：审核其中所有的申报表文件")
	fs.BoolVar(&b.recursive, "recursive", false, "连同文件夹里的子文件夹")
	fs.StringVar(&b.out, "out", "", "审核汇总.xlsx")
	fs.StringVar(&b.replies, "replies", "", "写出审核意见的文件夹")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	ins := *in
	if len(pos) > 0 {
		return usageErrorf("check 命令不需要其他参数，多了：%s（文件请用 --in 指定，文件夹用 --dir）", pos[0])
	}
	if b.recursive && b.dir == "" {
		return usageErrorf("--recursive 要和 --dir 文件夹 一起用")
	}
	if len(ins) > 1 || b.dir != "" || b.out != "" || b.replies != "" {
		if src.sample || src.draft != "" {
			return usageErrorf("--sample 和 --draft 只审核一份；批量审核文件请只用 --in 文件（可以给多个）或 --dir 文件夹")
		}
		b.db, b.ins = src.db, ins
		return runBatch(c, b)
	}
	if len(ins) == 1 {
		src.in = ins[0]
	}
	if err := src.check(); err != nil {
		return err
	}
	f, label, err := src.load()
	if err != nil {
		if src.in != "" {
			// A file that cannot be read is a problem with that file
			// (exit 1, as in a batch), with its reason.
			return userErrorf("无法审核“%s”：%w", label, err)
		}
		// A draft that cannot be loaded: the id is to be corrected.
		return usageErrorf("无法审核“%s”：%w", label, err)
	}
	tpl, remark := formTemplate(f, src.db, src.draft != "" || src.db != "", src.draft)
	return checkReport(c, f, label, tpl, remark)
}

// checkReport prints f's template, totals and findings by tpl's rules; it
// returns errFindings when there are errors.
func checkReport(c *cli, f *model.Form, label string, tpl *model.Template, remark string) error {
	year, dept := strings.TrimSpace(f.Year), strings.TrimSpace(f.Dept)
	if year == "" {
		year = "（未填写）"
	}
	if dept == "" {
		dept = "（未填写）"
	}
	c.printf("审核：%s\n", label)
	c.printf("年度：%s　部门：%s\n", year, dept) // a stable line: scripts read it
	c.printf("表样：%s%s\n", templateName(tpl), remark)
	t := model.ComputeTotals(f)
	// the task table's totals only for a template that has one (or a form
	// that still holds tasks of another template)
	if tpl.Has(model.SectionTasks) || len(f.Units) > 0 {
		if tpl.On(f.Options).OtherFunds {
			c.printf("合计 %s 万元（财政资金 %s 万元，其他资金 %s 万元）\n", t.Total, t.Fiscal, t.Other)
		} else {
			c.printf("合计 %s 万元（财政资金 %s 万元）\n", t.Total, t.Fiscal)
		}
		if t.Invalid > 0 {
			c.printf("另有 %d 个金额无法识别，未计入合计（见下面的错误）\n", t.Invalid)
		}
		if t.HasPrev {
			c.printf("上年合计 %s 万元，增减 %s\n", t.Prev.Total, model.FormatChange(t.Prev.Total, t.Total))
		}
	}
	c.printf("%s\n", countsLine(f, tpl, t))
	stageReport(c, f)

	if fd := f.Funds; fd != nil && tpl.Has(model.SectionFunds) {
		c.printf("%s\n", fundsLine(fd, tpl))
	}
	findings := model.CheckWith(f, tpl)
	if len(findings) == 0 {
		c.printf("\n审核通过：没有发现问题。\n")
		return nil
	}
	c.printf("\n")
	for _, x := range findings {
		c.printf("[%s] %s：%s\n", x.Severity, x.Place, x.Message)
	}
	errs, hints := model.CountFindings(findings)
	c.printf("\n")
	switch {
	case errs > 0:
		c.printf("共 %d 个错误，%d 条提示。请先改正错误，再导出或上报。\n", errs, hints)
		return errFindings
	default:
		c.printf("没有错误；%d 条提示，请看一看是否需要修改。\n", hints)
		return nil
	}
}

// countsLine counts the form's parts in its template's words: “2 项任务，1
// 个单位，2 条目标，5 条绩效指标”, or for a template without tasks that
// calls its goals so “2 条年度绩效目标，5 条年度绩效指标”.
func countsLine(f *model.Form, tpl *model.Template, t model.Totals) string {
	var parts []string
	if tpl.Has(model.SectionTasks) || len(f.Units) > 0 {
		parts = append(parts, fmt.Sprintf("%d 项任务，%d 个单位", t.Tasks, t.UnitCount()))
	}
	goals, inds := tpl.Label(model.SectionGoals), tpl.Label(model.SectionIndicators)
	if goals == "年度总体目标" {
		goals = "目标"
	}
	if tpl.Has(model.SectionGoals) || len(f.Goals) > 0 {
		parts = append(parts, fmt.Sprintf("%d 条%s", t.Goals, goals))
	}
	parts = append(parts, fmt.Sprintf("%d 条%s", len(f.Indicators), inds))
	return strings.Join(parts, "，")
}

// fundsLine is the 部门总体资金情况 line: each side's total in the
// template's words (收入构成合计, 资金总额).
func fundsLine(fd *model.Funds, tpl *model.Template) string {
	l := tpl.Funds
	sides := []model.FundsSide{model.FundsIncome}
	if !l.OneSided() || len(fd.Expense) > 0 {
		sides = append(sides, model.FundsExpense)
	}
	var parts []string
	for _, s := range sides {
		parts = append(parts, fmt.Sprintf("%s %s 万元", l.TotalOf(s), model.FormatMoney(fd.Total(s), false)))
	}
	return fmt.Sprintf("%s：%s", strings.TrimSuffix(tpl.Label(model.SectionFunds), "（万元）"), strings.Join(parts, "，"))
}
