package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/round"
	"github.com/haeoreum/register/data/sheet/sheettest"
)

// answerKey is what the test needs of the fixtures' expected.json.
type answerKey struct {
	Projects []struct {
		Code     string           `json:"code"`
		Name     string           `json:"name"`
		LeadCity string           `json:"lead_city"`
		Start    string           `json:"start"`
		End      *string          `json:"end"`
		Budget   map[string]int64 `json:"budget_won"`
		Progress float64          `json:"progress_pct"`
	} `json:"projects"`
	MasterProgress map[string]float64 `json:"master_progress_pct"`
}

func readAnswerKey(t *testing.T) answerKey {
	t.Helper()
	b, err := os.ReadFile(fixture("expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var k answerKey
	if err := json.Unmarshal(b, &k); err != nil {
		t.Fatal(err)
	}
	return k
}

// masterRow is a project as the master states it, read straight from the
// workbook (not through our importer): its budget in won and its period.
type masterRow struct {
	budget     [6]int64 // 계, 국비, 광역비, 기초비, 민자, 기타
	start, end string
}

func readMaster(t *testing.T) map[string]masterRow {
	t.Helper()
	f, err := excelize.OpenFile(fixture("master_2026.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("사업목록", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]masterRow{}
	for _, r := range rows[1:] {
		var m masterRow
		for i := range 6 {
			m.budget[i], _ = strconv.ParseInt(r[8+i], 10, 64)
		}
		m.start, m.end = r[6], r[7]
		out[r[0]] = m
	}
	return out
}

// fillProgress writes 추진율 into a city's template for the projects named,
// as the city's officer would, and saves it as path.
func fillProgress(t *testing.T, template, path string, progress map[string]float64) {
	t.Helper()
	f, err := excelize.OpenFile(template)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("추진현황")
	nameCol, progCol := 0, 0
	for _, r := range rows[2:4] {
		for i, h := range r {
			switch strings.TrimSpace(h) {
			case "사업명":
				nameCol = i
			case "추진율(%)":
				progCol = i
			}
		}
	}
	filled := 0
	for i, r := range rows {
		if i < 4 || nameCol >= len(r) {
			continue
		}
		if v, ok := progress[strings.TrimSpace(r[nameCol])]; ok {
			ref, _ := excelize.CoordinatesToCellName(progCol+1, i+1)
			if err := f.SetCellValue("추진현황", ref, v); err != nil {
				t.Fatal(err)
			}
			filled++
		}
	}
	if filled != len(progress) {
		t.Fatalf("filled %d of %d projects in %s", filled, len(progress), template)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// Two rounds end to end, as issue 13 asks: round 1 as of 2026-06-30 from
// the master; round 2 as of 2026-10-31 with templates issued, Pohang's and
// Ulsan's sheets imported, Gyeongju's return made from its template,
// renamed to a misleading name and re-saved by LibreOffice, recognised by
// the round it carries; a refused sheet shown as refused; Pohang's chase
// workbook whose fixed return closes its items; and the round report's
// "changed since round 1" equal to what the answer key says changed.
func TestTwoRoundsEndToEnd(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	const r1, r2 = "2026 상반기 실무협의회", "2026 하반기 실무협의회"
	mustCLI(t, "--db", db, "round", "new", "--name", r1, "--as-of", "2026-06-30")
	mustCLI(t, "--db", db, "import", fixture("master_2026.xlsx"))
	mustCLI(t, "--db", db, "round", "close")

	mustCLI(t, "--db", db, "round", "new", "--name", r2, "--as-of", "2026-10-31", "--due", "2026-11-10")
	tpl := filepath.Join(dir, "templates")
	mustCLI(t, "--db", db, "round", "templates", "--out", tpl)
	st := roundStatus(t, db)
	for city, cs := range st {
		if cs.Issued == nil || cs.Received != nil || cs.Batch != 0 {
			t.Fatalf("after the templates, %s: issued %v, received %v", city, cs.Issued, cs.Received)
		}
	}

	// Pohang and Ulsan send their own sheets; a broken one of Pohang's is refused first.
	bad := filepath.Join(dir, "pohang_추진현황_오류.xlsx")
	copyFile(t, fixture("bad/wrong_units.xlsx"), bad)
	if code, _, stderr := cli(t, "--db", db, "import", "--city", "pohang", bad); code != 1 || !strings.Contains(stderr, "거부됨") {
		t.Fatalf("the broken sheet: exit %d %s", code, stderr)
	}
	st = roundStatus(t, db)
	if ref := st["pohang"].Refused; ref == nil || ref.File != filepath.Base(bad) || ref.WhyKo == "" || ref.SHA256 == "" {
		t.Fatalf("pohang's refused sheet: %+v", st["pohang"].Refused)
	}
	mustCLI(t, "--db", db, "import", fixture("pohang_2026-10.xlsx"), fixture("ulsan_2026-10.xlsx"))
	st = roundStatus(t, db)
	if st["pohang"].Refused != nil || st["pohang"].Received == nil || st["ulsan"].Received == nil || st["gyeongju"].Received != nil {
		t.Fatalf("after Pohang's and Ulsan's sheets: %+v", st)
	}

	// Gyeongju fills in its template, renames it to a name that says
	// Ulsan, and LibreOffice saves it again.
	key := readAnswerKey(t)
	progress := map[string]float64{}
	for _, p := range key.Projects {
		if p.LeadCity == "gyeongju" {
			progress[p.Name] = p.Progress
		}
	}
	renamed := filepath.Join(dir, "울산_회신_최종.xlsx")
	fillProgress(t, filepath.Join(tpl, r2+"_경주.xlsx"), renamed, progress)
	back := sheettest.Resave(t, renamed)
	m, ok := round.ReadMark(back)
	if !ok || m.City != "gyeongju" || m.Round != r2 || m.AsOf != "2026-10-31" {
		t.Fatalf("the re-saved return's mark: %+v %v", m, ok)
	}
	var pv []struct {
		City string `json:"city"`
	}
	_, out, _ := cli(t, "--db", db, "import", "--dry-run", "--json", back)
	if err := json.Unmarshal([]byte(out), &pv); err != nil || len(pv) != 1 || pv[0].City != "gyeongju" {
		t.Fatalf("the re-saved return is not read as Gyeongju's: %v %.400s", err, out)
	}
	mustCLI(t, "--db", db, "import", back)
	st = roundStatus(t, db)
	if g := st["gyeongju"]; g.Received == nil || g.Received.File != filepath.Base(back) || g.Batch == 0 {
		t.Fatalf("gyeongju's return not received: %+v", g)
	}

	// Pohang's chase workbook asks for its officers; the fixed return closes it.
	if n := contactsEmpty(t, db); n == 0 {
		t.Fatal("Pohang's sheet should leave contacts empty")
	}
	chase := filepath.Join(dir, "보완요청_포항.xlsx")
	mustCLI(t, "--db", db, "round", "chase", "--city", "pohang", "--out", chase)
	fixed := filepath.Join(dir, "포항_보완.xlsx")
	fillContacts(t, chase, fixed)
	mustCLI(t, "--db", db, "import", fixed)
	if n := contactsEmpty(t, db); n != 0 {
		t.Fatalf("the fixed return left %d contacts empty", n)
	}

	// The round's report: changed since round 1, as the answer key says.
	report := filepath.Join(dir, "차수보고서.xlsx")
	mustCLI(t, "--db", db, "export", "--round", r2, "--out", report)
	checkRoundReport(t, report, key, readMaster(t))
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// fillContacts puts an officer and a phone into every cell the chase
// workbook commented on as missing them, and saves the result as path.
func fillContacts(t *testing.T, chase, path string) {
	t.Helper()
	f, err := excelize.OpenFile(chase)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	comments, err := f.GetComments("추진현황")
	if err != nil || len(comments) == 0 {
		t.Fatalf("no comments in the chase workbook: %v", err)
	}
	for _, c := range comments {
		col, row, _ := excelize.CellNameToCoordinates(c.Cell)
		if head, _ := f.GetCellValue("추진현황", cellAt(col, 3)); head != "담당자" {
			continue
		}
		f.SetCellValue("추진현황", cellAt(col, row), "김해오")
		f.SetCellValue("추진현황", cellAt(col+1, row), "054-270-2000")
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func cellAt(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

// checkRoundReport compares 변경 내역 with the answer key: 추진율 from the
// master's to the key's, and budget and period changed exactly where the
// key differs from the master.
func checkRoundReport(t *testing.T, path string, key answerKey, master map[string]masterRow) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("변경 내역")
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string][]string{}
	for _, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], "HA-") {
			byCode[r[0]] = append(r, make([]string, 9)...)
		}
	}
	if len(byCode) != len(key.Projects) {
		t.Fatalf("변경 내역 lists %d projects, the key %d", len(byCode), len(key.Projects))
	}
	tiers := []string{"total", "national", "regional", "local", "private", "other"}
	for _, p := range key.Projects {
		r := byCode[p.Code]
		old, now := key.MasterProgress[p.Code], p.Progress
		if r[3] != fmtProgress(old) || r[4] != fmtProgress(now) {
			t.Errorf("%s 추진율: report %s → %s, key %v → %v", p.Code, r[3], r[4], old, now)
		}
		m := master[p.Code]
		budgetChanged := false
		for i, tier := range tiers {
			budgetChanged = budgetChanged || m.budget[i] != p.Budget[tier]
		}
		if (r[6] != "") != budgetChanged {
			t.Errorf("%s 사업비 변경 %q, the key says changed: %v", p.Code, r[6], budgetChanged)
		}
		end := ""
		if p.End != nil {
			end = *p.End
		}
		periodChanged := m.start != p.Start || m.end != end
		if (r[7] != "") != periodChanged {
			t.Errorf("%s 사업기간 변경 %q, the key says changed: %v", p.Code, r[7], periodChanged)
		}
	}
}

func fmtProgress(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
