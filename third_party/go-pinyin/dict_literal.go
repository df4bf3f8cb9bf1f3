//go:build pinyin_literal_dict

package pinyin

// Dict returns PinyinDict (jixiao patch: with -tags pinyin_literal_dict
// the upstream map literal is compiled; see dict_lazy.go).
func Dict() map[int]string { return PinyinDict }
