package register

import (
	"context"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// LastUndoable returns the newest batch an undo can take back (not an undo
// itself, not undone yet), of the given kind ("" for any kind), or nil.
func (r *Register) LastUndoable(ctx context.Context, kind string) (*Batch, error) {
	q := `undone_by IS NULL AND kind != 'undo' AND (? = '' OR kind = ?) ORDER BY id DESC LIMIT 1`
	bs, err := r.batchesWhere(ctx, q, kind, kind)
	if err != nil || len(bs) == 0 {
		return nil, err
	}
	return &bs[0], nil
}

// UndoPlan says what undoing batch id takes back, in the order it is done:
// every later batch that is not undone yet, newest first (a later change
// may touch the same values, so it must go first), then id itself.
func (r *Register) UndoPlan(ctx context.Context, id int64) ([]Batch, error) {
	plan, err := r.batchesWhere(ctx, `id >= ? AND undone_by IS NULL AND kind != 'undo' ORDER BY id DESC`, id)
	if err != nil {
		return nil, err
	}
	if len(plan) == 0 || plan[len(plan)-1].ID != id {
		return nil, msg.Errorf(msg.Where{File: r.path}, msgNothingToUndo)
	}
	return plan, nil
}

// UndoThrough undoes batch id and every later batch with it, newest first,
// as UndoPlan lists them; each is its own undo batch. It stops at the first
// that cannot be undone and returns the ones undone so far.
func (r *Register) UndoThrough(ctx context.Context, id int64) ([]Batch, error) {
	plan, err := r.UndoPlan(ctx, id)
	if err != nil {
		return nil, err
	}
	var done []Batch
	for _, b := range plan {
		if _, err := r.Undo(ctx, b.ID); err != nil {
			return done, err
		}
		done = append(done, b)
	}
	return done, nil
}

func (r *Register) batchesWhere(ctx context.Context, where string, args ...any) ([]Batch, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, kind, file, sha256, sheet, city, as_of, summary, user, host, at,
		coalesce(undoes,0), coalesce(undone_by,0) FROM batches WHERE `+where, args...)
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	defer rows.Close()
	var out []Batch
	for rows.Next() {
		var b Batch
		var city string
		if err := rows.Scan(&b.ID, &b.Kind, &b.File, &b.SHA256, &b.Sheet, &city, &b.AsOf, &b.Summary,
			&b.User, &b.Host, &b.At, &b.Undoes, &b.Undone); err != nil {
			return nil, err
		}
		b.City = model.City(city)
		out = append(out, b)
	}
	return out, rows.Err()
}
