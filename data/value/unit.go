package value

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unit is the number of won one unit of a sheet's amounts stands for.
type Unit int64

const (
	Won     Unit = 1
	Cheon   Unit = 1_000
	Man     Unit = 10_000 // not in sheets so far, but "(단위: 만원)" must not read as 원
	Baekman Unit = 1_000_000
	Eok     Unit = 100_000_000
	Jo      Unit = 1_000_000_000_000
)

// unitNames lists the unit words a header may carry, longest first so that
// 백만원 wins over 만원 and 원 at the same place.
var unitNames = []struct {
	word string
	unit Unit
}{
	{"백만원", Baekman}, {"천만원", 10_000_000}, {"십억원", 1_000_000_000},
	{"천원", Cheon}, {"만원", Man}, {"억원", Eok}, {"조원", Jo},
	{"백만", Baekman}, {"천만", 10_000_000}, {"십억", 1_000_000_000},
	{"억", Eok}, {"조", Jo}, {"천", Cheon}, {"만", Man}, {"원", Won},
}

// String names the unit as a header would: "원", "천원", "백만원", "억원", "조원".
func (u Unit) String() string {
	for _, n := range unitNames {
		if n.unit == u && strings.HasSuffix(n.word, "원") {
			return n.word
		}
	}
	return strconv.FormatInt(int64(u), 10) + "원"
}

// FindUnit finds the money unit a header or title line states:
// "총사업비(백만원)", "(단위: 천원)", "기준일: 2026-10-31   단위: 천원", "금액(원)".
// A unit word counts only in a unit context — right after "(" or "단위", or
// as the last word after a number or space — so the 원 of "지원" or
// "원자력" is never taken for a unit.
func FindUnit(text string) (Unit, bool) {
	s := clean(text)
	for i := 0; i < len(s); {
		for _, n := range unitNames {
			if strings.HasPrefix(s[i:], n.word) && unitContext(s[:i], s[i+len(n.word):], n.word) {
				return n.unit, true
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return 0, false
}

// unitContext reports whether a unit word between before and after stands
// as a unit and not as part of a longer word.
func unitContext(before, after, word string) bool {
	if r, _ := utf8.DecodeRuneInString(after); after != "" && (isHangul(r) || unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	// Bare multipliers (천, 만, 억 without 원) only right after "(" or 단위,
	// where nothing else could be meant.
	bare := !strings.HasSuffix(word, "원")
	if strings.HasSuffix(strings.TrimRight(before, " \t:"), "단위") {
		return true
	}
	if strings.HasSuffix(before, "(") || strings.HasSuffix(before, "[") {
		return true
	}
	if bare && word != "억" && word != "조" {
		return false
	}
	// Last word of the line, after a number or a space: "사업비 억원", "1,200원".
	rest := strings.TrimLeft(after, " \t)]")
	if rest != "" || before == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == ' ' || r == '\t' || (r < utf8.RuneSelf && isDigit(byte(r)))
}

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }
