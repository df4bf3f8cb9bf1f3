package store

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"jixiao/model"
)

func TestSecondOpenerGetsInUseQuickly(t *testing.T) {
	s, path := openTest(t)
	id, _ := s.Create(model.Sample())
	err := openHeld(t, path)
	if !strings.Contains(err.Error(), "数据文件正被另一个 jixiao 窗口使用") || model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("message %q, code %q", err, model.ErrorCode(err))
	}
	// A restore from backup is refused too, as quickly.
	start := time.Now()
	if err := RestoreBackup(path, path+".nobackup"); err == nil {
		t.Errorf("restore while in use succeeded")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("restore while in use was refused after %v, want < 2 s", d)
	}
	bk, err := Backups(path)
	_ = bk
	if err != nil {
		t.Fatal(err)
	}
	// The first store still works.
	if _, err := s.Load(id); err != nil {
		t.Errorf("first store after the second open: %v", err)
	}
	s.Close()
	s3, err := Open(path)
	if err != nil {
		t.Fatalf("open after the first closed: %v", err)
	}
	s3.Close()
}

func TestRestoreBackupRefusedWhileInUse(t *testing.T) {
	s, path := openTest(t)
	id, _ := s.Create(model.Sample())
	s.Close()
	s, err := Open(path) // makes a backup of the file with the draft
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bk, err := Backups(path)
	if err != nil || len(bk) != 1 {
		t.Fatalf("backups %+v %v", bk, err)
	}
	before := fileHash(t, path)
	start := time.Now()
	if err := RestoreBackup(path, bk[0].Path); err != ErrInUse {
		t.Errorf("RestoreBackup while open = %v, want ErrInUse", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
	if fileHash(t, path) != before {
		t.Errorf("the file changed")
	}
	if _, err := s.Load(id); err != nil {
		t.Error(err)
	}
}

func TestConcurrentUse(t *testing.T) {
	s, _ := openTest(t)
	id, _ := s.Create(model.Sample())
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	wg.Add(1)
	go func() { // the background saver
		defer wg.Done()
		f := model.Sample()
		for i := 0; i < 40; i++ {
			f.Goals[0].Text = fmt.Sprint("第", i, "次")
			if err := s.Save(id, f); err != nil {
				errs <- err
			}
		}
	}()
	for g := 0; g < 3; g++ { // the GUI reading
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				if _, err := s.Load(id); err != nil {
					errs <- err
				}
				if _, err := s.List(); err != nil {
					errs <- err
				}
				if _, err := s.Revisions(id); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Add(1)
	go func() { // creating another draft meanwhile
		defer wg.Done()
		for i := 0; i < 5; i++ {
			if _, err := s.Create(model.New("2021", fmt.Sprint("局", i), time.Time{})); err != nil {
				errs <- err
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	f, _ := s.Load(id)
	if f.Goals[0].Text != "第39次" {
		t.Errorf("last save lost: %q", f.Goals[0].Text)
	}
	if list, _ := s.List(); len(list) != 6 {
		t.Errorf("%d drafts", len(list))
	}
}

func TestClosedStore(t *testing.T) {
	s, _ := openTest(t)
	id, _ := s.Create(model.Sample())
	s.Close()
	if _, err := s.Load(id); err != ErrClosed {
		t.Errorf("Load after Close = %v", err)
	}
	if err := s.Save(id, model.Sample()); err != ErrClosed {
		t.Errorf("Save after Close = %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}
