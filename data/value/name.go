package value

import (
	"regexp"
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

// listMarker is a list number or bullet an office puts before a name:
// ①, 1., 1), (1), 가., 가), (가), Ⅰ., -, ·, ○, □. A marker counts only
// with a space after it, so "1단계 조성" keeps its number.
var listMarker = regexp.MustCompile(`^\s*(?:[①-⑳㉑-㉟]|\(\d{1,3}\)|\d{1,3}[.)]|\([가-하]\)|[가-하][.)]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][.)]?|[-·•○◦□■▪])\s+`)

// StripListMarker removes a leading list number or bullet from a name.
func StripListMarker(name string) string {
	if loc := listMarker.FindStringIndex(name); loc != nil {
		return name[loc[1]:]
	}
	return name
}
