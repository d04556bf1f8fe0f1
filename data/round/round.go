// Package round says, for a meeting round (차수), where each city stands:
// whether its template was issued, whether its sheet came back and was
// imported, which of its projects the sheet left out, which required
// values are empty, which were not updated since the previous round, and
// which open conflicts involve it. It only reads the register (apart from
// recording issued templates) and has no Fyne and no cgo.
package round

import (
	"context"
	"slices"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

// FieldContact stands for a city's 담당자 and 연락처 of a project (the
// contacts table, not a project field).
const FieldContact = "contact"

// Required are the values a city must fill for the projects it leads, in
// the order people read them: 담당자·연락처, 추진실적, 향후계획, 추진율.
var Required = []string{FieldContact, string(model.FActivities), string(model.FNextSteps), string(model.FProgress)}

// staleFields are the values that must move from one round to the next;
// a contact has no date to compare, so it is only checked for emptiness.
var staleFields = []model.FieldKey{model.FActivities, model.FNextSteps, model.FProgress}

// Cell names one value of one project.
type Cell struct {
	Code  string `json:"code"`
	Field string `json:"field"`
}

// Received is the city's sheet that answers the round.
type Received struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
	At     string `json:"at"`
}

// CityStatus is one city's state in a round. Its JSON is the CLI's contract.
type CityStatus struct {
	Issued   *string   `json:"issued"`   // when its template was issued, nil if not
	Received *Received `json:"received"` // nil until a sheet came in
	Batch    int64     `json:"batch"`    // the import batch of that sheet, 0 if none
	// Refused is the newest sheet from the city refused after the one
	// received (or with none received): file, hash, when and why.
	Refused         *register.Refusal `json:"refused"`
	MissingProjects []string          `json:"missing_projects"`
	EmptyFields     []Cell            `json:"empty_fields"`
	Stale           []Cell            `json:"stale"`
	OpenConflicts   []int64           `json:"open_conflicts"`
}

// Status is a round with each city's state.
type Status struct {
	Round    register.Round             `json:"round"`
	Previous *register.Round            `json:"previous"`
	Cities   map[model.City]*CityStatus `json:"cities"`
	// Unattributed are refused sheets no one could tell the city of.
	Unattributed []register.Refusal `json:"unattributed"`
}

// RecordIssued records that templates were issued for the round (one
// audited batch), so that the status can say when.
func RecordIssued(ctx context.Context, reg *register.Register, rd register.Round, issues []register.Issue) error {
	_, err := reg.RecordIssues(ctx, rd, issues)
	return err
}

// StatusOf computes every city's state in the named round ("" is the open
// round).
func StatusOf(ctx context.Context, reg *register.Register, name string) (*Status, error) {
	rd, err := reg.Round(ctx, name)
	if err != nil {
		return nil, err
	}
	st := &Status{Round: rd, Cities: map[model.City]*CityStatus{}}
	prev, ok, err := reg.PreviousRound(ctx, rd)
	if err != nil {
		return nil, err
	}
	if ok {
		st.Previous = &prev
	}
	in, err := load(ctx, reg, rd)
	if err != nil {
		return nil, err
	}
	for _, city := range model.Cities {
		cs, err := in.city(ctx, reg, city, st.Previous)
		if err != nil {
			return nil, err
		}
		st.Cities[city] = cs
	}
	st.Unattributed = in.refusals("", 0)
	return st, nil
}

// inputs is what every city's status is computed from.
type inputs struct {
	round     register.Round
	projects  []*model.Project // in the round's scope, by code
	issues    map[model.City]register.Issue
	batches   []register.Batch // newest first
	conflicts []*register.Conflict
}

func load(ctx context.Context, reg *register.Register, rd register.Round) (*inputs, error) {
	in := &inputs{round: rd}
	all, err := reg.List(ctx, register.ListOptions{})
	if err != nil {
		return nil, err
	}
	if in.projects, err = inScope(ctx, reg, rd, all); err != nil {
		return nil, err
	}
	if in.issues, err = reg.Issues(ctx, rd); err != nil {
		return nil, err
	}
	if in.batches, err = reg.Batches(ctx, -1); err != nil {
		return nil, err
	}
	if in.conflicts, err = reg.Conflicts(ctx, false); err != nil {
		return nil, err
	}
	return in, nil
}

// inScope keeps the projects of the round's working groups (all of them
// when the round names none), by the newest plan's field → group scheme.
func inScope(ctx context.Context, reg *register.Register, rd register.Round, all []*model.Project) ([]*model.Project, error) {
	if len(rd.Groups) == 0 {
		return all, nil
	}
	scheme, err := reg.Scheme(ctx)
	if err != nil {
		return nil, err
	}
	var out []*model.Project
	for _, p := range all {
		if slices.Contains(rd.Groups, scheme.Groups[p.Field]) {
			out = append(out, p)
		}
	}
	return out, nil
}

func (in *inputs) city(ctx context.Context, reg *register.Register, city model.City, prev *register.Round) (*CityStatus, error) {
	cs := &CityStatus{MissingProjects: []string{}, EmptyFields: []Cell{}, Stale: []Cell{}, OpenConflicts: []int64{}}
	if is, ok := in.issues[city]; ok {
		at := is.At
		cs.Issued = &at
	}
	if b, ok := in.received(city); ok {
		cs.Received = &Received{File: b.File, SHA256: b.SHA256, At: b.At}
		cs.Batch = b.ID
		missing, err := in.missing(ctx, reg, city, b)
		if err != nil {
			return nil, err
		}
		cs.MissingProjects = missing
	}
	for _, p := range in.projects {
		if p.LeadCity != city {
			continue
		}
		cs.EmptyFields = append(cs.EmptyFields, emptyFields(p, city)...)
		if prev != nil {
			stale, err := staleCells(ctx, reg, p, prev)
			if err != nil {
				return nil, err
			}
			cs.Stale = append(cs.Stale, stale...)
		}
	}
	cs.OpenConflicts = in.openConflicts(city)
	if refused := in.refusals(city, cs.Batch); len(refused) > 0 {
		cs.Refused = &refused[0]
	}
	return cs, nil
}

// received is the city's sheet for the round: its newest import as of the
// round's date, or failing that its newest import while the round was open
// (after it was made, before it was closed). Undone imports do not count.
func (in *inputs) received(city model.City) (register.Batch, bool) {
	var since *register.Batch
	for i, b := range in.batches { // newest first
		if b.Kind != register.KindImport || b.City != city || b.Undone != 0 {
			continue
		}
		if b.AsOf == in.round.AsOf {
			return b, true
		}
		open := b.ID > in.round.Batch && (in.round.ClosedBatch == 0 || b.ID < in.round.ClosedBatch)
		if since == nil && open {
			since = &in.batches[i]
		}
	}
	if since != nil {
		return *since, true
	}
	return register.Batch{}, false
}

// refusals are the round's refused sheets from city ("" for those of no
// known city) noted after batch `after`, newest first. Undone notes do not
// count.
func (in *inputs) refusals(city model.City, after int64) []register.Refusal {
	out := []register.Refusal{}
	for _, b := range in.batches { // newest first
		if ref, ok := register.RefusalOf(b, in.round.Name); ok && b.City == city && b.ID > after {
			out = append(out, ref)
		}
	}
	return out
}
