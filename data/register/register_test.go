package register

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

var ctx = context.Background()

func openTemp(t testing.TB) *Register {
	t.Helper()
	r, err := Open(filepath.Join(t.TempDir(), "register.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func sample(code string) *model.Project {
	end := "2028-12"
	pct := 45.5
	return &model.Project{
		Code: code, Name: "사업 " + code, Field: "경제·산업·해양", Kind: model.Continuing,
		LeadCity: model.Ulsan, Cities: []model.City{model.Pohang, model.Ulsan},
		Start: "2024-03", End: &end, Progress: &pct, Stage: "공사중",
		Budget: model.Budget{Total: 100_000_000, National: 60_000_000, Regional: 40_000_000},
	}
}

func insert(t testing.TB, r *Register, ps ...*model.Project) int64 {
	t.Helper()
	id, err := r.Write(ctx, Batch{Kind: KindImport, File: "t.xlsx"}, func(tx *Tx) error {
		for _, p := range ps {
			if _, err := tx.InsertProject(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func listJSON(t testing.TB, r *Register) string {
	t.Helper()
	ps, err := r.List(ctx, ListOptions{IncludeDeleted: true})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(ps)
	return string(b)
}

func fileHash(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

func TestNewRegisterIsMigratedAndMarked(t *testing.T) {
	r := openTemp(t)
	var appID, version, fields int
	r.db.QueryRow(`PRAGMA application_id`).Scan(&appID)
	r.db.QueryRow(`PRAGMA user_version`).Scan(&version)
	r.db.QueryRow(`SELECT count(*) FROM field_schemes WHERE plan_year = 2025`).Scan(&fields)
	if appID != applicationID || version != SchemaVersion || fields != 5 {
		t.Fatalf("app id %x version %d fields %d", appID, version, fields)
	}
	var mode string
	r.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Fatalf("journal mode %s", mode)
	}
	if err := r.Check(ctx); err != nil {
		t.Fatal(err)
	}
	// Reopening an existing register does not migrate again.
	path := r.Path()
	r.Close()
	r2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r2.Close()
}

func TestWritesOutsideABatchAreRefused(t *testing.T) {
	r := openTemp(t)
	if _, err := r.db.Exec(`INSERT INTO projects(code, name) VALUES ('X', 'x')`); err == nil ||
		!strings.Contains(err.Error(), "outside a batch") {
		t.Fatalf("un-audited write was allowed: %v", err)
	}
}

func TestForeignSQLiteFileIsRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec(`CREATE TABLE customers(id INTEGER, name TEXT)`)
	db.Exec(`INSERT INTO customers VALUES (1, 'x')`)
	db.Close()
	before := fileHash(t, path)
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrNotRegister) {
		t.Fatalf("want ErrNotRegister, got %v", err)
	}
	if !strings.Contains(err.Error(), "other.db") {
		t.Fatalf("message does not name the file: %v", err)
	}
	if fileHash(t, path) != before {
		t.Fatal("a refused file was changed")
	}
	// Nor a text file that is not SQLite at all.
	txt := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(txt, []byte("hello, this is not a database at all, just some words............................................................."), 0o644)
	if _, err := Open(txt, Options{}); !errors.Is(err, ErrNotRegister) {
		t.Fatalf("text file: %v", err)
	}
}

func TestTruncatedRegisterIsRefusedUntouched(t *testing.T) {
	r := openTemp(t)
	var ps []*model.Project
	for i := range 300 {
		ps = append(ps, sample(fmt.Sprintf("HA-%04d", i)))
	}
	insert(t, r, ps...)
	path := r.Path()
	r.Close()
	info, _ := os.Stat(path)
	if err := os.Truncate(path, info.Size()/2); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotRegister) {
		t.Fatalf("want a damaged-file error, got %v", err)
	}
	if fileHash(t, path) != before {
		t.Fatal("a damaged register was changed by opening it")
	}
}

func TestNetworkDriveIsRefusedForWriting(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HAEOREUM_TREAT_AS_NETWORK", dir)
	_, err := Open(filepath.Join(dir, "register.db"), Options{})
	if !errors.Is(err, ErrNetworkDrive) {
		t.Fatalf("want ErrNetworkDrive, got %v", err)
	}
	if _, statErr := os.Stat(filepath.Join(dir, "register.db")); statErr == nil {
		t.Fatal("a register was created on the network drive")
	}
}

func TestEditIsAuditedWithHistoryAndProvenance(t *testing.T) {
	r := openTemp(t)
	insert(t, r, sample("HA-E01"))
	p, _ := r.Project(ctx, "HA-E01")
	if _, err := editOne(r, "HA-E01", p.Version, model.FProgress, "50"); err != nil {
		t.Fatal(err)
	}
	got, _ := r.Project(ctx, "HA-E01")
	if *got.Progress != 50 || got.Version != p.Version+1 {
		t.Fatalf("progress %v version %d", *got.Progress, got.Version)
	}
	h, err := r.History(ctx, "HA-E01")
	if err != nil || len(h) == 0 || h[0].Field != model.FProgress || h[0].Old != "45.5" || h[0].New != "50.0" && h[0].New != "50" {
		t.Fatalf("history %+v %v", h, err)
	}
	if h[0].Kind != KindEdit || h[0].User == "" {
		t.Fatalf("history does not say who: %+v", h[0])
	}
	prov, _ := r.Provenance(ctx, p.ID)
	if pv := prov[model.FProgress]; !pv.Manual || pv.User == "" {
		t.Fatalf("provenance %+v", pv)
	}
	// An edit made against the old version must not overwrite the new one.
	_, err = editOne(r, "HA-E01", p.Version, model.FProgress, "10")
	if !errors.Is(err, ErrStale) {
		t.Fatalf("stale edit: %v", err)
	}
	// Invalid values are refused.
	if _, err := editOne(r, "HA-E01", 0, model.FEnd, "2028-13"); err == nil {
		t.Fatal("month 13 accepted")
	}
	if _, err := editOne(r, "HA-E01", 0, model.FProgress, "120"); err == nil {
		t.Fatal("progress 120 accepted")
	}
}

func TestUndoRestoresExactlyAndIsAudited(t *testing.T) {
	r := openTemp(t)
	insert(t, r, sample("HA-E01"), sample("HA-E02"))
	before := listJSON(t, r)
	batch, err := r.Write(ctx, Batch{Kind: KindImport, File: "pohang.xlsx"}, func(tx *Tx) error {
		ps, _ := tx.Projects()
		for id, p := range ps {
			if err := tx.SetField(id, 0, model.BudgetKey(model.Total), "5", Provenance{File: "pohang.xlsx", Cell: "E5"}); err != nil {
				return err
			}
			if err := tx.AddAlias(id, p.Name+" 사업", "x", model.Pohang); err != nil {
				return err
			}
			if err := tx.SetContact(id, model.Pohang, model.Contact{Officer: "홍길동"}); err != nil {
				return err
			}
			if err := tx.PutConflict(&Conflict{ProjectID: id, Field: model.FEnd, Values: []ConflictValue{{City: model.Pohang}}}); err != nil {
				return err
			}
		}
		_, err := tx.InsertProject(sample("HA-NEW"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if listJSON(t, r) == before {
		t.Fatal("the batch changed nothing")
	}
	undone, err := r.Undo(ctx, 0)
	if err != nil || undone.ID != batch {
		t.Fatalf("undo %v %v", undone, err)
	}
	if after := listJSON(t, r); after != before {
		t.Fatalf("undo did not restore the register:\nbefore %s\nafter  %s", before, after)
	}
	cs, _ := r.Conflicts(ctx, true)
	if len(cs) != 0 {
		t.Fatalf("conflicts survived undo: %d", len(cs))
	}
	// The undo is itself a batch, and can be undone (redo).
	bs, _ := r.Batches(ctx, 10)
	if bs[0].Kind != KindUndo || bs[0].Undoes != batch {
		t.Fatalf("undo not recorded: %+v", bs[0])
	}
	if _, err := r.Undo(ctx, bs[0].ID); err == nil {
		// undo batches are not picked by Undo(0) but can be named explicitly
		t.Log("redo by undoing the undo")
	}
}

func TestUndoRefusesToSkipOverLaterChanges(t *testing.T) {
	r := openTemp(t)
	first := insert(t, r, sample("HA-E01"))
	if _, err := editOne(r, "HA-E01", 0, model.FStage, "준공"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Undo(ctx, first); err == nil {
		t.Fatal("undid a batch under a later edit")
	}
	if _, err := r.Undo(ctx, 0); err != nil { // the edit
		t.Fatal(err)
	}
	if _, err := r.Undo(ctx, 0); err != nil { // then the import
		t.Fatal(err)
	}
	ps, _ := r.List(ctx, ListOptions{IncludeDeleted: true})
	if len(ps) != 0 {
		t.Fatalf("%d projects left", len(ps))
	}
	if _, err := r.Undo(ctx, 0); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("want nothing to undo, got %v", err)
	}
}

func TestSoftDeleteAndRestore(t *testing.T) {
	r := openTemp(t)
	insert(t, r, sample("HA-E01"), sample("HA-E02"))
	if _, err := r.SetDeleted(ctx, "HA-E01", true); err != nil {
		t.Fatal(err)
	}
	ps, _ := r.List(ctx, ListOptions{})
	if len(ps) != 1 || ps[0].Code != "HA-E02" {
		t.Fatalf("deleted project still listed: %d", len(ps))
	}
	all, _ := r.List(ctx, ListOptions{IncludeDeleted: true})
	if len(all) != 2 {
		t.Fatal("soft delete removed the row")
	}
	if _, err := r.SetDeleted(ctx, "HA-E01", false); err != nil {
		t.Fatal(err)
	}
	ps, _ = r.List(ctx, ListOptions{})
	if len(ps) != 2 {
		t.Fatal("restore failed")
	}
}

func TestBackupAndRestore(t *testing.T) {
	r := openTemp(t)
	insert(t, r, sample("HA-E01"))
	want := listJSON(t, r)
	path, err := r.Backup(ctx, "manual")
	if err != nil {
		t.Fatal(err)
	}
	if err := verifyBackup(path); err != nil {
		t.Fatal(err)
	}
	insert(t, r, sample("HA-E02"))
	if _, err := editOne(r, "HA-E01", 0, model.FStage, "준공"); err != nil {
		t.Fatal(err)
	}
	if err := r.Restore(ctx, path); err != nil {
		t.Fatal(err)
	}
	if got := listJSON(t, r); got != want {
		t.Fatalf("restore gave\n%s\nwant\n%s", got, want)
	}
	list, _ := r.Backups()
	if len(list) != 2 || list[0].Reason != "before-restore" {
		t.Fatalf("backups %+v", list)
	}
	// A restore from a file that is not a register is refused.
	bogus := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(bogus, []byte("nope"), 0o644)
	if err := r.Restore(ctx, bogus); !errors.Is(err, ErrBadBackup) {
		t.Fatalf("bogus restore: %v", err)
	}
}

func TestBackupsArePruned(t *testing.T) {
	r, err := Open(filepath.Join(t.TempDir(), "r.db"), Options{KeepBackups: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for range 5 {
		if _, err := r.Backup(ctx, "import"); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := r.Backups()
	if len(list) != 3 {
		t.Fatalf("%d backups kept", len(list))
	}
}

func TestSecondWindowIsToldWhoHasTheRegister(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	a, err := Open(path, Options{Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{Exclusive: true})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second exclusive open: %v", err)
	}
	who := currentIdentity()
	if !strings.Contains(err.Error(), who.User) || !strings.Contains(err.Error(), who.Host) {
		t.Fatalf("message does not say who: %v", err)
	}
	if u, h, held := Holder(path); !held || u != who.User || h != who.Host {
		t.Fatalf("holder %s %s %v", u, h, held)
	}
	// Read-only is always possible.
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	a.Close()
	b, err := Open(path, Options{Exclusive: true})
	if err != nil {
		t.Fatalf("lock not released: %v", err)
	}
	b.Close()
}

func TestFullDiskLeavesRegisterAsItWas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	insert(t, r, sample("HA-E01"))
	var pages int
	r.db.QueryRow(`PRAGMA page_count`).Scan(&pages)
	r.Close()
	r, err = Open(path, Options{MaxPages: pages + 2})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	before := listJSON(t, r)
	var many []*model.Project
	for i := range 2000 {
		p := sample(fmt.Sprintf("HA-%05d", i))
		p.Overview = strings.Repeat("가", 500)
		many = append(many, p)
	}
	_, err = r.Write(ctx, Batch{Kind: KindImport}, func(tx *Tx) error {
		for _, p := range many {
			if _, err := tx.InsertProject(p); err != nil {
				return err
			}
		}
		return nil
	})
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("want ErrDiskFull, got %v", err)
	}
	if msg.Language() == msg.Korean && !strings.Contains(err.Error(), "디스크") {
		t.Fatalf("message: %v", err)
	}
	if listJSON(t, r) != before {
		t.Fatal("a failed write changed the register")
	}
	if err := r.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRowProvenanceAndAFieldsOwnChange(t *testing.T) {
	r := openTemp(t)
	var id int64
	_, err := r.Write(ctx, Batch{Kind: KindImport, File: "master.xlsx"}, func(tx *Tx) error {
		p := sample("HA-E01")
		var err error
		if id, err = tx.InsertProject(p); err != nil {
			return err
		}
		return tx.SetRowProvenance(id, Provenance{File: "master.xlsx", Sheet: "사업목록", AsOf: "2026-06-30"},
			map[model.FieldKey][2]string{model.FName: {"C2", "사업 HA-E01"}, model.FProgress: {"O2", "45.5"}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := editOne(r, "HA-E01", 0, model.FProgress, "50"); err != nil {
		t.Fatal(err)
	}
	prov, err := r.Provenance(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if n := prov[model.FName]; n.File != "master.xlsx" || n.Cell != "C2" || n.Raw != "사업 HA-E01" || n.Sheet != "사업목록" {
		t.Errorf("name's provenance from the row: %+v", n)
	}
	if p := prov[model.FProgress]; !p.Manual || p.Cell != "" {
		t.Errorf("the edit's own provenance should win over the row's: %+v", p)
	}
	if _, ok := prov[wholeRow]; ok {
		t.Error("the whole-row entry leaked out")
	}
}

func TestEditFieldsIsOneUndoableBatch(t *testing.T) {
	r := openTemp(t)
	insert(t, r, sample("HA-E01"))
	p, _ := r.Project(ctx, "HA-E01")
	keys := []model.FieldKey{model.FStage, model.BudgetKey(model.Total)}
	vals := map[model.FieldKey]string{model.FStage: "준공", model.BudgetKey(model.Total): "120000000"}
	if _, err := r.EditFields(ctx, "HA-E01", p.Version, keys, vals); err != nil {
		t.Fatal(err)
	}
	got, _ := r.Project(ctx, "HA-E01")
	if got.Stage != "준공" || got.Budget.Total != 120_000_000 {
		t.Fatalf("%+v", got)
	}
	if _, err := r.EditFields(ctx, "HA-E01", p.Version, keys, vals); !errors.Is(err, ErrStale) {
		t.Fatalf("a stale multi-field edit: %v", err)
	}
	if _, err := r.Undo(ctx, 0); err != nil {
		t.Fatal(err)
	}
	got, _ = r.Project(ctx, "HA-E01")
	if got.Stage != "공사중" || got.Budget.Total != 100_000_000 {
		t.Fatalf("one undo should revert both fields: %+v", got)
	}
}

// editOne changes one field as a person's edit (EditFields with one key).
func editOne(r *Register, code string, version int64, k model.FieldKey, v string) (int64, error) {
	return r.EditFields(ctx, code, version, []model.FieldKey{k}, map[model.FieldKey]string{k: v})
}
