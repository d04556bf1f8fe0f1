package ui

import (
	"context"
	"errors"
	"log"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/lang"
)

// The system's own file dialog (issue 12): officials expect the dialog
// they know, with several files at once, a typed path and the recent
// folders. Each platform's file (filedialog_linux.go, _windows.go,
// _other.go) says which dialog that is; where there is none, or it fails
// to start, Fyne's dialog (dialogs.go) is used, as it is in tests.

// fileRequest says what a file dialog asks for.
type fileRequest struct {
	title    string
	folder   string   // where the dialog starts
	name     string   // the suggested file name (save)
	exts     []string // allowed extensions, with the dot: ".xlsx"
	multiple bool     // open: several files at once
	parent   uintptr  // the window the dialog belongs to (X11 window id, Windows HWND), 0 if unknown
}

// systemDialog is a platform's own file dialog. Both calls block until the
// user answers, so they run off the UI goroutine. A cancelled dialog gives
// no paths and no error; errNoSystemDialog means the dialog could not be
// shown at all and Fyne's dialog should be used instead.
type systemDialog interface {
	open(r fileRequest) ([]string, error)
	save(r fileRequest) (string, error)
	// asksOverwrite: the save dialog itself asks before a file is replaced
	asksOverwrite() bool
}

var errNoSystemDialog = errors.New("the system file dialog is not available")

// fileDialogEnv chooses the dialog by hand: fyne, or on Linux zenity,
// kdialog or portal (for a desktop where the automatic choice is wrong,
// and for the end-to-end test, which drives a known dialog).
const fileDialogEnv = "HAEOREUM_FILE_DIALOG"

// chooseSystemDialog is the platform's dialog, unless the environment asks
// for Fyne's or the platform has none (nil).
func chooseSystemDialog() systemDialog {
	want := strings.ToLower(strings.TrimSpace(os.Getenv(fileDialogEnv)))
	if want == "fyne" {
		return nil
	}
	return platformDialog(want)
}

// nativeHandle is the window's handle for the system dialog's owner, so
// that it opens over this window and keeps it waiting. Fyne's test
// windows have none.
func (sh *shell) nativeHandle() uintptr {
	var h uintptr
	if nw, ok := sh.win.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			switch c := ctx.(type) {
			case driver.WindowsWindowContext:
				h = c.HWND
			case driver.X11WindowContext:
				h = c.WindowHandle
			}
		})
	}
	return h
}

// startFolder is the folder a dialog opens in: the last one used, else home.
func (sh *shell) startFolder() string {
	if dir := sh.prefs.String(prefLastFolder); dir != "" {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	home, _ := os.UserHomeDir()
	return home
}

// openFiles asks for files with one of exts (several when multiple) and
// hands the chosen paths to use, on the UI goroutine.
func (sh *shell) openFiles(title string, exts []string, multiple bool, use func(paths []string)) {
	done := func(paths []string) {
		if len(paths) == 0 {
			return
		}
		sh.rememberFolder(paths[0])
		use(paths)
	}
	if sh.system == nil {
		sh.fyneOpen(title, exts, done)
		return
	}
	r := fileRequest{title: title, folder: sh.startFolder(), exts: exts, multiple: multiple, parent: sh.nativeHandle()}
	sh.runSystemDialog(func() (any, error) { return sh.system.open(r) }, func(v any) {
		done(v.([]string))
	}, func() { sh.fyneOpen(title, exts, done) })
}

// runSystemDialog runs ask (a blocking system dialog) off the UI goroutine
// and hands its answer to use on the UI goroutine; when the dialog cannot
// be shown (any error: errNoSystemDialog says why), fallback runs instead. One system dialog at a time: a second
// Ctrl+O while one is open does nothing.
func (sh *shell) runSystemDialog(ask func() (any, error), use func(any), fallback func()) {
	if sh.dialogOpen {
		return
	}
	sh.dialogOpen = true
	answer := func(v any, err error) {
		sh.dialogOpen = false
		if err != nil {
			// the user saw nothing: no error to read, Fyne's dialog instead
			log.Printf("file dialog: %v; using Fyne's", err)
			fallback()
			return
		}
		use(v)
	}
	if sh.jobs.queue != nil {
		// tests: a job, so that Wait hands the answer to the test goroutine
		var v any
		var err error
		sh.startJob(context.Background(), func(context.Context, Progress) error {
			v, err = ask()
			return nil
		}, nil, func(error) { answer(v, err) })
		return
	}
	// Not one of the jobs Wait waits for: closing the window must not wait
	// for a dialog the user left open. But it is running work for whenIdle:
	// the window stays usable while zenity or kdialog asks, and a language
	// switch meanwhile would give the answer to a wizard already replaced.
	sh.jobs.running++
	go func() {
		v, err := ask()
		fyne.Do(func() {
			answer(v, err)
			sh.jobDone()
		})
	}()
}

// saveAs asks where to write a file named like suggested with extension
// ext (the system's dialog where there is one) and hands the path to
// onSave, after asking before overwriting.
func (sh *shell) saveAs(title, suggested, ext string, onSave func(path string)) {
	if sh.system == nil {
		sh.fyneSaveAs(title, suggested, ext, onSave)
		return
	}
	r := fileRequest{title: title, folder: sh.startFolder(), name: suggested, exts: []string{ext}, parent: sh.nativeHandle()}
	sh.runSystemDialog(func() (any, error) { return sh.system.save(r) }, func(v any) {
		path := v.(string)
		if path == "" {
			return // cancelled
		}
		sh.rememberFolder(path)
		asked := sh.system.asksOverwrite()
		if !strings.EqualFold(filepath.Ext(path), ext) {
			// typed without the extension: the file written is another
			// one, which the dialog did not ask about
			path += ext
			asked = false
		}
		if _, err := os.Stat(path); err == nil && !asked {
			sh.confirm(lang.L("Replace file?"),
				lang.L("{{.File}} already exists in {{.Folder}}. Replace it? The old file will be lost.", map[string]any{"File": filepath.Base(path), "Folder": filepath.Dir(path)}),
				lang.L("Replace"), func() { onSave(path) })
			return
		}
		onSave(path)
	}, func() { sh.fyneSaveAs(title, suggested, ext, onSave) })
}

// filterName labels the file type choice: "Excel, CSV (xlsx, csv)".
func filterName(exts []string) string {
	var names []string
	for _, e := range exts {
		names = append(names, strings.TrimPrefix(strings.ToLower(e), "."))
	}
	return lang.L("Files of type {{.Types}}", map[string]any{"Types": strings.Join(names, ", ")})
}
