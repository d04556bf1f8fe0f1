// Package ui is the desktop window of the Haeoreum register: the register
// table with its detail pane, the import wizard, conflicts, rounds,
// reports, the dashboard and settings. Every rule about data lives in
// data/; this package shows it, asks, and runs long work off the UI
// goroutine.
//
// The window (UI, app.go and language.go) builds each screen from the
// store it shows (store.go: the register, what was read from it, the
// display unit, and listeners), the shell it asks for dialogs, jobs and
// file dialogs (shell.go), and the few other things its constructor
// names. A change to the register is followed by store.reload, and every
// screen that listens refreshes itself.
package ui

import (
	"context"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/assets"
	"github.com/haeoreum/register/assets/sample"
	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/value"
)

// Options say how to build the window.
type Options struct {
	// OfferSample asks, when the register is empty, whether to load the
	// bundled synthetic sample register.
	OfferSample bool
	// Reporter writes the consolidated report and the city templates.
	Reporter Reporter
	// OnFirstFrame is called once, from the render thread, when the window
	// paints its first frame (start-up measurement).
	OnFirstFrame func()
	// SystemDialogs uses the system's own file dialog where there is one
	// (filedialog.go); tests leave it off and get Fyne's.
	SystemDialogs bool
	// Files are put in the import wizard at start (the command line:
	// Explorer's "Open with", a desktop file's %F).
	Files []string
}

// UI is the application window: the store, the shell its screens ask for
// dialogs and jobs, the screens and the tabs that hold them. Only the
// window knows every screen; a screen knows the store, the shell and the
// few others it works with (its constructor says which).
type UI struct {
	*store // the register and what was read from it, which the screens listen to
	*shell // dialogs, background jobs and file dialogs
	app    fyne.App
	opts   Options
	lang   msg.Lang

	tabs       *container.AppTabs
	tabReg     *container.TabItem
	tabImport  *container.TabItem
	tabConfl   *container.TabItem
	tabRounds  *container.TabItem
	tabReports *container.TabItem
	tabDash    *container.TabItem
	tabSet     *container.TabItem
	status     *widget.Label

	table     *registerView
	detail    *detailView
	importer  *importWizard
	conflView *conflictsView
	rounds    *roundsView
	reports   *reportsView
	dashboard *dashboardView
	settings  *settingsView

	firstFrame sync.Once
	// the empty register's offer of the sample, which files handed over
	// later take the place of (handoff.go)
	sampleOffer *dialog.ConfirmDialog
}

// New builds the window for reg in app a. It loads the translations in the
// chosen language first, so build it once per start.
func New(a fyne.App, reg *register.Register, o Options) *UI {
	prefs := a.Preferences()
	sh := &shell{prefs: prefs}
	u := &UI{shell: sh, app: a, opts: o}
	u.store = newStore(reg, unitFromPref(prefs.IntWithFallback(prefUnit, int(value.Baekman))), sh.showError)
	u.lang = SetupLanguage(prefs)
	a.Settings().SetTheme(Theme(prefs.StringWithFallback(prefAppearance, appearanceSystem)))
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	u.win = a.NewWindow(lang.L("Haeoreum Register"))

	u.buildScreens()

	u.shortcuts()
	u.win.Canvas().SetOnTypedKey(u.typedKey)
	u.win.SetOnDropped(u.dropped)
	if o.SystemDialogs {
		u.system = chooseSystemDialog()
	}
	w := prefs.FloatWithFallback(prefWinW, 1440)
	h := prefs.FloatWithFallback(prefWinH, 900)
	u.win.Resize(fyne.NewSize(float32(w), float32(h)))
	u.win.SetCloseIntercept(u.requestClose)
	u.reload()
	// with files to import (start), the user came for them, not the sample
	if len(o.Files) == 0 && o.OfferSample && !reg.ReadOnly() && len(u.all) == 0 {
		u.offerSample()
	}
	return u
}

// requestClose closes the window, after asking about unsaved edits.
func (u *UI) requestClose() {
	u.detail.leave(func() {
		u.saveState()
		u.win.Close()
	}, nil)
}

// Window is the application window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window and runs the application.
func (u *UI) ShowAndRun() {
	u.start()
	u.win.ShowAndRun()
}

// start begins the work the window was opened for: the command line's
// files go to the import wizard (after New, so that tests can take the
// background jobs' updates first).
func (u *UI) start() { u.importFiles(u.opts.Files...) }

