package register

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/value"
)

// columnOf maps a field key to its projects column.
func columnOf(k model.FieldKey) (string, bool) {
	if t, ok := model.TierOf(k); ok {
		return string(t), true
	}
	switch k {
	case model.FEnd:
		return "end_month", true
	case model.FProgress:
		return "progress", true
	case model.FName, model.FField, model.FKind, model.FLead, model.FCities, model.FStart,
		model.FStage, model.FOverview, model.FActivities, model.FProblems, model.FNextSteps, model.FNotes:
		return string(k), true
	}
	return "", false
}

// fieldOfColumn is columnOf backwards, for history rows.
func fieldOfColumn(col string) model.FieldKey {
	for _, k := range model.Fields {
		if c, _ := columnOf(k); c == col {
			return k
		}
	}
	return model.FieldKey(col)
}

const selectProject = `SELECT id, code, name, field, kind, lead_city, cities, start, end_month, period_raw,
	total, national, regional, local, private, other, progress, stage, overview, activities, problems,
	next_steps, notes, as_of, deleted, version, updated_at FROM projects`

type scanner interface{ Scan(...any) error }

func scanProject(s scanner) (*model.Project, error) {
	var p model.Project
	var kind, lead, cities, end, updated string
	var progress sql.NullFloat64
	var deleted int
	b := &p.Budget
	if err := s.Scan(&p.ID, &p.Code, &p.Name, &p.Field, &kind, &lead, &cities, &p.Start, &end, &p.PeriodRaw,
		&b.Total, &b.National, &b.Regional, &b.Local, &b.Private, &b.Other, &progress, &p.Stage,
		&p.Overview, &p.Activities, &p.Problems, &p.NextSteps, &p.Notes, &p.AsOf, &deleted, &p.Version, &updated); err != nil {
		return nil, err
	}
	p.Kind, p.LeadCity, p.Deleted = model.Kind(kind), model.City(lead), deleted != 0
	_ = p.Set(model.FCities, cities)
	if end != "" {
		p.End = &end
	}
	if progress.Valid {
		v := progress.Float64
		p.Progress = &v
	}
	return &p, nil
}

// ListOptions narrow List.
type ListOptions struct {
	IncludeDeleted bool
}

