package layout

import (
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
)

func columnOf(tb *Table, col int) Column {
	for _, c := range tb.Columns {
		if c.Col == col {
			return c
		}
	}
	return Column{}
}

func TestAnUnknownColumnWithValuesBlocksUntilDecided(t *testing.T) {
	path := writeRows(t, [][]any{
		{"사업명", "총사업비(백만원)", "추진율(%)", "확인자", "메모란"},
		{"가 사업", 100, 10, "김철수", ""},
		{"나 사업", 200, 20, "", ""},
	})
	tb := locate(t, path, Options{City: model.Pohang})
	e := errorAt(tb.Errors, "D1")
	if e == nil || e.ID != msgUnknownBlocks {
		t.Fatalf("unknown column D with values: want a blocking error at its header D1, got %v", tb.Errors)
	}
	if text := msg.TextIn(msg.Korean, e.ID, e.Args...); !strings.Contains(text, "확인자") || !strings.Contains(text, "--column D=ignore") {
		t.Errorf("the message must name the column and the way out: %s", text)
	}
	if !columnOf(tb, 4).Blocks || columnOf(tb, 5).Blocks {
		t.Errorf("D blocks, the empty E does not: %+v %+v", columnOf(tb, 4), columnOf(tb, 5))
	}
	var emptyWarned bool
	for _, w := range tb.Warnings {
		emptyWarned = emptyWarned || (w.ID == msgUnknownEmpty && w.Where.Cell == "E")
	}
	if !emptyWarned {
		t.Errorf("the empty unknown column E must be named in a warning: %v", tb.Warnings)
	}

	tb = locate(t, path, Options{City: model.Pohang, Columns: []ColumnChoice{{Col: 4, Means: "ignore"}}})
	if len(tb.Errors) != 0 {
		t.Fatalf("D ignored by decision: no error, got %v", tb.Errors)
	}
	if c := columnOf(tb, 4); !c.Decided || c.Role != RoleIgnored || c.Used {
		t.Errorf("D: %+v", c)
	}
	if recs, got := collect(tb); len(recs) != 2 || len(got.Errors) != 0 {
		t.Errorf("rows: %d, errors %v", len(recs), got.Errors)
	}
}

func TestAnOfficialSaysWhatAColumnHolds(t *testing.T) {
	path := writeRows(t, [][]any{
		{"사업명", "총사업비(백만원)", "국비(백만원)", "추진율(%)", "중앙지원"},
		{"가 사업", 100, 10, 50, 60},
	})
	for _, means := range []string{"budget_won.national", "국비", "National"} {
		tb := locate(t, path, Options{City: model.Pohang, Columns: []ColumnChoice{{Col: 5, Means: means}}})
		if len(tb.Errors) != 0 {
			t.Fatalf("%s: %v", means, tb.Errors)
		}
		recs, _ := collect(tb)
		if got := recs[0].Values[model.BudgetKey(model.National)]; got.Text != "60000000" || got.Cell != "E2" {
			t.Errorf("%s: E is the 국비 as decided, in C's unit; got %+v", means, got)
		}
		if c := columnOf(tb, 3); c.Used {
			t.Errorf("%s: the header's 국비 column C gives way to the decided E: %+v", means, c)
		}
	}
	tb := locate(t, path, Options{City: model.Pohang, Columns: []ColumnChoice{{Col: 5, Means: "아무거나"}}})
	if e := errorAt(tb.Errors, "E"); e == nil || e.ID != msgBadChoice {
		t.Errorf("a meaning nobody knows is refused naming the column: %v", tb.Errors)
	}
}

func TestYearColumnsAreNeverTheTotalOrATier(t *testing.T) {
	for _, h := range []string{"'26까지", "’27", "2028년 이후", "총사업비('26까지)", "2027년 국비", "2026년도"} {
		if !isYearHeader("", h) {
			t.Errorf("%q is an annual amount", h)
		}
	}
	for _, h := range []string{"총사업비", "국비", "사업기간", "2026년 추진실적", "1단계", "추진율(%)"} {
		if isYearHeader("", h) {
			t.Errorf("%q is not an annual amount", h)
		}
	}
	path := writeRows(t, [][]any{
		{"사업명", "총사업비(백만원)", "추진율(%)", "총사업비('26까지)", "'27", "2028년 이후"},
		{"가 사업", 100, 10, 40, 30, 30},
	})
	tb := locate(t, path, Options{City: model.Pohang})
	if len(tb.Errors) != 0 {
		t.Fatal(tb.Errors)
	}
	recs, _ := collect(tb)
	if got := recs[0].Values[model.BudgetKey(model.Total)]; got.Cell != "B2" || got.Text != "100000000" {
		t.Errorf("the total is B, not a year column: %+v", got)
	}
	for col := 4; col <= 6; col++ {
		if c := columnOf(tb, col); c.Role != RoleYear || c.Used {
			t.Errorf("column %d: %+v", col, c)
		}
	}
}

func TestAnOfficialNamesTheHeaderRow(t *testing.T) {
	// Two columns are too few for the finder to call a row a header: the
	// official says which row it is.
	path := writeRows(t, [][]any{
		{"해오름동맹 과제 목록"},
		{"과제명", "총사업비(백만원)"},
		{"가 사업", 100},
	})
	wb, err := sheet.Open(path, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Locate(wb, Options{City: model.Pohang}); err == nil {
		t.Fatal("without the official's word this is no table")
	}
	recs, tb := collect(locate(t, path, Options{City: model.Pohang, HeaderRow: 2}))
	if len(tb.Errors) != 0 || tb.HeaderRows[0] != 2 || len(recs) != 1 || recs[0].Values[model.BudgetKey(model.Total)].Text != "100000000" {
		t.Fatalf("header row 2 as named: rows %v, %d records, errors %v", tb.HeaderRows, len(recs), tb.Errors)
	}
	if _, err := Locate(wb, Options{City: model.Pohang, HeaderRow: 9}); err == nil || !strings.Contains(err.Error(), "--header-row") {
		t.Errorf("an empty row named as the header is refused naming the flag: %v", err)
	}
}
