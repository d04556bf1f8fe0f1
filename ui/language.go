package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/msg"
)

// buildScreens makes every screen and the tabs in the current language and
// puts them in the window: once at start, and again when the language
// changes (Fyne's widgets take their text when they are made).
func (u *UI) buildScreens() {
	st, sh := u.store, u.shell
	st.forgetListeners() // the screens being replaced listen no more
	st.listen(u.showStatus)
	u.detail = newDetailView(st, sh)
	u.table = newRegisterView(st, sh, u.detail)
	u.importer = newImportWizard(st, sh)
	u.conflView = newConflictsView(st, sh)
	u.rounds = newRoundsView(st, sh)
	u.reports = newReportsView(st, sh, u.opts.Reporter, u.app.OpenURL)
	u.dashboard = newDashboardView(st)
	u.settings = newSettingsView(st, sh, u.lang, u.switchLanguage, u.app.Settings().SetTheme)

	split := container.NewHSplit(u.table.content, u.detail.content)
	split.Offset = 0.74
	u.tabReg = container.NewTabItem(lang.L("Register"), split)
	u.tabImport = container.NewTabItem(lang.L("Import"), u.importer.content)
	u.tabConfl = container.NewTabItem(lang.L("Conflicts"), u.conflView.content)
	u.tabRounds = container.NewTabItem(lang.L("Rounds"), u.rounds.content)
	u.tabReports = container.NewTabItem(lang.L("Reports"), u.reports.content)
	u.tabDash = container.NewTabItem(lang.L("Dashboard"), u.dashboard.content)
	u.tabSet = container.NewTabItem(lang.L("Settings"), u.settings.content)
	u.tabs = container.NewAppTabs(u.tabReg, u.tabImport, u.tabConfl, u.tabRounds, u.tabReports, u.tabDash, u.tabSet)
	u.tabs.OnSelected = func(t *container.TabItem) {
		if t != u.tabReg && u.detail.dirty() {
			// leaving the register's form with unsaved edits: ask first
			u.tabs.Select(u.tabReg)
			u.detail.leave(func() { u.tabs.Select(t) }, nil)
			return
		}
		if t == u.tabDash {
			u.dashboard.refresh()
		}
	}
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis
	marker := canvas.NewRaster(func(w, h int) image.Image {
		u.firstFrame.Do(func() {
			if u.opts.OnFirstFrame != nil {
				u.opts.OnFirstFrame()
			}
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // transparent
	})
	marker.SetMinSize(fyne.NewSize(1, 1))
	u.win.SetContent(container.NewBorder(nil, container.NewBorder(nil, nil, nil, marker, u.status), nil, nil, u.tabs))
}

// switchLanguage shows the window in language l at once, on the same tab
// with the same project, conflict and import files, after the form's
// unsaved edits are dealt with (a rebuilt form starts from the register).
// stay runs when the person chooses to stay with the edits instead.
func (u *UI) switchLanguage(l msg.Lang, stay func()) {
	if l == u.lang {
		return
	}
	u.detail.leave(func() { u.rebuildIn(l) }, stay)
}

// rebuildIn rebuilds the screens in language l. Work still running would
// report to the screens it started from, so the rebuild waits until it is
// done.
func (u *UI) rebuildIn(l msg.Lang) {
	u.prefs.SetString(prefLanguage, string(l))
	u.whenIdle(func() {
		u.lang = SetupLanguage(u.prefs)
		was := u.screenState()
		u.table.saveWidths()
		u.buildScreens()
		u.reload()
		u.restoreScreens(was)
	})
}

// screenState is what a person was looking at, kept across a rebuild.
type screenState struct {
	tab         int
	table       *registerView
	project     string
	conflict    int64
	showDecided bool
	importer    *importWizard
}

func (u *UI) screenState() screenState {
	s := screenState{tab: u.tabs.SelectedIndex(), table: u.table, importer: u.importer,
		showDecided: u.conflView.showDecided.Checked}
	if u.detail.p != nil {
		s.project = u.detail.p.Code
	}
	if c := u.conflView.current; c != nil {
		s.conflict = c.ID
	}
	return s
}

// restoreScreens puts the rebuilt screens back where the old ones were.
func (u *UI) restoreScreens(s screenState) {
	t := u.table
	t.filter, t.sortCol, t.desc = s.table.filter, s.table.sortCol, s.table.desc
	t.search.SetText(s.table.search.Text)
	if s.project != "" {
		u.detail.show(s.project)
	}
	t.refresh() // selects the project the form shows
	u.conflView.showDecided.SetChecked(s.showDecided)
	for i, c := range u.conflView.items {
		if c.ID == s.conflict {
			u.conflView.list.Select(i)
		}
	}
	// the files in the wizard are data (path, preview, the official's
	// choices): the new wizard shows the same ones
	w := u.importer
	w.files = s.importer.files
	w.list.Refresh()
	if s.importer.current != nil {
		w.show(s.importer.current)
	}
	w.refreshApplyAll()
	if s.tab >= 0 && s.tab < len(u.tabs.Items) {
		u.tabs.SelectIndex(s.tab)
	}
}
