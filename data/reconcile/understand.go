package reconcile

import (
	"context"
	"errors"
	"slices"
	"strconv"

	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/value"
)

var msgUnitFromRegister = msg.Define("reconcile.unit_from_register",
	"등록부 금액 %d/%d건 일치, 다른 단위로는 많아야 %d건",
	"the register's amounts agree for %d of %d, at any other unit for at most %d")

// unitCandidates are the units a sheet's bare amounts may be in.
var unitCandidates = []value.Unit{value.Won, value.Cheon, value.Baekman, value.Eok}

// Understand reads a file and locates its table as ReadFile does, then
// fills in what the sheet leaves out from evidence: the saved profile of
// the same city's layout (the city, sheet and column decisions taken for
// it last time, unless the official now says otherwise), and, when its
// amounts carry no unit and no one named one, the unit the earlier sheet
// of the same layout used and the unit at which the rows that match
// projects agree with the register's totals. A unit is used only when the
// evidence is strong and points one way; otherwise the table keeps its
// "no unit" errors, which name the flag that settles it (--unit).
func Understand(ctx context.Context, reg *register.Register, path string, o FileOptions) (*Reading, error) {
	t, sha, err := ReadFile(path, o)
	var at headerPlace // where profiles put a header the finder could not find
	if errors.Is(err, layout.ErrNoTable) && o.HeaderRow == 0 && !o.NoProfile {
		t, sha, o, at, err = readAtNamedHeader(ctx, reg, path, o, err)
	}
	if err != nil {
		return nil, err
	}
	if t.Master {
		return ReadingOf(path, t, sha), nil
	}
	officialCity := o.City != ""
	r := &reading{fromProfile: map[int]bool{}}
	if !o.NoProfile {
		if t, sha, o, r, err = understandProfile(ctx, reg, path, o, t, sha); err != nil {
			return nil, err
		}
	}
	at.note(r)
	r.fingerprint, r.sheet, r.headerRow, r.columns = t.Fingerprint(), o.Sheet, o.HeaderRow, o.Columns
	r.cityDecided = r.cityDecided || officialCity
	switch {
	case o.Unit != 0:
		r.unitSource = register.UnitOfficial
	case !t.NeedsUnit():
		r.unitSource = register.UnitStated
	default:
		if t, sha, err = understandUnit(ctx, reg, path, o, t, sha, r); err != nil {
			return nil, err
		}
	}
	if r.use != nil && slices.Contains(r.use.Took, TookCity) {
		t.CityEvidence = fromProfile(*r.profile) // the last read said "given"
	}
	return &Reading{Path: path, Table: t, SHA256: sha, how: r}, nil
}

// understandProfile reads the file again with its layout's profile, when
// there is one.
func understandProfile(ctx context.Context, reg *register.Register, path string, o FileOptions, t *layout.Table, sha string) (
	*layout.Table, string, FileOptions, *reading, error) {
	none := &reading{fromProfile: map[int]bool{}}
	p, err := findProfile(ctx, reg, path, o, t)
	if err != nil || p == nil {
		return t, sha, o, none, err
	}
	withO, r := withProfile(p, o, t)
	again, sha2, err := readWithProfile(path, withO, r, t, sha)
	if err != nil {
		return nil, "", o, none, err
	}
	if again == t && t.Fingerprint() != p.Fingerprint {
		return t, sha, o, none, nil // the profile's sheet no longer reads as its layout
	}
	if again == t {
		withO = o
	}
	return again, sha2, withO, r, nil
}

// understandUnit settles a unit the sheet does not state from the earlier
// sheet of the same layout and the register's amounts.
func understandUnit(ctx context.Context, reg *register.Register, path string, o FileOptions, t *layout.Table, sha string, r *reading) (
	*layout.Table, string, error) {
	projects, err := reg.List(ctx, register.ListOptions{})
	if err != nil {
		return nil, "", err
	}
	agree, compared, ok := unitAgreement(projects, func(u value.Unit) (*layout.Table, error) {
		o.Unit = u
		t, _, err := ReadFile(path, o)
		return t, err
	})
	if !ok {
		agree, compared = map[value.Unit]int{}, 0
	}
	unit, evidence, fromProfile, split := chooseUnit(r.profile, agree, compared)
	if split != nil {
		split.Where = msg.Where{File: t.File, Sheet: t.Sheet}
		r.warnings = append(r.warnings, split)
		return t, sha, nil
	}
	if unit == 0 {
		return t, sha, nil
	}
	o.Unit = unit
	if t, sha, err = ReadFile(path, o); err != nil {
		return nil, "", err
	}
	t.UnitFrom, r.unitSource = evidence, register.UnitInferred
	if fromProfile {
		r.unitSource = r.profile.UnitSource
		r.use.Took = append(r.use.Took, TookUnit)
	}
	return t, sha, nil
}

// unitAgreement tries each unit and counts the matched rows whose total
// agrees with the register's within the written precision; compared is
// how many rows could be compared at all.
func unitAgreement(projects []*model.Project, read func(value.Unit) (*layout.Table, error)) (map[value.Unit]int, int, bool) {
	byID := map[int64]*model.Project{}
	for _, p := range projects {
		byID[p.ID] = p
	}
	m := newMatcher(byID)
	agree := map[value.Unit]int{}
	compared := 0
	if len(projects) == 0 {
		return agree, 0, true
	}
	for _, u := range unitCandidates {
		t, err := read(u)
		if err != nil {
			return nil, 0, false
		}
		n := 0
		for rec := range t.Rows().All() {
			p, _ := m.match(rec.Code, rec.Name.Text)
			total, ok := rec.Get(model.BudgetKey(model.Total))
			if p == nil || !ok || p.Budget.Total == 0 {
				continue
			}
			n++
			if agreesWithin(total, p.Budget.Total) {
				agree[u]++
			}
		}
		compared = max(compared, n)
	}
	return agree, compared, true
}

// bestUnit is the unit most rows agree at.
func bestUnit(agree map[value.Unit]int) value.Unit {
	best := value.Unit(0)
	for _, u := range unitCandidates {
		if best == 0 || agree[u] > agree[best] {
			best = u
		}
	}
	return best
}

// strongest is the register's own verdict: strong and one-sided (at
// least 3 rows and 80 % agree, another unit explains at most a tenth as
// many), or none.
func strongest(agree map[value.Unit]int, compared int) (value.Unit, string, bool) {
	best, second := bestUnit(agree), 0
	for _, u := range unitCandidates {
		if u != best {
			second = max(second, agree[u])
		}
	}
	if compared == 0 || agree[best] < 3 || agree[best]*5 < compared*4 || second*10 > agree[best] {
		return 0, "", false
	}
	return best, msg.Text(msgUnitFromRegister, agree[best], compared, second), true
}

func agreesWithin(v layout.Value, won int64) bool {
	n, err := strconv.ParseInt(v.Text, 10, 64)
	if err != nil {
		return false
	}
	diff := n - won
	if diff < 0 {
		diff = -diff
	}
	return diff <= max(v.Precision, 1)
}
