package ui

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/report"
	"github.com/haeoreum/register/data/round"
)

// The report screen offers the register's rounds (the open one chosen)
// and writes the chosen round's report; the board shows a refused sheet
// with why.
func TestRoundReportAndRefusedOnBoard(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	ctx := context.Background()
	if _, err := reconcile.ImportFile(ctx, e.reg, filepath.Join(fixtures(t), "master_2026.xlsx"), reconcile.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.reg.CreateRound(ctx, register.Round{Name: "2026 하반기 실무협의회", AsOf: "2026-10-31"}); err != nil {
		t.Fatal(err)
	}
	u.reload()
	v := u.reports
	if !slices.Contains(v.round.Options, "2026 하반기 실무협의회") || v.round.Selected != "2026 하반기 실무협의회" {
		t.Fatalf("the report screen offers %v, chosen %q", v.round.Options, v.round.Selected)
	}
	path := filepath.Join(t.TempDir(), "차수보고서.xlsx")
	if err := writeRoundReport(ctx, e.reg, v.round.Selected, path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, report.RoundSheetNames()) {
		t.Fatalf("round report sheets %v", got)
	}

	bad := filepath.Join(t.TempDir(), "ulsan_오류.xlsx")
	noted, err := round.NoteRefused(ctx, e.reg, bad, "", errors.New("unreadable"))
	if err != nil || !noted {
		t.Fatalf("refusal not noted: %v %v", noted, err)
	}
	u.reload()
	got := boardText(u.rounds)
	if !strings.Contains(got, "ulsan_오류.xlsx") || !strings.Contains(got, "예기치 않은 문제") {
		t.Fatalf("the board does not show Ulsan's refused sheet with why:\n%s", got)
	}
	if st := u.rounds.status.Cities[model.Ulsan]; st.Refused == nil {
		t.Fatal("Ulsan's status has no refusal")
	}
}
