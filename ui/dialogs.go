package ui

import (
	"log"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/msg"
)

// ErrorText is what the user reads for err: the data layer's own sentence
// (already in the user's language, naming file, sheet and cell), or for
// anything else a translated sentence that says what to do, never a bare
// Go error string. The raw error goes to the log.
func ErrorText(err error) string {
	if cause := msg.Cause(err); cause != "" {
		log.Printf("error: %v (cause: %s)", err, cause)
	}
	return msg.Render(err)
}

// keyHandler is what Enter and Esc do while a dialog is open.
type keyHandler struct{ enter, escape func() }

// pushKeys makes Enter and Esc act on the dialog just shown, until the
// returned pop is called (any number of times).
func (sh *shell) pushKeys(enter, escape func()) (pop func()) {
	h := &keyHandler{enter, escape}
	sh.keys = append(sh.keys, h)
	return func() {
		for i, k := range sh.keys {
			if k == h {
				sh.keys = append(sh.keys[:i], sh.keys[i+1:]...)
				return
			}
		}
	}
}

// typedKey handles Enter and Esc on the canvas (when no entry has focus).
func (sh *shell) typedKey(ev *fyne.KeyEvent) {
	if len(sh.keys) == 0 {
		return
	}
	top := sh.keys[len(sh.keys)-1]
	switch ev.Name {
	case fyne.KeyEscape:
		if top.escape != nil {
			top.escape()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if top.enter != nil {
			top.enter()
		}
	}
}

// message shows a dialog with wrapped text and an OK button (Enter/Esc).
func (sh *shell) message(title, text string) {
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, lang.L("OK"), label, sh.win)
	pop := sh.pushKeys(d.Hide, d.Hide)
	d.SetOnClosed(pop)
	d.Resize(fyne.NewSize(520, 0))
	sh.lastMessage = text
	sh.win.Canvas().Unfocus() // so that Enter and Esc reach the dialog
	d.Show()
}

// showError tells the user what happened and what to do next.
func (sh *shell) showError(err error) { sh.message(lang.L("Error"), ErrorText(err)) }

// notify shows a short information.
func (sh *shell) notify(text string) { sh.message(lang.L("Information"), text) }

// confirm asks a yes/no question; Enter confirms, Esc declines.
func (sh *shell) confirm(title, text, yes string, onYes func()) {
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	sh.lastMessage = text
	sh.confirmForm(title, label, yes, onYes)
}

// confirmForm shows content (a form) in a dialog; Enter or yes runs onYes,
// Esc cancels.
func (sh *shell) confirmForm(title string, form fyne.CanvasObject, yes string, onYes func()) {
	sh.twoButtons(title, form, yes, lang.L("Cancel"), onYes)
}

// twoButtons shows content with a button that runs onYes (Enter) and one
// that closes the dialog (Esc), labelled no.
func (sh *shell) twoButtons(title string, form fyne.CanvasObject, yes, no string, onYes func()) {
	var pop func()
	d := dialog.NewCustomConfirm(title, yes, no, form, func(ok bool) {
		pop()
		if ok {
			onYes()
		}
	}, sh.win)
	d.Resize(fyne.NewSize(520, 0))
	pop = sh.pushKeys(d.Confirm, d.Dismiss)
	sh.lastConfirm = d
	sh.win.Canvas().Unfocus() // so that Enter and Esc reach the dialog
	d.Show()
}

// choice is one button of a question with more than two answers.
type choice struct {
	label string
	do    func()
}

// askThree asks a question with several answers (the first is the default,
// taken with Enter; Esc takes the last). The dialog is kept in lastChoices
// for tests.
func (sh *shell) askThree(title, text string, choices []choice) {
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	var pop func()
	pick := func(c choice) func() {
		return func() {
			pop()
			d.Hide()
			c.do()
		}
	}
	var buttons []fyne.CanvasObject
	for i, c := range choices {
		b := widget.NewButton(c.label, pick(c))
		if i == 0 {
			b.Importance = widget.HighImportance
		}
		buttons = append(buttons, b)
	}
	d = dialog.NewCustomWithoutButtons(title, label, sh.win)
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(520, 0))
	pop = sh.pushKeys(pick(choices[0]), pick(choices[len(choices)-1]))
	sh.lastMessage = text
	sh.lastChoices = map[string]func(){}
	for _, c := range choices {
		sh.lastChoices[c.label] = pick(c)
	}
	sh.win.Canvas().Unfocus()
	d.Show()
}

// escEntry is an Entry on which Esc cancels the dialog it is in and Enter
// submits (single line).
type escEntry struct {
	imeEntry
	onEscape func()
}

