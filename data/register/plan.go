package register

import (
	"context"
	"database/sql"
	"strings"

	"github.com/haeoreum/register/data/msg"
)

// Plan is one year's 시행계획 as the council adopted it: how many projects
// it holds (continuing and new), and its fields in order with the
// working-level council (work group) each belongs to. Later plans are new
// rows, entered by a person; nothing about them is code.
type Plan struct {
	Year       int
	Projects   int
	Continuing int
	New        int
	Fields     []string
	Groups     map[string]string // field → work group
}

// KindPlan is the batch kind of entering or changing a plan year.
const KindPlan = "plan"

// Plan returns the newest plan year (zero Year when none is entered).
func (r *Register) Plan(ctx context.Context) (Plan, error) {
	var p Plan
	err := r.db.QueryRowContext(ctx, `SELECT plan_year, projects, continuing, new FROM plan_years
		ORDER BY plan_year DESC LIMIT 1`).Scan(&p.Year, &p.Projects, &p.Continuing, &p.New)
	if err == sql.ErrNoRows {
		return p, nil
	}
	if err != nil {
		return p, classify(err, msg.Where{File: r.path})
	}
	s, err := r.Scheme(ctx)
	if err != nil {
		return p, classify(err, msg.Where{File: r.path})
	}
	if s.PlanYear == p.Year {
		p.Fields, p.Groups = s.Fields, s.Groups
	}
	return p, nil
}

var (
	msgPlanYear = msg.Define("register.plan_year",
		"시행계획 연도 %d는 2000년부터 2100년 사이여야 합니다.",
		"the plan year %d must be between 2000 and 2100.")
	msgPlanCounts = msg.Define("register.plan_counts",
		"시행계획 사업 수가 맞지 않습니다: %d건 ≠ 계속 %d + 신규 %d.",
		"the plan's counts do not add up: %d ≠ %d continuing + %d new.")
	msgPlanFields = msg.Define("register.plan_fields",
		"시행계획에 분야가 없거나 같은 분야가 두 번 있습니다.",
		"the plan needs its fields, each once.")
)

// SetPlan enters (or corrects) a plan year with its fields and work groups,
// as one audited, undoable batch.
func (r *Register) SetPlan(ctx context.Context, p Plan) (int64, error) {
	where := msg.Where{File: r.path}
	switch {
	case p.Year < 2000 || p.Year > 2100:
		return 0, msg.Errorf(where, msgPlanYear, p.Year)
	case p.Projects < 0 || p.Continuing < 0 || p.New < 0 || p.Continuing+p.New != p.Projects:
		return 0, msg.Errorf(where, msgPlanCounts, p.Projects, p.Continuing, p.New)
	case !distinctFields(p.Fields):
		return 0, msg.Errorf(where, msgPlanFields)
	}
	return r.Write(ctx, Batch{Kind: KindPlan}, func(tx *Tx) error {
		if err := tx.exec(`INSERT INTO plan_years(plan_year, projects, continuing, new) VALUES (?,?,?,?)
			ON CONFLICT(plan_year) DO UPDATE SET projects = excluded.projects, continuing = excluded.continuing, new = excluded.new`,
			p.Year, p.Projects, p.Continuing, p.New); err != nil {
			return err
		}
		if err := tx.exec(`DELETE FROM field_schemes WHERE plan_year = ?`, p.Year); err != nil {
			return err
		}
		for i, f := range p.Fields {
			if err := tx.exec(`INSERT INTO field_schemes(plan_year, position, field, work_group) VALUES (?,?,?,?)`,
				p.Year, i+1, f, p.Groups[f]); err != nil {
				return err
			}
		}
		return nil
	})
}

func distinctFields(fields []string) bool {
	seen := map[string]bool{}
	for _, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" || seen[f] {
			return false
		}
		seen[f] = true
	}
	return len(fields) > 0
}
