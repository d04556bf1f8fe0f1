package report

import (
	"context"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
	"github.com/xuri/excelize/v2"
)

var bg = context.Background()

// exportFixtures writes the fixtures' report into dir.
func exportFixtures(t *testing.T, dir string) (string, Data) {
	t.Helper()
	d := fixtureReportData(t)
	path := filepath.Join(dir, "report.xlsx")
	start := time.Now()
	if err := Export(path, d, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Logf("43-project report written in %v", time.Since(start))
	return path, d
}

func openXLSX(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// wonOf reads a stored 백만원 cell back to won exactly.
func wonOf(t *testing.T, raw string) int64 {
	t.Helper()
	r, ok := new(big.Rat).SetString(raw)
	if !ok {
		t.Fatalf("not a number: %q", raw)
	}
	r.Mul(r, big.NewRat(1_000_000, 1))
	if !r.IsInt() {
		t.Fatalf("%q is not whole won", raw)
	}
	return r.Num().Int64()
}

func TestReportSheetsAndTotals(t *testing.T) {
	path, d := exportFixtures(t, t.TempDir())
	f := openXLSX(t, path)
	if got := f.GetSheetList(); !slices.Equal(got, SheetNames()) {
		t.Fatalf("sheets %v", got)
	}
	const sh = SheetRegister
	rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rows[1][0], "(기준: 2026. 10. 31.)") || rows[1][len(rows[1])-1] != "(단위: 백만원)" {
		t.Fatalf("title lines: %q", rows[1])
	}
	// Column I..N hold 계/국비/광역비/기초비/민자/기타.
	tierCol := map[model.Tier]int{}
	for i, t := range model.AllTiers {
		tierCol[t] = 9 + i
	}
	byCode := map[string]*model.Project{}
	for _, p := range d.Projects {
		byCode[p.Code] = p
	}
	var group, grand model.Budget
	subtotals := 0
	totalSeen := false
	for r := firstRow; r <= len(rows); r++ {
		code, _ := f.GetCellValue(sh, cell(1, r))
		switch {
		case strings.HasSuffix(code, "소계") || code == "합계":
			want := group
			if code == "합계" {
				want = grand
				totalSeen = true
			} else {
				subtotals++
			}
			for _, tier := range model.AllTiers {
				ref := cell(tierCol[tier], r)
				formula, _ := f.GetCellFormula(sh, ref)
				if !strings.HasPrefix(formula, "SUM(") {
					t.Errorf("%s %s: formula %q", code, ref, formula)
				}
				raw, _ := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
				if got := wonOf(t, raw); got != want.Get(tier) {
					t.Errorf("%s %s %s: cached %d, projects sum to %d", code, ref, tier, got, want.Get(tier))
				}
			}
			grand.Add(group)
			group = model.Budget{}
		case byCode[code] != nil:
			p := byCode[code]
			for _, tier := range model.AllTiers {
				raw, _ := f.GetCellValue(sh, cell(tierCol[tier], r), excelize.Options{RawCellValue: true})
				if got := wonOf(t, raw); got != p.Budget.Get(tier) {
					t.Errorf("%s %s: %d, want %d", code, tier, got, p.Budget.Get(tier))
				}
			}
			group.Add(p.Budget)
			delete(byCode, code)
		}
	}
	if len(byCode) != 0 || !totalSeen || subtotals != 5 {
		t.Fatalf("missing projects %v, total row %v, %d subtotals", len(byCode), totalSeen, subtotals)
	}
	// The summary's 분야별·재원별 합계 equals the register's 합계.
	srows, _ := f.GetRows(SheetSummary, excelize.Options{RawCellValue: true})
	found := false
	for i, r := range srows {
		if len(r) == 7 && r[0] == "합계" {
			for j, tier := range model.AllTiers {
				if got := wonOf(t, r[1+j]); got != grand.Get(tier) {
					t.Errorf("summary row %d %s: %d, want %d", i+1, tier, got, grand.Get(tier))
				}
				formula, _ := f.GetCellFormula(SheetSummary, cell(2+j, i+1))
				if !strings.HasPrefix(formula, "SUM(") {
					t.Errorf("summary formula %q", formula)
				}
			}
			found = true
		}
	}
	if !found {
		t.Fatal("no 분야별·재원별 합계 row in 총괄")
	}
	// The conflicts sheet lists each open conflict's values with file and cell.
	crows, _ := f.GetRows(SheetConflicts)
	n := 0
	for _, r := range crows[3:] {
		if len(r) >= 10 && r[7] != "" && r[9] != "" {
			n++
		}
	}
	want := 0
	for _, c := range d.Conflicts {
		want += len(c.Values)
	}
	if want == 0 || n != want {
		t.Fatalf("미해결 lists %d values, want %d", n, want)
	}
	// Page setup.
	dn := f.GetDefinedName()
	titles := 0
	for _, n := range dn {
		if n.Name == "_xlnm.Print_Titles" {
			titles++
		}
	}
	if titles < 5 {
		t.Fatalf("print titles on %d sheets", titles)
	}
	props, _ := f.GetDocProps()
	if props.Title == "" || props.Creator == "" || props.Created == "" {
		t.Fatalf("doc props %+v", props)
	}
}

func importInto(t *testing.T, reg *register.Register, path string, city model.City) *reconcile.Preview {
	t.Helper()
	pv, err := reconcile.ImportFile(bg, reg, path, reconcile.FileOptions{City: city})
	if err != nil {
		t.Fatalf("import %s: %v (%v)", filepath.Base(path), err, pv)
	}
	return pv
}

func TestRegisterRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path, d := exportFixtures(t, dir)
	orig := fixtureRegister(t)
	want := listJSON(t, orig)

	r2 := openRegister(t)
	pv := importInto(t, r2, path, "")
	if !pv.Master || len(pv.Added) != len(d.Projects) {
		t.Fatalf("import: master %v, added %d of %d", pv.Master, len(pv.Added), len(d.Projects))
	}
	for _, w := range pv.Warnings {
		if !strings.Contains(w, "시트") || !strings.Contains(w, "가져오지 않았습니다") {
			t.Errorf("warning: %s", w)
		}
	}
	got := listJSON(t, r2)
	if len(got) != len(want) {
		t.Fatalf("%d projects, want %d", len(got), len(want))
	}
	// The whole list --json, aliases, as-of dates and every city's contact
	// included, is identical.
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("project %v differs:\n got %v\nwant %v", want[i]["code"], got[i], want[i])
		}
	}

	// And the report of the re-imported register imports to exactly the same list.
	d2, err := Load(bg, r2, d.AsOf, "")
	if err != nil {
		t.Fatal(err)
	}
	path2 := filepath.Join(dir, "report2.xlsx")
	if err := Export(path2, d2, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	r3 := openRegister(t)
	importInto(t, r3, path2, "")
	if a, b := listJSON(t, r3), listJSON(t, r2); !reflect.DeepEqual(a, b) {
		t.Fatalf("second round trip differs")
	}
}

