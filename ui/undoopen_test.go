package ui

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/haeoreum/register/data/reconcile"
)

// The form shows a project the newest import created; undoing that import
// takes the project away, and the form is emptied (as for another
// register), with no "project not found" error. Found in review.
func TestUndoTakingTheOpenProjectAwayEmptiesTheForm(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	if _, err := reconcile.ImportFile(context.Background(), u.reg, filepath.Join(fixtures(t), "master_2026.xlsx"), reconcile.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	u.reload()
	code := u.table.rows[0].Code
	u.detail.show(code)
	undo(u.store, u.shell, 0, nil)
	u.lastMessage = "" // the question's text; what the window says after it is checked below
	u.lastConfirm.Confirm()
	u.Wait()
	if u.live() != 0 {
		t.Fatalf("%d projects after the undo", u.live())
	}
	if u.lastMessage != "" || u.detail.p != nil {
		t.Errorf("after the undo the form holds %v and the window said %q", u.detail.p != nil, u.lastMessage)
	}
}
