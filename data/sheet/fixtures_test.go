package sheet

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/haeoreum/register/data/msg"
	"github.com/xuri/excelize/v2"
)

// goodFixtures are the workbooks that must open (no_header and wrong_units
// are refused later, by the layout and value layers, not here).
var goodFixtures = []string{
	"pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx", "master_2026.xlsx",
	"bad/formula_only.xlsx", "bad/no_header.xlsx", "bad/wrong_units.xlsx",
}

// TestFixturesMatchExcelize is the differential test: every value we read
// equals excelize's own raw read, and so do the merges.
func TestFixturesMatchExcelize(t *testing.T) {
	dir := fixturesDir(t)
	for _, name := range goodFixtures {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			wb, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			compareWithExcelize(t, path, wb)
		})
	}
}

func compareWithExcelize(t *testing.T, path string, wb *Workbook) {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	for _, s := range wb.Sheets {
		names = append(names, s.Name)
	}
	if want := f.GetSheetList(); !slices.Equal(names, want) {
		t.Fatalf("sheets %q, excelize %q", names, want)
	}
	for _, s := range wb.Sheets {
		want, err := f.GetRows(s.Name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := grid(s); !reflect.DeepEqual(got, want) {
			t.Errorf("sheet %q differs from excelize:\n got %q\nwant %q", s.Name, got, want)
		}
		mc, err := f.GetMergeCells(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		var wantMerges []string
		for _, m := range mc {
			wantMerges = append(wantMerges, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		var gotMerges []string
		for _, m := range s.Merges {
			gotMerges = append(gotMerges, m.String())
		}
		slices.Sort(wantMerges)
		slices.Sort(gotMerges)
		if !slices.Equal(gotMerges, wantMerges) {
			t.Errorf("sheet %q merges %v, excelize %v", s.Name, gotMerges, wantMerges)
		}
	}
}

func TestPohangLayout(t *testing.T) {
	wb, err := Open(filepath.Join(fixturesDir(t), "pohang_2026-10.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if wb.Format != "xlsx" || wb.File != "pohang_2026-10.xlsx" || len(wb.Sheets) != 2 {
		t.Fatalf("got %s %s with %d sheets", wb.File, wb.Format, len(wb.Sheets))
	}
	s := wb.Sheets[0]
	for _, want := range []Range{{1, 1, 15, 1}, {5, 3, 10, 3}, {1, 3, 1, 4}} {
		if !slices.Contains(s.Merges, want) {
			t.Errorf("merge %s missing from %v", want, s.Merges)
		}
	}
	if c := s.Cell(1, 1); !strings.Contains(c.Value, "추진현황") || c.Type != TypeString {
		t.Errorf("A1 = %+v", c)
	}
	// The 합계 row holds SUM formulas with cached values.
	var formulas int
	for _, r := range s.Rows {
		for _, c := range r.Cells {
			if c.Formula {
				formulas++
				if c.Value == "" {
					t.Errorf("row %d: formula without its cached value", r.Num)
				}
			}
		}
	}
	if formulas == 0 {
		t.Error("no formula cells found")
	}
	if s.Format(s.Cell(5, 5)) != "#,##0" {
		t.Errorf("E5 format %q", s.Format(s.Cell(5, 5)))
	}
}

func TestUlsanDatesPercentsAndTextAmounts(t *testing.T) {
	wb, err := Open(filepath.Join(fixturesDir(t), "ulsan_2026-10.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := wb.Sheets[0]
	var dates, percents, textAmounts int
	for _, r := range s.Rows {
		for i, c := range r.Cells {
			switch s.Format(c) {
			case "yyyy-mm":
				if c.Type == TypeNumber {
					dates++
				}
			case "0.0%":
				if c.Type == TypeNumber && strings.HasPrefix(c.Value, "0.") {
					percents++
				}
			}
			if i >= 8 && i <= 13 && c.Type == TypeString && strings.Contains(c.Value, ",") {
				textAmounts++
			}
		}
	}
	if dates == 0 || percents == 0 || textAmounts == 0 {
		t.Errorf("dates %d, percents %d, text amounts %d: want some of each", dates, percents, textAmounts)
	}
}

func TestGyeongjuFormat(t *testing.T) {
	wb, err := Open(filepath.Join(fixturesDir(t), "gyeongju_2026-10.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := wb.Sheets[0]; !slices.Contains(s.Formats, "#,##0.0#") || s.Formats[0] != "" {
		t.Errorf("formats %q", s.Formats)
	}
}

// TestBadInputs: each hostile file gets its own refusal, naming the file in
// both languages, and the bomb is refused at once.
func TestBadInputs(t *testing.T) {
	dir := fixturesDir(t)
	cases := map[string]*msg.Error{
		"legacy.xls":     ErrLegacyXLS,
		"encrypted.xlsx": ErrPasswordNeeded,
		"truncated.xlsx": ErrDamaged,
		"not_excel.xlsx": ErrNotSpreadsheet,
		"bomb.xlsx":      ErrTooLarge,
		"empty.xlsx":     ErrEmptyWorkbook,
	}
	defer msg.SetLanguage(msg.Korean)
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			wb, err := Open(filepath.Join(dir, "bad", name), Options{})
			took := time.Since(start)
			if wb != nil || !errors.Is(err, want) {
				t.Fatalf("got %v, want %s", err, want.ID)
			}
			for _, lang := range []msg.Lang{msg.Korean, msg.English} {
				msg.SetLanguage(lang)
				if !strings.Contains(err.Error(), name) {
					t.Errorf("%s message does not name the file: %s", lang, err)
				}
			}
			// The bound: a hostile file is refused in under a second
			// (here it takes about 10 ms: the zip's declared sizes are
			// checked before anything is inflated).
			if took > time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}

func TestEncryptedWithPassword(t *testing.T) {
	dir := fixturesDir(t)
	path := filepath.Join(dir, "bad", "encrypted.xlsx")
	wb, err := Open(path, Options{Password: "1234"})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Open(filepath.Join(dir, "pohang_2026-10.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range plain.Sheets {
		if !reflect.DeepEqual(grid(wb.Sheets[i]), grid(plain.Sheets[i])) {
			t.Errorf("sheet %d of the decrypted file differs from the plain one", i)
		}
	}
	if _, err := Open(path, Options{Password: "4321"}); !errors.Is(err, ErrWrongPassword) || !strings.Contains(err.Error(), "encrypted.xlsx") {
		t.Errorf("wrong password: %v", err)
	}
}

// TestContentNotExtension: the name never decides the format.
func TestContentNotExtension(t *testing.T) {
	dir := fixturesDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "pohang_2026-10.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if wb := mustOpen(t, "보고.csv", data); wb.Format != "xlsx" {
		t.Errorf("xlsx named .csv read as %s", wb.Format)
	}
	legacy, err := os.ReadFile(filepath.Join(dir, "bad", "legacy.xls"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenBytes("한셀저장.xlsx", legacy, Options{}); !errors.Is(err, ErrLegacyXLS) {
		t.Errorf(".xls content under .xlsx: %v", err)
	}
}

func TestMissingFile(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "없음.xlsx"), Options{})
	if !errors.Is(err, ErrCannotRead) || !strings.Contains(err.Error(), "없음.xlsx") {
		t.Errorf("got %v", err)
	}
}

func TestFileSizeLimit(t *testing.T) {
	path := writeTemp(t, "big.csv", []byte(strings.Repeat("a,b\n", 1000)))
	_, err := Open(path, Options{Limits: Limits{MaxFileBytes: 100}})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.csv") {
		t.Errorf("got %v", err)
	}
}
