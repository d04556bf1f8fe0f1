// Package query filters, searches and sorts the register's projects for the
// window: pure Go, no widgets, so it is tested and measured alone.
//
// Search matches Korean text the way officials type it: a part of the name,
// of any alias a city used, or of the code, compared after
// value.NormalizeName (spacing, middle dots and brackets do not matter), and
// initial consonants alone (ㅇㅇㅁ finds 영일만대교).
package query

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/value"
)

// Filter narrows the list. Zero values match everything.
type Filter struct {
	Field        string     // exact field (분야) name
	City         model.City // leads or joins
	Kind         model.Kind // continuing / new
	Stage        string     // exact stage (단계)
	HasConflicts bool       // only projects with open conflicts
	Text         string     // search as you type
	Deleted      bool       // show soft-deleted projects instead of live ones
}

// Column is a sortable column of the register table.
type Column int

const (
	ByCode Column = iota
	ByField
	ByName
	ByLead
	ByPeriod
	ByTotal
	ByProgress
	ByStage
	ByConflicts
)

// Columns lists the register table's columns in display order.
var Columns = []Column{ByCode, ByField, ByName, ByLead, ByPeriod, ByTotal, ByProgress, ByStage, ByConflicts}

// Set is a list of projects with their search keys computed once, so that
// filtering as the user types does not normalise every name again.
type Set struct {
	items []item
}

type item struct {
	p        *model.Project
	keys     []string // normalised code, name, aliases
	initials []string // initial consonants of name and aliases
}

// NewSet indexes projects for filtering.
func NewSet(ps []*model.Project) *Set {
	s := &Set{items: make([]item, len(ps))}
	for i, p := range ps {
		it := item{p: p, keys: make([]string, 0, 2+len(p.Aliases))}
		it.keys = append(it.keys, value.NormalizeName(p.Code), value.NormalizeName(p.Name))
		it.initials = append(it.initials, Initials(it.keys[1]))
		for _, a := range p.Aliases {
			n := value.NormalizeName(a)
			it.keys = append(it.keys, n)
			it.initials = append(it.initials, Initials(n))
		}
		s.items[i] = it
	}
	return s
}

// Len is the number of projects in the set.
func (s *Set) Len() int { return len(s.items) }

// Projects returns every project of the set, in its original order.
func (s *Set) Projects() []*model.Project {
	out := make([]*model.Project, len(s.items))
	for i, it := range s.items {
		out[i] = it.p
	}
	return out
}

// Filter returns the projects that pass f, in the set's order.
func (s *Set) Filter(f Filter) []*model.Project {
	q := value.NormalizeName(f.Text)
	initialsOnly := q != "" && isAllInitials(q)
	out := make([]*model.Project, 0, len(s.items))
	for i := range s.items {
		it := &s.items[i]
		p := it.p
		if p.Deleted != f.Deleted ||
			f.Field != "" && p.Field != f.Field ||
			f.City != "" && !p.HasCity(f.City) ||
			f.Kind != "" && p.Kind != f.Kind ||
			f.Stage != "" && p.Stage != f.Stage ||
			f.HasConflicts && p.OpenIssues == 0 {
			continue
		}
		if q != "" && !it.matches(q, initialsOnly) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func (it *item) matches(q string, initialsOnly bool) bool {
	for _, k := range it.keys {
		if strings.Contains(k, q) {
			return true
		}
	}
	if initialsOnly {
		for _, k := range it.initials {
			if strings.Contains(k, q) {
				return true
			}
		}
	}
	return false
}

// Apply is Set.Filter for a one-off list.
func Apply(ps []*model.Project, f Filter) []*model.Project { return NewSet(ps).Filter(f) }

// Sort orders ps in place by column c, ascending or descending; ties keep
// code order so the table never jumps.
func Sort(ps []*model.Project, c Column, desc bool) {
	cmpFn := compare(c)
	slices.SortStableFunc(ps, func(a, b *model.Project) int {
		r := cmpFn(a, b)
		if desc {
			r = -r
		}
		if r == 0 {
			r = strings.Compare(a.Code, b.Code)
		}
		return r
	})
}

func compare(c Column) func(a, b *model.Project) int {
	switch c {
	case ByField:
		return func(a, b *model.Project) int { return strings.Compare(a.Field, b.Field) }
	case ByName:
		return func(a, b *model.Project) int { return strings.Compare(a.Name, b.Name) }
	case ByLead:
		return func(a, b *model.Project) int { return cmp.Compare(cityOrder(a.LeadCity), cityOrder(b.LeadCity)) }
	case ByPeriod:
		return func(a, b *model.Project) int {
			if r := strings.Compare(a.Start, b.Start); r != 0 {
				return r
			}
			return strings.Compare(endKey(a), endKey(b))
		}
	case ByTotal:
		return func(a, b *model.Project) int { return cmp.Compare(a.Budget.Total, b.Budget.Total) }
	case ByProgress:
		return func(a, b *model.Project) int { return cmp.Compare(progress(a), progress(b)) }
	case ByStage:
		return func(a, b *model.Project) int { return strings.Compare(a.Stage, b.Stage) }
	case ByConflicts:
		return func(a, b *model.Project) int { return cmp.Compare(a.OpenIssues, b.OpenIssues) }
	}
	return func(a, b *model.Project) int { return strings.Compare(a.Code, b.Code) }
}

func cityOrder(c model.City) int {
	for i, x := range model.Cities {
		if x == c {
			return i
		}
	}
	return len(model.Cities)
}

// endKey sorts open-ended periods after every dated end.
func endKey(p *model.Project) string {
	if p.End == nil {
		return "9999-99"
	}
	return *p.End
}

// progress sorts unknown progress before 0%.
func progress(p *model.Project) float64 {
	if p.Progress == nil {
		return -1
	}
	return *p.Progress
}

// Values lists the distinct non-empty values of a text field among ps,
// sorted: the choices of a filter's drop-down.
func Values(ps []*model.Project, get func(*model.Project) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range ps {
		v := get(p)
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// initial consonants of the Hangul syllables, as compatibility jamo (what a
// keyboard types alone: ㄱ, ㄲ, ㄴ …).
var choseong = []rune("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")

// Initials replaces every Hangul syllable of s by its initial consonant and
// keeps other characters: "영일만대교" → "ㅇㅇㅁㄷㄱ".
func Initials(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0xAC00 && r <= 0xD7A3 {
			r = choseong[(r-0xAC00)/588]
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isAllInitials(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r < 0x3131 || r > 0x314E { // compatibility consonants ㄱ…ㅎ
			return false
		}
		s = s[n:]
	}
	return true
}
