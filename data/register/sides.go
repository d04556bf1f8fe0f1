package register

import (
	"context"
	"database/sql"
	"errors"

	"github.com/haeoreum/register/data/msg"
)

// ConflictSides returns the conflict's values with each one credited to the
// city that reported it. The lead city's side is stored with the register
// value's own source, which is the secretariat's sheet when the lead city's
// newest sheet said the same (the value did not change, so its provenance
// stayed): a person reading the conflict must see the lead city's own file,
// cell and as-of date instead. A lead side whose value the lead city did not
// report as such (an official's edit, a value within the precision of its
// sheet) keeps the source it has.
func (r *Register) ConflictSides(ctx context.Context, c *Conflict) ([]ConflictValue, error) {
	out := append([]ConflictValue(nil), c.Values...)
	for i, v := range out {
		if !v.Lead && v.City != c.LeadCity {
			continue
		}
		var o ConflictValue
		err := r.db.QueryRowContext(ctx, `SELECT value, raw, file, sheet, cell, as_of FROM observations
			WHERE project_id = ? AND city = ? AND field = ?`, c.ProjectID, string(v.City), string(c.Field)).
			Scan(&o.Value, &o.Raw, &o.File, &o.Sheet, &o.Cell, &o.AsOf)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, classify(err, msg.Where{File: r.path})
		}
		if o.Value != v.Value {
			continue
		}
		o.City, o.Lead = v.City, v.Lead
		out[i] = o
	}
	return out, nil
}
