package value

import "strings"

// formatCode returns the first section of an Excel number format with
// literals removed — quoted text, backslash escapes, _x padding, *x fills and
// [..] brackets (colours, conditions, locales) — leaving only the codes that
// decide how a number is shown.
func formatCode(numFmt string) string {
	var b strings.Builder
	for i := 0; i < len(numFmt); i++ {
		switch c := numFmt[i]; c {
		case ';':
			return b.String()
		case '"':
			if j := strings.IndexByte(numFmt[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(numFmt)
			}
		case '\\', '_', '*':
			i++ // skip the escaped, padded or fill character (ASCII or the first byte)
			for i+1 < len(numFmt) && numFmt[i+1]&0xC0 == 0x80 {
				i++ // and the rest of a multi-byte character
			}
		case '[':
			if j := strings.IndexByte(numFmt[i:], ']'); j >= 0 {
				i += j
			} else {
				i = len(numFmt)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// FormatDecimals returns the most decimals a number format shows:
// "#,##0" → 0, "#,##0.0#" → 2, "0.0%" → 1, "General" → 0.
func FormatDecimals(numFmt string) int {
	code := formatCode(numFmt)
	i := strings.IndexByte(code, '.')
	if i < 0 {
		return 0
	}
	n := 0
	for _, c := range []byte(code[i+1:]) {
		if c != '0' && c != '#' && c != '?' {
			break
		}
		n++
	}
	return n
}

// IsPercentFormat reports whether a number format shows the value times 100
// with a % sign ("0%", "0.0%"), as Ulsan's 진척도 0.455 does.
func IsPercentFormat(numFmt string) bool {
	return strings.Contains(formatCode(numFmt), "%")
}

// IsDateFormat reports whether a number format shows a date or time, so the
// cell's raw number is an Excel serial day: "yyyy-mm", "yyyy\"년\" m\"월\"",
// "m/d/yy", "[$-412]yyyy-mm-dd". "#,##0", "0.0%" and "General" are not.
func IsDateFormat(numFmt string) bool {
	code := strings.ToLower(formatCode(numFmt))
	if code == "general" || code == "" {
		return false
	}
	return strings.ContainsAny(code, "ymdhs")
}
