package value

import "strings"

// Period is when a project runs: start and end month. Open means the end is
// open (계속, 연중, 상시, 미정, 현재, or nothing after "~"); End is then zero.
// Raw keeps the cell text as written so nothing is lost.
type Period struct {
	Start, End Month
	Open       bool
	Raw        string
}

// openWords end a period without a date.
var openWords = map[string]bool{"계속": true, "연중": true, "상시": true, "미정": true, "현재": true}

// ParsePeriod reads a period cell: "2024. 3. ~ 2028. 12.", "2025. 1. ~ 계속",
// "'24~'28", "2025년~계속", "2024-03 ~ 2028-12", "2024. 3. - 2028. 12.",
// "2024년 3월 ~ 2028년 12월", wrapped over lines, "연중", "상시" or "계속"
// (open, start unknown) and "미정" (nothing known, open). A single month
// is a period of that month.
func ParsePeriod(raw string) (Period, error) {
	s := strings.Join(strings.Fields(clean(raw)), " ")
	for _, t := range []string{"∼", "〜"} { // tilde look-alikes NFKC keeps
		s = strings.ReplaceAll(s, t, "~")
	}
	if s == "" {
		return Period{Raw: raw}, empty()
	}
	if openWords[s] && s != "현재" {
		return Period{Open: true, Raw: raw}, nil
	}
	if strings.Count(s, "~") > 1 {
		return Period{}, fail(idPeriod, raw)
	}
	if left, right, ok := strings.Cut(s, "~"); ok {
		return periodOf(strings.TrimSpace(left), strings.TrimSpace(right), raw)
	}
	if m, err := ParseMonth(s); err == nil {
		return Period{Start: m, End: m, Raw: raw}, nil
	}
	// A hyphen separates only when both sides are months: "2024-03" alone
	// is one month, "2024. 3. - 2028. 12." a period.
	var found []Period
	for i, r := range s {
		if r != '-' && r != '–' && r != '—' {
			continue
		}
		left, right := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(string(r)):])
		if _, err := ParseMonth(left); err != nil {
			continue
		}
		if _, err := ParseMonth(right); err != nil {
			continue
		}
		if p, err := periodOf(left, right, raw); err == nil {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		return Period{}, fail(idPeriod, raw)
	}
	return found[0], nil
}

// periodOf builds a period from the text on either side of its separator.
func periodOf(left, right, raw string) (Period, error) {
	p := Period{Raw: raw}
	if left == "" && right == "" {
		return Period{}, fail(idPeriod, raw)
	}
	if left != "" {
		m, err := ParseMonth(left)
		if err != nil {
			return Period{}, fail(idPeriod, raw)
		}
		p.Start = m
	}
	switch {
	case right == "" || openWords[right]:
		p.Open = true
	default:
		m, err := ParseMonth(right)
		if err != nil {
			return Period{}, fail(idPeriod, raw)
		}
		p.End = m
	}
	if !p.Open && p.Start.after(p.End) {
		return Period{}, fail(idPeriodOrder, raw)
	}
	return p, nil
}
