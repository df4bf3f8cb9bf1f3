package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Template files (docs/templates.md): UTF-8 JSON, an envelope
// {"format":"jixiao-template","version":1,"template":{…}}.
const (
	TemplateFormat        = "jixiao-template"
	TemplateFormatVersion = 1
	// MaxTemplateFile is the largest template file read (a template is a
	// few kilobytes).
	MaxTemplateFile = 1 << 20
)

type templateEnvelope struct {
	Format   string          `json:"format"`
	Version  int             `json:"version"`
	Template json.RawMessage `json:"template"`
}

// MarshalTemplate writes t as a template file, indented.
func MarshalTemplate(t *Template) ([]byte, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	tb, err := json.Marshal(t)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(templateEnvelope{Format: TemplateFormat, Version: TemplateFormatVersion, Template: tb})
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// ParseTemplate reads a template file. Anything that is not a valid
// template (damaged, another kind of file, a newer version, values out of
// range) gives a plain Chinese error that says what is wrong.
func ParseTemplate(b []byte) (*Template, error) {
	if len(b) > MaxTemplateFile {
		return nil, Errorf(EINVALID, "文件超过 %d KB，不像是表样文件，未导入", MaxTemplateFile>>10)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		return nil, Errorf(EINVALID, "文件不是 UTF-8 文本，不是表样文件，未导入")
	}
	var env templateEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		return nil, Wrap(err, EINVALID, "文件不是有效的表样文件（JSON 格式有误：%s），未导入", jsonMsg(err))
	}
	switch {
	case env.Format == "":
		return nil, Errorf(EINVALID, "文件不是 jixiao 表样文件（缺少 \"format\": \"jixiao-template\"），未导入")
	case env.Format != TemplateFormat:
		return nil, Errorf(EINVALID, "文件的格式是“%s”，不是 jixiao 表样文件，未导入", short(env.Format))
	case env.Version < 1:
		return nil, Errorf(EINVALID, "表样文件的版本号“%d”无效，未导入", env.Version)
	case env.Version > TemplateFormatVersion:
		return nil, Errorf(EUNSUPPORTED, "此表样文件由更新版本的 jixiao 生成（第 %d 版，本程序只认识到第 %d 版），请升级 jixiao 后再导入", env.Version, TemplateFormatVersion)
	case len(env.Template) == 0 || string(env.Template) == "null":
		return nil, Errorf(EINVALID, "表样文件中没有表样内容（缺少 \"template\"），未导入")
	}
	dec := json.NewDecoder(bytes.NewReader(env.Template))
	dec.DisallowUnknownFields()
	var t Template
	if err := dec.Decode(&t); err != nil {
		return nil, Wrap(err, EINVALID, "表样内容有误（%s），未导入", jsonMsg(err))
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	return &t, nil
}

func jsonMsg(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("第 %d 个字节附近语法错误", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("“%s”的值类型不对", te.Field)
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return "有本程序不认识的项 " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	}
	return short(err.Error())
}

func short(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:60]) + "…"
	}
	return s
}

var knownSections = []string{SectionGoals, SectionTasks, SectionFunds, SectionDuties, SectionIndicators}
var knownTaskCols = []string{TaskColTotal, TaskColFiscal, TaskColOther}
var knownIndCols = []string{IndColL1, IndColL2, IndColL3, IndColValue, IndColExplain, IndColNote, IndColWeight, IndColUnit, IndColValueType, IndColScoring, IndColNature, IndColDirection}

const maxLabel = 100

