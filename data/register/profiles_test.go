package register

import (
	"path/filepath"
	"testing"

	"github.com/haeoreum/register/data/model"
)

func ulsanProfile(asOf string) Profile {
	return Profile{City: model.Ulsan, Fingerprint: "d5f57fb672fae1c8", Unit: "천원", UnitSource: UnitOfficial,
		Columns: []ProfileColumn{{Col: 11, Means: "ignore"}}, Headers: []string{"A 순번", "I 총사업비"},
		File: "ulsan_" + asOf + ".csv", AsOf: asOf}
}

func putProfile(t *testing.T, r *Register, p Profile) int64 {
	t.Helper()
	id, err := r.Write(ctx, Batch{Kind: KindImport, City: p.City}, func(tx *Tx) error { return tx.PutProfile(p) })
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// A profile is saved inside the import's batch: it reads back whole, a
// newer sheet of the layout replaces it, an older one does not, and
// undoing the batch that saved it forgets it.
func TestProfileIsSavedReplacedAndUndone(t *testing.T) {
	r := openTemp(t)
	putProfile(t, r, ulsanProfile("2026-10-31"))
	list, err := r.ProfilesFor(ctx, model.Ulsan, "d5f57fb672fae1c8")
	if err != nil || len(list) != 1 {
		t.Fatalf("%v %v", list, err)
	}
	p := list[0]
	if p.Unit != "천원" || p.UnitSource != UnitOfficial || len(p.Columns) != 1 || p.Columns[0] != (ProfileColumn{11, "ignore"}) ||
		len(p.Headers) != 2 || p.AsOf != "2026-10-31" || p.Batch == 0 || p.SavedAt == "" {
		t.Fatalf("read back %+v", p)
	}
	older := ulsanProfile("2026-09-30")
	older.Unit = "백만원"
	putProfile(t, r, older)
	if got, _ := r.ProfileByID(ctx, p.ID); got.Unit != "천원" {
		t.Fatalf("an older sheet replaced the newer one's profile: %+v", got)
	}
	newer := putProfile(t, r, ulsanProfile("2026-11-30"))
	if got, _ := r.ProfileByID(ctx, p.ID); got.AsOf != "2026-11-30" || got.Batch != newer {
		t.Fatalf("not confirmed by the newer sheet: %+v", got)
	}
	if _, err := r.Undo(ctx, newer); err != nil {
		t.Fatal(err)
	}
	if got, _ := r.ProfileByID(ctx, p.ID); got.AsOf != "2026-10-31" {
		t.Fatalf("undo did not bring back the older confirmation: %+v", got)
	}
	if _, err := r.Undo(ctx, 0); err != nil { // the older sheet's batch, which wrote nothing
		t.Fatal(err)
	}
	if _, err := r.Undo(ctx, p.Batch); err != nil {
		t.Fatal(err)
	}
	if all, _ := r.Profiles(ctx); len(all) != 0 {
		t.Fatalf("undoing the batch that saved it left %+v", all)
	}
}

// Deleting a profile is its own batch; undo brings it back as it was.
func TestProfileDeleteIsUndoable(t *testing.T) {
	r := openTemp(t)
	putProfile(t, r, ulsanProfile("2026-10-31"))
	all, _ := r.Profiles(ctx)
	if len(all) != 1 {
		t.Fatalf("%v", all)
	}
	if _, err := r.DeleteProfile(ctx, all[0].ID); err != nil {
		t.Fatal(err)
	}
	if left, _ := r.Profiles(ctx); len(left) != 0 {
		t.Fatalf("still there: %v", left)
	}
	if _, err := r.DeleteProfile(ctx, all[0].ID); err == nil {
		t.Fatal("deleting a missing profile was not refused")
	}
	b, err := r.Undo(ctx, 0)
	if err != nil || b.Kind != KindProfile {
		t.Fatalf("undo %+v %v", b, err)
	}
	back, _ := r.Profiles(ctx)
	if len(back) != 1 || back[0].ID != all[0].ID || back[0].Unit != "천원" || back[0].Headers[1] != "I 총사업비" {
		t.Fatalf("after undo %+v", back)
	}
}

// The same sheet imported again teaches nothing new, so its batch holds no
// undo rows for the profile.
func TestSameProfileIsNotRewritten(t *testing.T) {
	r := openTemp(t)
	putProfile(t, r, ulsanProfile("2026-10-31"))
	again := putProfile(t, r, ulsanProfile("2026-10-31"))
	var n int
	r.db.QueryRow(`SELECT count(*) FROM undo_log WHERE batch_id = ?`, again).Scan(&n)
	if n != 0 {
		t.Fatalf("%d undo rows for an unchanged profile", n)
	}
}

// A register written before profiles existed is migrated and can keep them.
func TestVersion2RegisterMigratesToProfiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	olderRegister(t, path, 2, func(r *Register) { insert(t, r, sample("HA-E01")) })
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	putProfile(t, r, ulsanProfile("2026-10-31"))
	if all, err := r.Profiles(ctx); err != nil || len(all) != 1 {
		t.Fatalf("%v %v", all, err)
	}
}

// A register with profiles from before header rows were kept (version 3)
// is migrated: its profiles read back with no header row, a new one keeps
// the row an official named, and undoing the batch that changed the row
// restores it (the table's undo triggers were made again with the column).
func TestVersion3ProfilesGainTheHeaderRow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	olderRegister(t, path, 3, func(r *Register) {
		_, err := r.Write(ctx, Batch{Kind: KindImport, City: model.Ulsan}, func(tx *Tx) error {
			return tx.exec(`INSERT INTO sheet_profiles(city, fingerprint, unit, file, as_of, batch_id, saved_at)
				VALUES ('ulsan', 'd5f57fb672fae1c8', '천원', 'old.csv', '2026-09-30', ?, '2026-10-01T00:00:00Z')`, tx.batch)
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	list, err := r.Profiles(ctx)
	if err != nil || len(list) != 1 || list[0].HeaderRow != 0 || list[0].Unit != "천원" {
		t.Fatalf("the version 3 profile reads back as %+v (%v)", list, err)
	}
	named := ulsanProfile("2026-10-31")
	named.HeaderRow = 4
	first := putProfile(t, r, named)
	if got, _ := r.ProfileByID(ctx, list[0].ID); got.HeaderRow != 4 || got.Batch != first {
		t.Fatalf("the header row is not kept: %+v", got)
	}
	moved := ulsanProfile("2026-11-30")
	moved.HeaderRow = 6
	second := putProfile(t, r, moved)
	if _, err := r.Undo(ctx, second); err != nil {
		t.Fatal(err)
	}
	if got, _ := r.ProfileByID(ctx, list[0].ID); got.HeaderRow != 4 || got.AsOf != "2026-10-31" {
		t.Fatalf("undo did not restore the header row: %+v", got)
	}
}
