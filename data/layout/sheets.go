package layout

import (
	"slices"
	"strings"

	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
)

// A table split over several sheets, one per field or working group, is
// one table when every sheet has the same header: the same words over the
// same columns. Its rows are read sheet by sheet, in workbook order, and
// each record names its sheet.

var msgJoinedSheets = msg.Define("layout.joined_sheets",
	"시트 %s의 표는 머리글이 같아 한 표로 읽었습니다.",
	"the tables of the sheets %s have the same header and were read as one table.")

// join adds to t the visible sheets of others whose header is t's, in the
// order of the workbook's sheets, and returns the rest. It joins nothing
// when t has no rows to read (a refused header) or an official chose one
// sheet.
func (t *Table) join(others []part, sheets []*sheet.Sheet) (rest []part) {
	if len(t.parts) == 0 || t.chosenSheet {
		return others
	}
	for _, p := range others {
		if !p.s.Hidden && sameHeader(p.h, t.parts[0].h) {
			t.parts = append(t.parts, p)
		} else {
			rest = append(rest, p)
		}
	}
	if len(t.parts) == 1 {
		return rest
	}
	slices.SortFunc(t.parts, func(a, b part) int { return slices.Index(sheets, a.s) - slices.Index(sheets, b.s) })
	names := make([]string, len(t.parts))
	for i, p := range t.parts {
		names[i] = p.s.Name
	}
	t.Sheets, t.Sheet = names, strings.Join(names, ", ")
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	t.Warnings = append(t.Warnings, msg.Errorf(msg.Where{File: t.File}, msgJoinedSheets, strings.Join(quoted, ", ")))
	return rest
}

// sameHeader reports two headers with the same words over the same columns.
func sameHeader(a, b header) bool {
	if len(a.texts) != len(b.texts) || (a.lower == 0) != (b.lower == 0) {
		return false
	}
	for col, ta := range a.texts {
		tb, ok := b.texts[col]
		if !ok || headerKey(ta[0]) != headerKey(tb[0]) || headerKey(ta[1]) != headerKey(tb[1]) {
			return false
		}
	}
	return true
}
