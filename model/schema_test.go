package model

import (
	"encoding"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The stored form's shape is held, per SchemaVersion, in
// testdata/schema/vN.txt: every JSON field name and its type, reached by
// reflection from Form. TestSchemaShape fails when the shape of today's
// Form differs from the file of today's SchemaVersion, that is, when a
// field was added, removed, renamed or retyped without the version
// moving. Then:
//
//  1. raise SchemaVersion (an older jixiao then refuses the new records
//     and files instead of dropping what it does not know);
//  2. add the migration from the previous version (migrate.go) and its
//     test on a drafts file of the previous version (store/testdata);
//  3. write the new shape: go test ./model -run TestSchemaShape -update-schema
//     (the old versions' files stay, as the record of what each held).

var updateSchema = flag.Bool("update-schema", false, "write testdata/schema/vN.txt for the current SchemaVersion")

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// shape lists the JSON shape of t: one line per field, "path type".
func shape(t reflect.Type) []string {
	var out []string
	seen := map[reflect.Type]bool{}
	// walk lists the node at path of type t; opts (",omitempty") go on
	// the node's own line only.
	var walk func(path, opts string, t reflect.Type)
	walk = func(path, opts string, t reflect.Type) {
		line := func(typ string) { out = append(out, path+" "+typ+opts) }
		switch {
		case t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType):
			// Its JSON is made by its own code: the type's name stands
			// for the shape (Amount is the typed text).
			line(t.String() + "(json.Marshaler)")
			return
		case t.Implements(textMarshalerType) || reflect.PointerTo(t).Implements(textMarshalerType):
			line(t.String() + "(text)")
			return
		}
		switch t.Kind() {
		case reflect.Pointer:
			walk(path, " pointer"+opts, t.Elem())
		case reflect.Slice, reflect.Array:
			line("[]")
			walk(path+"[]", "", t.Elem())
		case reflect.Map:
			line("map[" + t.Key().String() + "]")
			walk(path+"{}", "", t.Elem())
		case reflect.Struct:
			if seen[t] {
				line(t.String() + "(recursive)")
				return
			}
			seen[t] = true
			defer delete(seen, t)
			line("{}")
			for f := range t.Fields() {
				if !f.IsExported() {
					continue
				}
				tag := f.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if name == "" {
					name = f.Name
				}
				if opts != "" {
					opts = " (" + opts + ")"
				}
				if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
					walk(path, "", f.Type) // embedded: its fields are promoted
					continue
				}
				walk(path+"."+name, opts, f.Type)
			}
		default:
			line(t.Kind().String())
		}
	}
	walk("form", "", t)
	slices.Sort(out)
	return out
}

func TestSchemaShape(t *testing.T) {
	got := strings.Join(shape(reflect.TypeFor[Form]()), "\n") + "\n"
	file := filepath.Join("testdata", "schema", fmt.Sprintf("v%d.txt", SchemaVersion))
	if *updateSchema {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("no shape recorded for SchemaVersion %d (%v): see the comment at the top of schema_test.go", SchemaVersion, err)
	}
	if got == string(want) {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	var diff []string
	for _, l := range w {
		if l != "" && !slices.Contains(g, l) {
			diff = append(diff, "- "+l)
		}
	}
	for _, l := range g {
		if l != "" && !slices.Contains(w, l) {
			diff = append(diff, "+ "+l)
		}
	}
	t.Errorf("the stored shape of model.Form changed, but SchemaVersion is still %d:\n%s\n\n"+
		"An older jixiao would read these records and files as its own version and drop what it does not know.\n"+
		"Raise SchemaVersion, add the migration from %d and its test, then record the shape (see schema_test.go).",
		SchemaVersion, strings.Join(diff, "\n"), SchemaVersion)
}

// TestSchemaShapesDiffer: each recorded version's shape differs from the
// one before it (a version raised without a change of shape would make
// older builds refuse files for nothing).
func TestSchemaShapesDiffer(t *testing.T) {
	prev := ""
	for v := 1; v <= SchemaVersion; v++ {
		b, err := os.ReadFile(filepath.Join("testdata", "schema", fmt.Sprintf("v%d.txt", v)))
		if err != nil {
			t.Fatalf("shape of version %d: %v", v, err)
		}
		if string(b) == prev {
			t.Errorf("version %d has the same shape as version %d", v, v-1)
		}
		prev = string(b)
	}
}
