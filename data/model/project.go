package model

import "time"

// Kind says whether a project continues from earlier plans or is new this year.
type Kind string

const (
	Continuing Kind = "continuing" // 계속
	New        Kind = "new"        // 신규
)

// Korean is the label sheets use: 계속 or 신규.
func (k Kind) Korean() string {
	switch k {
	case Continuing:
		return "계속"
	case New:
		return "신규"
	}
	return ""
}

// ParseKind reads 계속/신규 (or the English key).
func ParseKind(s string) (Kind, bool) {
	switch s {
	case "계속", "계속사업", string(Continuing):
		return Continuing, true
	case "신규", "신규사업", string(New):
		return New, true
	}
	return "", false
}

// Contact is one city's officer for a project.
type Contact struct {
	Department string `json:"department,omitempty"`
	Officer    string `json:"officer,omitempty"`
	Phone      string `json:"phone,omitempty"`
}

// Empty reports whether nothing is known.
func (c Contact) Empty() bool { return c == Contact{} }

// Project is one joint cooperation project as the register holds it.
// Months are "YYYY-MM"; an empty End means open-ended (계속) or not set.
type Project struct {
	ID         int64            `json:"-"`
	Code       string           `json:"code"`
	Name       string           `json:"name"`
	Aliases    []string         `json:"aliases"`
	Field      string           `json:"field"`
	Kind       Kind             `json:"kind"`
	LeadCity   City             `json:"lead_city"`
	Cities     []City           `json:"cities"`
	Start      string           `json:"start"`
	End        *string          `json:"end"`
	PeriodRaw  string           `json:"-"` // the lead sheet\'s text; every raw text is also in the provenance
	Budget     Budget           `json:"budget_won"`
	Progress   *float64         `json:"progress_pct"`
	Stage      string           `json:"stage"`
	Overview   string           `json:"overview,omitempty"`
	Activities string           `json:"activities,omitempty"` // 추진현황/실적
	Problems   string           `json:"problems,omitempty"`
	NextSteps  string           `json:"next_steps,omitempty"`
	Notes      string           `json:"notes,omitempty"`
	AsOf       string           `json:"as_of"` // YYYY-MM-DD of the newest sheet that set a value
	Contacts   map[City]Contact `json:"contacts,omitempty"`
	Deleted    bool             `json:"deleted,omitempty"`
	Version    int64            `json:"-"` // row version, for edits made against a stale copy
	UpdatedAt  time.Time        `json:"-"`
	OpenIssues int              `json:"-"` // open conflicts, filled by listings
}

// EndMonth returns End or "" when open.
func (p *Project) EndMonth() string {
	if p.End == nil {
		return ""
	}
	return *p.End
}

// HasCity reports whether c leads or joins the project.
func (p *Project) HasCity(c City) bool {
	for _, x := range p.Cities {
		if x == c {
			return true
		}
	}
	return p.LeadCity == c
}
