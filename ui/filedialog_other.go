//go:build !linux && !windows

package ui

// platformDialog: on macOS the library dialogs (sqweek/dialog) need cgo and
// Cocoa, which this build does not link; Fyne's dialog is used there and on
// the other systems.
func platformDialog(string) systemDialog { return nil }
