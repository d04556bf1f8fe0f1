package ui

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf16"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/haeoreum/register/data/register"
)

// fakeDialog stands for the system's file dialog: it answers with what
// the test set and records what it was asked.
type fakeDialog struct {
	paths []string // open's answer (nil: cancelled)
	saved string   // save's answer ("": cancelled)
	err   error
	asked []fileRequest
	noAsk bool // its save dialog does not ask before replacing (old zenity)
}

func (f *fakeDialog) asksOverwrite() bool { return !f.noAsk }

func (f *fakeDialog) open(r fileRequest) ([]string, error) {
	f.asked = append(f.asked, r)
	return f.paths, f.err
}

func (f *fakeDialog) save(r fileRequest) (string, error) {
	f.asked = append(f.asked, r)
	return f.saved, f.err
}

func fixturePaths(t *testing.T) []string {
	var paths []string
	for _, f := range fixtureFiles {
		paths = append(paths, filepath.Join(fixtures(t), f))
	}
	return paths
}

func wizardPaths(w *importWizard) []string {
	var got []string
	for _, f := range w.files {
		got = append(got, f.path)
	}
	slices.Sort(got)
	return got
}

// Several files chosen at once in the system's dialog all go to the
// import wizard, which previews them; the dialog was asked for several
// files, in the last folder used, with the sheets' extensions.
func TestSystemDialogChoosesSeveralFiles(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	paths := fixturePaths(t)
	fake := &fakeDialog{paths: paths}
	u.system = fake
	u.importer.chooseFiles()
	u.Wait()
	if len(fake.asked) != 1 || !fake.asked[0].multiple || !slices.Contains(fake.asked[0].exts, ".csv") {
		t.Fatalf("the dialog was asked %+v", fake.asked)
	}
	want := slices.Sorted(slices.Values(paths))
	if got := wizardPaths(u.importer); !slices.Equal(got, want) {
		t.Fatalf("wizard has %v, want %v", got, want)
	}
	for _, f := range u.importer.files {
		if f.preview == nil || f.err != nil {
			t.Fatalf("%s not previewed: %v", f.name(), f.err)
		}
	}
	if u.prefs.String(prefLastFolder) != fixtures(t) {
		t.Fatalf("last folder %q", u.prefs.String(prefLastFolder))
	}
	// the next dialog starts there
	u.importer.chooseFiles()
	u.Wait()
	if fake.asked[1].folder != fixtures(t) {
		t.Fatalf("second dialog starts in %q", fake.asked[1].folder)
	}
	if u.dialogOpen {
		t.Fatal("the dialog is still marked open")
	}
}

// A cancelled dialog changes nothing; a dialog that cannot be shown gives
// way to Fyne's.
func TestSystemDialogCancelAndFallback(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	u.system = &fakeDialog{}
	u.importer.chooseFiles()
	u.Wait()
	if len(u.importer.files) != 0 || u.lastFyneOpen != nil {
		t.Fatalf("cancelled: %d files, fyne dialog %v", len(u.importer.files), u.lastFyneOpen)
	}
	u.system = &fakeDialog{err: errNoSystemDialog}
	u.importer.chooseFiles()
	u.Wait()
	if u.lastFyneOpen == nil {
		t.Fatal("Fyne's dialog did not take over")
	}
}

