package round

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
)

var ctx = context.Background()

func fixture(name string) string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "fixtures", name)
}

// expected is the part of the fixtures' answer key these tests use.
type expected struct {
	Projects []struct {
		Code     string     `json:"code"`
		LeadCity model.City `json:"lead_city"`
		Progress float64    `json:"progress_pct"`
	} `json:"projects"`
	Conflicts []struct {
		Code      string     `json:"code"`
		LeadCity  model.City `json:"lead_city"`
		OtherCity model.City `json:"other_city"`
	} `json:"conflicts"`
	MasterProgress map[string]float64 `json:"master_progress_pct"`
}

func answerKey(t *testing.T) expected {
	t.Helper()
	b, err := os.ReadFile(fixture("expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

func newRegister(t *testing.T) *register.Register {
	t.Helper()
	r, err := register.Open(filepath.Join(t.TempDir(), "register.db"), register.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func importFile(t *testing.T, r *register.Register, path string) int64 {
	t.Helper()
	pv, err := reconcile.ImportFile(ctx, r, path, reconcile.FileOptions{})
	if err != nil {
		t.Fatalf("import %s: %v", filepath.Base(path), err)
	}
	return pv.Batch
}

func newRound(t *testing.T, r *register.Register, name, asOf string, groups ...string) register.Round {
	t.Helper()
	rd, err := r.CreateRound(ctx, register.Round{Name: name, AsOf: asOf, Groups: groups})
	if err != nil {
		t.Fatal(err)
	}
	return rd
}

func status(t *testing.T, r *register.Register, name string) *Status {
	t.Helper()
	st, err := StatusOf(ctx, r, name)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// conflictCodes turns conflict ids into sorted project codes.
func conflictCodes(t *testing.T, r *register.Register, ids []int64) []string {
	t.Helper()
	all, err := r.Conflicts(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range all {
		if slices.Contains(ids, c.ID) {
			out = append(out, c.Code)
		}
	}
	sort.Strings(out)
	return out
}

func cellsOf(cells []Cell, field string) []string {
	var out []string
	for _, c := range cells {
		if c.Field == field {
			out = append(out, c.Code)
		}
	}
	sort.Strings(out)
	return out
}

// The two rounds of the issue: round 1 as of 2026-06-30 from the master,
// round 2 as of 2026-10-31 with the three city sheets coming in one by one.
func TestStatusOverTwoRounds(t *testing.T) {
	key := answerKey(t)
	r := newRegister(t)
	importFile(t, r, fixture("master_2026.xlsx"))
	newRound(t, r, "2026 상반기 실무협의회", "2026-06-30")
	st := status(t, r, "")
	for _, city := range model.Cities {
		cs := st.Cities[city]
		if cs.Received != nil || cs.Batch != 0 || cs.Issued != nil || len(cs.MissingProjects) != 0 ||
			len(cs.Stale) != 0 || len(cs.OpenConflicts) != 0 {
			t.Errorf("round 1, %s: %+v", city, cs)
		}
	}
	if st.Previous != nil {
		t.Errorf("round 1 has a previous round: %+v", st.Previous)
	}
	if _, err := r.CloseRound(ctx, ""); err != nil {
		t.Fatal(err)
	}
	rd := newRound(t, r, "2026 하반기 실무협의회", "2026-10-31")
	if err := RecordIssued(ctx, r, rd, []register.Issue{{City: model.Ulsan, File: "울산_서식.xlsx"}}); err != nil {
		t.Fatal(err)
	}
	files := map[model.City]string{model.Pohang: "pohang_2026-10.xlsx", model.Ulsan: "ulsan_2026-10.xlsx", model.Gyeongju: "gyeongju_2026-10.xlsx"}
	batches := map[model.City]int64{}
	for _, city := range model.Cities {
		batches[city] = importFile(t, r, fixture(files[city]))
		st := status(t, r, "")
		if st.Previous == nil || st.Previous.AsOf != "2026-06-30" {
			t.Fatalf("round 2's previous round: %+v", st.Previous)
		}
		for _, c := range model.Cities {
			checkCity(t, r, key, st.Cities[c], c, files[c], batches[c])
		}
	}
	if st := status(t, r, ""); st.Cities[model.Ulsan].Issued == nil || st.Cities[model.Pohang].Issued != nil {
		t.Errorf("issued: ulsan %v, pohang %v", st.Cities[model.Ulsan].Issued, st.Cities[model.Pohang].Issued)
	}
}

// checkCity compares one city's state with the answer key; batch 0 means
// its sheet has not come in yet.
func checkCity(t *testing.T, r *register.Register, key expected, cs *CityStatus, city model.City, file string, batch int64) {
	t.Helper()
	if batch == 0 {
		if cs.Received != nil || cs.Batch != 0 || len(cs.MissingProjects) != 0 {
			t.Errorf("%s before its sheet: %+v", city, cs)
		}
		return
	}
	if cs.Received == nil || cs.Received.File != file || len(cs.Received.SHA256) != 64 || cs.Received.At == "" || cs.Batch != batch {
		t.Errorf("%s received %+v batch %d, want %s batch %d", city, cs.Received, cs.Batch, file, batch)
	}
	if len(cs.MissingProjects) != 0 {
		t.Errorf("%s: missing %v from a full sheet", city, cs.MissingProjects)
	}
	// every planted conflict between the cities that have sent their sheets
	var want []string
	for _, c := range key.Conflicts {
		if (c.LeadCity == city || c.OtherCity == city) && conflictOpenYet(r, c.LeadCity, c.OtherCity) {
			want = append(want, c.Code)
		}
	}
	sort.Strings(want)
	if got := conflictCodes(t, r, cs.OpenConflicts); !slices.Equal(got, want) {
		t.Errorf("%s open conflicts %v, want %v", city, got, want)
	}
	// stale progress: the lead projects whose progress the city sheet left
	// as the master had it on 2026-06-30
	var stale []string
	for _, p := range key.Projects {
		if p.LeadCity == city && p.Progress == key.MasterProgress[p.Code] {
			stale = append(stale, p.Code)
		}
	}
	sort.Strings(stale)
	if got := cellsOf(cs.Stale, string(model.FProgress)); !slices.Equal(got, stale) {
		t.Errorf("%s stale progress %v, want %v", city, got, stale)
	}
	if got := cellsOf(cs.Stale, string(model.FActivities)); len(got) != 0 {
		t.Errorf("%s: activities just sent are stale: %v", city, got)
	}
}

// A conflict between two cities is open once both have sent their sheets.
func conflictOpenYet(r *register.Register, a, b model.City) bool {
	bs, _ := r.Batches(ctx, -1)
	sent := map[model.City]bool{}
	for _, x := range bs {
		sent[x.City] = true
	}
	return sent[a] && sent[b]
}

// What a city's sheet leaves empty is listed per lead project: Pohang's
// sheet has no officer or phone, Gyeongju's no 향후계획, Ulsan's has all.
func TestEmptyFieldsAfterTheCitySheets(t *testing.T) {
	key := answerKey(t)
	r := newRegister(t)
	for _, f := range []string{"master_2026.xlsx", "pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx"} {
		importFile(t, r, fixture(f))
	}
	newRound(t, r, "2026 하반기", "2026-10-31")
	st := status(t, r, "")
	lead := map[model.City][]string{}
	for _, p := range key.Projects {
		lead[p.LeadCity] = append(lead[p.LeadCity], p.Code)
	}
	cases := []struct {
		city  model.City
		field string
		want  []string
	}{
		{model.Pohang, FieldContact, lead[model.Pohang]},
		{model.Pohang, string(model.FActivities), nil},
		{model.Pohang, string(model.FProgress), nil},
		{model.Ulsan, FieldContact, nil},
		{model.Ulsan, string(model.FNextSteps), nil},
		{model.Gyeongju, string(model.FNextSteps), lead[model.Gyeongju]},
		{model.Gyeongju, FieldContact, nil},
	}
	for _, c := range cases {
		want := slices.Clone(c.want)
		sort.Strings(want)
		if got := cellsOf(st.Cities[c.city].EmptyFields, c.field); !slices.Equal(got, want) {
			t.Errorf("%s empty %s: %v, want %v", c.city, c.field, got, want)
		}
	}
	// The sheets were imported before the round was made, but they are as
	// of its date (Gyeongju's by its file name, gyeongju_2026-10: the
	// month's last day).
	if st.Cities[model.Pohang].Received == nil || st.Cities[model.Gyeongju].Received == nil {
		t.Errorf("received: pohang %+v, gyeongju %+v", st.Cities[model.Pohang].Received, st.Cities[model.Gyeongju].Received)
	}
}

// withoutRow saves a copy of a city's sheet with the row of the named
// project removed.
func withoutRow(t *testing.T, src, name, out string) {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := f.GetSheetName(0)
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		if slices.ContainsFunc(row, func(s string) bool { return strings.TrimSpace(s) == name }) {
			if err := f.RemoveRow(sh, i+1); err != nil {
				t.Fatal(err)
			}
			if err := f.SaveAs(out); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("%s not in %s", name, src)
}

// A sheet that leaves out one of the city's projects: the project is
// missing, also after the same file is imported again (which leaves the
// observations as they were) and not after the full sheet comes in. An
// undone import no longer counts as received.
func TestMissingProjectsAndReimports(t *testing.T) {
	r := newRegister(t)
	importFile(t, r, fixture("master_2026.xlsx"))
	newRound(t, r, "2026 하반기", "2026-10-31")
	short := filepath.Join(t.TempDir(), "ulsan_2026-10.xlsx")
	withoutRow(t, fixture("ulsan_2026-10.xlsx"), "해오름 그린웨이 조성", short) // HA-C04, Ulsan leads
	steps := []struct {
		name    string
		do      func() int64 // returns the batch that should be received
		missing []string
	}{
		{"short sheet", func() int64 { return importFile(t, r, short) }, []string{"HA-C04"}},
		{"short sheet again", func() int64 { return importFile(t, r, short) }, []string{"HA-C04"}},
		{"full sheet", func() int64 { return importFile(t, r, fixture("ulsan_2026-10.xlsx")) }, []string{}},
		{"full sheet undone", func() int64 {
			if _, err := r.Undo(ctx, 0); err != nil {
				t.Fatal(err)
			}
			bs, _ := r.Batches(ctx, -1)
			return bs[2].ID // the second short import
		}, []string{"HA-C04"}},
	}
	for _, s := range steps {
		want := s.do()
		cs := status(t, r, "").Cities[model.Ulsan]
		if cs.Batch != want || !slices.Equal(cs.MissingProjects, s.missing) {
			t.Errorf("%s: batch %d missing %v, want batch %d missing %v", s.name, cs.Batch, cs.MissingProjects, want, s.missing)
		}
		if got := status(t, r, "").Cities[model.Pohang]; got.Received != nil {
			t.Errorf("%s: pohang received %+v", s.name, got.Received)
		}
	}
}

// A round of some working groups looks only at their projects; a sheet
// with no as-of date answers the round it arrives in.
func TestRoundOfOneWorkingGroup(t *testing.T) {
	r := newRegister(t)
	importFile(t, r, fixture("master_2026.xlsx"))
	newRound(t, r, "문화·관광 실무협의회", "2026-10-31", "문화·관광")
	batch := importFile(t, r, fixture("gyeongju_2026-10.xlsx"))
	cs := status(t, r, "").Cities[model.Gyeongju]
	if cs.Batch != batch || len(cs.MissingProjects) != 0 {
		t.Errorf("gyeongju: batch %d (want %d), missing %v", cs.Batch, batch, cs.MissingProjects)
	}
	if len(cs.EmptyFields) == 0 {
		t.Fatal("no empty 향후계획 listed")
	}
	for _, c := range append(cs.EmptyFields, cs.Stale...) {
		if !strings.HasPrefix(c.Code, "HA-C") {
			t.Errorf("%s is not a 문화·관광 project", c.Code)
		}
	}
}

// A round that does not exist is an error naming it, not an empty status.
func TestStatusOfAnUnknownRound(t *testing.T) {
	r := newRegister(t)
	if _, err := StatusOf(ctx, r, "없는 차수"); err == nil || !strings.Contains(err.Error(), "없는 차수") {
		t.Errorf("unknown round: %v", err)
	}
	if _, err := StatusOf(ctx, r, ""); err == nil {
		t.Error("no open round, but a status")
	}
}

// A sheet without an as-of date answers the round open when it came in:
// once a round is closed, later sheets belong to the next one. (The next
// round's sheet has its own file name, as the cities' monthly files do: a
// resent file of the same name, sheet and date that leaves a project out
// cannot be told from one that repeats it unchanged, since an unchanged
// value leaves its observation as it was.)
func TestUndatedSheetsBelongToTheRoundOpenAtTheTime(t *testing.T) {
	r := newRegister(t)
	importFile(t, r, fixture("master_2026.xlsx"))
	newRound(t, r, "1차", "2026-06-30")
	// a copy whose name carries no date (nor city): a sheet without an as-of
	undated := filepath.Join(t.TempDir(), "status.xlsx")
	copyFile(t, fixture("gyeongju_2026-10.xlsx"), undated)
	pv, err := reconcile.ImportFile(ctx, r, undated, reconcile.FileOptions{City: model.Gyeongju})
	if err != nil {
		t.Fatal(err)
	}
	first := pv.Batch
	if _, err := r.CloseRound(ctx, ""); err != nil {
		t.Fatal(err)
	}
	newRound(t, r, "2차", "2026-10-31")
	if got := status(t, r, "2차").Cities[model.Gyeongju]; got.Received != nil {
		t.Errorf("round 2 received round 1's sheet: %+v", got.Received)
	}
	short := filepath.Join(t.TempDir(), "status_2.xlsx")
	withoutRow(t, fixture("gyeongju_2026-10.xlsx"), "해오름 그린웨이 조성사업", short)
	pv, err = reconcile.ImportFile(ctx, r, short, reconcile.FileOptions{City: model.Gyeongju})
	if err != nil {
		t.Fatal(err)
	}
	second := pv.Batch
	if got := status(t, r, "1차").Cities[model.Gyeongju]; got.Batch != first {
		t.Errorf("round 1: batch %d, want %d", got.Batch, first)
	}
	if got := status(t, r, "2차").Cities[model.Gyeongju]; got.Batch != second || !slices.Equal(got.MissingProjects, []string{"HA-C04"}) {
		t.Errorf("round 2: batch %d missing %v, want %d [HA-C04]", got.Batch, got.MissingProjects, second)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
