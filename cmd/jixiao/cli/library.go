package cli

// jixiao library: search the 指标库 (built-in frameworks, imported library
// files and 我的指标 from the drafts file) and import a library file.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"jixiao/model"
	"jixiao/model/library"
	"jixiao/store"
)

func runLibrary(c *cli, args []string) error {
	fs := flags("library")
	db := dbFlag(fs)
	source := fs.String("source", "", "只列出该来源的指标")
	level1 := fs.String("level1", "", "只列出该一级指标下的指标")
	level2 := fs.String("level2", "", "只列出该二级指标下的指标")
	imp := fs.String("import", "", "导入指标库文件（.json）")
	sources := fs.Bool("sources", false, "列出各来源及其指标数")
	words, err := parse(fs, args)
	if err != nil {
		return err
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	if *imp != "" {
		if len(words) > 0 || *source != "" || *sources {
			return usageErrorf("--import 不能和查询一起用")
		}
		lf, err := store.ImportLibrary(path, *imp)
		if err != nil {
			return userErr(err)
		}
		c.printf("已导入指标库“%s”：%d 条指标（来源显示为“%s”）。\n", lf.Name, len(lf.Entries), lf.Name)
		return nil
	}
	lib, err := loadLibrary(c, path)
	if err != nil {
		return err
	}
	if *sources {
		count := map[string]int{}
		for _, e := range lib {
			count[e.Source]++
		}
		for _, s := range library.Sources(lib) {
			c.printf("%s\t%d\n", s, count[s])
		}
		return nil
	}
	q := library.Query{Text: strings.Join(words, " "), Source: strings.TrimSpace(*source), Level1: strings.TrimSpace(*level1), Level2: strings.TrimSpace(*level2)}
	if q.Source != "" && !contains(library.Sources(lib), q.Source) {
		return userErrorf("没有名为“%s”的来源。可用的来源：%s", q.Source, strings.Join(library.Sources(lib), "、"))
	}
	x := library.NewIndex(lib)
	hits := x.Search(q)
	if len(hits) == 0 {
		return userErrorf("指标库中没有与“%s”相符的指标。可以少写几个字，或用拼音首字母（如 yszxl 查 预算执行率）。", strings.Join(words, " "))
	}
	for _, i := range hits {
		c.printf("%s\n", libraryLine(x.Entries()[i]))
	}
	return nil
}

// libraryLine is one entry on one line: 一级/二级/三级, 指标值, source,
// and for 我的指标 the values of each year.
func libraryLine(e library.Entry) string {
	in := e.Indicator
	path := []string{in.Level1, in.Level2, in.Level3}
	if in.Sub != "" {
		path = append(path, in.Sub)
	}
	value := in.Value
	if value == "" {
		value = "（未定）"
	}
	if in.Unit != "" && !strings.HasSuffix(value, in.Unit) {
		value += "（" + in.Unit + "）"
	}
	line := strings.Join(path, "/") + "\t" + value + "\t" + e.Source
	if len(e.Used) > 0 {
		var years []string
		for _, u := range e.Used {
			y := yearLabel(u.Year)
			if n, ok := model.ParseYear(u.Year); ok {
				y = fmt.Sprintf("%d年度", n)
			}
			years = append(years, y+" "+orNone(u.Value))
		}
		line += "\t用过：" + strings.Join(years, "；")
	}
	return line
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "（空）"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// loadLibrary is the whole library: 我的指标 when the drafts file exists
// (it is not created just to search), built-in and imported files.
// Unreadable imported files and drafts are reported on stderr.
func loadLibrary(c *cli, path string) ([]library.Entry, error) {
	var st *store.Store
	if _, err := os.Stat(path); err == nil {
		s, err := store.Open(path)
		if err != nil {
			return nil, storeErr(err, "")
		}
		defer s.Close()
		st = s
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, userErrorf("无法读取草稿数据文件“%s”：%v", path, err)
	}
	lib, problems, skipped, err := store.FullLibrary(st, path)
	if err != nil {
		return nil, storeErr(err, "")
	}
	for _, p := range problems {
		fmt.Fprintf(c.stderr, "指标库文件“%s”无法读取，已跳过：%v\n", p.File, p.Err)
	}
	if skipped > 0 {
		fmt.Fprintf(c.stderr, "有 %d 份草稿无法读取，其中的指标没有列入“我的指标”。\n", skipped)
	}
	return lib, nil
}
