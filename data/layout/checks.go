package layout

import (
	"errors"
	"strconv"
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// Checks that refuse a cell rather than store it wrong (issue 11 §3): a
// formula without a stored result, a stored error (#N/A, #REF!), hidden
// characters, a start after the end, the same project twice with other
// values, a table without projects.

// errorValues are what a spreadsheet shows for a formula that failed. A
// cell holding one (as a cached error, or as text in a CSV export) has no
// value to store.
var errorValues = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true, "#NUM!": true,
	"#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true, "#FIELD!": true,
	"#BLOCKED!": true, "#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true,
}

// cellProblem returns why a cell of a used column cannot be read, or nil;
// where is asked only for a problem.
func cellProblem(c sheet.Cell, where func() msg.Where) *msg.Error {
	switch {
	case c.Formula && c.Type == 0:
		return msg.Errorf(where(), msgFormulaNoValue)
	case c.Type == sheet.TypeError || isErrorValue(c.Value):
		return msg.Errorf(where(), msgErrorValue, strings.TrimSpace(c.Value))
	}
	if err := value.CheckText(c.Value); err != nil {
		return located(err, where())
	}
	return nil
}

func isErrorValue(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "#") && len(s) <= 16 && errorValues[strings.ToUpper(s)]
}

// located returns err (a *msg.Error from package value) placed at w.
func located(err error, w msg.Where) *msg.Error {
	var me *msg.Error
	if err == nil || !errors.As(err, &me) {
		return nil
	}
	copied := *me
	copied.Where = w
	return &copied
}

