package layout

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/sheet"
)

// book writes sheets (name → rows) in the order given, with merges per sheet.
func book(t *testing.T, names []string, rows map[string][][]any, merges map[string][][2]string, hidden ...string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range names {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows[name] {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				f.SetCellValue(name, cell, v)
			}
		}
		for _, m := range merges[name] {
			if err := f.MergeCell(name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, h := range hidden {
		f.SetSheetVisible(h, false)
	}
	path := filepath.Join(t.TempDir(), "status.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestATableOverSeveralSheetsIsOneTable(t *testing.T) {
	head := []any{"사업명", "총사업비(백만원)", "추진율(%)"}
	path := book(t, []string{"작성요령", "경제·산업", "문화·관광", "백업"}, map[string][][]any{
		"작성요령":  {{"각 분야 시트에 적어 주십시오."}},
		"경제·산업": {{"(기준: 2026. 10. 31.)"}, head, {"가 사업", 100, 10}, {"나 사업", 200, 20}},
		"문화·관광": {head, {"다 사업", 300, 30}},
		"백업":    {head, {"가 사업", 999, 99}},
	}, nil, "백업")
	tb := locate(t, path, Options{City: model.Pohang})
	if tb.Sheet != "경제·산업, 문화·관광" || len(tb.Sheets) != 2 {
		t.Fatalf("the two visible sheets with one header are one table: %q %v", tb.Sheet, tb.Sheets)
	}
	recs, read := collect(tb)
	if len(read.Errors) != 0 {
		t.Fatal(read.Errors)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.Sheet+"!"+r.Name.Cell+"="+r.Name.Text)
	}
	want := "경제·산업!A3=가 사업 경제·산업!A4=나 사업 문화·관광!A2=다 사업"
	if strings.Join(got, " ") != want {
		t.Errorf("records:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if tb.AsOf != "2026-10-31" {
		t.Errorf("the as-of line of the first sheet holds for the table: %q", tb.AsOf)
	}
	var joined, hiddenNamed bool
	for _, w := range read.Warnings {
		joined = joined || w.ID == msgJoinedSheets
		hiddenNamed = hiddenNamed || (w.ID == msgOtherTables && w.Args[0] == "백업")
	}
	if !joined || !hiddenNamed {
		t.Errorf("the join and the hidden sheet left out are both said: %v", read.Warnings)
	}
	// An official who names one sheet gets that sheet alone.
	tb = locate(t, path, Options{City: model.Pohang, Sheet: "문화·관광"})
	if recs, _ := collect(tb); tb.Sheet != "문화·관광" || len(recs) != 1 {
		t.Errorf("--sheet: %q, %d rows", tb.Sheet, len(recs))
	}
}

func TestTheSameProjectOnTwoSheetsWithOtherValuesIsRefused(t *testing.T) {
	head := []any{"사업명", "총사업비(백만원)", "추진율(%)"}
	path := book(t, []string{"경제", "문화"}, map[string][][]any{
		"경제": {head, {"가 사업", 100, 10}},
		"문화": {head, {"가 사업", 100, 50}},
	}, nil)
	_, got := collect(locate(t, path, Options{City: model.Pohang}))
	e := errorAt(got.Errors, "A2")
	if e == nil || e.ID != msgDuplicateDiffers || e.Where.Sheet != "문화" || !strings.Contains(e.Args[3].(string), "'경제'!A2") {
		t.Errorf("refused naming both sheets: %v", got.Errors)
	}
}

func TestAProjectOverTwoRowsIsOneProject(t *testing.T) {
	path := book(t, []string{"현황"}, map[string][][]any{"현황": {
		{"사업명", "총사업비(백만원)", "추진율(%)", "추진실적", "향후계획"},
		{"가 사업", 100, 10, "설계 완료", "착공"},
		{"", "", "", "공모 선정", "준공"},
		{"나 사업", 200, 20, "용역 착수", ""},
		{"", "", "", "중간보고", ""},
		{"다 사업", 300, 30, "협약", ""},
	}}, map[string][][2]string{"현황": {{"A2", "A3"}, {"B2", "B3"}, {"C2", "C3"}}})
	recs, tb := collect(locate(t, path, Options{City: model.Pohang}))
	if len(tb.Errors) != 0 || len(recs) != 3 {
		t.Fatalf("%d records, errors %v", len(recs), tb.Errors)
	}
	if got := recs[0].Values[model.FActivities].Text; got != "설계 완료\n공모 선정" {
		t.Errorf("merged two-row project: activities %q", got)
	}
	if got := recs[0].Values[model.FNextSteps].Text; got != "착공\n준공" {
		t.Errorf("merged two-row project: next steps %q", got)
	}
	if got := recs[1].Values[model.FActivities].Text; got != "용역 착수\n중간보고" {
		t.Errorf("a text-only row under a project goes on from it: %q", got)
	}
	var said bool
	for _, w := range tb.Warnings {
		said = said || (w.ID == msgContinuedRow && w.Where.Cell == sheet.CellName(1, 5))
	}
	if !said {
		t.Errorf("joining without a merge is said: %v", tb.Warnings)
	}
	if got := recs[2].Values[model.FActivities].Text; got != "협약" {
		t.Errorf("the next project is its own: %q", got)
	}
}

func TestAMergedRowWithASecondAmountIsRefused(t *testing.T) {
	path := book(t, []string{"현황"}, map[string][][]any{"현황": {
		{"사업명", "총사업비(백만원)", "추진율(%)", "추진실적"},
		{"가 사업", 100, 10, "설계"},
		{"", 120, "", "착공"},
	}}, map[string][][2]string{"현황": {{"A2", "A3"}}})
	_, tb := collect(locate(t, path, Options{City: model.Pohang}))
	if e := errorAt(tb.Errors, "B3"); e == nil || e.ID != msgContinuedValue {
		t.Errorf("a second total on the merged row is refused at B3: %v", tb.Errors)
	}
}

func TestACoverSheetGivesCityUnitAndAsOf(t *testing.T) {
	path := book(t, []string{"표지", "현황"}, map[string][][]any{
		"표지": {{"해오름동맹 공동협력사업 추진현황"}, {"울산광역시 제출"}, {"(단위: 천원)"}, {"2026. 10. 31. 기준"}},
		"현황": {{"사업명", "총사업비", "국비", "추진율(%)"}, {"가 사업", 100000, 50000, 10}},
	}, nil)
	tb := locate(t, path, Options{})
	if tb.City != model.Ulsan || !strings.Contains(tb.CityEvidence, "표지") {
		t.Errorf("city from the cover: %q (%s)", tb.City, tb.CityEvidence)
	}
	if tb.Unit.String() != "천원" || !strings.Contains(tb.UnitFrom, "표지") {
		t.Errorf("unit from the cover: %v (%s)", tb.Unit, tb.UnitFrom)
	}
	if tb.AsOf != "2026-10-31" {
		t.Errorf("as-of from the cover: %q", tb.AsOf)
	}
	recs, read := collect(tb)
	if len(read.Errors) != 0 || recs[0].Values[model.BudgetKey(model.Total)].Text != "100000000" {
		t.Errorf("100,000 천원: %v %v", read.Errors, recs[0].Values)
	}
}
