package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/value"
)

// unitFromPref reads the unit preference (default 백만원).
func unitFromPref(n int) value.Unit {
	for _, u := range field.Units {
		if int(u) == n {
			return u
		}
	}
	return value.Baekman
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
	case "plan":
		return lang.L("plan year")
	case "round":
		return lang.L("meeting round")
	}
	return k
}

func parseTime(s string) (time.Time, error) { return time.Parse(time.RFC3339, s) }
