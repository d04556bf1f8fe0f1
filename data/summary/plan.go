package summary

import (
	"cmp"
	"strings"

	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
)

// PlanCheck compares the register with its plan year: the plan's count of
// projects (continuing + new) against the register's.
type PlanCheck struct {
	Plan                      register.Plan
	Projects, Continuing, New int
	OutsidePlan               []string // fields of projects that the plan does not have
	Agrees                    bool
}

var (
	msgPlanAgrees = msg.Define("summary.plan_agrees",
		"%d 시행계획 %d건 = 계속 %d + 신규 %d · 등록부 %d = %d + %d ✔",
		"%d plan: %d projects = %d continuing + %d new · register %d = %d + %d ✔")
	msgPlanDiffers = msg.Define("summary.plan_differs",
		"%d 시행계획 %d건 = 계속 %d + 신규 %d · 등록부 %d = %d + %d ✘ 다릅니다",
		"%d plan: %d projects = %d continuing + %d new · register %d = %d + %d ✘ differs")
	msgNoPlan = msg.Define("summary.no_plan",
		"시행계획이 입력되지 않았습니다 · 등록부 %d건 = 계속 %d + 신규 %d",
		"no plan year entered · register %d = %d continuing + %d new")
	msgOutsidePlan = msg.Define("summary.outside_plan",
		"시행계획에 없는 분야: %s",
		"fields not in the plan: %s")
)

func checkPlan(plan register.Plan, s Summary) PlanCheck {
	c := PlanCheck{Plan: plan, Projects: s.Projects, Continuing: s.Continuing, New: s.New}
	inPlan := map[string]bool{}
	for _, f := range plan.Fields {
		inPlan[f] = true
	}
	for _, g := range s.ByField {
		if !inPlan[g.Name] && len(g.Projects) > 0 && plan.Year != 0 {
			c.OutsidePlan = append(c.OutsidePlan, g.Name)
		}
	}
	c.Agrees = plan.Year != 0 && plan.Projects == s.Projects && plan.Continuing == s.Continuing &&
		plan.New == s.New && len(c.OutsidePlan) == 0
	return c
}

// Text is the check as one line: "2025 시행계획 43건 = 계속 35 + 신규 8 ·
// 등록부 43 = 35 + 8 ✔", or what differs.
func (c PlanCheck) Text() string { return c.TextIn(msg.Language()) }

// TextIn is Text in language l (the council's report is in Korean).
func (c PlanCheck) TextIn(l msg.Lang) string {
	p := c.Plan
	if p.Year == 0 {
		return msg.TextIn(l, msgNoPlan, c.Projects, c.Continuing, c.New)
	}
	id := msgPlanAgrees
	if !c.Agrees {
		id = msgPlanDiffers
	}
	text := msg.TextIn(l, id, p.Year, p.Projects, p.Continuing, p.New, c.Projects, c.Continuing, c.New)
	if len(c.OutsidePlan) > 0 {
		text += " · " + msg.TextIn(l, msgOutsidePlan, joinNames(c.OutsidePlan))
	}
	return text
}

func joinNames(names []string) string {
	shown := make([]string, len(names))
	for i, n := range names {
		shown[i] = cmp.Or(n, "—")
	}
	return strings.Join(shown, ", ")
}
