package register

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/haeoreum/register/data/msg"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path   string
	Reason string
	At     time.Time
	Size   int64
}

// clock stamps backup names; tests stop it to make backups in one millisecond.
var clock = time.Now

// Backup writes a consistent copy of the register into the backup folder and
// removes the oldest backups beyond KeepBackups. Before a change that may
// still be refused, use WriteWithBackup instead: it prunes only once the
// change is committed.
func (r *Register) Backup(ctx context.Context, reason string) (string, error) {
	path, err := r.writeBackup(ctx, reason)
	if err != nil {
		return "", err
	}
	r.pruneBackups()
	return path, nil
}

// WriteWithBackup backs the register up, then writes batch b as Write does.
// The backup becomes a restore point only if the batch commits; only then
// are backups beyond KeepBackups pruned. If the batch fails or is refused,
// its backup is removed again, so refused imports never push a restore point
// out. The backup is kept, though, when the register file was deleted or
// replaced meanwhile (ErrFileGone): it may be the only copy left.
func (r *Register) WriteWithBackup(ctx context.Context, reason string, b Batch, fn func(*Tx) error) (id int64, backup string, err error) {
	if r.opts.ReadOnly {
		return 0, "", r.readOnlyError()
	}
	if backup, err = r.writeBackup(ctx, reason); err != nil {
		return 0, "", err
	}
	id, err = r.Write(ctx, b, fn)
	switch {
	case errors.Is(err, ErrFileGone):
		return 0, backup, err
	case err != nil:
		_ = os.Remove(backup)
		return 0, "", err
	}
	r.pruneBackups()
	return id, backup, nil
}

// writeBackup writes a backup without pruning: VACUUM INTO a temporary
// file, check it, sync it, then rename it over the name reserved for it, so
// a half-written backup never looks like a good one.
func (r *Register) writeBackup(ctx context.Context, reason string) (string, error) {
	dir := r.opts.BackupDir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", r.backupError(err, dir)
	}
	final, err := reserveBackupName(dir, reason)
	if err != nil {
		return "", r.backupError(err, dir)
	}
	tmp := final + ".tmp"
	err = r.vacuumInto(ctx, tmp)
	if err == nil {
		err = os.Rename(tmp, final)
	}
	if err != nil {
		_ = os.Remove(tmp)
		_ = os.Remove(final)
		return "", r.backupError(err, dir)
	}
	return final, nil
}

// reserveBackupName creates the backup's file, empty, under a name no other
// backup has: the time to the millisecond, and a counter when another backup
// (another import, another copy of the app) took that name in the same
// millisecond. O_EXCL makes the claim atomic, between processes too; the
// temporary file beside it is then ours alone.
func reserveBackupName(dir, reason string) (string, error) {
	stamp := strings.Replace(clock().Format("20060102-150405.000"), ".", "-", 1)
	for n := 1; ; n++ {
		name := stamp
		if n > 1 {
			name = fmt.Sprintf("%s_%03d", stamp, n) // '_' sorts after '-': newer than the first
		}
		final := filepath.Join(dir, fmt.Sprintf("register-%s-%s.db", name, reason))
		f, err := os.OpenFile(final, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			return final, f.Close()
		}
		if !errors.Is(err, fs.ErrExist) || n == 999 {
			return "", err
		}
	}
}

// vacuumInto writes the register's content into a new file at tmp, checks it
// and syncs it.
func (r *Register) vacuumInto(ctx context.Context, tmp string) error {
	_ = os.Remove(tmp) // left by a killed process that had this name
	if _, err := r.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return err
	}
	if err := verifyBackup(tmp); err != nil {
		return err
	}
	return syncFile(tmp)
}

// backupError names the register, not the backup's temporary file: the
// official asked to change the register, and it was left as it was.
func (r *Register) backupError(err error, dir string) error {
	where := msg.Where{File: r.path}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err // the caller's, not a fault of the folder
	}
	if isReadOnlyError(err) {
		return msg.Wrap(errors.Join(ErrReadOnly, err), where, msgBackupReadOnly, dir)
	}
	if c := classify(err, where); errors.Is(c, ErrDiskFull) {
		return c
	}
	return msg.Wrap(err, where, msgBackupFailed, dir)
}

