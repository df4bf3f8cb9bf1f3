package store

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"jixiao/model"
)

var crashKills = flag.Int("crash.kills", 0, "how many times TestCrashKill kills the saving child process (default 20, or JIXIAO_CRASH_KILLS; use 100 or more for the full run)")

// killRounds is -crash.kills, else JIXIAO_CRASH_KILLS, else 20 (5 with
// -short). The variable is read inside the test so that go test's cache
// knows about it.
func killRounds() int {
	n := *crashKills
	if n <= 0 {
		n = 20
		if v, err := strconv.Atoi(os.Getenv("JIXIAO_CRASH_KILLS")); err == nil && v > 0 {
			n = v
		}
	}
	if testing.Short() {
		n = min(n, 5)
	}
	return n
}

// crashSeed is the seed of TestCrashKill's kill moments: JIXIAO_CRASH_SEED
// when set (to replay a failed run's moments; the child's progress at each
// moment still depends on the machine's speed), else the clock. It is
// logged, so a failure's output names it.
func crashSeed(t *testing.T) uint64 {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("JIXIAO_CRASH_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("JIXIAO_CRASH_SEED=%q: want a number: %v", v, err)
		}
		seed = n
	}
	t.Logf("kill moments from seed %d (replay: JIXIAO_CRASH_SEED=%d)", seed, seed)
	return seed
}

const (
	envCrashChild = "JIXIAO_STORE_CRASH_CHILD" // path of the drafts file
	envCrashID    = "JIXIAO_STORE_CRASH_ID"
	envCrashStart = "JIXIAO_STORE_CRASH_START"
)

// crashForm is the content the child saves as save number n: the sample
// with a changing target text, a changing amount and a number of extra
// task rows that grows and shrinks, so that pages are allocated and freed.
func crashForm(n int) *model.Form {
	f := model.Sample()
	f.Goals[0].Text = fmt.Sprintf("第 %d 次保存", n)
	f.Units[0].Tasks[0].Total = model.AmountOf(model.Money(1_000_000 + n))
	for i := 0; i < n%23; i++ {
		f.Units[1].Tasks = append(f.Units[1].Tasks, model.Task{Content: strings.Repeat("补充任务", 10+i), Total: model.MustAmount("1.5"), Fiscal: model.MustAmount("1.5")})
	}
	return f
}

// crashSeq reads the save number back from a form.
func crashSeq(f *model.Form) (int, bool) {
	s, ok := strings.CutPrefix(f.Goals[0].Text, "第 ")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(s, " 次保存"))
	return n, err == nil
}

// TestCrashChild is the child process of TestCrashKill: it saves
// crashForm(n) for n = start, start+1, … and prints n after each Save that
// returned success. It does nothing in a normal test run.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(envCrashChild)
	if path == "" {
		t.Skip("only run as the child of TestCrashKill")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(3)
	}
	id := os.Getenv(envCrashID)
	n, _ := strconv.Atoi(os.Getenv(envCrashStart))
	// Save n happens "n hours" after the start, so that days go by and
	// the pruning keeps (and compresses) daily revisions during the test.
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local)
	s.now = func() time.Time { return base.Add(time.Duration(n) * time.Hour) }
	for ; ; n++ {
		if err := s.Save(id, crashForm(n)); err != nil {
			fmt.Fprintln(os.Stderr, "save:", err)
			os.Exit(4)
		}
		os.Stdout.WriteString(strconv.Itoa(n) + "\n") // unbuffered: one write a save
	}
}

