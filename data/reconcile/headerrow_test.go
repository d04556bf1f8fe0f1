package reconcile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/xuri/excelize/v2"
)

// Two cities send the same layout whose header the finder cannot score,
// and each official named the header row once (with the city). A third
// sheet of that layout that names no city is not given to one of them: a
// layout two cities use says nothing of whose it is (a sheet that names no
// city takes the city of the ONE profile with its layout). Found in review.
func TestHeaderRowProfileOfTwoCitiesDoesNotPickTheCity(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t)
	dir := t.TempDir()
	write := func(name, rows string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("해오름동맹 과제 목록\r\n과제명,총사업비(백만원)\r\n"+rows), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, c := range []model.City{model.Pohang, model.Gyeongju} {
		f := write(string(c)+"_목록_2026-10.csv", "해안 산책로 잇기,\"1,200\"\r\n")
		if pv, err := ImportFile(ctx, r, f, FileOptions{HeaderRow: 2, City: c, Options: Options{AddNew: true}}); err != nil {
			t.Fatalf("%s: %v %v", c, err, pv.Errors)
		}
	}
	if p := profilesOf(t, r); len(p) != 2 {
		t.Fatalf("%d profiles", len(p))
	}
	next := write("목록_2026-11.csv", "해안 산책로 잇기,\"1,500\"\r\n")
	pv, err := ImportFile(ctx, r, next, FileOptions{Options: Options{DryRun: true}})
	if err == nil && pv.City != "" {
		t.Errorf("a sheet that names no city, of a layout two cities use, was read as %s's (city from %q, profile %+v)",
			pv.City, pv.Understood.CityFrom, pv.Understood.Profile)
	}
}

// Pohang's official named row 2 as the header of a layout the finder
// cannot score. Gyeongju sends a sheet of that layout (its title names the
// city): it is read at that row, the preview says the row came from a
// profile, and the profile saved for Gyeongju keeps the row. Found in
// review.
func TestAnotherCitysHeaderRowIsNotSilent(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t)
	dir := t.TempDir()
	write := func(name, title, rows string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(title+"\r\n과제명,총사업비(백만원)\r\n"+rows), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	first := write("목록_2026-10.csv", "해오름동맹 과제 목록", "해안 산책로 잇기,\"1,200\"\r\n")
	if pv, err := ImportFile(ctx, r, first, FileOptions{HeaderRow: 2, City: model.Pohang, Options: Options{AddNew: true}}); err != nil {
		t.Fatalf("%v %v", err, pv.Errors)
	}
	other := write("경주_목록_2026-11.csv", "경주시 해오름동맹 과제 목록", "해안 산책로 잇기,\"1,500\"\r\n")
	pv, err := ImportFile(ctx, r, other, FileOptions{})
	if err != nil {
		t.Fatalf("the sheet of the layout was not read at the named row: %v", err)
	}
	u := pv.Understood
	t.Logf("city %s (%s), header row %d from %q, profile %+v", pv.City, u.CityFrom, u.HeaderRow, u.HeaderRowFrom, u.Profile)
	if u.HeaderRowFrom == "" {
		t.Errorf("read at row %d, which only Pohang's profile names, and the preview does not say so", u.HeaderRow)
	}
	for _, p := range profilesOf(t, r) {
		if p.City == pv.City && p.HeaderRow == 0 {
			t.Errorf("%s's profile saved without the row it was read at", p.City)
		}
	}
}

// A header row named for a layout is used only where the finder finds no
// table: a sheet whose real table the finder finds lower down is read
// there, even when the named row above reads as that layout too (a
// summary band with the same column names). Found in review.
func TestTheFindersTableWinsOverAProfilesHeaderRow(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t)
	dir := t.TempDir()
	first := filepath.Join(dir, "목록_2026-10.csv")
	if err := os.WriteFile(first, []byte("해오름동맹 과제 목록\r\n과제명,총사업비(백만원)\r\n해안 산책로 잇기,\"1,200\"\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if pv, err := ImportFile(ctx, r, first, FileOptions{HeaderRow: 2, City: model.Pohang, Options: Options{AddNew: true}}); err != nil {
		t.Fatalf("%v %v", err, pv.Errors)
	}
	both := filepath.Join(dir, "현황_2026-11.csv")
	text := "해오름동맹 과제 목록\r\n과제명,총사업비(백만원)\r\n합계,\"1,500\"\r\n\r\n" +
		"사업명,총사업비(백만원),추진율(%)\r\n해안 산책로 잇기,\"1,500\",40%\r\n"
	if err := os.WriteFile(both, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	pv, err := ImportFile(ctx, r, both, FileOptions{City: model.Pohang, Options: Options{DryRun: true}})
	if err != nil {
		t.Fatalf("%v %v", err, pv.Errors)
	}
	if u := pv.Understood; u.HeaderRow != 5 || u.HeaderRowFrom != "" {
		t.Errorf("read at row %d (%q), not at the table the finder found (row 5)", u.HeaderRow, u.HeaderRowFrom)
	}
}

// twoSheets writes a workbook with a sheet of notes and, after it, a
// sheet whose header the finder cannot score (row 2 under a title).
func twoSheets(t *testing.T, name, amount string) string {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "메모")
	f.SetCellValue("메모", "A1", "작성 요령")
	if _, err := f.NewSheet("목록"); err != nil {
		t.Fatal(err)
	}
	for i, row := range [][]any{{"해오름동맹 과제 목록"}, {"과제명", "총사업비(백만원)"}, {"해안 산책로 잇기", amount}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("목록", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// The sheet and the header row an official named together are both taken
// for the next workbook of the layout, and the preview says both came
// from the profile.
func TestTheSheetAndHeaderRowFromTheProfile(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t)
	first := twoSheets(t, "목록_2026-10.xlsx", "1200")
	if pv, err := ImportFile(ctx, r, first, FileOptions{Sheet: "목록", HeaderRow: 2, City: model.Pohang, Options: Options{AddNew: true}}); err != nil {
		t.Fatalf("%v %v", err, pv.Errors)
	}
	pv, err := ImportFile(ctx, r, twoSheets(t, "목록_2026-11.xlsx", "1500"), FileOptions{Options: Options{DryRun: true}})
	if err != nil {
		t.Fatalf("%v %v", err, pv.Errors)
	}
	u := pv.Understood
	if u.Sheet != "목록" || u.HeaderRow != 2 || u.SheetFrom == "" || u.HeaderRowFrom == "" || len(pv.Changed) != 1 {
		t.Fatalf("sheet %q (%q), header row %d (%q), %d changes", u.Sheet, u.SheetFrom, u.HeaderRow, u.HeaderRowFrom, len(pv.Changed))
	}
}