// isReadOnlyError reports whether err says a file or folder cannot be written.
func isReadOnlyError(err error) bool {
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return true
		}
	}
	return false
}

// verifyBackup opens a backup read-only and checks it is a sound register.
func verifyBackup(path string) error {
	where := msg.Where{File: path}
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return msg.Wrap(err, where, msgBackupMissing)
	}
	db, err := sql.Open("sqlite", fileURI(path, "mode=ro"))
	if err != nil {
		return msg.Wrap(err, where, msgBadBackup)
	}
	defer db.Close()
	var appID int
	var check string
	if err := db.QueryRow(`PRAGMA application_id`).Scan(&appID); err != nil {
		return msg.Wrap(err, where, msgBadBackup)
	}
	if appID != applicationID {
		return msg.Wrap(fmt.Errorf("application_id %d", appID), where, msgBadBackup)
	}
	// Refused here, before anything is touched: restored, a newer format
	// would leave a register this program refuses to open.
	var version int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return msg.Wrap(err, where, msgBadBackup)
	}
	if version > SchemaVersion {
		return msg.Errorf(where, msgBackupNewer, version, SchemaVersion)
	}
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		return msg.Wrap(fmt.Errorf("integrity_check: %s %v", check, err), where, msgBadBackup)
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Backups lists the backup folder, newest first.
func (r *Register) Backups() ([]BackupInfo, error) {
	entries, err := os.ReadDir(r.opts.BackupDir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "register-") || !strings.HasSuffix(name, ".db") {
			continue
		}
		info, err := e.Info()
		if err != nil || info.Size() == 0 {
			// Empty: a name reserved by a backup still being written, or
			// by a killed one (removeLeftovers takes those away).
			continue
		}
		parts := strings.SplitN(strings.TrimSuffix(strings.TrimPrefix(name, "register-"), ".db"), "-", 4)
		reason := ""
		if len(parts) == 4 {
			reason = parts[3]
		}
		out = append(out, BackupInfo{Path: filepath.Join(r.opts.BackupDir, name), Reason: reason, At: info.ModTime(), Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path > out[j].Path })
	return out, nil
}

func (r *Register) pruneBackups() {
	list, err := r.Backups()
	if err != nil {
		return
	}
	for i := r.opts.KeepBackups; i < len(list); i++ {
		_ = os.Remove(list[i].Path)
	}
	removeLeftovers(r.opts.BackupDir)
}

// leftoverAge is how old a reserved name or temporary file must be before it
// counts as left by a killed backup (a backup takes seconds at most).
const leftoverAge = time.Hour

// removeLeftovers removes what killed backups left: an empty reserved name
// and the temporary file beside it.
func removeLeftovers(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		info, err := e.Info()
		if err != nil || !strings.HasPrefix(name, "register-") || time.Since(info.ModTime()) < leftoverAge {
			continue
		}
		if strings.HasSuffix(name, ".db.tmp") || strings.HasSuffix(name, ".db") && info.Size() == 0 {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

// Restore replaces the register's content with a backup's, through SQLite's
// online backup API (so locks and the WAL stay SQLite's business). The
// current content is backed up first, so a restore can be reversed.
func (r *Register) Restore(ctx context.Context, backupPath string) error {
	if r.opts.ReadOnly {
		return r.readOnlyError()
	}
	abs, err := filepath.Abs(backupPath)
	if err != nil {
		return err
	}
	if err := verifyBackup(abs); err != nil {
		return err
	}
	// Not pruned until the restore has worked: a failed restore must not
	// cost an older restore point.
	if _, err := r.writeBackup(ctx, "before-restore"); err != nil {
		return err
	}
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return classify(err, msg.Where{File: r.path})
	}
	err = conn.Raw(func(dc any) error { return restoreInto(dc, abs, false) })
	conn.Close() // before the check: the register has one connection
	if err != nil {
		return classify(err, msg.Where{File: r.path})
	}
	if err := r.integrityCheck(ctx); err != nil {
		return err
	}
	if err := r.upgradeRestored(ctx); err != nil {
		return err
	}
	if err := r.checkSameFile(); err != nil {
		return err
	}
	r.pruneBackups()
	return nil
}
