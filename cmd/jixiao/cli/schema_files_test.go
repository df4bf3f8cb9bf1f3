package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"jixiao/export"
	"jixiao/model"
)

// The drafts files of every schema version in store/testdata (each made
// by the build of its time, with that build's JSON export and check output
// of every draft) on today's command line: list, check and export give
// what that build gave.

func schemaFixture(t *testing.T, v int) (dir, db string) {
	t.Helper()
	dir = filepath.Join("..", "..", "..", "store", "testdata", "schema"+strconv.Itoa(v))
	b, err := os.ReadFile(filepath.Join(dir, "drafts.db"))
	if err != nil {
		t.Fatalf("schema %d: %v", v, err)
	}
	db = filepath.Join(t.TempDir(), "drafts.db")
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, db
}

// headLines are the lines of a check's output that say what the form is
// (年度, 部门, 合计, counts, 阶段), not what today's rules find in it.
// Since issue 26 the counts are named by the form's template (0 条年度绩效目标)
// and a template without a task table prints no task totals: the counts
// line is compared by its numbers (countWords), and a task total of 0 that
// an older build printed for such a form is left out.
func headLines(out string) []string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if l == "" {
			break
		}
		switch {
		case strings.HasPrefix(l, "表样："): // printed since the 表样 came
			continue
		case l == "合计 0 万元（财政资金 0 万元）" && (!strings.Contains(out, "项任务") || strings.Contains(out, "\n0 项任务，0 个单位")):
			continue
		case countsLineRe.MatchString(l):
			l = countWords(l)
		}
		keep = append(keep, l)
	}
	return keep
}

var countsLineRe = regexp.MustCompile(`^\d+ (项任务|条)`)

var countRe = regexp.MustCompile(`(\d+) (项任务|个单位|条[^，]*)`)

// countWords is a counts line by its numbers, with no task counts when
// they are 0 (older builds printed them for every template): “目标 2，指标 5”.
func countWords(l string) string {
	var parts []string
	for _, m := range countRe.FindAllStringSubmatch(l, -1) {
		noun := m[2]
		switch {
		case strings.HasSuffix(noun, "目标"):
			noun = "目标"
		case strings.HasSuffix(noun, "指标"):
			noun = "指标"
		case (noun == "项任务" || noun == "个单位") && m[1] == "0":
			continue
		}
		parts = append(parts, noun+" "+m[1])
	}
	return strings.Join(parts, "，")
}

