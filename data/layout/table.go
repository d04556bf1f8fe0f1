// Package layout finds the table in a city's sheet and reads its rows into
// canonical values: title and as-of lines, one- or two-row headers with
// merges, columns mapped to fields by meaning (never by position), the
// city's funding-tier labels, subtotal rows, filled-down fields.
package layout

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// Table is the located table of one sheet (or of several sheets under one
// header): what Locate found, which reading its rows (Rows) never changes.
type Table struct {
	File string
	// Sheet names the sheet the table is on; a table split over several
	// sheets under one header names them all ("경제, 문화"), and each
	// record says its own (Record.Sheet).
	Sheet  string
	Sheets []string
	// Tables names every sheet of the workbook that holds a table, so an
	// official can choose another (Options.Sheet).
	Tables []string
	// City is the sending city; "" for the secretariat's register (Master).
	City         model.City
	CityEvidence string
	Master       bool // has a project-code column: may create projects
	AsOf         string
	AsOfFrom     string     // where the as-of date was found, for a person to read
	Unit         value.Unit // the table-wide unit, 0 if none was stated
	UnitFrom     string     // where the table-wide unit was found
	HeaderRows   []int
	Columns      []Column
	// Warnings and Errors Locate found for the table as a whole (its rows'
	// are the Rows reader's). Any error refuses the file.
	Warnings []*msg.Error
	Errors   []*msg.Error

	parts       []part // the sheets the table is on, in workbook order
	date1904    bool
	chosenSheet bool // an official named the sheet: no other is joined to it
}

// part is one sheet of a table and its header.
type part struct {
	s *sheet.Sheet
	h header
}

// NeedsUnit reports whether an amount column the table reads has no unit
// (neither its header, a unit line nor an official named one).
func (t *Table) NeedsUnit() bool {
	for _, c := range t.Columns {
		if c.Used && c.Role == RoleAmount && c.Unit == 0 {
			return true
		}
	}
	return false
}

// Column is one column of the table and what it means.
type Column struct {
	Col    int // 1-based
	Header string
	Role   Role
	Tier   model.Tier // for RoleAmount
	Unit   value.Unit // for RoleAmount
	City   model.City // for RoleCityContact
	Hidden bool
	Used   bool // false: kept aside (a duplicate or unknown column)
	// Decided: an official said what the column holds (or to ignore it).
	Decided bool
	// Blocks: an unknown column with values; the import waits for a
	// decision about it.
	Blocks bool
}

// Value is one parsed cell: canonical text, the raw text, where it was.
type Value struct {
	Text      string
	Raw       string
	Cell      string
	Precision int64 // amounts: won; months: 1, year-only 12; progress: 0
}

// Record is one project row.
type Record struct {
	Sheet     string // the sheet the row is on
	Row       int
	Hidden    bool
	Code      string
	Name      Value
	Field     Value // as written (filled down); the register maps it to its scheme
	Values    map[model.FieldKey]Value
	Contact   model.Contact
	PeriodRaw string
	AsOf      string   // the row's own as-of date, when the sheet gives one per row
	Aliases   []string // other names, when the sheet lists them
	// CityContacts are each city's officer, when the sheet has a column per
	// city (our own report's register sheet).
	CityContacts map[model.City]model.Contact
	// HasAsOf: the sheet has a per-row as-of column, so an empty AsOf means
	// "no date", not "the sheet's date".
	HasAsOf bool

	continued int // the last row of a project over several rows
}

// Get returns the value of field k and whether the row has it.
func (r *Record) Get(k model.FieldKey) (Value, bool) {
	v, ok := r.Values[k]
	return v, ok
}

// Fingerprint identifies the table's layout by its header band alone: each
// column's position and header words, normalised. Two sheets of the same
// form have the same fingerprint whatever their title, date or rows, so a
// decision taken for one (a unit, a column's meaning) can be offered for
// the next.
func (t *Table) Fingerprint() string {
	h := sha256.New()
	for _, c := range t.Columns {
		fmt.Fprintf(h, "%d\x1f%s\x1e", c.Col, value.NormalizeName(c.Header))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
