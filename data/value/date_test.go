package value

import (
	"errors"
	"testing"
	"unicode/utf8"
)

func TestParseDate(t *testing.T) {
	want := Date{2026, 10, 31}
	for _, raw := range []string{
		"2026. 10. 31.", "2026.10.31", "2026.10.31.", "2026. 10. 31", "2026-10-31", "2026/10/31",
		"2026년 10월 31일", "2026년10월31일", "'26. 10. 31.", "’26.10.31", " 2026. 10. 31. ", "２０２６．１０．３１．",
	} {
		got, err := ParseDate(raw)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", raw, got, err, want)
		}
	}
	if got, err := ParseDate("2026. 03. 01."); err != nil || got != (Date{2026, 3, 1}) {
		t.Errorf("ParseDate(2026. 03. 01.) = %v, %v", got, err)
	}
	if got, err := ParseDate("2024. 2. 29."); err != nil || got != (Date{2024, 2, 29}) {
		t.Errorf("leap day: %v, %v", got, err)
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, raw := range []string{
		"2026. 2. 29.", "2026. 4. 31.", "2026. 13. 1.", "2026. 0. 1.", "2026. 10. 0.", // not calendar days
		"2026. 10.", "2026", "26. 10. 31.", "2026.10-31", "2026-10-31-", "2026년 10월 31", "2026/10/31.",
		"1899. 12. 31.", "2201. 1. 1.", "20261031", "2026. 10. 31. (금)", "abc", "2026..10.31",
	} {
		if d, err := ParseDate(raw); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", raw, d)
		}
	}
	if _, err := ParseDate(""); !errors.Is(err, ErrEmpty) {
		t.Errorf("ParseDate(\"\") = %v, want ErrEmpty", err)
	}
}

func TestDateFromSerial(t *testing.T) {
	tests := []struct {
		raw      string
		date1904 bool
		want     Date
	}{
		{"44927", false, Date{2023, 1, 1}},
		{"44927.5", false, Date{2023, 1, 1}},
		{"46326", false, Date{2026, 10, 31}},
		{"4.4927E4", false, Date{2023, 1, 1}},
		{"1", false, Date{1900, 1, 1}},
		{"59", false, Date{1900, 2, 28}},
		{"61", false, Date{1900, 3, 1}},
		{"109939", false, Date{2200, 12, 31}},
		{"43465", true, Date{2023, 1, 1}},
		{"0", true, Date{1904, 1, 1}},
	}
	for _, tt := range tests {
		got, err := DateFromSerial(tt.raw, tt.date1904)
		if err != nil || got != tt.want {
			t.Errorf("DateFromSerial(%q, %v) = %v, %v; want %v", tt.raw, tt.date1904, got, err, tt.want)
		}
	}
	for _, raw := range []string{"0", "60", "-1", "109940", "1E+300", "abc", "2026-10-31", "44927원"} {
		if d, err := DateFromSerial(raw, false); err == nil {
			t.Errorf("DateFromSerial(%q) = %v, want an error", raw, d)
		}
	}
}

func TestFindAsOf(t *testing.T) {
	want := Date{2026, 10, 31}
	for _, text := range []string{
		"(기준: 2026. 10. 31.)", "기준일: 2026-10-31   단위: 천원", "2026. 10. 31. 기준", "기준일자 : 2026.10.31",
		"(2026. 10. 31. 현재)", "[기준일 2026년 10월 31일]", "2026년 해오름동맹 추진현황 (2026. 10. 31. 기준, 단위: 백만원)",
	} {
		got, ok := FindAsOf(text)
		if !ok || got != want {
			t.Errorf("FindAsOf(%q) = %v, %v; want %v", text, got, ok, want)
		}
	}
	for _, text := range []string{"2026. 10. 31.", "2026. 3. 1. 개정", "기준: 2026. 2. 30.", "(단위: 천원)", ""} {
		if d, ok := FindAsOf(text); ok {
			t.Errorf("FindAsOf(%q) = %v, want none", text, d)
		}
	}
}

func TestDateString(t *testing.T) {
	if s := (Date{2026, 3, 1}).String(); s != "2026-03-01" {
		t.Errorf("got %q", s)
	}
	if s := (Date{}).String(); s != "" {
		t.Errorf("zero date: %q", s)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2026. 10. 31.", "2026.10.31", "2026. 03. 01.", "2026-10-31", "2026/10/31", "2026년 10월 31일",
		"'26. 10. 31.", "2024. 2. 29.", "2026. 2. 29.", "(기준: 2026. 10. 31.)", "기준일: 2026-10-31   단위: 천원",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if !utf8.ValidString(raw) {
			return
		}
		if d, err := ParseDate(raw); err == nil {
			if d.Year < minYear || d.Year > maxYear || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
				t.Fatalf("ParseDate(%q) = %v, not a calendar day", raw, d)
			}
			if back, err := ParseDate(d.String()); err != nil || back != d {
				t.Fatalf("ParseDate(%q) = %v does not round-trip: %v, %v", raw, d, back, err)
			}
		}
		if d, ok := FindAsOf(raw); ok && d.Year == 0 {
			t.Fatalf("FindAsOf(%q) = %v", raw, d)
		}
		_, _ = DateFromSerial(raw, false)
	})
}
