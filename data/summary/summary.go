// Package summary computes the register's figures once, for the window's
// dashboard, the report's 총괄 and `haeoreum-cli check`: counts, budgets by
// field, work group, lead city and funding tier, progress, and how the
// register compares with its plan year.
package summary

import (
	"math"
	"sort"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

// Group is the projects of one field, work group or lead city.
type Group struct {
	Name     string
	Projects []*model.Project
	Budget   model.Budget
	Progress *float64 // average, at one decimal; nil when none reported
	Fields   []string // a work group's fields
}

// Summary is the register's figures.
type Summary struct {
	Projects   int
	Continuing int
	New        int
	Budget     model.Budget
	Progress   *float64
	ByField    []Group // the plan's fields in order, then any others
	ByWork     []Group // the working-level councils (실무협의회), as they meet
	ByLead     []Group // by lead city, in the alliance's order
	// ProgressBins counts projects by progress: 0–20, 20–40, 40–60,
	// 60–80, 80–100, not reported.
	ProgressBins [6]int
	Plan         PlanCheck
}

// Of summarises the live (not deleted) projects against the plan.
func Of(projects []*model.Project, plan register.Plan) Summary {
	var live []*model.Project
	for _, p := range projects {
		if !p.Deleted {
			live = append(live, p)
		}
	}
	s := Summary{Projects: len(live)}
	for _, p := range live {
		s.Budget.Add(p.Budget)
		switch p.Kind {
		case model.Continuing:
			s.Continuing++
		case model.New:
			s.New++
		}
		s.ProgressBins[bin(p.Progress)]++
	}
	s.Progress = averageProgress(live)
	s.ByField = groups(live, plan.Fields, func(p *model.Project) string { return p.Field })
	s.ByWork = workGroups(s.ByField, plan)
	var cities []string
	for _, c := range model.Cities {
		cities = append(cities, string(c))
	}
	s.ByLead = groups(live, cities, func(p *model.Project) string { return string(p.LeadCity) })
	s.Plan = checkPlan(plan, s)
	return s
}

func bin(progress *float64) int {
	if progress == nil {
		return 5
	}
	return min(int(*progress/20), 4)
}

// groups puts projects under their key: the given keys first, in order (even
// when empty), then any other key in sorted order, an empty key last.
func groups(ps []*model.Project, keys []string, key func(*model.Project) string) []Group {
	idx := map[string]int{}
	var out []Group
	for _, k := range keys {
		idx[k] = len(out)
		out = append(out, Group{Name: k})
	}
	var extra []string
	for _, p := range ps {
		if _, ok := idx[key(p)]; !ok {
			idx[key(p)] = -1
			extra = append(extra, key(p))
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i] != "" && (extra[j] == "" || extra[i] < extra[j]) })
	for _, k := range extra {
		idx[k] = len(out)
		out = append(out, Group{Name: k})
	}
	for _, p := range ps {
		g := &out[idx[key(p)]]
		g.Projects = append(g.Projects, p)
		g.Budget.Add(p.Budget)
	}
	for i := range out {
		out[i].Progress = averageProgress(out[i].Projects)
	}
	return out
}

// workGroups gathers the field groups by the plan's work groups; a field
// outside the plan stands as its own group.
func workGroups(byField []Group, plan register.Plan) []Group {
	idx := map[string]int{}
	var out []Group
	for _, f := range byField {
		name := plan.Groups[f.Name]
		if name == "" {
			name = f.Name
		}
		i, ok := idx[name]
		if !ok {
			i = len(out)
			idx[name] = i
			out = append(out, Group{Name: name})
		}
		g := &out[i]
		g.Fields = append(g.Fields, f.Name)
		g.Projects = append(g.Projects, f.Projects...)
		g.Budget.Add(f.Budget)
	}
	for i := range out {
		out[i].Progress = averageProgress(out[i].Projects)
	}
	return out
}

func averageProgress(ps []*model.Project) *float64 {
	sum, n := 0.0, 0
	for _, p := range ps {
		if p.Progress != nil {
			sum += *p.Progress
			n++
		}
	}
	if n == 0 {
		return nil
	}
	a := math.Round(sum/float64(n)*10) / 10
	return &a
}
