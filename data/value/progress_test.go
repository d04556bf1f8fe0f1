package value

import (
	"errors"
	"math"
	"testing"
	"unicode/utf8"
)

func TestParseProgress(t *testing.T) {
	tests := []struct {
		raw     string
		percent bool
		want    float64
	}{
		{"45.5", false, 45.5}, {"45", false, 45}, {"45%", false, 45}, {"45.5 %", false, 45.5},
		{"38.5%", true, 38.5}, {"0.385", true, 38.5}, {"0.455", true, 45.5}, {"1", true, 100},
		{"0", true, 0}, {"100%", false, 100}, {"０.５", false, 0.5}, {"45.55", false, 45.6},
		{"0.45500000000000002", true, 45.5}, {"12.5%", true, 12.5}, {" 30 ", false, 30}, {"4.5E1", false, 45},
		{"-0", false, 0},
	}
	for _, tt := range tests {
		got, err := ParseProgress(tt.raw, tt.percent)
		if err != nil || got != tt.want {
			t.Errorf("ParseProgress(%q, %v) = %v, %v; want %v", tt.raw, tt.percent, got, err, tt.want)
		}
	}
	for _, raw := range []string{"101", "100.1", "-5", "1.5", "약 45%", "45%%", "%", "45 % 완료", "abc", "4 5"} {
		percent := raw == "1.5"
		if v, err := ParseProgress(raw, percent); err == nil {
			t.Errorf("ParseProgress(%q, %v) = %v, want an error", raw, percent, v)
		}
	}
	for _, raw := range []string{"", " ", "-", "—"} {
		if _, err := ParseProgress(raw, false); !errors.Is(err, ErrEmpty) {
			t.Errorf("ParseProgress(%q) = %v, want ErrEmpty", raw, err)
		}
	}
}

func FuzzParseProgress(f *testing.F) {
	for _, s := range []string{"45.5", "45", "45%", "45.5 %", "０.５", "38.5%", "0.385", "0.455", "100%", "12.5%", "-", ""} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, raw string, percent bool) {
		if !utf8.ValidString(raw) {
			return
		}
		v, err := ParseProgress(raw, percent)
		if err != nil {
			return
		}
		if v < 0 || v > 100 || math.Round(v*10)/10 != v {
			t.Fatalf("ParseProgress(%q, %v) = %v: not a percentage to one decimal", raw, percent, v)
		}
	})
}
