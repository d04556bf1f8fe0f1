package layout

import (
	"cmp"
	"path/filepath"
	"strings"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// Options steer Locate.
type Options struct {
	// City is the sending city when the user named it; "" detects it.
	City model.City
	// Unit is the unit an official named for the amounts (it stands for
	// the unit line; a unit in a column's own header still counts); 0:
	// as the sheet says.
	Unit value.Unit
	// AsOf is the as-of date an official named (YYYY-MM-DD); "": found
	// in the sheet, its cover sheet, its name or the file's name.
	AsOf string
	// Sheet is the sheet an official chose; "": the table finder chooses.
	Sheet string
	// Today is the date taken when no as-of date is found (tests set it).
	Today string
	// HeaderRow is the (first) header row an official named; 0: found.
	HeaderRow int
	// Columns are an official's decisions about single columns: what one
	// holds, or that it is ignored. They beat what its header suggests.
	Columns []ColumnChoice
}

var msgNoHeaderRow = msg.Define("layout.no_header_row",
	"머리글로 지정한 %d행이 비어 있습니다. 사업명 같은 열 이름이 있는 행을 지정해 주세요(--header-row).",
	"the header row named, row %d, is empty. Name the row with the column names such as 사업명 (--header-row).")

// ErrNoTable matches (errors.Is) Locate's error when no sheet holds a
// header it can score: an official may know the header row.
var ErrNoTable error = &msg.Error{ID: msgNoTable}

// ColumnChoice is an official's decision about one column of the sheet.
type ColumnChoice struct {
	Col int // 1-based
	// Means is what the column holds: a field key ("budget_won.national"),
	// a header word the importer knows ("국비"), or Ignore.
	Means string
}

// Ignore as a ColumnChoice's meaning: the column is read by no field.
const Ignore = "ignore"

// Locate finds the project table of a workbook and reads it. Of several
// sheets with a table, a visible one with project codes wins, then the
// most header-like; the others are named in a warning. An error means no
// table at all; the header's problems are in Table.Errors, the rows' in Rows.
func Locate(wb *sheet.Workbook, opt Options) (*Table, error) {
	type found struct {
		s *sheet.Sheet
		h header
	}
	var all []found
	var names, tables []string
	for _, s := range wb.Sheets {
		names = append(names, "'"+s.Name+"'")
		h, ok := findHeader(s)
		if opt.HeaderRow > 0 {
			h, ok = headerAt(s, opt.HeaderRow)
		}
		if ok {
			tables = append(tables, s.Name)
		}
		if ok && (opt.Sheet == "" || s.Name == opt.Sheet) {
			all = append(all, found{s, h})
		}
	}
	if len(all) == 0 && opt.Sheet != "" {
		return nil, msg.Errorf(msg.Where{File: wb.File}, msgNoSuchSheet, opt.Sheet, strings.Join(names, ", "))
	}
	if len(all) == 0 && opt.HeaderRow > 0 {
		return nil, msg.Errorf(msg.Where{File: wb.File}, msgNoHeaderRow, opt.HeaderRow)
	}
	if len(all) == 0 {
		return nil, msg.Errorf(msg.Where{File: wb.File}, msgNoTable)
	}
	rank := func(f found) int {
		r := f.h.score
		if !f.s.Hidden {
			r += 100
		}
		for _, t := range f.h.texts {
			if role, _, _ := classify("", t[0], false, false); role == RoleCode {
				r += 50
			}
		}
		return r
	}
	best := all[0]
	for _, f := range all[1:] {
		if rank(f) > rank(best) {
			best = f
		}
	}
	t := read(wb, best.s, best.h, opt)
	t.Tables = tables
	t.Warnings = append(t.Warnings, wb.Warnings...) // sheets the reader left out, and why
	var rest []part
	for _, f := range all {
		if f.s != best.s {
			rest = append(rest, part{f.s, f.h})
		}
	}
	for _, p := range t.join(rest, wb.Sheets) {
		t.Warnings = append(t.Warnings, msg.Errorf(msg.Where{File: wb.File}, msgOtherTables, p.s.Name))
	}
	return t, nil
}

// read builds the table of one sheet under a found header.
func read(wb *sheet.Workbook, s *sheet.Sheet, h header, opt Options) *Table {
	t := &Table{File: wb.File, Sheet: s.Name, HeaderRows: []int{h.upper}}
	if h.lower > 0 {
		t.HeaderRows = append(t.HeaderRows, h.lower)
	}
	where := func(cell string) msg.Where { return msg.Where{File: wb.File, Sheet: s.Name, Cell: cell} }

	// Title block: as-of date and unit lines above the header.
	for _, row := range s.Rows {
		if row.Num >= h.upper {
			break
		}
		for i, c := range row.Cells {
			ref := sheet.CellName(i+1, row.Num)
			if d, ok := value.FindAsOf(c.Value); ok && t.AsOf == "" {
				t.AsOf, t.AsOfFrom = d.String(), msg.Text(msgAsOfLine, ref)
			}
			if u, ok := value.FindUnit(c.Value); ok && t.Unit == 0 && strings.Contains(c.Value, "단위") {
				t.Unit, t.UnitFrom = u, msg.Text(msgUnitLine, ref)
			}
		}
	}
	cs := covers(wb, s)
	if u, from, ok := coverUnit(cs); ok && t.Unit == 0 {
		t.Unit, t.UnitFrom = u, from
	}
	if opt.Unit != 0 {
		t.Unit, t.UnitFrom = opt.Unit, msg.Text(msgEvidenceGiven)
	}
	if opt.AsOf != "" {
		t.AsOf, t.AsOfFrom = opt.AsOf, msg.Text(msgEvidenceGiven)
	}
	if t.AsOf == "" {
		t.AsOf, t.AsOfFrom = asOfElsewhere(wb, s, cs)
	}

	// A code column makes this the secretariat's register.
	for _, tx := range h.texts {
		if role, _, _ := classify("", tx[0], false, false); role == RoleCode {
			t.Master = true
		}
	}
	cityKnown := true
	switch {
	case opt.City != "":
		t.City, t.CityEvidence = opt.City, msg.Text(msgEvidenceGiven)
	case t.Master:
		t.City = ""
	default:
		// the city our own template was issued to beats every guess
		var fromTemplate bool
		if t.City, t.CityEvidence, fromTemplate = TemplateCity(wb); !fromTemplate {
			t.City, t.CityEvidence = detectCity(wb.File, s, h, cs)
		}
		cityKnown = t.City != ""
	}
	cols := mapColumns(s, h, t.City, cityKnown, t.Unit)
	cols, bad := applyChoices(cols, opt.Columns, t.City.Metropolitan(), cityKnown, t.Unit, where)
	t.Errors = append(t.Errors, bad...)
	shareSiblingUnit(cols)
	if ambiguousSiBi(cols) {
		t.Errors = append(t.Errors, msg.Errorf(where(sheet.CellName(1, h.upper)), msgAmbiguousSiBi))
	} else if !t.Master && t.City == "" {
		t.Warnings = append(t.Warnings, msg.Errorf(where(""), msgCityUnknown))
	}
	t.Columns = chooseColumns(cols, wb.File, s.Name, &t.Warnings)
	warns, silent := silentColumns(s, t.Columns, max(h.upper, h.lower), where)
	t.Warnings, t.Errors = append(t.Warnings, warns...), append(t.Errors, silent...)
	t.Errors = append(t.Errors, headerProblems(h, where)...)
	hasName := false
	var unitless []string
	first := 0
	for _, c := range t.Columns {
		if c.Used && c.Role == RoleName {
			hasName = true
		}
		if c.Used && c.Role == RoleAmount && c.Unit == 0 {
			unitless = append(unitless, "'"+value.Visible(strings.Join(strings.Fields(c.Header), " "))+"'")
			first = cmp.Or(first, c.Col)
		}
	}
	if len(unitless) > 0 {
		// one refusal for the table, naming every column it concerns
		t.Errors = append(t.Errors, msg.Errorf(where(sheet.CellName(first, h.upper)), msgNoUnit, strings.Join(unitless, ", ")))
	}
	if !hasName {
		t.Errors = append(t.Errors, msg.Errorf(where(""), msgNoName, h.upper))
		return t
	}
	if t.AsOf == "" && !t.Master {
		today := cmp.Or(opt.Today, time.Now().Format("2006-01-02"))
		t.AsOf, t.AsOfFrom = today, msg.Text(msgAsOfToday)
		t.Warnings = append(t.Warnings, msg.Errorf(where(""), msgNoAsOf, today))
	}
	t.parts, t.date1904, t.Sheets, t.chosenSheet = []part{{s, h}}, wb.Date1904, []string{s.Name}, opt.Sheet != ""
	return t
}

// readable reports a role some field reads.
func readable(r Role) bool {
	return r != RoleUnknown && r != RoleSeq && r != RoleYear && r != RoleIgnored
}

// ambiguousSiBi reports a '시비' column whose tier depends on a city
// nobody named.
func ambiguousSiBi(cols []Column) bool {
	for _, c := range cols {
		if c.Role == RoleAmount && c.Tier == "" {
			return true
		}
	}
	return false
}

// chooseColumns marks which column serves each role: the first visible one.
// A hidden column that resembles a visible one is never used in its place,
// and every column left aside is named in a warning.
func chooseColumns(cols []Column, file, sheetName string, warnings *[]*msg.Error) []Column {
	type key struct {
		r Role
		t model.Tier
		c model.City
	}
	chosen := map[key]int{}
	// an official's decisions first, then visible columns, then hidden ones
	pass := func(c Column) int {
		switch {
		case c.Decided:
			return 0
		case c.Hidden:
			return 2
		}
		return 1
	}
	for p := 0; p < 3; p++ {
		for i, c := range cols {
			if !readable(c.Role) || pass(c) != p {
				continue
			}
			k := key{c.Role, c.Tier, c.City}
			if j, dup := chosen[k]; dup {
				id := msgDuplicate
				if c.Hidden {
					id = msgHiddenDuplicate
				}
				*warnings = append(*warnings, msg.Errorf(msg.Where{File: file, Sheet: sheetName, Cell: sheet.ColumnName(c.Col)}, id, c.Header, cols[j].Header))
				continue
			}
			chosen[k] = i
			cols[i].Used = true
			if c.Hidden {
				*warnings = append(*warnings, msg.Errorf(msg.Where{File: file, Sheet: sheetName, Cell: sheet.ColumnName(c.Col)}, msgHiddenUsed, c.Header))
			}
		}
	}
	return cols
}

// headerProblems refuses header texts with hidden characters: warnings and
// the window show headers, and a terminal would obey an escape code in one.
func headerProblems(h header, where func(cell string) msg.Where) []*msg.Error {
	var out []*msg.Error
	for col := 1; col <= maxKey(h.texts); col++ {
		for i, row := range []int{h.upper, h.lower} {
			if err := value.CheckText(h.texts[col][i]); err != nil {
				out = append(out, located(err, where(sheet.CellName(col, row))))
			}
		}
	}
	return out
}

// asOfElsewhere finds the as-of date where a sheet without a 기준일 line
// may carry it, in this order: a cover sheet (another sheet with a 기준일
// line), the sheet's name, the file's name (a month alone: its last day).
func asOfElsewhere(wb *sheet.Workbook, s *sheet.Sheet, covers []*sheet.Sheet) (asOf, from string) {
	if d, ok := templateAsOf(wb); ok {
		return d, msg.Text(msgAsOfTemplate)
	}
	for _, other := range covers {
		for _, row := range other.Rows {
			if row.Num > 40 {
				break
			}
			for i, c := range row.Cells {
				if d, ok := value.FindAsOf(c.Value); ok && !example(c.Value) {
					return d.String(), msg.Text(msgAsOfCover, other.Name, sheet.CellName(i+1, row.Num))
				}
			}
		}
	}
	base := filepath.Base(wb.File)
	// a CSV's one sheet is named after its file: that is the file's name
	if d, month, ok := value.DateInName(s.Name); ok && s.Name != strings.TrimSuffix(base, filepath.Ext(base)) {
		return d.String(), monthNote(msg.Text(msgAsOfSheet, s.Name), month)
	}
	if d, month, ok := value.DateInName(strings.TrimSuffix(base, filepath.Ext(base))); ok {
		return d.String(), monthNote(msg.Text(msgAsOfFile, base), month)
	}
	return "", ""
}

func monthNote(from string, month bool) string {
	if month {
		return msg.Text(msgAsOfMonth, from)
	}
	return from
}

// coverSheet reports whether a sheet can be a cover (표지) that states the
// as-of date: named so, or a short sheet of a few lines that is not the
// instructions or the drop-down lists (whose example dates mean nothing).
func coverSheet(s *sheet.Sheet) bool {
	name := strings.ToLower(s.Name)
	if strings.Contains(name, "표지") || strings.Contains(name, "cover") {
		return true
	}
	for _, not := range []string{"작성요령", "요령", "안내", "목록", "설명", "instruction", "list"} {
		if strings.Contains(name, not) {
			return false
		}
	}
	cells := 0
	for _, row := range s.Rows {
		for _, c := range row.Cells {
			if strings.TrimSpace(c.Value) != "" {
				cells++
			}
		}
	}
	return cells <= 30
}

// example reports a line that shows how to write a date rather than
// giving one: "'(기준: 2026. 10. 31.)'처럼 적습니다", "예: 2026. 10. 31.".
func example(line string) bool {
	return strings.Contains(line, "처럼") || strings.Contains(line, "예:") || strings.Contains(line, "예)") ||
		strings.Contains(line, "예시")
}

// templateAsOf reads the as-of date our own template asked for, from its
// hidden 서식정보 sheet (see ReadTemplateInfo).
func templateAsOf(wb *sheet.Workbook) (string, bool) {
	info, ok := ReadTemplateInfo(wb)
	return info.AsOf, ok && info.AsOf != ""
}
