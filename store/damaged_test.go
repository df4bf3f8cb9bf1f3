package store

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jixiao/model"
)

func TestDamagedFiles(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, good []byte) []byte
		reason string
	}{
		{"empty", func(t *testing.T, good []byte) []byte { return []byte{} }, "空的"},
		{"truncated to half", func(t *testing.T, good []byte) []byte { return good[:len(good)/2] }, "截断"},
		{"truncated inside the meta pages", func(t *testing.T, good []byte) []byte { return good[:3000] }, ""},
		{"random bytes", func(t *testing.T, good []byte) []byte {
			b := make([]byte, 64<<10)
			for i := range b {
				b[i] = byte(i*7919 + i/13)
			}
			return b
		}, ""},
		{"zeros", func(t *testing.T, good []byte) []byte { return make([]byte, len(good)) }, ""},
		{"text file", func(t *testing.T, good []byte) []byte {
			return []byte("年度,部门\n2021,郑州市生态环境局\n")
		}, "太短"},
		{"garbage page in the middle", func(t *testing.T, good []byte) []byte {
			b := bytes.Clone(good)
			ps := 4096
			for p := 2; p*ps < len(b); p++ { // overwrite every page after the metas
				for i := 0; i < ps; i++ {
					b[p*ps+i] = byte(p + i*31)
				}
			}
			return b
		}, ""},
		{"both meta pages damaged", func(t *testing.T, good []byte) []byte {
			b := bytes.Clone(good)
			b[16+20] ^= 0xff
			b[4096+16+20] ^= 0xff
			return b
		}, "校验和"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "drafts.db")
			ids := goodFile(t, path)
			good, _ := os.ReadFile(path)
			bad := tt.damage(t, good)
			if err := os.WriteFile(path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			backupsBefore, _ := Backups(path)

			start := time.Now()
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open of a damaged file succeeded")
			}
			if time.Since(start) > 2*time.Second {
				t.Errorf("Open took %v", time.Since(start))
			}
			var de *DamagedError
			if !errors.As(err, &de) {
				t.Fatalf("Open = %v (%T), want *DamagedError", err, err)
			}
			if model.ErrorCode(err) != model.EDAMAGED {
				t.Errorf("code %q, want %q", model.ErrorCode(err), model.EDAMAGED)
			}
			msg := err.Error()
			t.Logf("%s", msg)
			for _, want := range []string{"已损坏", "保持原样", "jixiao restore --list", de.Backup} {
				if !strings.Contains(msg, want) {
					t.Errorf("message lacks %q: %s", want, msg)
				}
			}
			if tt.reason != "" && !strings.Contains(de.Reason, tt.reason) {
				t.Errorf("reason %q lacks %q", de.Reason, tt.reason)
			}
			if de.Backup == "" {
				t.Errorf("no backup offered")
			}
			now, _ := os.ReadFile(path)
			if !bytes.Equal(now, bad) {
				t.Fatalf("the damaged file was changed (%d → %d bytes)", len(bad), len(now))
			}
			if after, _ := Backups(path); len(after) != len(backupsBefore) {
				t.Errorf("a backup of the damaged file was made")
			}

			// Restore the offered backup; the damaged file is kept.
			if err := RestoreBackup(path, de.Backup); err != nil {
				t.Fatal(err)
			}
			s, err = Open(path)
			if err != nil {
				t.Fatalf("open after restore: %v", err)
			}
			for _, id := range ids {
				if _, err := s.Load(id); err != nil {
					t.Errorf("draft %s after restore: %v", id, err)
				}
			}
			s.Close()
			checkBolt(t, path)
			bk, _ := Backups(path)
			kept := false
			for _, b := range bk {
				if b.Note != "" {
					data, _ := os.ReadFile(b.Path)
					kept = kept || bytes.Equal(data, bad)
				}
			}
			if !kept {
				t.Errorf("the damaged file was not kept among the backups: %+v", bk)
			}
		})
	}
}

// TestRandomCorruption damages a good file in random places, many times:
// Open either refuses with a *DamagedError and leaves the file as it is,
// or opens it, and then reading every draft gives the drafts or errors —
// never a crash of the program.
func TestRandomCorruption(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	ids := goodFile(t, good)
	orig := mustRead(t, good)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	rounds := 150
	if testing.Short() {
		rounds = 30
	}
	refused, opened, readErrs := 0, 0, 0
	for i := 0; i < rounds; i++ {
		b := bytes.Clone(orig)
		switch rng.IntN(3) {
		case 0: // a few flipped bytes anywhere
			for k := 0; k < 1+rng.IntN(8); k++ {
				b[rng.IntN(len(b))] ^= byte(1 + rng.IntN(255))
			}
		case 1: // a block of garbage
			at, n := rng.IntN(len(b)), 16+rng.IntN(4096)
			for k := at; k < min(at+n, len(b)); k++ {
				b[k] = byte(rng.IntN(256))
			}
		case 2: // a page header overwritten (page id, flags, count, overflow)
			p := 2 + rng.IntN(len(b)/4096-2)
			for k := 0; k < 16; k++ {
				b[p*4096+k] = byte(rng.IntN(256))
			}
		}
		path := filepath.Join(dir, fmt.Sprintf("c%d.db", i))
		os.WriteFile(path, b, 0o600)
		s, err := Open(path)
		if err != nil {
			var de *DamagedError
			if !errors.As(err, &de) && !strings.Contains(err.Error(), "jixiao") {
				t.Errorf("round %d: %v", i, err)
			}
			if !bytes.Equal(mustRead(t, path), b) {
				t.Errorf("round %d: a refused file was changed", i)
			}
			refused++
			continue
		}
		opened++
		if _, err := s.List(); err != nil {
			readErrs++
		}
		for _, id := range ids {
			if _, err := s.Load(id); err != nil {
				readErrs++
			}
		}
		s.Close()
	}
	t.Logf("%d damaged copies: %d refused as damaged, %d opened (%d read errors)", rounds, refused, opened, readErrs)
}
