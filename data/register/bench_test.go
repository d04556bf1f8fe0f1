package register

// Benchmarks of the register's everyday operations, and the baseline they
// are compared to in BENCHMARKS.md: a plain INSERT committed in a transaction
// on a bare modernc SQLite file with the register's pragmas.
//
//	go test ./data/register -run='^$' -bench=. -benchtime=20x -count=3

import (
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/haeoreum/register/data/model"
)

// benchRegister returns the path of a closed register holding n projects.
func benchRegister(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "register.db")
	r, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	for start := 0; start < n; start += 1000 {
		var ps []*model.Project
		for i := start; i < min(n, start+1000); i++ {
			ps = append(ps, sample(fmt.Sprintf("HA-%05d", i)))
		}
		insert(b, r, ps...)
	}
	if err := r.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpen opens a register of 1,000 projects (schema check and full
// integrity_check included) and closes it (with its checkpoint).
func BenchmarkOpen(b *testing.B) {
	path := benchRegister(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		r, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEdit is one person's edit: read the project, then one committed
// batch with the field, its provenance, history and undo_log rows.
func BenchmarkEdit(b *testing.B) {
	path := benchRegister(b, 1000)
	r, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if _, err := editOne(r, "HA-00500", 0, model.FProgress, strconv.Itoa(i%100)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkList10k lists 10,000 projects with aliases, contacts and open
// conflict counts, as the main window's table does.
func BenchmarkList10k(b *testing.B) {
	path := benchRegister(b, 10_000)
	r, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	b.ReportAllocs()
	for b.Loop() {
		ps, err := r.List(ctx, ListOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(ps) != 10_000 {
			b.Fatalf("%d projects", len(ps))
		}
	}
}

// BenchmarkBaselineSQLiteInsert is the floor: one INSERT in one committed
// IMMEDIATE transaction on a bare file with the register's pragmas (WAL,
// synchronous=FULL, busy_timeout, foreign_keys), no triggers or audit rows.
func BenchmarkBaselineSQLiteInsert(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bare.db")
	q := url.Values{}
	for _, p := range []string{"busy_timeout(15000)", "foreign_keys(1)", "synchronous(FULL)", "journal_mode(WAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", fileURI(path, q.Encode()))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE projects (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
		total INTEGER NOT NULL DEFAULT 0, progress REAL)`); err != nil {
		b.Fatal(err)
	}
	var mode string
	if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		b.Fatalf("journal_mode %q %v", mode, err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO projects(code, name, total, progress) VALUES (?, ?, ?, ?)`,
			fmt.Sprintf("HA-%07d", i), "사업", 100_000_000, 45.5); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