// The system's save dialog: a name typed without the extension gets it,
// and replacing another file of that name is asked about first (the
// dialog only asked about the name as typed).
func TestSystemSaveDialog(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	dir := t.TempDir()
	var saved []string
	onSave := func(p string) { saved = append(saved, p) }
	u.system = &fakeDialog{saved: filepath.Join(dir, "보고서")}
	u.saveAs("보고서 내보내기", "report.xlsx", ".xlsx", onSave)
	u.Wait()
	if want := filepath.Join(dir, "보고서.xlsx"); len(saved) != 1 || saved[0] != want {
		t.Fatalf("saved %v, want %s", saved, want)
	}
	if err := os.WriteFile(saved[0], []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.lastConfirm = nil
	u.saveAs("보고서 내보내기", "report.xlsx", ".xlsx", onSave)
	u.Wait()
	if len(saved) != 1 || u.lastConfirm == nil {
		t.Fatalf("replacing was not asked: saved %v", saved)
	}
	u.lastConfirm.Confirm()
	if len(saved) != 2 {
		t.Fatalf("confirmed replace did not save: %v", saved)
	}
	// with the extension, the system dialog's own overwrite question stands
	u.system = &fakeDialog{saved: saved[0]}
	u.saveAs("보고서 내보내기", "report.xlsx", ".xlsx", onSave)
	u.Wait()
	if len(saved) != 3 {
		t.Fatalf("saved %v", saved)
	}
	// a dialog that does not ask itself: the program asks
	u.system = &fakeDialog{saved: saved[0], noAsk: true}
	u.lastConfirm = nil
	u.saveAs("보고서 내보내기", "report.xlsx", ".xlsx", onSave)
	u.Wait()
	if len(saved) != 3 || u.lastConfirm == nil {
		t.Fatalf("replacing was not asked for a dialog that does not: %v", saved)
	}
	if u.prefs.String(prefLastFolder) != dir {
		t.Fatalf("last folder %q", u.prefs.String(prefLastFolder))
	}
}

// Files dropped on the window and files named on the command line go to
// the import wizard and are previewed; a dropped web link is ignored.
func TestDropAndCommandLineFiles(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	paths := fixturePaths(t)
	link, _ := storage.ParseURI("https://example.org/a.xlsx")
	uris := []fyne.URI{link}
	for _, p := range paths[:2] {
		uris = append(uris, storage.NewFileURI(p))
	}
	u.tabs.Select(u.tabReg)
	u.dropped(fyne.NewPos(10, 10), uris)
	u.Wait()
	if u.tabs.Selected() != u.tabImport {
		t.Fatal("dropping did not show the import wizard")
	}
	if got, want := wizardPaths(u.importer), slices.Sorted(slices.Values(paths[:2])); !slices.Equal(got, want) {
		t.Fatalf("dropped: wizard has %v, want %v", got, want)
	}

	// the next start, with the four files on its command line: they are
	// in the wizard at once, and the empty register does not offer the
	// sample over them
	u2 := e.build(Options{Reporter: &fakeReporter{}, OfferSample: true, Files: paths})
	u2.start() // what ShowAndRun does first
	u2.Wait()
	if u2.tabs.Selected() != u2.tabImport {
		t.Fatal("command-line files did not show the import wizard")
	}
	if got, want := wizardPaths(u2.importer), slices.Sorted(slices.Values(paths)); !slices.Equal(got, want) {
		t.Fatalf("command line: wizard has %v, want %v", got, want)
	}
	if u2.lastConfirm != nil {
		t.Fatalf("a question was asked over the files: %q", u2.lastMessage)
	}
	for _, f := range u2.importer.files {
		if f.preview == nil || f.err != nil {
			t.Fatalf("%s not previewed: %v", f.name(), f.err)
		}
	}
	// and applied from there, all in order
	u2.importer.applyAll.OnTapped()
	u2.Wait()
	if len(u2.importer.pending()) != 0 {
		t.Fatalf("%d files not applied", len(u2.importer.pending()))
	}
	if len(u2.all) == 0 || len(u2.conflicts) == 0 {
		t.Fatalf("after applying: %d projects, %d conflicts", len(u2.all), len(u2.conflicts))
	}
}

// press sends Ctrl+key to the window, as GLFW does.
func press(u *UI, key fyne.KeyName) {
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

// Ctrl+1 … Ctrl+7 choose the tabs; Ctrl+Q closes the window.
func TestTabAndQuitShortcuts(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	for i := range u.tabs.Items {
		key := fyne.KeyName(string(rune('1' + i)))
		press(u, key)
		if u.tabs.SelectedIndex() != i {
			t.Fatalf("Ctrl+%s selected tab %d", key, u.tabs.SelectedIndex())
		}
	}
	closed := false
	u.win.SetOnClosed(func() { closed = true })
	press(u, fyne.KeyQ)
	if !closed {
		t.Fatal("Ctrl+Q did not close the window")
	}
}

// The Explorer dialog's answer: one full path, or the folder and names.
func TestMultiSelectionBuffer(t *testing.T) {
	enc := func(s string) []uint16 {
		var b []uint16
		for _, r := range s {
			b = append(b, uint16(r))
		}
		return append(b, make([]uint16, 8)...)
	}
	if got := multiSelection(enc("/tmp/시트.xlsx\x00")); !slices.Equal(got, []string{"/tmp/시트.xlsx"}) {
		t.Fatalf("one file: %v", got)
	}
	got := multiSelection(enc("/tmp/현황\x00포항.xlsx\x00울산.csv\x00"))
	want := []string{filepath.Join("/tmp/현황", "포항.xlsx"), filepath.Join("/tmp/현황", "울산.csv")}
	if !slices.Equal(got, want) {
		t.Fatalf("two files: %v, want %v", got, want)
	}
	if got := multiSelection(make([]uint16, 4)); len(got) != 0 {
		t.Fatalf("empty: %v", got)
	}
}

// The Windows dialog's filter: a label and the patterns, each ended by
// NUL, the list by a second NUL (an empty list showed no file types).
func TestWindowsFilterList(t *testing.T) {
	newEnv(t, "en", false) // the label in English
	got := filterList([]string{".xlsx", ".CSV"})
	want := utf16.Encode([]rune("Files of type xlsx, csv\x00*.xlsx;*.csv\x00\x00"))
	if !slices.Equal(got, want) {
		t.Fatalf("filter %q, want %q", string(utf16.Decode(got)), string(utf16.Decode(want)))
	}
	if filterList(nil) != nil {
		t.Fatal("no extensions: a filter")
	}
}

// The start-up screenshot is the window as drawn, as a PNG of its size.
func TestSaveScreenshot(t *testing.T) {
	e := newEnv(t, "ko", true)
	e.u.win.Resize(fyne.NewSize(1024, 700))
	path := filepath.Join(t.TempDir(), "shot.png")
	if _, err := SaveScreenshot(e.u.win, path); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 680 || uniform(img) {
		t.Fatalf("screenshot %v, uniform %v", b, uniform(img))
	}
	blank := image.NewNRGBA(image.Rect(0, 0, 10, 10))
	for i := range blank.Pix {
		blank.Pix[i] = 0xff
	}
	blank.Set(0, 0, color.White)
	if !uniform(blank) {
		t.Fatal("a white image is not uniform")
	}
}

// A register someone else has open: the small window says so and opens
// it read-only on request, in the full window.
func TestOpenFailedOffersReadOnly(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "ko")
	path := filepath.Join(t.TempDir(), "register.db")
	reg, err := register.Open(path, register.Options{Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	reg.Close()
	f := newOpenFailed(a, path, register.ErrInUse, Options{})
	if f.readOnly == nil || f.text.Text == "" {
		t.Fatalf("no read-only offer: %q", f.text.Text)
	}
	test.Tap(f.readOnly)
	if f.u == nil || !f.reg.ReadOnly() {
		t.Fatalf("not opened read-only: %q", f.text.Text)
	}
	f.u.Wait()
	f.reg.Close()
	// another failure has no such offer
	other := newOpenFailed(a, filepath.Join(t.TempDir(), "missing", "x.db"), os.ErrPermission, Options{})
	if other.readOnly != nil {
		t.Fatal("read-only offered for a failure that is not about another user")
	}
}

// blockingDialog is a system dialog that answers when the test says so.
type blockingDialog struct {
	fakeDialog
	release chan struct{}
}

func (b *blockingDialog) open(r fileRequest) ([]string, error) {
	<-b.release
	return b.fakeDialog.open(r)
}

// While the system's dialog is open (the window stays usable beside
// zenity or kdialog), what must wait for running work, such as rebuilding
// the screens in another language, waits for its answer too: otherwise the
// chosen files would go to a wizard already replaced. Closing the window
// (Wait) still does not wait for a dialog left open. This is the path the
// program runs, without the tests' job queue.
func TestWorkWaitsForAnOpenSystemDialog(t *testing.T) {
	test.NewTempApp(t)
	dlg := &blockingDialog{fakeDialog: fakeDialog{paths: []string{"/tmp/a.xlsx"}}, release: make(chan struct{})}
	sh := &shell{win: test.NewWindow(nil), prefs: fyne.CurrentApp().Preferences(), system: dlg}
	got := make(chan []string, 1)
	sh.openFiles("열기", []string{".xlsx"}, true, func(paths []string) { got <- paths })
	idle := make(chan struct{})
	sh.whenIdle(func() { close(idle) })
	select {
	case <-idle:
		t.Fatal("work waiting for idle ran while the system dialog was still open")
	default:
	}
	sh.Wait() // returns at once: the dialog is not a job closing waits for
	close(dlg.release)
	if paths := <-got; len(paths) != 1 || paths[0] != "/tmp/a.xlsx" {
		t.Fatalf("answer %v", paths)
	}
	<-idle // after the answer was used
}
