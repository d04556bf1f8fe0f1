//go:build !linux && !windows

package ui

// platformDialog: on macOS the library dialog (sqweek/dialog) is Cocoa
// through cgo, which ui/ keeps out (no cgo of its own beyond Fyne's);
// Fyne's dialog is used there and on the other systems.
func platformDialog(string) systemDialog { return nil }
