package reconcile

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

var ctx = context.Background()

// fixtures is ../shared/fixtures beside the repository.
func fixtures(t testing.TB) string {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "fixtures")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("fixtures not found at %s: %v", dir, err)
	}
	return dir
}

type answerKey struct {
	ImportOrder []string `json:"import_order"`
	Projects    []struct {
		Code     string       `json:"code"`
		Name     string       `json:"name"`
		Field    string       `json:"field"`
		Kind     string       `json:"kind"`
		LeadCity string       `json:"lead_city"`
		Cities   []string     `json:"cities"`
		Start    string       `json:"start"`
		End      *string      `json:"end"`
		Budget   model.Budget `json:"budget_won"`
		Progress float64      `json:"progress_pct"`
		Stage    string       `json:"stage"`
	} `json:"projects"`
	Aliases []struct {
		Code  string `json:"code"`
		Alias string `json:"alias"`
	} `json:"aliases"`
	Conflicts []struct {
		Code       string `json:"code"`
		Field      string `json:"field"`
		LeadCity   string `json:"lead_city"`
		OtherCity  string `json:"other_city"`
		OtherValue any    `json:"other_value"`
	} `json:"conflicts"`
}

func loadKey(t testing.TB) answerKey {
	var k answerKey
	b, err := os.ReadFile(filepath.Join(fixtures(t), "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &k); err != nil {
		t.Fatal(err)
	}
	return k
}

func newRegister(t testing.TB) *register.Register {
	t.Helper()
	r, err := register.Open(filepath.Join(t.TempDir(), "register.db"), register.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// importAll imports the answer key's files in order.
func importAll(t testing.TB, r *register.Register, k answerKey) []*Preview {
	t.Helper()
	var out []*Preview
	for _, rel := range k.ImportOrder {
		pv, err := ImportFile(ctx, r, filepath.Join(fixtures(t), filepath.Base(rel)), FileOptions{})
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		out = append(out, pv)
	}
	return out
}

func TestFixturesGiveExactlyTheAnswerKey(t *testing.T) {
	k := loadKey(t)
	r := newRegister(t)
	importAll(t, r, k)
	list, err := r.List(ctx, register.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]*model.Project{}
	for _, p := range list {
		byCode[p.Code] = p
	}
	if len(list) != len(k.Projects) {
		t.Errorf("%d projects, want %d", len(list), len(k.Projects))
	}
	for _, want := range k.Projects {
		p := byCode[want.Code]
		if p == nil {
			t.Errorf("%s missing", want.Code)
			continue
		}
		var cities []string
		for _, c := range p.Cities {
			cities = append(cities, string(c))
		}
		got := fmt.Sprint(p.Name, p.Field, p.Kind, p.LeadCity, cities, p.Start, p.End != nil && want.End != nil && *p.End == *want.End || p.End == nil && want.End == nil, p.Budget, *p.Progress, p.Stage)
		exp := fmt.Sprint(want.Name, want.Field, want.Kind, want.LeadCity, want.Cities, want.Start, true, want.Budget, want.Progress, want.Stage)
		if got != exp {
			t.Errorf("%s:\n got  %s\n want %s", want.Code, got, exp)
		}
	}
	for _, a := range k.Aliases {
		if p := byCode[a.Code]; p == nil || !slices.Contains(p.Aliases, strings.TrimSpace(a.Alias)) {
			t.Errorf("%s: alias %q not remembered (have %q)", a.Code, a.Alias, p.Aliases)
		}
	}
	conflicts, err := r.Conflicts(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, c := range conflicts {
		got[c.Code+" "+string(c.Field)] = true
		if c.Values[0].File == "" || c.Values[1].Cell == "" {
			t.Errorf("conflict %s %s lacks its sources: %+v", c.Code, c.Field, c.Values)
		}
	}
	for _, c := range k.Conflicts {
		key := c.Code + " " + c.Field
		if !got[key] {
			t.Errorf("conflict %s not found", key)
		}
		delete(got, key)
	}
	for extra := range got {
		t.Errorf("conflict %s reported wrongly", extra)
	}
}

func TestImportIsAllOrNothingAndUndoable(t *testing.T) {
	k := loadKey(t)
	r := newRegister(t)
	importAll(t, r, k)
	before, _ := r.List(ctx, register.ListOptions{IncludeDeleted: true})
	beforeJSON, _ := json.Marshal(before)

	// A file with one unreadable amount changes nothing at all.
	pv, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "bad", "wrong_units.xlsx"), FileOptions{})
	if err == nil || len(pv.Errors) == 0 {
		t.Fatalf("wrong_units accepted: %v", err)
	}
	after, _ := r.List(ctx, register.ListOptions{IncludeDeleted: true})
	afterJSON, _ := json.Marshal(after)
	if string(beforeJSON) != string(afterJSON) {
		t.Fatal("a refused import changed the register")
	}

	// Re-importing the same city sheet changes nothing and opens nothing new.
	pv, err = ImportFile(ctx, r, filepath.Join(fixtures(t), "pohang_2026-10.xlsx"), FileOptions{Options: Options{DryRun: true}})
	if err != nil || len(pv.Changed) != 0 || len(pv.Conflicts) != 0 {
		t.Fatalf("re-import preview: %v changed %v conflicts %v", err, pv.Changed, pv.Conflicts)
	}

	// Undo the last import (Gyeongju): its conflicts and changes go away.
	if _, err := r.Undo(ctx, 0); err != nil {
		t.Fatal(err)
	}
	cs, _ := r.Conflicts(ctx, false)
	for _, c := range cs {
		if c.Code == "HA-C04" || c.Code == "HA-C02" {
			t.Errorf("conflict %s %s from the undone import is still open", c.Code, c.Field)
		}
	}
	p, _ := r.Project(ctx, "HA-S03")
	if *p.Progress != 60 { // the master's value before Gyeongju (lead) updated it to 65
		t.Errorf("HA-S03 progress after undo: %v", *p.Progress)
	}
}

func TestDryRunIsThePreviewOfApply(t *testing.T) {
	k := loadKey(t)
	r := newRegister(t)
	if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "master_2026.xlsx"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(fixtures(t), "ulsan_2026-10.xlsx")
	dry, err := ImportFile(ctx, r, path, FileOptions{Options: Options{DryRun: true}})
	if err != nil {
		t.Fatal(err)
	}
	if dry.Applied || len(dry.Changed) == 0 {
		t.Fatalf("dry run: applied %v, %d changes", dry.Applied, len(dry.Changed))
	}
	bs, _ := r.Batches(ctx, 10)
	if len(bs) != 1 {
		t.Fatalf("a dry run left a batch: %d", len(bs))
	}
	real, err := ImportFile(ctx, r, path, FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(dry.Changed)
	b, _ := json.Marshal(real.Changed)
	if string(a) != string(b) || len(dry.Conflicts) != len(real.Conflicts) {
		t.Fatal("the preview differs from what applying did")
	}
	if real.Backup == "" {
		t.Fatal("no backup before the import")
	}
	_ = k
}

func TestTheSameSheetAgainChangesNothing(t *testing.T) {
	k := loadKey(t)
	r := newRegister(t)
	importAll(t, r, k)
	pv, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "ulsan_2026-10.xlsx"), FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.Changed) != 0 || len(pv.Conflicts) != 0 || len(pv.Added) != 0 || len(pv.Aliases) != 0 {
		t.Fatalf("a repeated import changed things: %d changed, %d conflicts, %d added, %d aliases",
			len(pv.Changed), len(pv.Conflicts), len(pv.Added), len(pv.Aliases))
	}
	h, err := r.ChangesSince(ctx, "2000-01-01")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range h {
		if c.Batch == pv.Batch {
			t.Fatalf("the repeated import wrote history: %+v", c)
		}
	}
}