func TestOverwriteRefused(t *testing.T) {
	dir := t.TempDir()
	path, d := exportFixtures(t, dir)
	before, _ := os.ReadFile(path)
	err := Export(path, d, SaveOptions{})
	if !errors.Is(err, &msg.Error{ID: msgExists}) {
		t.Fatalf("want exists, got %v", err)
	}
	if !strings.Contains(err.Error(), "이미 있습니다") {
		t.Fatalf("message: %v", err)
	}
	if err := Export(path, d, SaveOptions{Force: true}); err != nil {
		t.Fatalf("force: %v", err)
	}
	// An imported original is never overwritten, not even with force.
	orig := filepath.Join(dir, "pohang.xlsx")
	data, _ := os.ReadFile(filepath.Join(fixtures, "pohang_2026-10.xlsx"))
	os.WriteFile(orig, data, 0o644)
	reg := fixtureRegister(t)
	prot, err := Protected(bg, reg)
	if err != nil || len(prot) != 4 {
		t.Fatalf("protected %v %v", prot, err)
	}
	err = Export(orig, d, SaveOptions{Force: true, Protected: prot})
	if !errors.Is(err, &msg.Error{ID: msgImported}) {
		t.Fatalf("want imported refusal, got %v", err)
	}
	if after, _ := os.ReadFile(orig); !slices.Equal(after, data) {
		t.Fatal("the imported file was changed")
	}
	// No temporary files are left behind.
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Fatalf("left behind: %s", e.Name())
		}
	}
	_ = before
}

func TestExcelLockMessage(t *testing.T) {
	dir := t.TempDir()
	d := fixtureReportData(t)
	path := filepath.Join(dir, "보고서.xlsx")
	os.WriteFile(filepath.Join(dir, "~$보고서.xlsx"), []byte("owner"), 0o644)
	err := Export(path, d, SaveOptions{Force: true})
	if !errors.Is(err, &msg.Error{ID: msgLocked}) {
		t.Fatalf("want lock message, got %v", err)
	}
	if !strings.Contains(err.Error(), "Excel에서 열려") {
		t.Fatalf("message: %v", err)
	}
	msg.SetLanguage(msg.English)
	defer msg.SetLanguage(msg.Korean)
	if !strings.Contains(err.Error(), "open in Excel") {
		t.Fatalf("english: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("written despite the lock")
	}
}

func TestVerifyCatchesADamagedWorkbook(t *testing.T) {
	dir := t.TempDir()
	path, _ := exportFixtures(t, dir)
	if err := verify(path, SheetNames()); err != nil {
		t.Fatalf("a good report fails verification: %v", err)
	}
	if err := verify(path, []string{"총괄"}); err == nil {
		t.Error("wrong sheet list not noticed")
	}
	b, _ := os.ReadFile(path)
	cut := filepath.Join(dir, "cut.xlsx")
	os.WriteFile(cut, b[:len(b)*2/3], 0o644)
	if err := verify(cut, SheetNames()); err == nil {
		t.Error("a truncated workbook passed verification")
	}
	flipped := append([]byte(nil), b...)
	flipped[len(b)/2] ^= 0xff
	bad := filepath.Join(dir, "flipped.xlsx")
	os.WriteFile(bad, flipped, 0o644)
	if err := verify(bad, SheetNames()); err == nil {
		t.Error("a corrupted byte passed verification")
	}
}
