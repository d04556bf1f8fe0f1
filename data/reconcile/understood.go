package reconcile

import (
	"strings"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
)

// Understanding is how a file was read, with the evidence for what it
// left out: what the window's import screen and `import --json` show, the
// same for both. Meanings and evidence are in the user's language.
type Understanding struct {
	Sheet string `json:"sheet"`
	// Tables are the workbook's sheets that hold a table: the choice of
	// sheet an official has.
	Tables []string `json:"tables"`
	// SheetFrom says why this sheet was read, when a saved profile chose it.
	SheetFrom string `json:"sheet_from,omitempty"`
	// HeaderRow is the table's (first) header row; HeaderRowFrom says why,
	// when a saved profile named it.
	HeaderRow     int             `json:"header_row"`
	HeaderRowFrom string          `json:"header_row_from,omitempty"`
	Master        bool            `json:"master"` // the secretariat's register (it has project codes)
	City          model.City      `json:"city"`
	CityFrom      string          `json:"city_from"`
	AsOf          string          `json:"as_of"`
	AsOfFrom      string          `json:"as_of_from"`
	Unit          string          `json:"unit"`      // the table-wide unit; "" when each column states its own
	UnitFrom      string          `json:"unit_from"` // where it came from
	Columns       []ColumnReading `json:"columns"`
	// Profile is the saved profile of the same city's layout the file was
	// read with; nil when its layout is new (or --no-profile).
	Profile *ProfileUse `json:"profile,omitempty"`
}

// ColumnReading is one column of the sheet and what became of it.
type ColumnReading struct {
	Letter  string `json:"letter"`
	Header  string `json:"header"`
	Meaning string `json:"meaning"`
	Unit    string `json:"unit,omitempty"`
	Hidden  bool   `json:"hidden,omitempty"`
	Use     string `json:"use"` // read, ignored (a duplicate, empty or annual column, or an official said so), blocking
	// Decided: an official said what the column holds, or to ignore it.
	Decided bool   `json:"decided,omitempty"`
	From    string `json:"from,omitempty"` // "from profile" when a saved profile gave its meaning
	// Need is what settles a blocking column: NeedUnit or NeedMeaning.
	Need string `json:"need,omitempty"`
	// Sample is what the column holds: its first few values, as written.
	Sample []string `json:"sample,omitempty"`
}

// What settles a blocking column.
const (
	NeedUnit    = "unit"    // an amount column without a unit
	NeedMeaning = "meaning" // a column nobody knows, with values
)

// Column uses.
const (
	UseRead     = "read"
	UseIgnored  = "ignored"
	UseBlocking = "blocking"
)

var (
	msgMeaningCode    = msg.Define("meaning.code", "코드", "code")
	msgMeaningPeriod  = msg.Define("meaning.period", "사업기간", "period")
	msgMeaningContact = msg.Define("meaning.contact", "담당", "contact")
	msgMeaningSeq     = msg.Define("meaning.seq", "연번", "row number")
	msgMeaningAsOf    = msg.Define("meaning.as_of", "행별 기준일", "the row's as-of date")
	msgMeaningAliases = msg.Define("meaning.aliases", "다른 이름", "other names")
	msgMeaningCity    = msg.Define("meaning.city_contact", "%s 담당", "%s's contact")
	msgMeaningUnknown = msg.Define("meaning.unknown", "알 수 없는 열", "unknown column")
	msgMeaningYear    = msg.Define("meaning.year", "연도별 금액(읽지 않음)", "amount for one year (not read)")
	msgMeaningIgnored = msg.Define("meaning.ignored", "읽지 않기로 함", "left out, as decided")
	msgUnitPerColumn  = msg.Define("meaning.unit_per_column", "열마다 머리글에 적힌 단위", "each column's own unit, in its header")
)

