//go:build !windows

package ui

import "fyne.io/fyne/v2"

// On Linux (X11) the input method draws its own pre-edit window at the
// caret, and on macOS Fyne shows no composition at all; nothing to do.
func imePlace(fyne.Window, fyne.Position) {}

func imeFinish(fyne.Window) []rune { return nil }
