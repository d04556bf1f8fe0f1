package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func fixture(name string) string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "fixtures", name)
}

// cli runs the command line in-process and returns exit code and outputs.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExitCodesAndMessages(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	db := filepath.Join(t.TempDir(), "r.db")
	if code, _, _ := cli(t); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
	if code, _, _ := cli(t, "--db", db, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if code, _, _ := cli(t, "--db", db, "import"); code != 2 {
		t.Errorf("import without files: exit %d, want 2", code)
	}
	if code, _, _ := cli(t, "--db", db, "import", "--city", "seoul", fixture("pohang_2026-10.xlsx")); code != 2 {
		t.Errorf("bad --city: exit %d, want 2", code)
	}
	code, _, stderr := cli(t, "--db", db, "import", fixture("bad/legacy.xls"))
	if code != 1 || !strings.Contains(stderr, "legacy.xls") || !strings.Contains(stderr, ".xlsx") {
		t.Errorf("legacy file: exit %d, %q", code, stderr)
	}
	code, _, stderr = cli(t, "--db", db, "import", fixture("bad/wrong_units.xlsx"))
	if code != 1 || !strings.Contains(stderr, "wrong_units.xlsx") {
		t.Errorf("bad cell: exit %d, %q", code, stderr)
	}
	if code, _, _ := cli(t, "--db", db, "undo"); code != 1 {
		t.Errorf("nothing to undo: exit %d, want 1", code)
	}
}

func TestImportListConflictsUndo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	for _, f := range []string{"master_2026.xlsx", "pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx"} {
		if code, _, stderr := cli(t, "--db", db, "import", fixture(f)); code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, stderr)
		}
	}
	code, out, _ := cli(t, "--db", db, "list", "--json")
	var list []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 43 {
		t.Fatalf("list: exit %d, %d projects", code, len(list))
	}
	for _, key := range []string{"code", "name", "aliases", "field", "kind", "lead_city", "cities", "start", "end", "budget_won", "progress_pct", "stage", "as_of"} {
		if _, ok := list[0][key]; !ok {
			t.Errorf("list --json lacks %q", key)
		}
	}
	code, out, _ = cli(t, "--db", db, "conflicts", "--json")
	var conflicts []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &conflicts) != nil || len(conflicts) != 6 {
		t.Fatalf("conflicts: exit %d, %d", code, len(conflicts))
	}
	v := conflicts[0]["values"].([]any)[0].(map[string]any)
	for _, key := range []string{"city", "value", "file", "cell"} {
		if _, ok := v[key]; !ok {
			t.Errorf("conflict value lacks %q", key)
		}
	}
	if code, out, _ := cli(t, "--db", db, "import", "--dry-run", "--json", fixture("pohang_2026-10.xlsx")); code != 0 || !strings.Contains(out, `"applied": false`) {
		t.Errorf("dry run: exit %d %s", code, out[:min(200, len(out))])
	}
	if code, _, stderr := cli(t, "--db", db, "undo"); code != 0 {
		t.Fatalf("undo: %d %s", code, stderr)
	}
	_, out, _ = cli(t, "--db", db, "conflicts", "--json")
	json.Unmarshal([]byte(out), &conflicts)
	if len(conflicts) != 2 {
		t.Errorf("after undoing Gyeongju's import: %d conflicts, want 2", len(conflicts))
	}
	if code, out, _ := cli(t, "--db", db, "check"); code != 0 || !strings.Contains(out, "43") {
		t.Errorf("check: %d %s", code, out)
	}
}

func TestLoadSampleOnlyIntoAnEmptyRegister(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	if code, _, stderr := cli(t, "--db", db, "load-sample"); code != 0 {
		t.Fatalf("load-sample: %d %s", code, stderr)
	}
	_, out, _ := cli(t, "--db", db, "list", "--json")
	var list []any
	json.Unmarshal([]byte(out), &list)
	if len(list) != 43 {
		t.Fatalf("sample has %d projects", len(list))
	}
	if code, _, _ := cli(t, "--db", db, "load-sample"); code != 1 {
		t.Errorf("second load-sample: exit %d, want 1", code)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
}

func TestPasswordProtectedWorkbook(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	if code, _, stderr := cli(t, "--db", db, "import", fixture("master_2026.xlsx")); code != 0 {
		t.Fatal(stderr)
	}
	code, _, stderr := cli(t, "--db", db, "import", fixture("bad/encrypted.xlsx"))
	if code != 1 || !strings.Contains(stderr, "encrypted.xlsx") || !strings.Contains(stderr, "암호") {
		t.Errorf("without a password: exit %d %q", code, stderr)
	}
	code, _, stderr = cli(t, "--db", db, "import", "--password", "4321", fixture("bad/encrypted.xlsx"))
	if code != 1 || !strings.Contains(stderr, "encrypted.xlsx") {
		t.Errorf("wrong password: exit %d %q", code, stderr)
	}
	code, out, stderr := cli(t, "--db", db, "import", "--password", "1234", fixture("bad/encrypted.xlsx"))
	if code != 0 || !strings.Contains(out, "41") {
		t.Errorf("with the password: exit %d %q %q", code, out, stderr)
	}
}

func TestMessagesInTheUsersLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	t.Setenv("HAEOREUM_LANG", "en")
	code, _, stderr := cli(t, "--db", db, "import", fixture("bad/legacy.xls"))
	if code != 1 || !strings.Contains(stderr, "legacy.xls") || !strings.Contains(stderr, "save") {
		t.Errorf("English: exit %d %q", code, stderr)
	}
	t.Setenv("HAEOREUM_LANG", "")
	t.Setenv("LANG", "ko_KR.UTF-8")
	code, _, stderr = cli(t, "--db", db, "import", fixture("bad/legacy.xls"))
	if code != 1 || !strings.Contains(stderr, "다시 저장") {
		t.Errorf("Korean: exit %d %q", code, stderr)
	}
}
