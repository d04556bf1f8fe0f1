package layout

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// problemsOf renders errors for comparing two readings.
func problemsOf(es []*msg.Error) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Where.Cell + " " + e.Error()
	}
	return out
}

func recordsOf(rows *Rows) []string {
	var out []string
	for r := range rows.All() {
		out = append(out, fmt.Sprintf("%d %s %v", r.Row, r.Name.Text, r.Values[model.BudgetKey(model.Total)].Text))
	}
	return out
}

// Reading the rows leaves the table as Locate found it, and reading them
// again (with the same reader or a fresh one) finds the same records and
// the same problems: the unit inference reads a table before the
// importer reads it again.
func TestReadingRowsLeavesTheTableAsLocated(t *testing.T) {
	path := writeRows(t, [][]any{
		testHeader,
		{"가 사업", 100, 10},
		{"나 사업", "=B2*2", 10}, // a formula without a result: refused
		{"가  사업", 120, 10},    // the same project with another total: refused
		{"", 5, 5},            // values without a name: a warning
	})
	tb := locate(t, path, Options{City: model.Pohang})
	tableErrs, tableWarns := problemsOf(tb.Errors), problemsOf(tb.Warnings)

	rows := tb.Rows()
	first := recordsOf(rows)
	errs, warns := problemsOf(rows.Errors()), problemsOf(rows.Warnings())
	if len(first) != 2 || len(errs) != 2 || len(warns) != 1 {
		t.Fatalf("records %q, errors %q, warnings %q", first, errs, warns)
	}
	if !slices.Equal(problemsOf(tb.Errors), tableErrs) || !slices.Equal(problemsOf(tb.Warnings), tableWarns) {
		t.Errorf("reading changed the table: errors %q → %v, warnings %q → %v", tableErrs, tb.Errors, tableWarns, tb.Warnings)
	}
	for name, again := range map[string]*Rows{"the same reader": rows, "a fresh reader": tb.Rows()} {
		recs := recordsOf(again)
		if !slices.Equal(recs, first) || !slices.Equal(problemsOf(again.Errors()), errs) || !slices.Equal(problemsOf(again.Warnings()), warns) {
			t.Errorf("%s: records %q, errors %q, warnings %q; first %q, %q, %q", name, recs,
				problemsOf(again.Errors()), problemsOf(again.Warnings()), first, errs, warns)
		}
	}
}

// Two readers of one table keep their problems apart: what the importer
// refuses on its reader (RefuseIfDiffers) is not another reader's, nor the
// table's.
func TestReadersOfOneTableKeepTheirProblemsApart(t *testing.T) {
	path := writeRows(t, [][]any{testHeader, {"가 사업", 100, 10}, {"가 사업 (별칭)", 120, 10}})
	tb := locate(t, path, Options{City: model.Pohang})
	a, b := tb.Rows(), tb.Rows()
	var recs []*Record
	for r := range a.All() {
		recs = append(recs, r)
	}
	recordsOf(b)
	if len(recs) != 2 || a.Err() != nil || b.Err() != nil {
		t.Fatalf("%d records; %v %v", len(recs), a.Err(), b.Err())
	}
	a.RefuseIfDiffers(recs[0].Ref(), recs[1]) // the importer found them one project
	if e := errorAt(a.Errors(), "A3"); e == nil || e.ID != msgDuplicateDiffers || !strings.Contains(e.Error(), "A2") {
		t.Errorf("the reader refuses the second row naming the first: %v", a.Errors())
	}
	if len(b.Errors()) != 0 || len(tb.Errors) != 0 || b.Err() != nil {
		t.Errorf("another reader or the table got it: %v %v", b.Errors(), tb.Errors)
	}
}

// Err says nothing for a clean file, and for a refused one how many
// errors refuse it, Locate's and the rows' together, in both languages.
func TestErrCountsWhatRefusesTheFile(t *testing.T) {
	clean := locate(t, writeRows(t, [][]any{testHeader, {"가 사업", 100, 10}}), Options{City: model.Pohang})
	rows := clean.Rows()
	if n := len(recordsOf(rows)); n != 1 || rows.Err() != nil {
		t.Fatalf("%d records, %v", n, rows.Err())
	}

	// D1's escape refuses the header (Locate); A3 and B4 refuse their rows.
	path := handXLSX(t, `<row r="1">`+inline("A1", "사업명")+inline("B1", "총사업비(백만원)")+inline("C1", "추진율(%)")+inline("D1", "메모_x001B_")+`</row>`+
		`<row r="2">`+inline("A2", "가 사업")+`<c r="B2"><v>100</v></c></row>`+
		`<row r="3">`+inline("A3", "나 사업\u202e")+`<c r="B3"><v>100</v></c></row>`+
		`<row r="4">`+inline("A4", "다 사업")+`<c r="B4" t="e"><v>#REF!</v></c></row>`, "")
	tb := locate(t, path, Options{City: model.Pohang})
	rows = tb.Rows()
	recordsOf(rows)
	if len(tb.Errors) != 1 || len(rows.Errors()) != 2 {
		t.Fatalf("table errors %v, row errors %v", tb.Errors, rows.Errors())
	}
	var e *msg.Error
	if err := rows.Err(); !errors.As(err, &e) || e.ID != msgRowsRefused {
		t.Fatalf("Err: %v", err)
	}
	ko, en := msg.TextIn(msg.Korean, e.ID, e.Args...), msg.TextIn(msg.English, e.ID, e.Args...)
	if !strings.Contains(ko, "3개") || !strings.Contains(en, "3 errors") {
		t.Errorf("the count of what refuses the file: %q / %q", ko, en)
	}
}
