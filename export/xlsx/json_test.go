package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"jixiao/model"
)

func TestReadJSONRefuses(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"not json", "hello", "JSON 格式有误"},
		{"other format", `{"format":"other","version":1,"form":{}}`, "格式是“other”"},
		{"no format", `{"version":1,"form":{}}`, "缺少 \"format\""},
		{"newer", `{"format":"jixiao-form","version":2,"form":{}}`, "请升级 jixiao"},
		{"newer form", `{"format":"jixiao-form","version":1,"form":{"version":9}}`, "请升级 jixiao"},
		{"zero version", `{"format":"jixiao-form","version":0,"form":{}}`, "版本号"},
		{"no form", `{"format":"jixiao-form","version":1}`, "缺少 \"form\""},
		{"bad amount type", `{"format":"jixiao-form","version":1,"form":{"units":[{"name":"a","tasks":[{"total":true}]}]}}`, "未导入"},
		{"bad goal link", `{"format":"jixiao-form","version":1,"form":{"goals":[{"text":"a"}],"units":[{"name":"a","tasks":[{"goals":[2]}]}]}}`, "目标2不存在"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := ReadJSON(strings.NewReader(c.in))
			if err == nil || f != nil {
				t.Fatalf("read %+v", f)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("%q lacks %q", err, c.want)
			}
		})
	}
}

func TestReadJSONAccepts(t *testing.T) {
	// A minimal document another tool might write: numbers as amounts, a BOM.
	in := "\ufeff" + `{"format":"jixiao-form","version":1,"form":{"year":"2021","dept":"某局",
	 "units":[{"name":"机关","tasks":[{"content":"甲","total":12.5,"fiscal":"1,000","other":"abc"}]}]}}`
	f, err := ReadJSON(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	tk := f.Units[0].Tasks[0]
	if f.Version != model.SchemaVersion || tk.Total.String() != "12.5" || tk.Fiscal.Money() != 10_000_000 || tk.Other.Raw() != "abc" || tk.Other.Valid() {
		t.Errorf("%+v %+v", f, tk)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, f); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"other": "abc"`) || !strings.Contains(buf.String(), `"fiscal": "1,000"`) {
		t.Errorf("raw text not kept:\n%s", buf.String())
	}
}

func FuzzReadJSON(f *testing.F) {
	var buf bytes.Buffer
	WriteJSON(&buf, model.Sample())
	f.Add(buf.Bytes())
	f.Add([]byte(`{"format":"jixiao-form","version":1,"form":{"units":[{"tasks":[{"total":1e400}]}]}}`))
	f.Add([]byte(`{"format":"jixiao-form","version":1,"form":{"goals":null,"units":[{"name":"","tasks":[{"goals":[0]}]}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		form, err := ReadJSON(bytes.NewReader(data))
		if err != nil {
			return
		}
		var a, b bytes.Buffer
		if err := WriteJSON(&a, form); err != nil {
			t.Fatal(err)
		}
		again, err := ReadJSON(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatalf("cannot read own output: %v\n%s", err, a.String())
		}
		if err := WriteJSON(&b, again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("not stable:\n%s\n%s", a.String(), b.String())
		}
	})
}
