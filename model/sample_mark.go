package model

import "strings"

// IsSampleOrigin reports whether a draft's Meta.Origin says it is the
// built-in sample (内置示例…, or 示例… as the 草稿 screen once wrote it),
// so that the editor and the drafts list label it 示例: a new user must
// not take another department's filled form for their own.
func IsSampleOrigin(origin string) bool {
	return strings.HasPrefix(origin, "内置示例") || strings.HasPrefix(origin, "示例（")
}

// IsSample reports whether f is (a draft made from) the built-in sample.
func (f *Form) IsSample() bool { return f != nil && IsSampleOrigin(f.Meta.Origin) }
