package pinyin

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// dictAtInit is PinyinDict as the package's init left it (a test file's
// init runs after it).
var dictAtInit map[int]string

func init() { dictAtInit = PinyinDict }

// TestDictMadeOnFirstUse (jixiao patch, PATCHES.md): init leaves the
// dictionary unmade, and the first Dict holds exactly the entries of
// upstream's map literal, as the Go parser reads pinyin_dict.go.txt (upstream's
// pinyin_dict.go, unchanged).
func TestDictMadeOnFirstUse(t *testing.T) {
	if dictAtInit != nil {
		t.Fatalf("the dictionary was made at start-up: %d entries after init", len(dictAtInit))
	}
	f, err := parser.ParseFile(token.NewFileSet(), "pinyin_dict.go", dictSource, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		k, err1 := strconv.ParseInt(kv.Key.(*ast.BasicLit).Value, 0, 32)
		v, err2 := strconv.Unquote(kv.Value.(*ast.BasicLit).Value)
		if err1 != nil || err2 != nil {
			t.Fatalf("entry %v: %v %v", kv.Key, err1, err2)
		}
		want[int(k)] = v
		return false
	})
	got := Dict()
	if len(want) < 40000 || len(got) != len(want) {
		t.Fatalf("Dict has %d entries, the source %d", len(got), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			t.Fatalf("Dict()[%#x] = %q, the source says %q", k, got[k], v)
		}
	}
	if got['率'] != "lǜ,shuài,lüè" || PinyinDict['率'] != "lǜ,shuài,lüè" {
		t.Errorf("率: Dict %q, PinyinDict %q", got['率'], PinyinDict['率'])
	}
}
