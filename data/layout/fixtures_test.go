package layout

import (
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
)

// fixture returns the path of a file in ../shared/fixtures.
func fixture(t testing.TB, name string) string {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "fixtures", name)
}

func locate(t testing.TB, path string, opt Options) *Table {
	t.Helper()
	wb, err := sheet.Open(path, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := Locate(wb, opt)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestFixturesAreUnderstood(t *testing.T) {
	cases := []struct {
		file   string
		rows   int
		city   model.City
		master bool
		asOf   string
	}{
		{"master_2026.xlsx", 43, "", true, ""},
		{"pohang_2026-10.xlsx", 41, model.Pohang, false, "2026-10-31"},
		{"ulsan_2026-10.xlsx", 39, model.Ulsan, false, "2026-10-31"},
		// no 기준일 line: the file's name says 2026-10, so the month's last day
		{"gyeongju_2026-10.xlsx", 40, model.Gyeongju, false, "2026-10-31"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			tb := locate(t, fixture(t, c.file), Options{})
			records, got := collect(tb)
			if len(got.Errors) > 0 {
				t.Fatalf("errors: %v", got.Errors)
			}
			if len(records) != c.rows || tb.City != c.city || tb.Master != c.master || tb.AsOf != c.asOf {
				t.Fatalf("rows %d city %q master %v asOf %q", len(records), tb.City, tb.Master, tb.AsOf)
			}
			for _, w := range got.Warnings {
				t.Log("warning:", w)
			}
			for _, col := range tb.Columns {
				t.Logf("%d %q %s %s unit=%d used=%v", col.Col, col.Header, col.Role, col.Tier, col.Unit, col.Used)
			}
			r := records[0]
			t.Logf("first: %s %s %v %+v", r.Name.Text, r.Field.Text, r.Values, r.Contact)
		})
	}
}

// found is a located table with what reading it found: Locate's errors
// and warnings followed by its rows', as an import shows them. Its Errors
// and Warnings stand in for the table's, which are Locate's alone.
type found struct {
	*Table
	Errors, Warnings []*msg.Error
}

// collect reads every record of a table, and what the table and its rows
// found.
func collect(t *Table) ([]*Record, found) {
	var out []*Record
	rows := t.Rows()
	for r := range rows.All() {
		out = append(out, r)
	}
	return out, found{Table: t,
		Errors:   append(slices.Clone(t.Errors), rows.Errors()...),
		Warnings: append(slices.Clone(t.Warnings), rows.Warnings()...)}
}

func TestStartEndColumnsWinOverAPeriodColumn(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"사업명", "사업기간", "착수", "완료", "총사업비(백만원)"},
		{"가 사업", "2024. ~ 2028.", "2024. 3.", "2028. 6.", 100},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	path := filepath.Join(t.TempDir(), "both.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	for range 20 { // map order must not matter
		tb := locate(t, path, Options{City: model.Pohang})
		recs, _ := collect(tb)
		if len(recs) != 1 || recs[0].Values[model.FStart].Text != "2024-03" || recs[0].Values[model.FEnd].Text != "2028-06" {
			t.Fatalf("start/end: %+v", recs[0].Values)
		}
	}
}