func TestStoredFilesOnTheCommandLine(t *testing.T) {
	for v := 1; v <= model.SchemaVersion; v++ {
		t.Run("schema"+strconv.Itoa(v), func(t *testing.T) {
			dir, db := schemaFixture(t, v)
			code, list, errs := filesRun("list", "--db", db)
			if code != 0 {
				t.Fatalf("list: %d %s", code, errs)
			}
			exports, _ := filepath.Glob(filepath.Join(dir, "d*.json"))
			for _, e := range exports {
				id := strings.TrimSuffix(filepath.Base(e), ".json")
				then, err := os.ReadFile(filepath.Join(dir, id+".check.txt"))
				if err != nil {
					t.Fatal(err)
				}
				_, out, _ := filesRun("check", "--draft", id, "--db", db)
				if got, want := headLines(out), headLines(string(then)); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: check says\n%s\nthat build said\n%s", id, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				if !strings.Contains(list, id+"  ") {
					trash := ""
					_, trash, _ = filesRun("list", "--trash", "--db", db)
					if !strings.Contains(trash, id+"  ") {
						t.Errorf("%s is listed nowhere", id)
					}
				}
				out2 := filepath.Join(t.TempDir(), id+".json")
				if code, _, errs := filesRun("export", "--draft", id, "--json", out2, "--db", db); code != 0 {
					t.Fatalf("%s: export: %s", id, errs)
				}
				now, err := os.ReadFile(out2)
				if err != nil {
					t.Fatal(err)
				}
				a, err1 := export.ReadJSON(bytes.NewReader(now))
				b, err2 := export.ReadJSON(bytes.NewReader(mustRead(t, e)))
				if err1 != nil || err2 != nil || !reflect.DeepEqual(a, b) {
					t.Errorf("%s: today's export differs from that build's (%v %v)", id, err1, err2)
				}
			}
		})
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// makeNewer turns draft id of the drafts file db into one saved by a
// newer jixiao (schema SchemaVersion+1, a shape this build does not know),
// through the file's documented layout (docs/store.md).
func makeNewer(t *testing.T, db, id string) {
	t.Helper()
	bdb, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	next := model.SchemaVersion + 1
	err = bdb.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("drafts")).Bucket([]byte(id))
		var h map[string]any
		if err := json.Unmarshal(b.Get([]byte("info")), &h); err != nil {
			return err
		}
		h["schema"] = next
		hb, _ := json.Marshal(h)
		if err := b.Put([]byte("info"), hb); err != nil {
			return err
		}
		head, _ := b.Bucket([]byte("revs")).Cursor().Last()
		rec := `{"schema":` + strconv.Itoa(next) + `,"saved":"2031-01-01T00:00:00Z","summary":"新版本","form":{"version":` + strconv.Itoa(next) + `,"year":"2031","dept":"未来局","parts":[{"kind":"新的部分"}]}}`
		return b.Bucket([]byte("revs")).Put(head, []byte(rec))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// draftDump is every key and value of draft id's bucket, nested buckets
// included.
func draftDump(t *testing.T, db, id string) string {
	t.Helper()
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	var sb strings.Builder
	var dump func(b *bolt.Bucket)
	dump = func(b *bolt.Bucket) {
		b.ForEach(func(k, v []byte) error {
			if v == nil {
				sb.WriteString("[" + string(k) + "]\n")
				dump(b.Bucket(k))
				return nil
			}
			sb.Write(k)
			sb.WriteString("=")
			sb.Write(v)
			sb.WriteString("\n")
			return nil
		})
	}
	bdb.View(func(tx *bolt.Tx) error {
		dump(tx.Bucket([]byte("drafts")).Bucket([]byte(id)))
		return nil
	})
	return sb.String()
}

// TestNewerSchemaRefusedByEveryCommand: a draft saved by a newer jixiao is
// listed, and every command that would open or write it refuses, saying
// to use the newer jixiao; afterwards every stored byte of it is as it was.
func TestNewerSchemaRefusedByEveryCommand(t *testing.T) {
	_, db := schemaFixture(t, model.SchemaVersion)
	dir := t.TempDir()
	// Files to merge and to import --into, made before the change.
	sample := filepath.Join(dir, "sample.json")
	monitor := filepath.Join(dir, "监控表.xlsx")
	if code, _, errs := filesRun("export", "--sample", "--json", sample); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := filesRun("export", "--draft", "d4", "--stage", "监控", "--xlsx", monitor, "--db", db); code != 0 {
		t.Fatal(errs)
	}
	makeNewer(t, db, "d1") // at 运行监控
	makeNewer(t, db, "d7") // in the 回收站
	before1, before7 := draftDump(t, db, "d1"), draftDump(t, db, "d7")
	_, restoreList, _ := filesRun("restore", "--list", "--db", db)
	backup := strings.Fields(strings.Split(restoreList, "\n")[1])[0]

	code, out, _ := filesRun("list", "--db", db)
	if code != 0 || !strings.Contains(out, "d1  ") {
		t.Errorf("the newer draft is not listed: %s", out)
	}
	for _, args := range [][]string{
		{"check", "--draft", "d1"},
		{"export", "--draft", "d1", "--json", filepath.Join(dir, "x.json")},
		{"merge", "--into", "d1", sample, "--yes", "--allow-year"},
		{"stage", "--draft", "d1", "自评"},
		{"import", monitor, "--into", "d1"},
		{"carry", "--draft", "d1", "--year", "2032"},
		{"delete", "--draft", "d1"},
		{"restore", "--draft", "d7"},
		{"restore", backup},
	} {
		want := 1
		if args[0] == "check" {
			want = 2 // check: nothing was checked (1 means the form has errors)
		}
		code, out, errs := filesRun(append(args, "--db", db)...)
		if code != want || !strings.Contains(errs, "更新版本的 jixiao") || !strings.Contains(errs, "没有被改动") {
			t.Errorf("%s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
		}
	}
	if draftDump(t, db, "d1") != before1 || draftDump(t, db, "d7") != before7 {
		t.Error("the newer drafts' stored bytes changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.json")); err == nil {
		t.Error("a newer draft was exported")
	}
}
