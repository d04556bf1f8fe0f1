package sheet

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE)
}

// decodeText turns the bytes of a text file into a string and names the
// encoding: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
// "Unicode text"), else CP949, which Korean Excel writes by default for CSV.
// ok is false for bytes that are not text in any of these.
func decodeText(data []byte) (text, enc string, ok bool) {
	switch {
	case bytes.HasPrefix(data, bomUTF16LE):
		text, ok = decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data)
		return text, "utf-16le", ok && plausibleText(text)
	case bytes.HasPrefix(data, bomUTF16BE):
		text, ok = decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
		return text, "utf-16be", ok && plausibleText(text)
	}
	body := bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(body) {
		text = string(body)
		return text, "utf-8", plausibleText(text)
	}
	// x/text's EUC-KR decoder is the Unified Hangul Code superset (CP949),
	// so all 11,172 syllables decode, not only EUC-KR's 2,350.
	text, ok = decodeWith(korean.EUCKR, data)
	return text, "cp949", ok && plausibleText(text)
}

func decodeWith(e encoding.Encoding, data []byte) (string, bool) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	return string(out), true
}

// plausibleText rejects decoded binary: text has almost no replacement
// characters (a byte that is not CP949) and no control characters other
// than tab, line breaks, form feed and the old DOS end-of-file mark.
// One bad character per thousand is forgiven: a file cut mid-character, or
// one stray byte, is still the city's sheet.
func plausibleText(s string) bool {
	bad, n := 0, 0
	for _, r := range s {
		n++
		switch {
		case r == utf8.RuneError, r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != 0x1A, r == 0x7F:
			bad++
		}
	}
	return bad <= 1+n/1000
}
