package summary

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
)

func fixture(t *testing.T, name string) string {
	_, here, _, _ := runtime.Caller(0)
	p := filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "fixtures", name)
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// The fixtures' register agrees with the 2025 plan; one project more or a
// changed kind shows as a difference.
func TestPlanCheckOnTheFixtures(t *testing.T) {
	ctx := context.Background()
	r, err := register.Open(filepath.Join(t.TempDir(), "r.db"), register.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, f := range []string{"master_2026.xlsx", "pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx"} {
		if _, err := reconcile.ImportFile(ctx, r, fixture(t, f), reconcile.FileOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	ps, _ := r.List(ctx, register.ListOptions{})
	plan, err := r.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	msg.SetLanguage(msg.Korean)
	s := Of(ps, plan)
	if want := "2025 시행계획 43건 = 계속 35 + 신규 8 · 등록부 43 = 35 + 8 ✔"; s.Plan.Text() != want || !s.Plan.Agrees {
		t.Fatalf("plan check %q, want %q", s.Plan.Text(), want)
	}
	if len(s.ByWork) != 3 || len(s.ByField) != 5 {
		t.Fatalf("%d work groups, %d fields", len(s.ByWork), len(s.ByField))
	}
	n := 0
	for _, g := range s.ByWork {
		n += len(g.Projects)
	}
	if n != 43 || s.ByWork[0].Name != "경제·산업·해양" {
		t.Fatalf("work groups hold %d projects, first %q", n, s.ByWork[0].Name)
	}
	ps[0].Kind = model.New
	if c := Of(ps, plan).Plan; c.Agrees || !strings.Contains(c.Text(), "등록부 43 = 34 + 9 ✘") {
		t.Fatalf("a changed kind: %q", c.Text())
	}
	ps[1].Deleted = true
	if c := Of(ps, plan).Plan; c.Agrees || c.Projects != 42 {
		t.Fatalf("a deleted project still counted: %q", c.Text())
	}
}

// A new plan year is data: entered, it is the one compared with (and undoable).
func TestEnteringANewPlanYear(t *testing.T) {
	ctx := context.Background()
	r, err := register.Open(filepath.Join(t.TempDir(), "r.db"), register.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	p := register.Plan{Year: 2026, Projects: 2, Continuing: 1, New: 1, Fields: []string{"경제", "문화"},
		Groups: map[string]string{"경제": "경제", "문화": "문화"}}
	if _, err := r.SetPlan(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, _ := r.Plan(ctx)
	if got.Year != 2026 || len(got.Fields) != 2 || got.Groups["문화"] != "문화" {
		t.Fatalf("plan %+v", got)
	}
	if _, err := r.SetPlan(ctx, register.Plan{Year: 2027, Projects: 3, Continuing: 1, New: 1, Fields: []string{"x"}}); err == nil {
		t.Fatal("counts that do not add up were accepted")
	}
	if _, err := r.Undo(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if got, _ := r.Plan(ctx); got.Year != 2025 {
		t.Fatalf("after undo the plan is %d, want 2025", got.Year)
	}
}
