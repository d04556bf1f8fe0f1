package register

import (
	"context"
	"encoding/json"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// Provenance says where a value came from: a cell of an imported file, or
// a person's edit (File empty, Raw holds the note).
type Provenance struct {
	Field  model.FieldKey `json:"field"`
	File   string         `json:"file,omitempty"`
	Sheet  string         `json:"sheet,omitempty"`
	Cell   string         `json:"cell,omitempty"`
	City   model.City     `json:"city,omitempty"`
	AsOf   string         `json:"as_of,omitempty"`
	Raw    string         `json:"raw,omitempty"`
	Batch  int64          `json:"batch"`
	User   string         `json:"user,omitempty"`
	At     string         `json:"at,omitempty"`
	Manual bool           `json:"manual,omitempty"`
}

// SetProvenance records where a field's value came from, without changing
// the value (for values a new project was created with).
func (t *Tx) SetProvenance(projectID int64, k model.FieldKey, p Provenance) error {
	return t.exec(`INSERT INTO provenance(project_id, field, batch_id, file, sheet, cell, city, as_of, raw)
		VALUES (?,?,?,?,?,?,?,?,?)
		ON CONFLICT(project_id, field) DO UPDATE SET batch_id=excluded.batch_id, file=excluded.file,
		sheet=excluded.sheet, cell=excluded.cell, city=excluded.city, as_of=excluded.as_of, raw=excluded.raw`,
		projectID, string(k), t.batch, p.File, p.Sheet, p.Cell, string(p.City), p.AsOf, p.Raw)
}

// wholeRow is the provenance field of a project created from one row: its
// cells are kept together (raw holds {field: [cell, raw text]}) rather than
// as one row per field, which made creating large registers several times
// slower. A field's own row, written when it changes later, wins.
const wholeRow = "*"

// SetRowProvenance records where every value of a newly created project
// came from: one sheet row, each field from its cell.
func (t *Tx) SetRowProvenance(projectID int64, src Provenance, cells map[model.FieldKey][2]string) error {
	b, err := json.Marshal(cells)
	if err != nil {
		return err
	}
	src.Raw = string(b)
	return t.SetProvenance(projectID, wholeRow, src)
}

// Provenance returns where each field of the project came from.
func (r *Register) Provenance(ctx context.Context, projectID int64) (map[model.FieldKey]Provenance, error) {
	out, err := provenance(ctx, r.db, projectID)
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	return out, nil
}

// Provenance returns where each field of the project came from, as the
// transaction sees it.
func (t *Tx) Provenance(projectID int64) (map[model.FieldKey]Provenance, error) {
	return provenance(t.ctx, t, projectID)
}

func provenance(ctx context.Context, q querier, projectID int64) (map[model.FieldKey]Provenance, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.field, p.file, p.sheet, p.cell, p.city, p.as_of, p.raw, p.batch_id,
		b.user, b.at FROM provenance p JOIN batches b ON b.id = p.batch_id WHERE p.project_id = ?`, projectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[model.FieldKey]Provenance{}
	var whole *Provenance
	for rows.Next() {
		var p Provenance
		var f, city string
		if err := rows.Scan(&f, &p.File, &p.Sheet, &p.Cell, &city, &p.AsOf, &p.Raw, &p.Batch, &p.User, &p.At); err != nil {
			return nil, err
		}
		p.Field, p.City, p.Manual = model.FieldKey(f), model.City(city), p.File == ""
		if f == wholeRow {
			whole = &p
			continue
		}
		out[p.Field] = p
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if whole != nil {
		var cells map[model.FieldKey][2]string
		if err := json.Unmarshal([]byte(whole.Raw), &cells); err != nil {
			return nil, err
		}
		for k, c := range cells {
			if _, own := out[k]; !own {
				p := *whole
				p.Field, p.Cell, p.Raw = k, c[0], c[1]
				out[k] = p
			}
		}
	}
	return out, nil
}
