package report

import (
	"bytes"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/sheet/sheettest"
)

// roundData is the fixtures' register, then the changes of a round made
// by hand: 추진율, a tier, an end month and a 추진실적 line, one edit
// undone; the previous round ended with the imports.
func roundData(t *testing.T) RoundReport {
	t.Helper()
	reg := fixtureRegister(t)
	bs, err := reg.Batches(bg, 1)
	if err != nil {
		t.Fatal(err)
	}
	previous := bs[0].ID
	edit := func(code string, k model.FieldKey, v string) {
		t.Helper()
		if _, err := reg.EditFields(bg, code, 0, []model.FieldKey{k}, map[model.FieldKey]string{k: v}); err != nil {
			t.Fatal(err)
		}
	}
	e05, _ := reg.Project(bg, "HA-E05")
	edit("HA-E01", model.FProgress, "55")
	edit("HA-E02", model.FProgress, "99") // undone: no change
	if _, err := reg.Undo(bg, 0); err != nil {
		t.Fatal(err)
	}
	edit("HA-E03", model.BudgetKey(model.National), "7000000000")
	edit("HA-E04", model.FEnd, "2031-12")
	edit("HA-E05", model.FActivities, e05.Activities+"\n○ 2026. 11. 실시설계 착수")
	rr := RoundReport{Round: register.Round{Name: "2026 하반기", AsOf: "2026-10-31", Due: "2026-11-10"},
		Previous: &register.Round{Name: "2026 상반기", AsOf: "2026-06-30"}}
	if rr.Projects, err = reg.List(bg, register.ListOptions{}); err != nil {
		t.Fatal(err)
	}
	if rr.Changes, err = reg.ChangesBetween(bg, previous, 0); err != nil {
		t.Fatal(err)
	}
	if rr.Scheme, err = reg.Scheme(bg); err != nil {
		t.Fatal(err)
	}
	if rr.Plan, err = reg.Plan(bg); err != nil {
		t.Fatal(err)
	}
	for _, c := range model.Cities {
		rr.Cities = append(rr.Cities, CityReceipt{City: c, Issued: "2026-11-01T09:00:00Z", File: string(c) + ".xlsx", At: "2026-11-05T09:00:00Z", Batch: 3})
	}
	rr.Cities[1].Refused, rr.Cities[1].RefusedWhy = "ulsan_old.xls", "xls 파일은 xlsx로 저장해 주세요."
	return rr
}

// What changed since the previous round, per project, net of undone work.
func TestRoundChanges(t *testing.T) {
	rr := roundData(t)
	byCode := map[string]ProjectChange{}
	changed := 0
	for _, c := range RoundChanges(rr) {
		byCode[c.Project.Code] = c
		if c.Changed() {
			changed++
		}
	}
	if len(byCode) != 43 || changed != 4 {
		t.Fatalf("%d projects, %d changed; want 43 and 4 (HA-E02's edit was undone)", len(byCode), changed)
	}
	if c := byCode["HA-E01"]; c.NewProgress == nil || *c.NewProgress != 55 || c.OldProgress == nil || c.ProgressDelta() != math.Round((55-*c.OldProgress)*10)/10 {
		t.Errorf("HA-E01 추진율: %v → %v", c.OldProgress, c.NewProgress)
	}
	if c := byCode["HA-E03"]; len(c.Budget) != 1 || c.Budget[0].Field != model.BudgetKey(model.National) || c.Budget[0].New != "7000000000" {
		t.Errorf("HA-E03 budget: %+v", c.Budget)
	}
	if c := byCode["HA-E04"]; len(c.Period) != 1 || c.Period[0].New != "2031-12" {
		t.Errorf("HA-E04 period: %+v", c.Period)
	}
	if c := byCode["HA-E05"]; !slices.Equal(c.NewActivities, []string{"○ 2026. 11. 실시설계 착수"}) {
		t.Errorf("HA-E05 new lines: %q", c.NewActivities)
	}
	// in working-group order: 경제·산업·해양 first, then 도시기반·방재, then 문화·관광
	order := RoundChanges(rr)
	if order[0].Project.Field != "경제·산업·해양" || order[len(order)-1].Project.Field != "문화·관광" {
		t.Errorf("order: first %s, last %s", order[0].Project.Field, order[len(order)-1].Project.Field)
	}
}

