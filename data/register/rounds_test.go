package register

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

func TestRoundsAreCreatedListedAndClosed(t *testing.T) {
	r := openTemp(t)
	r1, err := r.CreateRound(ctx, Round{Name: " 2026 상반기 실무협의회 ", AsOf: "2026-06-30", Due: "2026-07-10",
		Groups: []string{"문화·관광", " 문화·관광", ""}})
	if err != nil {
		t.Fatal(err)
	}
	if r1.Name != "2026 상반기 실무협의회" || r1.PlanYear != 2026 || r1.Status != RoundOpen || r1.Batch == 0 ||
		!slices.Equal(r1.Groups, []string{"문화·관광"}) {
		t.Fatalf("created %+v", r1)
	}
	open, err := r.Round(ctx, "")
	if err != nil || open.ID != r1.ID || open.Due != "2026-07-10" || !slices.Equal(open.Groups, r1.Groups) {
		t.Fatalf("open round %+v %v", open, err)
	}
	if _, err := r.CloseRound(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Round(ctx, ""); err == nil {
		t.Fatal("a closed round is still the open one")
	}
	r2, err := r.CreateRound(ctx, Round{Name: "2026 하반기 실무협의회", AsOf: "2026-10-31", PlanYear: 2026})
	if err != nil {
		t.Fatal(err)
	}
	list, err := r.Rounds(ctx)
	if err != nil || len(list) != 2 || list[0].Status != RoundClosed || list[0].ClosedAt == "" || list[1].Name != r2.Name {
		t.Fatalf("rounds %+v %v", list, err)
	}
	prev, ok, err := r.PreviousRound(ctx, r2)
	if err != nil || !ok || prev.ID != r1.ID {
		t.Fatalf("previous of round 2: %+v %v %v", prev, ok, err)
	}
	if _, ok, _ := r.PreviousRound(ctx, list[0]); ok {
		t.Fatal("round 1 has a previous round")
	}
}

// Each refusal names the problem in Korean and English and leaves the
// register as it was.
func TestRoundRefusals(t *testing.T) {
	r := openTemp(t)
	if _, err := r.CreateRound(ctx, Round{Name: "1차", AsOf: "2026-06-30"}); err != nil {
		t.Fatal(err)
	}
	before, _ := r.Batches(ctx, -1)
	cases := []struct {
		name  string
		round Round
		id    msg.ID
		ko    string
	}{
		{"second open round", Round{Name: "2차", AsOf: "2026-10-31"}, msgRoundOpen, "1차"},
		{"no name", Round{Name: "  ", AsOf: "2026-10-31"}, msgRoundName, "이름"},
		{"bad as-of", Round{Name: "2차", AsOf: "2026-13-01"}, msgRoundAsOf, "2026-13-01"},
		{"bad due", Round{Name: "2차", AsOf: "2026-10-31", Due: "11월 10일"}, msgRoundDue, "11월 10일"},
		{"bad plan year", Round{Name: "2차", AsOf: "2026-10-31", PlanYear: 26}, msgPlanYear, "26"},
		{"unknown group", Round{Name: "2차", AsOf: "2026-10-31", Groups: []string{"교육"}}, msgRoundGroup, "도시기반·방재"},
	}
	for _, c := range cases {
		_, err := r.CreateRound(ctx, c.round)
		var me *msg.Error
		if !errors.As(err, &me) || me.ID != c.id {
			t.Errorf("%s: %v, want %s", c.name, err, c.id)
			continue
		}
		ko := msg.TextIn(msg.Korean, me.ID, me.Args...)
		en := msg.TextIn(msg.English, me.ID, me.Args...)
		if !strings.Contains(ko, c.ko) || ko == en {
			t.Errorf("%s: %q / %q", c.name, ko, en)
		}
	}
	if _, err := r.CreateRound(ctx, Round{Name: "1차", AsOf: "2026-10-31"}); err == nil {
		t.Error("a round's name was used twice")
	}
	if _, err := r.CloseRound(ctx, "없는 차수"); !isMsg(err, msgRoundNotFound) {
		t.Errorf("closing an unknown round: %v", err)
	}
	if _, err := r.CloseRound(ctx, "1차"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.CloseRound(ctx, "1차"); !isMsg(err, msgRoundClosed) {
		t.Errorf("closing twice: %v", err)
	}
	if _, err := r.CloseRound(ctx, ""); !isMsg(err, msgNoOpenRound) {
		t.Errorf("closing with none open: %v", err)
	}
	after, _ := r.Batches(ctx, -1)
	if len(after) != len(before)+1 {
		t.Errorf("refusals wrote batches: %d → %d", len(before), len(after))
	}
}

func isMsg(err error, id msg.ID) bool {
	var me *msg.Error
	return errors.As(err, &me) && me.ID == id
}

// Creating and closing a round are batches like any other: undo takes
// them back.
func TestRoundsAreUndoable(t *testing.T) {
	r := openTemp(t)
	rd, err := r.CreateRound(ctx, Round{Name: "1차", AsOf: "2026-06-30"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.RecordIssues(ctx, rd, []Issue{{City: model.Pohang, File: "포항.xlsx"}, {City: model.Ulsan, File: "울산.xlsx"}}); err != nil {
		t.Fatal(err)
	}
	issues, err := r.Issues(ctx, rd)
	if err != nil || len(issues) != 2 || issues[model.Ulsan].File != "울산.xlsx" || issues[model.Ulsan].At == "" {
		t.Fatalf("issues %+v %v", issues, err)
	}
	if _, err := r.RecordIssues(ctx, rd, []Issue{{City: "seoul"}}); !isMsg(err, msgIssueCity) {
		t.Errorf("issue to an unknown city: %v", err)
	}
	closed, err := r.CloseRound(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := r.Round(ctx, "1차"); again.ClosedBatch == 0 || again.ClosedBatch != closed.ClosedBatch {
		t.Fatalf("closed round %+v, close returned %+v", again, closed)
	}
	if b, err := r.Undo(ctx, 0); err != nil || b.Kind != KindRound {
		t.Fatalf("undo close: %+v %v", b, err)
	}
	if open, err := r.Round(ctx, ""); err != nil || open.ID != rd.ID || open.ClosedAt != "" || open.ClosedBatch != 0 {
		t.Fatalf("after undoing the close: %+v %v", open, err)
	}
	if _, err := r.Undo(ctx, 0); err != nil { // the issues
		t.Fatal(err)
	}
	if issues, _ := r.Issues(ctx, rd); len(issues) != 0 {
		t.Fatalf("issues after undo: %+v", issues)
	}
	if _, err := r.Undo(ctx, 0); err != nil { // the round itself
		t.Fatal(err)
	}
	if list, _ := r.Rounds(ctx); len(list) != 0 {
		t.Fatalf("rounds after undo: %+v", list)
	}
	if err := r.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRoundWritesOutsideABatchAreRefused(t *testing.T) {
	r := openTemp(t)
	_, err := r.db.Exec(`INSERT INTO rounds(name, as_of, status, created_at, batch_id) VALUES ('x', '2026-06-30', 'open', '', 1)`)
	if err == nil || !strings.Contains(err.Error(), "outside a batch") {
		t.Fatalf("un-audited write was allowed: %v", err)
	}
}

// A register written by the version before rounds is migrated (after a
// backup) and keeps its data.
func TestVersion1RegisterMigratesToRounds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	olderRegister(t, path, 1, func(r *Register) { insert(t, r, sample("HA-E01")) })
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var version int
	r.db.QueryRow(`PRAGMA user_version`).Scan(&version)
	if version != SchemaVersion {
		t.Fatalf("user_version %d", version)
	}
	if _, err := r.Project(ctx, "HA-E01"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.CreateRound(ctx, Round{Name: "1차", AsOf: "2026-06-30"}); err != nil {
		t.Fatal(err)
	}
	if backups, err := r.Backups(); err != nil || len(backups) == 0 {
		t.Errorf("no backup before the migration: %v %v", backups, err)
	}
}

// A backup made before rounds existed is restored and brought up to the
// current schema at once: read-only opens (the CLI's list) work on it.
func TestRestoringAVersion1BackupMigratesIt(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	saved := migrations
	migrations, SchemaVersion = migrations[:1], 1
	r, err := Open(old, Options{})
	if err == nil {
		insert(t, r, sample("HA-E01"))
		r.Close()
	}
	migrations, SchemaVersion = saved, len(saved)
	if err != nil {
		t.Fatal(err)
	}
	cur := filepath.Join(dir, "current.db")
	r, err = Open(cur, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Restore(ctx, old); err != nil {
		t.Fatal(err)
	}
	if _, err := r.CreateRound(ctx, Round{Name: "1차", AsOf: "2026-06-30"}); err != nil {
		t.Fatalf("a round in the restored register: %v", err)
	}
	r.Close()
	ro, err := Open(cur, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open after restoring a version 1 backup: %v", err)
	}
	defer ro.Close()
	if _, err := ro.Project(ctx, "HA-E01"); err != nil {
		t.Fatal(err)
	}
}

// olderRegister writes a register at path in the format of schema version
// (the code as it was then), with fill's content, and closes it.
func olderRegister(t *testing.T, path string, version int, fill func(r *Register)) {
	t.Helper()
	saved := migrations
	migrations, SchemaVersion = migrations[:version], version
	defer func() { migrations, SchemaVersion = saved, len(saved) }() // also when fill fails the test
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	fill(r)
}
