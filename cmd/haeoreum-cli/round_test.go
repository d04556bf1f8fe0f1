package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// roundCity is one city of `round status --json`.
type roundCity struct {
	Issued   *string `json:"issued"`
	Received *struct {
		File   string `json:"file"`
		SHA256 string `json:"sha256"`
		At     string `json:"at"`
	} `json:"received"`
	Batch   int64 `json:"batch"`
	Refused *struct {
		File   string `json:"file"`
		SHA256 string `json:"sha256"`
		WhyKo  string `json:"why_ko"`
	} `json:"refused"`
	MissingProjects []string            `json:"missing_projects"`
	EmptyFields     []map[string]string `json:"empty_fields"`
	Stale           []map[string]string `json:"stale"`
	OpenConflicts   []int64             `json:"open_conflicts"`
}

func roundStatus(t *testing.T, db string, args ...string) map[string]roundCity {
	t.Helper()
	code, out, stderr := cli(t, append([]string{"--db", db, "round", "status", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("round status: exit %d %s", code, stderr)
	}
	var st map[string]roundCity
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("round status --json: %v\n%s", err, out)
	}
	for _, city := range []string{"pohang", "ulsan", "gyeongju"} {
		c, ok := st[city]
		if !ok || c.MissingProjects == nil || c.EmptyFields == nil || c.Stale == nil || c.OpenConflicts == nil {
			t.Fatalf("round status --json lacks %s or one of its lists: %s", city, out)
		}
	}
	return st
}

func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := cli(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d %s", args, code, stderr)
	}
	return out
}

