package store

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"jixiao/model"
)

var (
	growthSaves = flag.Int("growth.saves", 0, "TestFileGrowth: save the sample this many times (e.g. 10000) and report the file size")
	growthDays  = flag.Int("growth.days", 0, "TestFileGrowth: spread the saves evenly over this many days (e.g. 365), so that one revision a day is kept too")
)

// benchSave saves f b.N times, each with one changed target text, as the
// GUI's autosave does after a pause in typing, and reports the p50 and p99
// of the save latency in ms.
func benchSave(b *testing.B, f *model.Form) {
	s, _ := openTest(b)
	id, err := s.Create(f)
	if err != nil {
		b.Fatal(err)
	}
	f = f.Clone()
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Goals[0].Text = fmt.Sprintf("自动保存 %d", i)
		start := time.Now()
		if err := s.Save(id, f); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, durs)
	if st, err := os.Stat(s.Path()); err == nil {
		b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
	}
}

func reportPercentiles(b *testing.B, durs []time.Duration) {
	slices.Sort(durs)
	pct := func(p float64) float64 {
		i := int(float64(len(durs)-1) * p)
		return float64(durs[i].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// BenchmarkSaveSample is the autosave of the sample form (34 targets, 34
// tasks, 49 indicators): goal p99 < 20 ms.
func BenchmarkSaveSample(b *testing.B) { benchSave(b, model.Sample()) }

// BenchmarkSave5000Tasks is the autosave of a form with 5,000 task rows.
func BenchmarkSave5000Tasks(b *testing.B) { benchSave(b, model.Generate(5000)) }

// benchLoad loads a draft b.N times from a freshly opened file (the
// decoding is measured, no cached copy).
func benchLoad(b *testing.B, f *model.Form) {
	s, path := openTest(b)
	id, err := s.Create(f)
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := s.Load(id); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, durs)
}

// BenchmarkLoadSample opens (decodes) the sample draft.
func BenchmarkLoadSample(b *testing.B) { benchLoad(b, model.Sample()) }

// BenchmarkLoad5000Tasks opens (decodes) a 5,000-task draft.
func BenchmarkLoad5000Tasks(b *testing.B) { benchLoad(b, model.Generate(5000)) }

// BenchmarkOpenFile is Open of a drafts file holding the sample with 50
// revisions: the checks, bbolt's tx.Check, and the startup backup.
func BenchmarkOpenFile(b *testing.B) {
	path := filepath.Join(b.TempDir(), "drafts.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	f := model.Sample()
	id, _ := s.Create(f)
	for i := 0; i < KeepRecent; i++ {
		f.Goals[0].Text = fmt.Sprint(i)
		s.Save(id, f)
	}
	s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// TestFileGrowth saves the sample -growth.saves times (one changed target
// text a save, as autosave does) and reports the file size along the way:
// bbolt reuses the pages freed by pruned revisions, so the size levels off.
func TestFileGrowth(t *testing.T) {
	if *growthSaves == 0 {
		t.Skip("run with -growth.saves=10000")
	}
	s, path := openTest(t)
	clk := &fakeClock{t: time.Date(2026, 1, 5, 8, 0, 0, 0, time.Local)}
	var tick time.Duration
	if *growthDays > 0 {
		s.now = clk.now
		tick = time.Duration(*growthDays) * 24 * time.Hour / time.Duration(*growthSaves)
	}
	f := model.Sample()
	id, err := s.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	step := max(*growthSaves/10, 1)
	var sizes []int64
	start := time.Now()
	for i := 1; i <= *growthSaves; i++ {
		f.Goals[i%len(f.Goals)].Text = fmt.Sprintf("第 %d 次自动保存", i)
		clk.add(tick)
		if err := s.Save(id, f); err != nil {
			t.Fatal(err)
		}
		if i%step == 0 {
			st, _ := os.Stat(path)
			sizes = append(sizes, st.Size())
			t.Logf("after %5d saves: %8d bytes (%.1f MB)", i, st.Size(), float64(st.Size())/(1<<20))
		}
	}
	t.Logf("%d saves in %v (%.1f ms a save)", *growthSaves, time.Since(start).Round(time.Millisecond), float64(time.Since(start).Microseconds())/1000/float64(*growthSaves))
	revs, _ := s.Revisions(id)
	t.Logf("revisions kept: %d", len(revs))
	// Bounded: with all saves on one day, the second half of the run does
	// not grow the file (over many days it grows by one revision a day).
	if n := len(sizes); *growthDays == 0 && n >= 4 && sizes[n-1] > sizes[n/2] {
		t.Errorf("the file kept growing: %v", sizes)
	}
}
