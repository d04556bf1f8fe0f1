package register

import (
	"context"
	"database/sql"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// Batch describes one audited change: an import, an edit, a decision on a
// conflict, an undo. Everything a batch writes commits together or not at
// all, and can be undone together.
type Batch struct {
	ID      int64
	Kind    string // import, edit, resolve, create, delete, restore, undo
	File    string
	SHA256  string
	Sheet   string
	City    model.City
	AsOf    string
	Summary string // counts, as JSON
	User    string
	Host    string
	At      string
	Undoes  int64
	Undone  int64 // the batch that undid this one, 0 if none
}

// Batch kinds.
const (
	KindImport  = "import"
	KindEdit    = "edit"
	KindResolve = "resolve"
	KindCreate  = "create"
	KindDelete  = "delete"
	KindUndo    = "undo"
)

// Tx is an open write transaction inside one batch.
type Tx struct {
	tx    *sql.Tx
	ctx   context.Context
	batch int64
	reg   *Register
	stmts map[string]*sql.Stmt // prepared once per transaction: parsing SQL dominated large imports
}

// BatchID returns the batch this transaction writes.
func (t *Tx) BatchID() int64 { return t.batch }

// Write runs fn in one immediate transaction as batch b. If fn or the commit
// fails, nothing of it stays: the register is exactly as before.
func (r *Register) Write(ctx context.Context, b Batch, fn func(*Tx) error) (int64, error) {
	if r.opts.ReadOnly {
		return 0, r.readOnlyError()
	}
	where := msg.Where{File: r.path}
	sqlTx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, classify(err, where)
	}
	t := &Tx{tx: sqlTx, ctx: ctx, reg: r, stmts: map[string]*sql.Stmt{}}
	defer t.closeStmts()
	fail := func(err error) (int64, error) {
		_ = sqlTx.Rollback()
		return 0, classify(err, where)
	}
	res, err := sqlTx.ExecContext(ctx, `INSERT INTO batches(kind, file, sha256, sheet, city, as_of, summary, user, host, at, undoes)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		b.Kind, b.File, b.SHA256, b.Sheet, string(b.City), b.AsOf, b.Summary, r.who.User, r.who.Host, now(), nullID(b.Undoes))
	if err != nil {
		return fail(err)
	}
	if t.batch, err = res.LastInsertId(); err != nil {
		return fail(err)
	}
	if _, err := sqlTx.ExecContext(ctx, `UPDATE current_batch SET id = ?`, t.batch); err != nil {
		return fail(err)
	}
	if err := fn(t); err != nil {
		return fail(err)
	}
	if _, err := sqlTx.ExecContext(ctx, `UPDATE current_batch SET id = NULL`); err != nil {
		return fail(err)
	}
	// Before the commit (nothing is lost yet) and after it (the file may
	// have gone in between): a batch written into a file the path no
	// longer names must never be reported as saved.
	if err := r.checkSameFile(); err != nil {
		return fail(err)
	}
	if err := sqlTx.Commit(); err != nil {
		return fail(err)
	}
	if err := r.checkSameFile(); err != nil {
		return 0, err
	}
	return t.batch, nil
}

// SetSummary replaces the batch's summary (counts known only at the end).
func (t *Tx) SetSummary(summary string) error {
	_, err := t.tx.ExecContext(t.ctx, `UPDATE batches SET summary = ? WHERE id = ?`, summary, t.batch)
	return err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Batches lists batches, newest first.
func (r *Register) Batches(ctx context.Context, limit int) ([]Batch, error) {
	return r.batchesWhere(ctx, `1 ORDER BY id DESC LIMIT ?`, limit)
}

// exec runs a statement, prepared once per transaction.
func (t *Tx) exec(query string, args ...any) error {
	_, err := t.execResult(query, args...)
	return err
}

func (t *Tx) execResult(query string, args ...any) (sql.Result, error) {
	st, err := t.prepared(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.ctx, args...)
}

// QueryContext runs a query with its statement prepared once per
// transaction: an import asks the same few questions for every row.
func (t *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.prepared(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (t *Tx) prepared(query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(t.ctx, query)
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

func (t *Tx) closeStmts() {
	for _, st := range t.stmts {
		st.Close()
	}
}
