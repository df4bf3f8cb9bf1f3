package cli

import (
	"fmt"

	"jixiao/model"
)

// runTemplateCheck is `jixiao template check FILE`: every problem of a
// template file at once, each with its line and place in the file, so that
// a bureau's IT clerk fixes the file in one go before sending it out. It
// reads the file only (no drafts file is opened). Exit 0 when the file is
// a valid template, 1 when it has problems, 2 on misuse.
func runTemplateCheck(c *cli, args []string) error {
	fs := flags("template check")
	dbFlag(fs) // accepted like on every command; not used
	in := inFlag(fs, "表样文件")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	pos = in.files(pos)
	if len(pos) != 1 {
		return usageErrorf("请给出一个表样文件，如 jixiao template check 表样.json")
	}
	data, err := readLimited(pos[0], model.MaxTemplateFile)
	if err != nil {
		return err
	}
	t, ps := model.CheckTemplateFile(data)
	c.printf("表样文件：%s\n", pos[0])
	if t != nil && t.ID != "" {
		c.printf("表样：%s 第%d版 %s\n", t.ID, t.Version, t.Name)
	}
	if len(ps) == 0 {
		c.printf("没有发现问题：可以用 jixiao template import %s 导入。\n", pos[0])
		return nil
	}
	c.printf("发现 %d 个问题（请逐条改正后再导入；行号是文件中的行）：\n", len(ps))
	for _, p := range ps {
		c.printf("  %s\n", p)
	}
	return userErrorf("%s", fmt.Sprintf("表样文件有 %d 个问题，不能导入", len(ps)))
}
