package register

import (
	"path/filepath"
	"testing"
)

// A preview (reconcile.Apply with DryRun) of a register of an older format
// opened read-only runs on r.Snapshot. The snapshot must be of the
// register as it is read (brought up to date in memory), not of the file
// as it lies on disk: the preview's code reads and writes the current
// format's tables and columns (sheet_profiles.header_row since v4).
// Found in review F: `haeoreum-cli import --dry-run` on a version 3
// register fails with "no such column: header_row".
func TestSnapshotOfAnOlderFormatOpenedReadOnlyIsCurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	olderRegister(t, path, 3, func(r *Register) { insert(t, r, sample("HA-E01")) }) // before header rows
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Profiles(ctx); err != nil {
		t.Fatalf("the read-only register itself: %v", err)
	}
	snap, err := r.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	var version int
	if err := snap.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != SchemaVersion {
		t.Errorf("the snapshot is of format %d, the code writes %d", version, SchemaVersion)
	}
	if _, err := snap.Profiles(ctx); err != nil {
		t.Errorf("a preview's snapshot cannot read the current format: %v", err)
	}
}
