package reconcile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// titleLess writes a city fixture's table as a CSV saved without its title
// lines (no unit, no 기준일: the as-of is in the file's name), with edit
// applied to its rows first.
func titleLess(t *testing.T, fixture, name string, edit func(g grid, head int)) string {
	t.Helper()
	g, tb := renderedGrid(t, filepath.Join(fixtures(t), fixture))
	head := tb.HeaderRows[0] - 1
	if edit != nil {
		edit(g, head)
	}
	g = g[head:]
	g.replace("사업비(백만원)", "사업비") // Pohang's header states its unit
	path := filepath.Join(t.TempDir(), name)
	g.writeCSV(t, path, true)
	return path
}

func profilesOf(t *testing.T, r *register.Register) []register.Profile {
	t.Helper()
	list, err := r.Profiles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func refusedForTheUnit(t *testing.T, pv *Preview, err error) {
	t.Helper()
	if !errors.Is(err, ErrRefused) || pv == nil || !strings.Contains(strings.Join(pv.Errors, " "), "--unit") {
		t.Fatalf("not refused naming --unit: %v %+v", err, pv)
	}
}

// The official names the unit of a title-less CSV once; the next sheet of
// the same layout from the same city is read with no question, the unit
// taken from the profile and said so; deleting the profile asks again, and
// undoing the deletion brings the answer back.
func TestTheNextSheetOfTheLayoutNeedsNoQuestions(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t) // empty: the register's amounts give no evidence
	csv := titleLess(t, "ulsan_2026-10.xlsx", "현황_2026-10.csv", nil)
	pv, err := ImportFile(ctx, r, csv, FileOptions{Options: Options{DryRun: true}})
	refusedForTheUnit(t, pv, err)
	if pv, err = ImportFile(ctx, r, csv, FileOptions{Unit: value.Cheon}); err != nil || !pv.Applied {
		t.Fatalf("with the unit named: %v %+v", err, pv)
	}
	saved := profilesOf(t, r)
	if len(saved) != 1 || saved[0].City != model.Ulsan || saved[0].Unit != "천원" || saved[0].UnitSource != register.UnitOfficial ||
		saved[0].AsOf != "2026-10-31" || len(saved[0].Headers) != 21 {
		t.Fatalf("saved %+v", saved)
	}

	next := titleLess(t, "ulsan_2026-10.xlsx", "현황_2026-11.csv", nil)
	pv, err = ImportFile(ctx, r, next, FileOptions{Options: Options{DryRun: true}})
	if err != nil || len(pv.Errors) > 0 {
		t.Fatalf("the same layout asked again: %v %v", err, pv.Errors)
	}
	u := pv.Understood
	if u.Unit != "천원" || !strings.Contains(u.UnitFrom, "2026-10 울산 자료와 같은 양식") || !strings.Contains(u.UnitFrom, "저장된 양식에서") {
		t.Fatalf("unit %q from %q", u.Unit, u.UnitFrom)
	}
	if u.Profile == nil || u.Profile.ID != saved[0].ID || u.Profile.Evidence != "울산 양식, 2026-10-31 자료에서 확인" ||
		!slices.Contains(u.Profile.Took, TookUnit) {
		t.Fatalf("profile %+v", u.Profile)
	}
	msg.SetLanguage(msg.English)
	pv, _ = ImportFile(ctx, r, next, FileOptions{Options: Options{DryRun: true}})
	msg.SetLanguage(msg.Korean)
	if !strings.Contains(pv.Understood.UnitFrom, "from profile") || !strings.Contains(pv.Understood.Profile.Evidence, "Ulsan's layout") {
		t.Fatalf("in English: %q, %q", pv.Understood.UnitFrom, pv.Understood.Profile.Evidence)
	}

	// the official says otherwise: that wins, and --no-profile reads it as new
	pv, _ = ImportFile(ctx, r, next, FileOptions{Unit: value.Baekman, Options: Options{DryRun: true}})
	if pv.Understood.Unit != "백만원" || pv.Understood.UnitFrom != "지정함" || slices.Contains(pv.Understood.Profile.Took, TookUnit) {
		t.Fatalf("the official's unit did not win: %+v", pv.Understood)
	}
	pv, err = ImportFile(ctx, r, next, FileOptions{NoProfile: true, Options: Options{DryRun: true}})
	refusedForTheUnit(t, pv, err)
	if pv.Understood.Profile != nil {
		t.Fatalf("read with a profile despite NoProfile: %+v", pv.Understood.Profile)
	}

	if _, err := r.DeleteProfile(ctx, saved[0].ID); err != nil {
		t.Fatal(err)
	}
	pv, err = ImportFile(ctx, r, next, FileOptions{Options: Options{DryRun: true}})
	refusedForTheUnit(t, pv, err)
	if _, err := r.Undo(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if pv, err = ImportFile(ctx, r, next, FileOptions{Options: Options{DryRun: true}}); err != nil {
		t.Fatalf("undoing the deletion did not bring the profile back: %v", err)
	}
}

// Undoing the import that taught a profile forgets it.
func TestUndoingTheImportForgetsItsProfile(t *testing.T) {
	r := newRegister(t)
	csv := titleLess(t, "ulsan_2026-10.xlsx", "현황_2026-10.csv", nil)
	pv, err := ImportFile(ctx, r, csv, FileOptions{Unit: value.Cheon})
	if err != nil || len(profilesOf(t, r)) != 1 {
		t.Fatalf("%v %d profiles", err, len(profilesOf(t, r)))
	}
	if _, err := r.Undo(ctx, pv.Batch); err != nil {
		t.Fatal(err)
	}
	if left := profilesOf(t, r); len(left) != 0 {
		t.Fatalf("the undone import's profile is still there: %+v", left)
	}
	pv, err = ImportFile(ctx, r, csv, FileOptions{Options: Options{DryRun: true}})
	refusedForTheUnit(t, pv, err)
}

// The sheet stated its unit last month; this month's CSV of the same form
// does not. The earlier sheet and the register's amounts agree: strong,
// used, and both are named.
func TestUnitFromTheSameCitysEarlierSheetAgreesWithTheRegister(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t)
	for _, f := range []string{"master_2026.xlsx", "ulsan_2026-10.xlsx"} {
		if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), f), FileOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if p := profilesOf(t, r); len(p) != 1 || p[0].Unit != "천원" || p[0].UnitSource != register.UnitStated {
		t.Fatalf("the stated unit was not remembered: %+v", p)
	}
	csv := titleLess(t, "ulsan_2026-10.xlsx", "현황_2026-11.csv", nil)
	pv, err := ImportFile(ctx, r, csv, FileOptions{Options: Options{DryRun: true}})
	if err != nil {
		t.Fatal(err)
	}
	from := pv.Understood.UnitFrom
	if pv.Understood.Unit != "천원" || !strings.Contains(from, "등록부 금액") || !strings.Contains(from, "2026-10 울산 자료와 같은 양식") {
		t.Fatalf("unit %q from %q", pv.Understood.Unit, from)
	}
}

