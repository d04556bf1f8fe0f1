package ui

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/round"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// importFile is one file in the wizard.
type importFile struct {
	path      string
	city      model.City // the user's correction; "" = as detected
	addNew    bool
	confirmed map[int]string // sheet row → project code
	password  string         // for a password-protected workbook
	unit      value.Unit     // the official's unit for amounts the sheet leaves without one; 0: as read
	asOf      string         // the official's as-of date; "": as read
	columns   map[int]string // the official's meaning of a column (a field key, a header word or layout.Ignore)
	headerRow int            // the header row the official named; 0: found
	sheet     string         // the sheet the official chose; "": the program's choice

	reading *reconcile.Reading // nil until the file is read
	preview *reconcile.Preview
	err     error // the file cannot be read or previewed
	applied bool
}

func (f *importFile) name() string { return filepath.Base(f.path) }

// table is the file's table as read, nil before it is read.
func (f *importFile) table() *layout.Table {
	if f.reading == nil {
		return nil
	}
	return f.reading.Table
}

// importWizard imports city sheets: choose, check what was detected,
// preview, confirm uncertain matches, apply, undo.
type importWizard struct {
	st      *store // what it shows
	sh      *shell // the dialogs and jobs it asks for
	content fyne.CanvasObject

	files   []*importFile
	current *importFile

	list      *widget.List
	summary   *widget.Label
	info      *widget.Label
	city      *widget.Select
	addNew    *widget.Check
	columns   *columnsView
	preview   *widget.Accordion
	uncertain *fyne.Container
	password  *fyne.Container // shown for a workbook that asks for its password
	unit      *widget.Select
	asOf      *widget.Entry
	headerRow *widget.Entry
	sheet     *widget.Select
	sheetRow  *fyne.Container
	scroll    *container.Scroll
	shownFile *importFile // the file whose detail is on screen
	apply     *widget.Button
	applyAll  *widget.Button
	remove    *widget.Button
	undo      *widget.Button
	detail    *fyne.Container
	colsAcc   *widget.Accordion // the columns, opened when one waits for a decision
}

func newImportWizard(st *store, sh *shell) *importWizard {
	w := &importWizard{st: st, sh: sh}
	w.list = textList(func() int { return len(w.files) }, func(i int) string { return w.fileLine(w.files[i]) })
	w.list.OnSelected = func(i widget.ListItemID) {
		if i < len(w.files) {
			w.current = w.files[i]
			w.showCurrent()
		}
	}
	choose := widget.NewButtonWithIcon(lang.L("Add files… (Ctrl+O)"), theme.FolderOpenIcon(), w.chooseFiles)
	choose.Importance = widget.HighImportance
	w.remove = widget.NewButtonWithIcon(lang.L("Remove from list"), theme.ContentRemoveIcon(), w.removeCurrent)
	w.apply = widget.NewButtonWithIcon(lang.L("Apply this file"), theme.ConfirmIcon(), func() { w.applyFiles([]*importFile{w.current}) })
	w.applyAll = widget.NewButtonWithIcon(lang.L("Apply all in order"), theme.MediaFastForwardIcon(), func() { w.applyFiles(w.pending()) })
	w.undo = widget.NewButtonWithIcon(lang.L("Undo last import"), theme.ContentUndoIcon(), w.undoLastImport)
	w.summary = widget.NewLabel("")
	w.summary.Wrapping = fyne.TextWrapWord

	w.info = widget.NewLabel("")
	w.info.Wrapping = fyne.TextWrapWord
	w.city = newSelect(nil, w.cityChanged)
	w.addNew = widget.NewCheck(lang.L("Add rows that match no project as new projects"), func(b bool) {
		if w.current != nil && w.current.addNew != b {
			w.current.addNew = b
			w.analyze([]*importFile{w.current}, false)
		}
	})
	w.columns = newColumnsView(w)
	w.preview = widget.NewAccordion()
	w.preview.MultiOpen = true
	w.uncertain = container.NewVBox()
	w.password = w.passwordRow()

	hint := widget.NewLabel(lang.L("Drop the cities' Excel or CSV files on this window, or choose them. Import the secretariat's register (with a code column) first, then the city sheets. Nothing changes until you apply."))
	hint.Wrapping = fyne.TextWrapWord
	left := container.NewBorder(container.NewVBox(choose, hint), container.NewVBox(w.remove, w.undo), nil, nil, w.list)
	cityRow := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Sending city")), nil, w.city)
	decisions := w.decisionRows()
	w.colsAcc = widget.NewAccordion(widget.NewAccordionItem(lang.L("Column mapping"), w.columns.rows))
	w.detail = container.NewVBox(w.info, w.password, cityRow, decisions, w.addNew, w.colsAcc, w.uncertain, w.preview)
	w.scroll = container.NewVScroll(w.detail)
	right := container.NewBorder(container.NewVBox(w.summary, container.NewHBox(w.apply, w.applyAll)), nil, nil, nil, w.scroll)
	split := container.NewHSplit(left, right)
	split.Offset = 0.3
	w.content = split
	w.showCurrent()
	st.listen(w.refreshUndo) // what undo would take back
	return w
}

