package ui

import (
	"path/filepath"
	"unicode/utf16"
)

// (Windows' answer, read here without a build tag so that its test runs
// everywhere.)

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
