package store

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestDamagedErrorReadsForAClerk reads DamagedError's message as the clerk
// would, in order: what happened; whether anything is lost; what to do
// (the backups folder beside the file, jixiao restore, or start afresh and
// import the exported files). Technical words come last, marked as such.
func TestDamagedErrorReadsForAClerk(t *testing.T) {
	path := filepath.Join("cfg", "jixiao", "drafts.db")
	dir := BackupDir(path)
	backup := filepath.Join(dir, "drafts-20261128-150405.db")
	at := time.Date(2026, 11, 28, 15, 4, 5, 0, time.Local)
	for _, tc := range []struct {
		name string
		err  *DamagedError
		want []string // in this order
		not  []string
	}{
		{"on open, with a backup",
			&DamagedError{Path: path, Reason: "文件内容不完整", Detail: "page 5 already freed", Backup: backup, BackupTime: at},
			[]string{"草稿数据文件已损坏，打不开：文件内容不完整。", "文件：" + path, "这个文件保持原样，程序没有改动也没有删除它。",
				"最近一份完好的备份做于 2026-11-28 15:04，里面有到那时为止保存的全部草稿，之后的修改不在其中。",
				`jixiao restore "` + backup + `"`, "损坏的文件会先另存到备份文件夹，不会丢失", "全部备份在 " + dir, "jixiao restore --list",
				"（技术信息，供技术支持参考：page 5 already freed）"},
			[]string{"没有完好的备份", "这次操作没有完成"}},
		{"while open, with a backup",
			&DamagedError{Path: path, Reason: "文件内容不完整", Detail: "runtime error: invalid memory address", During: true, Backup: backup, BackupTime: at},
			[]string{"草稿数据文件已损坏：读写时发现文件内容不完整，这次操作没有完成。", "这个文件保持原样", "2026-11-28 15:04", `jixiao restore "` + backup + `"`, "技术信息"},
			[]string{"打不开"}},
		{"no backup",
			&DamagedError{Path: path, Reason: "文件是空的（0 字节），里面没有任何数据"},
			[]string{"打不开：文件是空的（0 字节），里面没有任何数据。", "这个文件保持原样", "备份文件夹 " + dir + " 中没有完好的备份",
				"先把这个文件改名留存", "程序会新建一个空的数据文件", "jixiao import 文件名 重新导入为草稿"},
			[]string{"jixiao restore \"", "技术信息", "最近一份完好的备份"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msg := tc.err.Error()
			rest := msg
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("message lacks %q (or has it out of order):\n%s", w, msg)
				}
				rest = rest[i+len(w):]
			}
			for _, w := range tc.not {
				if strings.Contains(msg, w) {
					t.Errorf("message says %q:\n%s", w, msg)
				}
			}
			// Outside the technical note, no English words reach the clerk
			// (paths and the command aside).
			plain := msg
			if i := strings.Index(plain, "（技术信息"); i >= 0 {
				plain = plain[:i]
			}
			for _, s := range []string{backup, dir, path, "jixiao restore --list", "jixiao restore", "jixiao import", "Excel（.xlsx）", "JSON"} {
				plain = strings.ReplaceAll(plain, s, "")
			}
			if w := regexp.MustCompile(`[A-Za-z]{2,}`).FindString(plain); w != "" {
				t.Errorf("English word %q in the clerk's part:\n%s", w, msg)
			}
		})
	}
}