// show selects file f and shows it.
func (w *importWizard) show(f *importFile) {
	w.current = f
	for i, x := range w.files {
		if x == f {
			w.list.Select(i)
		}
	}
	w.showCurrent()
}

// fileLine is a file's line in the list: status and name.
func (w *importWizard) fileLine(f *importFile) string {
	status := lang.L("waiting")
	switch {
	case f.applied:
		status = lang.L("applied")
	case f.err != nil && f.preview == nil:
		status = lang.L("cannot read")
	case f.preview != nil && len(f.preview.Errors) > 0:
		status = lang.L("has errors")
	case f.preview != nil:
		status = lang.L("previewed")
	}
	return "[" + status + "] " + f.name()
}

// pending lists the files not yet applied, in list order.
func (w *importWizard) pending() []*importFile {
	var out []*importFile
	for _, f := range w.files {
		if !f.applied {
			out = append(out, f)
		}
	}
	return out
}

// chooseFiles opens the file dialog: the system's picks several files at
// once (filedialog.go), Fyne's fallback one at a time.
func (w *importWizard) chooseFiles() {
	w.sh.openFiles(lang.L("Choose files to import"), []string{".xlsx", ".xlsm", ".csv", ".xls"}, true, func(paths []string) { w.add(paths...) })
}

// add puts files in the list and previews them.
func (w *importWizard) add(paths ...string) {
	var added []*importFile
	for _, p := range paths {
		if slices.ContainsFunc(w.files, func(f *importFile) bool { return f.path == p && !f.applied }) {
			continue
		}
		f := &importFile{path: p, confirmed: map[int]string{}}
		w.files = append(w.files, f)
		added = append(added, f)
	}
	if len(added) == 0 {
		return
	}
	w.current = added[0]
	w.list.Refresh()
	w.analyze(added, true)
}

// analysis is what a background read and dry run found for one file.
type analysis struct {
	f       *importFile
	reading *reconcile.Reading
	preview *reconcile.Preview
	err     error
}

