package sheet

import "github.com/haeoreum/register/data/msg"

// Workbook is one opened file.
type Workbook struct {
	File     string // base name of the file, as the user knows it
	Format   string // "xlsx", "csv" or "html" (a web page's table saved as .xls)
	Encoding string // csv and html only: "utf-8", "cp949", "utf-16le" or "utf-16be"
	Date1904 bool   // serial dates count from 1904 (old Mac workbooks)
	SHA256   string // hex SHA-256 of the bytes that were read: the file as imported
	Sheets   []*Sheet
	// Warnings name the sheets that were listed but not read: macro
	// sheets, sheets the file does not link to their content, sheets over
	// a limit. The caller shows them beside what was read.
	Warnings []*msg.Error
}

// Sheet is one worksheet's grid. Chart sheets and other non-grid sheets are
// left out.
type Sheet struct {
	Name       string
	Hidden     bool // hidden or "very hidden" in Excel
	Rows       []Row
	HiddenCols map[int]bool // 1-based column numbers (up to MaxCols); nil when none
	Merges     []Range
	// Formats holds the number format codes cells point at by Cell.Fmt;
	// Formats[0] is always "" (General). Each code appears once.
	Formats []string
}

// Row is one row that holds at least one value or formula. Rows come in
// ascending Num order; empty rows are left out even when present in the file.
type Row struct {
	Num    int // 1-based
	Hidden bool
	Cells  []Cell // index = column-1; trailing empty cells trimmed
}

// Cell is a raw stored value: numbers and dates as Excel stores them
// ("45.5", "46296"), never as displayed. Read the format to tell a date
// serial or a fraction shown as a percent from a plain number.
type Cell struct {
	Value   string
	Fmt     uint16 // index into Sheet.Formats; 0 = General
	Formula bool   // Value is the cached result; "" when the writer stored none
	// Type is TypeNumber, TypeString, …; 0 for a cell with no value. A
	// formula with Type 0 has no stored result; one whose stored result is
	// empty text ("" from IF(…,"",…)) has TypeString and Value "".
	Type byte
}

// Cell types, as the file's t attribute has them. CSV cells are TypeString.
const (
	TypeNumber byte = 'n'
	TypeString byte = 's' // shared, inline and formula strings alike
	TypeBool   byte = 'b' // "1" or "0"
	TypeError  byte = 'e' // "#DIV/0!", "#N/A", …
	TypeDate   byte = 'd' // ISO 8601 text (rare: Strict files)
)

// Empty reports whether the cell holds neither a value nor a formula.
func (c Cell) Empty() bool { return c.Value == "" && !c.Formula }

// Range is a rectangle of cells, 1-based and inclusive.
type Range struct {
	FromCol, FromRow, ToCol, ToRow int
}

// String renders the range as "A1:O1".
func (r Range) String() string {
	return CellName(r.FromCol, r.FromRow) + ":" + CellName(r.ToCol, r.ToRow)
}

// Contains reports whether the cell (col, row) lies in the range.
func (r Range) Contains(col, row int) bool {
	return col >= r.FromCol && col <= r.ToCol && row >= r.FromRow && row <= r.ToRow
}

// Format returns the number format code of c ("" for General).
func (s *Sheet) Format(c Cell) string {
	if int(c.Fmt) < len(s.Formats) {
		return s.Formats[c.Fmt]
	}
	return ""
}

// Cell returns the cell at (col, row), 1-based, or an empty cell. Rows are
// sorted, so this is a binary search; callers walking the grid should range
// over Rows instead.
func (s *Sheet) Cell(col, row int) Cell {
	lo, hi := 0, len(s.Rows)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.Rows[m].Num < row {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(s.Rows) && s.Rows[lo].Num == row && col >= 1 && col <= len(s.Rows[lo].Cells) {
		return s.Rows[lo].Cells[col-1]
	}
	return Cell{}
}
