package value

import (
	"regexp"
	"strconv"
	"strings"
)

// Dates written in sheet and file names: "'26.11.30.기준", "2026-11-30",
// "20261130", "2026년 11월", "현황_2026-11" (a month alone), in that order of
// preference. A name's digits count only as a whole: "2026-113" is nothing.
var (
	nameDay   = regexp.MustCompile(`(?:^|[^0-9])(\d{4}|'\d{2}|’\d{2})\s*[./\-년]\s*(\d{1,2})\s*[./\-월]\s*(\d{1,2})(?:[^0-9]|$)`)
	nameDay8  = regexp.MustCompile(`(?:^|[^0-9])(20\d{2})(\d{2})(\d{2})(?:[^0-9]|$)`)
	nameMonth = regexp.MustCompile(`(?:^|[^0-9])(\d{4}|'\d{2}|’\d{2})\s*[./\-년]\s*(\d{1,2})\s*월?(?:[^0-9]|$)`)
)

// DateInName finds the as-of date a sheet's or a file's name carries. A
// month without its day means that month's last day (a sheet "as of
// November" reports the state at the end of November). month reports that
// only the month was written.
func DateInName(name string) (d Date, month bool, ok bool) {
	s := strings.NewReplacer("_", " ", "(", " ", ")", " ").Replace(clean(name))
	if m := nameDay.FindStringSubmatch(s); m != nil {
		if d, ok := nameDate(m[1], m[2], m[3]); ok {
			return d, false, true
		}
	}
	if m := nameDay8.FindStringSubmatch(s); m != nil {
		if d, ok := nameDate(m[1], m[2], m[3]); ok {
			return d, false, true
		}
	}
	if m := nameMonth.FindStringSubmatch(s); m != nil {
		y, mo := nameYear(m[1]), atoi(m[2])
		if y >= 2000 && y <= 2100 && mo >= 1 && mo <= 12 {
			return Date{Year: y, Month: mo, Day: daysIn(y, mo)}, true, true
		}
	}
	return Date{}, false, false
}

func nameDate(y, m, d string) (Date, bool) {
	v := ymd{y: nameYear(y), m: atoi(m), d: atoi(d), n: 3}
	if v.y < 2000 || v.y > 2100 {
		return Date{}, false
	}
	date, err := checkDate(v, y+m+d)
	return date, err == nil
}

func nameYear(s string) int {
	if strings.HasPrefix(s, "'") || strings.HasPrefix(s, "’") {
		return 2000 + atoi(strings.TrimLeft(s, "'’"))
	}
	return atoi(s)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
