package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/field/fieldtest"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// `resolve --value` reads typed text as the window's form and conflict
// dialog do: the same table (data/field/testdata/typed.tsv), the same stored
// value or the same refusal, in both languages (ui/typed_test.go holds the
// window to it).
func TestResolveTypedValueLikeTheWindow(t *testing.T) {
	base := filepath.Join(t.TempDir(), "base.db")
	for _, f := range []string{"master_2026.xlsx", "pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx"} {
		if code, _, stderr := cli(t, "--db", base, "import", fixture(f)); code != 0 {
			t.Fatalf("%s: %s", f, stderr)
		}
	}
	for _, l := range []msg.Lang{msg.Korean, msg.English} {
		t.Setenv("HAEOREUM_LANG", string(l))
		for _, c := range fieldtest.Cases(t) {
			db := copyRegister(t, base)
			id := conflictID(t, db, c.Code, c.Field)
			before := fieldOf(t, db, c.Code, c.Field)
			code, _, stderr := cli(t, "--db", db, "resolve", "--id", strconv.FormatInt(id, 10), "--value", c.Typed, "--unit", "백만원")
			after := fieldOf(t, db, c.Code, c.Field)
			if c.Refused == "" {
				if code != 0 || after != c.Stored {
					t.Errorf("%s %s %q: exit %d, stored %q, want %q (%s)", l, c.Field, c.Typed, code, after, c.Stored, stderr)
				}
				continue
			}
			if code != 1 || after != before || !strings.Contains(stderr, c.Words(l)) {
				t.Errorf("%s %s %q: exit %d, stored %q (was %q), message %q; want a refusal with %q", l, c.Field, c.Typed, code, after, before, stderr, c.Words(l))
			}
		}
	}
}

// Without --unit a bare amount is refused: 800 must not silently be 800 won.
func TestResolveBareAmountNeedsAUnit(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	db := filepath.Join(t.TempDir(), "r.db")
	for _, f := range []string{"master_2026.xlsx", "pohang_2026-10.xlsx", "ulsan_2026-10.xlsx"} {
		if code, _, stderr := cli(t, "--db", db, "import", fixture(f)); code != 0 {
			t.Fatalf("%s: %s", f, stderr)
		}
	}
	id := strconv.FormatInt(conflictID(t, db, "HA-E01", model.BudgetKey(model.Total)), 10)
	code, _, stderr := cli(t, "--db", db, "resolve", "--id", id, "--value", "800")
	if code != 1 || !strings.Contains(stderr, "단위") {
		t.Fatalf("bare amount: exit %d, %q", code, stderr)
	}
	if code, _, stderr := cli(t, "--db", db, "resolve", "--id", id, "--value", "800억"); code != 0 {
		t.Fatalf("800억: exit %d, %q", code, stderr)
	}
	if got := fieldOf(t, db, "HA-E01", model.BudgetKey(model.Total)); got != "80000000000" {
		t.Fatalf("stored %s", got)
	}
}

func copyRegister(t *testing.T, from string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(t.TempDir(), "r.db")
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

func conflictID(t *testing.T, db, code string, k model.FieldKey) int64 {
	t.Helper()
	_, out, _ := cli(t, "--db", db, "conflicts", "--json")
	var cs []struct {
		ID    int64  `json:"id"`
		Code  string `json:"code"`
		Field string `json:"field"`
	}
	if err := json.Unmarshal([]byte(out), &cs); err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Code == code && c.Field == string(k) {
			return c.ID
		}
	}
	t.Fatalf("no open conflict on %s %s", code, k)
	return 0
}

func fieldOf(t *testing.T, db, code string, k model.FieldKey) string {
	t.Helper()
	_, out, _ := cli(t, "--db", db, "list", "--json")
	var ps []*model.Project
	if err := json.Unmarshal([]byte(out), &ps); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Code == code {
			return p.Get(k)
		}
	}
	t.Fatalf("%s not listed", code)
	return ""
}
