package register

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// Round is one meeting round (차수): the alliance asks every city for its
// sheet as of one date, before a 실무협의회 or 정기회. Name is how people
// call it ("2026 하반기 실무협의회"); it is unique.
type Round struct {
	ID        int64    `json:"-"`
	Name      string   `json:"name"`
	PlanYear  int      `json:"plan_year"`
	AsOf      string   `json:"as_of"`         // YYYY-MM-DD the round asks for
	Due       string   `json:"due,omitempty"` // YYYY-MM-DD the sheets are due, "" if not set
	Groups    []string `json:"groups"`        // the working groups it covers; empty: all
	Status    string   `json:"status"`        // open, closed
	CreatedAt string   `json:"created_at"`
	ClosedAt  string   `json:"closed_at,omitempty"`
	Batch     int64    `json:"batch"` // the batch that created it
	// ClosedBatch is the batch that closed it (0 while open): sheets
	// imported after it answer a later round.
	ClosedBatch int64 `json:"closed_batch,omitempty"`
}

// Round statuses.
const (
	RoundOpen   = "open"
	RoundClosed = "closed"
)

// KindRound is the batch kind of creating or closing a round and of
// recording the templates issued for it.
const KindRound = "round"

// Issue records a template issued to one city for a round.
type Issue struct {
	City   model.City `json:"city"`
	File   string     `json:"file"`
	SHA256 string     `json:"sha256,omitempty"`
	At     string     `json:"at"`
}

func migrateV2(tx *sql.Tx) error {
	stmts := []string{
		`CREATE TABLE rounds (
			id INTEGER PRIMARY KEY,
			name TEXT NOT NULL UNIQUE,
			plan_year INTEGER NOT NULL DEFAULT 0,
			as_of TEXT NOT NULL,
			due TEXT NOT NULL DEFAULT '',
			work_groups TEXT NOT NULL DEFAULT '[]', -- JSON array of work group names
			status TEXT NOT NULL,                   -- open, closed
			created_at TEXT NOT NULL,
			closed_at TEXT NOT NULL DEFAULT '',
			batch_id INTEGER NOT NULL REFERENCES batches(id),
			closed_batch INTEGER NOT NULL DEFAULT 0
		)`,
		// At most one open round, whatever writes the table.
		`CREATE UNIQUE INDEX rounds_one_open ON rounds(status) WHERE status = 'open'`,
		`CREATE TABLE round_issues (
			id INTEGER PRIMARY KEY,
			round_id INTEGER NOT NULL REFERENCES rounds(id),
			city TEXT NOT NULL,
			file TEXT NOT NULL DEFAULT '',
			sha256 TEXT NOT NULL DEFAULT '',
			at TEXT NOT NULL,
			batch_id INTEGER NOT NULL REFERENCES batches(id)
		)`,
		`CREATE INDEX round_issues_round ON round_issues(round_id, city)`,
	}
	stmts = append(stmts, auditTriggers(2)...)
	return execAll(tx, 2, stmts)
}

