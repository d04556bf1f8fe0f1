package register

import "fmt"

// The 2025 plan's five fields and the three working-level councils that group
// them. Plan years and schemes are data: later plans add rows, not code.
var defaultScheme = []struct{ field, group string }{
	{"경제·산업·해양", "경제·산업·해양"},
	{"도시기반(인프라)", "도시기반·방재"},
	{"문화·관광", "문화·관광"},
	{"방재·안전", "도시기반·방재"},
	{"추진체계 및 제도", "도시기반·방재"},
}

func defaultSchemeInserts() []string {
	out := []string{`INSERT INTO plan_years(plan_year, projects, continuing, new) VALUES (2025, 43, 35, 8)`}
	for i, f := range defaultScheme {
		out = append(out, fmt.Sprintf(
			`INSERT INTO field_schemes(plan_year, position, field, work_group) VALUES (2025, %d, '%s', '%s')`,
			i+1, f.field, f.group))
	}
	return out
}
