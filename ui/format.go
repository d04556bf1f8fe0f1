package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/value"
)

// Units the user may choose for amounts.
var units = []value.Unit{value.Won, value.Cheon, value.Baekman, value.Eok}

// unitFromPref reads the unit preference (default 백만원).
func unitFromPref(n int) value.Unit {
	for _, u := range units {
		if int(u) == n {
			return u
		}
	}
	return value.Baekman
}

// formatAmount renders won in unit u exactly (see value.FormatAmount).
func formatAmount(won int64, u value.Unit) string { return value.FormatAmount(won, u) }

// parseAmount reads what the user typed in unit u ("1,234.5", "800억",
// "△1,200") into won, with the data layer's own message on error.
func parseAmount(text string, u value.Unit) (int64, error) {
	a, err := value.ParseAmount(text, u, 6)
	if err != nil {
		return 0, err
	}
	return a.Won, nil
}

// fieldLabel is a field's name in the UI language.
func fieldLabel(k model.FieldKey) string {
	switch k {
	case model.FName:
		return lang.L("Project name")
	case model.FField:
		return lang.L("Field")
	case model.FKind:
		return lang.L("Type")
	case model.FLead:
		return lang.L("Lead city")
	case model.FCities:
		return lang.L("Participating cities")
	case model.FStart:
		return lang.L("Start")
	case model.FEnd:
		return lang.L("End")
	case model.FProgress:
		return lang.L("Progress (%)")
	case model.FStage:
		return lang.L("Stage")
	case model.FOverview:
		return lang.L("Overview")
	case model.FActivities:
		return lang.L("Activities")
	case model.FProblems:
		return lang.L("Problems")
	case model.FNextSteps:
		return lang.L("Next steps")
	case model.FNotes:
		return lang.L("Notes")
	}
	if t, ok := model.TierOf(k); ok {
		return tierLabel(t)
	}
	return string(k)
}

// tierLabel names a funding tier in the UI language.
func tierLabel(t model.Tier) string {
	switch t {
	case model.Total:
		return lang.L("Total budget")
	case model.National:
		return lang.L("National")
	case model.Regional:
		return lang.L("Regional (province / Ulsan city)")
	case model.Local:
		return lang.L("Local (city / district)")
	case model.Private:
		return lang.L("Private")
	case model.Other:
		return lang.L("Other funds")
	}
	return string(t)
}

// kindLabel names continuing/new in the UI language.
func kindLabel(k model.Kind) string {
	switch k {
	case model.Continuing:
		return lang.L("Continuing")
	case model.New:
		return lang.L("New")
	}
	return ""
}

// unitLabel names a unit: 원, 천원, 백만원, 억원 (or in English).
func unitLabel(u value.Unit) string {
	switch u {
	case value.Won:
		return lang.L("won")
	case value.Cheon:
		return lang.L("thousand won")
	case value.Baekman:
		return lang.L("million won")
	case value.Eok:
		return lang.L("100 million won")
	}
	return u.String()
}

// displayValue renders a field's canonical text for reading.
func displayValue(k model.FieldKey, v string, u value.Unit) string {
	if v == "" {
		switch k {
		case model.FEnd:
			return lang.L("ongoing")
		}
		return "—"
	}
	if _, ok := model.TierOf(k); ok {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return formatAmount(n, u) + " " + unitLabel(u)
		}
	}
	switch k {
	case model.FProgress:
		return v + "%"
	case model.FLead:
		return cityName(v)
	case model.FCities:
		var names []string
		for _, c := range strings.Split(v, ",") {
			names = append(names, cityName(c))
		}
		return strings.Join(names, ", ")
	case model.FKind:
		return kindLabel(model.Kind(v))
	}
	return v
}

// period renders a project's period: 2024-03 ~ 2028-12, 2025-01 ~ 계속.
func period(p *model.Project) string {
	if p.Start == "" && p.End == nil {
		return ""
	}
	end := p.EndMonth()
	if end == "" {
		end = lang.L("ongoing")
	}
	return p.Start + "~" + end
}

// progressText renders progress or a dash.
func progressText(p *model.Project) string {
	if p.Progress == nil {
		return "—"
	}
	return model.FormatProgress(*p.Progress) + "%"
}

// batchKindLabel names a batch kind.
func batchKindLabel(k string) string {
	switch k {
	case "import":
		return lang.L("import")
	case "edit":
		return lang.L("edit")
	case "resolve":
		return lang.L("conflict decision")
	case "create":
		return lang.L("added")
	case "delete":
		return lang.L("deleted or restored")
	case "undo":
		return lang.L("undo")
	}
	return k
}

func parseTime(s string) (time.Time, error) { return time.Parse(time.RFC3339, s) }
