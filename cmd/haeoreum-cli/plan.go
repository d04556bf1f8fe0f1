package main

import (
	"fmt"
	"strings"

	"github.com/haeoreum/register/data/register"
)

// fieldFlags collects repeated --field '분야=실무협의회' flags in order.
type fieldFlags struct {
	names  []string
	groups map[string]string
}

func (f *fieldFlags) String() string { return strings.Join(f.names, ", ") }

func (f *fieldFlags) Set(v string) error {
	name, group, _ := strings.Cut(v, "=")
	name, group = strings.TrimSpace(name), strings.TrimSpace(group)
	if f.groups == nil {
		f.groups = map[string]string{}
	}
	f.names = append(f.names, name)
	f.groups[name] = group
	return nil
}

// cmdPlan shows the plan year the register is compared with, or enters one:
//
//	plan
//	plan set --year 2026 --projects 45 --continuing 40 --new 5 --field '경제·산업·해양=경제·산업·해양' ...
func cmdPlan(e *env, args []string) error {
	if len(args) > 0 && args[0] == "set" {
		return cmdPlanSet(e, args[1:])
	}
	if len(args) != 0 {
		return usageError{"plan [set --year Y --projects N --continuing N --new N --field '분야=실무협의회'...]"}
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	p, err := r.Plan(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d 시행계획 / plan: %d = 계속 %d + 신규 %d\n", p.Year, p.Projects, p.Continuing, p.New)
	for i, f := range p.Fields {
		fmt.Fprintf(e.stdout, "  %d. %s — %s\n", i+1, f, p.Groups[f])
	}
	return nil
}

func cmdPlanSet(e *env, args []string) error {
	fs := flags("plan set")
	var p register.Plan
	fs.IntVar(&p.Year, "year", 0, "")
	fs.IntVar(&p.Projects, "projects", 0, "")
	fs.IntVar(&p.Continuing, "continuing", 0, "")
	fs.IntVar(&p.New, "new", 0, "")
	var fields fieldFlags
	fs.Var(&fields, "field", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if p.Year == 0 || len(fields.names) == 0 {
		return usageError{"plan set: --year Y --projects N --continuing N --new N and one --field '분야=실무협의회' per field, in order"}
	}
	p.Fields, p.Groups = fields.names, fields.groups
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = r.SetPlan(ctx, p)
	return err
}
