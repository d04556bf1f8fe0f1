package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// check compares the register with its plan year; a new plan year is
// entered from the command line and is then the one compared with.
func TestCheckReportsThePlanCount(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	db := filepath.Join(t.TempDir(), "r.db")
	for _, f := range []string{"master_2026.xlsx", "pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx"} {
		if code, _, stderr := cli(t, "--db", db, "import", fixture(f)); code != 0 {
			t.Fatalf("%s: %s", f, stderr)
		}
	}
	code, out, _ := cli(t, "--db", db, "check")
	if code != 0 || !strings.Contains(out, "2025 시행계획 43건 = 계속 35 + 신규 8 · 등록부 43 = 35 + 8 ✔") {
		t.Fatalf("check: exit %d\n%s", code, out)
	}
	code, _, stderr := cli(t, "--db", db, "plan", "set", "--year", "2026", "--projects", "45", "--continuing", "40", "--new", "5",
		"--field", "경제·산업·해양=경제·산업·해양", "--field", "문화·관광=문화·관광")
	if code != 0 {
		t.Fatalf("plan set: exit %d: %s", code, stderr)
	}
	if _, out, _ := cli(t, "--db", db, "check"); !strings.Contains(out, "2026 시행계획 45건 = 계속 40 + 신규 5 · 등록부 43 = 35 + 8 ✘") ||
		!strings.Contains(out, "시행계획에 없는 분야") {
		t.Fatalf("check against 2026:\n%s", out)
	}
	if code, _, _ := cli(t, "--db", db, "plan", "set", "--year", "2027", "--projects", "3", "--continuing", "1", "--new", "1", "--field", "x=y"); code != 1 {
		t.Fatalf("counts that do not add up: exit %d", code)
	}
}

// Files named city sheet first are imported with the secretariat's register
// first (it creates the projects the city sheets update), as the window does.
func TestImportOrderIsTheRegistersFirst(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	code, _, stderr := cli(t, "--db", db, "import", fixture("ulsan_2026-10.xlsx"), fixture("master_2026.xlsx"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, out, _ := cli(t, "--db", db, "list", "--json")
	if !strings.Contains(out, `"progress_pct": 45.5`) {
		t.Fatal("the city sheet did not update the projects the register created")
	}
}
