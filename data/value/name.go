package value

import (
	"strings"
	"unicode"
)

// nameRunes maps the look-alike characters cities type into project and
// field names onto one form, so "경제ㆍ산업" and "경제·산업" match.
var nameRunes = map[rune]rune{
	'ㆍ': '·', '･': '·', '・': '·', '•': '·', '‧': '·', '∙': '·', '⋅': '·', '.': '·', '．': '·',
	'[': '(', '{': '(', '（': '(', '［': '(', '｛': '(', '【': '(', '〔': '(', '「': '(', '『': '(', '〈': '(', '《': '(', '<': '(',
	']': ')', '}': ')', '）': ')', '］': ')', '｝': ')', '】': ')', '〕': ')', '」': ')', '』': ')', '〉': ')', '》': ')', '>': ')',
}

// NormalizeName returns the form of a project or field name used for
// matching: NFC, no white space at all, one middle dot, round brackets only,
// lower-case Latin (also full-width Latin). Only for comparing; never shown.
func NormalizeName(s string) string {
	var b strings.Builder
	for _, r := range NFC(s) {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			continue
		case r >= '！' && r <= '～' && nameRunes[r] == 0: // full-width ASCII
			r -= '！' - '!'
		}
		if m, ok := nameRunes[r]; ok {
			r = m
		}
		if r < unicode.MaxASCII {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