// Validate says in plain Chinese what is wrong with t (nil when nothing).
func (t *Template) Validate() error {
	bad := func(format string, args ...any) error {
		return Errorf(EINVALID, "表样有误："+format+"，未导入", args...)
	}
	label := func(what, s string, required bool) error {
		switch {
		case required && strings.TrimSpace(s) == "":
			return bad("缺少%s", what)
		case utf8.RuneCountInString(s) > maxLabel:
			return bad("%s超过 %d 个字", what, maxLabel)
		case strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }):
			return bad("%s含有控制字符", what)
		}
		return nil
	}
	if t.ID == "" || len(t.ID) > 64 || strings.ContainsFunc(t.ID, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
	}) {
		return bad("编号（id）“%s”无效，只能用小写字母、数字和 - _ .，最长 64 个字符", short(t.ID))
	}
	if t.Version < 1 || t.Version > 1_000_000 {
		return bad("版本（version）应为正整数")
	}
	for _, l := range []struct {
		what, s string
		req     bool
	}{{"名称（name）", t.Name, true}, {"标题（title）", t.Title, true}, {"部门名称的标签", t.DeptLabel, false}} {
		if err := label(l.what, l.s, l.req); err != nil {
			return err
		}
	}
	if utf8.RuneCountInString(t.Source) > 1000 {
		return bad("来源说明超过 1000 个字")
	}
	if len(t.Basic) > 20 {
		return bad("基本信息栏目超过 20 个")
	}
	for _, b := range t.Basic {
		if err := label("基本信息栏目名称", b.Label, true); err != nil {
			return err
		}
		if n := strings.TrimSpace(b.Label); n == "年度" || n == "部门名称" || n == t.Dept() {
			return bad("基本信息栏目“%s”是固定栏目，不要重复列出", n)
		}
	}
	if len(t.Sections) == 0 {
		return bad("没有列出任何部分（sections）")
	}
	for i, s := range t.Sections {
		if !slices.Contains(knownSections, s) {
			return bad("不认识的部分“%s”（可用：%s）", short(s), strings.Join(knownSections, "、"))
		}
		if slices.Index(t.Sections, s) != i {
			return bad("部分“%s”列出了两次", s)
		}
	}
	if !t.Has(SectionIndicators) {
		return bad("缺少绩效指标部分（indicators）")
	}
	for k, v := range t.Labels {
		if !slices.Contains(knownSections, k) {
			return bad("标签对应的部分“%s”不存在", short(k))
		}
		if err := label("部分的标签", v, false); err != nil {
			return err
		}
	}
	for _, c := range t.TaskColumns {
		if !slices.Contains(knownTaskCols, c) {
			return bad("不认识的任务栏目“%s”（可用：%s）", short(c), strings.Join(knownTaskCols, "、"))
		}
	}
	if t.Has(SectionFunds) {
		if t.Funds == nil || len(t.Funds.Income) == 0 || len(t.Funds.Expense) == 0 {
			return bad("有部门总体资金情况部分，但没有列出收入构成和支出构成（funds）")
		}
		if len(t.Funds.Income)+len(t.Funds.Expense) > 40 {
			return bad("部门总体资金情况的行超过 40 行")
		}
		for _, n := range append(slices.Clone(t.Funds.Income), t.Funds.Expense...) {
			if err := label("资金情况的行名", n, true); err != nil {
				return err
			}
		}
		if err := t.Funds.validateYears(); err != nil {
			return bad("%s", err.Error())
		}
		if err := label("近两年收支金额的标题", t.Funds.YearsLabel, false); err != nil {
			return err
		}
		for _, y := range t.Funds.Years {
			if err := label("近两年收支金额的列标题", y.Label, false); err != nil {
				return err
			}
		}
	}
	if len(t.IndicatorColumns) > len(knownIndCols) {
		return bad("指标栏目太多")
	}
	for _, c := range t.IndicatorColumns {
		if !slices.Contains(knownIndCols, c.Key) {
			return bad("不认识的指标栏目“%s”（可用：%s）", short(c.Key), strings.Join(knownIndCols, "、"))
		}
		if err := label("指标栏目标题", c.Label, false); err != nil {
			return err
		}
	}
	for _, k := range []string{IndColL1, IndColL2, IndColL3, IndColValue} {
		if !t.HasColumn(k) {
			return bad("指标栏目缺少“%s”", indicatorDefault[k])
		}
	}
	if len(t.Framework) > 50 {
		return bad("指标体系的一级指标超过 50 个")
	}
	for _, l := range t.Framework {
		if err := label("一级指标名称", l.Name, true); err != nil {
			return err
		}
		if len(l.Level2) > 50 {
			return bad("一级指标“%s”下的二级指标超过 50 个", l.Name)
		}
		for _, n := range l.Level2 {
			if err := label("二级指标名称", n, true); err != nil {
				return err
			}
		}
	}
	r := t.Rules
	if r.WeightSum < 0 || r.WeightSum > 10000 {
		return bad("分值合计（weightSum）应在 0 到 10000 之间")
	}
	for _, n := range r.RequiredLevel1 {
		if err := label("必须有的一级指标", n, true); err != nil {
			return err
		}
	}
	for _, k := range r.RequiredColumns {
		if !t.HasColumn(k) {
			return bad("必填栏目“%s”不在指标栏目中", short(k))
		}
	}
	if (r.FundsShares || r.FundsBalance) && !t.Has(SectionFunds) {
		return bad("有资金情况的规则，但没有部门总体资金情况部分")
	}
	if r.DutiesRequired && !t.Has(SectionDuties) {
		return bad("要求填写部门职能概述，但没有这一部分（duties）")
	}
	switch t.Print.Paper {
	case "", "A4", "A3":
	default:
		return bad("纸张“%s”不支持（可用 A4、A3）", short(t.Print.Paper))
	}
	switch t.Print.Orientation {
	case "", "landscape", "portrait":
	default:
		return bad("方向“%s”不支持（可用 landscape 横向、portrait 纵向）", short(t.Print.Orientation))
	}
	for k, w := range t.Print.Widths {
		if !slices.Contains(knownIndCols, k) {
			return bad("列宽对应的栏目“%s”不存在", short(k))
		}
		if w < 0 || w > 100 {
			return bad("栏目“%s”的列宽 %d 不在 0 到 100 之间", k, w)
		}
	}
	return nil
}
