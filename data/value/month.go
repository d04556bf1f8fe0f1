package value

import "fmt"

// Month is a year and month; Month == 0 when only the year is known
// (Gyeongju writes periods as '24~'28).
type Month struct{ Year, Month int }

// String renders "2024-03", or "2024" when only the year is known, or "".
func (m Month) String() string {
	switch {
	case m.IsZero():
		return ""
	case m.Month == 0:
		return fmt.Sprintf("%04d", m.Year)
	}
	return fmt.Sprintf("%04d-%02d", m.Year, m.Month)
}

// IsZero reports whether nothing is known.
func (m Month) IsZero() bool { return m == Month{} }

// after reports whether m is surely later than o. A year-only month is
// compared by its year alone: 2024 is not after 2024-03.
func (m Month) after(o Month) bool {
	if m.Year != o.Year || m.Month == 0 || o.Month == 0 {
		return m.Year > o.Year
	}
	return m.Month > o.Month
}

// ParseMonth reads a written month: "2024. 3.", "2024.3", "2024. 03.",
// "2024-03", "2024/03", "2024년 3월", "'24. 3."; a day is checked and
// dropped ("2024. 3. 1."); "2024", "2024년" and "'24" give the year alone.
func ParseMonth(raw string) (Month, error) {
	s := clean(raw)
	if s == "" {
		return Month{}, empty()
	}
	v, ok := scanYMD(s)
	if !ok {
		return Month{}, fail(idMonth, raw)
	}
	switch v.n {
	case 1:
		if v.y < minYear || v.y > maxYear {
			return Month{}, fail(idDateRange, raw)
		}
		return Month{Year: v.y}, nil
	case 2:
		v.d = 1
	}
	d, err := checkDate(v, raw)
	if err != nil {
		return Month{}, err
	}
	return d.YearMonth(), nil
}
