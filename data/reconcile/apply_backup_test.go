package reconcile

import (
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/haeoreum/register/data/register"
)

func backupPaths(t *testing.T, r *register.Register) []string {
	t.Helper()
	list, err := r.Backups()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range list {
		out = append(out, b.Path)
	}
	return out
}

// TestRefusedImportsKeepEveryRestorePoint: a refused import leaves no
// backup behind and pushes none of the older ones out, however often it is
// tried (with 2 kept, 3 refusals used to leave only refusals' backups).
func TestRefusedImportsKeepEveryRestorePoint(t *testing.T) {
	r, err := register.Open(filepath.Join(t.TempDir(), "register.db"), register.Options{KeepBackups: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "master_2026.xlsx"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Backup(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	before := backupPaths(t, r)
	if len(before) != 2 {
		t.Fatalf("backups before: %v", before)
	}
	for range 3 {
		pv, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "bad", "wrong_units.xlsx"), FileOptions{})
		if err == nil || pv.Applied {
			t.Fatalf("wrong_units accepted: %v", err)
		}
		if pv.Backup != "" {
			t.Fatalf("a refused import names a backup: %s", pv.Backup)
		}
	}
	if after := backupPaths(t, r); !slices.Equal(after, before) {
		t.Fatalf("refused imports changed the backups:\n before %v\n after  %v", before, after)
	}
	// A good import is a restore point again, and only then is the oldest pruned.
	pv, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "pohang_2026-10.xlsx"), FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	after := backupPaths(t, r)
	if len(after) != 2 || after[0] != pv.Backup || after[1] != before[0] {
		t.Fatalf("after a good import: %v (its backup %s, before %v)", after, pv.Backup, before)
	}
}

// TestTwoImportsAtOnceBothSucceed: two copies of the app (two Register
// values on one file) import at the same moment, many times over. Each
// import gets its own backup; none is refused with a false "damaged".
func TestTwoImportsAtOnceBothSucceed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	var regs [2]*register.Register
	for i := range regs {
		r, err := register.Open(path, register.Options{KeepBackups: 100})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		regs[i] = r
	}
	file := filepath.Join(fixtures(t), "master_2026.xlsx")
	seen := map[string]bool{}
	for round := range 8 {
		var pvs [2]*Preview
		var errs [2]error
		var start, done sync.WaitGroup
		start.Add(1)
		for i, r := range regs {
			tab, sum, err := ReadFile(file, FileOptions{})
			if err != nil {
				t.Fatal(err)
			}
			done.Add(1)
			go func() {
				defer done.Done()
				start.Wait()
				pvs[i], errs[i] = Apply(ctx, r, ReadingOf(file, tab, sum), Options{})
			}()
		}
		start.Done()
		done.Wait()
		for i, pv := range pvs {
			if errs[i] != nil {
				t.Fatalf("round %d, import %d: %v", round, i, errs[i])
			}
			if !pv.Applied || pv.Backup == "" || seen[pv.Backup] {
				t.Fatalf("round %d, import %d: applied %v, backup %q (seen before: %v)", round, i, pv.Applied, pv.Backup, seen[pv.Backup])
			}
			seen[pv.Backup] = true
		}
	}
	if n := len(backupPaths(t, regs[0])); n != len(seen) {
		t.Fatalf("%d backups listed, %d made", n, len(seen))
	}
	if err := regs[0].Check(ctx); err != nil {
		t.Fatal(err)
	}
}
