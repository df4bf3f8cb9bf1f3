package recognize

import (
	"strings"

	"jixiao/model"
)

// Texts the printed form shows that the import reads back: the
// continuation mark of a group cut by a page break, the separator of a
// 三级指标 and its sub-indicator, and the 部门总体资金情况 table's headers
// and 占比. export's layout prints them from here, so that what is written
// and what is read are the same.

// SubSep joins a 三级指标 and its Sub in the 三级指标 column:
// 成本控制成效：在职人员经费变动率.
const SubSep = "："

// FundsHeaders are the headers of the 部门总体资金情况 table.
const (
	FundsSideHeader   = "类别"
	FundsNameHeader   = "项目"
	FundsAmountHeader = "当年金额"
	FundsShareHeader  = "占比"
)

// ContMark labels the continuation of a group cut by a page break.
const ContMark = "（续）"

// IsContinuation reports whether name is prev's label on a continuation
// page (prev + （续）, also with half-width brackets).
func IsContinuation(name, prev string) bool {
	prev = strings.TrimSpace(prev)
	if prev == "" {
		return false
	}
	return Norm(name) == Norm(prev+ContMark) // norm folds （续） to (续)
}

// FundsShareText is the 占比 a row shows: as typed, else computed.
func FundsShareText(r model.FundRow, total model.Money) string {
	if s := strings.TrimSpace(r.Share); s != "" {
		return r.Share
	}
	if !r.Amount.Valid() {
		return ""
	}
	return model.FormatShare(r.Amount.Money(), total)
}
