package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

type profileJSON struct {
	ID         int64  `json:"id"`
	City       string `json:"city"`
	Unit       string `json:"unit"`
	UnitSource string `json:"unit_source"`
	AsOf       string `json:"as_of"`
	Batch      int64  `json:"batch"`
}

func profileList(t *testing.T, db string) []profileJSON {
	t.Helper()
	code, out, stderr := cli(t, "--db", db, "profile", "list", "--json")
	var list []profileJSON
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil {
		t.Fatalf("profile list: exit %d %s %s", code, stderr, out)
	}
	return list
}

// The Ulsan fixture is imported with its unit named; then the same layout
// arrives as a title-less CP949 CSV (LibreOffice's): no questions, the
// unit from the profile and said so. Deleting the profile asks again;
// undoing the import that saved it forgets it.
func TestTheSameLayoutAgainUsesTheProfile(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	csv := titleLessCSV(t)
	db := filepath.Join(t.TempDir(), "r.db") // empty: the register's amounts say nothing
	if code, out, stderr := cli(t, "--db", db, "import", "--unit", "천원", fixture("ulsan_2026-10.xlsx")); code != 0 {
		t.Fatalf("exit %d: %s %s", code, stderr, out)
	}
	list := profileList(t, db)
	if len(list) != 1 || list[0].City != "ulsan" || list[0].Unit != "천원" || list[0].UnitSource != "official" || list[0].AsOf != "2026-10-31" {
		t.Fatalf("profiles %+v", list)
	}
	id := strconv.FormatInt(list[0].ID, 10)
	code, out, stderr := cli(t, "--db", db, "import", "--dry-run", "--json", csv)
	if code != 0 {
		t.Fatalf("the same layout asked again: exit %d %s %s", code, stderr, out)
	}
	var pvs []struct {
		Understood struct {
			Unit     string `json:"unit"`
			UnitFrom string `json:"unit_from"`
			Profile  *struct {
				ID       int64    `json:"id"`
				Evidence string   `json:"evidence"`
				Took     []string `json:"took"`
			} `json:"profile"`
		} `json:"understood"`
	}
	if err := json.Unmarshal([]byte(out), &pvs); err != nil || len(pvs) != 1 {
		t.Fatalf("%v %.400s", err, out)
	}
	u := pvs[0].Understood
	if u.Unit != "천원" || !strings.Contains(u.UnitFrom, "2026-10 울산 자료와 같은 양식") || u.Profile == nil ||
		u.Profile.ID != list[0].ID || u.Profile.Evidence != "울산 양식, 2026-10-31 자료에서 확인" {
		t.Fatalf("understood %+v profile %+v", u, u.Profile)
	}
	if code, out, _ := cli(t, "--db", db, "import", "--dry-run", csv); code != 0 || !strings.Contains(out, "양식 profile "+id+": 울산 양식") {
		t.Fatalf("the text preview does not name the profile: %s", out)
	}
	if code, out, _ := cli(t, "--db", db, "import", "--dry-run", "--no-profile", csv); code != 1 || !strings.Contains(out, "--unit 천원") {
		t.Fatalf("--no-profile: exit %d %s", code, out)
	}
	if code, out, _ := cli(t, "--db", db, "profile", "show", id); code != 0 || !strings.Contains(out, "천원 (지정함 / named)") ||
		!strings.Contains(out, "I 총사업비") {
		t.Fatalf("profile show: exit %d %s", code, out)
	}
	if code, _, _ := cli(t, "--db", db, "profile", "show", "99"); code != 1 {
		t.Fatalf("showing a missing profile: exit %d, want 1", code)
	}
	if code, _, _ := cli(t, "--db", db, "profile", "show", "x"); code != 2 {
		t.Fatalf("a profile number that is not one: exit %d, want 2", code)
	}

	if code, out, stderr := cli(t, "--db", db, "profile", "delete", id); code != 0 || !strings.Contains(out, "profile deleted") {
		t.Fatalf("delete: exit %d %s %s", code, out, stderr)
	}
	if code, out, _ := cli(t, "--db", db, "import", "--dry-run", csv); code != 1 || !strings.Contains(out, "--unit 천원") {
		t.Fatalf("deleted, yet not asked again: exit %d %s", code, out)
	}
	cli(t, "--db", db, "undo") // the deletion
	if len(profileList(t, db)) != 1 {
		t.Fatal("undoing the deletion did not bring the profile back")
	}
	cli(t, "--db", db, "undo") // the import that saved it
	if left := profileList(t, db); len(left) != 0 {
		t.Fatalf("undoing the import left %+v", left)
	}
	if code, _, _ := cli(t, "--db", db, "import", "--dry-run", csv); code != 1 {
		t.Fatalf("no profile, no evidence, yet no question: exit %d", code)
	}
}

