package register

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/haeoreum/register/data/msg"
)

// applicationID marks a file as a Haeoreum register ("HAER"). Any SQLite file
// with another id is refused and never written to.
const applicationID = 0x48414552

// projectColumns are the projects table's value columns, in the order the
// audit triggers and the row scanner use. Their names are the SQL side of
// model.FieldKey (see columnOf).
var projectColumns = []string{
	"code", "name", "field", "kind", "lead_city", "cities", "start", "end_month", "period_raw",
	"total", "national", "regional", "local", "private", "other",
	"progress", "stage", "overview", "activities", "problems", "next_steps", "notes",
	"as_of", "deleted",
}

// migrations move a register from user_version i to i+1. Each runs in the
// same transaction as its version bump, so a register is never half-migrated.
var migrations = []func(tx *sql.Tx) error{
	migrateV1,
	migrateV2,
	migrateV3, // sheet profiles (profiles.go)
	migrateV4, // a profile's header row (profiles.go)
}

// SchemaVersion is the user_version of a register this code writes.
var SchemaVersion = len(migrations)

func migrateV1(tx *sql.Tx) error {
	stmts := []string{
		`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
		`CREATE TABLE batches (
			id INTEGER PRIMARY KEY,
			kind TEXT NOT NULL,               -- import, edit, resolve, undo, create, restore
			file TEXT NOT NULL DEFAULT '',
			sha256 TEXT NOT NULL DEFAULT '',
			sheet TEXT NOT NULL DEFAULT '',
			city TEXT NOT NULL DEFAULT '',
			as_of TEXT NOT NULL DEFAULT '',
			summary TEXT NOT NULL DEFAULT '', -- counts, as JSON
			user TEXT NOT NULL,
			host TEXT NOT NULL,
			at TEXT NOT NULL,
			undoes INTEGER REFERENCES batches(id),
			undone_by INTEGER REFERENCES batches(id)
		)`,
		// current_batch holds the batch every audited write belongs to; the
		// triggers read it. One row, set by Tx.begin, cleared at commit.
		`CREATE TABLE current_batch (id INTEGER)`,
		`INSERT INTO current_batch VALUES (NULL)`,
		`CREATE TABLE projects (
			id INTEGER PRIMARY KEY,
			code TEXT NOT NULL UNIQUE,
			name TEXT NOT NULL,
			field TEXT NOT NULL DEFAULT '',
			kind TEXT NOT NULL DEFAULT '',
			lead_city TEXT NOT NULL DEFAULT '',
			cities TEXT NOT NULL DEFAULT '',
			start TEXT NOT NULL DEFAULT '',
			end_month TEXT NOT NULL DEFAULT '',
			period_raw TEXT NOT NULL DEFAULT '',
			total INTEGER NOT NULL DEFAULT 0,
			national INTEGER NOT NULL DEFAULT 0,
			regional INTEGER NOT NULL DEFAULT 0,
			local INTEGER NOT NULL DEFAULT 0,
			private INTEGER NOT NULL DEFAULT 0,
			other INTEGER NOT NULL DEFAULT 0,
			progress REAL,
			stage TEXT NOT NULL DEFAULT '',
			overview TEXT NOT NULL DEFAULT '',
			activities TEXT NOT NULL DEFAULT '',
			problems TEXT NOT NULL DEFAULT '',
			next_steps TEXT NOT NULL DEFAULT '',
			notes TEXT NOT NULL DEFAULT '',
			as_of TEXT NOT NULL DEFAULT '',
			deleted INTEGER NOT NULL DEFAULT 0,
			version INTEGER NOT NULL DEFAULT 1,
			updated_at TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE aliases (
			project_id INTEGER NOT NULL REFERENCES projects(id),
			alias TEXT NOT NULL,
			norm TEXT NOT NULL,
			city TEXT NOT NULL DEFAULT '',
			PRIMARY KEY (project_id, alias)
		)`,
		`CREATE INDEX aliases_norm ON aliases(norm)`,
		`CREATE TABLE contacts (
			project_id INTEGER NOT NULL REFERENCES projects(id),
			city TEXT NOT NULL,
			department TEXT NOT NULL DEFAULT '',
			officer TEXT NOT NULL DEFAULT '',
			phone TEXT NOT NULL DEFAULT '',
			PRIMARY KEY (project_id, city)
		)`,
		// provenance: where the register's current value of each field came from.
		`CREATE TABLE provenance (
			project_id INTEGER NOT NULL REFERENCES projects(id),
			field TEXT NOT NULL,
			batch_id INTEGER NOT NULL REFERENCES batches(id),
			file TEXT NOT NULL DEFAULT '',
			sheet TEXT NOT NULL DEFAULT '',
			cell TEXT NOT NULL DEFAULT '',
			city TEXT NOT NULL DEFAULT '',
			as_of TEXT NOT NULL DEFAULT '',
			raw TEXT NOT NULL DEFAULT '',
			PRIMARY KEY (project_id, field)
		)`,
		// observations: the newest value each city reported for each field,
		// whether or not it became the register's value. Conflicts are
		// disagreements between these.
		`CREATE TABLE observations (
			project_id INTEGER NOT NULL REFERENCES projects(id),
			city TEXT NOT NULL,
			field TEXT NOT NULL,
			value TEXT NOT NULL,
			precision INTEGER NOT NULL DEFAULT 0,
			raw TEXT NOT NULL DEFAULT '',
			file TEXT NOT NULL DEFAULT '',
			sheet TEXT NOT NULL DEFAULT '',
			cell TEXT NOT NULL DEFAULT '',
			as_of TEXT NOT NULL DEFAULT '',
			batch_id INTEGER NOT NULL REFERENCES batches(id),
			PRIMARY KEY (project_id, city, field)
		)`,
		`CREATE TABLE conflicts (
			id INTEGER PRIMARY KEY,
			project_id INTEGER NOT NULL REFERENCES projects(id),
			field TEXT NOT NULL,
			status TEXT NOT NULL,              -- open, resolved, superseded
			lead_city TEXT NOT NULL DEFAULT '',
			values_json TEXT NOT NULL,         -- every city's value with file and cell
			decision TEXT NOT NULL DEFAULT '', -- keep, take:CITY, typed
			decided_value TEXT NOT NULL DEFAULT '',
			decided_by TEXT NOT NULL DEFAULT '',
			decided_at TEXT NOT NULL DEFAULT '',
			batch_id INTEGER NOT NULL REFERENCES batches(id)
		)`,
		`CREATE INDEX conflicts_open ON conflicts(project_id, field, status)`,
		`CREATE TABLE field_schemes (
			plan_year INTEGER NOT NULL,
			position INTEGER NOT NULL,
			field TEXT NOT NULL,
			work_group TEXT NOT NULL DEFAULT '',
			PRIMARY KEY (plan_year, field)
		)`,
		`CREATE TABLE plan_years (
			plan_year INTEGER PRIMARY KEY,
			projects INTEGER NOT NULL DEFAULT 0,
			continuing INTEGER NOT NULL DEFAULT 0,
			new INTEGER NOT NULL DEFAULT 0
		)`,
		// undo_log: for each audited write, the SQL that reverses it. Written
		// by triggers, so no code path can forget it.
		`CREATE TABLE undo_log (
			seq INTEGER PRIMARY KEY,
			batch_id INTEGER NOT NULL,
			stmt TEXT NOT NULL
		)`,
		`CREATE INDEX undo_log_batch ON undo_log(batch_id)`,
		// history: one readable row per changed project field, also by trigger.
		`CREATE TABLE history (
			id INTEGER PRIMARY KEY,
			batch_id INTEGER NOT NULL,
			project_id INTEGER NOT NULL,
			field TEXT NOT NULL,
			old TEXT,
			new TEXT
		)`,
		`CREATE INDEX history_project ON history(project_id)`,
		`CREATE INDEX history_batch ON history(batch_id)`,
	}
	// Defaults go in before the audit triggers exist: they are the schema's
	// starting state, not an audited change.
	stmts = append(stmts, defaultSchemeInserts()...)
	stmts = append(stmts, auditTriggers(1)...)
	return execAll(tx, 1, stmts)
}

// upgradeRestored brings a register just restored from a backup of an
// older schema up to this one, as opening it would: this process goes on
// writing the current schema, and read-only opens refuse an old one.
func (r *Register) upgradeRestored(ctx context.Context) error {
	var version int
	if err := r.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return classify(err, msg.Where{File: r.path})
	}
	if version >= SchemaVersion {
		return nil
	}
	return r.migrate(ctx, version)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i > 0 {
		return s[:i]
	}
	return s
}

// execAll runs a migration's statements, saying which failed.
func execAll(tx *sql.Tx, version int, stmts []string) error {
	for _, s := range stmts {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("schema v%d: %w\n%s", version, err, firstLine(s))
		}
	}
	return nil
}
