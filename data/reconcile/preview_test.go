package reconcile

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/haeoreum/register/data/register"
)

// A preview only reads the register: it works on a register opened
// read-only and while another connection holds a write transaction, and it
// gives the same preview as on a writable register.
func TestPreviewIsARead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.db")
	r, err := register.Open(path, register.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "master_2026.xlsx"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	sheet := filepath.Join(fixtures(t), "ulsan_2026-10.xlsx")
	dry := FileOptions{Options: Options{DryRun: true}}
	want, err := ImportFile(ctx, r, sheet, dry)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()

	// another program in the middle of a write transaction
	other, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(100)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	writer, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Rollback()
	if _, err := writer.Exec(`UPDATE current_batch SET id = NULL`); err != nil {
		t.Fatal(err)
	}

	ro, err := register.Open(path, register.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	got, err := ImportFile(ctx, ro, sheet, dry)
	if err != nil {
		t.Fatalf("preview on a read-only register while another writes: %v", err)
	}
	a, _ := json.Marshal(want.Changed)
	b, _ := json.Marshal(got.Changed)
	if string(a) != string(b) || len(got.Changed) == 0 || got.Applied {
		t.Fatalf("preview differs: %d changes (want %d), applied %v", len(got.Changed), len(want.Changed), got.Applied)
	}
	if bs, _ := ro.Batches(ctx, 10); len(bs) != 1 {
		t.Fatalf("%d batches after a preview, want 1", len(bs))
	}
	// and applying on the read-only register is refused, naming it
	if _, err := ImportFile(ctx, ro, sheet, FileOptions{}); err == nil {
		t.Fatal("a read-only register accepted an import")
	}
}
