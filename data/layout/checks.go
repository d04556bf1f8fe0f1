package layout

import (
	"errors"
	"hash/fnv"
	"maps"
	"slices"
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

// cellProblem returns why a cell of a used column cannot be read, or nil.
func cellProblem(c sheet.Cell, w msg.Where) *msg.Error {
	switch raw := strings.TrimSpace(c.Value); {
	case c.Formula && c.Type == 0:
		return msg.Errorf(w, msgFormulaNoValue)
	case c.Type == sheet.TypeError || errorValues[strings.ToUpper(raw)]:
		return msg.Errorf(w, msgErrorValue, raw)
	}
	return located(value.CheckText(c.Value), w)
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
		if e := cellProblem(row.Cells[c.Col-1], where(c.Col, row.Num)); e != nil {
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
		strings.TrimSpace(start.Raw), start.Cell, strings.TrimSpace(end.Raw), end.Cell)
}

// seenRow is what a read is kept of each project row, to tell the same
// project listed twice with other values.
type seenRow struct {
	print uint64 // fingerprint of the row's values
	name  string
	cell  string // the name cell
}

// duplicates finds the same project twice in one sheet: the same code, or
// (without codes) the same name as NormalizeName reads it. Both rows with
// the same values is harmless (the importer warns); with other values
// neither can be taken over the other, so the file is refused.
type duplicates struct {
	byKey    map[string]int  // project key → first row
	byRow    map[int]seenRow // every project row read
	reported map[int]bool    // rows already refused as a duplicate
}

func newDuplicates() *duplicates {
	return &duplicates{byKey: map[string]int{}, byRow: map[int]seenRow{}, reported: map[int]bool{}}
}

// check records rec and returns an error when an earlier row is the same
// project with other values.
func (d *duplicates) check(rec *Record, where msg.Where) *msg.Error {
	key := "name:" + value.NormalizeName(rec.Name.Text)
	if rec.Code != "" {
		key = "code:" + strings.ToUpper(rec.Code)
	}
	seen := seenRow{print: fingerprint(rec), name: rec.Name.Text, cell: rec.Name.Cell}
	d.byRow[rec.Row] = seen
	first, dup := d.byKey[key]
	if !dup {
		d.byKey[key] = rec.Row
		return nil
	}
	return d.compare(first, rec.Row, where)
}

// compare refuses row as a second listing of the project in row first
// when their values differ (once per row).
func (d *duplicates) compare(first, row int, where msg.Where) *msg.Error {
	a, okA := d.byRow[first]
	b, okB := d.byRow[row]
	if !okA || !okB || a.print == b.print || d.reported[row] {
		return nil
	}
	d.reported[row] = true
	where.Cell = b.cell
	return msg.Errorf(where, msgDuplicateDiffers, b.name, b.cell, a.name, a.cell)
}

// fingerprint hashes what a row says about its project (canonical values,
// not how they were written), so two rows compare without keeping either.
func fingerprint(rec *Record) uint64 {
	h := fnv.New64a()
	put := func(parts ...string) {
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
	}
	put(rec.Code, rec.Field.Text, rec.AsOf, rec.Contact.Department, rec.Contact.Officer, rec.Contact.Phone)
	for _, k := range slices.Sorted(maps.Keys(rec.Values)) {
		put(string(k), rec.Values[k].Text)
	}
	for _, c := range slices.Sorted(maps.Keys(rec.CityContacts)) {
		ct := rec.CityContacts[c]
		put(string(c), ct.Department, ct.Officer, ct.Phone)
	}
	put(rec.Aliases...)
	return h.Sum64()
}

// RefuseIfDiffers is for the importer, which knows when two rows of other
// names stand for one project (an alias): when the rows first and rec say
// different things, the table gets an error naming both, so the file is
// refused rather than the first row winning. Rows the table itself already
// refused as duplicates are not reported twice.
func (t *Table) RefuseIfDiffers(first int, rec *Record) {
	if t.dups == nil {
		return
	}
	if e := t.dups.compare(first, rec.Row, msg.Where{File: t.File, Sheet: t.Sheet}); e != nil {
		t.Errors = append(t.Errors, e)
	}
}
