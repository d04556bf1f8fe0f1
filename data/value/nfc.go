package value

import "golang.org/x/text/unicode/norm"

// NFC returns s in Unicode NFC. Text made only of characters that are NFC
// on their own and never compose with a neighbour (see stableNFC) — nearly
// every cell — is returned as it is, without the normalisation tables.
func NFC(s string) string {
	for _, r := range s {
		if !stableNFC(r) {
			return norm.NFC.String(s)
		}
	}
	return s
}

// stableNFC reports the characters office sheets are made of that NFC
// leaves alone whatever surrounds them: ASCII and Latin-1, general
// punctuation (not the spaces U+2000–U+200A), arrows, box drawing and
// shapes (○ □ ▶), CJK punctuation (not its tone marks), compatibility
// jamo (ㆍ), precomposed Hangul syllables and full-width forms. A test
// checks every one against the normalisation tables.
func stableNFC(r rune) bool {
	switch {
	case r < 0x300, r >= 0xAC00 && r <= 0xD7A3:
		return true
	case r >= 0x2010 && r <= 0x205E, r >= 0x2190 && r <= 0x21FF, r >= 0x2500 && r <= 0x25FF:
		return true
	case r >= 0x3000 && r <= 0x3029, r >= 0x3130 && r <= 0x318F, r >= 0xFF01 && r <= 0xFF5E:
		return true
	}
	return false
}
