package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/value"
)

// conflictsView lists the cities' disagreements by project and records an
// official's decision: keep, take a city's value, or type one.
type conflictsView struct {
	st      *store // what it shows
	sh      *shell // the dialogs and jobs it asks for
	content fyne.CanvasObject

	showDecided *widget.Check
	items       []*register.Conflict
	current     *register.Conflict
	list        *widget.List
	detail      *fyne.Container
	typed       *imeEntry
	typedHint   *widget.Label
}

func newConflictsView(st *store, sh *shell) *conflictsView {
	v := &conflictsView{st: st, sh: sh}
	v.list = textList(func() int { return len(v.items) }, func(i int) string {
		c := v.items[i]
		text := fmt.Sprintf("%s %s · %s", c.Code, c.Name, field.Label(c.Field))
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
	st.listen(v.refresh) // the open conflicts
	return v
}

// refresh reads the conflicts again.
func (v *conflictsView) refresh() {
	items := v.st.conflicts
	if v.showDecided.Checked {
		all, err := v.st.reg.Conflicts(context.Background(), true)
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
	v.detail.Objects = nil
	v.typed = nil
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
	title := widget.NewLabelWithStyle(fmt.Sprintf("%s %s — %s", c.Code, c.Name, field.Label(c.Field)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	v.detail.Add(title)
	current := v.registerValue(c)
	v.detail.Add(widget.NewLabel(lang.L("Register value now: {{.Value}}", map[string]any{"Value": field.Display(c.Field, current, v.st.unit)})))
	open := c.Status == register.ConflictOpen && !v.st.reg.ReadOnly()
	sides, err := v.st.reg.ConflictSides(context.Background(), c)
	if err != nil {
		sides = c.Values // as stored: still every city's value, with the source it was saved with
	}
	for _, cv := range sides {
		v.detail.Add(v.sideCard(c, cv, open && cv.Value != current))
	}
	if c.Status != register.ConflictOpen {
		v.detail.Add(v.decidedLabel(c))
	} else {
		v.addDecisionControls(c, open)
	}
	v.detail.Refresh()
}

// registerValue is the conflict's field of its project as the register
// holds it now.
func (v *conflictsView) registerValue(c *register.Conflict) string {
	for _, p := range v.st.all {
		if p.ID == c.ProjectID {
			return p.Get(c.Field)
		}
	}
	return ""
}

// sideCard shows one city's value, credited to the sheet that reported it
// with that sheet's as-of date and what its cell held. Taking the value is
// offered only when it differs from the register's value: taking the value
// the register already holds is what "keep" does, and two buttons that do
// the same leave a person wondering which is right.
func (v *conflictsView) sideCard(c *register.Conflict, cv register.ConflictValue, canTake bool) fyne.CanvasObject {
	who := field.CityName(cv.City)
	if cv.Lead || cv.City == c.LeadCity {
		who += " " + lang.L("(lead city)")
	}
	src := joinNonEmpty(" › ", filepath.Base(cv.File), cv.Sheet, cv.Cell)
	from := lang.L("from {{.Source}}", map[string]any{"Source": src})
	if cv.AsOf != "" {
		from = lang.L("from {{.Source}}, as of {{.AsOf}}", map[string]any{"Source": src, "AsOf": cv.AsOf})
	}
	text := fmt.Sprintf("%s: %s\n%s", who, field.Display(c.Field, cv.Value, v.st.unit), from)
	if raw := field.RawText(c.Field, cv.Value, cv.Raw); raw != "" {
		text += " · " + lang.L("written as “{{.Raw}}”", map[string]any{"Raw": raw})
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	if !canTake {
		return widget.NewCard("", "", l)
	}
	take := widget.NewButton(lang.L("Take {{.City}}'s value", map[string]any{"City": field.CityName(cv.City)}), func() {
		v.resolve(register.Decision{Kind: register.DecideTake, City: cv.City})
	})
	return widget.NewCard("", "", container.NewBorder(nil, nil, nil, take, l))
}

// decidedLabel says how a closed conflict was settled, by whom and when.
func (v *conflictsView) decidedLabel(c *register.Conflict) fyne.CanvasObject {
	decided := c.Decided()
	decision := c.Decision
	switch {
	case decided.Kind == register.DecideKeep:
		decision = lang.L("kept the register's value")
	case decided.Kind == register.DecideTake:
		decision = lang.L("took {{.City}}'s value", map[string]any{"City": field.CityName(decided.City)})
	case decided.Kind == register.DecideTyped:
		decision = lang.L("typed a value")
	case c.Status == register.ConflictSuperseded:
		decision = lang.L("the cities came to agree")
	}
	l := widget.NewLabel(lang.L("Decided: {{.Decision}} → {{.Value}} · by {{.By}}, {{.At}}", map[string]any{
		"Decision": decision, "Value": field.Display(c.Field, c.DecidedValue, v.st.unit), "By": c.DecidedBy, "At": shortTime(c.DecidedAt)}))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.SuccessImportance
	return l
}

// addDecisionControls adds "keep" and the typed value, with the unit (or
// form) the typed text is read in beside it.
func (v *conflictsView) addDecisionControls(c *register.Conflict, open bool) {
	keep := widget.NewButton(lang.L("Keep the register's value"), func() { v.resolve(register.Decision{Kind: register.DecideKeep}) })
	v.typed = newIMEEntry(v.sh.win)
	v.typed.SetPlaceHolder(lang.L("or type the right value"))
	v.typedHint = widget.NewLabel(typedHint(c.Field, v.st.unit))
	useTyped := widget.NewButton(lang.L("Use typed value"), func() { v.resolveTyped() })
	v.typed.OnSubmitted = func(string) { v.resolveTyped() }
	if !open {
		keep.Disable()
		useTyped.Disable()
		v.typed.Disable()
	}
	v.detail.Add(keep)
	v.detail.Add(container.NewBorder(nil, nil, nil, container.NewHBox(v.typedHint, useTyped), v.typed))
}

// typedHint says how a typed value of field k is read: amounts in the
// display unit, months as 2027-12, progress in per cent.
func typedHint(k model.FieldKey, unit value.Unit) string {
	if _, ok := model.TierOf(k); ok {
		return field.UnitName(unit)
	}
	switch k {
	case model.FProgress:
		return "%"
	case model.FStart, model.FEnd:
		return lang.L("e.g. 2027-12")
	}
	return ""
}

// resolveTyped reads what was typed as every front end does (field.Parse:
// a bare amount is in the display unit, months as officials write them).
func (v *conflictsView) resolveTyped() {
	c := v.current
	if c == nil {
		return
	}
	val, err := field.Parse(c.Field, v.typed.Text, v.st.unit)
	if err != nil {
		v.sh.message(lang.L("Cannot use this value"), ErrorText(err))
		return
	}
	v.resolve(register.Decision{Kind: register.DecideTyped, Value: val})
}

func (v *conflictsView) resolve(d register.Decision) {
	c := v.current
	id := c.ID
	at := slices.IndexFunc(v.items, func(x *register.Conflict) bool { return x.ID == id })
	v.sh.quietly(func(ctx context.Context) error {
		_, err := v.st.reg.Resolve(ctx, id, d)
		return err
	}, func(err error) {
		v.st.reload()
		if err == nil {
			v.moveOn(at)
		}
	})
}

// moveOn shows the next open conflict after a decision, from where the
// decided one stood in the list (wrapping round to the top), so an official
// settling a list does not have to pick each one.
func (v *conflictsView) moveOn(from int) {
	n := len(v.items)
	for i := range n {
		j := (max(from, 0) + i) % n
		if v.items[j].Status == register.ConflictOpen {
			v.list.Select(j)
			v.list.ScrollTo(j)
			return
		}
	}
}
