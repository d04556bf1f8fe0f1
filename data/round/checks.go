package round

import (
	"context"
	"slices"
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

// missing lists the codes of the city's projects (led or joined) that its
// received sheet did not carry. A sheet carried a project when the city's
// observations of it come from that import — or from an earlier import of
// the same file, sheet and as-of date: importing the same values again
// leaves the observations (and their batch) as they were.
func (in *inputs) missing(ctx context.Context, reg *register.Register, city model.City, b register.Batch) ([]string, error) {
	obs, err := reg.CityObservations(ctx, city)
	if err != nil {
		return nil, err
	}
	carried := map[int64]bool{}
	for _, o := range obs {
		same := o.File == b.File && onSheetOf(o.Sheet, b.Sheet) && o.AsOf == b.AsOf && o.Batch < b.ID
		if o.Batch == b.ID || same {
			carried[o.ProjectID] = true
		}
	}
	out := []string{}
	for _, p := range in.projects {
		if p.HasCity(city) && !carried[p.ID] {
			out = append(out, p.Code)
		}
	}
	return out, nil
}

// onSheetOf reports whether an observation's sheet is the batch's: the
// same, or one of a table split over sheets ("경제, 문화").
func onSheetOf(sheet, batchSheet string) bool {
	return sheet == batchSheet || slices.Contains(strings.Split(batchSheet, ", "), sheet)
}

// emptyFields lists the required values the lead city left empty: its
// officer or phone (one "contact" entry), 추진실적, 향후계획, 추진율.
func emptyFields(p *model.Project, city model.City) []Cell {
	var out []Cell
	if c := p.Contacts[city]; c.Officer == "" || c.Phone == "" {
		out = append(out, Cell{p.Code, FieldContact})
	}
	for _, k := range []model.FieldKey{model.FActivities, model.FNextSteps, model.FProgress} {
		if p.Get(k) == "" {
			out = append(out, Cell{p.Code, string(k)})
		}
	}
	return out
}

// staleCells lists the values (추진실적, 향후계획, 추진율) of a project that
// were not updated after the previous round: their sheet is as of that
// round's date or older. A value with no as-of date (a sheet without one,
// or a person's edit) counts from when it entered the register: it is new
// if its batch came after the previous round was made. Empty values are
// reported as empty, not as stale.
func staleCells(ctx context.Context, reg *register.Register, p *model.Project, prev *register.Round) ([]Cell, error) {
	prov, err := reg.Provenance(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	var out []Cell
	for _, k := range staleFields {
		if p.Get(k) == "" {
			continue
		}
		pv := prov[k]
		updated := pv.AsOf > prev.AsOf || (pv.AsOf == "" && pv.Batch > prev.Batch)
		if !updated {
			out = append(out, Cell{p.Code, string(k)})
		}
	}
	return out, nil
}

// openConflicts lists the open conflicts of the round's projects in which
// the city has a value.
func (in *inputs) openConflicts(city model.City) []int64 {
	codes := map[string]bool{}
	for _, p := range in.projects {
		codes[p.Code] = true
	}
	out := []int64{}
	for _, c := range in.conflicts {
		if !codes[c.Code] {
			continue
		}
		if slices.ContainsFunc(c.Values, func(v register.ConflictValue) bool { return v.City == city }) {
			out = append(out, c.ID)
		}
	}
	slices.Sort(out)
	return out
}
