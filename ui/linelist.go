package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// lineList is a list of one line per item, with the selected item's full
// text in a pane below it. A row holds one line only: a label given a
// multi-line value draws every line into a row one line high, over the rows
// below. Fyne has no tooltips, so what a row cuts off is read in the pane.
type lineList struct {
	list    *widget.List
	full    *widget.Label
	content fyne.CanvasObject
	length  func() int
	text    func(i int) string
}

// newLineList lists length() items, row i showing line(i) on one line and
// the pane showing full(i) when it is selected.
func newLineList(length func() int, line, full func(i int) string) *lineList {
	l := &lineList{length: length, text: full}
	l.list = textList(length, line)
	l.full = widget.NewLabel(lang.L("Choose a line to read it in full."))
	l.full.Wrapping = fyne.TextWrapWord
	l.full.Selectable = true // so a long value can be copied
	l.list.OnSelected = func(i widget.ListItemID) {
		if i < length() {
			l.full.SetText(full(i))
		}
	}
	split := container.NewVSplit(l.list, container.NewVScroll(l.full))
	split.Offset = 0.7
	l.content = split
	return l
}

// refresh shows the items again, none selected.
func (l *lineList) refresh() {
	l.list.UnselectAll()
	l.list.Refresh()
	l.full.SetText(lang.L("Choose a line to read it in full."))
}

// oneLine puts a multi-line value on one line, its lines joined by " ↵ ",
// for a list row; the full text keeps its lines.
func oneLine(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(strings.TrimSpace(s))
	var parts []string
	for _, p := range strings.Split(s, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ↵ ")
}
