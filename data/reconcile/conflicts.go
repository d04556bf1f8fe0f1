package reconcile

import (
	"slices"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

// reconcileConflicts compares what each participating city last reported
// with the register's value, which the lead city's newest sheet set. A
// difference beyond the coarser precision is an open conflict; a conflict
// whose cities came to agree is closed as superseded; a disagreement an
// official already decided is not reopened while the values stay the same.
func (im *importer) reconcileConflicts(p *model.Project) error {
	observed, err := im.observations(p.ID)
	if err != nil {
		return err
	}
	open, err := im.tx.OpenConflicts(p.ID)
	if err != nil {
		return err
	}
	decided, err := im.tx.ResolvedConflicts(p.ID)
	if err != nil {
		return err
	}
	prov, err := im.tx.Provenance(p.ID)
	if err != nil {
		return err
	}
	lead := p.LeadCity
	for _, k := range model.Fields {
		if !k.Compared() {
			continue
		}
		leadObs, hasLead := observed[lead][k]
		var others []register.ConflictValue
		if hasLead && lead != "" {
			ref, refPrec := p.Get(k), int64(1)
			if src := prov[k]; src.File == leadObs.File && src.Cell == leadObs.Cell {
				refPrec = leadObs.Precision
			}
			for _, c := range model.Cities {
				o, ok := observed[c][k]
				if c == lead || !ok || same(k, ref, o.Value, refPrec, o.Precision) {
					continue
				}
				others = append(others, register.ConflictValue{City: c, Value: o.Value, Raw: o.Raw, File: o.File,
					Sheet: o.Sheet, Cell: o.Cell, AsOf: o.AsOf})
			}
		}
		existing := open[k]
		if len(others) == 0 {
			if existing != nil {
				if err := im.tx.CloseConflict(existing.ID, register.ConflictSuperseded, "", ""); err != nil {
					return err
				}
			}
			continue
		}
		if slices.ContainsFunc(decided, func(c *register.Conflict) bool { return c.Field == k && sameSides(c.Values, others) }) {
			continue
		}
		src := prov[k]
		values := append([]register.ConflictValue{{City: lead, Value: p.Get(k), Raw: src.Raw, File: src.File,
			Sheet: src.Sheet, Cell: src.Cell, AsOf: src.AsOf, Lead: true}}, others...)
		c := &register.Conflict{ProjectID: p.ID, Field: k, LeadCity: lead, Values: values}
		if existing != nil {
			if sameSides(existing.Values, others) && existing.Values[0].Value == p.Get(k) {
				continue
			}
			c.ID = existing.ID
		}
		if err := im.tx.PutConflict(c); err != nil {
			return err
		}
		for _, o := range others {
			im.pv.Conflicts = append(im.pv.Conflicts, Conflict{Code: p.Code, Name: p.Name, Field: k, LeadCity: lead,
				LeadValue: p.Get(k), City: o.City, Value: o.Value, Cell: o.Cell})
		}
	}
	return nil
}

// sameSides reports whether the non-lead values of a conflict are others.
func sameSides(values, others []register.ConflictValue) bool {
	var a []register.ConflictValue
	for _, v := range values {
		if !v.Lead {
			a = append(a, v)
		}
	}
	if len(a) != len(others) {
		return false
	}
	for i := range a {
		if a[i].City != others[i].City || a[i].Value != others[i].Value {
			return false
		}
	}
	return true
}
