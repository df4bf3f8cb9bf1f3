// Package reply is the wording of an 审核意见 (the reply to a reviewed file),
// shared by its PDF and xlsx writers; it knows neither format.
package reply

import (
	"fmt"
	"strings"
	"time"

	"jixiao/model"
)

// ReplyFindings are the findings to send back: the failure of a file that
// could not be read, as one error, else its findings.
func ReplyFindings(r *model.FileReview) []model.FileFinding {
	if r.Failed() {
		return []model.FileFinding{{Severity: model.SevError, Where: "整个文件", Message: r.Failure + "。请改正后重新发送"}}
	}
	return r.Findings
}

// PlaceOrWhere is a finding's place in the file, else its place in the
// form (a JSON file has no other), else 整个文件.
func PlaceOrWhere(x model.FileFinding) string {
	switch {
	case x.Place != "":
		return x.Place
	case x.Where != "":
		return x.Where
	}
	return "整个文件"
}

func OrUnfilled(s string) string {
	if strings.TrimSpace(s) == "" {
		return "（未填写）"
	}
	return s
}

// ReviewVerdict is the 审核结论 of a file in one sentence.
func ReviewVerdict(r *model.FileReview) string {
	switch {
	case r.Failed():
		return "审核结论：文件无法读取，没有审核。" + r.Failure
	case r.Errors > 0:
		return fmt.Sprintf("审核结论：未通过。有 %d 个错误、%d 条提示；请改正错误后重新报送。", r.Errors, r.Hints)
	case r.Hints > 0:
		return fmt.Sprintf("审核结论：通过，没有错误。有 %d 条提示，请看一看是否需要修改。", r.Hints)
	}
	return "审核结论：通过，没有发现问题。"
}

// ReplyHead are the lines above an 审核意见's table.
func ReplyHead(r *model.FileReview, when time.Time) []string {
	return []string{
		"审核意见",
		"文件：" + r.Name,
		fmt.Sprintf("部门：%s　年度：%s", OrUnfilled(r.Dept), OrUnfilled(r.Year)),
		ReviewVerdict(r),
		"审核日期：" + when.Format("2006年1月2日") + "　（位置按贵单位报来的文件标注：工作表和单元格、页和行、表格的行和格）",
	}
}
