package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// offer tells that something is done and offers one more step ("open the
// folder"). Nothing is left to cancel, so the other button reads 닫기
// (close), not 취소 as a question's does; Enter takes the step, Esc closes.
func (sh *shell) offer(title, text, action string, do func()) {
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	sh.lastMessage = text
	sh.twoButtons(title, label, action, lang.L("Dismiss"), do)
}
