package register

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// Observation is the newest value one city reported for one field of a
// project, kept whether or not it became the register's value.
type Observation struct {
	ProjectID int64
	City      model.City
	Field     model.FieldKey
	Value     string // canonical text
	Precision int64  // amounts: won per last significant step; periods: 1 month, 12 year-only
	Raw       string
	File      string
	Sheet     string
	Cell      string
	AsOf      string
	Batch     int64
}

// Observations returns what each city last reported for the project.
func (t *Tx) Observations(projectID int64) ([]Observation, error) {
	rows, err := t.QueryContext(t.ctx, `SELECT city, field, value, precision, raw, file, sheet, cell, as_of, batch_id
		FROM observations WHERE project_id = ?`, projectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Observation
	for rows.Next() {
		o := Observation{ProjectID: projectID}
		var city, field string
		if err := rows.Scan(&city, &field, &o.Value, &o.Precision, &o.Raw, &o.File, &o.Sheet, &o.Cell, &o.AsOf, &o.Batch); err != nil {
			return nil, err
		}
		o.City, o.Field = model.City(city), model.FieldKey(field)
		out = append(out, o)
	}
	return out, rows.Err()
}

// PutObservation records a city's value, replacing its older one.
func (t *Tx) PutObservation(o Observation) error {
	return t.exec(`INSERT INTO observations(project_id, city, field, value, precision, raw, file, sheet, cell, as_of, batch_id)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(project_id, city, field) DO UPDATE SET value=excluded.value, precision=excluded.precision,
		raw=excluded.raw, file=excluded.file, sheet=excluded.sheet, cell=excluded.cell, as_of=excluded.as_of,
		batch_id=excluded.batch_id
		-- the same sheet imported again changes nothing, so it leaves no undo rows
		WHERE value IS NOT excluded.value OR precision IS NOT excluded.precision OR raw IS NOT excluded.raw
		OR file IS NOT excluded.file OR sheet IS NOT excluded.sheet OR cell IS NOT excluded.cell
		OR as_of IS NOT excluded.as_of`,
		o.ProjectID, string(o.City), string(o.Field), o.Value, o.Precision, o.Raw, o.File, o.Sheet, o.Cell, o.AsOf, t.batch)
}

// ConflictValue is one city's side of a disagreement.
type ConflictValue struct {
	City  model.City `json:"city"`
	Value string     `json:"value"`
	Raw   string     `json:"raw,omitempty"`
	File  string     `json:"file"`
	Sheet string     `json:"sheet,omitempty"`
	Cell  string     `json:"cell"`
	AsOf  string     `json:"as_of,omitempty"`
	Lead  bool       `json:"lead,omitempty"`
}

// Conflict is a disagreement between cities about one field of a project.
type Conflict struct {
	ID           int64           `json:"id"`
	ProjectID    int64           `json:"-"`
	Code         string          `json:"code"`
	Name         string          `json:"name"`
	Field        model.FieldKey  `json:"field"`
	Status       string          `json:"status"`
	LeadCity     model.City      `json:"lead_city"`
	Values       []ConflictValue `json:"values"`
	Decision     string          `json:"decision,omitempty"`
	DecidedValue string          `json:"decided_value,omitempty"`
	DecidedBy    string          `json:"decided_by,omitempty"`
	DecidedAt    string          `json:"decided_at,omitempty"`
}

// Conflict statuses.
const (
	ConflictOpen       = "open"
	ConflictResolved   = "resolved"
	ConflictSuperseded = "superseded" // the cities came to agree, or the values changed
)

// OpenConflicts returns the project's open conflicts by field.
func (t *Tx) OpenConflicts(projectID int64) (map[model.FieldKey]*Conflict, error) {
	list, err := t.projectConflicts(projectID, ConflictOpen)
	if err != nil {
		return nil, err
	}
	out := map[model.FieldKey]*Conflict{}
	for _, c := range list {
		out[c.Field] = c
	}
	return out, nil
}

// ResolvedConflicts returns the project's decided conflicts, so that an
// import does not reopen a disagreement an official already settled.
func (t *Tx) ResolvedConflicts(projectID int64) ([]*Conflict, error) {
	return t.projectConflicts(projectID, ConflictResolved)
}

func (t *Tx) projectConflicts(projectID int64, status string) ([]*Conflict, error) {
	rows, err := t.QueryContext(t.ctx, `SELECT id, field, lead_city, values_json FROM conflicts
		WHERE project_id = ? AND status = ? ORDER BY id`, projectID, status)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Conflict
	for rows.Next() {
		c := &Conflict{ProjectID: projectID, Status: status}
		var field, lead, values string
		if err := rows.Scan(&c.ID, &field, &lead, &values); err != nil {
			return nil, err
		}
		c.Field, c.LeadCity = model.FieldKey(field), model.City(lead)
		if err := json.Unmarshal([]byte(values), &c.Values); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// PutConflict opens a conflict, or updates the values of an open one.
func (t *Tx) PutConflict(c *Conflict) error {
	values, err := json.Marshal(c.Values)
	if err != nil {
		return err
	}
	if c.ID != 0 {
		return t.exec(`UPDATE conflicts SET values_json = ?, lead_city = ? WHERE id = ? AND values_json IS NOT ?`,
			string(values), string(c.LeadCity), c.ID, string(values))
	}
	res, err := t.tx.ExecContext(t.ctx, `INSERT INTO conflicts(project_id, field, status, lead_city, values_json, batch_id)
		VALUES (?,?,?,?,?,?)`, c.ProjectID, string(c.Field), ConflictOpen, string(c.LeadCity), string(values), t.batch)
	if err != nil {
		return err
	}
	c.ID, err = res.LastInsertId()
	return err
}

// CloseConflict ends an open conflict with a status and, for decisions,
// what was decided.
func (t *Tx) CloseConflict(id int64, status, decision, value string) error {
	return t.exec(`UPDATE conflicts SET status = ?, decision = ?, decided_value = ?, decided_by = ?, decided_at = ?
		WHERE id = ?`, status, decision, value, t.reg.who.User+"@"+t.reg.who.Host, now(), id)
}

// Conflicts lists conflicts (only open ones unless all is set), by code and field.
func (r *Register) Conflicts(ctx context.Context, all bool) ([]*Conflict, error) {
	q := `SELECT c.id, c.project_id, p.code, p.name, c.field, c.status, c.lead_city, c.values_json,
		c.decision, c.decided_value, c.decided_by, c.decided_at
		FROM conflicts c JOIN projects p ON p.id = c.project_id`
	if !all {
		q += ` WHERE c.status = 'open' AND p.deleted = 0`
	}
	q += ` ORDER BY p.code, c.field, c.id`
	rows, err := r.db.QueryContext(ctx, q)
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	defer rows.Close()
	out := []*Conflict{}
	for rows.Next() {
		c := &Conflict{}
		var field, lead, values string
		if err := rows.Scan(&c.ID, &c.ProjectID, &c.Code, &c.Name, &field, &c.Status, &lead, &values,
			&c.Decision, &c.DecidedValue, &c.DecidedBy, &c.DecidedAt); err != nil {
			return nil, err
		}
		c.Field, c.LeadCity = model.FieldKey(field), model.City(lead)
		if err := json.Unmarshal([]byte(values), &c.Values); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Conflict returns one conflict (open or not) by its id.
func (r *Register) Conflict(ctx context.Context, id int64) (*Conflict, error) {
	all, err := r.Conflicts(ctx, true)
	if err != nil {
		return nil, err
	}
	for _, c := range all {
		if c.ID == id {
			return c, nil
		}
	}
	return nil, msg.Errorf(msg.Where{File: r.path}, msgConflictGone, id)
}

// DecisionKind is how an official settled a conflict.
type DecisionKind string

// Decisions on a conflict.
const (
	DecideKeep  DecisionKind = "keep"  // keep the register's value
	DecideTake  DecisionKind = "take"  // take one city's value
	DecideTyped DecisionKind = "typed" // an official typed the value
)

// Decision is an official's answer to a conflict. Value, for a typed
// decision, is canonical text: read what a person typed with field.Parse.
type Decision struct {
	Kind  DecisionKind
	City  model.City // whose value is taken
	Value string     // the typed value
}

// stored is the decision as the conflicts table keeps it: "keep", "typed",
// "take:ulsan".
func (d Decision) stored() string {
	if d.Kind == DecideTake {
		return string(DecideTake) + ":" + string(d.City)
	}
	return string(d.Kind)
}

// Decided returns the decision recorded on a closed conflict (zero when
// none was made, e.g. when the cities came to agree).
func (c *Conflict) Decided() Decision {
	kind, city, _ := strings.Cut(c.Decision, ":")
	return Decision{Kind: DecisionKind(kind), City: model.City(city), Value: c.DecidedValue}
}

var (
	msgConflictGone = msg.Define("register.conflict_gone",
		"충돌 #%d이 없거나 이미 정리되었습니다. 충돌 목록을 다시 불러와 주세요.",
		"conflict #%d does not exist or is already settled. Reload the list of conflicts.")
	msgNoSuchSide = msg.Define("register.conflict_no_city",
		"충돌 #%d에는 %s의 값이 없습니다.",
		"conflict #%d has no value from %s.")
)

// Resolve records an official's decision on an open conflict as its own
// batch: keep the register's value, take a city's value, or a typed value.
// The project must still keep its invariants afterwards (a typed end before
// the start is refused).
func (r *Register) Resolve(ctx context.Context, conflictID int64, d Decision) (int64, error) {
	var projectID int64
	var field, values, status string
	err := r.db.QueryRowContext(ctx, `SELECT project_id, field, values_json, status FROM conflicts WHERE id = ?`, conflictID).
		Scan(&projectID, &field, &values, &status)
	if err == sql.ErrNoRows || (err == nil && status != ConflictOpen) {
		return 0, msg.Errorf(msg.Where{File: r.path}, msgConflictGone, conflictID)
	}
	if err != nil {
		return 0, classify(err, msg.Where{File: r.path})
	}
	var vals []ConflictValue
	if err := json.Unmarshal([]byte(values), &vals); err != nil {
		return 0, err
	}
	k := model.FieldKey(field)
	return r.Write(ctx, Batch{Kind: KindResolve}, func(tx *Tx) error {
		value, prov, err := decidedValue(tx, projectID, k, d, vals)
		if err == errNoSide {
			return msg.Errorf(msg.Where{File: r.path}, msgNoSuchSide, conflictID, d.City.Korean())
		}
		if err != nil {
			return err
		}
		if d.Kind != DecideKeep {
			if err := tx.SetField(projectID, 0, k, value, prov); err != nil {
				return err
			}
			if err := tx.checkProject(projectID); err != nil {
				return err
			}
		}
		return tx.CloseConflict(conflictID, ConflictResolved, d.stored(), value)
	})
}

var errNoSide = errors.New("no such side")

// decidedValue is the value a decision puts in the register, and where it
// came from.
func decidedValue(tx *Tx, projectID int64, k model.FieldKey, d Decision, vals []ConflictValue) (string, Provenance, error) {
	switch d.Kind {
	case DecideKeep:
		p, err := tx.project(projectID)
		if err != nil {
			return "", Provenance{}, err
		}
		return p.Get(k), Provenance{}, nil
	case DecideTake:
		for _, v := range vals {
			if v.City == d.City {
				return v.Value, Provenance{File: v.File, Sheet: v.Sheet, Cell: v.Cell, City: v.City, AsOf: v.AsOf, Raw: v.Raw}, nil
			}
		}
		return "", Provenance{}, errNoSide
	case DecideTyped:
		return d.Value, Provenance{Raw: "typed"}, nil
	}
	return "", Provenance{}, fmt.Errorf("unknown decision %q", d.Kind)
}
