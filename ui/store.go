package ui

import (
	"context"

	"github.com/haeoreum/register/assets/sample"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/query"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/value"
)

// store is the register the window works on, what was last read from it
// and the unit amounts are shown in. Screens read it and listen for its
// changes (listen), so the window does not need to know which screen shows
// what: reload reads the register once and every listener refreshes
// itself. It is used on the UI goroutine only; the register is swapped
// only when no background job is reading it (shell.whenIdle), so it needs
// no lock of its own.
type store struct {
	reg  *register.Register
	unit value.Unit // the amounts' display unit (Settings)

	all       []*model.Project // every project, deleted ones too
	set       *query.Set
	scheme    register.FieldScheme
	plan      register.Plan
	conflicts []*register.Conflict // open ones
	sample    bool

	listeners []func()
	failed    func(error) // shows a failed reload
}

func newStore(reg *register.Register, unit value.Unit, failed func(error)) *store {
	return &store{reg: reg, unit: unit, failed: failed}
}

// swap puts reg in use and returns the register it replaces; call it
// through shell.whenIdle, then reload.
func (s *store) swap(reg *register.Register) (old *register.Register) {
	old, s.reg = s.reg, reg
	return old
}

// listen calls fn, on the UI goroutine, after every load.
func (s *store) listen(fn func()) { s.listeners = append(s.listeners, fn) }

// forgetListeners drops every listener: the screens are being rebuilt.
func (s *store) forgetListeners() { s.listeners = nil }

// reload reads the register again and refreshes every screen that
// listens. It runs on the UI goroutine: a listing of the local register
// takes milliseconds.
func (s *store) reload() {
	if err := s.load(context.Background()); err != nil {
		s.failed(err)
	}
}

// load reads the projects, scheme, plan and open conflicts, then tells
// every listener. A failure to list the projects leaves the store as it was.
func (s *store) load(ctx context.Context) error {
	reg := s.reg
	all, err := reg.List(ctx, register.ListOptions{IncludeDeleted: true})
	if err != nil {
		return err
	}
	s.all, s.set = all, query.NewSet(all)
	if sc, err := reg.Scheme(ctx); err == nil {
		s.scheme = sc
	}
	if p, err := reg.Plan(ctx); err == nil {
		s.plan = p
	}
	if cs, err := reg.Conflicts(ctx, false); err == nil {
		s.conflicts = cs
	}
	s.sample = sample.IsSample(ctx, reg)
	for _, fn := range s.listeners {
		fn()
	}
	return nil
}

// live counts the projects not deleted.
func (s *store) live() int {
	n := 0
	for _, p := range s.all {
		if !p.Deleted {
			n++
		}
	}
	return n
}
