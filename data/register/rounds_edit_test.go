package register

import (
	"context"
	"testing"
)

func TestEditingARoundIsAuditedAndUndone(t *testing.T) {
	ctx := context.Background()
	r := openTemp(t)
	if _, err := r.CreateRound(ctx, Round{Name: "2026 하반기", AsOf: "2026-10-31"}); err != nil {
		t.Fatal(err)
	}
	rd, err := r.EditRound(ctx, "", RoundChange{AsOf: "2026-11-30", Due: "2026-12-10"})
	if err != nil || rd.AsOf != "2026-11-30" || rd.Due != "2026-12-10" || rd.Name != "2026 하반기" {
		t.Fatalf("edited: %+v %v", rd, err)
	}
	if got, _ := r.Round(ctx, ""); got.AsOf != "2026-11-30" || got.Due != "2026-12-10" {
		t.Fatalf("stored: %+v", got)
	}
	if _, err := r.EditRound(ctx, "", RoundChange{Due: "12월 10일"}); err == nil {
		t.Fatal("a due date that is no date is refused")
	}
	if got, _ := r.Round(ctx, ""); got.Due != "2026-12-10" {
		t.Fatalf("a refused edit changes nothing: %+v", got)
	}
	last, err := r.LastUndoable(ctx, "")
	if err != nil || last == nil || last.Kind != KindRound {
		t.Fatalf("the edit is the last undoable batch: %+v %v", last, err)
	}
	if _, err := r.UndoThrough(ctx, last.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := r.Round(ctx, ""); got.AsOf != "2026-10-31" || got.Due != "" {
		t.Fatalf("undo brings the round back: %+v", got)
	}
	if _, err := r.CloseRound(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := r.EditRound(ctx, "2026 하반기", RoundChange{Due: "2026-12-20"}); err == nil {
		t.Fatal("a closed round is not edited")
	}
}