// List returns every project ordered by code, with aliases, contacts and
// the count of open conflicts.
func (r *Register) List(ctx context.Context, o ListOptions) ([]*model.Project, error) {
	q := selectProject
	if !o.IncludeDeleted {
		q += ` WHERE deleted = 0`
	}
	q += ` ORDER BY code`
	rows, err := r.db.QueryContext(ctx, q)
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	var out []*model.Project
	byID := map[int64]*model.Project{}
	for rows.Next() {
		p, err := scanProject(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		p.Aliases = []string{}
		out = append(out, p)
		byID[p.ID] = p
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := r.attachDetails(ctx, byID); err != nil {
		return nil, err
	}
	return out, nil
}

// attachDetails fills aliases, contacts and open-conflict counts in three
// queries rather than three per project.
func (r *Register) attachDetails(ctx context.Context, byID map[int64]*model.Project) error {
	rows, err := r.db.QueryContext(ctx, `SELECT project_id, alias FROM aliases ORDER BY project_id, rowid`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var a string
		if err := rows.Scan(&id, &a); err != nil {
			rows.Close()
			return err
		}
		if p := byID[id]; p != nil {
			p.Aliases = append(p.Aliases, a)
		}
	}
	rows.Close()
	rows, err = r.db.QueryContext(ctx, `SELECT project_id, city, department, officer, phone FROM contacts`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var city string
		var c model.Contact
		if err := rows.Scan(&id, &city, &c.Department, &c.Officer, &c.Phone); err != nil {
			rows.Close()
			return err
		}
		if p := byID[id]; p != nil {
			if p.Contacts == nil {
				p.Contacts = map[model.City]model.Contact{}
			}
			p.Contacts[model.City(city)] = c
		}
	}
	rows.Close()
	rows, err = r.db.QueryContext(ctx, `SELECT project_id, count(*) FROM conflicts WHERE status = 'open' GROUP BY project_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		if p := byID[id]; p != nil {
			p.OpenIssues = n
		}
	}
	return rows.Err()
}

// Project returns the project with the given code (deleted ones too).
func (r *Register) Project(ctx context.Context, code string) (*model.Project, error) {
	p, err := scanProject(r.db.QueryRowContext(ctx, selectProject+` WHERE code = ?`, code))
	if err == sql.ErrNoRows {
		return nil, msg.Errorf(msg.Where{File: r.path}, msgNotFound, code)
	}
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	p.Aliases = []string{}
	return p, r.attachDetails(ctx, map[int64]*model.Project{p.ID: p})
}

// project reads one project as the transaction sees it.
func (t *Tx) project(id int64) (*model.Project, error) {
	return scanProject(t.tx.QueryRowContext(t.ctx, selectProject+` WHERE id = ?`, id))
}

// checkProject refuses a change that leaves a project breaking one of its
// invariants (see field.Validate), naming the project.
func (t *Tx) checkProject(id int64) error {
	p, err := t.project(id)
	if err != nil {
		return err
	}
	errs, _ := field.Validate(p, value.Won)
	if len(errs) > 0 {
		return msg.Wrap(errs[0], msg.Where{File: t.reg.path}, msgInvalid, p.Code, errs[0].Error())
	}
	return nil
}

var msgInvalid = msg.Define("register.invalid_project",
	"사업 %s: %s 저장하지 않았습니다.",
	"project %s: %s Nothing was saved.")

// Projects returns every project (deleted ones too) keyed by id, as the
// transaction sees them.
func (t *Tx) Projects() (map[int64]*model.Project, error) {
	rows, err := t.tx.QueryContext(t.ctx, selectProject)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]*model.Project{}
	for rows.Next() {
		p, err := scanProject(rows)
		if err != nil {
			return nil, err
		}
		p.Aliases = []string{}
		out[p.ID] = p
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	arows, err := t.tx.QueryContext(t.ctx, `SELECT project_id, alias FROM aliases ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer arows.Close()
	for arows.Next() {
		var id int64
		var a string
		if err := arows.Scan(&id, &a); err != nil {
			return nil, err
		}
		if p := out[id]; p != nil {
			p.Aliases = append(p.Aliases, a)
		}
	}
	return out, arows.Err()
}

// InsertProject adds a project with every field set, in one statement, and
// returns its id.
func (t *Tx) InsertProject(p *model.Project) (int64, error) {
	cols := []string{"code", "period_raw", "as_of", "updated_at"}
	args := []any{p.Code, p.PeriodRaw, p.AsOf, now()}
	for _, k := range model.Fields {
		col, _ := columnOf(k)
		cols = append(cols, col)
		args = append(args, columnValue(k, p.Get(k)))
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",")
	res, err := t.execResult(`INSERT INTO projects(`+strings.Join(cols, ",")+`) VALUES (`+marks+`)`, args...)
	if err != nil {
		return 0, err
	}
	p.ID, err = res.LastInsertId()
	return p.ID, err
}

// columnValue converts a canonical field text to what the column stores.
func columnValue(k model.FieldKey, v string) any {
	if _, ok := model.TierOf(k); ok {
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	}
	if k == model.FProgress {
		if v == "" {
			return nil
		}
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	return v
}

// SetField changes one field of a project, validating the value, and
// records its provenance. expectVersion guards against overwriting a change
// made elsewhere since the caller read the project (0 skips the check, for
// imports, which read inside the same transaction).
func (t *Tx) SetField(projectID int64, expectVersion int64, k model.FieldKey, value string, prov Provenance) error {
	col, ok := columnOf(k)
	if !ok {
		return fmt.Errorf("unknown field %q", k)
	}
	var probe model.Project
	if err := probe.Set(k, value); err != nil {
		return err
	}
	q := `UPDATE projects SET ` + col + ` = ?, version = version + 1, updated_at = ? WHERE id = ?`
	args := []any{columnValue(k, probe.Get(k)), now(), projectID} // canonical: progress at one decimal
	if expectVersion > 0 {
		q += ` AND version = ?`
		args = append(args, expectVersion)
	}
	res, err := t.execResult(q, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var code, at string
		_ = t.tx.QueryRowContext(t.ctx, `SELECT code, updated_at FROM projects WHERE id = ?`, projectID).Scan(&code, &at)
		return msg.Errorf(msg.Where{File: t.reg.path}, msgStale, code, at)
	}
	return t.SetProvenance(projectID, k, prov)
}

// SetMeta changes the bookkeeping columns that are not fields: the raw
// period text and the as-of date of the newest sheet.
func (t *Tx) SetMeta(projectID int64, periodRaw, asOf string) error {
	return t.exec(`UPDATE projects SET period_raw = coalesce(nullif(?, ''), period_raw),
		as_of = max(as_of, ?) WHERE id = ?`, periodRaw, asOf, projectID)
}

// SetDeleted soft-deletes or restores a project.
func (t *Tx) SetDeleted(projectID int64, deleted bool) error {
	d := 0
	if deleted {
		d = 1
	}
	return t.exec(`UPDATE projects SET deleted = ?, version = version + 1, updated_at = ? WHERE id = ?`, d, now(), projectID)
}

// AddAlias remembers another name a city used for the project.
func (t *Tx) AddAlias(projectID int64, alias, norm string, city model.City) error {
	return t.exec(`INSERT INTO aliases(project_id, alias, norm, city) VALUES (?,?,?,?)
		ON CONFLICT(project_id, alias) DO NOTHING`, projectID, alias, norm, string(city))
}

// Aliases returns every known alias by its normalised form.
func (t *Tx) Aliases() (map[string][]int64, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT norm, project_id FROM aliases`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]int64{}
	for rows.Next() {
		var n string
		var id int64
		if err := rows.Scan(&n, &id); err != nil {
			return nil, err
		}
		out[n] = append(out[n], id)
	}
	return out, rows.Err()
}

// SetContact stores a city's officer for the project.
func (t *Tx) SetContact(projectID int64, city model.City, c model.Contact) error {
	return t.exec(`INSERT INTO contacts(project_id, city, department, officer, phone) VALUES (?,?,?,?,?)
		ON CONFLICT(project_id, city) DO UPDATE SET department=excluded.department, officer=excluded.officer, phone=excluded.phone
		WHERE department IS NOT excluded.department OR officer IS NOT excluded.officer OR phone IS NOT excluded.phone`,
		projectID, string(city), c.Department, c.Officer, c.Phone)
}
