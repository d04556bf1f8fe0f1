package value

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/haeoreum/register/data/msg"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		raw       string
		unit      Unit
		decimals  int
		won, prec int64
	}{
		{"80000000", Won, 0, 80_000_000, 1},
		{"1,200", Cheon, 0, 1_200_000, 1_000},
		{" 1,200 ", Baekman, 0, 1_200_000_000, 1_000_000},
		{"1,200,000", Cheon, 0, 1_200_000_000, 1_000},
		{"△1,200", Cheon, 0, -1_200_000, 1_000},
		{"▲1,200", Cheon, 0, -1_200_000, 1_000},
		{"△ 1,200", Cheon, 0, -1_200_000, 1_000},
		{"-1200", Won, 0, -1200, 1},
		{"(1,200)", Won, 0, -1200, 1},
		{"+1200", Won, 0, 1200, 1},
		{"-", Baekman, 0, 0, 1_000_000},
		{"–", Won, 0, 0, 1},
		{"—", Eok, 2, 0, 1_000_000},
		{"0", Eok, 0, 0, 100_000_000},
		{"１，２００", Won, 0, 1200, 1}, // full-width
		{"1.2E+3", Won, 0, 1200, 1},
		{"1.2E-3", Eok, 0, 120_000, 10_000},
		{"1.5e2", Cheon, 0, 150_000, 1_000},
		{"0.30000000000000004", Won, 0, 0, 1},
		{"0.30000000000000004", Eok, 0, 30_000_000, 10_000_000},
		{"12.34", Eok, 2, 1_234_000_000, 1_000_000},
		{"12.3", Eok, 2, 1_230_000_000, 1_000_000}, // the format shows two decimals
		{"0.385", Won, 0, 0, 1},
		{"0.5", Won, 0, 1, 1},    // half away from zero
		{"-0.5", Won, 0, -1, 1},  // also for negatives
		{"2.4999", Won, 0, 2, 1}, // never through float
		{"1234.5", Won, 1, 1235, 1},
		{"800억", Won, 0, 80_000_000_000, 100_000_000},
		{"800억원", Cheon, 0, 80_000_000_000, 100_000_000},
		{"800 억 원", Cheon, 0, 80_000_000_000, 100_000_000},
		{"1조 3,000억", Won, 0, 1_300_000_000_000, 100_000_000},
		{"1조3000억원", Won, 0, 1_300_000_000_000, 100_000_000},
		{"1.3조", Won, 0, 1_300_000_000_000, 100_000_000_000},
		{"5,000만원", Won, 0, 50_000_000, 10_000},
		{"5000만", Eok, 0, 50_000_000, 10_000},
		{"300,000천원", Won, 0, 300_000_000, 1_000},
		{"12억 5천만원", Won, 0, 1_250_000_000, 10_000_000},
		{"1억 5000원", Eok, 0, 100_005_000, 1},
		{"1,200원", Baekman, 0, 1200, 1},
		{"△800억", Won, 0, -80_000_000_000, 100_000_000},
		{"(1조 3,000억)", Won, 0, -1_300_000_000_000, 100_000_000},
		{"1,2,3", Won, 0, 123, 1}, // odd grouping is still one exact number
		{"9223372036854775807", Won, 0, 9_223_372_036_854_775_807, 1},
		{"-9223372036854775808", Won, 0, -9_223_372_036_854_775_808, 1},
		{"80000000", 0, 0, 80_000_000, 1}, // no unit known: won
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.raw, tt.unit, tt.decimals)
		if err != nil {
			t.Errorf("ParseAmount(%q, %v, %d): %v", tt.raw, tt.unit, tt.decimals, err)
			continue
		}
		if got != (Amount{Won: tt.won, Precision: tt.prec}) {
			t.Errorf("ParseAmount(%q, %v, %d) = %+v, want {%d %d}", tt.raw, tt.unit, tt.decimals, got, tt.won, tt.prec)
		}
	}
}

