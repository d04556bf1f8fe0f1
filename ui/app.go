// Package ui is the desktop window of the Haeoreum register: the register
// table with its detail pane, the import wizard, conflicts, reports, the
// dashboard and settings. Every rule about data lives in data/; this
// package shows it, asks, and runs long work off the UI goroutine.
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

// UI is the application window and its screens.
type UI struct {
	*store // the register and what was read from it, which the screens listen to
	app    fyne.App
	win    fyne.Window
	prefs  fyne.Preferences
	opts   Options
	lang   msg.Lang
	unit   value.Unit

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

	keys             []*keyHandler
	jobs             jobs
	lastMessage      string
	lastConfirm      *dialog.ConfirmDialog
	lastChoices      map[string]func() // the buttons of the last askThree, by label
	lastColumnChoice *widget.CheckGroup
	lastSave         *saveDialog
	lastFyneOpen     *dialog.FileDialog
	system           systemDialog // nil: Fyne's file dialogs
	dialogOpen       bool         // a system file dialog is showing
	firstFrame       sync.Once
}

// New builds the window for reg in app a. It loads the translations in the
// chosen language first, so build it once per start.
func New(a fyne.App, reg *register.Register, o Options) *UI {
	u := &UI{store: newStore(reg), app: a, prefs: a.Preferences(), opts: o}
	u.lang = SetupLanguage(u.prefs)
	u.unit = unitFromPref(u.prefs.IntWithFallback(prefUnit, int(value.Baekman)))
	a.Settings().SetTheme(Theme(u.prefs.StringWithFallback(prefAppearance, appearanceSystem)))
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	u.win = a.NewWindow(lang.L("Haeoreum Register"))

	u.buildScreens()

	u.shortcuts()
	u.win.Canvas().SetOnTypedKey(u.typedKey)
	u.win.SetOnDropped(u.dropped)
	if o.SystemDialogs {
		u.system = chooseSystemDialog()
	}
	w := u.prefs.FloatWithFallback(prefWinW, 1440)
	h := u.prefs.FloatWithFallback(prefWinH, 900)
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
	undo := func(fyne.Shortcut) { u.undoLast(0, nil) }
	c.AddShortcut(&fyne.ShortcutUndo{}, undo)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: mod}, undo)
}

// reload reads the register again and refreshes every screen. It runs on
// the UI goroutine: a listing of the local register takes milliseconds.
func (u *UI) reload() {
	if err := u.load(context.Background()); err != nil { // the screens refresh themselves
		u.showError(err)
		return
	}
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
}

// undoLast undoes the newest batch (or batchID), after saying what it will
// take back: when later changes were made since, they are listed and undone
// with it, newest first, in one confirmed action.
func (u *UI) undoLast(batchID int64, after func(err error)) {
	if u.reg.ReadOnly() {
		u.notify(lang.L("The register is open read-only: nothing can be changed."))
		return
	}
	ctx := context.Background()
	if batchID == 0 {
		last, err := u.reg.LastUndoable(ctx, "")
		if err != nil {
			u.report(err)
			return
		}
		if last == nil {
			u.notify(msg.Text("register.nothing_to_undo"))
			return
		}
		batchID = last.ID
	}
	plan, err := u.reg.UndoPlan(ctx, batchID)
	if err != nil {
		u.report(err)
		return
	}
	var lines []string
	for _, b := range plan {
		lines = append(lines, "· "+batchText(b))
	}
	text := lang.L("Undo the last change ({{.What}})? Everything it changed goes back as it was.", map[string]any{"What": batchText(plan[0])})
	if len(plan) > 1 {
		text = lang.L("Later changes were made after it. These {{.N}} changes are undone together, newest first, and everything they changed goes back as it was:", map[string]any{"N": len(plan)}) +
			"\n" + strings.Join(lines, "\n")
	}
	u.confirm(lang.L("Undo"), text, lang.L("Undo"), func() {
		u.background(lang.L("Undoing"), func(ctx context.Context, _ Progress) error {
			_, err := u.reg.UndoThrough(ctx, batchID)
			return err
		}, func(err error) {
			u.reload()
			if after != nil {
				after(err)
			}
		})
	})
}

// batchText names a batch for a person: what, which file, when and by whom.
func batchText(b register.Batch) string {
	what := batchKindLabel(b.Kind)
	if b.File != "" {
		what += " · " + filepath.Base(b.File)
	}
	return what + " · " + shortTime(b.At) + " · " + b.User
}
