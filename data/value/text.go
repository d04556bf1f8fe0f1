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
// or bytes that are not UTF-8. The message shows the text as Visible does,
// so the user can find the character and the message is safe to print.
func CheckText(raw string) error {
	bad := !utf8.ValidString(raw)
	first := 0 // rune index of the first hidden character
	for _, r := range raw {
		if hiddenRune(r) {
			bad = true
			break
		}
		first++
	}
	if !bad {
		return nil
	}
	shownText := Visible(raw)
	if first > 40 { // the message shows 60 characters: start near the first marker
		shownText = "…" + string([]rune(shownText)[first-20:])
	}
	return fail(idHiddenChar, shownText)
}

// Visible returns s with each hidden character written out as ⟨U+001B⟩
// and each byte that is not UTF-8 as ⟨0xFF⟩, for showing text that came
// from a file (a header in a warning) without a terminal obeying it.
func Visible(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, hiddenRune) < 0 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, "⟨0x%02X⟩", s[i])
		case hiddenRune(r):
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