// understand describes t for the preview.
func understand(t *layout.Table) Understanding {
	u := Understanding{Sheet: t.Sheet, Tables: t.Tables, Master: t.Master, City: t.City, CityFrom: t.CityEvidence,
		AsOf: t.AsOf, AsOfFrom: t.AsOfFrom, UnitFrom: t.UnitFrom, Columns: []ColumnReading{}}
	if len(t.HeaderRows) > 0 {
		u.HeaderRow = t.HeaderRows[0]
	}
	if t.Unit > 0 {
		u.Unit = field.UnitName(t.Unit)
	} else if !t.NeedsUnit() {
		u.UnitFrom = msg.Text(msgUnitPerColumn)
	}
	for _, c := range t.Columns {
		r := ColumnReading{Letter: sheet.ColumnName(c.Col), Header: strings.Join(strings.Fields(c.Header), " "),
			Meaning: meaning(c), Hidden: c.Hidden, Use: UseRead, Decided: c.Decided, Sample: t.Samples(c.Col, 3)}
		if c.Role == layout.RoleAmount && c.Unit > 0 {
			r.Unit = field.UnitName(c.Unit)
		}
		switch {
		case c.Blocks:
			r.Use, r.Need = UseBlocking, NeedMeaning
		case c.Used && c.Role == layout.RoleAmount && c.Unit == 0:
			r.Use, r.Need = UseBlocking, NeedUnit
		case !c.Used:
			r.Use = UseIgnored
		}
		u.Columns = append(u.Columns, r)
	}
	return u
}

// meaning names what a column holds, with the register's own labels.
func meaning(c layout.Column) string {
	switch c.Role {
	case layout.RoleAmount:
		return field.Label(model.BudgetKey(c.Tier))
	case layout.RoleCode:
		return msg.Text(msgMeaningCode)
	case layout.RolePeriod:
		return msg.Text(msgMeaningPeriod)
	case layout.RoleDepartment, layout.RoleOfficer, layout.RolePhone, layout.RoleContact:
		return msg.Text(msgMeaningContact)
	case layout.RoleSeq:
		return msg.Text(msgMeaningSeq)
	case layout.RoleAsOf:
		return msg.Text(msgMeaningAsOf)
	case layout.RoleAliases:
		return msg.Text(msgMeaningAliases)
	case layout.RoleCityContact:
		return msg.Text(msgMeaningCity, field.CityName(c.City))
	case layout.RoleYear:
		return msg.Text(msgMeaningYear)
	case layout.RoleIgnored:
		return msg.Text(msgMeaningIgnored)
	}
	if k, ok := c.Role.Field(); ok {
		return field.Label(k)
	}
	return msg.Text(msgMeaningUnknown)
}

// Meaning is what an official can say a column holds: Means is what
// layout.ColumnChoice takes, Label what a person reads.
type Meaning struct {
	Means string `json:"means"`
	Label string `json:"label"`
}

var (
	msgMeaningIgnore     = msg.Define("meaning.ignore", "읽지 않음", "leave out")
	msgMeaningDepartment = msg.Define("meaning.department", "담당부서", "department")
	msgMeaningOfficer    = msg.Define("meaning.officer", "담당자", "officer")
	msgMeaningPhone      = msg.Define("meaning.phone", "연락처", "phone")
)

// ColumnMeanings lists what a column can be said to hold: leave it out,
// each field of the register in its order, then the period and contact.
func ColumnMeanings() []Meaning {
	out := []Meaning{{layout.Ignore, msg.Text(msgMeaningIgnore)}}
	for _, k := range model.Fields {
		out = append(out, Meaning{string(k), field.Label(k)})
	}
	// header words the importer knows for what is not one field
	return append(out, Meaning{"사업기간", msg.Text(msgMeaningPeriod)}, Meaning{"코드", msg.Text(msgMeaningCode)},
		Meaning{"담당부서", msg.Text(msgMeaningDepartment)}, Meaning{"담당자", msg.Text(msgMeaningOfficer)},
		Meaning{"연락처", msg.Text(msgMeaningPhone)})
}
