package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/query"
	"github.com/haeoreum/register/data/value"
)

// registerView is the table of projects with its filters.
type registerView struct {
	st      *store      // what it shows
	sh      *shell      // the dialogs and jobs it asks for
	detail  *detailView // the form that shows the selected project
	content fyne.CanvasObject

	search    *imeEntry
	field     *widget.Select
	city      *widget.Select
	kind      *widget.Select
	stage     *widget.Select
	conflicts *widget.Check
	deleted   *widget.Check
	count     *widget.Label
	table     *sortTable

	filter    query.Filter
	rows      []*model.Project
	sortCol   query.Column
	desc      bool
	selected  string                   // code
	cols      []query.Column           // the columns shown, in order: code and name first (frozen)
	widths    map[query.Column]float32 // widths the user dragged
	fitted    bool                     // the columns were sized to the projects' text …
	fittedIn  value.Unit               // … with amounts in this unit
	colWidths []float32                // the widths given to the shown columns
	headers   map[*headerCell]query.Column

	lastColumnChoice *widget.CheckGroup // the column choice's boxes, for tests
}

// defaultColumns are shown until a person chooses others: what fits a
// 1024-pixel window beside the project form. The period is in the form.
var defaultColumns = []query.Column{query.ByCode, query.ByName, query.ByField, query.ByLead,
	query.ByTotal, query.ByProgress, query.ByStage, query.ByConflicts}

// frozenColumns stay in view when the table scrolls sideways: 코드, 사업명.
const frozenColumns = 2

func itoa(n int) string { return strconv.Itoa(n) }

func columnTitle(c query.Column) string {
	switch c {
	case query.ByCode:
		return lang.L("Code")
	case query.ByField:
		return lang.L("Field")
	case query.ByName:
		return lang.L("Project name")
	case query.ByLead:
		return lang.L("Lead")
	case query.ByPeriod:
		return lang.L("Period")
	case query.ByTotal:
		return lang.L("Total budget")
	case query.ByProgress:
		return lang.L("Progress")
	case query.ByStage:
		return lang.L("Stage")
	case query.ByConflicts:
		return lang.L("Conflicts")
	}
	return ""
}

func newRegisterView(st *store, sh *shell, detail *detailView) *registerView {
	v := &registerView{st: st, sh: sh, detail: detail, widths: map[query.Column]float32{}, headers: map[*headerCell]query.Column{}}
	v.search = newIMEEntry(sh.win)
	v.search.SetPlaceHolder(lang.L("Search name, alias or code (Ctrl+F) — ㅇㅇㅁ finds 영일만"))
	v.search.OnChanged = func(s string) { v.filter.Text = s; v.apply() }

	v.buildFilters()
	v.count = widget.NewLabel("")

	v.restore()
	v.cols = v.savedColumns()

	v.table = newSortTable(v)
	add := widget.NewButtonWithIcon(lang.L("Add project"), theme.ContentAddIcon(), v.addProject)
	labelled := func(label string, s *widget.Select) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, s)
	}
	filters := container.NewGridWithColumns(4, labelled(lang.L("Field"), v.field), labelled(lang.L("City"), v.city),
		labelled(lang.L("Type"), v.kind), labelled(lang.L("Stage"), v.stage))
	cols := widget.NewButtonWithIcon(lang.L("Columns"), theme.ListIcon(), v.chooseColumns)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(cols, add), v.search),
		filters,
		container.NewHBox(v.conflicts, v.deleted, v.count),
	)
	v.content = container.NewBorder(top, nil, nil, nil, v.table)
	st.listen(v.refresh) // the table shows what the register holds
	return v
}

// buildFilters makes the drop-downs and boxes that filter the table; each
// change is remembered for the next start.
func (v *registerView) buildFilters() {
	p := v.sh.prefs
	all := lang.L("All")
	v.field = newSelect(nil, func(s string) {
		if s == all {
			s = ""
		}
		v.filter.Field = s
		p.SetString(prefFilterField, s)
		v.apply()
	})
	v.field.PlaceHolder = lang.L("Field")
	cityOpts := []string{all}
	for _, c := range model.Cities {
		cityOpts = append(cityOpts, field.CityName(c))
	}
	v.city = newSelect(cityOpts, func(s string) {
		v.filter.City = ""
		for _, c := range model.Cities {
			if field.CityName(c) == s {
				v.filter.City = c
			}
		}
		p.SetString(prefFilterCity, string(v.filter.City))
		v.apply()
	})
	v.kind = newSelect([]string{all, field.KindName(model.Continuing), field.KindName(model.New)}, func(s string) {
		switch s {
		case field.KindName(model.Continuing):
			v.filter.Kind = model.Continuing
		case field.KindName(model.New):
			v.filter.Kind = model.New
		default:
			v.filter.Kind = ""
		}
		p.SetString(prefFilterKind, string(v.filter.Kind))
		v.apply()
	})
	v.stage = newSelect(nil, func(s string) {
		if s == all {
			s = ""
		}
		v.filter.Stage = s
		p.SetString(prefFilterStage, s)
		v.apply()
	})
	v.conflicts = widget.NewCheck(lang.L("With conflicts only"), func(b bool) {
		v.filter.HasConflicts = b
		p.SetBool(prefFilterConfl, b)
		v.apply()
	})
	v.deleted = widget.NewCheck(lang.L("Deleted projects"), func(b bool) { v.filter.Deleted = b; v.apply() })
}

