package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

// conflictsView lists the cities' disagreements by project and records an
// official's decision: keep, take a city's value, or type one.
type conflictsView struct {
	u       *UI
	content fyne.CanvasObject

	showDecided *widget.Check
	items       []*register.Conflict
	current     *register.Conflict
	list        *widget.List
	detail      *fyne.Container
	typed       *imeEntry
}

func newConflictsView(u *UI) *conflictsView {
	v := &conflictsView{u: u}
	v.list = textList(func() int { return len(v.items) }, func(i int) string {
		c := v.items[i]
		text := fmt.Sprintf("%s %s · %s", c.Code, c.Name, fieldLabel(c.Field))
		if c.Status != register.ConflictOpen {
			text = "✓ " + text
		}
		return text
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		if i < len(v.items) {
			v.current = v.items[i]
			v.showCurrent()
		}
	}
	v.showDecided = widget.NewCheck(lang.L("Show decided conflicts too"), func(bool) { v.refresh() })
	v.detail = container.NewVBox()
	split := container.NewHSplit(container.NewBorder(v.showDecided, nil, nil, nil, v.list), container.NewVScroll(v.detail))
	split.Offset = 0.4
	v.content = split
	return v
}

// refresh reads the conflicts again.
func (v *conflictsView) refresh() {
	items := v.u.conflicts
	if v.showDecided.Checked {
		all, err := v.u.reg.Conflicts(context.Background(), true)
		if err == nil {
			items = all
		}
	}
	v.items = items
	v.list.Refresh()
	var keep *register.Conflict
	if v.current != nil {
		for i, c := range v.items {
			if c.ID == v.current.ID {
				keep = c
				v.list.Select(i)
			}
		}
	}
	v.current = keep
	if keep == nil {
		v.list.UnselectAll()
	}
	v.showCurrent()
}

func (v *conflictsView) showCurrent() {
	u := v.u
	v.detail.Objects = nil
	c := v.current
	if c == nil {
		text := lang.L("No open conflicts. When the cities' sheets disagree, the disagreements appear here.")
		if len(v.items) > 0 {
			text = lang.L("Choose a conflict on the left.")
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		v.detail.Add(l)
		v.detail.Refresh()
		return
	}
	title := widget.NewLabelWithStyle(fmt.Sprintf("%s %s — %s", c.Code, c.Name, fieldLabel(c.Field)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	v.detail.Add(title)
	current := ""
	for _, p := range u.all {
		if p.ID == c.ProjectID {
			current = p.Get(c.Field)
		}
	}
	v.detail.Add(widget.NewLabel(lang.L("Register value now: {{.Value}}", map[string]any{"Value": displayValue(c.Field, current, u.unit)})))
	open := c.Status == register.ConflictOpen && !u.reg.ReadOnly()
	for _, cv := range c.Values {
		cv := cv
		who := cityName(string(cv.City))
		if cv.Lead || cv.City == c.LeadCity {
			who += " " + lang.L("(lead city)")
		}
		src := joinNonEmpty(" › ", filepath.Base(cv.File), cv.Sheet, cv.Cell)
		from := lang.L("from {{.Source}}", map[string]any{"Source": src})
		if cv.AsOf != "" {
			from = lang.L("from {{.Source}}, as of {{.AsOf}}", map[string]any{"Source": src, "AsOf": cv.AsOf})
		}
		text := fmt.Sprintf("%s: %s\n%s", who, displayValue(c.Field, cv.Value, u.unit), from)
		if cv.Raw != "" && cv.Raw != cv.Value {
			text += " · " + lang.L("written as “{{.Raw}}”", map[string]any{"Raw": cv.Raw})
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		take := widget.NewButton(lang.L("Take {{.City}}'s value", map[string]any{"City": cityName(string(cv.City))}), func() {
			v.resolve(register.DecideTake, cv.City, "")
		})
		if !open {
			take.Disable()
		}
		v.detail.Add(widget.NewCard("", "", container.NewBorder(nil, nil, nil, take, l)))
	}
	if c.Status != register.ConflictOpen {
		decision := c.Decision
		switch {
		case decision == register.DecideKeep:
			decision = lang.L("kept the register's value")
		case strings.HasPrefix(decision, register.DecideTake+":"):
			decision = lang.L("took {{.City}}'s value", map[string]any{"City": cityName(strings.TrimPrefix(decision, register.DecideTake+":"))})
		case decision == register.DecideTyped:
			decision = lang.L("typed a value")
		case c.Status == register.ConflictSuperseded:
			decision = lang.L("the cities came to agree")
		}
		l := widget.NewLabel(lang.L("Decided: {{.Decision}} → {{.Value}} · by {{.By}}, {{.At}}", map[string]any{
			"Decision": decision, "Value": displayValue(c.Field, c.DecidedValue, u.unit), "By": c.DecidedBy, "At": shortTime(c.DecidedAt)}))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.SuccessImportance
		v.detail.Add(l)
		v.detail.Refresh()
		return
	}
	keep := widget.NewButton(lang.L("Keep the register's value"), func() { v.resolve(register.DecideKeep, "", "") })
	v.typed = newIMEEntry(u.win)
	v.typed.SetPlaceHolder(lang.L("or type the right value"))
	useTyped := widget.NewButton(lang.L("Use typed value"), func() { v.resolveTyped() })
	v.typed.OnSubmitted = func(string) { v.resolveTyped() }
	if !open {
		keep.Disable()
		useTyped.Disable()
		v.typed.Disable()
	}
	v.detail.Add(keep)
	v.detail.Add(container.NewBorder(nil, nil, nil, useTyped, v.typed))
	v.detail.Refresh()
}

// resolveTyped converts what was typed (amounts in the chosen unit,
// months as officials write them) to the field's canonical text.
func (v *conflictsView) resolveTyped() {
	c := v.current
	if c == nil {
		return
	}
	text := strings.TrimSpace(v.typed.Text)
	val := text
	var err error
	switch {
	case strings.HasPrefix(string(c.Field), "budget_won."):
		var won int64
		won, err = parseAmount(text, v.u.unit)
		val = fmt.Sprint(won)
	case c.Field == model.FStart || c.Field == model.FEnd:
		if text != "" {
			val, err = parseMonth(text)
		}
	case c.Field == model.FProgress:
		if err = validProgress(text); err == nil && text != "" {
			val = strings.TrimSuffix(text, "%")
		}
	}
	if err != nil {
		v.u.message(lang.L("Cannot use this value"), errText(err))
		return
	}
	v.resolve(register.DecideTyped, "", val)
}

func (v *conflictsView) resolve(decision string, city model.City, typed string) {
	c := v.current
	u := v.u
	id := c.ID
	u.quietly(func(ctx context.Context) error {
		_, err := u.reg.Resolve(ctx, id, decision, city, typed)
		return err
	}, func(err error) {
		u.reload()
	})
}
