package register

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/haeoreum/register/data/msg"
)

// stopClock makes every backup name carry the same millisecond.
func stopClock(t *testing.T) {
	t.Helper()
	at := time.Date(2026, 10, 5, 9, 30, 0, 123e6, time.Local)
	clock = func() time.Time { return at }
	t.Cleanup(func() { clock = time.Now })
}

func backupPaths(t *testing.T, r *Register) []string {
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

// TestBackupsInTheSameMillisecondAreAllKept: backups made in one
// millisecond, one after the other and by two Register values on one file at
// once, each get their own file; none overwrites another or fails.
func TestBackupsInTheSameMillisecondAreAllKept(t *testing.T) {
	stopClock(t)
	path := filepath.Join(t.TempDir(), "register.db")
	var regs [2]*Register
	for i := range regs {
		r, err := Open(path, Options{KeepBackups: 100})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		regs[i] = r
	}
	insert(t, regs[0], sample("HA-B01"))
	made := map[string]bool{}
	for range 3 {
		p, err := regs[0].Backup(ctx, "manual")
		if err != nil {
			t.Fatal(err)
		}
		made[p] = true
	}
	if len(made) != 3 {
		t.Fatalf("3 backups in one millisecond gave %d files", len(made))
	}
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	for _, r := range regs {
		for range 5 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p, err := r.Backup(ctx, "import")
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
				} else {
					made[p] = true
				}
			}()
		}
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d of 10 backups at once failed, the first: %v", len(errs), errs[0])
	}
	listed := backupPaths(t, regs[0])
	if len(made) != 13 || len(listed) != 13 {
		t.Fatalf("13 backups: %d files made, %d listed", len(made), len(listed))
	}
	for _, p := range listed {
		if !made[p] {
			t.Fatalf("listed %s, not made", p)
		}
		if err := verifyBackup(p); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("names: %s … %s", filepath.Base(listed[len(listed)-1]), filepath.Base(listed[0]))
}

