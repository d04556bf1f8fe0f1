package round

import (
	"context"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/report"
)

// ReportOf gathers the named round's report ("" is the open round): its
// projects, what changed since the previous round and who sent what.
// "Since the previous round" starts when that round was closed (sheets
// imported after it answer a later round) and ends when this one was.
func ReportOf(ctx context.Context, reg *register.Register, name string) (report.RoundReport, error) {
	st, err := StatusOf(ctx, reg, name)
	if err != nil {
		return report.RoundReport{}, err
	}
	rr := report.RoundReport{Round: st.Round, Previous: st.Previous}
	all, err := reg.List(ctx, register.ListOptions{})
	if err != nil {
		return rr, err
	}
	if rr.Projects, err = inScope(ctx, reg, st.Round, all); err != nil {
		return rr, err
	}
	if rr.Scheme, err = reg.Scheme(ctx); err != nil {
		return rr, err
	}
	if rr.Plan, err = reg.Plan(ctx); err != nil {
		return rr, err
	}
	if prev := st.Previous; prev != nil {
		after := prev.ClosedBatch
		if after == 0 {
			after = prev.Batch
		}
		if rr.Changes, err = reg.ChangesBetween(ctx, after, st.Round.ClosedBatch); err != nil {
			return rr, err
		}
	}
	for _, city := range model.Cities {
		rr.Cities = append(rr.Cities, receipt(city, st.Cities[city]))
	}
	return rr, nil
}

// receipt is a city's line on the report's status page.
func receipt(city model.City, cs *CityStatus) report.CityReceipt {
	r := report.CityReceipt{City: city, Batch: cs.Batch, Missing: cs.MissingProjects, Empty: len(cs.EmptyFields),
		Stale: len(cs.Stale), OpenConflicts: len(cs.OpenConflicts)}
	if cs.Issued != nil {
		r.Issued = *cs.Issued
	}
	if cs.Received != nil {
		r.File, r.At = cs.Received.File, cs.Received.At
	}
	if cs.Refused != nil {
		r.Refused, r.RefusedWhy = cs.Refused.File, cs.Refused.WhyKo
	}
	return r
}

// ExportReport writes the named round's report to path, with the guard
// against overwriting a file imported into the register.
func ExportReport(ctx context.Context, reg *register.Register, name, path string, overwrite bool) (report.RoundReport, error) {
	rr, err := ReportOf(ctx, reg, name)
	if err != nil {
		return rr, err
	}
	o, err := report.SaveOptionsFor(ctx, reg, overwrite)
	if err != nil {
		return rr, err
	}
	return rr, report.ExportRound(path, rr, o)
}
