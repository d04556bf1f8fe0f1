package value

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"time"
)

// Date is a calendar day.
type Date struct{ Year, Month, Day int }

// String renders the date as "2026-10-31"; the zero Date as "".
func (d Date) String() string {
	if d == (Date{}) {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// YearMonth returns the month the date falls in (a 착수 cell holding a
// real Excel date is a month in the register).
func (d Date) YearMonth() Month { return Month{Year: d.Year, Month: d.Month} }

// ParseDate reads a written date: "2026. 10. 31.", "2026.10.31",
// "2026-10-31", "2026/10/31", "2026년 10월 31일", "'26. 10. 31.".
func ParseDate(raw string) (Date, error) {
	s := clean(raw)
	if s == "" {
		return Date{}, empty()
	}
	v, ok := scanYMD(s)
	if !ok || v.n != 3 {
		return Date{}, fail(idDate, raw)
	}
	return checkDate(v, raw)
}

func checkDate(v ymd, raw string) (Date, error) {
	if v.y < minYear || v.y > maxYear {
		return Date{}, fail(idDateRange, raw)
	}
	if v.m < 1 || v.m > 12 || v.d < 1 || v.d > daysIn(v.y, v.m) {
		return Date{}, fail(idDateInvalid, raw)
	}
	return Date{Year: v.y, Month: v.m, Day: v.d}, nil
}

// DateFromSerial reads the raw value of an Excel date cell: a serial day
// number ("44927", "44927.5"; the time of day is dropped). date1904 is the
// workbook's 1904 date system flag (old Mac workbooks count from 1904-01-01).
func DateFromSerial(raw string, date1904 bool) (Date, error) {
	s := clean(raw)
	if s == "" {
		return Date{}, empty()
	}
	num, rest, ok := scanNumber(s, false)
	if !ok || rest != "" {
		return Date{}, fail(idSerial, raw)
	}
	day := new(big.Int).Quo(num.mant, pow10(max(num.scale, 0)))
	if num.scale < 0 {
		day.Mul(num.mant, pow10(-num.scale))
	}
	// 2200-12-31 is serial 109,939; anything far beyond cannot be a date.
	if !day.IsInt64() || day.Int64() > 200_000 {
		return Date{}, fail(idDateRange, raw)
	}
	n := int(day.Int64())
	var t time.Time
	switch {
	case date1904:
		t = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	case n == 60:
		// Excel's 1900-02-29, a day that never was (kept for Lotus 1-2-3).
		return Date{}, fail(idDateInvalid, raw)
	case n < 60:
		t = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	default:
		t = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	}
	if t.Year() < minYear || t.Year() > maxYear {
		return Date{}, fail(idDateRange, raw)
	}
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, nil
}

// asOfDate finds written dates in a title line.
var asOfDate = regexp.MustCompile(`(?:['’‘]\d{2}|\d{4})\s*(?:[./-]|년)\s*\d{1,2}\s*(?:[./-]|월)\s*\d{1,2}\s*(?:\.|일)?`)

// FindAsOf finds the as-of date (기준일) in a title or unit line:
// "(기준: 2026. 10. 31.)", "기준일: 2026-10-31   단위: 천원",
// "2026. 10. 31. 기준", "기준일자 : 2026.10.31", "(2026. 10. 31. 현재)".
// A date counts only next to 기준 or 현재, so a date in a title such as
// "2026. 3. 개정" is not taken for the as-of date.
func FindAsOf(text string) (Date, bool) {
	s := clean(text)
	for _, at := range asOfDate.FindAllStringIndex(s, -1) {
		before := strings.TrimRight(s[:at[0]], " \t:([")
		after := strings.TrimLeft(s[at[1]:], " \t")
		if !hasAny(before, strings.HasSuffix, "기준", "기준일", "기준일자", "기준일시") &&
			!hasAny(after, strings.HasPrefix, "기준", "현재") {
			continue
		}
		if d, err := ParseDate(s[at[0]:at[1]]); err == nil {
			return d, true
		}
	}
	return Date{}, false
}

func hasAny(s string, has func(s, affix string) bool, affixes ...string) bool {
	for _, a := range affixes {
		if has(s, a) {
			return true
		}
	}
	return false
}
