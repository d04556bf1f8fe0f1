package layout

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/haeoreum/register/data/sheet"
)

// manyMerges writes a sheet inside every default limit: 200,000 rows with
// a 분야 column left empty under its first value (so each row looks for a
// merge over it) and 1,000,000 one-row merges beside the table.
func manyMerges(t testing.TB) string {
	const lastRow, perRow = 200_000, 5
	var rows, merges strings.Builder
	rows.WriteString(`<row r="1">` + inline("A1", "분야") + inline("B1", "사업명") + inline("C1", "총사업비(백만원)") + inline("D1", "추진율(%)") + `</row>`)
	for r := 2; r <= lastRow; r++ {
		fmt.Fprintf(&rows, `<row r="%d">`, r)
		if r == 2 {
			rows.WriteString(inline("A2", "경제"))
		}
		fmt.Fprintf(&rows, `%s<c r="C%d"><v>100</v></c><c r="D%d"><v>10</v></c></row>`, inline(fmt.Sprintf("B%d", r), fmt.Sprintf("사업 %d", r)), r, r)
	}
	for r := 1; r <= lastRow; r++ {
		for i := range perRow {
			from, to := sheet.ColumnName(5+2*i), sheet.ColumnName(6+2*i)
			fmt.Fprintf(&merges, `<mergeCell ref="%s%d:%s%d"/>`, from, r, to, r)
		}
	}
	return handXLSX(t, rows.String(), merges.String())
}

// Locating and reading the table is linear in the merges: asking every
// merge for every row took 74 s per preview of this file.
func TestAMillionMergesReadInLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 200,000-row file")
	}
	path := manyMerges(t)
	wb, err := sheet.Open(path, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(wb.Sheets[0].Merges); n != 1_000_000 {
		t.Fatalf("%d merges", n)
	}
	start := time.Now()
	tb, err := Locate(wb, Options{City: "pohang"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	rows := tb.Rows()
	for r := range rows.All() {
		if r.Field.Text != "경제" {
			t.Fatalf("row %d: field %q", r.Row, r.Field.Text)
		}
		n++
	}
	took := time.Since(start)
	t.Logf("locate and read %d rows with 1,000,000 merges: %v", n, took)
	if n != 199_999 || rows.Err() != nil {
		t.Fatalf("%d records, errors %v %v", n, tb.Errors, rows.Errors())
	}
	if took > 30*time.Second { // the old scan did not finish in 300 s
		t.Errorf("took %v", took)
	}
}
