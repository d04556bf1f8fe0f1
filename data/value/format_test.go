package value

import "testing"

func TestFormatAmount(t *testing.T) {
	cases := []struct {
		won  int64
		u    Unit
		want string
	}{
		{1_234_500_000, Baekman, "1,234.5"},
		{75_000_000_000, Baekman, "75,000"},
		{1_234_567_000, Baekman, "1,234.567"},
		{-1_200_000, Cheon, "-1,200"},
		{1_300_000_000_000, Eok, "13,000"},
		{12_340_000, Eok, "0.1234"},
		{999, Won, "999"},
		{0, Baekman, "0"},
	}
	for _, c := range cases {
		if got := FormatAmount(c.won, c.u); got != c.want {
			t.Errorf("FormatAmount(%d, %v) = %q, want %q", c.won, c.u, got, c.want)
		}
		// What is shown reads back as the same amount.
		if a, err := ParseAmount(FormatAmount(c.won, c.u), c.u, 0); err != nil || a.Won != c.won {
			t.Errorf("%q reads back as %d (%v)", FormatAmount(c.won, c.u), a.Won, err)
		}
	}
}
