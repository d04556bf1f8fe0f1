package sheet

import "strconv"

// CellName renders a 1-based column and row as an A1 reference ("C12").
// Out-of-range input gives "" rather than a panic.
func CellName(col, row int) string {
	if col < 1 || row < 1 {
		return ""
	}
	return ColumnName(col) + strconv.Itoa(row)
}

// ColumnName renders a 1-based column number as letters (1 → "A", 27 → "AA").
func ColumnName(col int) string {
	if col < 1 {
		return ""
	}
	var buf [8]byte
	i := len(buf)
	for col > 0 && i > 0 {
		col--
		i--
		buf[i] = byte('A' + col%26)
		col /= 26
	}
	return string(buf[i:])
}

// parseRef reads an A1 reference ("C12", "$C$12", "c12"). Either part may be
// missing: "C" gives row 0, "12" gives column 0. ok is false for anything
// else, and for numbers beyond Excel's grid.
func parseRef(s string) (col, row int, ok bool) {
	i := 0
	if i < len(s) && s[i] == '$' {
		i++
	}
	for i < len(s) {
		c := s[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > excelMaxCols {
			return 0, 0, false
		}
		i++
	}
	if i < len(s) && s[i] == '$' {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		row = row*10 + int(s[i]-'0')
		if row > excelMaxRows {
			return 0, 0, false
		}
		i++
		digits++
	}
	if i != len(s) || (col == 0 && digits == 0) {
		return 0, 0, false
	}
	return col, row, true
}

// parseRange reads "A1:O1" or a single cell "A1" into a Range, putting the
// corners in order. Whole rows or columns ("3:4", "A:C") are not cell ranges
// and give ok=false.
func parseRange(s string) (Range, bool) {
	from, to := s, s
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			from, to = s[:i], s[i+1:]
			break
		}
	}
	c1, r1, ok1 := parseRef(from)
	c2, r2, ok2 := parseRef(to)
	if !ok1 || !ok2 || c1 == 0 || r1 == 0 || c2 == 0 || r2 == 0 {
		return Range{}, false
	}
	return Range{FromCol: min(c1, c2), FromRow: min(r1, r2), ToCol: max(c1, c2), ToRow: max(r1, r2)}, true
}

// ColumnNumber reads a column's letters ("K", "aa") as its 1-based number;
// ok is false for anything else.
func ColumnNumber(letters string) (int, bool) {
	col, row, ok := parseRef(letters)
	return col, ok && row == 0 && col > 0
}
