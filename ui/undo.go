package ui

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
)

// undo undoes the newest batch (or batchID), after saying what it will
// take back: when later changes were made since, they are listed and undone
// with it, newest first, in one confirmed action. Ctrl+Z and the import
// wizard's undo button both come here.
func undo(s *store, sh *shell, batchID int64, after func(err error)) {
	if s.reg.ReadOnly() {
		sh.notify(lang.L("The register is open read-only: nothing can be changed."))
		return
	}
	ctx := context.Background()
	if batchID == 0 {
		last, err := s.reg.LastUndoable(ctx, "")
		if err != nil {
			sh.report(err)
			return
		}
		if last == nil {
			sh.notify(msg.Text("register.nothing_to_undo"))
			return
		}
		batchID = last.ID
	}
	plan, err := s.reg.UndoPlan(ctx, batchID)
	if err != nil {
		sh.report(err)
		return
	}
	var lines []string
	for _, b := range plan {
		lines = append(lines, "· "+batchText(b))
	}
	text := lang.L("Undo the last change ({{.What}})? Everything it changed goes back as it was.", map[string]any{"What": batchText(plan[0])})
	if len(plan) > 1 {
		text = lang.L("Later changes were made after it. These {{.N}} changes are undone together, newest first, and everything they changed goes back as it was:", map[string]any{"N": len(plan)}) +
			"\n" + strings.Join(lines, "\n")
	}
	sh.confirm(lang.L("Undo"), text, lang.L("Undo"), func() {
		sh.background(lang.L("Undoing"), func(ctx context.Context, _ Progress) error {
			_, err := s.reg.UndoThrough(ctx, batchID)
			return err
		}, func(err error) {
			s.reload()
			if after != nil {
				after(err)
			}
		})
	})
}

// batchText names a batch for a person: what, which file, when and by whom.
func batchText(b register.Batch) string {
	what := batchKindLabel(b.Kind)
	if b.File != "" {
		what += " · " + filepath.Base(b.File)
	}
	return what + " · " + shortTime(b.At) + " · " + b.User
}
