package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/xuri/excelize/v2"
)

// Issue 11 §3: data that used to be stored wrong (or dropped) with exit 0
// must be refused naming the cell.

func TestFormulaWithoutResultIsRefused(t *testing.T) {
	path := writeRows(t, [][]any{
		testHeader,
		{"가 사업", 100, "=40+5"},  // progress would stay stale
		{`="나 "&"사업"`, 200, 10}, // the row would be dropped
		{"다 사업", "=1+1", 10},    // amounts were refused before; still are
	})
	tb, _ := readAll(t, path)
	for _, cell := range []string{"C2", "A3", "B4"} {
		if e := errorAt(tb.Errors, cell); e == nil || !strings.Contains(e.Error(), "수식") {
			t.Errorf("%s: %v; errors %v", cell, e, tb.Errors)
		}
	}
}

func TestFormulaWithAnEmptyResultIsEmpty(t *testing.T) {
	// Excel and LibreOffice store a formula that gives "" as <v></v>: that is
	// a result (nothing), not a missing one.
	path := handXLSX(t, `<row r="1">`+inline("A1", "사업명")+inline("B1", "총사업비(백만원)")+inline("C1", "추진율(%)")+`</row>`+
		`<row r="2">`+inline("A2", "가 사업")+`<c r="B2"><v>100</v></c><c r="C2" t="str"><f>IF(1,"","")</f><v></v></c></row>`, "")
	tb, recs := readAll(t, path)
	if len(tb.Errors) > 0 || len(recs) != 1 {
		t.Fatalf("errors %v, %d records", tb.Errors, len(recs))
	}
	if _, ok := recs[0].Values[model.FProgress]; ok {
		t.Errorf("progress from an empty result: %+v", recs[0].Values[model.FProgress])
	}
}

func TestErrorResultsAreRefused(t *testing.T) {
	path := handXLSX(t, `<row r="1">`+inline("A1", "사업명")+inline("B1", "총사업비(백만원)")+inline("C1", "추진율(%)")+inline("D1", "비고")+`</row>`+
		`<row r="2">`+inline("A2", "가 사업")+`<c r="B2"><v>100</v></c><c r="C2" t="e"><f>VLOOKUP(1,X:Y,2,0)</f><v>#N/A</v></c></row>`+
		`<row r="3"><c r="A3" t="e"><f>Z!A1</f><v>#REF!</v></c><c r="B3"><v>100</v></c></row>`+
		`<row r="4">`+inline("A4", "다 사업")+`<c r="B4"><v>100</v></c>`+inline("D4", "#DIV/0!")+`</row>`, "")
	tb, _ := readAll(t, path)
	for cell, shown := range map[string]string{"C2": "#N/A", "A3": "#REF!", "D4": "#DIV/0!"} {
		if e := errorAt(tb.Errors, cell); e == nil || !strings.Contains(e.Error(), shown) {
			t.Errorf("%s: %v; errors %v", cell, e, tb.Errors)
		}
	}
}

func TestErrorTextInACSVIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pohang.csv")
	data := "사업명,총사업비(백만원),추진율(%),비고\n가 사업,100,10,#N/A\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	tb, _ := readAll(t, path)
	if e := errorAt(tb.Errors, "D2"); e == nil || !strings.Contains(e.Error(), "#N/A") {
		t.Errorf("D2: %v; errors %v", e, tb.Errors)
	}
}

func TestNegativeAndHugeBudgetsAreRefused(t *testing.T) {
	path := writeRows(t, [][]any{
		testHeader,
		{"가 사업", "△1,200"},
		{"나 사업", -5},
		{"다 사업", 9_200_000_000_000}, // 9.2×10^18 won in 백만원
		{"라 사업", "1조 6,500억"},       // the largest real one: fine
	})
	tb, recs := readAll(t, path)
	for cell, want := range map[string]string{"B2": "0보다 작습니다", "B3": "0보다 작습니다", "B4": "10조"} {
		if e := errorAt(tb.Errors, cell); e == nil || !strings.Contains(e.Error(), want) {
			t.Errorf("%s: %v; errors %v", cell, e, tb.Errors)
		}
	}
	if len(tb.Errors) != 3 {
		t.Errorf("errors %v", tb.Errors)
	}
	for _, r := range recs {
		if v, ok := r.Values[model.BudgetKey(model.Total)]; ok && r.Name.Text != "라 사업" {
			t.Errorf("%s stored %s", r.Name.Text, v.Text)
		}
	}
}