// The workbook: three sheets, the changes as people read them, the status
// page with the refusal, A4 landscape with print titles.
func TestWriteRound(t *testing.T) {
	rr := roundData(t)
	var buf bytes.Buffer
	if err := WriteRound(&buf, rr); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, RoundSheetNames()) {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := f.GetRows(SheetRoundChanges)
	line := func(code string) string {
		for _, r := range rows {
			if len(r) > 0 && r[0] == code {
				return strings.Join(r, " | ")
			}
		}
		t.Fatalf("변경 내역 has no %s", code)
		return ""
	}
	for code, want := range map[string]string{
		"HA-E01": "55.0", "HA-E03": "국비 ", "HA-E04": "완료 ", "HA-E05": "○ 2026. 11. 실시설계 착수", "HA-E02": "변동 없음",
	} {
		if l := line(code); !strings.Contains(l, want) {
			t.Errorf("%s: %q lacks %q", code, l, want)
		}
	}
	if l := line("HA-E03"); !strings.Contains(l, "→ 7,000") {
		t.Errorf("HA-E03's budget change is not in 백만원: %q", l)
	}
	status, _ := f.GetRows(SheetRoundStatus)
	if s := strings.Join(status[4], " | "); !strings.Contains(s, "울산광역시") || !strings.Contains(s, "거부됨: ulsan_old.xls") {
		t.Errorf("status line of Ulsan: %q", s)
	}
	summary, _ := f.GetRows(SheetRoundSummary)
	if s := strings.Join(summary[2], " "); !strings.Contains(s, "시행계획") || !strings.Contains(s, "43") {
		t.Errorf("no plan check on 차수 요약: %q", s)
	}
	for _, sheet := range RoundSheetNames() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
			t.Errorf("%s: not A4 landscape: %+v %v", sheet, pl, err)
		}
		if w := sum(sheetWidths(t, f, sheet)); w > printWidth+0.01 {
			t.Errorf("%s: columns %.1f wide, more than the page's %d", sheet, w, printWidth)
		}
	}
}

func sheetWidths(t *testing.T, f *excelize.File, sheet string) []float64 {
	t.Helper()
	var out []float64
	for col := 1; col <= 10; col++ {
		name, _ := excelize.ColumnNumberToName(col)
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		if col > 1 && w == 9.140625 { // excelize's default: a column never set
			break
		}
		out = append(out, w)
	}
	return out
}

func sum(vs []float64) float64 {
	s := 0.0
	for _, v := range vs {
		s += v
	}
	return s
}

// Printed by LibreOffice, the round report and a chase list are readable:
// every word at 9 pt or more, every sheet printed.
func TestLibreOfficePrintsRoundReport(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	rr := roundData(t)
	path := filepath.Join(dir, "round.xlsx")
	if err := ExportRound(path, rr, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(dir, "list.xlsx")
	lf := excelize.NewFile()
	rows := [][]string{}
	for i := range 60 {
		rows = append(rows, []string{"HA-E01", "해오름동맹 글로벌 수소 메가시티 조성", "담당자·연락처", strings.Repeat("비어 있습니다. 채워 주세요. ", 1+i%4)})
	}
	if err := AddListSheet(lf, "보완 요청", "보완 요청 — 포항시", "노란 칸을 고쳐 주세요.", []ListColumn{{"코드", 9, false},
		{"사업명", 36, true}, {"항목", 15, true}, {"요청", 60, true}}, rows, "", "2026-10-31"); err != nil {
		t.Fatal(err)
	}
	lf.DeleteSheet("Sheet1")
	if err := lf.SaveAs(list); err != nil {
		t.Fatal(err)
	}
	calib := filepath.Join(dir, "calibration.xlsx")
	calibrationBook(t, calib)
	pdfs := sheettest.Convert(t, out, "pdf", ".pdf", true, path, list, calib)
	cal := pdfPages(t, pdfs[2])
	perPoint := (cal[0][0].yMax - cal[0][0].yMin) / 10
	for n, pdf := range pdfs[:2] {
		printed := map[string]int{}
		for i, ws := range pdfPages(t, pdf) {
			name := pageSheet(ws)
			printed[name]++
			for _, w := range ws {
				if size := (w.yMax - w.yMin) / perPoint; size < 8.95 {
					t.Errorf("%s page %d (%s): %q prints at %.1f pt", filepath.Base(pdf), i+1, name, w.text, size)
				}
			}
		}
		want := RoundSheetNames()
		if n == 1 {
			want = []string{"보완 요청"}
		}
		for _, s := range want {
			words := strings.Fields(s) // a page's sheet is the last word at the top right
			if printed[words[len(words)-1]] == 0 {
				t.Errorf("%s: sheet %s not printed (%v)", filepath.Base(pdf), s, printed)
			}
		}
		t.Logf("%s: %v", filepath.Base(pdf), printed)
	}
}
