package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"jixiao/export"
	"jixiao/model"
	"jixiao/model/merge"
	"jixiao/store"
)

func runMerge(c *cli, args []string) error {
	fs := flags("merge")
	db := dbFlag(fs)
	into := fs.String("into", "", "草稿编号")
	yes := fs.Bool("yes", false, "确认合并")
	replace := fs.Bool("replace", false, "已有的单位用文件中的替换")
	keepBoth := fs.Bool("keep-both", false, "已有的单位两者都保留")
	skip := fs.Bool("skip", false, "已有的单位跳过文件中的")
	keepGoals := fs.Bool("keep-same-goals", false, "文字相同的目标分别保留")
	allowYear := fs.Bool("allow-year", false, "允许合并不同年度的文件")
	in := inFlag(fs, "要合并的文件（可以给多个）")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	files = in.files(files)
	if strings.TrimSpace(*into) == "" {
		return usageErrorf("请用 --into 指定要合并进去的草稿编号")
	}
	if len(files) == 0 {
		return usageErrorf("请列出要合并的文件（.xlsx 或 .json），可以列多个")
	}
	choices := merge.Choices{AllowYear: *allowYear, KeepSameGoals: *keepGoals}
	unitChoice := ""
	for _, o := range []struct {
		set  bool
		name string
		act  merge.UnitAction
	}{{*replace, "--replace", merge.UnitReplace}, {*keepBoth, "--keep-both", merge.UnitKeepBoth}, {*skip, "--skip", merge.UnitSkip}} {
		if !o.set {
			continue
		}
		if unitChoice != "" {
			return usageErrorf("%s 和 %s 只能选一个", unitChoice, o.name)
		}
		unitChoice, choices.Default = o.name, o.act
	}

	// Read every file first: a file that cannot be read stops everything
	// before the draft is touched.
	var parts []merge.Part
	var recorded []*model.Template // the template each file records
	opts := importOptions(*db)
	for _, path := range files {
		f, rep, err := export.ImportFile(path, opts)
		if err != nil {
			return userErrorf("%w\n没有合并任何文件，草稿未改动。", err)
		}
		label := filepath.Base(path)
		parts = append(parts, merge.Part{Label: label, Form: f})
		if rep != nil {
			recorded = append(recorded, rep.FileTemplate)
		} else {
			recorded = append(recorded, nil)
		}
		t := model.ComputeTotals(f)
		c.printf("已读取“%s”：%s，%s；目标%d条，单位%d个，任务%d行（合计 %s 万元），绩效指标%d行。\n",
			label, mergeYear(f.Year), mergeDept(f.Dept), len(f.Goals), t.UnitCount(), t.Tasks, model.FormatMoney(t.Total, true), len(f.Indicators))
		if rep != nil && len(rep.Problems) > 0 {
			c.printf("  其中有%d处需要处理（原文已保留，合并后请在程序中改正）：\n", len(rep.Problems))
			for _, p := range rep.Problems {
				c.printf("    %s\n", p.String())
			}
		}
	}

	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	if ts, _, err := st.Templates(); err == nil {
		choices.Templates = ts // to name an imported 表样 in messages
	}
	id := strings.TrimSpace(*into)
	draft, err := st.Load(id)
	if err != nil {
		return storeErr(err, id)
	}
	before := model.ComputeTotals(draft)
	c.printf("\n草稿 %s：%s，%s；单位%d个，任务%d行，合计 %s 万元。\n",
		id, mergeYear(draft.Year), mergeDept(draft.Dept), before.UnitCount(), before.Tasks, model.FormatMoney(before.Total, true))
	// A unit's file of another version of the draft's 表样 is moved to the
	// draft's version first, by its columns' meaning (never merged by
	// position into the new columns).
	for i := range parts {
		if g, m := model.ToVersionOf(parts[i].Form, draft, recorded[i], choices.Templates); m != nil {
			parts[i].Form = g
			c.printf("\n“%s”按表样第%d版填写，已先按各栏的含义迁移到草稿的第%d版：\n", parts[i].Label, m.From.Version, m.To.Version)
			for _, l := range m.Lines() {
				c.printf("  %s\n", l)
			}
		}
	}

	// The plan.
	conflicts := merge.Plan(draft, parts)
	var needConfirm, units, years, goals int
	if len(conflicts) == 0 {
		c.printf("\n检查结果：没有需要确认的问题。\n")
	} else {
		c.printf("\n检查结果（合并前请看清）：\n")
		for _, k := range []merge.ConflictKind{merge.ConflictYear, merge.ConflictDept, merge.ConflictUnitExists, merge.ConflictSameTask, merge.ConflictSameGoal, merge.ConflictIndicator} {
			first := true
			for _, cf := range conflicts {
				if cf.Kind != k {
					continue
				}
				if first {
					c.printf("【%s】\n", k)
					first = false
				}
				c.printf("  %s\n", cf.String())
				switch k {
				case merge.ConflictUnitExists:
					units++
				case merge.ConflictYear:
					years++
				case merge.ConflictSameGoal:
					goals++
				}
				if cf.NeedsConfirm() {
					needConfirm++
				}
			}
		}
	}
	if goals > 0 && !*keepGoals {
		c.printf("  （在命令行选择“相同目标分别保留”：加 --keep-same-goals。）\n")
	}
	var missing []string
	if years > 0 && !*allowYear {
		missing = append(missing, "有文件的年度与草稿不同：确需合并时请加 --allow-year")
	}
	if units > 0 && unitChoice == "" {
		missing = append(missing, fmt.Sprintf("有%d个单位已经存在：请加 --replace（用文件中的替换已有的）、--keep-both（两者都保留）或 --skip（跳过文件中的）选择处理方式", units))
	}
	if needConfirm > 0 && !*yes {
		missing = append(missing, "请核对上面列出的问题，确认无误后加 --yes 重新运行")
	}
	if len(missing) > 0 {
		return userErrorf("\n尚未合并，草稿未改动。\n%s", "· "+strings.Join(missing, "\n· "))
	}

	merged, report, err := merge.Merge(draft, parts, choices)
	if err != nil {
		return userErr(err)
	}
	// Whether the save wrote a revision is told by the newest revision's
	// number: the count of kept revisions stops growing at
	// store.KeepRecent.
	revBefore, err := newestRevision(st, id)
	if err != nil {
		return storeErr(err, id)
	}
	if err := st.Save(id, merged); err != nil {
		return userErrorf("合并没有保存：%w\n草稿未改动。", err)
	}
	revAfter, err := newestRevision(st, id)
	if err != nil {
		return storeErr(err, id)
	}

	c.printf("\n合并结果：\n%s", report.String())
	tot := model.ComputeTotals(merged)
	c.printf("\n合并后草稿 %s：目标%d条，单位%d个，任务%d行，合计 %s 万元，绩效指标%d行。\n",
		id, len(merged.Goals), tot.UnitCount(), tot.Tasks, model.FormatMoney(tot.Total, true), len(merged.Indicators))
	if tot.Invalid > 0 {
		c.printf("注意：有%d个金额填写有误，没有计入合计；请打开草稿改正。\n", tot.Invalid)
	}
	if revAfter > revBefore && revBefore > 0 {
		c.printf("已保存。如需撤销，可在“历史版本”中恢复合并前的版本（第 %d 版）。\n", revBefore)
	} else {
		c.printf("草稿内容没有变化（所有内容都已存在或被跳过）。\n")
	}
	return nil
}

// newestRevision is the number of draft id's newest revision (0 when it
// has none).
func newestRevision(st *store.Store, id string) (int, error) {
	revs, err := st.Revisions(id)
	if err != nil || len(revs) == 0 {
		return 0, err
	}
	return revs[0].N, nil
}

func mergeYear(y string) string {
	y = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(y), "年度"), "年")
	if y == "" {
		return "年度未填"
	}
	return y + "年度"
}

func mergeDept(d string) string {
	if d = strings.TrimSpace(d); d == "" {
		return "部门名称未填"
	}
	return d
}
