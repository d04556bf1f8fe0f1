package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/value"
)

// detailView shows and edits every field of one project, where each value
// came from, and the project's history.
type detailView struct {
	st      *store // what it shows
	sh      *shell // the dialogs and jobs it asks for
	content fyne.CanvasObject

	p       *model.Project
	from    *register.Register // the register p was read from
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
	history *lineList
	// formScroll scrolls the form; the wheel over a narrative scrolls it too
	formScroll *container.Scroll
	body       fyne.CanvasObject
	empty      fyne.CanvasObject
	stack      *fyne.Container
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

func newDetailView(st *store, sh *shell) *detailView {
	d := &detailView{st: st, sh: sh, rows: map[model.FieldKey]*fieldRow{}, entries: map[model.FieldKey]*widget.Entry{}}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.Wrapping = fyne.TextWrapWord
	d.aliases = widget.NewLabel("")
	d.aliases.Wrapping = fyne.TextWrapWord
	d.aliases.SizeName = theme.SizeNameCaptionText
	d.warn = widget.NewLabel("")
	d.warn.Wrapping = fyne.TextWrapWord
	d.warn.Importance = widget.WarningImportance
	d.warn.Hide()
	d.buildForm()

	d.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), d.saveChanges)
	d.save.Importance = widget.HighImportance
	d.revert = widget.NewButtonWithIcon(lang.L("Revert"), theme.ContentUndoIcon(), d.populate)
	d.del = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), d.toggleDeleted)
	d.history = newLineList(func() int { return len(d.changes) },
		func(i int) string { return d.changeText(d.changes[i]) },
		func(i int) string { return d.changeFull(d.changes[i]) })
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Details"), d.formScroll),
		container.NewTabItem(lang.L("History"), d.history.content),
	)
	buttons := container.NewHBox(d.save, d.revert, d.del)
	// the buttons first: a long name or a line of aliases above them moved
	// 저장 from one project to the next
	d.body = container.NewBorder(container.NewVBox(buttons, d.title, d.aliases), nil, nil, nil, tabs)
	hint := widget.NewLabel(lang.L("Choose a project in the table to see and edit it."))
	hint.Wrapping = fyne.TextWrapWord
	d.empty = container.NewBorder(container.NewPadded(hint), nil, nil, nil)
	d.stack = container.NewStack(d.empty)
	d.content = d.stack
	st.listen(d.reloadProject) // the open project as the register has it now
	return d
}

// buildForm makes an input for every field, each in a row with its name
// and where its value came from, in the register's field order.
func (d *detailView) buildForm() {
	changed := func(string) { d.check() }
	entry := func(k model.FieldKey) *imeEntry {
		e := newIMEEntry(d.sh.win)
		e.Validator = d.validator(k)
		e.OnChanged = changed
		d.entries[k] = &e.Entry
		return e
	}
	var cityOpts []string
	for _, c := range model.Cities {
		cityOpts = append(cityOpts, field.CityName(c))
	}
	d.field = newSelect(nil, changed)
	d.kind = newSelect([]string{field.KindName(model.Continuing), field.KindName(model.New)}, changed)
	d.lead = newSelect(cityOpts, changed)
	d.cities = widget.NewCheckGroup(cityOpts, func([]string) { d.check() })
	d.cities.Horizontal = true
	d.stage = widget.NewSelectEntry(nil)
	d.stage.OnChanged = changed
	d.entries[model.FStage] = &d.stage.Entry

	d.addRow(model.FName, entry(model.FName))
	d.addRow(model.FField, d.field)
	d.addRow(model.FKind, d.kind)
	d.addRow(model.FLead, d.lead)
	d.addRow(model.FCities, d.cities)
	d.addRow(model.FStart, entry(model.FStart))
	d.addRow(model.FEnd, entry(model.FEnd))
	for _, t := range model.AllTiers {
		e := entry(model.BudgetKey(t))
		e.SetPlaceHolder("0")
		d.addRow(model.BudgetKey(t), e)
	}
	d.addRow(model.FProgress, entry(model.FProgress))
	d.addRow(model.FStage, d.stage)
	d.formScroll = container.NewVScroll(nil)
	for _, k := range textFields {
		d.addRow(k, withWheelCover(d.narrativeEntry(k, changed), d.formScroll))
	}
	d.form = container.NewVBox()
	for _, k := range model.Fields {
		r := d.rows[k]
		d.form.Add(container.NewVBox(r.label, r.input, r.hint))
	}
	d.formScroll.Content = container.NewVBox(d.warn, d.form)
}

