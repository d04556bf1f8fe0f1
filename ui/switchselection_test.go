package ui

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/haeoreum/register/assets/sample"
	"github.com/haeoreum/register/data/register"
)

// When another register is opened the form is emptied and the table
// selects no row: the other register has a project of the same code
// (every register of the alliance has HA-C01), and a row left selected
// beside an empty form could not be chosen again to open it. Found in
// review.
func TestAnotherRegisterLeavesNoRowSelectedBesideAnEmptyForm(t *testing.T) {
	e := newEnv(t, "ko", true)
	u := e.u
	path := filepath.Join(t.TempDir(), "other.db")
	other, err := register.Open(path, register.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := sample.Load(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	other.Close()

	code := u.table.rows[0].Code
	u.table.table.Select(tableCell(u, code))
	if u.detail.p == nil || u.detail.p.Code != code {
		t.Fatalf("choosing %s did not open it", code)
	}
	u.settings.switchTo(path)
	u.Wait()
	t.Cleanup(func() { u.reg.Close() })
	if u.detail.p != nil {
		t.Fatalf("the form still shows %s", u.detail.p.Code)
	}
	u.table.table.Select(tableCell(u, code))
	if u.detail.p == nil {
		t.Errorf("after another register was opened, choosing %s's row (selected: %q) does not open it", code, u.table.selected)
	}
}
