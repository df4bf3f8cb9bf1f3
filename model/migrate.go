package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// The stored form's versions (SchemaVersion) and the steps between them.
// A record or an exchanged file of an older schema is read through
// UpgradeForm; one of a newer schema is refused, never read as our own
// (docs/store.md, "版本").
//
//	0  the first prototype, before the envelope: a bare form whose goals
//	   were plain strings and whose times and origin stood at the top.
//	1  2026-11-28: the form, goals, units, indicators, meta.
//	   The builds from 2026-11-29 until 2026-12-06 added stages (stage,
//	   month, stageLog, adjustments, the 监控/自评 values of tasks and
//	   indicators, last year's results), 表样 (template, basic, funds,
//	   duties, options.nature/direction) while still writing 1; an older
//	   build read those records as its own and dropped what it did not
//	   know. testdata/schema/v1.txt is the shape of 2026-11-28.
//	2  the shape of testdata/schema/v2.txt: schema 1 plus every field
//	   those builds added. Raised so that the builds of 1 refuse the new
//	   records (their store lists and does not open a newer schema) and
//	   files (their JSON import refuses a newer form version).

// migrations[v] turns the JSON of a form of schema v into schema v+1.
var migrations = map[int]func([]byte) ([]byte, error){
	0: migrateV0,
	1: migrateV1,
}

// UpgradeForm turns body, the JSON of a form of schema from, into the
// JSON of SchemaVersion. It is the identity for SchemaVersion and an
// error for a newer schema.
func UpgradeForm(from int, body []byte) ([]byte, error) {
	if from > SchemaVersion {
		return nil, fmt.Errorf("schema %d is newer than %d", from, SchemaVersion)
	}
	for v := from; v < SchemaVersion; v++ {
		m := migrations[v]
		if m == nil {
			return nil, fmt.Errorf("no migration from schema %d", v)
		}
		b, err := m(body)
		if err != nil {
			return nil, fmt.Errorf("schema %d: %w", v, err)
		}
		body = b
	}
	return body, nil
}

// migrateV0 turns the prototype's bare form into schema 1: goals become
// {"text":…} objects and created/updated/origin move into meta.
func migrateV0(in []byte) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(in, &m); err != nil {
		return nil, err
	}
	if g, ok := m["goals"]; ok {
		var texts []string
		if json.Unmarshal(g, &texts) == nil {
			goals := make([]Goal, len(texts))
			for i, t := range texts {
				goals[i].Text = t
			}
			b, err := json.Marshal(goals)
			if err != nil {
				return nil, err
			}
			m["goals"] = b
		}
	}
	meta := map[string]json.RawMessage{}
	if old, ok := m["meta"]; ok {
		if err := json.Unmarshal(old, &meta); err != nil {
			return nil, err
		}
	}
	for _, k := range []string{"created", "updated", "origin"} {
		if v, ok := m[k]; ok {
			if _, set := meta[k]; !set {
				meta[k] = v
			}
			delete(m, k)
		}
	}
	b, err := json.Marshal(meta)
	if err != nil {
		return nil, err
	}
	m["meta"] = b
	m["version"] = json.RawMessage("1")
	return json.Marshal(m)
}

// migrateV1 turns a form of schema 1 into schema 2. No field of schema 1
// was ever renamed, removed or given another type or meaning (the history
// of model/*.go shows only additions), and every field added under 1 is
// the same field in 2, so a record of any build that wrote 1 reads as it
// is; a field absent from an older record takes its zero value, which
// means what it meant then (stage 申报, the 郑州 template with Options,
// no 监控/自评 values). Only the version is set.
func migrateV1(in []byte) ([]byte, error) {
	in = bytes.TrimSpace(in)
	if len(in) < 2 || in[0] != '{' {
		return nil, fmt.Errorf("not a JSON object")
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(in, &m); err != nil {
		return nil, err
	}
	m["version"] = json.RawMessage("2")
	return json.Marshal(m)
}

// UnknownFieldError is returned by DecodeForm for JSON that holds a field
// Form does not have: written by another build (or another program).
type UnknownFieldError struct {
	Field string // its JSON name
}

func (e *UnknownFieldError) Error() string { return fmt.Sprintf("unknown field %q", e.Field) }

// DecodeForm reads body, the JSON of a form of SchemaVersion. Unlike
// json.Unmarshal it does not pass over a field it does not know: that is a
// *UnknownFieldError, so that the caller refuses the form rather than
// dropping what it cannot keep.
func DecodeForm(body []byte) (*Form, error) {
	var f Form
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		// encoding/json says so only in its message.
		if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			if u, err := strconv.Unquote(name); err == nil {
				name = u
			}
			return nil, &UnknownFieldError{Field: name}
		}
		return nil, err
	}
	return &f, nil
}
