package ui

import "jixiao/model"

// The window shows errors by their code (model.ErrorCode), never by their
// text: errMessage is what the clerk reads, errTitle the dialog's title.

// errMessage is the text of err for a dialog: its own Chinese message when
// it carries a code, else the program-error sentence (model.ErrorMessage).
func errMessage(err error) string { return model.ErrorMessage(err) }

// errTitle is the title of the dialog that reports err after action (e.g.
// 导出失败): a bug of ours says so, so that the clerk does not look for a
// mistake of their own.
func errTitle(action string, err error) string {
	if model.ErrorCode(err) == model.EINTERNAL {
		return action + "（程序内部出错）"
	}
	return action
}
