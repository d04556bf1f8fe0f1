package ui

import (
	"path/filepath"
	"strings"
	"unicode/utf16"
)

// What the Windows dialog (filedialog_windows.go) is given and answers,
// here without a build tag so that its tests run everywhere.

// multiSelection reads the Explorer dialog's answer: one full path, or
// the folder followed by each file's name, each ended by NUL, the list by
// a second NUL.
func multiSelection(buf []uint16) []string {
	var parts []string
	start := 0
	for i, c := range buf {
		if c != 0 {
			continue
		}
		if i == start {
			break // the empty string that ends the list
		}
		parts = append(parts, string(utf16.Decode(buf[start:i])))
		start = i + 1
	}
	if len(parts) <= 1 {
		return parts
	}
	var paths []string
	for _, name := range parts[1:] {
		paths = append(paths, filepath.Join(parts[0], name))
	}
	return paths
}

// filterList is "Files of type xlsx, csv\0*.xlsx;*.csv\0\0" (Windows
// matches without regard to case).
func filterList(exts []string) []uint16 {
	if len(exts) == 0 {
		return nil
	}
	var pats []string
	for _, e := range exts {
		pats = append(pats, "*"+strings.ToLower(e))
	}
	// (each part on its own: UTF16FromString refuses a string with NULs)
	var list []uint16
	for _, part := range []string{filterName(exts), strings.Join(pats, ";")} {
		list = append(list, utf16.Encode([]rune(part))...)
		list = append(list, 0)
	}
	return append(list, 0)
}
