package value

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// NFC's shortcut must agree with the normalisation tables: each character
// it keeps is NFC alone, starts a new combining sequence, and is never the
// second part of a canonical decomposition (so never joins the one before).
func TestStableNFCCharactersAreStable(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if !stableNFC(r) || r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		if p := norm.NFC.PropertiesString(s); !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("%U is not NFC-stable", r)
		}
	}
	for c := rune(0); c <= 0x2FFFF; c++ {
		if c >= 0xD800 && c <= 0xDFFF {
			continue
		}
		parts := []rune(norm.NFD.String(string(c)))
		for _, r := range parts[min(1, len(parts)):] {
			if stableNFC(r) {
				t.Errorf("%U composes into %U", r, c)
			}
		}
	}
	if NFC("\u1112\u1162 ○ 사업") != "해 ○ 사업" {
		t.Error("jamo must still compose")
	}
}
