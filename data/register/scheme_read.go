package register

import (
	"context"
	"database/sql"
)

// FieldScheme is a plan year's fields in order, with the working-level
// council (work group) each belongs to.
type FieldScheme struct {
	PlanYear int
	Fields   []string
	Groups   map[string]string // field → work group
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// Scheme returns the newest plan year's field scheme.
func (r *Register) Scheme(ctx context.Context) (FieldScheme, error) { return scheme(ctx, r.db) }

// Scheme returns the newest plan year's field scheme, as the transaction sees it.
func (t *Tx) Scheme() (FieldScheme, error) { return scheme(t.ctx, t.tx) }

func scheme(ctx context.Context, q querier) (FieldScheme, error) {
	s := FieldScheme{Groups: map[string]string{}}
	rows, err := q.QueryContext(ctx, `SELECT plan_year, field, work_group FROM field_schemes
		WHERE plan_year = (SELECT max(plan_year) FROM field_schemes) ORDER BY position`)
	if err != nil {
		return s, err
	}
	defer rows.Close()
	for rows.Next() {
		var f, g string
		if err := rows.Scan(&s.PlanYear, &f, &g); err != nil {
			return s, err
		}
		s.Fields = append(s.Fields, f)
		s.Groups[f] = g
	}
	return s, rows.Err()
}
