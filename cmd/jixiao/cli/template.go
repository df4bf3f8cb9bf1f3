package cli

// jixiao template list|show|import|export: the 表样 (templates) a finance
// bureau publishes; see docs/templates.md.

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

func runTemplate(c *cli, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usageErrorf("请指定 list、show、check、import、export 或 migrate")
	}
	switch args[0] {
	case "migrate":
		return runTemplateMigrate(c, args[1:])
	case "check":
		return runTemplateCheck(c, args[1:])
	}
	sub, rest := args[0], args[1:]
	fs := flags("template " + sub)
	db := dbFlag(fs)
	asNew := false
	in := &listFlag{}
	if sub == "import" {
		fs.BoolVar(&asNew, "as-new-version", false, "本机已有同一版本、内容不同时，作为新的版本导入")
		in = inFlag(fs, "表样文件")
	}
	pos, err := parse(fs, rest)
	if err != nil {
		return err
	}
	pos = in.files(pos)
	want := map[string]int{"list": 0, "show": 1, "import": 1, "export": 2}
	n, ok := want[sub]
	if !ok {
		return usageErrorf("template 没有“%s”这个子命令，请用 list、show、check、import、export 或 migrate", sub)
	}
	if len(pos) != n {
		switch sub {
		case "show":
			return usageErrorf("请给出表样编号，如 jixiao template show hubei 或 jixiao template show 编号@1（编号见 jixiao template list）")
		case "import":
			return usageErrorf("请给出一个表样文件，如 jixiao template import 表样.json")
		case "export":
			return usageErrorf("请给出表样编号和输出文件，如 jixiao template export hubei 湖北表样.json")
		}
		return usageErrorf("template list 不需要其他参数，多了：%s", strings.Join(pos, " "))
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	stored, bad, err := st.Templates()
	if err != nil {
		return storeErr(err, "")
	}
	for _, k := range bad {
		fmt.Fprintf(c.stderr, "注意：数据文件中的表样 %s 已损坏，无法读取，已跳过。\n", k)
	}
	switch sub {
	case "list":
		listTemplates(c, stored)
		return nil
	case "show", "export":
		t, err := namedTemplate(pos[0], stored)
		if err != nil {
			return err
		}
		if sub == "show" {
			showTemplate(c, t)
			return nil
		}
		b, err := model.MarshalTemplate(t)
		if err != nil {
			return userErrorf("表样“%s”无法写出：%w", t.ID, err)
		}
		if c.toStdout(map[string]string{"json": pos[1]}) {
			c = c.fileToStdout()
		}
		if err := c.writeOut(pos[1], b); err != nil {
			return err
		}
		c.printf("已导出表样 %s 第%d版：%s\n", t.ID, t.Version, pos[1])
		return nil
	}
	// import
	data, err := readLimited(pos[0], model.MaxTemplateFile)
	if err != nil {
		return err
	}
	t, err := model.ParseTemplate(data)
	if err != nil {
		return userErrorf("“%s”：%w（用 jixiao template check %s 可逐条列出问题及其所在的行）", pos[0], err, pos[0])
	}
	same := model.TemplateVersion(t.Ref(), stored)
	switch {
	case same != nil && model.TemplateHash(same) == model.TemplateHash(t):
		c.printf("表样 %s 第%d版已经导入过，内容相同，没有改动：%s\n", t.ID, t.Version, templateName(t))
		return nil
	case same != nil && asNew:
		from := t.Version
		if err := st.PutTemplateAsNewVersion(t); err != nil {
			return userErrorf("“%s”：%w", pos[0], err)
		}
		c.printf("本机的第%d版内容不同，已把这个文件作为第%d版导入：%s  %s\n", from, t.Version, t.ID, templateName(t))
		return nil
	}
	if err := st.PutTemplate(t); err != nil {
		return userErrorf("“%s”：%w", pos[0], err)
	}
	c.printf("已导入表样：%s  %s\n", t.ID, templateName(t))
	return nil
}

// namedTemplate is the template ref names (ID: its newest version here;
// ID@VERSION: that version).
func namedTemplate(ref string, stored []*model.Template) (*model.Template, error) {
	id, version, err := parseTemplateRef(strings.TrimSpace(ref))
	if err != nil {
		return nil, err
	}
	if version == 0 {
		version = 1 << 30
	}
	t := model.FindTemplate(model.TemplateRef{ID: id, Version: version}, stored)
	switch {
	case t == nil:
		return nil, userErrorf("没有编号为“%s”的表样，请用 jixiao template list 查看", id)
	case version != 1<<30 && t.Version != version:
		return nil, userErrorf("本机没有表样“%s”的第%d版（有：%s）", id, version, strings.Join(templateVersions(id, stored), "、"))
	}
	return t, nil
}