// analyze reads files (when needed) and previews them against the
// register as it is now, off the UI goroutine.
func (w *importWizard) analyze(files []*importFile, reread bool) {
	type job struct {
		f       *importFile
		path    string
		read    reconcile.FileOptions
		opts    reconcile.Options
		reading *reconcile.Reading
		needsRd bool
	}
	var jobs []job
	for _, f := range files {
		confirmed := map[int]string{}
		for k, v := range f.confirmed {
			confirmed[k] = v
		}
		jobs = append(jobs, job{f: f, path: f.path, reading: f.reading,
			read: reconcile.FileOptions{City: f.city, Password: f.password, Unit: f.unit, AsOf: f.asOf,
				Columns: columnChoices(f), HeaderRow: f.headerRow, Sheet: f.sheet},
			needsRd: reread || f.reading == nil,
			opts:    reconcile.Options{DryRun: true, AddNew: f.addNew, Confirmed: confirmed}})
	}
	results := make([]analysis, len(jobs))
	w.sh.background(lang.L("Reading and previewing"), func(ctx context.Context, progress Progress) error {
		for i, j := range jobs {
			if err := ctx.Err(); err != nil {
				return err
			}
			r := analysis{f: j.f, reading: j.reading}
			if j.needsRd {
				// Understand: what the sheet leaves out is filled from evidence in the register
				r.reading, r.err = reconcile.Understand(ctx, w.st.reg, j.path, j.read)
			}
			if r.err == nil {
				r.preview, r.err = reconcile.Apply(ctx, w.st.reg, r.reading, j.opts)
				if r.preview != nil && len(r.preview.Errors) > 0 {
					r.err = nil // shown in the preview itself
				}
			}
			results[i] = r
			progress(i+1, len(jobs))
		}
		return nil
	}, func(err error) {
		for _, r := range results {
			if r.f == nil {
				continue
			}
			r.f.reading, r.f.preview, r.f.err = r.reading, r.preview, r.err
		}
		w.masterFirst()
		w.list.Refresh()
		w.showCurrent()
	})
}

