// Package field is where each field of a project owns its text: its label,
// how a person's typed text is read into the register's canonical form (in a
// given unit), how a stored value is shown, and the invariants a whole
// project must keep. The window's form, the conflict dialog, the CLI's
// `resolve --value`, the register's edits and the report all ask here, so
// they can never disagree.
package field

import (
	"strconv"
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/value"
)

var labels = map[model.FieldKey]msg.ID{
	model.FName:                     msg.Define("field.name", "사업명", "Project name"),
	model.FField:                    msg.Define("field.field", "분야", "Field"),
	model.FKind:                     msg.Define("field.kind", "구분", "Type"),
	model.FLead:                     msg.Define("field.lead_city", "주관 도시", "Lead city"),
	model.FCities:                   msg.Define("field.cities", "참여 도시", "Participating cities"),
	model.FStart:                    msg.Define("field.start", "착수", "Start"),
	model.FEnd:                      msg.Define("field.end", "완료", "End"),
	model.FProgress:                 msg.Define("field.progress_pct", "추진율(%%)", "Progress (%%)"),
	model.FStage:                    msg.Define("field.stage", "단계", "Stage"),
	model.FOverview:                 msg.Define("field.overview", "사업개요", "Overview"),
	model.FActivities:               msg.Define("field.activities", "추진실적", "Activities"),
	model.FProblems:                 msg.Define("field.problems", "문제점", "Problems"),
	model.FNextSteps:                msg.Define("field.next_steps", "향후계획", "Next steps"),
	model.FNotes:                    msg.Define("field.notes", "비고", "Notes"),
	model.BudgetKey(model.Total):    msg.Define("field.budget.total", "총사업비", "Total budget"),
	model.BudgetKey(model.National): msg.Define("field.budget.national", "국비", "National"),
	model.BudgetKey(model.Regional): msg.Define("field.budget.regional", "광역비(도비·울산 시비)", "Regional (province / Ulsan city)"),
	model.BudgetKey(model.Local):    msg.Define("field.budget.local", "기초비(시비·구군비)", "Local (city / district)"),
	model.BudgetKey(model.Private):  msg.Define("field.budget.private", "민자", "Private"),
	model.BudgetKey(model.Other):    msg.Define("field.budget.other", "기타", "Other funds"),
	// not project fields, but what history and provenance name
	"as_of":      msg.Define("field.as_of", "기준일", "As of"),
	"period_raw": msg.Define("field.period_raw", "사업기간(원문)", "Period as written"),
	"deleted":    msg.Define("field.deleted", "삭제", "Deleted"),
	"alias":      msg.Define("field.alias", "별칭", "Alias"),
	"contact":    msg.Define("field.contact", "담당", "Contact"),
	"code":       msg.Define("field.code", "코드", "Code"),
	"created":    msg.Define("field.created", "사업 추가", "Project added"),
}

// Label is the field's name in the current language, the one the window,
// the CLI and the report all print. An unknown key is shown as it is, so
// nothing is ever silent, but every key the register writes has a label.
func Label(k model.FieldKey) string { return LabelIn(msg.Language(), k) }

// LabelIn is the field's name in language l (the council's report is
// Korean whatever the language of the program).
func LabelIn(l msg.Lang, k model.FieldKey) string {
	if id, ok := labels[k]; ok {
		return msg.TextIn(l, id)
	}
	return string(k)
}

// Known reports whether k is a field or bookkeeping key with a label.
func Known(k model.FieldKey) bool {
	_, ok := labels[k]
	return ok
}

var (
	msgOngoing   = msg.Define("field.ongoing", "계속", "ongoing")
	msgNothing   = msg.Define("field.nothing", "—", "—")
	msgPohang    = msg.Define("field.city.pohang", "포항", "Pohang")
	msgUlsan     = msg.Define("field.city.ulsan", "울산", "Ulsan")
	msgGyeongju  = msg.Define("field.city.gyeongju", "경주", "Gyeongju")
	msgContinued = msg.Define("field.kind.continuing", "계속", "Continuing")
	msgNewKind   = msg.Define("field.kind.new", "신규", "New")
	// the soft-delete flag as the history shows it
	msgDeletedYes = msg.Define("field.deleted.yes", "삭제됨", "deleted")
	msgDeletedNo  = msg.Define("field.deleted.no", "목록에 있음", "listed")
)

// CityName is a city's name in the current language.
func CityName(c model.City) string {
	switch c {
	case model.Pohang:
		return msg.Text(msgPohang)
	case model.Ulsan:
		return msg.Text(msgUlsan)
	case model.Gyeongju:
		return msg.Text(msgGyeongju)
	}
	return string(c)
}

// KindName names continuing/new in the current language.
func KindName(k model.Kind) string {
	switch k {
	case model.Continuing:
		return msg.Text(msgContinued)
	case model.New:
		return msg.Text(msgNewKind)
	}
	return ""
}

// Display renders a field's canonical text for a person: amounts in unit u
// with thousands separators and the unit's name, months as written, cities
// and kinds by name, an open end as 계속.
func Display(k model.FieldKey, v string, u value.Unit) string {
	if v == "" {
		if k == model.FEnd {
			return msg.Text(msgOngoing)
		}
		return msg.Text(msgNothing)
	}
	if _, ok := model.TierOf(k); ok {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return Amount(n, u)
		}
	}
	switch k {
	case model.FProgress:
		return v + "%"
	case model.FLead:
		return CityName(model.City(v))
	case model.FCities:
		var names []string
		for _, c := range strings.Split(v, ",") {
			names = append(names, CityName(model.City(c)))
		}
		return strings.Join(names, ", ")
	case model.FKind:
		return KindName(model.Kind(v))
	case "deleted": // the history's soft-delete flag, 0 or 1
		if v == "1" {
			return msg.Text(msgDeletedYes)
		}
		return msg.Text(msgDeletedNo)
	}
	return v
}

// Amount renders won in unit u exactly, with the unit's name: "1,234.5 백만원".
func Amount(won int64, u value.Unit) string {
	return value.FormatAmount(won, u) + " " + UnitName(u)
}

var unitNames = map[value.Unit]msg.ID{
	value.Won:     msg.Define("unit.won", "원", "won"),
	value.Cheon:   msg.Define("unit.cheon", "천원", "thousand won"),
	value.Baekman: msg.Define("unit.baekman", "백만원", "million won"),
	value.Eok:     msg.Define("unit.eok", "억원", "100 million won"),
}

// Units are the units a person may choose to read and type amounts in.
var Units = []value.Unit{value.Won, value.Cheon, value.Baekman, value.Eok}

// UnitName names a unit in the current language: 백만원, "million won".
func UnitName(u value.Unit) string {
	if id, ok := unitNames[u]; ok {
		return msg.Text(id)
	}
	return u.String()
}

// ParseUnit reads a unit a person names: 원, 천원, 백만원, 억원 (or 억), or
// the English won, thousand, million, 100million.
func ParseUnit(s string) (value.Unit, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "won", "1":
		return value.Won, true
	case "thousand", "cheon", "1000":
		return value.Cheon, true
	case "million", "baekman", "1000000":
		return value.Baekman, true
	case "100million", "eok", "100000000":
		return value.Eok, true
	}
	if u, ok := value.FindUnit("(" + s + ")"); ok {
		for _, known := range Units {
			if u == known {
				return u, true
			}
		}
	}
	return 0, false
}
