package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A city's chase workbook marks and comments on every cell it must put
// right (here: Pohang's sheet has no 담당자/연락처), with the list in front;
// the city's corrected sheet closes those items.
func TestRoundChaseWorkbook(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	cli(t, "--db", db, "import", fixture("master_2026.xlsx"))
	if code, _, stderr := cli(t, "--db", db, "round", "new", "--name", "2026 하반기", "--as-of", "2026-10-31"); code != 0 {
		t.Fatal(stderr)
	}
	cli(t, "--db", db, "import", fixture("pohang_2026-10.xlsx"))
	if n := contactsEmpty(t, db); n == 0 {
		t.Fatal("the fixture's Pohang sheet should leave its contacts empty")
	}
	out := filepath.Join(dir, "보완요청_포항.xlsx")
	code, stdout, stderr := cli(t, "--db", db, "round", "chase", "--city", "pohang", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); sheets[0] != "보완 요청" {
		t.Fatalf("sheets %v", sheets)
	}
	rows, _ := f.GetRows("보완 요청")
	if len(rows) < 4 || !strings.Contains(strings.Join(rows[3], " "), "담당자") {
		t.Fatalf("the list: %v (%s)", rows, stdout)
	}
	comments, err := f.GetComments("추진현황")
	if err != nil || len(comments) == 0 || !strings.Contains(comments[0].Paragraph[0].Text, "비어 있습니다") {
		t.Fatalf("no comment on a cell to put right: %v %+v", err, comments)
	}
	// The city fills its officer in on the marked rows and sends it back.
	for _, c := range comments {
		col, row, _ := excelize.CellNameToCoordinates(c.Cell)
		officer, _ := excelize.CoordinatesToCellName(col, row)
		phone, _ := excelize.CoordinatesToCellName(col+1, row)
		f.SetCellValue("추진현황", officer, "김해오")
		f.SetCellValue("추진현황", phone, "054-270-2000")
	}
	back := filepath.Join(dir, "회신.xlsx")
	if err := f.SaveAs(back); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := cli(t, "--db", db, "import", "--city", "pohang", back); code != 0 {
		t.Fatalf("the corrected sheet: exit %d: %s", code, stderr)
	}
	if n := contactsEmpty(t, db); n != 0 {
		t.Fatalf("the corrected sheet left %d contacts empty", n)
	}
}

// contactsEmpty counts Pohang's projects whose 담당자·연락처 the round's
// status lists as empty.
func contactsEmpty(t *testing.T, db string) int {
	t.Helper()
	_, status, _ := cli(t, "--db", db, "round", "status", "--json")
	var st map[string]struct {
		EmptyFields []struct{ Code, Field string } `json:"empty_fields"`
	}
	if err := json.Unmarshal([]byte(status), &st); err != nil {
		t.Fatalf("%v: %.300s", err, status)
	}
	n := 0
	for _, c := range st["pohang"].EmptyFields {
		if c.Field == "contact" {
			n++
		}
	}
	return n
}
