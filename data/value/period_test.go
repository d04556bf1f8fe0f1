package value

import (
	"errors"
	"testing"
	"unicode/utf8"
)

func TestParseMonth(t *testing.T) {
	tests := []struct {
		raw  string
		want Month
	}{
		{"2024. 3.", Month{2024, 3}}, {"2024.3", Month{2024, 3}}, {"2024. 03.", Month{2024, 3}},
		{"2024-03", Month{2024, 3}}, {"2024/03", Month{2024, 3}}, {"2024년 3월", Month{2024, 3}},
		{"2024년3월", Month{2024, 3}}, {"'24. 3.", Month{2024, 3}}, {"2024. 3. 1.", Month{2024, 3}},
		{"2024-03-31", Month{2024, 3}}, {"2024년 3월 1일", Month{2024, 3}}, {"2024. 12.", Month{2024, 12}},
		{"2024", Month{Year: 2024}}, {"2024년", Month{Year: 2024}}, {"'24", Month{Year: 2024}},
		{"2024.", Month{Year: 2024}}, {"２０２４．３．", Month{2024, 3}},
	}
	for _, tt := range tests {
		got, err := ParseMonth(tt.raw)
		if err != nil || got != tt.want {
			t.Errorf("ParseMonth(%q) = %v, %v; want %v", tt.raw, got, err, tt.want)
		}
	}
	for _, raw := range []string{
		"24.3", "24", "2024. 13.", "2024. 0.", "2024. 2. 30.", "2024년 3", "2024-", "2024--03",
		"2024. 3. 1. 2.", "3월", "1800", "계속", "abc", "2024.3-1", "'2024",
	} {
		if m, err := ParseMonth(raw); err == nil {
			t.Errorf("ParseMonth(%q) = %v, want an error", raw, m)
		}
	}
	if _, err := ParseMonth(" "); !errors.Is(err, ErrEmpty) {
		t.Errorf("ParseMonth(\" \") = %v, want ErrEmpty", err)
	}
}

func TestMonthString(t *testing.T) {
	for m, want := range map[Month]string{{2024, 3}: "2024-03", {Year: 2024}: "2024", {}: ""} {
		if got := m.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", m, got, want)
		}
	}
	if !(Month{}).IsZero() || (Month{Year: 2024}).IsZero() {
		t.Error("IsZero")
	}
}

func TestParsePeriod(t *testing.T) {
	m := func(y, mo int) Month { return Month{y, mo} }
	tests := []struct {
		raw        string
		start, end Month
		open       bool
	}{
		{"2024. 3. ~ 2028. 12.", m(2024, 3), m(2028, 12), false},
		{"2023. 1. ~ 2030. 12.", m(2023, 1), m(2030, 12), false},
		{"2025. 1. ~ 계속", m(2025, 1), Month{}, true},
		{"'24~'28", m(2024, 0), m(2028, 0), false},
		{"'23~'30", m(2023, 0), m(2030, 0), false},
		{"2025년~계속", m(2025, 0), Month{}, true},
		{"2021년~계속", m(2021, 0), Month{}, true},
		{"2024.3.~2028.12.", m(2024, 3), m(2028, 12), false},
		{"2024-03 ~ 2028-12", m(2024, 3), m(2028, 12), false},
		{"2024. 3. - 2028. 12.", m(2024, 3), m(2028, 12), false},
		{"2024-03 - 2028-12", m(2024, 3), m(2028, 12), false},
		{"2024 – 2028", m(2024, 0), m(2028, 0), false},
		{"2024년 3월 ~ 2028년 12월", m(2024, 3), m(2028, 12), false},
		{"2024. 3. ~\n2028. 12.", m(2024, 3), m(2028, 12), false},
		{"2024. 3.\r\n~ 2028. 12.", m(2024, 3), m(2028, 12), false},
		{"2024. 3. ～ 2028. 12.", m(2024, 3), m(2028, 12), false}, // full-width tilde
		{"2024. 3. ∼ 2028. 12.", m(2024, 3), m(2028, 12), false},
		{"2024. 3. ~", m(2024, 3), Month{}, true},
		{"2020. 1. ~ 현재", m(2020, 1), Month{}, true},
		{"2022. 1. ~ 상시", m(2022, 1), Month{}, true},
		{"2024. 3. ~ 미정", m(2024, 3), Month{}, true},
		{"~ 2028. 12.", Month{}, m(2028, 12), false},
		{"2024 ~ 2024. 3.", m(2024, 0), m(2024, 3), false}, // same year: not out of order
		{"2026. 3.", m(2026, 3), m(2026, 3), false},
		{"2024-03", m(2024, 3), m(2024, 3), false},
		{"연중", Month{}, Month{}, true},
		{"상시", Month{}, Month{}, true},
		{"계속", Month{}, Month{}, true},
		{"미정", Month{}, Month{}, true},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.raw)
		want := Period{Start: tt.start, End: tt.end, Open: tt.open, Raw: tt.raw}
		if err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %+v", tt.raw, got, err, want)
		}
	}
}

func TestParsePeriodRejects(t *testing.T) {
	for _, raw := range []string{
		"2028. 12. ~ 2024. 3.", "'28~'24", "2024. 5. ~ 2024. 3.", // backwards
		"24~28", "2024. 3. ~ 12.", "~", "2024 ~ 2025 ~ 2026", "2025. 1. - 계속", "2024. 3. -",
		"계속 ~ 2028", "2024. 3. ~ 곧", "약 3년", "현재", "2024. 3. ~ 2028. 13.",
	} {
		if p, err := ParsePeriod(raw); err == nil {
			t.Errorf("ParsePeriod(%q) = %+v, want an error", raw, p)
		}
	}
	if _, err := ParsePeriod("\n"); !errors.Is(err, ErrEmpty) {
		t.Errorf("ParsePeriod(newline) = %v, want ErrEmpty", err)
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{
		"2024. 3. ~ 2028. 12.", "2025. 1. ~ 계속", "'24~'28", "'23~'30", "'22~'27", "2025년~계속", "2021년~계속",
		"2018년~계속", "2023. 1. ~ 2030. 12.", "2024. 12. ~ 2032. 12.", "2018. 1. ~ 계속", "2024.3.~2028.12.",
		"2024-03 ~ 2028-12", "2024. 3. - 2028. 12.", "2024년 3월 ~ 2028년 12월", "2024. 3. ~\n2028. 12.",
		"연중", "미정", "2024-03", "2035-12", "2024-03-2028-12",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if !utf8.ValidString(raw) {
			return
		}
		p, err := ParsePeriod(raw)
		if err != nil {
			return
		}
		if p.Raw != raw {
			t.Fatalf("ParsePeriod(%q) lost the raw text: %q", raw, p.Raw)
		}
		if p.Open && !p.End.IsZero() {
			t.Fatalf("ParsePeriod(%q) = %+v: open with an end", raw, p)
		}
		if p.Start.after(p.End) && !p.Open {
			t.Fatalf("ParsePeriod(%q) = %+v: starts after it ends", raw, p)
		}
		if p.Start.IsZero() && p.End.IsZero() && !p.Open {
			t.Fatalf("ParsePeriod(%q) = %+v: nothing known but not open", raw, p)
		}
		for _, m := range []Month{p.Start, p.End} {
			if !m.IsZero() && (m.Year < minYear || m.Year > maxYear || m.Month < 0 || m.Month > 12) {
				t.Fatalf("ParsePeriod(%q) = %+v: month out of range", raw, p)
			}
		}
	})
}
