package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// shell is what a screen may ask of the window it is in: dialogs
// (dialogs.go, offer.go), background jobs (bridge.go) and file dialogs
// (filedialog.go). A screen is built from the store it shows, this shell
// and the few callbacks it needs, never from the whole window, so what a
// screen can reach is in its constructor's signature.
type shell struct {
	win   fyne.Window
	prefs fyne.Preferences

	keys   []*keyHandler // what Enter and Esc do, for the dialogs open now
	jobs   jobs
	system systemDialog // nil: Fyne's file dialogs
	// dialogOpen: a system file dialog is showing
	dialogOpen bool

	// the last dialogs shown, for tests to answer
	lastMessage  string
	lastConfirm  *dialog.ConfirmDialog
	lastChoices  map[string]func() // the buttons of the last askThree, by label
	lastSave     *saveDialog
	lastFyneOpen *dialog.FileDialog
}
