package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/value"
)

// detailView shows and edits every field of one project, where each value
// came from, and the project's history.
type detailView struct {
	u       *UI
	content fyne.CanvasObject

	p       *model.Project
	prov    map[model.FieldKey]register.Provenance
	changes []register.Change
	shown   map[model.FieldKey]string // what each entry showed when loaded

	title   *widget.Label
	aliases *widget.Label
	warn    *widget.Label
	form    *fyne.Container
	rows    map[model.FieldKey]*fieldRow
	entries map[model.FieldKey]*widget.Entry
	field   *widget.Select
	kind    *widget.Select
	lead    *widget.Select
	cities  *widget.CheckGroup
	stage   *widget.SelectEntry
	save    *widget.Button
	revert  *widget.Button
	del     *widget.Button
	history *widget.List
	body    fyne.CanvasObject
	empty   fyne.CanvasObject
	stack   *fyne.Container
}

// fieldRow is one field of the form: its name, its input and, below,
// where its value came from. Stacked rather than side by side (as a
// widget.Form would) so the pane stays usable when narrow.
type fieldRow struct {
	label *widget.Label
	input fyne.CanvasObject
	hint  *widget.Label
}

var textFields = []model.FieldKey{model.FOverview, model.FActivities, model.FProblems, model.FNextSteps, model.FNotes}

func newDetailView(u *UI) *detailView {
	d := &detailView{u: u, rows: map[model.FieldKey]*fieldRow{}, entries: map[model.FieldKey]*widget.Entry{}}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.Wrapping = fyne.TextWrapWord
	d.aliases = widget.NewLabel("")
	d.aliases.Wrapping = fyne.TextWrapWord
	d.aliases.SizeName = theme.SizeNameCaptionText
	d.warn = widget.NewLabel("")
	d.warn.Wrapping = fyne.TextWrapWord
	d.warn.Importance = widget.WarningImportance
	d.warn.Hide()

	changed := func(string) { d.check() }
	entry := func(k model.FieldKey, validate func(string) error) *imeEntry {
		e := newIMEEntry(u.win)
		e.Validator = validate
		e.OnChanged = changed
		d.entries[k] = &e.Entry
		return e
	}
	var cityOpts []string
	for _, c := range model.Cities {
		cityOpts = append(cityOpts, cityName(string(c)))
	}
	d.field = widget.NewSelect(nil, func(string) { d.check() })
	d.kind = widget.NewSelect([]string{kindLabel(model.Continuing), kindLabel(model.New)}, func(string) { d.check() })
	d.lead = widget.NewSelect(cityOpts, func(string) { d.check() })
	d.cities = widget.NewCheckGroup(cityOpts, func([]string) { d.check() })
	d.cities.Horizontal = true
	d.stage = widget.NewSelectEntry(nil)
	d.stage.OnChanged = changed
	d.entries[model.FStage] = &d.stage.Entry

	add := func(k model.FieldKey, w fyne.CanvasObject) {
		r := &fieldRow{label: widget.NewLabelWithStyle(fieldLabel(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			input: w, hint: widget.NewLabel("")}
		r.hint.Wrapping = fyne.TextWrapWord
		r.hint.SizeName = theme.SizeNameCaptionText
		r.hint.Importance = widget.LowImportance
		d.rows[k] = r
	}
	add(model.FName, entry(model.FName, func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(lang.L("A name is required."))
		}
		return nil
	}))
	add(model.FField, d.field)
	add(model.FKind, d.kind)
	add(model.FLead, d.lead)
	add(model.FCities, d.cities)
	add(model.FStart, entry(model.FStart, validMonth))
	add(model.FEnd, entry(model.FEnd, validMonth))
	for _, t := range model.AllTiers {
		e := entry(model.BudgetKey(t), d.validAmount)
		e.SetPlaceHolder("0")
		add(model.BudgetKey(t), e)
	}
	add(model.FProgress, entry(model.FProgress, validProgress))
	add(model.FStage, d.stage)
	for _, k := range textFields {
		e := newIMEMultiLineEntry(u.win)
		// Word wrap off: long wrapped multi-line text can freeze Fyne (#5297).
		e.Wrapping = fyne.TextWrapOff
		e.SetMinRowsVisible(3)
		e.OnChanged = changed
		d.entries[k] = &e.Entry
		add(k, e)
	}
	d.form = container.NewVBox()
	for _, k := range model.Fields {
		r := d.rows[k]
		d.form.Add(container.NewVBox(r.label, r.input, r.hint))
	}

	d.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), d.saveChanges)
	d.save.Importance = widget.HighImportance
	d.revert = widget.NewButtonWithIcon(lang.L("Revert"), theme.ContentUndoIcon(), d.populate)
	d.del = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), d.toggleDeleted)

	d.history = textList(func() int { return len(d.changes) }, func(i int) string { return d.changeText(d.changes[i]) })

	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Details"), container.NewVScroll(container.NewVBox(d.warn, d.form))),
		container.NewTabItem(lang.L("History"), d.history),
	)
	buttons := container.NewHBox(d.save, d.revert, d.del)
	d.body = container.NewBorder(container.NewVBox(d.title, d.aliases, buttons), nil, nil, nil, tabs)
	hint := widget.NewLabel(lang.L("Choose a project in the table to see and edit it."))
	hint.Wrapping = fyne.TextWrapWord
	d.empty = container.NewBorder(container.NewPadded(hint), nil, nil, nil)
	d.stack = container.NewStack(d.empty)
	d.content = d.stack
	return d
}

