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
		if len(paths) > 0 {
			u.dropSampleOffer()
		}
		u.importFiles(paths...)
		u.win.RequestFocus()
	})
}

// dropSampleOffer closes the empty register's offer of the sample, if it
// is still asking: with files to import the person came for them, not the
// sample, as when the files are on the command line (New).
func (u *UI) dropSampleOffer() {
	if u.sampleOffer != nil {
		u.sampleOffer.Dismiss() // an answered offer is hidden already; its callback only pops its keys
		u.sampleOffer = nil
	}
}