// TestCrashKill kills a child process that saves in a loop with SIGKILL at
// random moments (-crash.kills times) and checks after each kill that the
// file opens, that tx.Check finds nothing, and that the draft is exactly
// the last save that returned success — or the save after it, when the
// kill fell between that save's commit and the child's print of its number
// (the child prints n only after Save(n) returned, and starts Save(n+1)
// only after printing n, so nothing else is possible).
func TestCrashKill(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	rounds := killRounds()
	path := filepath.Join(t.TempDir(), "drafts.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Create(crashForm(0))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	seed := crashSeed(t)
	rng := rand.New(rand.NewPCG(seed, 7))
	last := 0 // the save number the file holds
	kills, corrupt, afterCommit, noSave := 0, 0, 0, 0
	totalSaves := 0
	for round := 0; round < rounds; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), envCrashChild+"="+path, envCrashID+"="+id, envCrashStart+"="+strconv.Itoa(last+1))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		printed := last
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if n, err := strconv.Atoi(sc.Text()); err == nil {
					printed = n
				}
			}
		}()
		// Sometimes early (while starting, opening or backing up), mostly
		// while saving.
		delay := time.Duration(rng.IntN(150)) * time.Millisecond
		if rng.IntN(5) > 0 {
			delay = time.Duration(150+rng.IntN(500)) * time.Millisecond
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		wg.Wait()
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: child ended by itself (%v): %s", round, err, stderr.String())
		}
		kills++

		// The file opens, passes tx.Check and holds the last save.
		before := t.Failed()
		checkBolt(t, path)
		s, err := Open(path)
		if err != nil {
			t.Errorf("round %d: open after kill: %v", round, err)
			corrupt++
			break
		}
		f, err := s.Load(id)
		s.Close()
		if err != nil {
			t.Errorf("round %d: load after kill: %v", round, err)
			corrupt++
			break
		}
		got, ok := crashSeq(f)
		switch {
		case !ok:
			t.Errorf("round %d: unexpected content %q", round, f.Goals[0].Text)
		case got == printed:
		case got == printed+1:
			afterCommit++
		default:
			t.Errorf("round %d: file holds save %d, last reported save %d", round, got, printed)
		}
		if ok && formJSON(t, f) != formJSON(t, crashForm(got)) {
			t.Errorf("round %d: save %d does not read back exactly", round, got)
		}
		if t.Failed() && !before {
			corrupt++
		}
		if got == last {
			noSave++
		}
		totalSaves += got - last
		last = got
	}
	st, _ := os.Stat(path)
	t.Logf("crash test: %d kills, %d corrupt or wrong files, %d saves in all, %d kills between commit and report, %d rounds without a save; file %d bytes",
		kills, corrupt, totalSaves, afterCommit, noSave, st.Size())
	if corrupt != 0 {
		t.Errorf("%d of %d kills left a bad file", corrupt, kills)
	}
}

const envHoldChild = "JIXIAO_STORE_HOLD_CHILD"

// TestHoldChild is the child of TestInUseByOtherProcess: it opens the file,
// says so, and keeps it open until it is killed.
func TestHoldChild(t *testing.T) {
	path := os.Getenv(envHoldChild)
	if path == "" {
		t.Skip("only run as the child of TestInUseByOtherProcess")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(3)
	}
	defer s.Close()
	os.Stdout.WriteString("opened\n")
	time.Sleep(time.Minute)
	os.Exit(5)
}

// TestInUseByOtherProcess: while another process (another jixiao) has the
// file open, Open says so within 2 s and leaves the file alone; once that
// process is gone — even killed — the file opens at once (the lock dies
// with the process, nothing stale is left behind).
func TestInUseByOtherProcess(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses SIGKILL")
	}
	path := filepath.Join(t.TempDir(), "drafts.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := s.Create(model.Sample())
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldChild$")
	cmd.Env = append(os.Environ(), envHoldChild+"="+path)
	out, _ := cmd.StdoutPipe()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	if line != "opened\n" {
		t.Fatalf("child: %q %v %s", line, err, stderr.String())
	}
	openHeld(t, path)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	start := time.Now()
	s3, err := Open(path)
	if err != nil {
		t.Fatalf("Open after the other process was killed: %v", err)
	}
	defer s3.Close()
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("Open after the kill took %v", d)
	}
	if _, err := s3.Load(id); err != nil {
		t.Error(err)
	}
}