// listTemplates prints one line per template id: its newest version here,
// and the older versions kept for the drafts made with them.
func listTemplates(c *cli, stored []*model.Template) {
	all := allTemplates(stored)
	var ids []string
	for _, t := range all {
		if !slices.Contains(ids, t.ID) {
			ids = append(ids, t.ID)
		}
	}
	for _, id := range ids {
		t := model.FindTemplate(model.TemplateRef{ID: id, Version: 1 << 30}, stored)
		line := id + "  " + templateName(t)
		var older []string
		for _, o := range all {
			if o.ID == id && o.Version != t.Version {
				older = append(older, fmt.Sprintf("第%d版", o.Version))
			}
		}
		if len(older) > 0 {
			line += fmt.Sprintf("；本机另有%s（新建可用 --template %s@版本）", strings.Join(older, "、"), id)
		}
		c.printf("%s\n", line)
	}
}

// allTemplates are the built-in templates then the imported ones.
func allTemplates(stored []*model.Template) []*model.Template {
	return append(model.BuiltinTemplates(), stored...)
}

func templateName(t *model.Template) string {
	if t.Version > 1 {
		return fmt.Sprintf("%s（第%d版）", t.Name, t.Version)
	}
	return t.Name
}

func readLimited(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, userErrorf("找不到文件“%s”，请检查路径", path)
		}
		return nil, userErrorf("无法打开文件“%s”：%v", path, err)
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.IsDir() {
		return nil, userErrorf("“%s”是文件夹，请给出表样文件", path)
	}
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, userErrorf("读取文件“%s”失败：%v", path, err)
	}
	if int64(len(data)) > limit {
		return nil, userErrorf("“%s”超过 %d KB，不像是表样文件，未导入", path, limit>>10)
	}
	return data, nil
}

func showTemplate(c *cli, t *model.Template) {
	c.printf("表样：%s\n编号：%s　版本：%d\n", t.Name, t.ID, t.Version)
	if t.Source != "" {
		c.printf("来源：%s\n", t.Source)
	}
	c.printf("标题：%s\n", t.Title)
	var basic []string
	if !t.YearInBasic() {
		basic = append(basic, "年度（印在标题下）")
	}
	placed := slices.ContainsFunc(t.Basic, func(b model.BasicField) bool { return b.Field == model.BasicDept })
	if !placed {
		basic = append(basic, t.Dept())
	}
	for _, b := range t.Basic {
		basic = append(basic, basicWords(t, b))
	}
	c.printf("基本信息：%s\n", strings.Join(basic, "、"))
	var secs []string
	for _, s := range t.Sections {
		secs = append(secs, t.Label(s))
	}
	c.printf("各部分（按打印顺序）：%s\n", strings.Join(secs, " → "))
	if t.Has(model.SectionTasks) {
		names := map[string]string{model.TaskColTotal: "合计", model.TaskColFiscal: "其中：财政资金", model.TaskColOther: "其他资金"}
		var cols []string
		for _, k := range t.TaskColumns {
			cols = append(cols, names[k])
		}
		c.printf("年度主要任务的金额栏目：%s\n", strings.Join(cols, "、"))
	}
	if l := t.Funds; l != nil && t.Has(model.SectionFunds) {
		side := func(s model.FundsSide, rows []string) string {
			if l.TotalFirst {
				return fmt.Sprintf("%s %s，其中 %s", l.SideLabel(s), l.Total(), strings.Join(rows, "、"))
			}
			return fmt.Sprintf("%s %s、%s", l.SideLabel(s), strings.Join(rows, "、"), l.Total())
		}
		sides := side(model.FundsIncome, l.Income)
		if l.OneSided() {
			sides += "（只有这一边）"
		} else {
			sides += "；" + side(model.FundsExpense, l.Expense)
		}
		c.printf("%s：%s；每行 当年金额、占比%s\n", strings.TrimSuffix(t.Label(model.SectionFunds), "（万元）"), sides, fundsYearsText(l))
	}
	var cols []string
	for _, col := range t.IndicatorColumns {
		cols = append(cols, t.ColumnLabel(col.Key))
	}
	c.printf("绩效指标栏目：%s\n", strings.Join(cols, " | "))
	if len(t.Framework) > 0 {
		c.printf("指标体系：\n")
		for _, l := range t.Framework {
			c.printf("  %s：%s\n", l.Name, strings.Join(l.Level2, "、"))
		}
	}
	r := t.Rules
	var rules []string
	if r.WeightSum > 0 {
		rules = append(rules, fmt.Sprintf("%s合计为 %d（有该栏目时）", t.ColumnLabel(model.IndColWeight), r.WeightSum))
	}
	if len(r.RequiredLevel1) > 0 {
		rules = append(rules, "必须有一级指标 "+strings.Join(r.RequiredLevel1, "、"))
	}
	if len(r.RequiredColumns) > 0 {
		var names []string
		for _, k := range r.RequiredColumns {
			names = append(names, t.ColumnLabel(k))
		}
		rules = append(rules, "每行必填 "+strings.Join(names, "、"))
	}
	if r.UnitForQuantity {
		rules = append(rules, "定量指标必须填"+t.ColumnLabel(model.IndColUnit))
	}
	if r.FundsShares {
		rules = append(rules, "占比 = 当年金额 ÷ "+t.Funds.Total())
	}
	if r.FundsBalance {
		rules = append(rules, "收入合计 = 支出合计")
	}
	if r.DutiesRequired {
		rules = append(rules, t.Label(model.SectionDuties)+"必填")
	}
	if len(rules) == 0 {
		rules = append(rules, "（只有通用的审核）")
	}
	c.printf("审核规则：%s\n", strings.Join(rules, "；"))
	paper, orient := t.Print.Paper, "横向"
	if paper == "" {
		paper = "A4"
	}
	if t.Print.Orientation == "portrait" {
		orient = "纵向"
	}
	c.printf("打印：%s %s\n", paper, orient)
}