// import --dry-run --json gives each changed value the same city's
// previous sheet's value (지난 제출 대비): Ulsan's November sheet reports
// a new progress for a project it leads; the register's value and Ulsan's
// October value are both the answer key's.
func TestDryRunShowsThePreviousSheet(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	for _, f := range []string{"master_2026.xlsx", "ulsan_2026-10.xlsx"} {
		if code, _, stderr := cli(t, "--db", db, "import", fixture(f)); code != 0 {
			t.Fatal(stderr)
		}
	}
	var key struct {
		Projects []struct {
			Code     string  `json:"code"`
			Name     string  `json:"name"`
			LeadCity string  `json:"lead_city"`
			Progress float64 `json:"progress_pct"`
		} `json:"projects"`
	}
	data, _ := os.ReadFile(fixture("expected.json"))
	if err := json.Unmarshal(data, &key); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(fixture("ulsan_2026-10.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	const s = "해오름동맹"
	f.SetCellValue(s, "A3", "기준일: 2026-11-30   단위: 천원")
	name, _ := f.GetCellValue(s, "D6")
	var code string
	var progress float64
	for _, p := range key.Projects {
		if p.LeadCity == "ulsan" && p.Name == name {
			code, progress = p.Code, p.Progress
		}
	}
	if code == "" {
		t.Fatalf("row 6 (%s) is not an Ulsan-led project of the key", name)
	}
	f.SetCellValue(s, "O6", 0.777)
	nov := filepath.Join(dir, "ulsan_2026-11.xlsx")
	if err := f.SaveAs(nov); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code2, out, stderr := cli(t, "--db", db, "import", "--dry-run", "--json", nov)
	if code2 != 0 {
		t.Fatalf("exit %d %s", code2, stderr)
	}
	var pvs []struct {
		Changed []struct {
			Code     string `json:"code"`
			Field    string `json:"field"`
			Old      string `json:"old"`
			New      string `json:"new"`
			Previous *struct {
				Value string `json:"value"`
				AsOf  string `json:"as_of"`
				File  string `json:"file"`
			} `json:"previous"`
		} `json:"changed"`
	}
	if err := json.Unmarshal([]byte(out), &pvs); err != nil || len(pvs) != 1 || len(pvs[0].Changed) != 1 {
		t.Fatalf("%v %.1500s", err, out)
	}
	c := pvs[0].Changed[0]
	old, _ := strconv.ParseFloat(c.Old, 64)
	if c.Code != code || c.Field != "progress_pct" || c.New != "77.7" || old != progress || c.Previous == nil {
		t.Fatalf("%+v, key %s %v", c, code, progress)
	}
	prev, _ := strconv.ParseFloat(c.Previous.Value, 64)
	if prev != progress || c.Previous.AsOf != "2026-10-31" || !strings.HasSuffix(c.Previous.File, "ulsan_2026-10.xlsx") {
		t.Fatalf("previous %+v, key %v", c.Previous, progress)
	}
	if code2, text, _ := cli(t, "--db", db, "import", "--dry-run", nov); code2 != 0 || !strings.Contains(text, "지난 제출 last sheet (2026-10-31)") {
		t.Fatalf("the text preview lacks the previous sheet: %s", text)
	}
}
