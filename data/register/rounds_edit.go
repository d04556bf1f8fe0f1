package register

import (
	"context"
	"encoding/json"

	"github.com/haeoreum/register/data/msg"
)

// RoundChange is what an edit of a round changes; a zero field keeps the
// round's own. The name is kept: the round's notes (templates issued,
// sheets refused) are recorded under it.
type RoundChange struct {
	AsOf     string
	Due      string
	PlanYear int
	Groups   []string // nil keeps them; empty covers every working group
}

// EditRound changes an open round (name "" is the open one) as one
// audited, undoable batch, checked as a new round is.
func (r *Register) EditRound(ctx context.Context, name string, ch RoundChange) (Round, error) {
	rd, err := r.Round(ctx, name)
	if err != nil {
		return Round{}, err
	}
	if rd.Status == RoundClosed {
		return Round{}, msg.Errorf(msg.Where{File: r.path}, msgRoundClosed, rd.Name, rd.ClosedAt)
	}
	edited := rd
	if ch.AsOf != "" {
		edited.AsOf = ch.AsOf
	}
	if ch.Due != "" {
		edited.Due = ch.Due
	}
	if ch.PlanYear != 0 {
		edited.PlanYear = ch.PlanYear
	}
	if ch.Groups != nil {
		edited.Groups = ch.Groups
	}
	if edited, err = r.checkRound(ctx, edited); err != nil {
		return Round{}, err
	}
	groups, _ := json.Marshal(edited.Groups)
	_, err = r.Write(ctx, Batch{Kind: KindRound, AsOf: edited.AsOf, Summary: roundSummary("edit", rd.Name)}, func(tx *Tx) error {
		res, err := tx.execResult(`UPDATE rounds SET as_of = ?, due = ?, plan_year = ?, work_groups = ? WHERE id = ? AND status = ?`,
			edited.AsOf, edited.Due, edited.PlanYear, string(groups), rd.ID, RoundOpen)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err == nil && n == 0 { // closed by another program since it was read
			return msg.Errorf(msg.Where{File: r.path}, msgRoundClosed, rd.Name, now())
		}
		return err
	})
	if err != nil {
		return Round{}, err
	}
	return edited, nil
}