// masterFirst keeps the applied files on top and puts the rest in the order
// they are imported (reconcile.SortForImport: the secretariat's register
// first).
func (w *importWizard) masterFirst() {
	slices.SortStableFunc(w.files, func(a, b *importFile) int {
		return boolRank(!a.applied) - boolRank(!b.applied)
	})
	for i, f := range w.files {
		if !f.applied {
			reconcile.SortForImport(w.files[i:], func(f *importFile) *layout.Table { return f.table() })
			return
		}
	}
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (w *importWizard) cityChanged(s string) {
	f := w.current
	if f == nil {
		return
	}
	var c model.City
	for _, x := range model.Cities {
		if field.CityName(x) == s {
			c = x
		}
	}
	if c == f.city {
		return
	}
	f.city = c
	w.analyze([]*importFile{f}, true)
}

// showCurrent shows the selected file's detection and preview.
func (w *importWizard) showCurrent() {
	w.updateSummary()
	f := w.current
	if f == nil {
		w.detail.Hide()
		w.apply.Disable()
		w.remove.Disable()
		w.refreshApplyAll()
		return
	}
	w.detail.Show()
	w.remove.Enable()
	if f != w.shownFile {
		// another file's detail starts at its top, not where the last was scrolled
		w.shownFile = f
		w.scroll.ScrollToTop()
	}
	lines := []string{f.path}
	if f.err != nil {
		lines = append(lines, ErrorText(f.err))
	}
	if needsPassword(f) {
		w.password.Show()
	} else {
		w.password.Hide()
	}
	auto := lang.L("As detected")
	opts := []string{auto}
	for _, c := range model.Cities {
		opts = append(opts, field.CityName(c))
	}
	w.city.OnChanged = nil
	w.city.Options = opts
	if f.city != "" {
		w.city.SetSelected(field.CityName(f.city))
	} else {
		w.city.SetSelected(auto)
	}
	w.city.OnChanged = w.cityChanged
	w.showDecisions(f)
	w.addNew.SetChecked(f.addNew)
	w.showAddNew(f)
	lines = append(lines, understoodLines(f)...)
	w.columns.show(f)
	if blocking(f) {
		w.colsAcc.Open(0)
	}
	w.info.SetText(strings.Join(lines, "\n"))
	w.showPreview(f)
	w.detail.Refresh()
	if f.applied || f.preview == nil || len(f.preview.Errors) > 0 || w.st.reg.ReadOnly() {
		w.apply.Disable()
	} else {
		w.apply.Enable()
	}
	w.refreshApplyAll()
}

func (w *importWizard) refreshApplyAll() {
	if len(w.pending()) == 0 || w.st.reg.ReadOnly() {
		w.applyAll.Disable()
	} else {
		w.applyAll.Enable()
	}
}

// understoodLines say how the file was read, with the evidence for what
// the sheet left out (the data layer's words: reconcile.Understanding).
func understoodLines(f *importFile) []string {
	if f.preview == nil {
		return nil
	}
	u := f.preview.Understood
	kind := lang.L("city sheet")
	if u.Master {
		kind = lang.L("secretariat register (has project codes: may add projects)")
	}
	city := lang.L("not found — choose the sending city below")
	switch {
	case u.City != "":
		city = field.CityName(u.City) + evidence(u.CityFrom)
	case u.Master:
		city = lang.L("secretariat")
	}
	unit := cmp.Or(u.Unit, lang.L("not stated")) + evidence(u.UnitFrom)
	asOf := cmp.Or(u.AsOf, lang.L("not stated")) + evidence(u.AsOfFrom)
	lines := []string{
		lang.L("Sheet: {{.Sheet}} · {{.Kind}}", map[string]any{"Sheet": u.Sheet + evidence(u.SheetFrom), "Kind": kind}),
		lang.L("City: {{.City}} · As of: {{.AsOf}} · Unit: {{.Unit}} · {{.Rows}} project rows", map[string]any{
			"City": city, "AsOf": asOf, "Unit": unit, "Rows": f.preview.Rows}),
	}
	if u.Profile != nil { // the city's layout seen before: its decisions were used
		lines = append(lines, lang.L("Layout: {{.Evidence}}", map[string]any{"Evidence": u.Profile.Evidence}))
	}
	return lines
}

func evidence(from string) string {
	if from == "" {
		return ""
	}
	return " (" + from + ")"
}

// showAddNew offers to add the rows that match no project only when the
// file has such rows, and says how many.
func (w *importWizard) showAddNew(f *importFile) {
	n := 0
	if f.preview != nil {
		n = len(f.preview.Proposed)
	}
	if n == 0 && !f.addNew {
		w.addNew.Hide()
		return
	}
	w.addNew.Text = lang.L("Add the {{.N}} rows that match no project as new projects", map[string]any{"N": n})
	w.addNew.Show()
	w.addNew.Refresh()
}

// blocking reports whether a column of f waits for the official's decision.
func blocking(f *importFile) bool {
	if f.preview == nil {
		return false
	}
	for _, c := range f.preview.Understood.Columns {
		if c.Use == reconcile.UseBlocking {
			return true
		}
	}
	return false
}

// showPreview fills the accordion with what applying would do (or did).
func (w *importWizard) showPreview(f *importFile) {
	w.preview.Items = nil
	w.uncertain.Objects = nil
	pv := f.preview
	if pv == nil {
		w.preview.Refresh()
		w.uncertain.Refresh()
		return
	}
	section := func(title string, n int, lines []string, open bool) {
		if n == 0 {
			return
		}
		l := widget.NewLabel(strings.Join(lines, "\n"))
		l.Wrapping = fyne.TextWrapWord
		item := widget.NewAccordionItem(fmt.Sprintf("%s (%d)", title, n), l)
		item.Open = open
		w.preview.Append(item)
	}
	lines := append([]string(nil), pv.Errors...)
	section(lang.L("Errors — the file is refused until they are fixed"), len(pv.Errors), lines, true)
	lines = nil
	for _, c := range pv.Conflicts {
		lines = append(lines, fmt.Sprintf("%s %s · %s: %s %s ≠ %s %s (%s)", c.Code, c.Name, field.Label(c.Field),
			field.CityName(c.LeadCity), field.Display(c.Field, c.LeadValue, w.st.unit),
			field.CityName(c.City), field.Display(c.Field, c.Value, w.st.unit), c.Cell))
	}
	section(lang.L("Conflicts"), len(pv.Conflicts), lines, true)
	lines = nil
	for _, a := range pv.Added {
		lines = append(lines, fmt.Sprintf("%s %s", a.Code, a.Name))
	}
	section(lang.L("New projects in the register"), len(pv.Added), lines, false)
	lines = nil
	for _, c := range pv.Changed {
		lines = append(lines, changeLine(c, func(k model.FieldKey, v string) string { return field.Display(k, v, w.st.unit) }))
	}
	section(lang.L("Changed"), len(pv.Changed), lines, false)
	lines = nil
	for _, p := range pv.Proposed {
		lines = append(lines, lang.L("row {{.Row}}: {{.Name}}", map[string]any{"Row": p.Row, "Name": p.Name}))
	}
	section(lang.L("Rows matching no project (new project proposals)"), len(pv.Proposed), lines, false)
	section(lang.L("Warnings"), len(pv.Warnings), pv.Warnings, false)
	if len(pv.Uncertain) > 0 && !f.applied {
		title := widget.NewLabelWithStyle(lang.L("Which project is this row? (uncertain name matches)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		w.uncertain.Add(title)
		skip := lang.L("Skip this row")
		for _, un := range pv.Uncertain {
			opts := []string{skip}
			for _, c := range un.Candidates {
				opts = append(opts, c.Code+" "+c.Name)
			}
			row := un.Row
			sel := newSelect(opts, nil)
			if code, ok := f.confirmed[row]; ok {
				for _, o := range opts {
					if strings.HasPrefix(o, code+" ") {
						sel.SetSelected(o)
					}
				}
			} else {
				sel.SetSelected(skip)
			}
			sel.OnChanged = func(s string) {
				if s == skip {
					delete(f.confirmed, row)
				} else {
					f.confirmed[row] = strings.SplitN(s, " ", 2)[0]
				}
				w.analyze([]*importFile{f}, false)
			}
			label := widget.NewLabel(lang.L("row {{.Row}}: {{.Name}}", map[string]any{"Row": row, "Name": un.Name}))
			w.uncertain.Add(container.NewBorder(nil, nil, label, nil, sel))
		}
	}
	w.preview.Refresh()
	w.uncertain.Refresh()
}

// updateSummary totals what this session applied.
func (w *importWizard) updateSummary() {
	var files, added, changed, conflicts int
	for _, f := range w.files {
		if f.applied && f.preview != nil {
			files++
			added += len(f.preview.Added)
			changed += len(f.preview.Changed)
			conflicts += len(f.preview.Conflicts)
		}
	}
	if len(w.files) == 0 {
		w.summary.SetText(lang.L("No files yet."))
		return
	}
	text := lang.L("Applied {{.Files}} of {{.All}} files: {{.Added}} added, {{.Changed}} values changed, {{.Conflicts}} conflicts opened.",
		map[string]any{"Files": files, "All": len(w.files), "Added": added, "Changed": changed, "Conflicts": conflicts})
	if f := w.current; f != nil && !f.applied && f.preview != nil && len(f.preview.Errors) == 0 {
		// what applying the file on screen will do, before the session's total
		text = lang.L("This file would add {{.Added}} projects, change {{.Changed}} values and open {{.Conflicts}} conflicts.",
			map[string]any{"Added": len(f.preview.Added), "Changed": len(f.preview.Changed), "Conflicts": len(f.preview.Conflicts)}) + "\n" + text
	}
	w.summary.SetText(text)
}

func (w *importWizard) removeCurrent() {
	f := w.current
	if f == nil {
		return
	}
	w.files = slices.DeleteFunc(w.files, func(x *importFile) bool { return x == f })
	w.current = nil
	w.list.UnselectAll()
	w.list.Refresh()
	w.showCurrent()
}

// applyFiles applies files in order, each as its own batch (all or
// nothing), off the UI goroutine with progress and Cancel. A file that is
// refused changes nothing; the others are still applied, and the refused
// ones are listed with their reasons.
func (w *importWizard) applyFiles(files []*importFile) {
	if len(files) == 0 || files[0] == nil {
		return
	}
	unresolved := 0
	for _, f := range files {
		if f.preview != nil {
			unresolved += len(f.preview.Uncertain)
		}
	}
	if unresolved > 0 {
		w.sh.confirm(lang.L("Uncertain rows"),
			lang.L("{{.N}} rows could not be matched for sure and will be skipped unless you choose their project. Apply anyway?", map[string]any{"N": unresolved}),
			lang.L("Apply"), func() { w.runApply(files) })
		return
	}
	w.runApply(files)
}

// applyInput is a file to apply as the job reads it: copied on the UI
// goroutine, so the job shares nothing with the screen.
type applyInput struct {
	f         *importFile // handed back with the outcome, not read by the job
	name      string
	path      string
	city      model.City
	readError error // why the file could not be read, if it could not
	reading   *reconcile.Reading
	opts      reconcile.Options
}

// applyOutcome is what applying one file did: its preview as applied or
// as refused (nil if none), the lines saying why it was refused, or that
// the official cancelled while it was being applied (which changed nothing).
type applyOutcome struct {
	f         *importFile
	pv        *reconcile.Preview
	applied   bool
	cancelled bool
	refusal   []string
}

// runApply applies each file in the background, each all or nothing: a
// refused one is listed and the others are still applied. A cancel stops
// before the next file (or rolls back the one being applied); the files
// applied before it stay applied, and the official is told which.
func (w *importWizard) runApply(files []*importFile) {
	var inputs []applyInput
	for _, f := range files {
		confirmed := map[int]string{}
		for k, v := range f.confirmed {
			confirmed[k] = v
		}
		inputs = append(inputs, applyInput{f: f, name: f.name(), path: f.path, city: f.city, readError: f.err,
			reading: f.reading, opts: reconcile.Options{AddNew: f.addNew, Confirmed: confirmed}})
	}
	var outcomes []applyOutcome
	cancelled := false
	w.sh.background(lang.L("Importing"), func(ctx context.Context, progress Progress) error {
		for i, in := range inputs {
			if ctx.Err() != nil {
				cancelled = true
				break
			}
			o := w.applyOne(ctx, in)
			outcomes = append(outcomes, o)
			if o.cancelled {
				cancelled = true
				break
			}
			progress(i+1, len(inputs))
		}
		return nil // a cancel is told by afterApply, with what was applied before it
	}, func(error) { w.afterApply(outcomes, cancelled) })
}

// applyOne applies one file (off the UI goroutine). A refused sheet is
// noted in the open round's status with why.
func (w *importWizard) applyOne(ctx context.Context, in applyInput) applyOutcome {
	out := applyOutcome{f: in.f}
	err := in.readError
	if in.reading == nil && err == nil {
		out.refusal = []string{in.name + ": " + lang.L("the file has not been read yet.")}
		return out
	}
	if err == nil {
		out.pv, err = reconcile.Apply(ctx, w.st.reg, in.reading, in.opts)
		out.applied = err == nil
	}
	switch {
	case err == nil:
	case ctx.Err() != nil: // cancelled while applying: rolled back, not refused
		out.pv, out.cancelled = nil, true
	default:
		out.refusal = []string{in.name + ": " + ErrorText(err)}
		if _, noteErr := round.NoteRefused(ctx, w.st.reg, in.path, in.city, err); noteErr != nil {
			out.refusal = append(out.refusal, ErrorText(noteErr))
		}
	}
	return out
}

// afterApply shows what the files did, on the UI goroutine; cancelled:
// the official stopped before every file was done.
func (w *importWizard) afterApply(outcomes []applyOutcome, cancelled bool) {
	var last *importFile
	var refused []string
	applied := 0
	for _, o := range outcomes {
		if o.pv != nil {
			o.f.preview = o.pv // as applied, or as refused (what held it back)
		}
		if o.applied {
			o.f.applied, last = true, o.f
			applied++
		}
		refused = append(refused, o.refusal...)
	}
	w.st.reload()
	w.list.Refresh()
	if rest := w.pending(); len(rest) > 0 {
		w.analyze(rest, false) // previews change with the register
	} else {
		w.showCurrent()
	}
	if last != nil {
		w.show(last)
	}
	var text string
	switch {
	case cancelled && applied == 0:
		text = lang.L("Cancelled. Nothing was changed.")
	case cancelled:
		text = lang.L("Cancelled. {{.Applied}} files were applied before that; the others changed nothing.", map[string]any{"Applied": applied})
	case len(refused) > 0:
		text = lang.L("{{.Applied}} files were applied. These were refused and changed nothing:", map[string]any{"Applied": applied})
	default:
		return
	}
	if len(refused) > 0 {
		text += "\n\n" + strings.Join(refused, "\n")
	}
	title := lang.L("Some files were not applied")
	if cancelled {
		title = lang.L("Information")
	}
	w.sh.message(title, text)
}

// refreshUndo enables "Undo last import" when there is one.
func (w *importWizard) refreshUndo() {
	if w.lastImport() == nil || w.st.reg.ReadOnly() {
		w.undo.Disable()
	} else {
		w.undo.Enable()
	}
}

func (w *importWizard) lastImport() *register.Batch {
	b, _ := w.st.reg.LastUndoable(context.Background(), register.KindImport)
	return b
}

func (w *importWizard) undoLastImport() {
	b := w.lastImport()
	if b == nil {
		return
	}
	file := b.File
	undo(w.st, w.sh, b.ID, func(err error) {
		if err != nil {
			return
		}
		for _, f := range w.files {
			if f.applied && filepath.Base(f.path) == filepath.Base(file) {
				f.applied = false // undone: the file can be previewed and applied again
			}
		}
		w.list.Refresh()
		if rest := w.pending(); len(rest) > 0 {
			w.analyze(rest, false)
		}
	})
}

// passwordRow is where a password-protected workbook's password is typed;
// the file is then read again with it.
func (w *importWizard) passwordRow() *fyne.Container {
	entry := widget.NewPasswordEntry()
	entry.SetPlaceHolder(lang.L("Password"))
	open := widget.NewButton(lang.L("Open with this password"), nil)
	submit := func() {
		if f := w.current; f != nil && entry.Text != "" {
			f.password = entry.Text
			entry.SetText("")
			w.analyze([]*importFile{f}, true)
		}
	}
	open.OnTapped = submit
	entry.OnSubmitted = func(string) { submit() }
	row := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Password")), open, entry)
	row.Hide()
	return row
}

// needsPassword reports whether f's error asks for (another) password.
func needsPassword(f *importFile) bool {
	return f != nil && (errors.Is(f.err, sheet.ErrPasswordNeeded) || errors.Is(f.err, sheet.ErrWrongPassword))
}

// decisionRows let the official overrule what was read: the amounts' unit
// and the as-of date (the sheet is read again with them).
func (w *importWizard) decisionRows() fyne.CanvasObject {
	asRead := lang.L("As read from the file")
	opts := []string{asRead}
	for _, u := range field.Units {
		opts = append(opts, field.UnitName(u))
	}
	w.unit = newSelect(opts, func(s string) {
		f := w.current
		if f == nil {
			return
		}
		unit := value.Unit(0)
		for _, u := range field.Units {
			if field.UnitName(u) == s {
				unit = u
			}
		}
		if unit != f.unit {
			f.unit = unit
			w.analyze([]*importFile{f}, true)
		}
	})
	w.asOf = widget.NewEntry()
	w.asOf.SetPlaceHolder("YYYY-MM-DD")
	setAsOf := func() {
		f := w.current
		if f == nil {
			return
		}
		text := strings.TrimSpace(w.asOf.Text)
		if text != "" {
			d, err := value.ParseDate(text)
			if err != nil {
				w.sh.message(lang.L("Cannot use this value"), ErrorText(err))
				return
			}
			text = d.String()
		}
		if text != f.asOf {
			f.asOf = text
			w.analyze([]*importFile{f}, true)
		}
	}
	w.asOf.OnSubmitted = func(string) { setAsOf() }
	set := widget.NewButton(lang.L("Use this date"), setAsOf)
	return container.NewVBox(container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Unit of amounts")), nil, w.unit),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("As of")), set, w.asOf)),
		w.headerRowRow(), w.sheetChoiceRow())
}

// sheetChoiceRow lets the official read another sheet of the workbook than
// the one the program chose (shown when more than one holds a table).
func (w *importWizard) sheetChoiceRow() fyne.CanvasObject {
	w.sheet = newSelect(nil, func(s string) {
		f := w.current
		if f == nil {
			return
		}
		if s == lang.L("As the program chose") {
			s = ""
		}
		if s != f.sheet {
			f.sheet = s
			w.analyze([]*importFile{f}, true)
		}
	})
	w.sheetRow = container.NewBorder(nil, nil, widget.NewLabel(lang.L("Sheet")), nil, w.sheet)
	w.sheetRow.Hide()
	return w.sheetRow
}

// showSheetChoice offers f's workbook's sheets with a table.
func (w *importWizard) showSheetChoice(f *importFile) {
	w.sheetRow.Hide()
	if f.preview == nil || len(f.preview.Understood.Tables) < 2 && f.sheet == "" {
		return
	}
	auto := lang.L("As the program chose")
	cb := w.sheet.OnChanged
	w.sheet.OnChanged = nil
	w.sheet.Options = append([]string{auto}, f.preview.Understood.Tables...)
	w.sheet.SetSelected(cmp.Or(f.sheet, auto))
	w.sheet.OnChanged = cb
	w.sheetRow.Show()
}

// headerRowRow lets the official name the header row when the one found
// is not it (the sheet is read again under it; empty: found again).
func (w *importWizard) headerRowRow() fyne.CanvasObject {
	w.headerRow = widget.NewEntry()
	w.headerRow.SetPlaceHolder(lang.L("found by the program"))
	use := func() {
		f := w.current
		if f == nil {
			return
		}
		row, err := strconv.Atoi(strings.TrimSpace(w.headerRow.Text))
		if strings.TrimSpace(w.headerRow.Text) == "" {
			row, err = 0, nil
		}
		if err != nil || row < 0 {
			w.sh.message(lang.L("Cannot use this value"), lang.L("A row number, such as 4."))
			return
		}
		if row != f.headerRow {
			f.headerRow = row
			w.analyze([]*importFile{f}, true)
		}
	}
	w.headerRow.OnSubmitted = func(string) { use() }
	return container.NewBorder(nil, nil, widget.NewLabel(lang.L("Header row")), widget.NewButton(lang.L("Use this row"), use), w.headerRow)
}

// showDecisions shows f's own choices (or "as read").
func (w *importWizard) showDecisions(f *importFile) {
	cb := w.unit.OnChanged
	w.unit.OnChanged = nil
	w.unit.SetSelectedIndex(0)
	if f.unit != 0 {
		w.unit.SetSelected(field.UnitName(f.unit))
	}
	w.unit.OnChanged = cb
	w.asOf.SetText(f.asOf)
	w.showSheetChoice(f)
	w.headerRow.SetText("")
	w.headerRow.SetPlaceHolder(lang.L("found by the program"))
	if f.headerRow > 0 {
		w.headerRow.SetText(strconv.Itoa(f.headerRow))
	} else if f.preview != nil && f.preview.Understood.HeaderRowFrom != "" {
		u := f.preview.Understood
		w.headerRow.SetPlaceHolder(strconv.Itoa(u.HeaderRow) + evidence(u.HeaderRowFrom))
	}
}