// fundsYearsText words the 近两年 columns of l for template show: after
// 占比, under their header, each as printed with the year it holds
// (“、近两年收支金额（上年金额、前年金额）”); "" when l has none. A label
// with {year} is shown with 〈年份〉 and an example.
func fundsYearsText(l *model.FundsLayout) string {
	if l == nil || len(l.Years) == 0 {
		return ""
	}
	var cols, example []string
	for _, y := range l.Years {
		word := "上年"
		if y.Back == 2 {
			word = "前年"
		}
		label := y.YearLabel("")
		if strings.Contains(label, "{year}") {
			example = append(example, y.YearLabel("2022"))
			label = strings.ReplaceAll(label, "{year}", "〈年份〉")
		}
		if !strings.HasPrefix(label, word) {
			label += "（" + word + "）"
		}
		cols = append(cols, label)
	}
	s := fmt.Sprintf("、%s（%s）", l.YearsHeader(), strings.Join(cols, "、"))
	if len(example) > 0 {
		s += fmt.Sprintf("；〈年份〉随表的年度，2022 年度的表印作 %s", strings.Join(example, "、"))
	}
	return s
}

// storedTemplates are the templates imported into drafts file db, every
// version, read without opening the file for writing (nothing is created
// or backed up); none when the file cannot be read (the built-in ones
// still apply; a command that goes on to open the file says why).
func storedTemplates(db string) []*model.Template {
	path, err := dbPath(db)
	if err != nil {
		return nil
	}
	ts, _, err := store.ReadTemplates(path)
	if err != nil {
		return nil
	}
	return ts
}

// importOptions are the options of reading a file with the templates
// imported into drafts file db: a sheet without our hidden data is
// recognised among them and the built-in ones.
func importOptions(db string) export.ImportOptions {
	return export.ImportOptions{Templates: storedTemplates(db)}
}

