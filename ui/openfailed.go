package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/register"
)

// openFailed is the small window shown when the register cannot be opened
// as it is: it says why, and offers read-only access when someone else
// has the register open.
type openFailed struct {
	win      fyne.Window
	text     *widget.Label
	readOnly *widget.Button // nil unless the register is in use
	u        *UI            // the register's window, once opened read-only
	reg      *register.Register
}

func newOpenFailed(a fyne.App, path string, err error, o Options) *openFailed {
	f := &openFailed{win: a.NewWindow(lang.L("Haeoreum Register"))}
	f.text = widget.NewLabel(ErrorText(err))
	f.text.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(widget.NewButton(lang.L("Quit"), a.Quit))
	if errors.Is(err, register.ErrInUse) {
		f.readOnly = widget.NewButton(lang.L("Open read-only"), func() { f.openReadOnly(a, path, o) })
		f.readOnly.Importance = widget.HighImportance
		buttons.Add(f.readOnly)
	}
	f.win.SetContent(container.NewBorder(nil, container.NewCenter(buttons), nil, nil, container.NewPadded(f.text)))
	f.win.Resize(fyne.NewSize(560, 220))
	return f
}

func (f *openFailed) openReadOnly(a fyne.App, path string, o Options) {
	r, err := register.Open(path, register.Options{ReadOnly: true})
	if err != nil {
		f.text.SetText(ErrorText(err))
		return
	}
	f.reg = r
	f.u = New(a, r, o)
	f.u.start()
	f.u.Window().Show()
	f.win.Close()
}

// RunOpenFailed runs the application with that small window (the register
// at path could not be opened: err), until the user quits, and closes the
// register if it was then opened read-only.
func RunOpenFailed(a fyne.App, path string, err error, o Options) {
	f := newOpenFailed(a, path, err, o)
	f.win.ShowAndRun()
	if f.u != nil {
		f.u.Wait()
	}
	if f.reg != nil {
		f.reg.Close()
	}
}