// addRow puts input in the form as field k's row.
func (d *detailView) addRow(k model.FieldKey, input fyne.CanvasObject) {
	r := &fieldRow{label: widget.NewLabelWithStyle(field.Label(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		input: input, hint: widget.NewLabel("")}
	r.hint.Wrapping = fyne.TextWrapWord
	// the theme's foreground, small: readable in light and dark (the
	// "low importance" colour is the disabled grey, dark on black)
	r.hint.SizeName = theme.SizeNameCaptionText
	d.rows[k] = r
}

// narrativeEntry is the multi-line entry of a narrative field.
func (d *detailView) narrativeEntry(k model.FieldKey, changed func(string)) *imeEntry {
	e := newIMEMultiLineEntry(d.sh.win)
	// The overview is prose and wraps; the other narratives are lists of
	// short lines (○ …) and keep theirs, as long wrapped multi-line text
	// has frozen Fyne (#5297).
	e.Wrapping = fyne.TextWrapOff
	rows := 3
	if k == model.FOverview {
		e.Wrapping = fyne.TextWrapWord
		rows = 4
	}
	e.SetMinRowsVisible(rows)
	e.OnChanged = changed
	d.entries[k] = &e.Entry
	return e
}

// validator checks what is typed into field k as saving will read it.
func (d *detailView) validator(k model.FieldKey) func(string) error {
	return func(text string) error {
		_, err := field.Parse(k, text, d.st.unit)
		return err
	}
}

// show loads project code into the pane.
func (d *detailView) show(code string) {
	ctx := context.Background()
	p, err := d.st.reg.Project(ctx, code)
	if err != nil {
		d.sh.showError(err)
		return
	}
	d.p, d.from = p, d.st.reg
	d.prov, _ = d.st.reg.Provenance(ctx, p.ID)
	d.changes, _ = d.st.reg.History(ctx, code)
	d.populate()
	d.stack.Objects = []fyne.CanvasObject{d.body}
	d.stack.Refresh()
}

// reloadProject reads the shown project again after the register changed,
// unless the form holds unsaved edits: those are never overwritten (saving
// them later is checked against the project's version).
func (d *detailView) reloadProject() {
	if d.p == nil {
		return
	}
	if d.from != d.st.reg || !slices.ContainsFunc(d.st.all, func(p *model.Project) bool { return p.Code == d.p.Code }) {
		// another register (Settings), whose projects are others, or the
		// project is gone (its import undone): nothing to show
		d.p = nil
		d.stack.Objects = []fyne.CanvasObject{d.empty}
		d.stack.Refresh()
		return
	}
	if !d.dirty() {
		d.show(d.p.Code)
	}
}

// populate puts the project's values into the widgets.
func (d *detailView) populate() {
	p := d.p
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
		set(model.BudgetKey(t), value.FormatAmount(p.Budget.Get(t), d.st.unit))
		d.rows[model.BudgetKey(t)].label.SetText(field.Label(model.BudgetKey(t)) + " (" + field.UnitName(d.st.unit) + ")")
	}
	if p.Progress != nil {
		set(model.FProgress, model.FormatProgress(*p.Progress))
	} else {
		set(model.FProgress, "")
	}
	d.stage.SetOptions(stageOptions(d.st.all))
	set(model.FStage, p.Stage)
	for _, k := range textFields {
		set(k, p.Get(k))
	}
	fields := append([]string{}, d.st.scheme.Fields...)
	if p.Field != "" && !slices.Contains(fields, p.Field) {
		fields = append(fields, p.Field)
	}
	d.field.Options = fields
	d.field.SetSelected(p.Field)
	d.kind.SetSelected(field.KindName(p.Kind))
	if p.Kind == "" {
		d.kind.ClearSelected()
	}
	if p.LeadCity != "" {
		d.lead.SetSelected(field.CityName(p.LeadCity))
	} else {
		d.lead.ClearSelected()
	}
	var sel []string
	for _, c := range p.Cities {
		sel = append(sel, field.CityName(c))
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
	d.history.refresh()
	if d.st.reg.ReadOnly() {
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
	return field.CityName(c)
}

// shortTime renders an RFC 3339 time as local "2006-01-02 15:04".
func shortTime(at string) string {
	if t, err := parseTime(at); err == nil {
		return t.Local().Format("2006-01-02 15:04")
	}
	return at
}

// changeText is a change on one line of the history: when, what kind,
// the field's label and its old and new value (each on one line).
func (d *detailView) changeText(c register.Change) string {
	s := fmt.Sprintf("%s · %s · %s: %s → %s", shortTime(c.At), batchKindLabel(c.Kind), field.Label(c.Field),
		oneLine(field.Display(c.Field, c.Old, d.st.unit)), oneLine(field.Display(c.Field, c.New, d.st.unit)))
	return s + changeSource(c)
}

// changeFull is the whole change for the pane below the history: the old
// and new value with all their lines.
func (d *detailView) changeFull(c register.Change) string {
	return fmt.Sprintf("%s · %s%s\n%s\n\n%s:\n%s\n\n%s:\n%s", shortTime(c.At), batchKindLabel(c.Kind), changeSource(c),
		field.Label(c.Field), lang.L("Before"), field.Display(c.Field, c.Old, d.st.unit), lang.L("After"), field.Display(c.Field, c.New, d.st.unit))
}

// changeSource names the file a change came from, who made it, and whether
// it was undone.
func changeSource(c register.Change) string {
	s := ""
	if c.File != "" {
		s += " · " + filepath.Base(c.File)
	}
	s += " · " + c.User
	if c.Undone {
		s += " · " + lang.L("(undone)")
	}
	return s
}

// values reads the widgets into canonical field values, each through
// field.Parse as every front end reads typed text. errs holds what cannot be
// read or breaks the project's invariants (saving is refused); warns what
// only needs a second look (tiers that do not add up).
func (d *detailView) values() (vals map[model.FieldKey]string, errs, warns []string) {
	p := d.p
	vals = map[model.FieldKey]string{}
	read := func(k model.FieldKey, text string) {
		v, err := field.Parse(k, text, d.st.unit)
		if err != nil {
			errs = append(errs, field.Label(k)+": "+ErrorText(err))
			v = p.Get(k)
		}
		vals[k] = v
	}
	read(model.FName, d.entries[model.FName].Text)
	vals[model.FField] = d.field.Selected
	vals[model.FKind] = ""
	for _, k := range []model.Kind{model.Continuing, model.New} {
		if d.kind.Selected == field.KindName(k) {
			vals[model.FKind] = string(k)
		}
	}
	vals[model.FLead] = ""
	var cities []model.City
	for _, c := range model.Cities {
		if d.lead.Selected == field.CityName(c) {
			vals[model.FLead] = string(c)
		}
		if slices.Contains(d.cities.Selected, field.CityName(c)) {
			cities = append(cities, c)
		}
	}
	vals[model.FCities] = model.JoinCities(cities)
	read(model.FStart, d.entries[model.FStart].Text)
	read(model.FEnd, d.entries[model.FEnd].Text)
	for _, t := range model.AllTiers {
		k := model.BudgetKey(t)
		if strings.TrimSpace(d.entries[k].Text) == d.shown[k] {
			vals[k] = p.Get(k) // unchanged: keep the exact won
			continue
		}
		read(k, d.entries[k].Text)
	}
	read(model.FProgress, d.entries[model.FProgress].Text)
	vals[model.FStage] = strings.TrimSpace(d.stage.Text)
	for _, k := range textFields {
		// kept as typed (not trimmed): an untouched narrative stays unchanged
		vals[k] = d.entries[k].Text
		if err := field.CheckText(k, vals[k]); err != nil {
			errs = append(errs, ErrorText(err))
			vals[k] = p.Get(k)
		}
	}
	probe := *p
	for k, v := range vals {
		_ = probe.Set(k, v) // each value was read above; a bad one kept the stored value
	}
	invalid, warnings := field.Validate(&probe, d.st.unit)
	for _, e := range invalid {
		errs = append(errs, ErrorText(e))
	}
	for _, w := range warnings {
		warns = append(warns, ErrorText(w))
	}
	return vals, errs, warns
}

// check shows the warnings for what is typed: unreadable values, a period
// that ends before it starts, tiers that do not add up to the total.
func (d *detailView) check() {
	if d.p == nil || d.shown == nil {
		return
	}
	_, errs, warns := d.values()
	if all := append(errs, warns...); len(all) > 0 {
		d.warn.SetText(strings.Join(all, "\n"))
		d.warn.Show()
		return
	}
	d.warn.Hide()
}

// saveChanges writes the changed fields as one batch (one undo).
func (d *detailView) saveChanges() { d.saveThen(nil) }

// saveThen saves the form's edits, then runs next (if the save succeeded).
func (d *detailView) saveThen(next func()) {
	p := d.p
	if p == nil {
		return
	}
	vals, errs, warns := d.values()
	if len(errs) > 0 {
		d.sh.message(lang.L("Cannot save"), strings.Join(errs, "\n")+"\n\n"+lang.L("Correct the marked values and save again. Nothing was saved."))
		return
	}
	keys := d.changedKeys(vals)
	if len(keys) == 0 {
		if next != nil {
			next()
			return
		}
		d.sh.notify(lang.L("Nothing has changed."))
		return
	}
	write := func() {
		code, version := p.Code, p.Version
		d.sh.quietly(func(ctx context.Context) error {
			_, err := d.st.reg.EditFields(ctx, code, version, keys, vals)
			return err
		}, func(err error) {
			d.p = nil // saved (or refused): the form is read again from the register
			d.st.reload()
			d.show(code)
			if err == nil && next != nil {
				next()
			}
		})
	}
	if len(warns) > 0 {
		d.sh.confirm(lang.L("Amounts do not add up"), strings.Join(warns, "\n")+"\n\n"+lang.L("Save anyway?"), lang.L("Save"), write)
		return
	}
	write()
}

func (d *detailView) changedKeys(vals map[model.FieldKey]string) []model.FieldKey {
	var keys []model.FieldKey
	for _, k := range model.Fields {
		if vals[k] != d.p.Get(k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// dirty reports whether the form holds edits that are not saved.
func (d *detailView) dirty() bool {
	if d.p == nil || d.shown == nil || d.st.reg.ReadOnly() {
		return false
	}
	vals, errs, _ := d.values()
	return len(errs) > 0 || len(d.changedKeys(vals)) > 0
}

// leave runs next once the form's unsaved edits are dealt with: at once
// when there are none, otherwise after asking, as office software does,
// whether to save them, discard them or stay (stay runs instead of next).
func (d *detailView) leave(next, stay func()) {
	if !d.dirty() {
		next()
		return
	}
	if stay == nil {
		stay = func() {}
	}
	d.sh.askThree(lang.L("Unsaved changes"),
		lang.L("{{.Code}} {{.Name}} has changes that are not saved. Save them before you go on?", map[string]any{"Code": d.p.Code, "Name": d.p.Name}),
		[]choice{
			{lang.L("Save"), func() { d.saveThen(next) }},
			{lang.L("Discard"), func() { d.populate(); next() }},
			{lang.L("Stay"), stay},
		})
}

func (d *detailView) toggleDeleted() {
	p := d.p
	if p == nil {
		return
	}
	do := func() {
		code, del := p.Code, !p.Deleted
		d.sh.quietly(func(ctx context.Context) error {
			_, err := d.st.reg.SetDeleted(ctx, code, del)
			return err
		}, func(err error) {
			d.st.reload()
		})
	}
	if p.Deleted {
		do()
		return
	}
	d.sh.confirm(lang.L("Delete project"),
		lang.L("Delete {{.Code}} {{.Name}}? It leaves the lists and reports but keeps its history; you can restore it from \"Deleted projects\".", map[string]any{"Code": p.Code, "Name": p.Name, "Eul": msg.Eul(p.Name)}),
		lang.L("Delete"), do)
}
