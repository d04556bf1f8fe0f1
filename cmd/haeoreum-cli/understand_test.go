package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/sheet/sheettest"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"
)

// titleLessCSV converts the Ulsan fixture to CSV with LibreOffice (under a
// name that says nothing of its city), drops its title lines (the 기준일
// and 단위 line with them), and saves it in CP949, as a city office's
// "save as CSV" of a copied table arrives.
func titleLessCSV(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(fixture("ulsan_2026-10.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "status.xlsx")
	os.WriteFile(src, data, 0o644)
	csv := sheettest.Convert(t, filepath.Join(dir, "out"), "csv:Text - txt - csv (StarCalc):44,34,76", ".csv", false, src)[0]
	text, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	header := bytes.Index(text, []byte("순번,"))
	if header < 0 {
		t.Fatalf("no header in the CSV:\n%.300s", text)
	}
	cp949, err := korean.EUCKR.NewEncoder().Bytes(text[header:])
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "현황_2026-10.csv")
	if err := os.WriteFile(out, cp949, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTitleLessCSVUnitFromTheRegister(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	csv := titleLessCSV(t)
	db := filepath.Join(t.TempDir(), "r.db")
	if code, _, stderr := cli(t, "--db", db, "import", fixture("master_2026.xlsx")); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := cli(t, "--db", db, "import", "--json", csv)
	if code != 0 {
		t.Fatalf("exit %d: %s\n%.2000s", code, stderr, out)
	}
	var pvs []struct {
		City       string `json:"city"`
		AsOf       string `json:"as_of"`
		Understood struct {
			Unit     string `json:"unit"`
			UnitFrom string `json:"unit_from"`
			AsOfFrom string `json:"as_of_from"`
		} `json:"understood"`
		Changed []any `json:"changed"`
	}
	if err := json.Unmarshal([]byte(out), &pvs); err != nil || len(pvs) != 1 {
		t.Fatalf("%v: %.500s", err, out)
	}
	pv := pvs[0]
	if pv.City != "ulsan" || pv.Understood.Unit != "천원" || !strings.Contains(pv.Understood.UnitFrom, "등록부 금액") ||
		pv.AsOf != "2026-10-31" || !strings.Contains(pv.Understood.AsOfFrom, "파일 이름") || len(pv.Changed) == 0 {
		t.Fatalf("understood %+v (city %s, as of %s, %d changes)", pv.Understood, pv.City, pv.AsOf, len(pv.Changed))
	}
	// The same values as the fixture itself gives.
	want := filepath.Join(t.TempDir(), "w.db")
	cli(t, "--db", want, "import", fixture("master_2026.xlsx"), fixture("ulsan_2026-10.xlsx"))
	_, a, _ := cli(t, "--db", db, "list", "--json")
	_, b, _ := cli(t, "--db", want, "list", "--json")
	if strip(a) != strip(b) {
		t.Fatal("the CSV gives another register than the workbook")
	}
}

func TestTitleLessCSVWithoutEvidenceAsksForTheUnit(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	csv := titleLessCSV(t)
	db := filepath.Join(t.TempDir(), "r.db")
	code, out, stderr := cli(t, "--db", db, "import", "--add-new", csv)
	if code != 1 || !strings.Contains(out+stderr, "--unit 천원") || strings.Count(out, "단위를 찾지 못했습니다") != 1 {
		t.Fatalf("empty register, no unit: exit %d: %s %s", code, stderr, out)
	}
	if code, out, stderr := cli(t, "--db", db, "import", "--add-new", "--unit", "천원", csv); code != 0 || !strings.Contains(out, "지정함") {
		t.Fatalf("with --unit: exit %d: %s %s", code, stderr, out)
	}
}

// strip drops what differs between two imports of the same data from two
// files: where each value came from and when.
func strip(listJSON string) string {
	var ps []map[string]any
	json.Unmarshal([]byte(listJSON), &ps)
	for _, p := range ps {
		delete(p, "aliases")
		delete(p, "contacts")
	}
	b, _ := json.Marshal(ps)
	return string(b)
}

// Our own template, filled in and sent back with its 기준일 left blank,
// is read as of the date it asked for, with no warnings at all.
func TestOwnTemplateBackWithBlankAsOf(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	for _, f := range []string{"master_2026.xlsx", "pohang_2026-10.xlsx"} {
		if code, _, stderr := cli(t, "--db", db, "import", fixture(f)); code != 0 {
			t.Fatal(stderr)
		}
	}
	tpl := filepath.Join(dir, "서식.xlsx")
	if code, _, stderr := cli(t, "--db", db, "template", "--city", "pohang", "--as-of", "2026-10-31", "--out", tpl); code != 0 {
		t.Fatal(stderr)
	}
	f, err := excelize.OpenFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("추진현황", "A2", "(기준:           )                    (단위: 백만원)")
	back := filepath.Join(dir, "returned.xlsx")
	if err := f.SaveAs(back); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, stderr := cli(t, "--db", db, "import", "--dry-run", "--json", back)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var pvs []struct {
		AsOf       string   `json:"as_of"`
		Warnings   []string `json:"warnings"`
		Understood struct {
			AsOfFrom string `json:"as_of_from"`
		} `json:"understood"`
	}
	if err := json.Unmarshal([]byte(out), &pvs); err != nil || len(pvs) != 1 {
		t.Fatalf("%v %.300s", err, out)
	}
	if pv := pvs[0]; pv.AsOf != "2026-10-31" || !strings.Contains(pv.Understood.AsOfFrom, "서식") || len(pv.Warnings) != 0 {
		t.Fatalf("as of %s from %q, warnings %q", pv.AsOf, pv.Understood.AsOfFrom, pv.Warnings)
	}
}

// withExtraColumn copies a fixture with one more column right of its table:
// a header nobody here uses and a value in its first project row.
func withExtraColumn(t *testing.T, name, header string) (path, letter string) {
	t.Helper()
	f, err := excelize.OpenFile(fixture(name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(f.GetActiveSheetIndex())
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	headerRow, width := 0, 0
	for i, r := range rows {
		for _, c := range r {
			if strings.Contains(c, "사업명") && headerRow == 0 {
				headerRow = i + 1
			}
		}
		width = max(width, len(r))
	}
	letter, _ = excelize.ColumnNumberToName(width + 1)
	f.SetCellValue(sheet, letter+strconv.Itoa(headerRow), header)
	f.SetCellValue(sheet, letter+strconv.Itoa(headerRow+2), "김철수 확인")
	path = filepath.Join(t.TempDir(), "현황_2026-10.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path, letter
}

func TestAnUnknownColumnIsDecidedWithColumnFlag(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	path, letter := withExtraColumn(t, "pohang_2026-10.xlsx", "확인자")
	db := filepath.Join(t.TempDir(), "r.db")
	if code, _, stderr := cli(t, "--db", db, "import", fixture("master_2026.xlsx")); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := cli(t, "--db", db, "import", path)
	if code != 1 || !strings.Contains(out, "열 "+letter+" '확인자'") || !strings.Contains(out, "--column "+letter+"=ignore") {
		t.Fatalf("an unknown column with a value blocks, naming it and the flag: exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, stderr = cli(t, "--db", db, "import", "--json", "--column", letter+"=ignore", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var pvs []struct {
		Understood struct {
			Columns []struct {
				Letter, Use string
				Decided     bool
			} `json:"columns"`
		} `json:"understood"`
		Changed []any `json:"changed"`
	}
	if err := json.Unmarshal([]byte(out), &pvs); err != nil || len(pvs) != 1 {
		t.Fatalf("%v\n%.500s", err, out)
	}
	found := false
	for _, c := range pvs[0].Understood.Columns {
		if c.Letter == letter {
			found = c.Use == "ignored" && c.Decided
		}
		if c.Use == "blocking" {
			t.Errorf("no column blocks once decided: %+v", c)
		}
	}
	if !found || len(pvs[0].Changed) == 0 {
		t.Errorf("column %s ignored by decision, the sheet's changes applied: %+v", letter, pvs[0])
	}
	if code, _, stderr := cli(t, "--db", db, "import", "--column", letter, path); code != 2 || !strings.Contains(stderr, "열=항목") {
		t.Errorf("a malformed --column is a usage error: %d %s", code, stderr)
	}
}