var (
	msgRoundName = msg.Define("register.round_name",
		"차수 이름을 적어 주세요(예: 2026 하반기 실무협의회). 아무것도 바뀌지 않았습니다.",
		"give the round a name (e.g. 2026 하반기 실무협의회). Nothing was changed.")
	msgRoundAsOf = msg.Define("register.round_as_of",
		"차수의 기준일 %q을(를) 날짜로 읽을 수 없습니다. 2026-10-31처럼 적어 주세요. 아무것도 바뀌지 않았습니다.",
		"the round's as-of date %q is not a date. Write it like 2026-10-31. Nothing was changed.")
	msgRoundDue = msg.Define("register.round_due",
		"차수의 제출 기한 %q을(를) 날짜로 읽을 수 없습니다. 2026-11-10처럼 적어 주세요. 아무것도 바뀌지 않았습니다.",
		"the round's due date %q is not a date. Write it like 2026-11-10. Nothing was changed.")
	msgRoundOpen = msg.Define("register.round_open",
		"진행 중인 차수 %q이(가) 있어 새 차수를 만들지 않았습니다. 한 번에 한 차수만 진행할 수 있으니, 먼저 그 차수를 마감해 주세요.",
		"the round %q is still open, so no new round was made. Only one round can be open at a time: close that one first.")
	msgRoundExists = msg.Define("register.round_exists",
		"차수 %q이(가) 이미 있습니다. 다른 이름을 써 주세요. 아무것도 바뀌지 않았습니다.",
		"there is already a round named %q. Choose another name. Nothing was changed.")
	msgRoundGroup = msg.Define("register.round_group",
		"실무협의회 %q은(는) 시행계획에 없습니다(있는 것: %s). 아무것도 바뀌지 않았습니다.",
		"the working group %q is not in the plan (it has: %s). Nothing was changed.")
	msgNoOpenRound = msg.Define("register.no_open_round",
		"진행 중인 차수가 없습니다. 차수 이름을 지정하거나 새 차수를 만들어 주세요.",
		"no round is open. Name a round, or make a new one.")
	msgRoundNotFound = msg.Define("register.round_not_found",
		"차수 %q을(를) 찾을 수 없습니다. 차수 목록에서 이름을 확인해 주세요.",
		"there is no round named %q. Check the name in the list of rounds.")
	msgRoundClosed = msg.Define("register.round_closed",
		"차수 %q은(는) 이미 마감되었습니다(%s). 아무것도 바뀌지 않았습니다.",
		"the round %q was already closed (%s). Nothing was changed.")
	msgIssueCity = msg.Define("register.issue_city",
		"서식을 보낸 시를 알 수 없습니다(%q). 포항, 울산, 경주 중 하나여야 합니다. 아무것도 바뀌지 않았습니다.",
		"the city a template was issued to is unknown (%q): it must be Pohang, Ulsan or Gyeongju. Nothing was changed.")
)