func (sh *shell) newEscEntry(onEscape func()) *escEntry {
	e := &escEntry{imeEntry: imeEntry{win: sh.win}, onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.imeEntry.TypedKey(ev)
}

// lastFolder is the folder of the last file the user chose.
func (sh *shell) lastFolder() fyne.ListableURI {
	dir := sh.prefs.String(prefLastFolder)
	if dir == "" {
		if home, err := os.UserHomeDir(); err == nil {
			dir = home
		}
	}
	if dir == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

func (sh *shell) rememberFolder(path string) {
	sh.prefs.SetString(prefLastFolder, filepath.Dir(path))
}

// fyneSaveAs asks for a file to write: a folder (Fyne's folder dialog) and
// a name, adds the extension if missing, and asks in the user's language
// before overwriting. Fyne's own save dialog asks in English only. It is
// the fallback of saveAs (filedialog.go) and the dialog of the tests.
func (sh *shell) fyneSaveAs(title, suggested, ext string, onSave func(path string)) {
	folder := sh.prefs.String(prefLastFolder)
	if folder == "" {
		folder, _ = os.UserHomeDir()
	}
	folderLabel := widget.NewLabel(folder)
	folderLabel.Wrapping = fyne.TextWrapBreak
	var d *dialog.ConfirmDialog
	name := sh.newEscEntry(func() { d.Dismiss() })
	name.SetText(suggested)
	save := func() {
		fname := strings.TrimSpace(name.Text)
		if fname == "" {
			return
		}
		if !strings.EqualFold(filepath.Ext(fname), ext) {
			fname += ext
		}
		path := filepath.Join(folder, fname)
		sh.prefs.SetString(prefLastFolder, folder)
		if _, err := os.Stat(path); err == nil {
			sh.confirm(lang.L("Replace file?"),
				lang.L("{{.File}} already exists in {{.Folder}}. Replace it? The old file will be lost.", map[string]any{"File": fname, "Folder": folder}),
				lang.L("Replace"), func() { onSave(path) })
			return
		}
		onSave(path)
	}
	name.OnSubmitted = func(string) { d.Confirm() }
	change := widget.NewButton(lang.L("Change folder…"), func() {
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil || l == nil {
				return
			}
			folder = l.Path()
			folderLabel.SetText(folder)
		}, sh.win)
		if l := sh.lastFolder(); l != nil {
			fd.SetLocation(l)
		}
		fd.SetTitleText(lang.L("Choose a folder")) // Fyne's own reads "열기 폴더"
		fd.Resize(sh.dialogSize())
		fd.Show()
		localizeFileDialog(sh.win.Canvas())
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, change, folderLabel)),
		widget.NewFormItem(lang.L("File name"), name),
	)
	var pop func()
	d = dialog.NewCustomConfirm(title, lang.L("Save"), lang.L("Cancel"), form, func(ok bool) {
		pop()
		if ok {
			save()
		}
	}, sh.win)
	pop = sh.pushKeys(d.Confirm, d.Dismiss)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	sh.win.Canvas().Focus(name)
	sh.lastSave = &saveDialog{name: &name.Entry, save: d.Confirm}
}

// saveDialog lets tests drive the last save dialog.
type saveDialog struct {
	name *widget.Entry
	save func()
}

func (sh *shell) dialogSize() fyne.Size {
	s := sh.win.Canvas().Size()
	return fyne.NewSize(fyne.Max(600, s.Width*0.8), fyne.Max(420, s.Height*0.8))
}

// openFile asks for one file with one of the extensions (the system's
// dialog where there is one, filedialog.go) and hands its path to use.
func (sh *shell) openFile(exts []string, use func(path string)) {
	sh.openFiles(lang.L("Open a file"), exts, false, func(paths []string) { use(paths[0]) })
}

// fyneOpen is Fyne's open dialog in the last folder used, for files with
// one of the extensions: the fallback where the system has no dialog of
// its own, and the dialog of the tests. It picks one file at a time.
func (sh *shell) fyneOpen(title string, exts []string, use func(paths []string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			sh.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		use([]string{path})
	}, sh.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetTitleText(title) // Fyne's own title reads "열기 파일"
	if l := sh.lastFolder(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(sh.dialogSize())
	sh.lastFyneOpen = d
	d.Show()
	localizeFileDialog(sh.win.Canvas()) // Fyne names its favourites in English
}

// newSelect is a drop-down whose empty state reads in the user's language
// (Fyne's own says "(Select one)").
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("(choose)")
	return s
}

// textList is a list of one truncated line per item: text(i) for item i of
// length() items.
func textList(length func() int, text func(i int) string) *widget.List {
	return widget.NewList(length,
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < length() {
				o.(*widget.Label).SetText(oneLine(text(i))) // a row is one line high
			}
		})
}
