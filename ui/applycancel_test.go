package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/haeoreum/register/data/register"
)

// "Apply all in order" cancelled after the first file was applied says how
// many files were applied before the cancel, never "nothing was changed":
// that file's batch is in the register. Found in review.
func TestCancelAfterTheFirstFileSaysWhatWasApplied(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	w.add(fixturePaths(t)...)
	u.Wait()
	u.lastMessage = ""
	test.Tap(w.applyAll)
	if u.lastConfirm != nil {
		u.lastConfirm.Confirm()
	}
	// the first file's batch is committed; the job then waits to report
	// its progress (the test's queue), so the cancel comes between files
	deadline := time.Now().Add(30 * time.Second)
	for {
		if b, _ := u.reg.LastUndoable(context.Background(), register.KindImport); b != nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	u.typedKey(&fyneKeyEscape)
	u.Wait()
	b, err := u.reg.LastUndoable(context.Background(), register.KindImport)
	if err != nil || b == nil {
		t.Fatalf("no import in the register (%v): the cancel came before the first file", err)
	}
	applied := 0
	for _, f := range w.files {
		if f.applied {
			applied++
		}
	}
	t.Logf("applied %d files (last batch %d, %s); message %q", applied, b.ID, filepath.Base(b.File), u.lastMessage)
	if want := "그 전에 파일 " + itoa(applied) + "개를 반영했고"; applied == 0 || !strings.Contains(u.lastMessage, want) {
		t.Errorf("%d files were applied, and the official is told %q", applied, u.lastMessage)
	}
}
