package value

import (
	"strconv"
	"strings"
)

// FormatAmount renders won in unit u exactly, with thousands separators and
// only the decimals needed: 1,234,500,000 won is "1,234.5" in 백만원. A
// negative amount starts with "-". The report and the window both show
// amounts this way, so a figure reads the same everywhere.
func FormatAmount(won int64, u Unit) string {
	if u < 1 {
		u = Won
	}
	neg := won < 0
	if neg {
		won = -won
	}
	q, r := won/int64(u), won%int64(u)
	s := groupThousands(strconv.FormatInt(q, 10))
	if r != 0 {
		digits := len(strconv.FormatInt(int64(u), 10)) - 1
		frac := strconv.FormatInt(r, 10)
		frac = strings.Repeat("0", digits-len(frac)) + frac
		s += "." + strings.TrimRight(frac, "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	pre := len(digits) % 3
	if pre > 0 {
		b.WriteString(digits[:pre])
	}
	for i := pre; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
