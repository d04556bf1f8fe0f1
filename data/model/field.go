package model

import (
	"strconv"
	"strings"
)

// FieldKey names one comparable value of a project. The names are those of
// the CLI's JSON (conflicts use them): "budget_won.total", "end", …
type FieldKey string

const (
	FName       FieldKey = "name"
	FField      FieldKey = "field"
	FKind       FieldKey = "kind"
	FLead       FieldKey = "lead_city"
	FCities     FieldKey = "cities"
	FStart      FieldKey = "start"
	FEnd        FieldKey = "end"
	FProgress   FieldKey = "progress_pct"
	FStage      FieldKey = "stage"
	FOverview   FieldKey = "overview"
	FActivities FieldKey = "activities"
	FProblems   FieldKey = "problems"
	FNextSteps  FieldKey = "next_steps"
	FNotes      FieldKey = "notes"
)

// BudgetKey is the field key of a funding tier: "budget_won.national".
func BudgetKey(t Tier) FieldKey { return FieldKey("budget_won." + string(t)) }

// TierOf returns the tier of a budget key.
func TierOf(k FieldKey) (Tier, bool) {
	s, ok := strings.CutPrefix(string(k), "budget_won.")
	return Tier(s), ok
}

// Fields lists every field key in display order.
var Fields = func() []FieldKey {
	f := []FieldKey{FName, FField, FKind, FLead, FCities, FStart, FEnd}
	for _, t := range AllTiers {
		f = append(f, BudgetKey(t))
	}
	return append(f, FProgress, FStage, FOverview, FActivities, FProblems, FNextSteps, FNotes)
}()

// Compared reports whether disagreeing city values of this field are a
// conflict. Narrative text (activities, problems…) is each city's own account.
func (k FieldKey) Compared() bool {
	switch k {
	case FOverview, FActivities, FProblems, FNextSteps, FNotes, FName:
		return false
	}
	return true
}

// Get returns the canonical text of field k: integers for amounts, "45.5"
// for progress, "YYYY-MM" for months, "" for unset or open.
func (p *Project) Get(k FieldKey) string {
	if t, ok := TierOf(k); ok {
		return strconv.FormatInt(p.Budget.Get(t), 10)
	}
	switch k {
	case FName:
		return p.Name
	case FField:
		return p.Field
	case FKind:
		return string(p.Kind)
	case FLead:
		return string(p.LeadCity)
	case FCities:
		return JoinCities(p.Cities)
	case FStart:
		return p.Start
	case FEnd:
		return p.EndMonth()
	case FProgress:
		if p.Progress == nil {
			return ""
		}
		return FormatProgress(*p.Progress)
	case FStage:
		return p.Stage
	case FOverview:
		return p.Overview
	case FActivities:
		return p.Activities
	case FProblems:
		return p.Problems
	case FNextSteps:
		return p.NextSteps
	case FNotes:
		return p.Notes
	}
	return ""
}

// Set changes field k from its canonical text, checking the value.
func (p *Project) Set(k FieldKey, v string) error {
	if t, ok := TierOf(k); ok {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return bad(msgNotWhole, v)
		}
		p.Budget.Set(t, n)
		return nil
	}
	switch k {
	case FName:
		if strings.TrimSpace(v) == "" {
			return bad(msgEmptyName)
		}
		p.Name = v
	case FField:
		p.Field = v
	case FKind:
		if v != "" && v != string(Continuing) && v != string(New) {
			return bad(msgBadKindKey, v)
		}
		p.Kind = Kind(v)
	case FLead:
		if v != "" && !City(v).Valid() {
			return bad(msgBadCityKey, v)
		}
		p.LeadCity = City(v)
	case FCities:
		var cs []City
		for _, s := range strings.Split(v, ",") {
			if s == "" {
				continue
			}
			if !City(s).Valid() {
				return bad(msgBadCityKey, s)
			}
			cs = append(cs, City(s))
		}
		p.Cities = SortCities(cs)
	case FStart:
		if v != "" && !ValidMonth(v) {
			return bad(msgBadMonth, v)
		}
		p.Start = v
	case FEnd:
		if v == "" {
			p.End = nil
			return nil
		}
		if !ValidMonth(v) {
			return bad(msgBadMonth, v)
		}
		p.End = &v
	case FProgress:
		if v == "" {
			p.Progress = nil
			return nil
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || !(f >= 0 && f <= 100) { // NaN fails both
			return bad(msgBadProgress, v)
		}
		// one decimal, as every sheet's progress is read
		f, _ = strconv.ParseFloat(FormatProgress(f), 64)
		p.Progress = &f
	case FStage:
		p.Stage = v
	case FOverview:
		p.Overview = v
	case FActivities:
		p.Activities = v
	case FProblems:
		p.Problems = v
	case FNextSteps:
		p.NextSteps = v
	case FNotes:
		p.Notes = v
	default:
		return bad(msgUnknownField, string(k))
	}
	return nil
}

// FormatProgress renders a percentage with at most one decimal: 45.5, 52.
func FormatProgress(f float64) string {
	return strconv.FormatFloat(float64(int64(f*10+0.5))/10, 'f', -1, 64)
}

// ValidMonth reports whether s is "YYYY-MM" with a real month.
func ValidMonth(s string) bool {
	if len(s) != 7 || s[4] != '-' {
		return false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	return err1 == nil && err2 == nil && y >= 1900 && y <= 2200 && m >= 1 && m <= 12
}
