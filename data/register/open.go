// Package register is the register's storage: one SQLite file with schema
// migrations, an integrity check at every open, audited batches that can be
// undone, provenance and conflicts, backups, and the lock that tells a second
// copy of the app who has the register open.
package register

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/haeoreum/register/data/msg"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Options say how to open a register.
type Options struct {
	// ReadOnly opens without writing anything, not even a new schema.
	ReadOnly bool
	// Exclusive takes the register's lock file for as long as it is open, so
	// that a second window is told who has it (the window sets this).
	Exclusive bool
	// BackupDir overrides where backups go (default: "backups" beside the file).
	BackupDir string
	// KeepBackups is how many automatic backups to keep (default 30).
	KeepBackups int
	// AllowNetwork opens a register on a network drive for writing anyway
	// (tests only: SQLite's locking is not reliable there).
	AllowNetwork bool
	// MaxPages caps the file's size in pages; tests use it to simulate a
	// full disk.
	MaxPages int
}

// Register is an open register file. Its methods are safe for concurrent
// use; writes are serialised by SQLite (BEGIN IMMEDIATE).
type Register struct {
	path string
	db   *sql.DB
	opts Options
	lock *fileLock
	who  Identity
	// immutable: a read-only register on a medium nobody can write to.
	immutable bool
	// opened is the register file as it was when opened: every batch checks
	// that the path still names this file (see checkSameFile).
	opened os.FileInfo
}

// Identity is who makes the changes: recorded in every batch.
type Identity struct{ User, Host string }

// Path returns the register file's path.
func (r *Register) Path() string { return r.path }

// ReadOnly reports whether the register was opened read-only.
func (r *Register) ReadOnly() bool { return r.opts.ReadOnly }

// Who returns the identity recorded in batches made through r.
func (r *Register) Who() Identity { return r.who }

// Open opens the register at path, creating it (and its folder) if it does
// not exist. It refuses files that are not registers, damaged files, and
// registers on network drives, without writing to them.
func Open(path string, opts Options) (*Register, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if opts.KeepBackups <= 0 {
		opts.KeepBackups = 30
	}
	if opts.BackupDir == "" {
		opts.BackupDir = filepath.Join(filepath.Dir(abs), "backups")
	}
	// Absolute: VACUUM INTO would read a relative "file:…" name as a URI.
	if opts.BackupDir, err = filepath.Abs(opts.BackupDir); err != nil {
		return nil, err
	}
	where := msg.Where{File: abs}
	_, statErr := os.Stat(abs)
	exists := statErr == nil
	if !exists && opts.ReadOnly {
		return nil, msg.Wrap(statErr, where, msgNoFile)
	}
	if !opts.ReadOnly && !opts.AllowNetwork {
		if fs, remote := networkFileSystem(filepath.Dir(abs)); remote {
			return nil, msg.Errorf(where, msgNetworkDrive, fs)
		}
	}
	if !exists {
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return nil, msg.Wrap(err, where, msgCannotCreate, err)
		}
	}
	r := &Register{path: abs, opts: opts, who: currentIdentity()}
	if opts.Exclusive && !opts.ReadOnly {
		if r.lock, err = acquireLock(abs+".lock", r.who); err != nil {
			return nil, err
		}
	}
	err = r.open(exists)
	if err != nil && opts.ReadOnly && errors.Is(err, ErrReadOnly) {
		// On a write-protected medium SQLite cannot make the WAL's shared
		// memory file; nobody can write there, so reading it as immutable
		// is safe and is the only way to read it at all.
		r.Close()
		r = &Register{path: abs, opts: opts, who: r.who, immutable: true}
		err = r.open(exists)
	}
	if err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

func (r *Register) open(exists bool) error {
	where := msg.Where{File: r.path}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(15000)", "foreign_keys(1)", "synchronous(FULL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	if r.opts.ReadOnly {
		q.Set("mode", "ro")
	}
	if r.immutable {
		q.Set("immutable", "1")
	}
	if r.opts.MaxPages > 0 {
		q.Add("_pragma", fmt.Sprintf("max_page_count(%d)", r.opts.MaxPages))
	}
	db, err := sql.Open("sqlite", fileURI(r.path, q.Encode()))
	if err != nil {
		return classify(err, where)
	}
	// One connection: the app is one writer, and a single connection keeps
	// pragmas and the batch marker on the connection that writes.
	db.SetMaxOpenConns(1)
	r.db = db
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		return classify(err, where)
	}
	var appID, version int
	if err := db.QueryRow(`PRAGMA application_id`).Scan(&appID); err != nil {
		return classify(err, where)
	}
	// SQLite has the file open now (it has read its header).
	if r.opened, err = os.Stat(r.path); err != nil {
		return classify(err, where)
	}
	os.SameFile(r.opened, r.opened) // on Windows this reads the file's identity now, not at the first check
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return classify(err, where)
	}
	var tables int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&tables); err != nil {
		return classify(err, where)
	}
	switch {
	case appID == 0 && tables == 0 && !exists:
		// A file we just created: make it a register.
	case appID == 0 && tables == 0:
		// An existing empty file: SQLite treats a zero-length file as an empty
		// database. Only adopt it if it really is zero bytes.
		if fi, err := os.Stat(r.path); err != nil || fi.Size() > 0 {
			return ErrNotRegisterAt(r.path)
		}
	case appID != applicationID:
		return ErrNotRegisterAt(r.path)
	}
	if !r.opts.ReadOnly {
		// Only now, knowing the file is ours: switching to WAL writes to it.
		if _, err := db.Exec(`PRAGMA journal_mode = WAL`); err != nil {
			return classify(err, where)
		}
	}
	if version > SchemaVersion {
		return msg.Errorf(where, msgNewerSchema, version, SchemaVersion)
	}
	if appID == applicationID {
		if err := r.integrityCheck(ctx); err != nil {
			return err
		}
	}
	if version < SchemaVersion {
		if r.opts.ReadOnly {
			return r.readOlderFormat(ctx)
		}
		if version > 0 {
			// Pruned only once the migration has worked; if it fails, this
			// backup is the register as it was and stays.
			if _, err := r.writeBackup(ctx, "migrate"); err != nil {
				return err
			}
		}
		if err := r.migrate(ctx, version); err != nil {
			return err
		}
		if version > 0 {
			r.pruneBackups()
		}
	}
	return nil
}

