package reconcile

import (
	"cmp"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/value"
)

// apply brings one matched row into the register. The secretariat's
// register sets values; a city's row is recorded as that city's
// observation, and only the lead city's row changes the register.
func (im *importer) apply(p *model.Project, rec *layout.Record) error {
	im.touched[p.ID] = true
	for _, a := range rec.Aliases {
		if err := im.addAlias(p, a); err != nil {
			return err
		}
	}
	values := im.rowValues(rec)
	f := fieldUpdate{p: p, rec: rec, asOf: im.asOf(rec)}
	var err error
	if f.prov, err = im.tx.Provenance(p.ID); err != nil {
		return err
	}
	if !im.t.Master {
		var observed map[model.City]map[model.FieldKey]register.Observation
		if observed, err = im.observations(p.ID); err != nil {
			return err
		}
		f.observed = observed[im.t.City]
	}
	f.isLead = im.leads(p, rec, values)
	changed := false
	for _, k := range model.Fields {
		if v, ok := values[k]; ok {
			c, err := im.applyField(f, k, v)
			if err != nil {
				return err
			}
			changed = changed || c
		}
	}
	if f.isLead {
		if err := im.tx.SetMeta(p.ID, rec.PeriodRaw, f.asOf); err != nil {
			return err
		}
	}
	if err := im.contact(p, rec); err != nil {
		return err
	}
	if !changed {
		im.pv.Unchanged++
	}
	return nil
}

// fieldUpdate is what applying one row's fields to project p needs.
type fieldUpdate struct {
	p        *model.Project
	rec      *layout.Record
	asOf     string
	isLead   bool // the sheet's city leads the project: its values are the register's
	prov     map[model.FieldKey]register.Provenance
	observed map[model.FieldKey]register.Observation // the sheet's city's earlier values
}

// rowValues are the row's values by field: its cells, the 분야 as the
// register's scheme names it, and for the secretariat's register the name.
func (im *importer) rowValues(rec *layout.Record) map[model.FieldKey]layout.Value {
	values := map[model.FieldKey]layout.Value{}
	for k, v := range rec.Values {
		values[k] = v
	}
	if rec.Field.Text != "" {
		f, known := canonicalField(rec.Field.Text, im.scheme.Fields)
		if !known {
			im.pv.warn(msg.Errorf(im.where(rec, rec.Field.Cell), msgFieldUnknown, rec.Field.Text, im.scheme.PlanYear))
		}
		values[model.FField] = layout.Value{Text: f, Raw: rec.Field.Raw, Cell: rec.Field.Cell}
	}
	if im.t.Master {
		values[model.FName] = rec.Name
	}
	return values
}

// leads reports whether the sheet speaks for p: the secretariat's register,
// or the city that leads it (named by the register or, for a project
// without a lead yet, by the row).
func (im *importer) leads(p *model.Project, rec *layout.Record, values map[model.FieldKey]layout.Value) bool {
	lead := p.LeadCity
	if v, ok := values[model.FLead]; ok && lead == "" {
		lead = model.City(v.Text)
	}
	if !im.t.Master && lead == "" {
		im.pv.warn(msg.Errorf(im.where(rec, rec.Name.Cell), msgNotLead, rec.Name.Text))
	}
	return im.t.Master || lead == im.t.City
}

// applyField records the city's value of field k and, when the sheet
// speaks for the project and the value is new, sets it in the register.
// An older sheet changes nothing and says so.
func (im *importer) applyField(f fieldUpdate, k model.FieldKey, v layout.Value) (changed bool, err error) {
	p, rec, asOf := f.p, f.rec, f.asOf
	sheetName := cmp.Or(rec.Sheet, im.t.Sheet)
	if !im.t.Master {
		if old, ok := f.observed[k]; ok && old.AsOf > asOf {
			im.pv.warn(msg.Errorf(im.where(rec, v.Cell), msgOlderSheet, p.Name, field.Label(k), old.AsOf, asOf))
			return false, nil
		}
		if err := im.tx.PutObservation(register.Observation{ProjectID: p.ID, City: im.t.City, Field: k,
			Value: v.Text, Precision: v.Precision, Raw: v.Raw, File: im.t.File, Sheet: sheetName,
			Cell: v.Cell, AsOf: asOf}); err != nil {
			return false, err
		}
	}
	if !f.isLead || (k == model.FName && !im.t.Master) {
		return false, nil
	}
	cur := p.Get(k)
	if same(k, cur, v.Text, 1, v.Precision) {
		return false, nil
	}
	if pv := f.prov[k]; pv.AsOf > asOf {
		im.pv.warn(msg.Errorf(im.where(rec, v.Cell), msgOlderSheet, p.Name, field.Label(k), pv.AsOf, asOf))
		return false, nil
	}
	if k == model.FName {
		// A renamed project keeps its old name as an alias.
		if err := im.tx.AddAlias(p.ID, cur, value.NormalizeName(cur), ""); err != nil {
			return false, err
		}
	}
	src := register.Provenance{File: im.t.File, Sheet: sheetName, Cell: v.Cell, City: im.t.City, AsOf: asOf, Raw: v.Raw}
	if err := im.tx.SetField(p.ID, 0, k, v.Text, src); err != nil {
		return false, err
	}
	_ = p.Set(k, v.Text)
	im.pv.Changed = append(im.pv.Changed, Change{Code: p.Code, Name: p.Name, Field: k, Old: cur, New: v.Text, Cell: v.Cell,
		Previous: im.previous(f.observed, f.prov[k], k, cur)})
	return true, nil
}

func (im *importer) observations(projectID int64) (map[model.City]map[model.FieldKey]register.Observation, error) {
	list, err := im.tx.Observations(projectID)
	if err != nil {
		return nil, err
	}
	out := map[model.City]map[model.FieldKey]register.Observation{}
	for _, o := range list {
		if out[o.City] == nil {
			out[o.City] = map[model.FieldKey]register.Observation{}
		}
		out[o.City][o.Field] = o
	}
	return out, nil
}

// asOf is the date a row's values are as of: its own, or the sheet's.
func (im *importer) asOf(rec *layout.Record) string {
	if rec.AsOf != "" || rec.HasAsOf {
		return rec.AsOf
	}
	return im.t.AsOf
}

// previous is the city's earlier report of field k, as it stood before
// this sheet: the third column of the preview (지난 제출 대비). A project
// the city's own sheet created has no observation of it; its register
// value then is what that sheet said, when the provenance says it came
// from the same city.
func (im *importer) previous(observed map[model.FieldKey]register.Observation, src register.Provenance, k model.FieldKey, cur string) *Previous {
	if o, ok := observed[k]; ok {
		return &Previous{Value: o.Value, AsOf: o.AsOf, File: o.File, Cell: o.Cell}
	}
	if !im.t.Master && !src.Manual && src.City == im.t.City && src.File != "" {
		return &Previous{Value: cur, AsOf: src.AsOf, File: src.File, Cell: src.Cell}
	}
	return nil
}
