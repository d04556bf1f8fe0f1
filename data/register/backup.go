package register

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/haeoreum/register/data/msg"
)

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path   string
	Reason string
	At     time.Time
	Size   int64
}

// Backup writes a consistent copy of the register into the backup folder:
// VACUUM INTO a temporary file, check it, sync it, then rename it into
// place, so a half-written backup never looks like a good one. The oldest
// backups beyond KeepBackups are removed.
func (r *Register) Backup(ctx context.Context, reason string) (string, error) {
	dir := r.opts.BackupDir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", msg.Wrap(err, msg.Where{File: dir}, msgReadOnly, err)
	}
	stamp := time.Now().Format("20060102-150405.000")
	stamp = strings.Replace(stamp, ".", "-", 1)
	final := filepath.Join(dir, fmt.Sprintf("register-%s-%s.db", stamp, reason))
	tmp := final + ".tmp"
	_ = os.Remove(tmp)
	if _, err := r.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		_ = os.Remove(tmp)
		return "", classify(err, msg.Where{File: tmp})
	}
	if err := verifyBackup(tmp); err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	if err := syncFile(tmp); err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, final); err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	r.pruneBackups()
	return final, nil
}

// verifyBackup opens a backup read-only and checks it is a sound register.
func verifyBackup(path string) error {
	db, err := sql.Open("sqlite", fileURI(path, "mode=ro"))
	if err != nil {
		return msg.Wrap(err, msg.Where{File: path}, msgBadBackup, err)
	}
	defer db.Close()
	var appID int
	var check string
	if err := db.QueryRow(`PRAGMA application_id`).Scan(&appID); err != nil {
		return msg.Wrap(err, msg.Where{File: path}, msgBadBackup, err)
	}
	if appID != applicationID {
		return msg.Errorf(msg.Where{File: path}, msgBadBackup, "not a register")
	}
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		return msg.Errorf(msg.Where{File: path}, msgBadBackup, fmt.Sprint(check, err))
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
		if err != nil {
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
}

// Restore replaces the register's content with a backup's, through SQLite's
// online backup API (so locks and the WAL stay SQLite's business). The
// current content is backed up first, so a restore can be reversed.
func (r *Register) Restore(ctx context.Context, backupPath string) error {
	if r.opts.ReadOnly {
		return msg.Errorf(msg.Where{File: r.path}, msgReadOnly, "read-only")
	}
	abs, err := filepath.Abs(backupPath)
	if err != nil {
		return err
	}
	if err := verifyBackup(abs); err != nil {
		return err
	}
	if _, err := r.Backup(ctx, "before-restore"); err != nil {
		return err
	}
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return classify(err, msg.Where{File: r.path})
	}
	err = conn.Raw(func(dc any) error { return restoreInto(dc, abs) })
	conn.Close() // before the check: the register has one connection
	if err != nil {
		return classify(err, msg.Where{File: r.path})
	}
	return r.integrityCheck(ctx)
}