// When the earlier sheet of the layout says one unit and the register's
// amounts another, nothing is guessed: the import is refused naming --unit
// and a warning says how the evidence is split.
func TestSplitUnitEvidenceIsRefused(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t)
	if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "master_2026.xlsx"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	csv := titleLess(t, "ulsan_2026-10.xlsx", "현황_2026-11.csv", nil)
	tb, _, err := ReadFile(csv, FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wrong := register.Profile{City: model.Ulsan, Fingerprint: tb.Fingerprint(), Unit: "백만원", UnitSource: register.UnitOfficial,
		File: "old.csv", AsOf: "2026-09-30"}
	if _, err := r.Write(ctx, register.Batch{Kind: register.KindImport}, func(tx *register.Tx) error { return tx.PutProfile(wrong) }); err != nil {
		t.Fatal(err)
	}
	pv, err := ImportFile(ctx, r, csv, FileOptions{Options: Options{DryRun: true}})
	refusedForTheUnit(t, pv, err)
	if w := strings.Join(pv.Warnings, " "); !strings.Contains(w, "엇갈립니다") || !strings.Contains(w, "백만원") || !strings.Contains(w, "천원") {
		t.Fatalf("the split is not explained: %s", w)
	}
	// the warning belongs to the reading: the table stays what Locate found
	rd, err := Understand(ctx, r, csv, FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Table.Warnings) != len(tb.Warnings) {
		t.Errorf("understanding added %d warnings to the located table", len(rd.Table.Warnings)-len(tb.Warnings))
	}
}

// A sheet that does not say whose it is (Pohang's and Gyeongju's tier
// labels are the same) takes the city an official named for its layout.
func TestTheCityFromTheProfile(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t)
	csv := titleLess(t, "pohang_2026-10.xlsx", "현황_2026-10.csv", nil)
	if pv, err := ImportFile(ctx, r, csv, FileOptions{City: model.Pohang, Unit: value.Baekman}); err != nil {
		t.Fatalf("%v %v", err, pv.Errors)
	}
	if p := profilesOf(t, r); len(p) != 1 || !p[0].CityDecided || p[0].City != model.Pohang {
		t.Fatalf("%+v", p)
	}
	pv, err := ImportFile(ctx, r, csv, FileOptions{Options: Options{DryRun: true}})
	if err != nil {
		t.Fatalf("%v %v", err, pv.Errors)
	}
	u := pv.Understood
	if u.City != model.Pohang || !strings.Contains(u.CityFrom, "저장된 양식에서") || u.Unit != "백만원" ||
		!slices.Contains(u.Profile.Took, TookCity) || u.Profile.Evidence != "포항 양식, 2026-10-31 자료에서 확인" {
		t.Fatalf("%+v / %+v", u, u.Profile)
	}
}

