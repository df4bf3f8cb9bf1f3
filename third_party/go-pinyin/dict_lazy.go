package pinyin

// jixiao patch (third_party/go-pinyin/PATCHES.md). Upstream declares
// PinyinDict as a map literal of 41,923 entries in pinyin_dict.go, which Go
// builds in the package's init: about 3 ms and 1.7 MB of heap at every
// start of every program that links the package, whether it looks up a
// single character or not. Here that file is kept, unchanged, as
// pinyin_dict.go.txt: not compiled (and, being upstream's generated data,
// not gofmt-formatted), its text embedded (read-only data, no start-up
// cost) and the map made from it by the first call of Dict.

import (
	_ "embed" // the dictionary's source text
	"strconv"
	"strings"
	"sync"
)

//go:embed pinyin_dict.go.txt
var dictSource string

// PinyinDict is data map: nil until the first call of Dict, which every
// function of this package makes. Read it through Dict.
var PinyinDict map[int]string

var dictOnce sync.Once

// Dict returns PinyinDict, made on the first call (safe for concurrent use).
func Dict() map[int]string {
	dictOnce.Do(func() { PinyinDict = parseDict(dictSource) })
	return PinyinDict
}

// parseDict reads the entries of upstream's map literal
// (pinyin_dict.go.txt), one a line:
// a tab, the code point in hexadecimal, a colon, a quoted string, a comma.
func parseDict(src string) map[int]string {
	m := make(map[int]string, 42000)
	for _, line := range strings.Split(src, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
		if !ok || !strings.HasPrefix(k, "0x") {
			continue
		}
		n, err := strconv.ParseInt(k[2:], 16, 32)
		if err != nil {
			continue
		}
		s, err := strconv.Unquote(strings.TrimSuffix(v, ","))
		if err != nil {
			continue
		}
		m[int(n)] = s
	}
	return m
}