func TestParseAmountRejects(t *testing.T) {
	for _, raw := range []string{
		"약 80억", "80억?", "80억 이상", "미정", "abc", "1 200", "1억 5억", "5천만 1억", "1억 5000",
		"△", "()", "(1,200", "1,200)", "--1", "1.2.3", ",100", "100,", "1.", "1E", "1e+", "45%",
		"80억원정", "원", "억", "1,200 원 원", "0x10", "1_000", "NaN", "Inf", "1.2E+99999",
	} {
		if a, err := ParseAmount(raw, Won, 0); err == nil {
			t.Errorf("ParseAmount(%q) = %+v, want an error", raw, a)
		} else if !strings.Contains(err.Error(), strings.TrimSpace(raw)) {
			t.Errorf("ParseAmount(%q): error %q does not name the text", raw, err)
		}
	}
}

func TestParseAmountOverflow(t *testing.T) {
	for _, raw := range []string{"9223372036854775808", "99999999999999999999", "10000000조", "1E+30"} {
		_, err := ParseAmount(raw, Jo, 0)
		if !errors.Is(err, &msg.Error{ID: idAmountBig}) {
			t.Errorf("ParseAmount(%q): %v, want overflow", raw, err)
		}
	}
}

func TestParseAmountEmpty(t *testing.T) {
	for _, raw := range []string{"", "   ", "\n", "\u3000"} {
		if _, err := ParseAmount(raw, Won, 0); !errors.Is(err, ErrEmpty) {
			t.Errorf("ParseAmount(%q): %v, want ErrEmpty", raw, err)
		}
	}
}

// The sentinel must stay clean when a caller fills in Where on what it got.
func TestErrEmptyIsFreshEachTime(t *testing.T) {
	_, err := ParseAmount("", Won, 0)
	var e *msg.Error
	if !errors.As(err, &e) {
		t.Fatalf("%T is not a *msg.Error", err)
	}
	e.Where.Cell = "C4"
	if ErrEmpty.(*msg.Error).Where.Cell != "" {
		t.Fatal("setting Where changed ErrEmpty")
	}
}

// Property: whatever the text, ParseAmount returns and any amount it gives
// has a precision of at least one won.
func TestParseAmountNeverPanics(t *testing.T) {
	alphabet := []rune("0123456789,. -+()△▲억조만천백십원eE%약 １")
	r := rand.New(rand.NewPCG(1, 2))
	for range 20_000 {
		var b strings.Builder
		for range r.IntN(14) {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		checkAmount(t, b.String(), Unit([]int64{1, 1_000, 1_000_000, 100_000_000}[r.IntN(4)]), r.IntN(4))
	}
}

func checkAmount(t *testing.T, raw string, unit Unit, decimals int) {
	t.Helper()
	a, err := ParseAmount(raw, unit, decimals)
	if err != nil {
		return
	}
	if a.Precision < 1 {
		t.Fatalf("ParseAmount(%q) precision %d < 1", raw, a.Precision)
	}
	// Writing the same text as a △ negative negates the amount.
	if s := clean(raw); s != "" && isDigit(s[0]) {
		n, err := ParseAmount("△"+raw, unit, decimals)
		if err == nil && n.Won != -a.Won {
			t.Fatalf("ParseAmount(△%q) = %d, want %d", raw, n.Won, -a.Won)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{
		"80000000", "0.385", "12.34", "1.2E-3", "1.2E+3", "44927", "1,200", "1,200,000", "300,000", "100,000",
		"△1,200", "▲1,200", "-1200", "(1,200)", "-", "–", "—", "１２００", "0.30000000000000004",
		"800억", "1조 3,000억", "1조3000억원", "5,000만원", "5000만", "300,000천원", "12억 5천만원", "1,200원",
		"약 80억", "80억?", "미정", "1,2,3", "abc", "80억 이상", "15.8", "1155000000000", "16.5",
	} {
		f.Add(s, int64(Eok), 2)
	}
	f.Fuzz(func(t *testing.T, raw string, unit int64, decimals int) {
		if !utf8.ValidString(raw) {
			return
		}
		checkAmount(t, raw, Unit(unit), decimals)
	})
}

func BenchmarkParseAmount(b *testing.B) {
	for b.Loop() {
		for _, s := range []string{"1,200,000", "12.34", "1조 3,000억", "△1,200"} {
			if _, err := ParseAmount(s, Baekman, 0); err != nil {
				b.Fatal(err)
			}
		}
	}
}