// Each changed value shows the register's value and what the same city's
// previous sheet said (지난 제출 대비), here against the answer key: the
// register holds the key's values after the October sheets, and Ulsan's
// October sheet said the same of the projects it leads.
func TestChangedValuesShowThePreviousSheet(t *testing.T) {
	k := loadKey(t)
	r := newRegister(t)
	importAll(t, r, k)
	var code, name string
	var progress float64
	csv := titleLess(t, "ulsan_2026-10.xlsx", "현황_2026-11.csv", func(g grid, head int) {
		for i := head + 1; i < len(g) && code == ""; i++ {
			for _, p := range k.Projects {
				if p.LeadCity == "ulsan" && len(g[i]) > 14 && value.NormalizeName(g[i][3].Value) == value.NormalizeName(p.Name) {
					code, name, progress = p.Code, p.Name, p.Progress
					g[i][14] = sheet.Cell{Value: "77.7%", Type: sheet.TypeString}
					break
				}
			}
		}
	})
	if code == "" {
		t.Fatal("no Ulsan-led project found by its name in Ulsan's sheet")
	}
	pv, err := ImportFile(ctx, r, csv, FileOptions{Options: Options{DryRun: true}})
	if err != nil {
		t.Fatalf("%v %v", err, pv.Errors)
	}
	var got *Change
	for i, c := range pv.Changed {
		if c.Code == code && c.Field == model.FProgress {
			got = &pv.Changed[i]
		}
	}
	if got == nil || got.Previous == nil {
		t.Fatalf("%s %s: no change with its previous sheet in %+v", code, name, pv.Changed)
	}
	old, _ := strconv.ParseFloat(got.Old, 64)
	prev, _ := strconv.ParseFloat(got.Previous.Value, 64)
	if old != progress || prev != progress || got.New != "77.7" || got.Previous.AsOf != "2026-10-31" ||
		!strings.HasSuffix(got.Previous.File, "ulsan_2026-10.xlsx") {
		t.Fatalf("%s: %+v previous %+v, key %v", code, got, got.Previous, progress)
	}
	if len(pv.Changed) != 1 {
		t.Errorf("only one value was edited, %d changed: %+v", len(pv.Changed), pv.Changed)
	}
}

