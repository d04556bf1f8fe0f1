package register

import (
	"context"
	"encoding/json"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// Refusal is a sheet that came in for a round and was refused: the file,
// its hash, when, and why in both languages (the message the official
// saw). The sheet's values never entered the register; only this note
// did, so that the round's status can say "refused, and why".
//
// A note is a batch of its own (kind round, the file, hash and city in the
// batch, the reasons in its summary): no table and no schema change, and
// undo takes a note back like any other change.
type Refusal struct {
	City   model.City `json:"city,omitempty"` // "" when the sheet did not say and no one named it
	File   string     `json:"file"`
	SHA256 string     `json:"sha256,omitempty"`
	At     string     `json:"at"`
	WhyKo  string     `json:"why_ko"`
	WhyEn  string     `json:"why_en"`
	Batch  int64      `json:"batch"`
}

// refusalSummary is a refusal note's batch summary.
type refusalSummary struct {
	Round string `json:"round"` // "refused"
	Name  string `json:"name"`
	WhyKo string `json:"why_ko"`
	WhyEn string `json:"why_en"`
}

// RecordRefusal notes a refused sheet for the round as one audited batch.
func (r *Register) RecordRefusal(ctx context.Context, rd Round, ref Refusal) (int64, error) {
	if ref.City != "" && !ref.City.Valid() {
		return 0, msg.Errorf(msg.Where{File: r.path}, msgIssueCity, string(ref.City))
	}
	sum, _ := json.Marshal(refusalSummary{Round: "refused", Name: rd.Name, WhyKo: ref.WhyKo, WhyEn: ref.WhyEn})
	return r.Write(ctx, Batch{Kind: KindRound, City: ref.City, File: ref.File, SHA256: ref.SHA256, AsOf: rd.AsOf,
		Summary: string(sum)}, func(tx *Tx) error { return nil })
}

// RefusalOf reads a batch as a refusal note for the named round; false
// when it is not one (or was undone).
func RefusalOf(b Batch, round string) (Refusal, bool) {
	if b.Kind != KindRound || b.Undone != 0 {
		return Refusal{}, false
	}
	var s refusalSummary
	if json.Unmarshal([]byte(b.Summary), &s) != nil || s.Round != "refused" || s.Name != round {
		return Refusal{}, false
	}
	return Refusal{City: b.City, File: b.File, SHA256: b.SHA256, At: b.At, WhyKo: s.WhyKo, WhyEn: s.WhyEn, Batch: b.ID}, true
}