func validMonth(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, err := parseMonth(s)
	return err
}

// parseMonth reads a month as officials write it ("2024. 3.", "2024-03")
// into YYYY-MM; a year alone is not enough here.
func parseMonth(s string) (string, error) {
	m, err := value.ParseMonth(s)
	if err != nil {
		return "", err
	}
	if m.Month == 0 {
		return "", errors.New(lang.L("Write the year and the month, e.g. 2024. 3. or 2024-03."))
	}
	return m.String(), nil
}

func validProgress(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, err := value.ParseProgress(s, false)
	return err
}

func (d *detailView) validAmount(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, err := parseAmount(s, d.u.unit)
	return err
}

// show loads project code into the pane.
func (d *detailView) show(code string) {
	ctx := context.Background()
	p, err := d.u.reg.Project(ctx, code)
	if err != nil {
		d.u.showError(err)
		return
	}
	d.p = p
	d.prov, _ = d.u.reg.Provenance(ctx, p.ID)
	d.changes, _ = d.u.reg.History(ctx, code)
	d.populate()
	d.stack.Objects = []fyne.CanvasObject{d.body}
	d.stack.Refresh()
}

// reloadProject reads the shown project again after the register changed.
func (d *detailView) reloadProject() {
	if d.p != nil {
		d.show(d.p.Code)
	}
}

// populate puts the project's values into the widgets.
func (d *detailView) populate() {
	p, u := d.p, d.u
	if p == nil {
		return
	}
	d.title.SetText(p.Code + "  " + p.Name)
	if len(p.Aliases) > 0 {
		d.aliases.SetText(lang.L("Also written as: {{.List}}", map[string]any{"List": strings.Join(p.Aliases, " / ")}))
		d.aliases.Show()
	} else {
		d.aliases.Hide()
	}
	d.shown = map[model.FieldKey]string{}
	set := func(k model.FieldKey, text string) {
		d.entries[k].SetText(text)
		d.shown[k] = text
	}
	set(model.FName, p.Name)
	set(model.FStart, p.Start)
	set(model.FEnd, p.EndMonth())
	for _, t := range model.AllTiers {
		set(model.BudgetKey(t), formatAmount(p.Budget.Get(t), u.unit))
		d.rows[model.BudgetKey(t)].label.SetText(fieldLabel(model.BudgetKey(t)) + " (" + unitLabel(u.unit) + ")")
	}
	if p.Progress != nil {
		set(model.FProgress, model.FormatProgress(*p.Progress))
	} else {
		set(model.FProgress, "")
	}
	d.stage.SetOptions(stageOptions(u.all))
	set(model.FStage, p.Stage)
	for _, k := range textFields {
		set(k, p.Get(k))
	}
	fields := append([]string{}, u.scheme.Fields...)
	if p.Field != "" && !contains(fields, p.Field) {
		fields = append(fields, p.Field)
	}
	d.field.Options = fields
	d.field.SetSelected(p.Field)
	d.kind.SetSelected(kindLabel(p.Kind))
	if p.Kind == "" {
		d.kind.ClearSelected()
	}
	if p.LeadCity != "" {
		d.lead.SetSelected(cityName(string(p.LeadCity)))
	} else {
		d.lead.ClearSelected()
	}
	var sel []string
	for _, c := range p.Cities {
		sel = append(sel, cityName(string(c)))
	}
	d.cities.SetSelected(sel)
	for _, k := range model.Fields {
		h := d.provText(k)
		d.rows[k].hint.SetText(h)
		if h == "" {
			d.rows[k].hint.Hide()
		} else {
			d.rows[k].hint.Show()
		}
	}
	if p.Deleted {
		d.del.SetText(lang.L("Restore"))
		d.del.SetIcon(theme.ContentUndoIcon())
	} else {
		d.del.SetText(lang.L("Delete"))
		d.del.SetIcon(theme.DeleteIcon())
	}
	d.form.Refresh()
	d.history.Refresh()
	if u.reg.ReadOnly() {
		d.save.Disable()
		d.del.Disable()
	}
	d.check()
}

