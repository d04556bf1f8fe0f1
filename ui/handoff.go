package ui

import "fyne.io/fyne/v2"

// Receive takes the files that a later start of the program handed over
// ("Open with" while this window is open, ui/instance): they go to the
// import wizard as if named on the command line, and the window comes to
// the front. No files: only the front. It may be called from any
// goroutine; the work runs on the UI goroutine. Unsaved edits in the
// project form are asked about by the tab switch, as for any other tab.
func (u *UI) Receive(paths []string) {
	fyne.Do(func() {
		u.importFiles(paths...)
		u.win.RequestFocus()
	})
}
