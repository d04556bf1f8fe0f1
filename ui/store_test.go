package ui

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/reconcile"
)

// The screens listen to the store: a load refreshes each of them, and a
// rebuilt window (another language) leaves no listener of the old screens.
func TestScreensListenToTheStore(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	screens := len(u.listeners)
	if screens != 9 {
		t.Fatalf("%d listeners, want the status bar and one per screen part that shows the register (9)", screens)
	}
	if _, err := reconcile.ImportFile(context.Background(), u.reg, filepath.Join(fixtures(t), "master_2026.xlsx"), reconcile.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	u.reload()
	if u.live() != 43 || u.table.table.Length == nil {
		t.Fatalf("the store holds %d projects", u.live())
	}
	if rows, _ := u.table.table.Length(); rows != 43 {
		t.Errorf("the register table, a listener, shows %d rows after the load", rows)
	}
	u.switchLanguage(msg.English, nil)
	u.Wait()
	if len(u.listeners) != screens {
		t.Errorf("after the language switch %d listeners, want %d (the old screens forgotten)", len(u.listeners), screens)
	}
}
