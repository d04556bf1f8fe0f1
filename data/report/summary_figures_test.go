package report

import (
	"bytes"
	"math"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/summary"
)

// 총괄 shows the one summary the dashboard and `check` show (data/summary):
// every count, sum and average on it equals summary.Of of the same projects.
func TestSummarySheetEqualsSummaryOf(t *testing.T) {
	d := fixtureReportData(t)
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	plan := d.Plan
	if len(plan.Fields) == 0 {
		plan.Fields = d.Scheme.Fields
	}
	want := summary.Of(d.Projects, plan)
	if want.Projects != 43 {
		t.Fatalf("summary of the fixtures: %d projects, want 43", want.Projects)
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("not a number: %q", s)
		}
		return v
	}
	near := func(what string, got string, want float64) {
		t.Helper()
		if g := num(got); math.Abs(g-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: 총괄 shows %v, summary.Of %v", what, g, want)
		}
	}
	// "1. 총괄": the line under its header
	overall := rowAfter(t, rows, "1. 총괄", 2)
	near("사업 수", overall[0], float64(want.Projects))
	near("계속", overall[1], float64(want.Continuing))
	near("신규", overall[2], float64(want.New))
	near("총사업비", overall[3], float64(want.Budget.Total)/1e6)
	near("국비", overall[4], float64(want.Budget.National)/1e6)
	near("광역비", overall[5], float64(want.Budget.Regional)/1e6)
	near("기초비", overall[6], float64(want.Budget.Local)/1e6)
	near("민자·기타", overall[7], float64(want.Budget.Private+want.Budget.Other)/1e6)
	near("평균 추진율", overall[8], *want.Progress)
	// "2. 분야별·주관도시별 현황": a line per field with projects, in order
	i := 0
	for _, g := range want.ByField {
		if len(g.Projects) == 0 {
			continue
		}
		r := rowAfter(t, rows, "2. 분야별·주관도시별 현황", 3+i)
		i++
		if r[0] != g.Name {
			t.Fatalf("field line %d: %q, want %q", i, r[0], g.Name)
		}
		for c, city := range model.Cities {
			n := 0
			for _, p := range g.Projects {
				if p.LeadCity == city {
					n++
				}
			}
			near(g.Name+" "+city.Korean()+" 주관", r[1+c], float64(n))
		}
		near(g.Name+" 계", r[4], float64(len(g.Projects)))
		near(g.Name+" 사업비 계", r[8], float64(g.Budget.Total)/1e6)
		near(g.Name+" 평균 추진율", r[9], *g.Progress)
	}
	if i != 5 {
		t.Errorf("%d field lines, want the fixtures' 5", i)
	}
}

// rowAfter returns the row n rows below the one whose first cell is title.
func rowAfter(t *testing.T, rows [][]string, title string, n int) []string {
	t.Helper()
	for i, r := range rows {
		if len(r) > 0 && r[0] == title && i+n < len(rows) {
			out := rows[i+n]
			for len(out) < summaryCols {
				out = append(out, "")
			}
			return out
		}
	}
	t.Fatalf("총괄 has no %q", title)
	return nil
}