// plantedConflicts reads the answer key's conflicts: code, lead and other city.
func plantedConflicts(t *testing.T) [][3]string {
	t.Helper()
	b, err := os.ReadFile(fixture("expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Conflicts []map[string]any `json:"conflicts"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	var out [][3]string
	for _, c := range raw.Conflicts {
		out = append(out, [3]string{c["code"].(string), c["lead_city"].(string), c["other_city"].(string)})
	}
	return out
}

// conflictCodesByID maps the open conflicts' ids to their project codes.
func conflictCodesByID(t *testing.T, db string) map[int64]string {
	t.Helper()
	var cs []struct {
		ID   int64  `json:"id"`
		Code string `json:"code"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "--db", db, "conflicts", "--json")), &cs); err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, c := range cs {
		out[c.ID] = c.Code
	}
	return out
}

// Two rounds over the fixtures, through the command line: round 1 as of
// 2026-06-30 from the master, round 2 as of 2026-10-31 with templates
// issued and the three city sheets imported one at a time.
func TestRoundsEndToEnd(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	db := filepath.Join(t.TempDir(), "r.db")
	mustCLI(t, "--db", db, "import", fixture("master_2026.xlsx"))
	mustCLI(t, "--db", db, "round", "new", "--name", "2026 상반기 실무협의회", "--as-of", "2026-06-30")
	for city, c := range roundStatus(t, db) {
		if c.Received != nil || c.Batch != 0 || c.Issued != nil || len(c.MissingProjects)+len(c.Stale)+len(c.OpenConflicts) != 0 {
			t.Errorf("round 1, %s: %+v", city, c)
		}
	}
	code, _, stderr := cli(t, "--db", db, "round", "new", "--name", "2026 하반기 실무협의회", "--as-of", "2026-10-31")
	if code != 1 || !strings.Contains(stderr, "2026 상반기 실무협의회") || !strings.Contains(stderr, "마감") {
		t.Errorf("a second open round: exit %d %q", code, stderr)
	}
	mustCLI(t, "--db", db, "round", "close")
	mustCLI(t, "--db", db, "round", "new", "--name", "2026 하반기 실무협의회", "--as-of", "2026-10-31", "--due", "2026-11-10")

	dir := filepath.Join(t.TempDir(), "서식")
	mustCLI(t, "--db", db, "round", "templates", "--out", dir)
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) != 3 {
		t.Fatalf("templates written: %v", files)
	}
	for city, c := range roundStatus(t, db) {
		if c.Issued == nil || c.Received != nil {
			t.Errorf("after templates, %s: issued %v received %v", city, c.Issued, c.Received)
		}
	}

	planted := plantedConflicts(t)
	sent := map[string]bool{}
	batches := map[string]int64{}
	for _, city := range []string{"pohang", "ulsan", "gyeongju"} {
		file := city + "_2026-10.xlsx"
		var pv []struct {
			Batch int64 `json:"batch"`
		}
		if err := json.Unmarshal([]byte(mustCLI(t, "--db", db, "import", "--json", fixture(file))), &pv); err != nil || len(pv) != 1 {
			t.Fatalf("import %s: %v", file, err)
		}
		sent[city], batches[city] = true, pv[0].Batch
		st := roundStatus(t, db)
		byID := conflictCodesByID(t, db)
		for _, c := range []string{"pohang", "ulsan", "gyeongju"} {
			checkRoundCity(t, "after "+file, c, st[c], sent, batches[c], planted, byID)
		}
	}

	var rounds []map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, "--db", db, "round", "list", "--json")), &rounds); err != nil || len(rounds) != 2 {
		t.Fatalf("round list: %v %d", err, len(rounds))
	}
	if rounds[0]["status"] != "closed" || rounds[1]["status"] != "open" || rounds[1]["due"] != "2026-11-10" {
		t.Errorf("round list: %v", rounds)
	}
	out := mustCLI(t, "--db", db, "round", "status")
	for _, want := range []string{"2026 하반기 실무협의회", "포항:", "접수 pohang_2026-10.xlsx", "미해결 충돌 4건", "추진율"} {
		if !strings.Contains(out, want) {
			t.Errorf("round status lacks %q:\n%s", want, out)
		}
	}
	// Round 1 can still be asked about by name.
	if st := roundStatus(t, db, "--round", "2026 상반기 실무협의회"); st["pohang"].Received != nil {
		t.Errorf("round 1 received a sheet as of 2026-10-31: %+v", st["pohang"].Received)
	}
}

func checkRoundCity(t *testing.T, step, city string, c roundCity, sent map[string]bool, batch int64, planted [][3]string, byID map[int64]string) {
	t.Helper()
	if !sent[city] {
		if c.Received != nil || c.Batch != 0 {
			t.Errorf("%s, %s has not sent its sheet: %+v", step, city, c)
		}
		return
	}
	if c.Received == nil || c.Received.File != city+"_2026-10.xlsx" || len(c.Received.SHA256) != 64 || c.Batch != batch {
		t.Errorf("%s, %s: received %+v batch %d, want batch %d", step, city, c.Received, c.Batch, batch)
	}
	if len(c.MissingProjects) != 0 {
		t.Errorf("%s, %s: missing %v", step, city, c.MissingProjects)
	}
	var want, got []string
	for _, p := range planted {
		if (p[1] == city || p[2] == city) && sent[p[1]] && sent[p[2]] {
			want = append(want, p[0])
		}
	}
	for _, id := range c.OpenConflicts {
		got = append(got, byID[id])
	}
	sort.Strings(want)
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s, %s: open conflicts %v, want %v", step, city, got, want)
	}
}

// Mistakes on the command line: usage errors exit 2, user errors 1 with a
// message naming the problem.
func TestRoundCommandErrors(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	db := filepath.Join(t.TempDir(), "r.db")
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"round"}, 2, "round new"},
		{[]string{"round", "frobnicate"}, 2, "frobnicate"},
		{[]string{"round", "new", "--name", "1차"}, 2, "--as-of"},
		{[]string{"round", "new", "--name", "1차", "--as-of", "2026-6-30"}, 1, "2026-6-30"},
		{[]string{"round", "new", "--name", "1차", "--as-of", "2026-06-30", "--groups", "교육"}, 1, "교육"},
		{[]string{"round", "status", "--json"}, 1, "진행 중인 차수가 없습니다"},
		{[]string{"round", "close"}, 1, "진행 중인 차수가 없습니다"},
		{[]string{"round", "new", "--name", "1차", "--as-of", "2026-06-30", "--groups", "문화·관광"}, 0, ""},
		{[]string{"round", "status", "--round", "없는 차수"}, 1, "없는 차수"},
		{[]string{"round", "templates"}, 2, "--out"},
		{[]string{"round", "close", "--round", "1차"}, 0, ""},
		{[]string{"round", "close", "--round", "1차"}, 1, "이미 마감"},
	}
	for _, c := range cases {
		code, _, stderr := cli(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("%v: exit %d %q, want %d saying %q", c.args, code, stderr, c.code, c.says)
		}
	}
	// Creating and closing a round are undoable like any change.
	mustCLI(t, "--db", db, "undo")
	if st := roundStatus(t, db); st["pohang"].Received != nil {
		t.Errorf("status after undoing the close: %+v", st["pohang"])
	}
}

// A template issued for the round and returned as it is, is the city's
// received sheet: as of the round's date, carrying all its projects.
func TestIssuedTemplateComesBack(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	mustCLI(t, "--db", db, "import", fixture("master_2026.xlsx"))
	if out := mustCLI(t, "--db", db, "round", "list"); !strings.Contains(out, "차수가 없습니다") {
		t.Errorf("round list of none: %q", out)
	}
	mustCLI(t, "--db", db, "round", "new", "--name", "2026/하반기", "--as-of", "2026-10-31")
	dir := t.TempDir()
	mustCLI(t, "--db", db, "round", "templates", "--out", dir)
	ulsan := filepath.Join(dir, "2026_하반기_울산.xlsx") // the slash cannot be in a file name
	st := roundStatus(t, db)
	if st["ulsan"].Issued == nil {
		t.Fatal("the Ulsan template is not recorded as issued")
	}
	mustCLI(t, "--db", db, "import", ulsan)
	c := roundStatus(t, db)["ulsan"]
	if c.Received == nil || c.Received.File != filepath.Base(ulsan) || c.Batch == 0 || len(c.MissingProjects) != 0 {
		t.Errorf("the returned template: %+v", c)
	}
	if again, _, _ := cli(t, "--db", db, "round", "templates", "--out", dir); again != 1 {
		t.Errorf("templates over existing files without --force: exit %d", again)
	}
}

func TestRoundEdit(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	db := filepath.Join(t.TempDir(), "r.db")
	if code, _, stderr := cli(t, "--db", db, "round", "new", "--name", "2026 하반기", "--as-of", "2026-10-31"); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := cli(t, "--db", db, "round", "edit", "--due", "2026-11-20", "--as-of", "2026-11-30")
	if code != 0 || !strings.Contains(out, "기준 2026-11-30, 기한 2026-11-20") {
		t.Fatalf("exit %d: %s %s", code, out, stderr)
	}
	if code, out, _ := cli(t, "--db", db, "round", "list", "--json"); code != 0 || !strings.Contains(out, `"due": "2026-11-20"`) {
		t.Errorf("the list shows the new due date: %s", out)
	}
	if code, _, _ := cli(t, "--db", db, "round", "edit"); code != 2 {
		t.Errorf("round edit without a change is a usage error: %d", code)
	}
	if code, _, stderr := cli(t, "--db", db, "round", "edit", "--due", "다음 주"); code != 1 || !strings.Contains(stderr, "다음 주") {
		t.Errorf("a due date that is no date is refused naming it: %d %s", code, stderr)
	}
}