// checkSameFile returns ErrFileGone when the register's path no longer names
// the file that was opened: it was deleted, or moved away and another file
// put in its place. SQLite goes on writing into the file it has open, so a
// change would be lost with that file while it looked saved.
func (r *Register) checkSameFile() error {
	if r.opened == nil {
		return nil
	}
	now, err := os.Stat(r.path)
	if err == nil && os.SameFile(r.opened, now) {
		return nil
	}
	return msg.Wrap(err, msg.Where{File: r.path}, msgFileGone)
}

// readOnlyError refuses a change to a register opened read-only; it is
// ErrReadOnly, and on a medium nobody can write to it says so.
func (r *Register) readOnlyError() error {
	where := msg.Where{File: r.path}
	if r.immutable {
		return msg.Wrap(ErrReadOnly, where, msgFolderReadOnly, filepath.Dir(r.path))
	}
	return msg.Wrap(ErrReadOnly, where, msgOpenedReadOnly)
}

// readOlderFormat serves a register of an older format opened read-only
// (a preview, a listing, a report): it is read into memory and brought up
// to the current format there; the file itself is not touched.
func (r *Register) readOlderFormat(ctx context.Context) error {
	snap, err := r.Snapshot(ctx) // which brings it up to date
	if err != nil {
		return err
	}
	r.db.Close()
	r.db = snap.db
	return nil
}

// ErrNotRegisterAt is ErrNotRegister naming the file.
func ErrNotRegisterAt(path string) error {
	return msg.Errorf(msg.Where{File: path}, msgNotRegister)
}

func (r *Register) integrityCheck(ctx context.Context) error {
	rows, err := r.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return classify(err, msg.Where{File: r.path})
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return classify(err, msg.Where{File: r.path})
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return classify(err, msg.Where{File: r.path})
	}
	if len(problems) > 0 {
		return msg.Errorf(msg.Where{File: r.path}, msgDamaged, strings.Join(problems[:min(3, len(problems))], "; "))
	}
	return nil
}

// Check runs SQLite's full integrity check and the register's own
// consistency rules; it returns nil when all is well.
func (r *Register) Check(ctx context.Context) error {
	if err := r.integrityCheck(ctx); err != nil {
		return err
	}
	var fk int
	if err := r.db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil {
		return classify(err, msg.Where{File: r.path})
	}
	if fk > 0 {
		return msg.Errorf(msg.Where{File: r.path}, msgDamaged, fmt.Sprintf("%d foreign key violations", fk))
	}
	return nil
}

// migrate brings the register from version from to SchemaVersion in one
// transaction: never half-migrated, and a new register's log holds each
// page once (one transaction per version wrote the schema pages again for
// each, and on a nearly full disk the log could not then be checkpointed).
func (r *Register) migrate(ctx context.Context, from int) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(err, msg.Where{File: r.path})
	}
	fail := func(err error) error {
		tx.Rollback()
		return classify(err, msg.Where{File: r.path})
	}
	if from == 0 {
		if _, err := tx.Exec(fmt.Sprintf(`PRAGMA application_id = %d`, applicationID)); err != nil {
			return fail(err)
		}
	}
	for v := from; v < SchemaVersion; v++ {
		if err := migrations[v](tx); err != nil {
			return fail(err)
		}
		if _, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, v+1)); err != nil {
			return fail(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return classify(err, msg.Where{File: r.path})
	}
	return nil
}

// Close checkpoints the write-ahead log into the file and releases the lock.
func (r *Register) Close() error {
	var err error
	if r.db != nil {
		if !r.opts.ReadOnly {
			// Checkpoint only if no other connection is writing: with the
			// busy timeout, TRUNCATE would wait up to 15 s for another
			// program's transaction (a closing window would hang).
			_, _ = r.db.Exec(`PRAGMA busy_timeout = 0`)
			_, _ = r.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		}
		err = r.db.Close()
		r.db = nil
	}
	if r.lock != nil {
		r.lock.release()
		r.lock = nil
	}
	return err
}

// classify turns SQLite's errors into messages an official can act on.
func classify(err error, where msg.Where) error {
	if err == nil {
		return nil
	}
	var me *msg.Error
	if errors.As(err, &me) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return msg.Wrap(err, where, msgBusy)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
			return msg.Wrap(err, where, msgReadOnly, se.Error())
		case sqlite3.SQLITE_FULL:
			return msg.Wrap(err, where, msgDiskFull)
		case sqlite3.SQLITE_NOTADB:
			return msg.Wrap(err, where, msgNotRegister)
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_IOERR:
			return msg.Wrap(err, where, msgDamaged, se.Error())
		}
	}
	return err
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }
