package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// imeEntry is an Entry that helps the Korean input method where Fyne
// cannot (GLFW has no pre-edit support, fyne#618): on Windows it places
// the IME's composition window at the caret instead of the window's corner
// (fyne#4546), and when focus moves away it finishes the syllable still
// being composed into this entry rather than letting it land in the next
// one. Elsewhere it is a plain Entry. See ime_windows.go.
type imeEntry struct {
	widget.Entry
	win     fyne.Window
	onFocus func(focused bool) // optional: told when the entry gains or loses the focus
}

func newIMEEntry(win fyne.Window) *imeEntry {
	e := &imeEntry{win: win}
	e.ExtendBaseWidget(e)
	return e
}

func newIMEMultiLineEntry(win fyne.Window) *imeEntry {
	e := newIMEEntry(win)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

func (e *imeEntry) FocusGained() {
	e.Entry.FocusGained()
	imePlace(e.win, e.caretPosition())
	if e.onFocus != nil {
		e.onFocus(true)
	}
}

func (e *imeEntry) FocusLost() {
	for _, r := range imeFinish(e.win) {
		e.Entry.TypedRune(r)
	}
	e.Entry.FocusLost()
	if e.onFocus != nil {
		e.onFocus(false)
	}
}

func (e *imeEntry) TypedRune(r rune) {
	e.Entry.TypedRune(r)
	imePlace(e.win, e.caretPosition())
}

func (e *imeEntry) TypedKey(ev *fyne.KeyEvent) {
	e.Entry.TypedKey(ev)
	imePlace(e.win, e.caretPosition())
}

// caretPosition is the caret's bottom-left corner in canvas coordinates
// (the entry's own scrolling aside).
func (e *imeEntry) caretPosition() fyne.Position {
	app := fyne.CurrentApp()
	if app == nil || e.win == nil {
		return fyne.Position{}
	}
	abs := app.Driver().AbsolutePositionForObject(e)
	lines := strings.Split(e.Text, "\n")
	row := min(max(e.CursorRow, 0), len(lines)-1)
	runes := []rune(lines[row])
	col := min(max(e.CursorColumn, 0), len(runes))
	size := theme.TextSize()
	text := string(runes[:col])
	if e.Password {
		text = strings.Repeat("•", col)
	}
	w := fyne.MeasureText(text, size, e.TextStyle).Width
	lineH := fyne.MeasureText("가", size, e.TextStyle).Height
	pad := theme.InnerPadding()
	return fyne.NewPos(abs.X+pad+w, abs.Y+pad+float32(row+1)*lineH)
}
