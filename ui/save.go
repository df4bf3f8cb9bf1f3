package ui

import (
	"fmt"

	"jixiao/model"
)

// scheduleSave (re)starts the autosave timer: the draft is saved SaveDelay
// after the last edit.
func (e *Editor) scheduleSave() {
	e.stopTimer()
	if e.id == "" || e.saver == nil {
		return
	}
	e.timer = e.clock.AfterFunc(e.SaveDelay, func() {
		e.timer = nil
		e.startSave()
	})
}

func (e *Editor) stopTimer() {
	if e.timer != nil {
		e.timer.Stop()
		e.timer = nil
	}
}

// SaveNow saves at once (Ctrl+S), off the UI goroutine (e.worker).
func (e *Editor) SaveNow() {
	e.stopTimer()
	e.startSave()
}

// startSave saves a copy of the form in the background; the result comes
// back on the UI goroutine. Never two saves at once: a save asked for while
// one runs is made when it ends.
func (e *Editor) startSave() {
	if e.id == "" || e.saver == nil || !e.Dirty() {
		return
	}
	if e.saving {
		e.again = true
		return
	}
	e.saving, e.again = true, false
	gen, epoch, id, f := e.editGen, e.openEpoch, e.id, e.form.Clone()
	e.status.refresh()
	var err error
	e.worker.Go(func() {
		err = e.write(id, f, epoch, gen)
	}, func() { e.saveDone(gen, epoch, err) })
}

// write stores f, the form as of edit gen of the draft opened at epoch,
// unless the store already holds that edit or a later one: a Flush (closing
// the window, switching drafts) may save the newest form while a background
// save of an older copy still waits for the lock, which must then not put
// the older copy back. Any goroutine.
func (e *Editor) write(id string, f *model.Form, epoch, gen uint64) error {
	e.saveMu.Lock()
	defer e.saveMu.Unlock()
	if epoch == e.wroteEpoch && gen <= e.wroteGen {
		return nil
	}
	if err := e.saver.Save(id, f); err != nil {
		return err
	}
	e.wroteEpoch, e.wroteGen = epoch, gen
	return nil
}

func (e *Editor) saveDone(gen, epoch uint64, err error) {
	e.saving = false
	again := e.again
	e.again = false
	if epoch == e.openEpoch {
		e.saveResult(gen, err)
		again = again && err == nil
	} else {
		// Another draft is shown now (Open flushed this one): its status
		// bar said 正在保存…; a save asked for meanwhile is its own.
		e.status.refresh()
	}
	if again {
		e.startSave()
	}
}

func (e *Editor) saveResult(gen uint64, err error) {
	if err != nil {
		e.saveErr = err
	} else {
		e.saveErr = nil
		if gen > e.savedGen {
			e.savedGen = gen
		}
		e.savedAt = e.clock.Now()
	}
	e.status.refresh()
	e.updateTitle()
}

// Flush saves unsaved edits now and waits for the save (closing the
// window, switching drafts). It returns the store's error, in Chinese.
func (e *Editor) Flush() error {
	e.stopTimer()
	if e.id == "" || e.saver == nil || !e.Dirty() {
		return nil
	}
	gen := e.editGen
	err := e.write(e.id, e.form, e.openEpoch, gen)
	e.saveResult(gen, err)
	if err != nil {
		return fmt.Errorf("草稿未能保存：%w", err)
	}
	return nil
}

// saveState is the status bar's text about saving.
func (e *Editor) saveState() (string, bool) {
	switch {
	case e.saving:
		return "正在保存…", false
	case e.saveErr != nil:
		return "保存失败：" + e.saveErr.Error() + "（将在下次修改时重试，也可按 Ctrl+S）", true
	case e.Dirty():
		return "未保存", false
	case !e.savedAt.IsZero():
		return "已保存 " + e.savedAt.Format("15:04:05"), false
	}
	return "已保存", false
}

// SaveBeforeExit saves unsaved edits after the window's event loop has
// ended (the 退出 menu item ends it without closing the window first). It
// touches no widget. It waits for a save still running.
func (e *Editor) SaveBeforeExit() error {
	e.stopTimer()
	if e.id == "" || e.saver == nil || !e.Dirty() {
		return nil
	}
	if err := e.write(e.id, e.form, e.openEpoch, e.editGen); err != nil {
		return fmt.Errorf("草稿未能保存：%w", err)
	}
	e.savedGen = e.editGen
	return nil
}