// rowProblems checks every used column of a project row but the field
// (which readRecords checks on every row, since it fills down).
func rowProblems(row sheet.Row, cols []Column, where func(col, row int) msg.Where) []*msg.Error {
	var out []*msg.Error
	for _, c := range cols {
		if !c.Used || c.Role == RoleField || c.Col > len(row.Cells) {
			continue
		}
		if e := cellProblem(row.Cells[c.Col-1], func() msg.Where { return where(c.Col, row.Num) }); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// checkOrder refuses a start month after the end month. ParsePeriod refuses
// it within one 사업기간 cell; separate 착수 and 완료 columns need the same.
// Months are "YYYY-MM" (a year-only start its January, end its December),
// so text order is time order; an open end ("계속") has no text.
func checkOrder(rec *Record, file, sheetName string) *msg.Error {
	start, okS := rec.Values[model.FStart]
	end, okE := rec.Values[model.FEnd]
	if !okS || !okE || start.Text == "" || end.Text == "" || start.Text <= end.Text {
		return nil
	}
	return msg.Errorf(msg.Where{File: file, Sheet: sheetName, Cell: end.Cell}, msgStartAfterEnd,
		shownMonth(start), start.Cell, shownMonth(end), end.Cell)
}

// shownMonth is a month as the user wrote it, or as "2028-06" when the
// cell holds a date serial (46296), which would mean nothing to them.
func shownMonth(v Value) string {
	raw := strings.TrimSpace(v.Raw)
	if _, err := strconv.ParseFloat(raw, 64); err == nil && len(raw) >= 5 {
		return v.Text
	}
	return raw
}

// duplicates finds the same project twice in one table: the same code, or
// (without codes) the same name as NormalizeName reads it. Both rows with
// the same values is harmless (the importer warns); with other values
// neither can be taken over the other, so the file is refused. It keeps
// 8-byte hashes, not the rows: a 100,000-row sheet costs a few MB.
type duplicates struct {
	sheets   map[string]*sheet.Sheet // the table's sheets by name, to read an earlier row again
	cols     [2]int                  // the code and name columns
	byKey    map[uint64]RowRef       // hash of "code" or "name" and the key → first row
	prints   map[RowRef]uint64       // fingerprint of each project row's values
	reported map[RowRef]bool         // rows already refused as a duplicate
}

// RowRef is a row of a table: its sheet and number.
type RowRef struct {
	Sheet string
	Row   int
}

// Ref is the record's place in its table.
func (r *Record) Ref() RowRef { return RowRef{r.Sheet, r.Row} }

func newDuplicates() *duplicates {
	return &duplicates{sheets: map[string]*sheet.Sheet{}, byKey: map[uint64]RowRef{}, prints: map[RowRef]uint64{}, reported: map[RowRef]bool{}}
}

// check records rec, read from sheet s, and returns an error when an
// earlier row is the same project with other values.
func (d *duplicates) check(rec *Record, s *sheet.Sheet, codeCol, nameCol int, where msg.Where) *msg.Error {
	d.sheets[s.Name], d.cols = s, [2]int{codeCol, nameCol}
	key := projectKey(rec.Code, rec.Name.Text)
	h := hashStrings(fnvOffset, key)
	d.prints[rec.Ref()] = fingerprint(rec)
	first, dup := d.byKey[h]
	if !dup {
		d.byKey[h] = rec.Ref()
		return nil
	}
	if projectKey(d.text(codeCol, first), d.text(nameCol, first)) != key {
		return nil // two keys with one hash: another project
	}
	return d.compare(first, rec.Ref(), where)
}

// projectKey is what makes two rows one project: the code, else the name.
func projectKey(code, name string) string {
	if code != "" {
		return "code\x00" + strings.ToUpper(code)
	}
	return "name\x00" + value.NormalizeName(name)
}

// text is a cell of an earlier row as readRecords read it.
func (d *duplicates) text(col int, at RowRef) string {
	if col == 0 {
		return ""
	}
	return strings.Join(strings.Fields(value.NFC(d.sheets[at.Sheet].Cell(col, at.Row).Value)), " ")
}

// compare refuses row as a second listing of the project in row first
// when their values differ (once per row).
func (d *duplicates) compare(first, row RowRef, where msg.Where) *msg.Error {
	a, okA := d.prints[first]
	b, okB := d.prints[row]
	if !okA || !okB || a == b || d.reported[row] {
		return nil
	}
	d.reported[row] = true
	nameCol := d.cols[1]
	firstCell, cell := sheet.CellName(nameCol, first.Row), sheet.CellName(nameCol, row.Row)
	if first.Sheet != row.Sheet { // on another sheet of the table: say which
		firstCell = "'" + first.Sheet + "'!" + firstCell
	}
	where.Sheet, where.Cell = row.Sheet, cell
	return msg.Errorf(where, msgDuplicateDiffers, d.text(nameCol, row), cell, d.text(nameCol, first), firstCell)
}

// fingerprint hashes what a row says about its project (canonical values,
// not how they were written), so two rows compare without keeping either.
// Values and city contacts are summed as a set: map order does not matter.
func fingerprint(rec *Record) uint64 {
	h := hashStrings(fnvOffset, rec.Code, rec.Field.Text, rec.AsOf, rec.Contact.Department, rec.Contact.Officer, rec.Contact.Phone)
	h = hashStrings(h, rec.Aliases...)
	var set uint64
	for k, v := range rec.Values {
		set += hashStrings(fnvOffset, string(k), v.Text)
	}
	for c, ct := range rec.CityContacts {
		set += hashStrings(fnvOffset, "contact", string(c), ct.Department, ct.Officer, ct.Phone)
	}
	return hashStrings(h^set, "")
}

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

// hashStrings continues a 64-bit FNV-1a hash over parts, each ended by a
// zero byte so that ("ab", "c") and ("a", "bc") differ.
func hashStrings(h uint64, parts ...string) uint64 {
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h = (h ^ uint64(p[i])) * fnvPrime
		}
		h *= fnvPrime // the zero byte: h ^ 0 == h
	}
	return h
}

// RefuseIfDiffers is for the importer, which knows when two rows of other
// names stand for one project (an alias): when the rows first and rec say
// different things, the rows get an error naming both, so the file is
// refused rather than the first row winning. Rows the reading itself
// already refused as duplicates are not reported twice.
func (rs *Rows) RefuseIfDiffers(first RowRef, rec *Record) {
	if rs.dups == nil {
		return
	}
	if e := rs.dups.compare(first, rec.Ref(), msg.Where{File: rs.t.File}); e != nil {
		rs.fail(e)
	}
}
