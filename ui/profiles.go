package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
)

// profilesView lists the saved sheet profiles (what was decided for a
// city's layout, applied when the same layout arrives again), shows one
// and deletes it. Opened from Settings.
type profilesView struct {
	st       *store // what it shows
	sh       *shell // the dialogs and jobs it asks for
	profiles []register.Profile
	selected int
	list     *widget.List
	detail   *widget.Label
	remove   *widget.Button
	dialog   *dialog.CustomDialog
}

// profilesButton is the Settings row that opens the profiles.
func profilesButton(st *store, sh *shell) fyne.CanvasObject {
	return widget.NewButtonWithIcon(lang.L("Saved sheet profiles…"), theme.ListIcon(), func() { showProfiles(st, sh) })
}

// showProfiles opens the list of saved sheet profiles.
func showProfiles(st *store, sh *shell) *profilesView {
	v := &profilesView{st: st, sh: sh, selected: -1}
	v.list = textList(func() int { return len(v.profiles) }, func(i int) string { return profileLine(v.profiles[i]) })
	v.list.OnSelected = func(i widget.ListItemID) { v.choose(i) }
	v.detail = widget.NewLabel(lang.L("Choose a profile to see what it remembers."))
	v.detail.Wrapping = fyne.TextWrapWord
	v.remove = widget.NewButtonWithIcon(lang.L("Delete profile…"), theme.DeleteIcon(), v.deleteSelected)
	v.remove.Disable()
	note := widget.NewLabel(lang.L("A profile is saved when a city's sheet is imported, and applied when the same layout from the same city arrives again. Deleting one makes the next such sheet read as new; undo brings it back."))
	note.Wrapping = fyne.TextWrapWord
	split := container.NewHSplit(v.list, container.NewVScroll(v.detail))
	split.Offset = 0.4
	content := container.NewBorder(note, container.NewHBox(v.remove), nil, nil, split)
	v.dialog = dialog.NewCustom(lang.L("Saved sheet profiles"), lang.L("Close"), content, sh.win)
	v.dialog.Resize(fyne.NewSize(860, 520))
	pop := sh.pushKeys(v.dialog.Hide, v.dialog.Hide)
	v.dialog.SetOnClosed(pop)
	v.refresh()
	v.dialog.Show()
	return v
}

func (v *profilesView) refresh() {
	list, err := v.st.reg.Profiles(context.Background())
	if err != nil {
		v.sh.showError(err)
		list = nil
	}
	v.profiles, v.selected = list, -1
	v.list.UnselectAll()
	v.list.Refresh()
	v.remove.Disable()
	if len(list) == 0 {
		v.detail.SetText(lang.L("No sheet profiles yet: one is saved with each city sheet imported."))
	} else {
		v.detail.SetText(lang.L("Choose a profile to see what it remembers."))
	}
}

func (v *profilesView) choose(i int) {
	if i < 0 || i >= len(v.profiles) {
		return
	}
	v.selected = i
	v.detail.SetText(profileText(v.profiles[i]))
	if !v.st.reg.ReadOnly() {
		v.remove.Enable()
	}
}

func (v *profilesView) deleteSelected() {
	if v.selected < 0 || v.selected >= len(v.profiles) {
		return
	}
	p := v.profiles[v.selected]
	v.sh.confirm(lang.L("Delete profile"),
		lang.L("Forget {{.City}}'s layout confirmed in {{.File}}? Its next sheet of this layout is read as new. This can be undone.",
			map[string]any{"City": field.CityName(p.City), "File": filepath.Base(p.File)}),
		lang.L("Delete"), func() {
			v.sh.background(lang.L("Delete profile"), func(ctx context.Context, _ Progress) error {
				_, err := v.st.reg.DeleteProfile(ctx, p.ID)
				return err
			}, func(error) {
				v.refresh()
				v.st.reload() // the wizard offers to undo the deletion
			})
		})
}

// profileLine is a profile's row in the list.
func profileLine(p register.Profile) string {
	return fmt.Sprintf("%s · %s · %s · %s", field.CityName(p.City), profileUnit(p), p.AsOf, filepath.Base(p.File))
}

// profileUnit is the remembered unit with how it was known.
func profileUnit(p register.Profile) string {
	if p.Unit == "" {
		return lang.L("each column's own unit")
	}
	unit := p.Unit
	if u, ok := field.ParseUnit(p.Unit); ok {
		unit = field.UnitName(u)
	}
	how := map[string]string{register.UnitStated: lang.L("stated in the sheet"), register.UnitOfficial: lang.L("chosen by an official"),
		register.UnitInferred: lang.L("agreed with the register")}[p.UnitSource]
	if how == "" {
		return unit
	}
	return unit + " (" + how + ")"
}

// profileText is everything a profile remembers, for a person.
func profileText(p register.Profile) string {
	lines := []string{
		lang.L("City: {{.City}}", map[string]any{"City": field.CityName(p.City)}),
		lang.L("Unit of amounts: {{.Unit}}", map[string]any{"Unit": profileUnit(p)}),
		lang.L("Confirmed in {{.File}} (as of {{.AsOf}})", map[string]any{"File": filepath.Base(p.File), "AsOf": p.AsOf}),
	}
	if p.CityDecided {
		lines = append(lines, lang.L("The city was chosen by an official."))
	}
	if p.Sheet != "" {
		lines = append(lines, lang.L("Sheet chosen: {{.Sheet}}", map[string]any{"Sheet": p.Sheet}))
	}
	if p.HeaderRow > 0 {
		lines = append(lines, lang.L("Header row named: row {{.Row}}", map[string]any{"Row": p.HeaderRow}))
	}
	for _, c := range p.Columns {
		lines = append(lines, lang.L("Column {{.Col}}: {{.Means}}", map[string]any{"Col": c.Col, "Means": columnMeaning(c.Means)}))
	}
	lines = append(lines, "", lang.L("Columns of the layout:"))
	lines = append(lines, p.Headers...)
	return strings.Join(lines, "\n")
}

// columnMeaning names a remembered column decision with the register's
// label, not its internal key.
func columnMeaning(means string) string {
	if means == "ignore" {
		return lang.L("(not used)")
	}
	if l := field.Label(model.FieldKey(means)); l != means {
		return l
	}
	return means
}

// changeLine is one changed value in the import preview: the register's
// value, the sheet's, and what the same city's previous sheet said
// (지난 제출 대비), when it reported the field before.
func changeLine(c reconcile.Change, unit func(model.FieldKey, string) string) string {
	line := fmt.Sprintf("%s %s · %s: %s → %s (%s)", c.Code, c.Name, field.Label(c.Field), unit(c.Field, c.Old), unit(c.Field, c.New), c.Cell)
	if c.Previous != nil {
		line += " · " + lang.L("since the last sheet ({{.AsOf}}): {{.Value}}",
			map[string]any{"AsOf": c.Previous.AsOf, "Value": unit(c.Field, c.Previous.Value)})
	}
	return line
}
