package sheet

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/haeoreum/register/data/msg"
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

// textFault is text that is almost right: one line holds a NUL, a byte
// that is no character, or a line in another encoding than the rest. The
// official can fix that line; "not a spreadsheet" would not tell them how.
type textFault struct {
	id   msg.ID
	args []any
}

// decodeText turns the bytes of a text file into a string and names the
// encoding: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
// "Unicode text"), else CP949, which Korean Excel writes by default for CSV.
// ok is false for bytes that are not text in any of these. Text that is
// plausible but has a bad line gives a fault naming the line: a value with
// a replacement character in it would be a value stored wrong.
func decodeText(data []byte) (text, enc string, fault *textFault, ok bool) {
	switch {
	case bytes.HasPrefix(data, bomUTF16LE):
		text, ok = decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data)
		return text, "utf-16le", nulFault(text), ok && plausibleText(text)
	case bytes.HasPrefix(data, bomUTF16BE):
		text, ok = decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
		return text, "utf-16be", nulFault(text), ok && plausibleText(text)
	}
	body := bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(body) {
		text = string(body)
		return text, "utf-8", nulFault(text), plausibleText(text)
	}
	lines := countLines(body)
	switch {
	case lines.utf8 > 0 && lines.utf8 >= lines.bad:
		// Lines of Korean in UTF-8 and some that are not: one stray
		// byte, or lines pasted from a CP949 file.
		text = strings.ToValidUTF8(string(body), "\uFFFD")
		return text, "utf-8", lineFault(body, lines.firstBad, "UTF-8"), plausibleText(text)
	case lines.utf8 > 0 && cp949Clean(nthLine(body, lines.firstBad)):
		// A CP949 file with UTF-8 lines pasted in.
		return "", "cp949", &textFault{idTextMixed, []any{lines.firstUTF8, "UTF-8", "CP949"}}, true
	}
	// x/text's EUC-KR decoder is the Unified Hangul Code superset (CP949),
	// so all 11,172 syllables decode, not only EUC-KR's 2,350.
	text, ok = decodeWith(korean.EUCKR, data)
	if !ok || !plausibleText(text) {
		return text, "cp949", nil, false
	}
	if f := nulFault(text); f != nil {
		return text, "cp949", f, true
	}
	if i := strings.IndexRune(text, utf8.RuneError); i >= 0 {
		return text, "cp949", lineFault(body, 1+strings.Count(text[:i], "\n"), "CP949"), true
	}
	return text, "cp949", nil, true
}

// lineCounts sorts a text's lines by encoding: valid UTF-8 holding Hangul
// syllables, or not valid UTF-8 (CP949, or a stray byte). Lines with other
// non-ASCII text do not count: a CP949 line such as "2,천" (C3 B5) is also
// valid UTF-8 ("õ"), but no CP949 text spells UTF-8 Hangul.
type lineCounts struct {
	utf8, bad           int
	firstUTF8, firstBad int // 1-based line numbers; 0 when none
}

func countLines(body []byte) lineCounts {
	var c lineCounts
	for n := 1; len(body) > 0; n++ {
		line, rest, _ := bytes.Cut(body, []byte{'\n'})
		body = rest
		switch {
		case !utf8.Valid(line):
			if c.bad++; c.firstBad == 0 {
				c.firstBad = n
			}
		case hasHangul(line):
			if c.utf8++; c.firstUTF8 == 0 {
				c.firstUTF8 = n
			}
		}
	}
	return c
}

// hasHangul reports whether UTF-8 text holds a Hangul syllable.
func hasHangul(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0xAC00 && r <= 0xD7A3 {
			return true
		}
		b = b[size:]
	}
	return false
}

// lineFault describes line n of body in a file otherwise in enc: a line
// wholly in the other encoding is "mixed", else it holds a stray byte.
func lineFault(body []byte, n int, enc string) *textFault {
	line := nthLine(body, n)
	switch {
	case enc == "UTF-8" && cp949Clean(line):
		return &textFault{idTextMixed, []any{n, "CP949", enc}}
	case enc == "CP949" && utf8.Valid(line):
		return &textFault{idTextMixed, []any{n, "UTF-8", enc}}
	}
	return &textFault{idTextBadByte, []any{n, enc}}
}

// nthLine returns line n (1-based) of b, without its line break.
func nthLine(b []byte, n int) []byte {
	for ; n > 1; n-- {
		_, b, _ = bytes.Cut(b, []byte{'\n'})
	}
	line, _, _ := bytes.Cut(b, []byte{'\n'})
	return line
}

// cp949Clean reports whether line decodes as CP949 text with no bad byte.
func cp949Clean(line []byte) bool {
	s, ok := decodeWith(korean.EUCKR, line)
	return ok && !strings.ContainsRune(s, utf8.RuneError) && plausibleText(s)
}

// nulFault names the first line holding a NUL.
func nulFault(text string) *textFault {
	i := strings.IndexByte(text, 0)
	if i < 0 {
		return nil
	}
	return &textFault{idTextNUL, []any{1 + strings.Count(text[:i], "\n")}}
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
// than tab, line breaks, form feed and the old DOS end-of-file mark. One
// bad character per thousand is tolerated here so that a text file with
// one bad line is told apart from binary; decodeText then names that line.
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
