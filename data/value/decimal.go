package value

import (
	"math/big"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// decimal is an exact non-negative decimal number mant × 10^-scale. Amounts
// must never pass through float64: 0.1억 has to be exactly 10,000,000 won.
type decimal struct {
	mant  *big.Int
	scale int // digits after the point; negative means trailing zeros
}

// Limits that keep hostile text cheap; no real cell comes near them.
const (
	maxDigits   = 400
	maxExponent = 400
	// excelDigits is how many significant digits a spreadsheet number holds;
	// digits beyond it in a fraction are binary float noise (0.30000000000000004).
	excelDigits = 15
)

var ten = big.NewInt(10)

func pow10(n int) *big.Int { return new(big.Int).Exp(ten, big.NewInt(int64(n)), nil) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// scanNumber reads a number at the start of s: digits (with thousands commas
// when commas is set), an optional fraction and an optional Excel exponent
// ("1.2E+3"). It returns the number and the unread rest of s.
func scanNumber(s string, commas bool) (decimal, string, bool) {
	var digits []byte
	i, intDigits, frac := 0, 0, 0
	for i < len(s) {
		c := s[i]
		switch {
		case isDigit(c):
			digits = append(digits, c)
			intDigits++
			i++
			continue
		case c == ',' && commas && intDigits > 0 && i+1 < len(s) && isDigit(s[i+1]):
			i++
			continue
		}
		break
	}
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		i++
		for i < len(s) && isDigit(s[i]) {
			digits = append(digits, s[i])
			frac++
			i++
		}
	}
	if len(digits) == 0 || len(digits) > maxDigits {
		return decimal{}, s, false
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j, neg := i+1, false
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			neg = s[j] == '-'
			j++
		}
		k := j
		for k < len(s) && isDigit(s[k]) && k-j <= 4 {
			exp = exp*10 + int(s[k]-'0')
			k++
		}
		if k > j { // an exponent without digits is left for the caller to reject
			if exp > maxExponent || (k < len(s) && isDigit(s[k])) {
				return decimal{}, s, false
			}
			if neg {
				exp = -exp
			}
			i = k
		}
	}
	m, _ := new(big.Int).SetString(string(digits), 10)
	return decimal{mant: m, scale: frac - exp}, s[i:], true
}

// denoise rounds a fraction to the digits a spreadsheet really holds, so
// "0.30000000000000004" reads as 0.3 and counts as one decimal.
func (d decimal) denoise() decimal {
	sig := len(d.mant.String())
	if d.mant.Sign() == 0 || sig <= excelDigits || d.scale <= 0 {
		return d
	}
	drop := min(sig-excelDigits, d.scale)
	d = decimal{mant: roundDiv(d.mant, pow10(drop)), scale: d.scale - drop}
	r := new(big.Int)
	for d.scale > 0 {
		q, m := new(big.Int).QuoRem(d.mant, ten, r)
		if m.Sign() != 0 {
			break
		}
		d = decimal{mant: q, scale: d.scale - 1}
	}
	return d
}

// decimals is how many digits the number shows after the point.
func (d decimal) decimals() int { return max(d.scale, 0) }

// times returns d × mult rounded half away from zero to an integer.
func (d decimal) times(mult int64) *big.Int {
	n := new(big.Int).Mul(d.mant, big.NewInt(mult))
	if d.scale <= 0 {
		return n.Mul(n, pow10(-d.scale))
	}
	return roundDiv(n, pow10(d.scale))
}

// roundDiv returns n / q rounded half away from zero, for n ≥ 0 and q > 0.
func roundDiv(n, q *big.Int) *big.Int {
	quo, rem := new(big.Int).QuoRem(n, q, new(big.Int))
	if rem.Lsh(rem, 1).Cmp(q) >= 0 {
		quo.Add(quo, big.NewInt(1))
	}
	return quo
}

// clean NFKC-normalises cell text (full-width digits and punctuation become
// ASCII, no-break spaces become spaces) and trims it.
func clean(raw string) string { return strings.TrimSpace(norm.NFKC.String(raw)) }
