package cli

import (
	"flag"

	"jixiao/model"
)

// source is where a command takes its form from: exactly one of
// --sample, --draft ID or --in FILE.
type source struct {
	db     string
	sample bool
	draft  string
	in     string
}

// register adds --db, --sample, --draft and --in to fs.
func (s *source) register(fs *flag.FlagSet) {
	fs.StringVar(&s.db, "db", "", "草稿数据文件")
	fs.BoolVar(&s.sample, "sample", false, "内置示例")
	fs.StringVar(&s.draft, "draft", "", "草稿编号")
	fs.StringVar(&s.in, "in", "", "文件（.xlsx、.xls、.et、.docx 或 .json）")
}

func (s *source) check() error {
	n := 0
	for _, set := range []bool{s.sample, s.draft != "", s.in != ""} {
		if set {
			n++
		}
	}
	if n != 1 {
		return usageErrorf("请在 --sample、--draft 编号、--in 文件 中选择一个")
	}
	return nil
}

// load returns the form the flags name, and a label for messages.
func (s *source) load() (*model.Form, string, error) {
	if err := s.check(); err != nil {
		return nil, "", err
	}
	switch {
	case s.sample:
		return model.Sample(), "内置示例", nil
	case s.draft != "":
		f, err := loadDraft(s.db, s.draft)
		return f, "草稿 " + s.draft, err
	default:
		f, err := loadFile(s.in, s.db, s.db != "")
		return f, s.in, err
	}
}

// dbFlag registers --db; the default comes from JIXIAO_DB or the user's
// config folder (resolved when the file is opened).
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "草稿数据文件")
}
