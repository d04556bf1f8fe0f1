package register

import (
	"context"
	"database/sql"

	"github.com/haeoreum/register/data/msg"
)

// Snapshot is a private, in-memory copy of the register as it is now, for a
// preview: an import runs on it exactly as it would on the register, and
// nothing it does reaches the file. Taking it only reads the file (SQLite's
// online backup API), so it works on a register opened read-only, on a
// write-protected medium, and while another program holds a write
// transaction. Close it when done.
func (r *Register) Snapshot(ctx context.Context) (*Register, error) {
	where := msg.Where{File: r.path}
	db, err := sql.Open("sqlite", "file::memory:?_pragma=foreign_keys(1)")
	if err != nil {
		return nil, classify(err, where)
	}
	// one connection: an in-memory database lives as long as its connection
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, classify(err, where)
	}
	err = conn.Raw(func(dc any) error { return restoreInto(dc, r.path, r.immutable) })
	conn.Close()
	if err != nil {
		db.Close()
		return nil, classify(err, where)
	}
	snap := &Register{path: r.path, db: db, opts: Options{KeepBackups: r.opts.KeepBackups}, who: r.who}
	// a file of an older format opened read-only is read in the current
	// one (readOlderFormat): so is its snapshot, which runs the current code
	var version int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		db.Close()
		return nil, classify(err, where)
	}
	if version < SchemaVersion {
		if err := snap.migrate(ctx, version); err != nil {
			db.Close()
			return nil, err
		}
	}
	return snap, nil
}