// restore puts back the filters, sort order and column widths remembered
// from the last start, before any callback can save over them.
func (v *registerView) restore() {
	p := v.sh.prefs
	v.filter.Field = p.String(prefFilterField)
	v.filter.City = model.City(p.String(prefFilterCity))
	v.filter.Kind = model.Kind(p.String(prefFilterKind))
	v.filter.Stage = p.String(prefFilterStage)
	v.filter.HasConflicts = p.Bool(prefFilterConfl)
	v.sortCol = query.Column(p.IntWithFallback(prefSortColumn, int(query.ByCode)))
	v.desc = p.Bool(prefSortDesc)
	v.setSelectsQuietly()
	for _, c := range query.Columns {
		if w := p.Float(prefColWidth + itoa(int(c))); w > 20 {
			v.widths[c] = float32(w)
		}
	}
}

// setSelectsQuietly shows the filter in the drop-downs without firing
// their callbacks.
func (v *registerView) setSelectsQuietly() {
	all := lang.L("All")
	set := func(s *widget.Select, val string) {
		cb := s.OnChanged
		s.OnChanged = nil
		if val == "" {
			s.SetSelected(all)
		} else {
			s.SetSelected(val)
		}
		s.OnChanged = cb
	}
	set(v.field, v.filter.Field)
	city := ""
	if v.filter.City != "" {
		city = field.CityName(v.filter.City)
	}
	set(v.city, city)
	set(v.kind, field.KindName(v.filter.Kind))
	set(v.stage, v.filter.Stage)
	cb := v.conflicts.OnChanged
	v.conflicts.OnChanged = nil
	v.conflicts.SetChecked(v.filter.HasConflicts)
	v.conflicts.OnChanged = cb
}

// refresh takes the register's new content: drop-down choices, rows, and
// as the selected row the project the form shows (none when the form was
// emptied: another register, or the project undone away). The form
// listens first (it is built first), so it has taken the change already.
func (v *registerView) refresh() {
	v.selected = ""
	if v.detail.p != nil {
		v.selected = v.detail.p.Code
	}
	all := lang.L("All")
	fields := append([]string{all}, v.st.scheme.Fields...)
	for _, f := range query.Values(v.st.all, func(p *model.Project) string { return p.Field }) {
		if !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
	}
	v.field.Options = fields
	v.stage.Options = append([]string{all}, query.Values(v.st.all, func(p *model.Project) string { return p.Stage })...)
	v.setSelectsQuietly()
	v.apply()
	if !v.fitted || v.fittedIn != v.st.unit { // amounts in another unit are wider or narrower
		v.fitColumns()
	}
}

// apply filters and sorts the rows and redraws the table.
func (v *registerView) apply() {
	if v.st.set == nil {
		return
	}
	v.rows = v.st.set.Filter(v.filter)
	query.Sort(v.rows, v.sortCol, v.desc)
	v.count.SetText(lang.L("{{.N}} of {{.Total}} shown", map[string]any{"N": len(v.rows), "Total": v.st.set.Len()}))
	v.table.Refresh()
	v.reselect()
}