// importFiles puts files in the import wizard and shows it: files dropped
// on the window or named on the command line (Explorer's "Open with").
func (u *UI) importFiles(paths ...string) {
	var files []string
	for _, p := range paths {
		if p = strings.TrimSpace(p); p != "" {
			files = append(files, p)
		}
	}
	if len(files) == 0 {
		return
	}
	u.tabs.Select(u.tabImport)
	u.importer.add(files...)
}

// dropped takes files dropped on the window (several at once) to the
// import wizard; anything but local files is ignored.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	u.importFiles(paths...)
}

// saveState remembers the window size and the table's columns.
func (u *UI) saveState() {
	s := u.win.Canvas().Size()
	if s.Width > 100 && s.Height > 100 {
		u.prefs.SetFloat(prefWinW, float64(s.Width))
		u.prefs.SetFloat(prefWinH, float64(s.Height))
	}
	u.table.saveWidths()
}

func (u *UI) shortcuts() {
	c := u.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: mod}, func(fyne.Shortcut) {
		u.tabs.Select(u.tabImport)
		u.importer.chooseFiles()
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: mod}, func(fyne.Shortcut) {
		u.tabs.Select(u.tabReports)
		u.reports.export()
	})
	// Ctrl+1 … Ctrl+7: the tabs, in order (as in a browser)
	digits := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7}
	for i := range min(len(digits), len(u.tabs.Items)) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: digits[i], Modifier: mod}, func(fyne.Shortcut) { u.tabs.SelectIndex(i) })
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: mod}, func(fyne.Shortcut) {
		u.tabs.Select(u.tabReg)
		u.win.Canvas().Focus(u.table.search)
	})
	// Ctrl+Q closes the window as its close button does (asking about
	// unsaved edits first): Linux desktops expect it, and without a window
	// manager (the end-to-end test under Xvfb) there is no close button.
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: mod}, func(fyne.Shortcut) { u.requestClose() })
	// GLFW turns Ctrl+Z into fyne.ShortcutUndo, which a focused Entry takes
	// for its own typing; anywhere else it undoes the register's last change.
	undo := func(fyne.Shortcut) { undo(u.store, u.shell, 0, nil) }
	c.AddShortcut(&fyne.ShortcutUndo{}, undo)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: mod}, undo)
}

// showStatus shows the register's name and counts in the title, the
// status bar and the conflicts tab (a listener of the store).
func (u *UI) showStatus() {
	u.updateTitle()
	live := u.live()
	sampleMark, readOnly := "", ""
	if u.sample {
		sampleMark = "[" + lang.L("SAMPLE DATA (synthetic)") + "]"
	}
	if u.reg.ReadOnly() {
		readOnly = "[" + lang.L("read-only") + "]"
	}
	u.status.SetText(joinNonEmpty("   ·   ", sampleMark, readOnly,
		u.reg.Path(),
		lang.L("{{.N}} projects", map[string]any{"N": live}),
		lang.L("{{.N}} open conflicts", map[string]any{"N": len(u.conflicts)}),
		lang.L("Amounts in {{.Unit}}", map[string]any{"Unit": field.UnitName(u.unit)})))
	u.tabConfl.Text = lang.L("Conflicts") + conflictBadge(len(u.conflicts))
	u.tabs.Refresh()
}

func conflictBadge(n int) string {
	if n == 0 {
		return ""
	}
	return " (" + itoa(n) + ")"
}

func (u *UI) updateTitle() {
	t := lang.L("Haeoreum Register") + " — " + filepath.Base(u.reg.Path())
	if u.sample {
		t += " — " + lang.L("SAMPLE DATA (synthetic)")
	}
	if u.reg.ReadOnly() {
		t += " — " + lang.L("read-only")
	}
	u.win.SetTitle(t)
}

// offerSample asks whether to fill the empty register with the sample.
func (u *UI) offerSample() {
	u.confirm(lang.L("The register is empty"),
		lang.L("This register has no projects yet. Load the sample register to try the program? It holds synthetic data only (예시 자료(가상)) and is marked as such in the title bar. You can instead import the city sheets in the Import tab."),
		lang.L("Load sample"), func() {
			u.background(lang.L("Loading the sample register"), func(ctx context.Context, _ Progress) error {
				return sample.Load(ctx, u.reg)
			}, func(err error) {
				if err == nil {
					u.reload()
				}
			})
		})
	u.sampleOffer = u.lastConfirm
}
