package reconcile

import (
	"context"
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
// fills in what the sheet leaves out from evidence in the register: when
// its amounts carry no unit and no one named one, the unit at which the
// rows that match projects agree with the register's totals. It is used
// only when the evidence is strong and points one way (most compared rows
// agree at that unit, hardly any at another); otherwise the table keeps its
// "no unit" errors, which name the flag that settles it (--unit).
func Understand(ctx context.Context, reg *register.Register, path string, o FileOptions) (*layout.Table, string, error) {
	t, sha, err := ReadFile(path, o)
	if err != nil || !t.NeedsUnit() || t.Master {
		return t, sha, err
	}
	projects, err := reg.List(ctx, register.ListOptions{})
	if err != nil {
		return nil, "", err
	}
	unit, evidence, ok := inferUnit(projects, func(u value.Unit) (*layout.Table, error) {
		o.Unit = u
		t, _, err := ReadFile(path, o)
		return t, err
	})
	if !ok {
		return t, sha, nil
	}
	o.Unit = unit
	if t, sha, err = ReadFile(path, o); err != nil {
		return nil, "", err
	}
	t.UnitFrom = evidence
	return t, sha, nil
}

// inferUnit tries each unit and counts the matched rows whose total agrees
// with the register's within the written precision.
func inferUnit(projects []*model.Project, read func(value.Unit) (*layout.Table, error)) (value.Unit, string, bool) {
	byID := map[int64]*model.Project{}
	for _, p := range projects {
		byID[p.ID] = p
	}
	m := newMatcher(byID)
	agree := map[value.Unit]int{}
	compared := 0
	for _, u := range unitCandidates {
		t, err := read(u)
		if err != nil {
			return 0, "", false
		}
		n := 0
		for rec := range t.Records() {
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
	best, second := value.Unit(0), 0
	for _, u := range unitCandidates {
		switch {
		case best == 0 || agree[u] > agree[best]:
			second = max(second, agree[best])
			best = u
		default:
			second = max(second, agree[u])
		}
	}
	// strong and one-sided: at least 3 rows and 80 % agree, another unit
	// explains at most a tenth as many
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