func (v *registerView) reselect() {
	for i, p := range v.rows {
		if p.Code == v.selected {
			v.table.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
	v.table.UnselectAll()
}

// sortBy sorts by column c; tapping the same header again reverses it.
func (v *registerView) sortBy(c query.Column) {
	if v.sortCol == c {
		v.desc = !v.desc
	} else {
		v.sortCol, v.desc = c, false
	}
	v.sh.prefs.SetInt(prefSortColumn, int(c))
	v.sh.prefs.SetBool(prefSortDesc, v.desc)
	v.apply()
}

// cellText is what column c shows for p.
func (v *registerView) cellText(p *model.Project, c query.Column) string {
	switch c {
	case query.ByCode:
		return p.Code
	case query.ByField:
		return p.Field
	case query.ByName:
		return p.Name
	case query.ByLead:
		return field.CityName(p.LeadCity)
	case query.ByPeriod:
		return period(p)
	case query.ByTotal:
		return value.FormatAmount(p.Budget.Total, v.st.unit)
	case query.ByProgress:
		return progressText(p)
	case query.ByStage:
		return p.Stage
	case query.ByConflicts:
		if p.OpenIssues > 0 {
			return "● " + itoa(p.OpenIssues)
		}
	}
	return ""
}

func (v *registerView) headerText(c query.Column) string {
	t := columnTitle(c) // amounts are in the unit the status line names
	if c == v.sortCol {
		if v.desc {
			t += " ▼"
		} else {
			t += " ▲"
		}
	}
	return t
}

// fitColumns sizes each column to its widest text (header or cell, the
// first 500 rows), within limits; widths the user set by dragging win.
func (v *registerView) fitColumns() {
	// An empty register gets its headers' widths now and is fitted again
	// once projects arrive (the sample, an import).
	v.fitted, v.fittedIn = len(v.st.all) > 0, v.st.unit
	size := theme.TextSize()
	pad := theme.InnerPadding()*2 + theme.Padding()*2 // a label's own padding and the cell's
	v.colWidths = make([]float32, len(v.cols))
	set := func(i int, w float32) {
		v.colWidths[i] = w
		v.table.SetColumnWidth(i, w)
	}
	for i, c := range v.cols {
		if w, saved := v.widths[c]; saved {
			set(i, w)
			continue
		}
		head := fyne.MeasureText(v.headerText(c), size, fyne.TextStyle{Bold: true}).Width + size
		w := head
		for j, p := range v.st.all {
			if j >= 500 {
				break
			}
			w = fyne.Max(w, fyne.MeasureText(v.cellText(p, c), size, fyne.TextStyle{}).Width)
		}
		limit := float32(120)
		switch c {
		case query.ByName:
			limit = 140
		case query.ByField:
			limit = 95 // "추진체계 및 제도" is cut, and shown whole in the filter and the form
		case query.ByPeriod:
			limit = 170
		}
		// Long cell text is cut at the limit; the header never is.
		set(i, fyne.Max(fyne.Min(w, limit), head)+pad)
	}
}

// saveWidths remembers the widths the user dragged the columns to.
func (v *registerView) saveWidths() {
	for h, col := range v.headers {
		if w := h.Size().Width; w > 20 {
			v.widths[col] = w
		}
	}
	for col, w := range v.widths {
		v.sh.prefs.SetFloat(prefColWidth+itoa(int(col)), float64(w))
	}
}

// sortTable is a Table whose header cells sort and whose dragged column
// widths are remembered.
type sortTable struct {
	widget.Table
	v *registerView
}

func newSortTable(v *registerView) *sortTable {
	t := &sortTable{v: v}
	t.Length = func() (int, int) { return len(v.rows), len(v.cols) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row >= len(v.rows) {
			l.SetText("")
			return
		}
		p, c := v.rows[id.Row], v.cols[id.Col]
		l.Importance = widget.MediumImportance
		l.Alignment = fyne.TextAlignLeading
		switch c {
		case query.ByTotal, query.ByProgress:
			l.Alignment = fyne.TextAlignTrailing
		case query.ByConflicts:
			l.Importance = widget.DangerImportance
		}
		if p.Deleted {
			l.Importance = widget.LowImportance
		}
		l.SetText(v.cellText(p, c))
	}
	t.ShowHeaderRow = true
	t.StickyColumnCount = frozenColumns
	t.CreateHeader = func() fyne.CanvasObject { return newHeaderCell(v) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		h := o.(*headerCell)
		if id.Col < 0 {
			return
		}
		h.col = v.cols[id.Col]
		v.headers[h] = h.col
		h.SetText(v.headerText(h.col))
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(v.rows) {
			return
		}
		p := v.rows[id.Row]
		if p.Code == v.selected {
			return
		}
		v.detail.leave(func() {
			v.selected = p.Code
			v.detail.show(p.Code)
		}, v.reselect) // stay: the row being edited is selected again
	}
	t.ExtendBaseWidget(t)
	return t
}

// DragEnd ends a column resize: remember the widths.
func (t *sortTable) DragEnd() {
	t.Table.DragEnd()
	t.v.saveWidths()
}

// headerCell is a column title that sorts by its column when tapped.
type headerCell struct {
	widget.Label
	v   *registerView
	col query.Column
}

func newHeaderCell(v *registerView) *headerCell {
	h := &headerCell{v: v}
	h.TextStyle = fyne.TextStyle{Bold: true}
	h.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerCell) Tapped(*fyne.PointEvent) { h.v.sortBy(h.col) }

// addProject asks for the few things a new project needs.
func (v *registerView) addProject() {
	if v.st.reg.ReadOnly() {
		v.sh.notify(lang.L("The register is open read-only: nothing can be changed."))
		return
	}
	var d *dialog.ConfirmDialog
	esc := func() { d.Dismiss() }
	code := v.sh.newEscEntry(esc)
	code.SetPlaceHolder("HA-E99")
	name := v.sh.newEscEntry(esc)
	fieldSel := newSelect(v.st.scheme.Fields, nil)
	var cityOpts []string
	for _, c := range model.Cities {
		cityOpts = append(cityOpts, field.CityName(c))
	}
	lead := newSelect(cityOpts, nil)
	kind := newSelect([]string{field.KindName(model.Continuing), field.KindName(model.New)}, nil)
	kind.SetSelected(field.KindName(model.New))
	submit := func(string) { d.Confirm() }
	code.OnSubmitted, name.OnSubmitted = submit, submit
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Code"), code),
		widget.NewFormItem(field.Label(model.FName), name),
		widget.NewFormItem(field.Label(model.FField), fieldSel),
		widget.NewFormItem(field.Label(model.FLead), lead),
		widget.NewFormItem(field.Label(model.FKind), kind),
	)
	var pop func()
	d = dialog.NewCustomConfirm(lang.L("Add project"), lang.L("Add"), lang.L("Cancel"), form, func(ok bool) {
		pop()
		if !ok {
			return
		}
		p := &model.Project{Code: strings.TrimSpace(code.Text), Name: strings.TrimSpace(name.Text), Field: fieldSel.Selected}
		for i, c := range model.Cities {
			if cityOpts[i] == lead.Selected {
				p.LeadCity = c
				p.Cities = []model.City{c}
			}
		}
		if kind.Selected == field.KindName(model.Continuing) {
			p.Kind = model.Continuing
		} else {
			p.Kind = model.New
		}
		v.sh.quietly(func(ctx context.Context) error {
			_, err := v.st.reg.Create(ctx, p)
			return err
		}, func(err error) {
			if err == nil {
				v.detail.show(p.Code) // the table selects what the form shows
				v.st.reload()
			}
		})
	}, v.sh.win)
	pop = v.sh.pushKeys(d.Confirm, d.Dismiss)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	v.sh.win.Canvas().Focus(code)
}

// savedColumns are the columns a person chose (prefColumns), or the defaults.
func (v *registerView) savedColumns() []query.Column {
	var cols []query.Column
	for _, part := range strings.Split(v.sh.prefs.String(prefColumns), ",") {
		n, err := strconv.Atoi(part)
		if err == nil && slices.Contains(query.Columns, query.Column(n)) && !slices.Contains(cols, query.Column(n)) {
			cols = append(cols, query.Column(n))
		}
	}
	if len(cols) < frozenColumns || cols[0] != query.ByCode || cols[1] != query.ByName {
		return slices.Clone(defaultColumns)
	}
	return cols
}

// setColumns shows cols (code and name always first) and remembers them.
func (v *registerView) setColumns(cols []query.Column) {
	v.cols = append([]query.Column{query.ByCode, query.ByName}, slices.DeleteFunc(cols, func(c query.Column) bool {
		return c == query.ByCode || c == query.ByName
	})...)
	parts := make([]string, len(v.cols))
	for i, c := range v.cols {
		parts[i] = itoa(int(c))
	}
	v.sh.prefs.SetString(prefColumns, strings.Join(parts, ","))
	v.fitColumns()
	v.table.Refresh()
}

// chooseColumns lets a person pick the columns besides code and name.
func (v *registerView) chooseColumns() {
	var names []string
	byName := map[string]query.Column{}
	var checked []string
	for _, c := range query.Columns {
		if c == query.ByCode || c == query.ByName {
			continue
		}
		names = append(names, columnTitle(c))
		byName[columnTitle(c)] = c
		if slices.Contains(v.cols, c) {
			checked = append(checked, columnTitle(c))
		}
	}
	group := widget.NewCheckGroup(names, nil)
	group.SetSelected(checked)
	note := widget.NewLabel(lang.L("Code and project name are always shown."))
	d := dialog.NewCustomConfirm(lang.L("Columns"), lang.L("Show"), lang.L("Cancel"), container.NewVBox(note, group), func(ok bool) {
		if !ok {
			return
		}
		var cols []query.Column
		for _, c := range query.Columns { // in the register's own order
			if slices.Contains(group.Selected, columnTitle(c)) {
				cols = append(cols, byName[columnTitle(c)])
			}
		}
		v.setColumns(cols)
	}, v.sh.win)
	v.lastColumnChoice, v.sh.lastConfirm = group, d
	d.Show()
}
