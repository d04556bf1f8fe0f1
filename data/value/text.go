package value

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// hiddenRune reports the characters a cell must not carry: control
// characters other than tab and line breaks (NUL, BEL, ESC, DEL, the C1
// range), which a terminal obeys instead of showing and the report cannot
// write; and the bidirectional controls (U+202A–U+202E, U+2066–U+2069,
// U+200E, U+200F, U+061C), which make a name read other than it is stored.
func hiddenRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return r == utf8.RuneError
}

// CheckText refuses cell text holding a hidden character (see hiddenRune)
// or bytes that are not UTF-8. The message shows the text with each such
// character written out as ⟨U+001B⟩, so the user can find it and the
// message itself is safe to print.
func CheckText(raw string) error {
	bad := !utf8.ValidString(raw)
	for _, r := range raw {
		if hiddenRune(r) {
			bad = true
			break
		}
	}
	if !bad {
		return nil
	}
	var b strings.Builder
	first := -1 // rune index of the first marker
	n := 0
	for i, r := range raw {
		n++
		if first < 0 && hiddenRune(r) {
			first = n - 1
		}
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(raw[i:], "\uFFFD"):
			fmt.Fprintf(&b, "⟨0x%02X⟩", raw[i])
		case hiddenRune(r):
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		default:
			b.WriteRune(r)
		}
	}
	shownText := b.String()
	if first > 40 { // the message shows 60 characters: start near the first marker
		shownText = "…" + string([]rune(shownText)[first-20:])
	}
	return fail(idHiddenChar, shownText)
}
