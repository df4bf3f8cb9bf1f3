package cli

// jixiao template migrate: move a draft to a newer version of its 表样
// (or another version with --to), printing what changes and where each
// typed value goes (model.Migrate); --dry-run only prints.

import (
	"fmt"
	"strconv"
	"strings"

	"jixiao/model"
)

func runTemplateMigrate(c *cli, args []string) error {
	fs := flags("template migrate")
	db := dbFlag(fs)
	draft := fs.String("draft", "", "草稿编号")
	to := fs.String("to", "", "迁移到的版本（默认本机最新的版本）")
	dry := fs.Bool("dry-run", false, "只列出变化，不迁移")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageErrorf("不认识的参数：%s", strings.Join(rest, " "))
	}
	id := strings.TrimSpace(*draft)
	if id == "" {
		return usageErrorf("请用 --draft 指定要迁移的草稿编号（jixiao list 可查看）")
	}
	want := 0
	if s := strings.TrimSpace(*to); s != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSuffix(s, "版"), "第"))
		if err != nil || n < 1 {
			return usageErrorf("--to 应是表样的版本号，如 --to 2，现在是“%s”", s)
		}
		want = n
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
	stored, _, err := st.Templates()
	if err != nil {
		return storeErr(err, "")
	}
	ref := f.Template
	if ref.ID == "" {
		ref = model.TemplateRef{ID: model.DefaultTemplateID, Version: 1}
	}
	var target *model.Template
	if want > 0 {
		target = model.TemplateVersion(model.TemplateRef{ID: ref.ID, Version: want}, stored)
		if target == nil {
			return userErrorf("本机没有表样“%s”的第%d版（有：%s）；请先用 jixiao template import 导入", ref.ID, want, versions(ref.ID, stored))
		}
	} else if target = model.NewestTemplate(f, stored); target == nil {
		c.printf("草稿 %s 所用的表样“%s”第%d版已是本机最新的版本，不需要迁移。\n", id, ref.ID, ref.Version)
		return nil
	}
	from := model.TemplateVersion(ref, stored)
	g, m, err := model.Migrate(f, from, target)
	if err != nil {
		return userErrorf("草稿 %s：%w", id, err)
	}
	for _, l := range m.Lines() {
		c.printf("%s\n", l)
	}
	if *dry {
		c.printf("（只列出变化，草稿未改动；去掉 --dry-run 即迁移）\n")
		return nil
	}
	if err := st.Save(id, g); err != nil {
		return storeErr(err, id)
	}
	c.printf("草稿 %s 已迁移到表样“%s”第%d版；迁移前的内容留在草稿的历史版本中，可以在程序中恢复。\n", id, target.Name, target.Version)
	return nil
}

// versions lists the versions of template id known here, e.g. "1、2".
func versions(id string, stored []*model.Template) string {
	var vs []string
	for _, t := range allTemplates(stored) {
		if t.ID == id {
			vs = append(vs, fmt.Sprint(t.Version))
		}
	}
	if len(vs) == 0 {
		return "无"
	}
	return strings.Join(vs, "、")
}
