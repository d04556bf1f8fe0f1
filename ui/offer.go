package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// offer tells that something is done and offers one more step ("open the
// folder"). Nothing is left to cancel, so the other button reads 닫기
// (close), not 취소 as a question's does; Enter takes the step, Esc closes.
func (u *UI) offer(title, text, action string, do func()) {
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	u.lastMessage = text
	var pop func()
	d := dialog.NewCustomConfirm(title, action, lang.L("Dismiss"), label, func(ok bool) {
		pop()
		if ok {
			do()
		}
	}, u.win)
	d.Resize(fyne.NewSize(520, 0))
	pop = u.pushKeys(d.Confirm, d.Dismiss)
	u.lastConfirm = d
	u.win.Canvas().Unfocus() // so that Enter and Esc reach the dialog
	d.Show()
}
