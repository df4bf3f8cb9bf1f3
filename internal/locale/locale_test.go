package locale

import (
	"reflect"
	"testing"
)

func TestDecide(t *testing.T) {
	installed := map[string]bool{"C.UTF-8": true, "zh_CN.UTF-8": true, "en_US.UTF-8": true}
	only := func(names ...string) func(string) bool {
		m := map[string]bool{}
		for _, n := range names {
			m[n] = true
		}
		return func(s string) bool { return m[s] }
	}
	tests := []struct {
		name   string
		env    map[string]string
		usable func(string) bool
		want   Change
	}{
		{"UTF-8 LANG is kept", map[string]string{"LANG": "zh_CN.UTF-8"}, nil, Change{}},
		{"UTF-8 LC_CTYPE is kept", map[string]string{"LANG": "C", "LC_CTYPE": "en_US.UTF-8"}, nil, Change{}},
		{"UTF-8 LC_ALL is kept", map[string]string{"LC_ALL": "C.UTF-8", "LANG": "C"}, nil, Change{}},
		{"nothing set", map[string]string{}, nil,
			Change{Set: [][2]string{{"LC_CTYPE", "C.UTF-8"}}}},
		{"LANG=C", map[string]string{"LANG": "C"}, nil,
			Change{Set: [][2]string{{"LC_CTYPE", "C.UTF-8"}}}},
		{"LANG=POSIX", map[string]string{"LANG": "POSIX"}, nil,
			Change{Set: [][2]string{{"LC_CTYPE", "C.UTF-8"}}}},
		{"empty LC_ALL and LC_CTYPE are unset, LANG decides", map[string]string{"LC_ALL": "", "LC_CTYPE": "", "LANG": "zh_CN.UTF-8"}, nil, Change{}},
		{"LC_CTYPE=C overrides a UTF-8 LANG", map[string]string{"LC_CTYPE": "C", "LANG": "zh_CN.UTF-8"}, nil,
			Change{Set: [][2]string{{"LC_CTYPE", "C.UTF-8"}}}},
		{"LC_ALL=C is moved to LANG", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, nil,
			Change{Unset: []string{"LC_ALL"}, Set: [][2]string{{"LANG", "C"}, {"LC_CTYPE", "C.UTF-8"}}}},
		{"GBK locale gets its UTF-8 twin", map[string]string{"LANG": "zh_CN.GBK"}, nil,
			Change{Set: [][2]string{{"LC_CTYPE", "zh_CN.UTF-8"}}}},
		{"locale without codeset gets its UTF-8 twin", map[string]string{"LANG": "zh_CN"}, nil,
			Change{Set: [][2]string{{"LC_CTYPE", "zh_CN.UTF-8"}}}},
		{"UTF-8 locale that is not installed", map[string]string{"LANG": "zh_TW.UTF-8"}, nil,
			Change{Set: [][2]string{{"LC_CTYPE", "C.UTF-8"}}}},
		{"modifier is dropped for the twin", map[string]string{"LANG": "zh_CN.GB18030@x"}, nil,
			Change{Set: [][2]string{{"LC_CTYPE", "zh_CN.UTF-8"}}}},
		{"only C.utf8 spelled the short way", map[string]string{"LANG": "C"}, only("C.utf8"),
			Change{Set: [][2]string{{"LC_CTYPE", "C.utf8"}}}},
		{"no UTF-8 locale installed at all", map[string]string{"LANG": "C"}, only(),
			Change{NoUTF8: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			usable := tt.usable
			if usable == nil {
				usable = func(s string) bool { return installed[s] }
			}
			got := Decide(func(k string) string { return tt.env[k] }, usable)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Decide(%v) = %+v, want %+v", tt.env, got, tt.want)
			}
			if got.Empty() != (len(tt.want.Set) == 0 && len(tt.want.Unset) == 0) {
				t.Errorf("Empty() = %v for %+v", got.Empty(), got)
			}
		})
	}
}
