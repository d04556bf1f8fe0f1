package value

import (
	"math/big"
	"strings"
	"unicode/utf8"
)

// Amount is a sum of money in whole won, with how precise it was written.
type Amount struct {
	Won int64
	// Precision is the won one step of the last written digit stands for
	// (800억 → 1억; 12.34 in 억원 → 1백만), at least 1. Comparing values
	// from sheets in different units must tolerate this much.
	Precision int64
}

// ParseAmount reads an amount cell. unit is the sheet's unit (from a header
// or title line) and applies when the text carries none of its own;
// formatDecimals is the most decimals the cell's number format shows.
//
// Accepted: "1,200", "△1,200", "▲1,200", "-1200", "(1,200)", "-" (zero),
// "1.2E+3", "800억", "1조 3,000억", "5,000만원", "300,000천원",
// "12억 5천만원", "1,200원". Vague text ("약 80억", "80억 이상", "미정") is
// an error: an amount is never guessed. Empty text returns ErrEmpty.
func ParseAmount(raw string, unit Unit, formatDecimals int) (Amount, error) {
	if unit < 1 {
		unit = Won
	}
	s := clean(raw)
	if s == "" {
		return Amount{}, empty()
	}
	if isDash(s) { // the office way of writing nothing-spent: zero
		return Amount{Won: 0, Precision: precision(int64(unit), max(formatDecimals, 0))}, nil
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, strings.TrimSpace(s[1:len(s)-1])
	}
	if r, size := utf8.DecodeRuneInString(s); !neg && strings.ContainsRune("△▲-−+", r) {
		neg, s = r != '+', strings.TrimSpace(s[size:])
	}
	groups, won, ok := scanGroups(s)
	if !ok {
		return Amount{}, fail(idAmount, raw)
	}
	total, last := new(big.Int), groups[len(groups)-1]
	for i, g := range groups {
		mult := g.mult
		if mult == 0 { // a bare number: the sheet's unit, or 원 if written
			if len(groups) > 1 && !won || i != len(groups)-1 {
				return Amount{}, fail(idAmount, raw)
			}
			if mult = int64(unit); won {
				mult = 1
			}
			last.mult = mult
		}
		if i > 0 && mult >= groups[i-1].mult {
			return Amount{}, fail(idAmount, raw) // "1억 5억", "5천만 1억": not one number
		}
		total.Add(total, g.num.times(mult))
	}
	if neg {
		total.Neg(total)
	}
	if !total.IsInt64() {
		return Amount{}, fail(idAmountBig, raw)
	}
	return Amount{Won: total.Int64(), Precision: precision(last.mult, max(last.num.decimals(), formatDecimals))}, nil
}

// precision is mult / 10^decimals, at least 1 won.
func precision(mult int64, decimals int) int64 {
	for ; decimals > 0 && mult > 1; decimals-- {
		mult /= 10
	}
	return max(mult, 1)
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" || s == "−" }

// group is one number with its Korean multiplier: "1조", "3,000억", "5천만".
type group struct {
	num  decimal
	mult int64 // 0 when no multiplier is written
}

var (
	smallMult = map[rune]int64{'십': 10, '백': 100, '천': 1_000}
	bigMult   = map[rune]int64{'만': 10_000, '억': 100_000_000, '조': 1_000_000_000_000}
)

// scanGroups splits "1조 3,000억원" into its groups and reports whether the
// text ends in 원. Anything else in the text makes it unreadable.
func scanGroups(s string) (groups []group, won bool, ok bool) {
	for {
		s = strings.TrimLeft(s, " \t")
		num, rest, ok := scanNumber(s, true)
		if !ok {
			return nil, false, false
		}
		g := group{num: num.denoise()}
		s = strings.TrimLeft(rest, " \t")
		r, size := utf8.DecodeRuneInString(s)
		if m, ok := smallMult[r]; ok {
			g.mult, s = m, s[size:]
			r, size = utf8.DecodeRuneInString(s)
		}
		if m, ok := bigMult[r]; ok {
			g.mult, s = max(g.mult, 1)*m, s[size:]
		}
		groups = append(groups, g)
		s = strings.TrimLeft(s, " \t")
		if rest, cut := strings.CutPrefix(s, "원"); cut {
			return groups, true, strings.TrimSpace(rest) == ""
		}
		if s == "" {
			return groups, false, true
		}
		if g.mult == 0 || len(groups) > 20 {
			return nil, false, false // two bare numbers in a row: "1 200"
		}
	}
}