func stageOptions(all []*model.Project) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range all {
		if p.Stage != "" && !seen[p.Stage] {
			seen[p.Stage] = true
			out = append(out, p.Stage)
		}
	}
	return out
}

// provText says where the field's value came from.
func (d *detailView) provText(k model.FieldKey) string {
	pv, ok := d.prov[k]
	if !ok {
		return ""
	}
	if pv.Manual {
		who := pv.User
		if pv.Raw == "typed" {
			return lang.L("Typed in a conflict decision by {{.User}}, {{.At}}", map[string]any{"User": who, "At": shortTime(pv.At)})
		}
		return lang.L("Edited by {{.User}}, {{.At}}", map[string]any{"User": who, "At": shortTime(pv.At)})
	}
	src := joinNonEmpty(" › ", filepath.Base(pv.File), pv.Sheet, pv.Cell)
	if pv.AsOf == "" {
		return lang.L("From {{.Source}} ({{.City}})", map[string]any{"Source": src, "City": cityOrSecretariat(pv.City)})
	}
	return lang.L("From {{.Source}} ({{.City}}, as of {{.AsOf}})", map[string]any{
		"Source": src, "City": cityOrSecretariat(pv.City), "AsOf": pv.AsOf})
}

func cityOrSecretariat(c model.City) string {
	if c == "" {
		return lang.L("secretariat")
	}
	return cityName(string(c))
}

// shortTime renders an RFC 3339 time as local "2006-01-02 15:04".
func shortTime(at string) string {
	if t, err := parseTime(at); err == nil {
		return t.Local().Format("2006-01-02 15:04")
	}
	return at
}

func (d *detailView) changeText(c register.Change) string {
	s := fmt.Sprintf("%s · %s · %s: %s → %s", shortTime(c.At), batchKindLabel(c.Kind), fieldLabel(c.Field),
		displayValue(c.Field, c.Old, d.u.unit), displayValue(c.Field, c.New, d.u.unit))
	if c.File != "" {
		s += " · " + filepath.Base(c.File)
	}
	s += " · " + c.User
	if c.Undone {
		s += " · " + lang.L("(undone)")
	}
	return s
}

// values reads the widgets into canonical field values; errs holds the
// fields that cannot be read, with the reason.
func (d *detailView) values() (vals map[model.FieldKey]string, errs []string) {
	p, u := d.p, d.u
	vals = map[model.FieldKey]string{}
	bad := func(k model.FieldKey, err error) {
		errs = append(errs, fieldLabel(k)+": "+errText(err))
	}
	vals[model.FName] = strings.TrimSpace(d.entries[model.FName].Text)
	if vals[model.FName] == "" {
		bad(model.FName, errors.New(lang.L("A name is required.")))
	}
	vals[model.FField] = d.field.Selected
	vals[model.FKind] = ""
	switch d.kind.Selected {
	case kindLabel(model.Continuing):
		vals[model.FKind] = string(model.Continuing)
	case kindLabel(model.New):
		vals[model.FKind] = string(model.New)
	}
	vals[model.FLead] = ""
	var cities []model.City
	for _, c := range model.Cities {
		if d.lead.Selected == cityName(string(c)) {
			vals[model.FLead] = string(c)
		}
		if contains(d.cities.Selected, cityName(string(c))) {
			cities = append(cities, c)
		}
	}
	parts := make([]string, len(cities))
	for i, c := range cities {
		parts[i] = string(c)
	}
	vals[model.FCities] = strings.Join(parts, ",")
	for _, k := range []model.FieldKey{model.FStart, model.FEnd} {
		text := strings.TrimSpace(d.entries[k].Text)
		if text == "" {
			vals[k] = ""
			continue
		}
		m, err := parseMonth(text)
		if err != nil {
			bad(k, err)
			vals[k] = p.Get(k)
			continue
		}
		vals[k] = m
	}
	if s, e := vals[model.FStart], vals[model.FEnd]; s != "" && e != "" && s > e {
		errs = append(errs, lang.L("The period starts ({{.Start}}) after it ends ({{.End}}).", map[string]any{"Start": s, "End": e}))
	}
	for _, t := range model.AllTiers {
		k := model.BudgetKey(t)
		text := strings.TrimSpace(d.entries[k].Text)
		switch {
		case text == d.shown[k]:
			vals[k] = p.Get(k) // unchanged: keep the exact won
		case text == "":
			vals[k] = "0"
		default:
			won, err := parseAmount(text, u.unit)
			if err != nil {
				bad(k, err)
				vals[k] = p.Get(k)
				continue
			}
			vals[k] = fmt.Sprint(won)
		}
	}
	if text := strings.TrimSpace(d.entries[model.FProgress].Text); text == "" {
		vals[model.FProgress] = ""
	} else if f, err := value.ParseProgress(text, false); err != nil {
		bad(model.FProgress, err)
		vals[model.FProgress] = p.Get(model.FProgress)
	} else {
		vals[model.FProgress] = model.FormatProgress(f)
	}
	vals[model.FStage] = strings.TrimSpace(d.stage.Text)
	for _, k := range textFields {
		vals[k] = d.entries[k].Text
	}
	return vals, errs
}