// TestRefusedBatchCostsNoRestorePoint: a batch refused after its backup was
// taken removes that backup and prunes nothing; a committed one keeps its
// backup and only then prunes the oldest.
func TestRefusedBatchCostsNoRestorePoint(t *testing.T) {
	r, err := Open(filepath.Join(t.TempDir(), "register.db"), Options{KeepBackups: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	insert(t, r, sample("HA-B01"))
	for range 2 {
		if _, err := r.Backup(ctx, "manual"); err != nil {
			t.Fatal(err)
		}
	}
	before := backupPaths(t, r)
	refusal := errors.New("a row with errors")
	for range 5 {
		_, backup, err := r.WriteWithBackup(ctx, "import", Batch{Kind: KindImport}, func(tx *Tx) error {
			if _, err := tx.InsertProject(sample("HA-B02")); err != nil {
				return err
			}
			return refusal
		})
		if !errors.Is(err, refusal) || backup != "" {
			t.Fatalf("refused batch: %v, backup %q", err, backup)
		}
	}
	if after := backupPaths(t, r); !slices.Equal(after, before) {
		t.Fatalf("refused batches changed the backups:\n before %v\n after  %v", before, after)
	}
	if names := dirNames(t, r.opts.BackupDir); len(names) != 2 {
		t.Fatalf("files left in the backup folder: %v", names)
	}
	_, backup, err := r.WriteWithBackup(ctx, "import", Batch{Kind: KindImport}, func(tx *Tx) error {
		_, err := tx.InsertProject(sample("HA-B02"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if after := backupPaths(t, r); !slices.Equal(after, []string{backup, before[0]}) {
		t.Fatalf("after a committed batch: %v, want its backup %s and %s", after, backup, before[0])
	}
}

// TestRestoreOfNewerBackupIsRefused: a backup whose format is newer than
// this program's is refused before anything is touched, with a message
// saying so; the register stays as it was and opens again.
func TestRestoreOfNewerBackupIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	insert(t, r, sample("HA-N01"))
	backup, err := r.Backup(ctx, "manual")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", fileURI(backup, ""))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	insert(t, r, sample("HA-N02"))
	want := listJSON(t, r)
	backupsBefore := backupPaths(t, r)

	err = r.Restore(ctx, backup)
	if !errors.Is(err, ErrBackupNewer) || !strings.Contains(err.Error(), backup) {
		t.Fatalf("restore of a newer backup: want ErrBackupNewer naming it, got %v", err)
	}
	for lang, words := range map[msg.Lang]string{msg.Korean: "더 새로운 버전의 프로그램", msg.English: "made by a newer version of the app"} {
		if text := msg.TextIn(lang, msgBackupNewer, 99, SchemaVersion); !strings.Contains(text, words) {
			t.Fatalf("%s: %q", lang, text)
		}
	}
	t.Logf("%v", err)
	if got := listJSON(t, r); got != want {
		t.Fatal("the refused restore changed the register")
	}
	if after := backupPaths(t, r); !slices.Equal(after, backupsBefore) {
		t.Fatalf("the refused restore made a backup: %v", after)
	}
	r.Close()
	if r, err = Open(path, Options{}); err != nil {
		t.Fatalf("the register no longer opens: %v", err)
	}
	r.Close()
}

// TestRegisterDeletedOrReplacedDuringABatch: when the register's path no
// longer names the file that was opened, a batch is not reported as saved;
// the error names the path. Through WriteWithBackup the backup is kept: it
// may be the only copy of the register left.
func TestRegisterDeletedOrReplacedDuringABatch(t *testing.T) {
	for _, how := range []string{"deleted", "replaced"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "register.db")
			r, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			insert(t, r, sample("HA-G01"))
			_, backup, err := r.WriteWithBackup(ctx, "import", Batch{Kind: KindImport}, func(tx *Tx) error {
				if _, err := tx.InsertProject(sample("HA-G02")); err != nil {
					return err
				}
				if how == "deleted" {
					return os.Remove(path)
				}
				other := filepath.Join(dir, "other.db")
				if err := os.WriteFile(other, nil, 0o644); err != nil {
					return err
				}
				return os.Rename(other, path)
			})
			if !errors.Is(err, ErrFileGone) || !strings.HasPrefix(err.Error(), path+": ") {
				t.Fatalf("want ErrFileGone naming %s, got %v", path, err)
			}
			t.Logf("%v", err)
			if backup == "" {
				t.Fatal("the backup made before the batch was not kept")
			}
			if err := verifyBackup(backup); err != nil {
				t.Fatal(err)
			}
			// Every later batch is refused the same way.
			if _, err := r.Create(ctx, sample("HA-G03")); !errors.Is(err, ErrFileGone) {
				t.Fatalf("a later write: %v", err)
			}
		})
	}
}

// TestBackupOnReadOnlyMediumNamesTheRegister: a register on a read-only
// medium can only be opened read-only; a backup of it, and an import into
// it, are refused with a message that names the register (not the backup's
// temporary file) and says the folder is read-only.
func TestBackupOnReadOnlyMediumNamesTheRegister(t *testing.T) {
	dir := mountTmpfs(t, "size=2m")
	path := filepath.Join(dir, "register.db")
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	insert(t, r, sample("HA-R01"))
	if _, err := r.Backup(ctx, "manual"); err != nil { // the backup folder exists
		t.Fatal(err)
	}
	r.Close()
	remount(t, dir, "ro")
	t.Cleanup(func() { remount(t, dir, "rw") })
	if r, err = Open(path, Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, err = r.Backup(ctx, "manual")
	checkBackupReadOnly(t, err, path)

	_, backup, err := r.WriteWithBackup(ctx, "import", Batch{Kind: KindImport}, func(tx *Tx) error {
		t.Error("the batch ran on a read-only register")
		return nil
	})
	if !errors.Is(err, ErrReadOnly) || backup != "" || !strings.HasPrefix(err.Error(), path+": ") {
		t.Fatalf("an import on the read-only medium: %v (backup %q)", err, backup)
	}
	if msg.Language() == msg.Korean && (!strings.Contains(err.Error(), "읽기 전용") || strings.Contains(err.Error(), "read-only")) {
		t.Fatalf("the message does not say in Korean that the folder is read-only: %v", err)
	}
	t.Logf("%v", err)
}

// TestBackupIntoReadOnlyFolderNamesTheRegister: the same with a backup
// folder of its own that cannot be written (missing, or existing).
func TestBackupIntoReadOnlyFolderNamesTheRegister(t *testing.T) {
	ro := readOnlyFolder(t)
	for _, backups := range []string{ro, filepath.Join(ro, "backups")} {
		path := filepath.Join(t.TempDir(), "register.db")
		r, err := Open(path, Options{BackupDir: backups})
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Backup(ctx, "manual")
		r.Close()
		checkBackupReadOnly(t, err, path)
	}
}

func checkBackupReadOnly(t *testing.T, err error, path string) {
	t.Helper()
	if !errors.Is(err, ErrBackupReadOnly) || !errors.Is(err, ErrReadOnly) {
		t.Fatalf("want ErrBackupReadOnly (and ErrReadOnly), got %v", err)
	}
	if !strings.HasPrefix(err.Error(), path+": ") || strings.Contains(err.Error(), ".tmp") {
		t.Fatalf("the message does not name the register %s: %v", path, err)
	}
	if msg.Language() == msg.Korean && !strings.Contains(err.Error(), "읽기 전용") {
		t.Fatalf("the message does not say the folder is read-only: %v", err)
	}
	t.Logf("%v", err)
}

// TestMissingRegisterFileHasItsOwnMessage: reading a register file that
// does not exist says so, naming the full path, not "project … not found".
func TestMissingRegisterFileHasItsOwnMessage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	_, err := Open(path, Options{ReadOnly: true})
	if !errors.Is(err, ErrNoFile) || errors.Is(err, ErrNotFound) {
		t.Fatalf("want ErrNoFile, got %v", err)
	}
	if !strings.HasPrefix(err.Error(), path+": ") {
		t.Fatalf("the message does not name %s: %v", path, err)
	}
	for lang, words := range map[msg.Lang]string{msg.Korean: "등록부 파일이 없습니다", msg.English: "register file does not exist"} {
		if text := msg.TextIn(lang, msgNoFile); !strings.Contains(text, words) || strings.Contains(text, "(를)") {
			t.Fatalf("%s: %q", lang, text)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("reading a missing register created it")
	}
}

// TestKilledBackupsLeftoversAreRemoved: an empty reserved name and a
// temporary file left by a backup that was killed are not listed, and the
// next pruning removes them once they are old; a backup being written now
// (young) is left alone.
func TestKilledBackupsLeftoversAreRemoved(t *testing.T) {
	r := openTemp(t)
	dir := r.opts.BackupDir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * leftoverAge)
	leftovers := map[string]int{
		"register-20260101-120000-000-import.db":     0,
		"register-20260101-120000-000-import.db.tmp": 4096,
	}
	young := map[string]int{
		"register-20260101-130000-000-import.db":     0,
		"register-20260101-130000-000-import.db.tmp": 4096,
	}
	for name, size := range leftovers {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	for name, size := range young {
		if err := os.WriteFile(filepath.Join(dir, name), make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if list := backupPaths(t, r); len(list) != 0 {
		t.Fatalf("leftovers listed as backups: %v", list)
	}
	made, err := r.Backup(ctx, "manual")
	if err != nil {
		t.Fatal(err)
	}
	names := dirNames(t, dir)
	for name := range leftovers {
		if slices.Contains(names, name) {
			t.Errorf("%s was not removed", name)
		}
	}
	for name := range young {
		if !slices.Contains(names, name) {
			t.Errorf("%s (being written) was removed", name)
		}
	}
	if !slices.Contains(names, filepath.Base(made)) {
		t.Errorf("the new backup is gone: %v", names)
	}
}

// TestStorageMessagesReadInBothLanguages: the messages of the storage faults
// take the same arguments in Korean and English, are Korean in Korean, and
// need no "을(를)"-style particle guessing.
func TestStorageMessagesReadInBothLanguages(t *testing.T) {
	ids := []msg.ID{msgBackupReadOnly, msgBackupFailed, msgBackupNewer, msgFileGone, msgNoFile, msgOpenedReadOnly, msgFolderReadOnly}
	for _, id := range ids {
		ko, en := msg.TextIn(msg.Korean, id), msg.TextIn(msg.English, id)
		if strings.Count(ko, "(MISSING)") != strings.Count(en, "(MISSING)") {
			t.Errorf("%s: Korean and English take different arguments:\n%s\n%s", id, ko, en)
		}
		for _, particle := range []string{"을(를)", "이(가)", "은(는)", "(으)로", "와(과)"} {
			if strings.Contains(ko, particle) {
				t.Errorf("%s: %q", id, ko)
			}
		}
		bare := strings.NewReplacer("%!s(MISSING)", "", "%!d(MISSING)", "").Replace(ko)
		if strings.ContainsAny(bare, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("%s: English in the Korean text: %q", id, ko)
		}
	}
}

const backupChildEnv = "HAEOREUM_BACKUP_CHILD" // register path: run as a backing-up child

// TestBackupChild is one of the two processes of
// TestTwoProcessesBackUpInTheSameMillisecond: on "go" it makes 10 backups,
// all stamped with the same millisecond.
func TestBackupChild(t *testing.T) {
	path := os.Getenv(backupChildEnv)
	if path == "" {
		return // only a helper process
	}
	in := stdinLines()
	at := time.Date(2026, 10, 5, 9, 30, 0, 456e6, time.Local)
	clock = func() time.Time { return at }
	r, err := Open(path, Options{KeepBackups: 100})
	if err != nil {
		childFail("open: %v", err)
	}
	fmt.Println("ready")
	if l := <-in; l != "go" {
		childFail("expected go, got %q", l)
	}
	for i := range 10 {
		if _, err := r.Backup(ctx, "import"); err != nil {
			childFail("backup %d: %v", i, err)
		}
	}
	r.Close()
	fmt.Println("done")
}

// TestTwoProcessesBackUpInTheSameMillisecond: two copies of the app back the
// same register up at once, every backup in the same millisecond; each of
// the 20 gets its own sound file.
func TestTwoProcessesBackUpInTheSameMillisecond(t *testing.T) {
	if os.Getenv(backupChildEnv) != "" {
		return
	}
	path := filepath.Join(t.TempDir(), "register.db")
	r, err := Open(path, Options{KeepBackups: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	insert(t, r, sample("HA-P01"))
	var kids []*child
	for range 2 {
		c := startChild(t, "TestBackupChild", backupChildEnv+"="+path)
		c.expect(t, "ready", time.Minute)
		kids = append(kids, c)
	}
	for _, c := range kids {
		fmt.Fprintln(c.stdin, "go")
	}
	for _, c := range kids {
		c.expect(t, "done", time.Minute)
		c.stdin.Close()
		c.wait(t, time.Minute)
	}
	list := backupPaths(t, r)
	if len(list) != 20 {
		t.Fatalf("%d backups listed, 20 made: %v", len(list), list)
	}
	for _, p := range list {
		if err := verifyBackup(p); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCancelledBackupIsNotAFaultOfTheFolder: an import cancelled while its
// backup is written says it was cancelled, leaves no backup, and does not
// blame the backup folder.
func TestCancelledBackupIsNotAFaultOfTheFolder(t *testing.T) {
	r := openTemp(t)
	insert(t, r, sample("HA-C01"))
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, backup, err := r.WriteWithBackup(cancelled, "import", Batch{Kind: KindImport}, func(tx *Tx) error { return nil })
	if err == nil || errors.Is(err, ErrBackupFailed) || errors.Is(err, ErrBackupReadOnly) || backup != "" {
		t.Fatalf("cancelled: %v (backup %q)", err, backup)
	}
	t.Logf("%v", err)
	if list := backupPaths(t, r); len(list) != 0 {
		t.Fatalf("a cancelled import left backups: %v", list)
	}
}