// An official's column decisions are remembered with the layout and given
// again to the next sheet (layout applies them); a decision the official
// takes now for the same column wins over the remembered one.
func TestColumnDecisionsAreRemembered(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t)
	csv := titleLess(t, "ulsan_2026-10.xlsx", "현황_2026-10.csv", nil)
	ignoreSeq := []layout.ColumnChoice{{Col: 1, Means: layout.Ignore}}
	if _, err := ImportFile(ctx, r, csv, FileOptions{Unit: value.Cheon, Columns: ignoreSeq}); err != nil {
		t.Fatal(err)
	}
	p := profilesOf(t, r)
	if len(p) != 1 || len(p[0].Columns) != 1 || p[0].Columns[0] != (register.ProfileColumn{Col: 1, Means: layout.Ignore}) {
		t.Fatalf("%+v", p)
	}
	pv, err := ImportFile(ctx, r, csv, FileOptions{Options: Options{DryRun: true}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(pv.Understood.Profile.Took, TookColumns) || pv.Understood.Columns[0].From != "저장된 양식에서" {
		t.Fatalf("took %v, column A %+v", pv.Understood.Profile.Took, pv.Understood.Columns[0])
	}
	if rd := readingOfPath(t, r, csv, FileOptions{}); len(rd.columns) != 1 || !rd.fromProfile[1] {
		t.Fatalf("the remembered decision is not handed to layout: %+v", rd)
	}
	own := []layout.ColumnChoice{{Col: 1, Means: "budget_won.other"}}
	if rd := readingOfPath(t, r, csv, FileOptions{Columns: own}); len(rd.columns) != 1 || rd.columns[0] != own[0] || rd.fromProfile[1] {
		t.Fatalf("the official's decision did not win: %+v", rd)
	}
}

func readingOfPath(t *testing.T, r *register.Register, path string, o FileOptions) *reading {
	t.Helper()
	read, err := Understand(ctx, r, path, o)
	if err != nil {
		t.Fatal(err)
	}
	rd := read.how
	if rd == nil {
		t.Fatal("Understand left no reading")
	}
	return rd
}

// A workbook with two tables: the official chose the one the finder does
// not pick. The next workbook of the form is read from the sheet chosen
// then, and says so.
func TestTheSheetChosenLastTime(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	g, _ := renderedGrid(t, filepath.Join(fixtures(t), "ulsan_2026-10.xlsx"))
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.xlsx")
	g.writeXLSX(t, plain)
	f, err := excelize.OpenFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	f.SetSheetName("Sheet1", "나")
	idx, _ := f.NewSheet("가")
	src, _ := f.GetSheetIndex("나")
	if err := f.CopySheet(src, idx); err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("가", "O5", "추진율") // another header: another layout
	book := filepath.Join(dir, "현황_2026-10.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	found, _, err := ReadFile(book, FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	other := map[string]string{"가": "나", "나": "가"}[found.Sheet]
	r := newRegister(t)
	if _, err := ImportFile(ctx, r, book, FileOptions{Sheet: other}); err != nil {
		t.Fatal(err)
	}
	if p := profilesOf(t, r); len(p) != 1 || p[0].Sheet != other {
		t.Fatalf("%+v", p)
	}
	pv, err := ImportFile(ctx, r, book, FileOptions{Options: Options{DryRun: true}})
	if err != nil {
		t.Fatal(err)
	}
	u := pv.Understood
	if u.Sheet != other || !slices.Contains(u.Profile.Took, TookSheet) || !strings.Contains(u.SheetFrom, "저장된 양식에서") {
		t.Fatalf("read %q (finder: %q, chosen: %q), profile %+v, from %q", u.Sheet, found.Sheet, other, u.Profile, u.SheetFrom)
	}
}

// A layout whose header the finder cannot score is read at the header row
// an official named for it before: the next sheet of that layout needs no
// question, and the preview says where the row came from. Another layout
// is not read at that row, and --no-profile reads as if new.
func TestTheHeaderRowFromTheProfile(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t)
	write := func(name, rows string) string {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, []byte("해오름동맹 과제 목록\r\n과제명,총사업비(백만원)\r\n"+rows), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	first := write("목록_2026-10.csv", "해안 산책로 잇기,\"1,200\"\r\n")
	if _, err := ImportFile(ctx, r, first, FileOptions{}); !errors.Is(err, layout.ErrNoTable) {
		t.Fatalf("the header cannot be found without help: %v", err)
	}
	pv, err := ImportFile(ctx, r, first, FileOptions{HeaderRow: 2, City: model.Pohang, Options: Options{AddNew: true}})
	if err != nil {
		t.Fatalf("%v %v", err, pv.Errors)
	}
	if p := profilesOf(t, r); len(p) != 1 || p[0].HeaderRow != 2 {
		t.Fatalf("the profile does not keep the header row: %+v", p)
	}

	next := write("목록_2026-11.csv", "해안 산책로 잇기,\"1,500\"\r\n")
	pv, err = ImportFile(ctx, r, next, FileOptions{City: model.Pohang})
	if err != nil {
		t.Fatalf("the next sheet of the layout: %v %v", err, pv.Errors)
	}
	u := pv.Understood
	if u.HeaderRow != 2 || !strings.Contains(u.HeaderRowFrom, "저장된 양식") || u.Profile == nil || !slices.Contains(u.Profile.Took, TookHeaderRow) {
		t.Fatalf("header row %d from %q, profile %+v", u.HeaderRow, u.HeaderRowFrom, u.Profile)
	}
	if len(pv.Changed) != 1 || pv.Changed[0].New != "1500000000" {
		t.Fatalf("changes %+v", pv.Changed)
	}

	if _, err := ImportFile(ctx, r, next, FileOptions{City: model.Pohang, NoProfile: true, Options: Options{DryRun: true}}); !errors.Is(err, layout.ErrNoTable) {
		t.Errorf("--no-profile still used the profile's header row: %v", err)
	}
	other := filepath.Join(t.TempDir(), "목록_2026-12.csv")
	if err := os.WriteFile(other, []byte("해오름동맹 과제 목록\r\n과제명,비고\r\n해안 산책로 잇기,메모\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportFile(ctx, r, other, FileOptions{City: model.Pohang, Options: Options{DryRun: true}}); !errors.Is(err, layout.ErrNoTable) {
		t.Errorf("another layout was read at the profile's header row: %v", err)
	}
}