func errText(err error) string {
	var me interface{ Error() string }
	if errors.As(err, &me) {
		return me.Error()
	}
	return ErrorText(err)
}

// check shows the warnings for what is typed: tiers that do not add up to
// the total, unreadable values. A warning does not stop saving.
func (d *detailView) check() {
	if d.p == nil || d.shown == nil {
		return
	}
	vals, errs := d.values()
	var warns []string
	warns = append(warns, errs...)
	if w := d.tierWarning(vals); w != "" {
		warns = append(warns, w)
	}
	if len(warns) == 0 {
		d.warn.Hide()
		return
	}
	d.warn.SetText(strings.Join(warns, "\n"))
	d.warn.Show()
}

func (d *detailView) tierWarning(vals map[model.FieldKey]string) string {
	var b model.Budget
	for _, t := range model.AllTiers {
		var n int64
		fmt.Sscan(vals[model.BudgetKey(t)], &n)
		b.Set(t, n)
	}
	if b.Total == 0 && b.SumOfParts() == 0 || b.Total == b.SumOfParts() {
		return ""
	}
	return lang.L("The funding tiers add up to {{.Sum}}, but the total is {{.Total}} ({{.Unit}}). Check the amounts.", map[string]any{
		"Sum": formatAmount(b.SumOfParts(), d.u.unit), "Total": formatAmount(b.Total, d.u.unit), "Unit": unitLabel(d.u.unit)})
}

// saveChanges writes the changed fields as one batch (one undo).
func (d *detailView) saveChanges() {
	p, u := d.p, d.u
	if p == nil {
		return
	}
	vals, errs := d.values()
	if len(errs) > 0 {
		u.message(lang.L("Cannot save"), strings.Join(errs, "\n")+"\n\n"+lang.L("Correct the marked values and save again. Nothing was saved."))
		return
	}
	var keys []model.FieldKey
	for _, k := range model.Fields {
		if vals[k] != p.Get(k) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		u.notify(lang.L("Nothing has changed."))
		return
	}
	write := func() {
		code, version := p.Code, p.Version
		u.quietly(func(ctx context.Context) error {
			_, err := u.reg.EditFields(ctx, code, version, keys, vals)
			return err
		}, func(err error) {
			u.reload()
			u.detail.show(code)
		})
	}
	if w := d.tierWarning(vals); w != "" {
		u.confirm(lang.L("Amounts do not add up"), w+"\n\n"+lang.L("Save anyway?"), lang.L("Save"), write)
		return
	}
	write()
}

func (d *detailView) toggleDeleted() {
	p, u := d.p, d.u
	if p == nil {
		return
	}
	do := func() {
		code, del := p.Code, !p.Deleted
		u.quietly(func(ctx context.Context) error {
			_, err := u.reg.SetDeleted(ctx, code, del)
			return err
		}, func(err error) {
			u.reload()
		})
	}
	if p.Deleted {
		do()
		return
	}
	u.confirm(lang.L("Delete project"),
		lang.L("Delete {{.Code}} {{.Name}}? It leaves the lists and reports but keeps its history; you can restore it from \"Deleted projects\".", map[string]any{"Code": p.Code, "Name": p.Name}),
		lang.L("Delete"), do)
}
