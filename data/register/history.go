package register

import (
	"context"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// Change is one field of one project changed by one batch.
type Change struct {
	Batch  int64          `json:"batch"`
	Kind   string         `json:"kind"`
	Code   string         `json:"code"`
	Name   string         `json:"name"`
	Field  model.FieldKey `json:"field"`
	Old    string         `json:"old"`
	New    string         `json:"new"`
	File   string         `json:"file,omitempty"`
	City   model.City     `json:"city,omitempty"`
	User   string         `json:"user"`
	At     string         `json:"at"`
	Undone bool           `json:"undone,omitempty"`
}

// History returns a project's changes, newest first.
func (r *Register) History(ctx context.Context, code string) ([]Change, error) {
	return r.changes(ctx, `WHERE p.code = ?`, code)
}

// ChangesSince returns every change made on or after a date (YYYY-MM-DD),
// newest first, for the report's 변경사항 sheet.
func (r *Register) ChangesSince(ctx context.Context, date string) ([]Change, error) {
	return r.changes(ctx, `WHERE b.at >= ?`, date)
}

func (r *Register) changes(ctx context.Context, where string, arg any) ([]Change, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT h.batch_id, b.kind, p.code, p.name, h.field,
		coalesce(h.old, ''), coalesce(h.new, ''), b.file, b.city, b.user, b.at, b.undone_by IS NOT NULL
		FROM history h JOIN batches b ON b.id = h.batch_id JOIN projects p ON p.id = h.project_id `+where+`
		ORDER BY h.id DESC`, arg)
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var field, city string
		if err := rows.Scan(&c.Batch, &c.Kind, &c.Code, &c.Name, &field, &c.Old, &c.New, &c.File, &city,
			&c.User, &c.At, &c.Undone); err != nil {
			return nil, err
		}
		c.Field, c.City = fieldOfColumn(field), model.City(city)
		out = append(out, c)
	}
	return out, rows.Err()
}