// formTemplate is the template f follows, among the imported ones (read
// from db when use is true) and the built-ins, with a remark when f names
// one that is not known here, another version or another content of it, or
// when a newer version is here (naming draft, the draft's id, in the
// command that migrates it).
func formTemplate(f *model.Form, db string, use bool, draft string) (*model.Template, string) {
	var stored []*model.Template
	if use {
		stored = storedTemplates(db)
	}
	t := model.FindTemplate(f.Template, stored)
	if t == nil {
		d := model.BuiltinTemplate(model.DefaultTemplateID)
		return d, fmt.Sprintf("（本机没有表样“%s”，请先用 jixiao template import 导入；现按“%s”处理）", f.Template.ID, d.Name)
	}
	if f.Template.ID != "" && f.Template.Version != t.Version {
		return t, fmt.Sprintf("（草稿按第%d版填写，本机没有第%d版，现按本机的第%d版处理）", f.Template.Version, f.Template.Version, t.Version)
	}
	if n := model.NewestTemplate(f, stored); n != nil {
		how := "jixiao template migrate --draft " + draft
		if draft == "" {
			how = "先用 jixiao import 导入为草稿，再用 jixiao template migrate --draft 草稿编号"
		}
		return t, fmt.Sprintf("（本机有第%d版；迁移请用 %s）", n.Version, how)
	}
	return t, ""
}

// newTemplate is the template for a new draft: ref when given (an id,
// built-in or imported, in its newest version here; or ID@VERSION, that
// version), else the default.
func newTemplate(st interface {
	Templates() ([]*model.Template, []string, error)
}, ref string) (*model.Template, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return model.BuiltinTemplate(model.DefaultTemplateID), nil
	}
	stored, _, err := st.Templates()
	if err != nil {
		return nil, storeErr(err, "")
	}
	id, version, err := parseTemplateRef(ref)
	if err != nil {
		return nil, err
	}
	if version > 0 {
		t := model.TemplateVersion(model.TemplateRef{ID: id, Version: version}, stored)
		if t == nil {
			if have := templateVersions(id, stored); len(have) > 0 {
				return nil, usageErrorf("本机没有表样“%s”的第%d版（有：%s）", id, version, strings.Join(have, "、"))
			}
		} else {
			return t, nil
		}
	}
	t := model.FindTemplate(model.TemplateRef{ID: id, Version: 1 << 30}, stored)
	if t == nil {
		var ids []string
		for _, t := range allTemplates(stored) {
			if !slices.Contains(ids, t.ID) {
				ids = append(ids, t.ID)
			}
		}
		return nil, usageErrorf("没有编号为“%s”的表样（可用：%s；导入表样用 jixiao template import 文件）", id, strings.Join(ids, "、"))
	}
	return t, nil
}

// parseTemplateRef reads ID or ID@VERSION (version 0 when not given).
func parseTemplateRef(ref string) (string, int, error) {
	id, v, ok := strings.Cut(ref, "@")
	if !ok {
		return id, 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 {
		return "", 0, usageErrorf("表样的版本“%s”不对：请写成 编号@版本，如 %s@1", v, strings.TrimSpace(id))
	}
	return strings.TrimSpace(id), n, nil
}

// templateVersions are the versions of template id here, as 第1版 …
func templateVersions(id string, stored []*model.Template) []string {
	var out []string
	for _, t := range allTemplates(stored) {
		if t.ID == id {
			out = append(out, fmt.Sprintf("第%d版", t.Version))
		}
	}
	return out
}

// basicWords is a 基本信息 field as template show lists it: its label and
// its rules, “预算编码（必填，6 位，只能是数字）”.
func basicWords(t *model.Template, b model.BasicField) string {
	l := b.Label
	var rules []string
	switch b.Field {
	case model.BasicYear:
		l, rules = t.YearLabel(), append(rules, "年度")
	case model.BasicDept:
		l, rules = t.Dept(), append(rules, "部门名称")
	}
	if b.Required {
		rules = append(rules, "必填")
	}
	switch {
	case b.MinLength > 0 && b.MinLength == b.MaxLength:
		rules = append(rules, fmt.Sprintf("%d 位", b.MinLength))
	case b.MinLength > 0 && b.MaxLength > 0:
		rules = append(rules, fmt.Sprintf("%d 到 %d 位", b.MinLength, b.MaxLength))
	case b.MinLength > 0:
		rules = append(rules, fmt.Sprintf("至少 %d 位", b.MinLength))
	case b.MaxLength > 0:
		rules = append(rules, fmt.Sprintf("最多 %d 位", b.MaxLength))
	}
	switch b.Format {
	case model.FormatDigits:
		rules = append(rules, "只能是数字")
	case model.FormatPhone:
		rules = append(rules, "电话号码")
	}
	if len(rules) == 0 {
		return l
	}
	return l + "（" + strings.Join(rules, "，") + "）"
}
