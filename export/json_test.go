package export

import (
	"strings"
	"testing"

	"jixiao/model"
	"jixiao/model/recognize"
)

func TestFileName(t *testing.T) {
	cases := []struct{ dept, year, ext, want string }{
		{"郑州市生态环境局", "2020", "xlsx", "郑州市生态环境局_2020年度_绩效目标申报表.xlsx"},
		{"a/b\\c:d*e?f\"g<h>i|j", "2021", ".pdf", "a_b_c_d_e_f_g_h_i_j_2021年度_绩效目标申报表.pdf"},
		{"  ", "", "json", "未命名部门_未填年度_绩效目标申报表.json"},
		{"..隐藏.", "2020", "xlsx", "隐藏_2020年度_绩效目标申报表.xlsx"},
		{"换\n行\t部门", "2020", "xlsx", "换_行_部门_2020年度_绩效目标申报表.xlsx"},
		// cmd.exe's & % ^ and a device name: see TestSafeFileNameHostile.
		{"局&calc", "%PATH%^", "xlsx", "局_calc_PATH年度_绩效目标申报表.xlsx"},
		{"CON", "2020", "pdf", "_CON_2020年度_绩效目标申报表.pdf"},
	}
	for _, c := range cases {
		f := model.New(c.year, c.dept, recognize.TimeZero)
		if got := FileName(f, c.ext); got != c.want {
			t.Errorf("FileName(%q,%q) = %q, want %q", c.dept, c.year, got, c.want)
		}
	}
	long := model.New("2020", strings.Repeat("很长的部门", 100), recognize.TimeZero)
	if n := len(FileName(long, "xlsx")); n > 200 {
		t.Errorf("name of %d bytes", n)
	}
}

func TestReportString(t *testing.T) {
	r := &ImportReport{Goals: 2, Units: 1, Tasks: 3, Indicators: 4}
	r.Problem("Sheet1!C12", "金额“abc”无法识别")
	r.Note("跳过 1 个空白行")
	want := "已识别：年度总体目标 2 条，任务单位 1 个，主要任务 3 项，绩效指标 4 行。\n" +
		"需要处理的问题（1 个；无法识别的内容已按原文保留，请在程序中改正）：\n  Sheet1!C12：金额“abc”无法识别\n说明：\n  跳过 1 个空白行"
	if got := r.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
