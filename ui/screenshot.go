package ui

import (
	"image"
	"image/png"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
)

// SaveScreenshot writes what win shows to a PNG file (the start-up check
// and the documentation's screens). Reading the GL framebuffer back
// between frames gives a blank image on some drivers (Mesa on Xvfb); then
// the same canvas is drawn with Fyne's software painter, and software is
// true. Call it on the UI goroutine; the program should quit next, as the
// software canvas borrows the window's content.
func SaveScreenshot(win fyne.Window, path string) (soft bool, err error) {
	c := win.Canvas()
	img := c.Capture()
	if uniform(img) {
		sc := software.NewCanvas()
		sc.SetPadded(false)
		sc.Resize(c.Size())
		sc.SetContent(c.Content())
		img, soft = sc.Capture(), true
	}
	f, err := os.Create(path)
	if err != nil {
		return soft, err
	}
	err = png.Encode(f, img)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return soft, err
}

// uniform reports whether every pixel of img is the same (a blank capture).
func uniform(img image.Image) bool {
	b := img.Bounds()
	if b.Empty() {
		return true
	}
	first := img.At(b.Min.X, b.Min.Y)
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}
