package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
)

// The round board: three cities × what they sent and what is missing,
// updated as files come in; a round is started and closed from it.
func TestRoundBoard(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, v := e.u, e.u.rounds
	ctx := context.Background()
	if _, err := reconcile.ImportFile(ctx, e.reg, filepath.Join(fixtures(t), "master_2026.xlsx"), reconcile.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	u.reload()
	u.tabs.Select(u.tabRounds)
	if v.status != nil || !strings.Contains(v.title.Text, "열린 차수가 없습니다") {
		t.Fatalf("no round yet, but %q", v.title.Text)
	}
	v.newRound()
	form := u.lastConfirm
	if form == nil {
		t.Fatal("no form to start a round")
	}
	form.Dismiss()
	if _, err := e.reg.CreateRound(ctx, register.Round{Name: "2026 하반기 실무협의회", AsOf: "2026-10-31", Due: "2026-11-15"}); err != nil {
		t.Fatal(err)
	}
	u.reload()
	if v.status == nil || !strings.Contains(v.title.Text, "2026 하반기 실무협의회") {
		t.Fatalf("the open round is not shown: %q", v.title.Text)
	}
	if got := boardText(v); strings.Count(got, "아직") != 6 {
		t.Fatalf("before any sheet, every city should be 'not yet' twice:\n%s", got)
	}
	if _, err := reconcile.ImportFile(ctx, e.reg, filepath.Join(fixtures(t), "ulsan_2026-10.xlsx"), reconcile.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	u.reload()
	got := boardText(v)
	if !strings.Contains(got, "ulsan_2026-10.xlsx") || strings.Count(got, "아직") != 5 {
		t.Fatalf("the board did not update with Ulsan's sheet:\n%s", got)
	}
	u.win.Resize(fyne.NewSize(1024, 700))
	img := u.win.Canvas().Capture()
	if dir := os.Getenv("HAEOREUM_SHOTS"); dir != "" {
		f, _ := os.Create(filepath.Join(dir, "round-board.png"))
		png.Encode(f, img)
		f.Close()
	}
}

func boardText(v *roundsView) string { return allText(v.board) }

// The open round's dates are changed from the board, as an undoable batch.
func TestRoundDatesChangeFromTheBoard(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, v := e.u, e.u.rounds
	ctx := context.Background()
	if _, err := e.reg.CreateRound(ctx, register.Round{Name: "2026 하반기", AsOf: "2026-10-31"}); err != nil {
		t.Fatal(err)
	}
	u.reload()
	if v.edit.Disabled() {
		t.Fatal("an open round's dates can be changed")
	}
	v.editRound()
	if v.lastEdit == nil || v.lastEdit.asOf.Text != "2026-10-31" || u.lastConfirm == nil {
		t.Fatal("the form starts from the round's dates")
	}
	v.lastEdit.due.SetText("2026-11-20")
	u.lastConfirm.Confirm()
	u.Wait()
	if rd, _ := e.reg.Round(ctx, ""); rd.Due != "2026-11-20" {
		t.Fatalf("stored: %+v", rd)
	}
	if !strings.Contains(v.title.Text, "2026-11-20") {
		t.Errorf("the board shows the new due date: %q", v.title.Text)
	}
}
