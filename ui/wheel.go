package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// wheelCover lies over a multi-line entry of a scrolled form and passes the
// mouse wheel to the form. Fyne gives a wheel event to the innermost
// scroller under the pointer, and a multi-line entry has its own: over the
// narratives, which fill most of the form, the form hardly moved (scroll
// inside scroll). The cover takes only the wheel: taps, drags and the
// pointer reach the entry beneath. While the entry has the focus the cover
// steps aside, so its own text scrolls under the wheel as one edits it.
type wheelCover struct {
	widget.BaseWidget
	to *container.Scroll
}

func (c *wheelCover) Scrolled(ev *fyne.ScrollEvent) { c.to.Scrolled(ev) }

func (c *wheelCover) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// withWheelCover puts e under a cover that scrolls form.
func withWheelCover(e *imeEntry, form *container.Scroll) fyne.CanvasObject {
	c := &wheelCover{to: form}
	c.ExtendBaseWidget(c)
	e.onFocus = func(focused bool) {
		if focused {
			c.Hide()
		} else {
			c.Show()
		}
	}
	return container.NewStack(e, c)
}
