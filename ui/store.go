package ui

import (
	"context"
	"sync"

	"github.com/haeoreum/register/assets/sample"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/query"
	"github.com/haeoreum/register/data/register"
)

// store is the register the window works on and what was last read from
// it. Screens read it and listen for its changes (listen), so the window
// does not need to know which screen shows what: load reads the register
// once and every listener refreshes itself. The register is swapped under
// the store's lock, and only when no background job is reading it
// (UI.whenIdle).
type store struct {
	mu  sync.RWMutex
	reg *register.Register

	all       []*model.Project // every project, deleted ones too
	set       *query.Set
	scheme    register.FieldScheme
	plan      register.Plan
	conflicts []*register.Conflict // open ones
	sample    bool

	listeners []func()
}

func newStore(reg *register.Register) *store { return &store{reg: reg} }

// register is the register in use, for a background job to take along.
func (s *store) register() *register.Register {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.reg
}

// swap puts reg in use and returns the register it replaces.
func (s *store) swap(reg *register.Register) (old *register.Register) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, s.reg = s.reg, reg
	return old
}

// listen calls fn, on the UI goroutine, after every load.
func (s *store) listen(fn func()) { s.listeners = append(s.listeners, fn) }

// forgetListeners drops every listener: the screens are being rebuilt.
func (s *store) forgetListeners() { s.listeners = nil }

// load reads the projects, scheme, plan and open conflicts, then tells
// every listener. A failure to list the projects leaves the store as it was.
func (s *store) load(ctx context.Context) error {
	reg := s.register()
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
