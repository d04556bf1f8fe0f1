package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/register"
)

// Undoing the last import after a conflict decision says, before anything
// is done, that the decision goes too, and undoes both in one confirmed
// action (newest first).
func TestUndoImportAfterADecision(t *testing.T) {
	e := newEnv(t, "ko", true)
	u := e.u
	ctx := context.Background()
	imp, err := e.reg.LastUndoable(ctx, register.KindImport)
	if err != nil || imp == nil {
		t.Fatalf("the sample has no import to undo: %v", err)
	}
	c := u.conflicts[0]
	if _, err := e.reg.Resolve(ctx, c.ID, register.Decision{Kind: register.DecideKeep}); err != nil {
		t.Fatal(err)
	}
	u.reload()
	u.importer.undoLastImport()
	if u.lastConfirm == nil || !strings.Contains(u.lastMessage, "2개의 변경") || !strings.Contains(u.lastMessage, "충돌") {
		t.Fatalf("the confirmation does not say what goes: %q", u.lastMessage)
	}
	u.lastConfirm.Confirm()
	u.Wait()
	if b, _ := e.reg.LastUndoable(ctx, register.KindImport); b != nil && b.ID == imp.ID {
		t.Fatal("the import was not undone")
	}
	all, _ := e.reg.Conflicts(ctx, true)
	for _, x := range all {
		if x.ID == c.ID && x.Status == register.ConflictResolved {
			t.Fatal("the decision made after the import was not undone with it")
		}
	}
}