func TestStartAfterEndInSeparateColumnsIsRefused(t *testing.T) {
	path := writeRows(t, [][]any{
		testHeader,
		{"가 사업", 100, 10, "2028. 6.", "2024. 3."},
		{"나 사업", 100, 10, "2025", "2024"},
		{"다 사업", 100, 10, "2024. 6.", "2024"}, // a year-only end is its December
		{"라 사업", 100, 10, "2024. 6.", "계속"},
		{"마 사업", 100, 10, time.Date(2028, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
	})
	tb, _ := readAll(t, path)
	for _, cell := range []string{"E2", "E3", "E6"} {
		if e := errorAt(tb.Errors, cell); e == nil || !strings.Contains(e.Error(), "D"+cell[1:]) {
			t.Errorf("%s: %v; errors %v", cell, e, tb.Errors)
		}
	}
	if e := errorAt(tb.Errors, "E6"); e == nil || !strings.Contains(e.Error(), "'2028-06'") {
		t.Errorf("a date cell is shown as its month: %v", e)
	}
	if len(tb.Errors) != 3 {
		t.Errorf("errors %v", tb.Errors)
	}
}

func TestSameProjectTwiceWithOtherValuesIsRefused(t *testing.T) {
	path := writeRows(t, [][]any{
		testHeader,
		{"가 사업", 100, 10},
		{"나 사업", 100, 10},
		{"가  사업", 120, 10}, // the same name, spaced otherwise
		{"나 사업", 100, 10},  // the same values: left to the importer's warning
	})
	tb, recs := readAll(t, path)
	if e := errorAt(tb.Errors, "A4"); e == nil || !strings.Contains(e.Error(), "A2") {
		t.Errorf("A4: %v; errors %v", e, tb.Errors)
	}
	if len(tb.Errors) != 1 || len(recs) != 4 {
		t.Errorf("errors %v, %d records", tb.Errors, len(recs))
	}
	// A second reading finds the same, once.
	recs, tb = collect(tb.Table)
	if len(tb.Errors) != 1 || len(recs) != 4 {
		t.Errorf("again: errors %v, %d records", tb.Errors, len(recs))
	}
}

func TestHeaderOnlySheetIsRefused(t *testing.T) {
	path := writeRows(t, [][]any{testHeader, {"합계", 0}})
	tb, recs := readAll(t, path)
	if len(recs) != 0 || len(tb.Errors) != 1 || !strings.Contains(tb.Errors[0].Error(), "사업") {
		t.Errorf("%d records, errors %v", len(recs), tb.Errors)
	}
}

func TestHiddenCharactersAreRefused(t *testing.T) {
	path := handXLSX(t, `<row r="1">`+inline("A1", "사업명")+inline("B1", "총사업비(백만원)")+inline("C1", "비고")+`</row>`+
		`<row r="2">`+inline("A2", "가 사업_x001B_[31m")+`<c r="B2"><v>100</v></c></row>`+
		`<row r="3">`+inline("A3", "나 사업\u202e")+`<c r="B3"><v>100</v></c></row>`+
		`<row r="4">`+inline("A4", "다 사업")+`<c r="B4"><v>100</v></c>`+inline("C4", "벨_x0007_ 널_x0000_")+`</row>`+
		`<row r="5">`+inline("A5", "라 사업")+`<c r="B5"><v>100</v></c>`+inline("C5", "줄\n바꿈\t탭")+`</row>`, "")
	tb, recs := readAll(t, path)
	for cell, shown := range map[string]string{"A2": "⟨U+001B⟩", "A3": "⟨U+202E⟩", "C4": "⟨U+0007⟩"} {
		e := errorAt(tb.Errors, cell)
		if e == nil || !strings.Contains(e.Error(), shown) {
			t.Errorf("%s: %v; errors %v", cell, e, tb.Errors)
			continue
		}
		if strings.ContainsAny(e.Error(), "\x1b\u202e\x07\x00") {
			t.Errorf("%s: the message carries the character itself: %q", cell, e.Error())
		}
	}
	if len(tb.Errors) != 3 {
		t.Errorf("errors %v", tb.Errors)
	}
	for _, r := range recs {
		if r.Name.Text == "라 사업" && r.Values[model.FNotes].Text != "줄\n바꿈\t탭" {
			t.Errorf("line breaks and tabs must stay: %q", r.Values[model.FNotes].Text)
		}
	}
}

func TestNFDTextIsReadAsNFC(t *testing.T) {
	nfd := "\u1112\u1162\u110b\u1169\u1105\u1173\u11b7 사업" // 해오름 사업 as a Mac writes it
	path := writeRows(t, [][]any{testHeader, {nfd, 100, 10}})
	_, recs := readAll(t, path)
	if len(recs) != 1 || recs[0].Name.Text != "해오름 사업" || recs[0].Name.Raw != "해오름 사업" {
		t.Fatalf("%+v", recs)
	}
}

func TestHiddenCharactersInAHeaderAreRefused(t *testing.T) {
	path := handXLSX(t, `<row r="1">`+inline("A1", "사업명")+inline("B1", "총사업비(백만원)")+inline("C1", "추진율(%)")+inline("D1", "메모_x001B_]0;x_x0007_")+`</row>`+
		`<row r="2">`+inline("A2", "가 사업")+`<c r="B2"><v>100</v></c></row>`, "")
	tb, _ := readAll(t, path)
	if e := errorAt(tb.Errors, "D1"); e == nil || !strings.Contains(e.Error(), "⟨U+001B⟩") {
		t.Errorf("D1: %v; errors %v", e, tb.Errors)
	}
	for _, w := range tb.Warnings {
		if strings.ContainsAny(w.Error(), "\x1b\x07") {
			t.Errorf("a warning carries the escape: %q", w.Error())
		}
	}
}

func TestFieldWithoutResultIsRefusedOnce(t *testing.T) {
	path := writeRows(t, [][]any{
		{"분야", "사업명", "총사업비(백만원)", "추진율(%)"},
		{"경제", "가 사업", 100, 10},
		{`="문화"&"관광"`, nil, nil, nil}, // a field label row: the rows below would stay 경제
		{nil, "나 사업", 100, 10},
		{`="방재"`, "다 사업", 100, 10},
	})
	tb, _ := readAll(t, path)
	if errorAt(tb.Errors, "A3") == nil || errorAt(tb.Errors, "A5") == nil || len(tb.Errors) != 2 {
		t.Errorf("errors %v", tb.Errors)
	}
}

// Tiers that do not add up to the total are a warning naming the project,
// with the amounts in the sheet's unit and thousands separators (the rule
// the window's form uses, data/field.CheckTiers); inside the written
// precision they are not.
func TestTiersThatDoNotAddUp(t *testing.T) {
	path := writeRows(t, [][]any{
		{"(단위: 백만원)"},
		{"사업명", "총사업비", "국비", "도비", "시비", "추진율(%)"},
		{"가 사업", 1200000, 600000, 300000, 200000, 10},
		{"나 사업", 1000, 500, 300, 200, 20},
	})
	tb, _ := readAll(t, path)
	var warns []string
	for _, w := range tb.Warnings {
		if w.ID == msgSumMismatch {
			warns = append(warns, w.Error())
		}
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "가 사업") || !strings.Contains(warns[0], "1,100,000 백만원") ||
		!strings.Contains(warns[0], "1,200,000 백만원") || !strings.Contains(warns[0], "B3") {
		t.Fatalf("warnings %q", warns)
	}
}

// Where a sheet leaves its as-of date out, it is taken from a cover sheet,
// the sheet's name or the file's name, in that order, and the preview says
// where; with none, the day of the import with a warning naming --as-of.
// An official's date and unit overrule the sheet's.
func TestAsOfFromWhatTheSheetLeavesOut(t *testing.T) {
	rows := [][]any{{"사업명", "총사업비(백만원)", "추진율(%)"}, {"가 사업", 100, 10}}
	withCover := func(t *testing.T, cover, sheetName, file string) *Table {
		f := excelize.NewFile()
		defer f.Close()
		if cover != "" {
			f.SetCellValue("Sheet1", "A1", "해오름동맹 공동협력사업 추진현황")
			f.SetCellValue("Sheet1", "A3", cover)
			f.SetSheetName("Sheet1", "표지")
			f.NewSheet(sheetName)
		} else {
			f.SetSheetName("Sheet1", sheetName)
		}
		for i, r := range rows {
			for j, v := range r {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				f.SetCellValue(sheetName, cell, v)
			}
		}
		path := filepath.Join(t.TempDir(), file)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return locate(t, path, Options{City: model.Pohang, Today: "2026-12-01"})
	}
	for _, c := range []struct {
		cover, sheetName, file, want, from string
	}{
		{"(2026. 11. 30. 기준)", "현황", "status.xlsx", "2026-11-30", "표지"},
		{"", "현황 '26.11.30.기준", "status.xlsx", "2026-11-30", "시트 이름"},
		{"", "현황", "status_2026-11.xlsx", "2026-11-30", "파일 이름"},
		{"", "현황", "status.xlsx", "2026-12-01", "가져온 날"},
	} {
		tb := withCover(t, c.cover, c.sheetName, c.file)
		if tb.AsOf != c.want || !strings.Contains(tb.AsOfFrom, c.from) {
			t.Errorf("%+v: as of %s from %q", c, tb.AsOf, tb.AsOfFrom)
		}
	}
	tb := withCover(t, "", "현황", "status.xlsx")
	if len(tb.Warnings) == 0 || !strings.Contains(tb.Warnings[len(tb.Warnings)-1].Error(), "--as-of") {
		t.Errorf("no warning naming --as-of: %v", tb.Warnings)
	}
}
