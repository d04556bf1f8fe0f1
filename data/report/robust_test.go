package report

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/xuri/excelize/v2"
)

// cloneData copies the fixtures' data so that a test can change projects.
func cloneData(t *testing.T) Data {
	t.Helper()
	d := fixtureReportData(t)
	ps := make([]*model.Project, len(d.Projects))
	for i, p := range d.Projects {
		c := *p
		ps[i] = &c
	}
	d.Projects = ps
	return d
}

// findCell returns the cell of sheet holding exactly v ("" if none).
func findCell(t *testing.T, f *excelize.File, sheet, v string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, x := range row {
			if x == v {
				return cell(c+1, r+1)
			}
		}
	}
	return ""
}

// Long but valid texts (15 lines of 추진현황, 300 characters of 비고) once
// stopped every export at Excel's 409-point row limit; the rows are now
// capped and the texts kept whole, in the report and in the templates.
func TestLongTextsAreWrittenWhole(t *testing.T) {
	d := cloneData(t)
	var lines []string
	for i := 1; i <= 15; i++ {
		lines = append(lines, "○ 2026. "+strconv.Itoa(1+i%12)+". 3개 시 실무협의회 개최 및 결과 보고")
	}
	activities := strings.Join(lines, "\n")
	notes := strings.Repeat("공동협력사업 비고 내용입니다. ", 20) // 300 characters
	d.Projects[0].Activities = activities
	d.Projects[1].Notes = notes
	dir := t.TempDir()
	path := filepath.Join(dir, "report.xlsx")
	if err := Export(path, d, SaveOptions{}); err != nil {
		t.Fatalf("export with long texts: %v", err)
	}
	f := openXLSX(t, path)
	for _, want := range []string{activities, notes} {
		ref := findCell(t, f, SheetRegister, want)
		if ref == "" {
			t.Fatalf("text of %d characters not stored whole in 사업목록", len([]rune(want)))
		}
		_, row, _ := excelize.CellNameToCoordinates(ref)
		if h, _ := f.GetRowHeight(SheetRegister, row); h > excelize.MaxRowHeight || h < 100 {
			t.Errorf("row %d height %v", row, h)
		}
	}
	// The template of the projects' city.
	city := d.Projects[0].LeadCity
	tpl := Template{City: city, Projects: cityProjects(d.Projects[:2], city), Scheme: d.Scheme, AsOf: "2026-11-30"}
	tp := filepath.Join(dir, "template.xlsx")
	if err := ExportTemplate(tp, tpl, SaveOptions{}); err != nil {
		t.Fatalf("template with long texts: %v", err)
	}
	if findCell(t, openXLSX(t, tp), SheetTemplate, activities) == "" {
		t.Fatal("template lost the long 추진현황")
	}
}

// A text longer than a cell holds is refused with the project and the
// field named, not cut short.
func TestTooLongTextNamesProjectAndField(t *testing.T) {
	d := cloneData(t)
	p := d.Projects[2]
	p.Notes = strings.Repeat("가", excelize.TotalCellChars+1)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.xlsx")
	err := Export(path, d, SaveOptions{})
	if !errors.Is(err, &msg.Error{ID: msgTooLong}) {
		t.Fatalf("want the too-long message, got %v", err)
	}
	for _, want := range []string{p.Name, p.Code, "비고", "report.xlsx", SheetRegister} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not name %q", err, want)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Fatalf("left behind: %v", ents)
	}
	tpl := Template{City: p.LeadCity, Projects: []*model.Project{p}, Scheme: d.Scheme}
	err = ExportTemplate(filepath.Join(dir, "t.xlsx"), tpl, SaveOptions{})
	if !errors.Is(err, &msg.Error{ID: msgTooLong}) || !strings.Contains(err.Error(), p.Code) {
		t.Fatalf("template: %v", err)
	}
}

// Totals are summed without wrapping: two amounts that each fit an int64
// but not their sum gave a negative 합계.
func TestTotalsNeverWrapNegative(t *testing.T) {
	const huge = 6_000_000_000_000_000_000 // 6×10^18 won, near the int64 limit
	mk := func(code string) *model.Project {
		return &model.Project{Code: code, Name: "사업 " + code, Field: "문화·관광", LeadCity: model.Pohang,
			Cities: []model.City{model.Pohang}, Budget: model.Budget{Total: huge, National: huge}}
	}
	d := Data{Projects: []*model.Project{mk("HA-T01"), mk("HA-T02")}, AsOf: "2026-10-31"}
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if err := Export(path, d, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, path)
	want := 2 * float64(huge) / 1e6
	check := func(sheet string, col int, label string) {
		rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		seen := 0
		for _, r := range rows {
			if sheet == SheetSummary && len(r) != 7 { // the 분야별·재원별 table
				continue
			}
			if len(r) > col && strings.HasSuffix(r[0], label) {
				v, err := strconv.ParseFloat(r[col], 64)
				if err != nil || math.Abs(v-want) > want*1e-12 {
					t.Errorf("%s %q: %q, want %.0f", sheet, r[0], r[col], want)
				}
				seen++
			}
		}
		if seen == 0 {
			t.Errorf("%s: no %s row", sheet, label)
		}
	}
	check(SheetRegister, 8, "합계") // 계
	check(SheetRegister, 9, "소계") // 국비
	check(SheetSummary, 1, "합계")  // 분야별·재원별 계
	check(CitySheet(model.Pohang), 7, "합계")
}

// Temporary files that killed exports left beside the target are removed
// at the next export; fresh ones (an export running now) and other files
// are left alone.
func TestStaleTempFilesRemoved(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	files := map[string]bool{ // name → should survive
		".~report.123456789.tmp": false,
		".~보고서 11월.42.tmp":       false,
		".~report.987654321.tmp": true, // fresh
		".~notours.tmp":          true,
		".~report.abc.tmp":       true,
		"notes.tmp":              true,
	}
	for name, keep := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("PK partial"), 0o644); err != nil {
			t.Fatal(err)
		}
		if !keep || name != ".~report.987654321.tmp" {
			os.Chtimes(p, old, old)
		}
	}
	if err := Export(filepath.Join(dir, "report.xlsx"), fixtureReportData(t), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	for name, keep := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if exists := err == nil; exists != keep {
			t.Errorf("%s: exists %v, want %v", name, exists, keep)
		}
	}
}

// A control character (pasted from another program) cannot go into an
// xlsx; excelize wrote U+FFFD in its place without a word. It is refused,
// naming the project, the field and the character.
func TestControlCharacterNamed(t *testing.T) {
	d := cloneData(t)
	p := d.Projects[4]
	p.Activities = "○ 2026. 3. 착공\x0b○ 2026. 9. 준공"
	err := Export(filepath.Join(t.TempDir(), "report.xlsx"), d, SaveOptions{})
	if !errors.Is(err, &msg.Error{ID: msgBadChar}) {
		t.Fatalf("want the character message, got %v", err)
	}
	for _, want := range []string{p.Name, p.Code, "추진현황", "U+000B"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not name %q", err, want)
		}
	}
}