// CreateRound opens a new round as one audited, undoable batch. The plan
// year defaults to the as-of date's year. A second open round is refused.
func (r *Register) CreateRound(ctx context.Context, in Round) (Round, error) {
	where := msg.Where{File: r.path}
	rd, err := r.checkRound(ctx, in)
	if err != nil {
		return Round{}, err
	}
	if rd.Groups == nil {
		rd.Groups = []string{}
	}
	groups, _ := json.Marshal(rd.Groups)
	rd.Status, rd.CreatedAt = RoundOpen, now()
	rd.Batch, err = r.Write(ctx, Batch{Kind: KindRound, AsOf: rd.AsOf, Summary: roundSummary("new", rd.Name)}, func(tx *Tx) error {
		// Checked inside the write: another program cannot open a round in between.
		if open, ok, err := tx.round(`status = ?`, RoundOpen); err != nil {
			return err
		} else if ok {
			return msg.Errorf(where, msgRoundOpen, open.Name)
		}
		if _, ok, err := tx.round(`name = ?`, rd.Name); err != nil {
			return err
		} else if ok {
			return msg.Errorf(where, msgRoundExists, rd.Name)
		}
		res, err := tx.execResult(`INSERT INTO rounds(name, plan_year, as_of, due, work_groups, status, created_at, batch_id)
			VALUES (?,?,?,?,?,?,?,?)`, rd.Name, rd.PlanYear, rd.AsOf, rd.Due, string(groups), rd.Status, rd.CreatedAt, tx.batch)
		if err != nil {
			return err
		}
		rd.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return Round{}, err
	}
	return rd, nil
}

// round reads the round matching cond, as the transaction sees it.
func (t *Tx) round(cond string, arg any) (Round, bool, error) {
	rd, err := scanRound(t.tx.QueryRowContext(t.ctx, selectRound+` WHERE `+cond, arg))
	if err == sql.ErrNoRows {
		return rd, false, nil
	}
	return rd, err == nil, err
}

// checkRound validates and tidies a round to be created.
func (r *Register) checkRound(ctx context.Context, rd Round) (Round, error) {
	where := msg.Where{File: r.path}
	rd.Name, rd.AsOf, rd.Due = strings.TrimSpace(rd.Name), strings.TrimSpace(rd.AsOf), strings.TrimSpace(rd.Due)
	if rd.Name == "" {
		return rd, msg.Errorf(where, msgRoundName)
	}
	asOf, err := time.Parse(time.DateOnly, rd.AsOf)
	if err != nil {
		return rd, msg.Errorf(where, msgRoundAsOf, rd.AsOf)
	}
	if _, err := time.Parse(time.DateOnly, rd.Due); rd.Due != "" && err != nil {
		return rd, msg.Errorf(where, msgRoundDue, rd.Due)
	}
	if rd.PlanYear == 0 {
		rd.PlanYear = asOf.Year()
	}
	if rd.PlanYear < 2000 || rd.PlanYear > 2100 {
		return rd, msg.Errorf(where, msgPlanYear, rd.PlanYear)
	}
	groups, err := r.knownGroups(ctx)
	if err != nil {
		return rd, err
	}
	var tidy []string
	for _, g := range rd.Groups {
		g = strings.TrimSpace(g)
		switch {
		case g == "" || slices.Contains(tidy, g):
			continue
		case !slices.Contains(groups, g):
			return rd, msg.Errorf(where, msgRoundGroup, g, strings.Join(groups, ", "))
		}
		tidy = append(tidy, g)
	}
	rd.Groups = tidy
	if rd.Groups == nil {
		rd.Groups = []string{}
	}
	return rd, nil
}

// knownGroups lists the newest plan's working groups, in plan order.
func (r *Register) knownGroups(ctx context.Context) ([]string, error) {
	s, err := r.Scheme(ctx)
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	var out []string
	for _, f := range s.Fields {
		if g := s.Groups[f]; g != "" && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out, nil
}

func roundSummary(action, name string) string {
	b, _ := json.Marshal(map[string]string{"round": action, "name": name})
	return string(b)
}

const selectRound = `SELECT id, name, plan_year, as_of, due, work_groups, status, created_at, closed_at, batch_id, closed_batch FROM rounds`

func scanRound(s scanner) (Round, error) {
	var rd Round
	var groups string
	if err := s.Scan(&rd.ID, &rd.Name, &rd.PlanYear, &rd.AsOf, &rd.Due, &groups, &rd.Status,
		&rd.CreatedAt, &rd.ClosedAt, &rd.Batch, &rd.ClosedBatch); err != nil {
		return rd, err
	}
	if err := json.Unmarshal([]byte(groups), &rd.Groups); err != nil {
		return rd, err
	}
	if rd.Groups == nil {
		rd.Groups = []string{}
	}
	return rd, nil
}

// Rounds lists every round, oldest as-of first.
func (r *Register) Rounds(ctx context.Context) ([]Round, error) {
	rows, err := r.db.QueryContext(ctx, selectRound+` ORDER BY as_of, id`)
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	defer rows.Close()
	out := []Round{}
	for rows.Next() {
		rd, err := scanRound(rows)
		if err != nil {
			return nil, classify(err, msg.Where{File: r.path})
		}
		out = append(out, rd)
	}
	return out, rows.Err()
}

// Round returns the round of that name, or with name "" the open round.
func (r *Register) Round(ctx context.Context, name string) (Round, error) {
	where := msg.Where{File: r.path}
	name = strings.TrimSpace(name)
	var row *sql.Row
	if name == "" {
		row = r.db.QueryRowContext(ctx, selectRound+` WHERE status = ?`, RoundOpen)
	} else {
		row = r.db.QueryRowContext(ctx, selectRound+` WHERE name = ?`, name)
	}
	rd, err := scanRound(row)
	switch {
	case err == sql.ErrNoRows && name == "":
		return rd, msg.Errorf(where, msgNoOpenRound)
	case err == sql.ErrNoRows:
		return rd, msg.Errorf(where, msgRoundNotFound, name)
	case err != nil:
		return rd, classify(err, where)
	}
	return rd, nil
}

// PreviousRound returns the round before rd (the newest with an earlier
// as-of date), and false when rd is the first.
func (r *Register) PreviousRound(ctx context.Context, rd Round) (Round, bool, error) {
	prev, err := scanRound(r.db.QueryRowContext(ctx, selectRound+` WHERE as_of < ? ORDER BY as_of DESC, id DESC LIMIT 1`, rd.AsOf))
	if err == sql.ErrNoRows {
		return Round{}, false, nil
	}
	if err != nil {
		return Round{}, false, classify(err, msg.Where{File: r.path})
	}
	return prev, true, nil
}

// CloseRound closes a round (name "" is the open one) as one audited,
// undoable batch.
func (r *Register) CloseRound(ctx context.Context, name string) (Round, error) {
	rd, err := r.Round(ctx, name)
	if err != nil {
		return Round{}, err
	}
	if rd.Status == RoundClosed {
		return Round{}, msg.Errorf(msg.Where{File: r.path}, msgRoundClosed, rd.Name, rd.ClosedAt)
	}
	rd.Status, rd.ClosedAt = RoundClosed, now()
	rd.ClosedBatch, err = r.Write(ctx, Batch{Kind: KindRound, AsOf: rd.AsOf, Summary: roundSummary("close", rd.Name)}, func(tx *Tx) error {
		res, err := tx.execResult(`UPDATE rounds SET status = ?, closed_at = ?, closed_batch = ? WHERE id = ? AND status = ?`,
			RoundClosed, rd.ClosedAt, tx.batch, rd.ID, RoundOpen)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err == nil && n == 0 { // closed by another program since it was read
			err = msg.Errorf(msg.Where{File: r.path}, msgRoundClosed, rd.Name, now())
		}
		return err
	})
	if err != nil {
		return Round{}, err
	}
	return rd, nil
}

// RecordIssues records the templates issued for a round, all in one
// audited batch (issuing the three cities' templates is one act).
func (r *Register) RecordIssues(ctx context.Context, rd Round, issues []Issue) (int64, error) {
	for _, is := range issues {
		if !is.City.Valid() {
			return 0, msg.Errorf(msg.Where{File: r.path}, msgIssueCity, string(is.City))
		}
	}
	return r.Write(ctx, Batch{Kind: KindRound, AsOf: rd.AsOf, Summary: roundSummary("issue", rd.Name)}, func(tx *Tx) error {
		at := now()
		for _, is := range issues {
			if err := tx.exec(`INSERT INTO round_issues(round_id, city, file, sha256, at, batch_id) VALUES (?,?,?,?,?,?)`,
				rd.ID, string(is.City), is.File, is.SHA256, at, tx.batch); err != nil {
				return err
			}
		}
		return nil
	})
}

// Issues returns, per city, the newest template issued for the round.
func (r *Register) Issues(ctx context.Context, rd Round) (map[model.City]Issue, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT city, file, sha256, at FROM round_issues WHERE round_id = ? ORDER BY id`, rd.ID)
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	defer rows.Close()
	out := map[model.City]Issue{}
	for rows.Next() {
		var is Issue
		var city string
		if err := rows.Scan(&city, &is.File, &is.SHA256, &is.At); err != nil {
			return nil, classify(err, msg.Where{File: r.path})
		}
		is.City = model.City(city)
		out[is.City] = is // later rows are newer
	}
	return out, rows.Err()
}

// CityObservations returns every value the city reported, newest per
// project and field, with the batch that last changed it.
func (r *Register) CityObservations(ctx context.Context, city model.City) ([]Observation, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT project_id, field, value, precision, raw, file, sheet, cell, as_of, batch_id
		FROM observations WHERE city = ?`, string(city))
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	defer rows.Close()
	var out []Observation
	for rows.Next() {
		o := Observation{City: city}
		var field string
		if err := rows.Scan(&o.ProjectID, &field, &o.Value, &o.Precision, &o.Raw, &o.File, &o.Sheet, &o.Cell, &o.AsOf, &o.Batch); err != nil {
			return nil, classify(err, msg.Where{File: r.path})
		}
		o.Field = model.FieldKey(field)
		out = append(out, o)
	}
	return out, rows.Err()
}

// ChangesBetween returns the changes of the batches after batch `after`
// and, when until > 0, before batch `until`, newest first: what happened
// between two rounds. Undone work and its undo are both there, so that
// a net reading cancels them out.
func (r *Register) ChangesBetween(ctx context.Context, after, until int64) ([]Change, error) {
	if until <= 0 {
		until = 1 << 62
	}
	// until is an integer the register itself gave: safe to write into the query
	return r.changes(ctx, `WHERE h.batch_id > ? AND h.batch_id < `+strconv.FormatInt(until, 10), after)
}
