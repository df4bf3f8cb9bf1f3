package cli

// The drafts subcommands: list, new, sample, carry, delete and restore,
// all on the drafts file (store).

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"jixiao/model"
	"jixiao/store"
)

// dbPath is the drafts file named by --db, else JIXIAO_DB or the default.
func dbPath(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	p, err := store.DefaultPath()
	if err != nil {
		return "", userErr(err)
	}
	return p, nil
}

// openStore opens the drafts file; its errors (in use, damaged, newer
// version) become user errors with the store's Chinese message.
func openStore(db string) (*store.Store, error) {
	path, err := dbPath(db)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(path)
	if err != nil {
		return nil, storeErr(err, "")
	}
	return st, nil
}

// storeErr turns a store error into a user error; id names the draft for
// ErrNotFound.
func storeErr(err error, id string) error {
	if err == nil {
		return nil
	}
	var nf *store.NotFoundError
	if errors.As(err, &nf) && nf.Revision == 0 && id != "" {
		return &userError{msg: fmt.Sprintf("没有编号为 %s 的草稿，请用 jixiao list 查看（回收站中的草稿用 jixiao list --trash 查看）。", id), err: err}
	}
	return userErr(err)
}

// loadDraft returns draft id of the drafts file db (used by check, export
// and the other commands that take --draft).
func loadDraft(db, id string) (*model.Form, error) {
	id = strings.TrimSpace(id)
	st, err := openStore(db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	f, err := st.Load(id)
	if err != nil {
		return nil, storeErr(err, id)
	}
	return f, nil
}

func yearLabel(y string) string {
	if strings.TrimSpace(y) == "" {
		return "（未填年度）"
	}
	return y
}

func deptLabel(d string) string {
	if strings.TrimSpace(d) == "" {
		return "（未填部门）"
	}
	return d
}

func runList(c *cli, args []string) error {
	fs := flags("list")
	db := dbFlag(fs)
	trash := fs.Bool("trash", false, "列出回收站")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageErrorf("list 不需要其他参数：%s", strings.Join(rest, " "))
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.List()
	if *trash {
		list, err = st.Trashed()
	}
	if err != nil {
		return storeErr(err, "")
	}
	if len(list) == 0 {
		if *trash {
			fmt.Fprintln(c.stderr, "回收站是空的。")
		} else {
			fmt.Fprintln(c.stderr, "还没有草稿。可以用 jixiao new --year 2021 --dept 部门名称 新建，或用 jixiao sample 加入内置示例。")
		}
		return nil
	}
	for _, in := range list {
		line := fmt.Sprintf("%s  %s  %s  修改于 %s", in.ID, yearLabel(in.Year), deptLabel(in.Dept), in.Updated.Local().Format("2006-01-02 15:04"))
		if in.Origin != "" {
			line += "  " + in.Origin
		}
		c.printf("%s\n", line)
	}
	return nil
}

func runNew(c *cli, args []string) error {
	fs := flags("new")
	db := dbFlag(fs)
	year := fs.String("year", "", "年度")
	dept := fs.String("dept", "", "部门名称")
	tplID := fs.String("template", "", "表样编号")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageErrorf("不认识的参数：%s", strings.Join(rest, " "))
	}
	if strings.TrimSpace(*year) == "" {
		return usageErrorf("请用 --year 指定年度，如 --year 2021")
	}
	y, ok := model.ParseYear(*year)
	if !ok {
		return usageErrorf("年度“%s”不是有效的年份，请填写4位数字的年份，如 --year 2021", *year)
	}
	d := strings.TrimSpace(*dept)
	if d == "" {
		return usageErrorf("请用 --dept 指定部门名称，如 --dept 郑州市生态环境局")
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	f := model.New(fmt.Sprint(y), d, time.Now())
	f.Meta.Origin = "新建"
	tpl, err := newTemplate(st, *tplID)
	if err != nil {
		return err
	}
	model.ApplyTemplate(f, tpl)
	id, err := st.Create(f)
	if err != nil {
		return storeErr(err, "")
	}
	_ = st.SetLastTemplate(tpl.ID) // only a default for the next 新建
	c.printf("已新建草稿：%d年度 %s（表样：%s）\n%s\n", y, d, templateName(tpl), id)
	return nil
}

func runSample(c *cli, args []string) error {
	fs := flags("sample")
	db := dbFlag(fs)
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageErrorf("sample 不需要其他参数：%s", strings.Join(rest, " "))
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	f := model.Sample()
	f.Meta.Created = time.Now()
	id, err := st.Create(f)
	if err != nil {
		return storeErr(err, "")
	}
	t := model.ComputeTotals(f)
	c.printf("已加入内置示例：%s年度 %s，目标%d条，任务%d行，合计 %s 万元\n%s\n",
		f.Year, f.Dept, len(f.Goals), t.Tasks, model.FormatMoney(t.Total, true), id)
	return nil
}

// excerpt shows where a replacement falls in its text: a few characters
// either side, with … where the text goes on.
func excerpt(text string, offset int, old, repl string) (before, after string) {
	if offset < 0 || offset+len(old) > len(text) || text[offset:offset+len(old)] != old {
		return old, repl
	}
	const around = 8 // characters either side
	head, tail := text[:offset], text[offset+len(old):]
	pre, post := "", ""
	if utf8.RuneCountInString(head) > around {
		r := []rune(head)
		head, pre = string(r[len(r)-around:]), "…"
	}
	if utf8.RuneCountInString(tail) > around {
		tail, post = string([]rune(tail)[:around]), "…"
	}
	return pre + head + old + tail + post, pre + head + repl + tail + post
}

func runCarry(c *cli, args []string) error {
	fs := flags("carry")
	db := dbFlag(fs)
	from := fs.String("draft", "", "上年的草稿编号")
	year := fs.String("year", "", "新年度")
	tplID := fs.String("template", "", "新草稿的表样编号（默认与上年相同）")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageErrorf("不认识的参数：%s", strings.Join(rest, " "))
	}
	id := strings.TrimSpace(*from)
	if id == "" {
		return usageErrorf("请用 --draft 指定上年的草稿编号（jixiao list 可查看）")
	}
	if strings.TrimSpace(*year) == "" {
		return usageErrorf("请用 --year 指定新年度，如 --year 2021")
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	prev, err := st.Load(id)
	if err != nil {
		return storeErr(err, id)
	}
	next, reps, mig, err := carryInto(st, prev, *year, *tplID)
	if err != nil {
		return err
	}
	next.Meta.OriginDraft = id
	newID, err := st.Create(next)
	if err != nil {
		return storeErr(err, "")
	}
	c.printf("复制上年：草稿 %s（%s年度 %s）→ %s年度\n", id, yearLabel(prev.Year), deptLabel(prev.Dept), next.Year)
	applied := 0
	for _, r := range reps {
		if !r.Applied {
			continue
		}
		applied++
		b, a := excerpt(r.Before, r.Offset, r.Old, r.New)
		c.printf("  %s：%s → %s\n", r.Loc.Describe(prev), b, a)
	}
	if applied == 0 {
		c.printf("  没有需要替换的年份文字。\n")
	} else {
		c.printf("共替换 %d 处年份。请在程序中逐项核对，特别是标记为“待核对”的金额。\n", applied)
	}
	printCarryTemplate(c, st, prev, mig)
	c.printf("%s\n", newID)
	return nil
}

func runDelete(c *cli, args []string) error {
	fs := flags("delete")
	db := dbFlag(fs)
	draft := fs.String("draft", "", "草稿编号")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	id := strings.TrimSpace(*draft)
	if id == "" && len(rest) == 1 {
		id = rest[0]
	} else if len(rest) > 0 {
		return usageErrorf("不认识的参数：%s", strings.Join(rest, " "))
	}
	if id == "" {
		return usageErrorf("请用 --draft 指定要删除的草稿编号（jixiao list 可查看）")
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	info, err := st.Info(id)
	if err != nil {
		return storeErr(err, id)
	}
	if err := st.Delete(id); err != nil {
		return storeErr(err, id)
	}
	c.printf("草稿 %s（%s年度 %s）已移到回收站。需要时可以用 jixiao restore --draft %s 恢复。\n", id, yearLabel(info.Year), deptLabel(info.Dept), id)
	return nil
}

func runRestore(c *cli, args []string) error {
	fs := flags("restore")
	db := dbFlag(fs)
	list := fs.Bool("list", false, "列出备份")
	draft := fs.String("draft", "", "从回收站恢复的草稿编号")
	in := inFlag(fs, "备份文件")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	rest = in.files(rest)
	modes := 0
	for _, set := range []bool{*list, *draft != "", len(rest) > 0} {
		if set {
			modes++
		}
	}
	if modes != 1 || len(rest) > 1 {
		return usageErrorf("请在 --list、一个备份文件、--draft 编号 中选择一个")
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	switch {
	case *list:
		bs, err := store.Backups(path)
		if err != nil {
			return userErr(err)
		}
		if len(bs) == 0 {
			fmt.Fprintf(c.stderr, "数据文件 %s 还没有备份（程序每次打开已有的数据文件时会先备份一份）。\n", path)
			return nil
		}
		c.printf("数据文件 %s 的备份（最新的在前）：\n", path)
		for _, b := range bs {
			state := ""
			if err := store.CheckFile(b.Path); err != nil {
				state = "  已损坏，不能使用"
			}
			note := ""
			if b.Note != "" {
				note = "  " + b.Note
			}
			c.printf("%s  %s  %s%s%s\n", b.Path, b.Time.Format("2006-01-02 15:04:05"), sizeLabel(b.Size), note, state)
		}
		c.printf("恢复：jixiao restore 备份文件（当前的数据文件会先另存为备份）\n")
		return nil
	case *draft != "":
		id := strings.TrimSpace(*draft)
		st, err := store.Open(path)
		if err != nil {
			return storeErr(err, "")
		}
		defer st.Close()
		if err := st.Restore(id); err != nil {
			return storeErr(err, id)
		}
		info, _ := st.Info(id)
		c.printf("草稿 %s（%s年度 %s）已从回收站恢复。\n", id, yearLabel(info.Year), deptLabel(info.Dept))
		return nil
	default:
		if err := store.RestoreBackup(path, rest[0]); err != nil {
			return userErr(err)
		}
		c.printf("已用备份 %s 恢复数据文件 %s。恢复前的数据文件已另存在备份文件夹中（jixiao restore --list 可查看）。\n", rest[0], path)
		return nil
	}
}

func sizeLabel(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}
