package value

import (
	"strings"
	"unicode/utf8"
)

// ymd is a date as written: a year, then optionally a month and a day
// (n counts the parts given).
type ymd struct{ y, m, d, n int }

// Years outside this range are typing errors, not project dates.
const minYear, maxYear = 1900, 2200

// scanYMD reads one written date or month: "2024. 3. 1.", "2024.03",
// "2024-03-01", "2024/3", "2024년 3월 1일", "'24. 3.", "2024", "2024년",
// "'24". Separators must agree ("2024.3-1" is no date); a two-digit year
// needs its apostrophe ("'24" → 2024) since "24.3" could be anything.
// Ranges of month and day are checked by the caller.
func scanYMD(s string) (ymd, bool) {
	p := ymdScanner{s: strings.TrimSpace(s)}
	var v ymd
	if !p.year(&v.y) {
		return v, false
	}
	v.n = 1
	style := p.sep()
	switch {
	case style == 0:
		return v, p.done()
	case style == '월' || style == '일':
		return v, false
	case p.done():
		return v, style == '년' || style == '.' // "2024년", "2024."
	}
	if !p.num(&v.m) {
		return v, false
	}
	v.n = 2
	want := style
	if style == '년' {
		want = '월'
	}
	switch sep := p.sep(); {
	case sep == 0:
		return v, p.done() && style != '년' // "2024년 3" lacks its 월
	case sep != want:
		return v, false
	case p.done():
		return v, want == '.' || want == '월' // "2024. 3.", "2024년 3월"
	}
	if !p.num(&v.d) {
		return v, false
	}
	v.n = 3
	if style == '년' {
		want = '일'
	}
	switch sep := p.sep(); {
	case sep == 0:
		return v, p.done() && style != '년'
	case sep != want || (sep != '.' && sep != '일'):
		return v, false
	}
	return v, p.done()
}

type ymdScanner struct {
	s string
	i int
}

func (p *ymdScanner) skipSpace() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *ymdScanner) done() bool { p.skipSpace(); return p.i == len(p.s) }

// digits reads a run of ASCII digits and returns how many it read.
func (p *ymdScanner) digits(v *int) int {
	n := 0
	for p.i < len(p.s) && isDigit(p.s[p.i]) && n < 5 {
		*v = *v*10 + int(p.s[p.i]-'0')
		p.i++
		n++
	}
	return n
}

// year reads "2024" or "'24" (two-digit years are always 20xx).
func (p *ymdScanner) year(y *int) bool {
	p.skipSpace()
	r, size := utf8.DecodeRuneInString(p.s[p.i:])
	if r == '\'' || r == '’' || r == '‘' || r == '`' {
		p.i += size
		if p.digits(y) != 2 {
			return false
		}
		*y += 2000
		return true
	}
	return p.digits(y) == 4
}

// num reads a month or day of one or two digits.
func (p *ymdScanner) num(v *int) bool {
	p.skipSpace()
	n := p.digits(v)
	return n == 1 || n == 2
}

// sep reads a separator ('.', '-', '/', '년', '월', '일') or returns 0.
func (p *ymdScanner) sep() rune {
	p.skipSpace()
	r, size := utf8.DecodeRuneInString(p.s[p.i:])
	switch r {
	case '.', '-', '/', '년', '월', '일':
		p.i += size
		return r
	}
	return 0
}

// daysIn returns the number of days of month m in year y.
func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}
