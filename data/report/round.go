package report

import (
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/summary"
)

// A round's report (차수 보고서) is the pack of one meeting round: per
// project what changed since the previous round (추진율 Δ, budget and
// period, new 추진실적 lines), by working group as the 실무협의회 meets and
// by field, with the plan-count check, and a page of who sent what.
// data/round gathers its data (the round's status lives there); this file
// only lays it out.

// RoundReport is what a round's report shows.
type RoundReport struct {
	Round    register.Round
	Previous *register.Round  // nil for the first round: every value is new
	Projects []*model.Project // the round's projects (its working groups), as they stand
	// Changes are the register's changes since the previous round, newest
	// first (register.RoundChanges); undone work cancels out.
	Changes []register.Change
	Scheme  register.FieldScheme
	Plan    register.Plan
	Cities  []CityReceipt // who sent what, in the alliance's order
	Author  string
	Created time.Time
}

// CityReceipt is one city's line on the status page.
type CityReceipt struct {
	City          model.City
	Issued        string // when its template went out (RFC 3339), "" if not
	File, At      string // the sheet that answers the round, "" if none
	Batch         int64  // its import
	Refused       string // the newest sheet refused since (file), "" if none
	RefusedWhy    string // why, in Korean
	Missing       []string
	Empty, Stale  int
	OpenConflicts int
}

// Round report sheet names.
const (
	SheetRoundSummary = "차수 요약"
	SheetRoundChanges = "변경 내역"
	SheetRoundStatus  = "제출 현황"
)

// RoundSheetNames lists a round report's sheets in order.
func RoundSheetNames() []string {
	return []string{SheetRoundSummary, SheetRoundChanges, SheetRoundStatus}
}

// ValueChange is one value before and after, as people read it.
type ValueChange struct {
	Field    model.FieldKey
	Old, New string // canonical text
}

// ProjectChange is what changed in one project since the previous round.
type ProjectChange struct {
	Project                  *model.Project
	Added                    bool     // entered the register since
	OldProgress, NewProgress *float64 // set when 추진율 changed
	Budget                   []ValueChange
	Period                   []ValueChange
	NewActivities            []string // 추진실적 lines that were not there before
}

// Changed reports whether anything the round report shows changed.
func (c ProjectChange) Changed() bool {
	return c.Added || c.OldProgress != nil || c.NewProgress != nil || len(c.Budget)+len(c.Period)+len(c.NewActivities) > 0
}

// ProgressDelta is the change of 추진율 in percentage points (0 if none).
func (c ProjectChange) ProgressDelta() float64 {
	if c.NewProgress == nil || c.OldProgress == nil {
		return 0
	}
	return roundTenth(*c.NewProgress - *c.OldProgress)
}

func roundTenth(v float64) float64 {
	return float64(int64(v*10+signHalf(v))) / 10
}

func signHalf(v float64) float64 {
	if v < 0 {
		return -0.5
	}
	return 0.5
}

// RoundChanges works out, for every project of the report in its order
// (working group, field, register order), what changed since the
// previous round, net of undone work.
func RoundChanges(rr RoundReport) []ProjectChange {
	byCode := map[string]*ProjectChange{}
	var out []ProjectChange
	for _, p := range roundOrder(rr) {
		out = append(out, ProjectChange{Project: p})
	}
	for i := range out {
		byCode[out[i].Project.Code] = &out[i]
	}
	for _, n := range netChanges(rr.Changes, rr.Projects, rr.Scheme.Fields) {
		c := byCode[n.code]
		if c == nil {
			continue // a project outside the round's working groups
		}
		_, tier := model.TierOf(n.field)
		switch {
		case n.field == fieldCreated:
			c.Added = true
		case n.field == model.FProgress:
			c.OldProgress, c.NewProgress = parseProgress(n.old), parseProgress(n.new)
		case tier:
			c.Budget = append(c.Budget, ValueChange{n.field, n.old, n.new})
		case n.field == model.FStart || n.field == model.FEnd:
			c.Period = append(c.Period, ValueChange{n.field, n.old, n.new})
		case n.field == model.FActivities:
			c.NewActivities = newLines(n.old, n.new)
		}
	}
	return out
}

func parseProgress(s string) *float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return nil
	}
	return &v
}

// newLines are the lines of now that were not in before (blank ones left out).
func newLines(before, now string) []string {
	had := map[string]bool{}
	for _, l := range strings.Split(before, "\n") {
		had[strings.TrimSpace(l)] = true
	}
	var out []string
	for _, l := range strings.Split(now, "\n") {
		if l = strings.TrimSpace(l); l != "" && !had[l] {
			out = append(out, l)
		}
	}
	return out
}

// roundPlan is the plan the report groups by: the register's plan year,
// its fields and working groups from the scheme when the plan has none.
func roundPlan(rr RoundReport) register.Plan {
	plan := rr.Plan
	if len(plan.Fields) == 0 {
		plan.Fields, plan.Groups = rr.Scheme.Fields, rr.Scheme.Groups
	}
	return plan
}

// roundOrder lists the projects by working group, then field, as the
// 실무협의회 meets (data/summary's grouping).
func roundOrder(rr RoundReport) []*model.Project {
	var out []*model.Project
	for _, g := range summary.Of(rr.Projects, roundPlan(rr)).ByWork {
		for _, f := range groupByField(g.Projects, g.Fields) {
			out = append(out, f.projects...)
		}
	}
	return out
}

// ExportRound writes a round's report to path safely (see Export).
func ExportRound(path string, rr RoundReport, o SaveOptions) error {
	return save(path, o, RoundSheetNames(), func(w io.Writer) error { return WriteRound(w, rr) })
}

// WriteRound writes a round's report workbook to w.
func WriteRound(w io.Writer, rr RoundReport) error {
	rr.Author = cmp.Or(rr.Author, "해오름동맹 사무국")
	if rr.Created.IsZero() {
		rr.Created = time.Now()
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := setupBook(f, "해오름동맹 공동협력사업 차수 보고서 — "+rr.Round.Name+" (기준: "+officialDate(rr.Round.AsOf)+")",
		rr.Author, rr.Created); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	names := RoundSheetNames()
	if err := f.SetSheetName("Sheet1", names[0]); err != nil {
		return err
	}
	for _, n := range names[1:] {
		if _, err := f.NewSheet(n); err != nil {
			return err
		}
	}
	changes := RoundChanges(rr)
	if err := writeRoundSummary(f, &st, rr, changes); err != nil {
		return err
	}
	if err := writeRoundChanges(f, &st, rr, changes); err != nil {
		return err
	}
	if err := writeRoundStatus(f, &st, rr); err != nil {
		return err
	}
	return f.Write(w)
}

// sinceLine says what the report compares with.
func sinceLine(rr RoundReport) string {
	line := "(기준: " + officialDate(rr.Round.AsOf) + ")  "
	if rr.Previous == nil {
		return line + "첫 차수입니다: 지난 차수와 비교하지 않았습니다."
	}
	return line + "지난 차수 '" + rr.Previous.Name + "'(기준: " + officialDate(rr.Previous.AsOf) + ") 이후 바뀐 것"
}

// previousProjects are the round's projects with 추진율 as it stood at the
// previous round, for that round's averages.
func previousProjects(changes []ProjectChange) []*model.Project {
	out := make([]*model.Project, 0, len(changes))
	for _, c := range changes {
		p := *c.Project
		if c.OldProgress != nil || c.NewProgress != nil {
			p.Progress = c.OldProgress
		}
		if c.Added {
			continue // not in the register at the previous round
		}
		out = append(out, &p)
	}
	return out
}

// roundGroupLine is one line of 차수 요약: a working group's or a field's
// projects and what changed in them.
type roundGroupLine struct {
	name, other                           string
	projects, changed, budget, period, nw int
	before, now                           *float64
}

func groupLines(groups, before []summary.Group, changes []ProjectChange, other func(summary.Group) string) []roundGroupLine {
	byCode := map[string]ProjectChange{}
	for _, c := range changes {
		byCode[c.Project.Code] = c
	}
	prev := map[string]*float64{}
	for _, g := range before {
		prev[g.Name] = g.Progress
	}
	var out []roundGroupLine
	for _, g := range groups {
		if len(g.Projects) == 0 {
			continue
		}
		l := roundGroupLine{name: cmp.Or(g.Name, "분야 없음"), other: other(g), projects: len(g.Projects), now: g.Progress, before: prev[g.Name]}
		for _, p := range g.Projects {
			c := byCode[p.Code]
			l.changed += b2i(c.Changed())
			l.budget += b2i(len(c.Budget) > 0)
			l.period += b2i(len(c.Period) > 0)
			l.nw += b2i(len(c.NewActivities) > 0)
		}
		out = append(out, l)
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

const roundSummaryCols = 10

// writeRoundSummary writes 차수 요약: the round, the plan check, and per
// working group and per field the projects, how many changed and how,
// and average 추진율 then and now.
func writeRoundSummary(f *excelize.File, st *styles, rr RoundReport, changes []ProjectChange) error {
	s, err := newSheetOut(f, SheetRoundSummary, nil)
	if err != nil {
		return err
	}
	for i, w := range []float64{18, 30, 8, 8, 9, 9, 8, 9, 9, 9} {
		if err := s.sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	sp := summaryPrinter{s: s, st: st}
	if err := sp.put(30, excelize.Cell{StyleID: st.title, Value: "차수 보고서 — " + rr.Round.Name}); err != nil {
		return err
	}
	if err := s.merge(1, 1, roundSummaryCols, 1); err != nil {
		return err
	}
	if err := sp.put(20, excelize.Cell{StyleID: st.note, Value: sinceLine(rr)}); err != nil {
		return err
	}
	plan := roundPlan(rr)
	now, then := summary.Of(rr.Projects, plan), summary.Of(previousProjects(changes), plan)
	// the plan check is about the whole register's count, whatever groups the round covers
	if err := sp.put(20, excelize.Cell{StyleID: st.note, Value: "시행계획: " + now.Plan.TextIn(msg.Korean)}); err != nil {
		return err
	}
	work := groupLines(now.ByWork, then.ByWork, changes, func(g summary.Group) string { return strings.Join(g.Fields, ", ") })
	if err := roundGroupTable(sp, "1. 실무협의회별", "실무협의회", "분야", work); err != nil {
		return err
	}
	fields := groupLines(now.ByField, then.ByField, changes, func(g summary.Group) string {
		return cmp.Or(plan.Groups[g.Name], g.Name)
	})
	if err := roundGroupTable(sp, "2. 분야별", "분야", "실무협의회", fields); err != nil {
		return err
	}
	if err := pageSetup(f, SheetRoundSummary, [2]int{}, rr.Round.AsOf); err != nil {
		return err
	}
	return s.sw.Flush()
}

func roundGroupTable(sp summaryPrinter, title, first, second string, lines []roundGroupLine) error {
	if err := sp.section(title); err != nil {
		return err
	}
	heads := []string{first, second, "사업 수", "바뀐 사업", "지난 평균 추진율(%)", "현재 평균 추진율(%)", "증감(%p)", "사업비 변경", "사업기간 변경", "새 추진실적"}
	hdr := make([]any, len(heads))
	for i, h := range heads {
		hdr[i] = sp.hdr(h)
	}
	if err := sp.put(40, hdr...); err != nil {
		return err
	}
	st := sp.st
	for _, l := range lines {
		delta := excelize.Cell{StyleID: st.center}
		if l.before != nil && l.now != nil {
			delta.Value = signed(*l.now - *l.before)
		}
		lines := max(lineCount(l.name, 18), lineCount(l.other, 30))
		if err := sp.put(rowHeight(lines), excelize.Cell{StyleID: st.wrap, Value: l.name}, excelize.Cell{StyleID: st.wrap, Value: l.other},
			sp.num(st.count, l.projects), sp.num(st.count, l.changed), sp.prog(st.progress, l.before), sp.prog(st.progress, l.now), delta,
			sp.num(st.count, l.budget), sp.num(st.count, l.period), sp.num(st.count, l.nw)); err != nil {
			return err
		}
	}
	return nil
}

// signed shows a change of points with its sign: "+6.5", "△1.0", "0.0".
func signed(v float64) string {
	v = roundTenth(v)
	switch {
	case v > 0:
		return "+" + strconv.FormatFloat(v, 'f', 1, 64)
	case v < 0:
		return "△" + strconv.FormatFloat(-v, 'f', 1, 64)
	}
	return "0.0"
}

func progressText(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', 1, 64)
}

// writeRoundChanges writes 변경 내역: every project of the round, under its
// working group and field, with what changed since the previous round.
func writeRoundChanges(f *excelize.File, st *styles, rr RoundReport, changes []ProjectChange) error {
	heads := []string{"코드", "사업명", "주관", "지난 추진율(%)", "현재 추진율(%)", "증감(%p)", "사업비 변경(백만원)", "사업기간 변경", "새 추진실적"}
	widths := []float64{7, 18, 5, 8, 8, 8, 19, 15, 34}
	wrap := []bool{false, true, false, false, false, false, true, true, true}
	l, err := newListSheet(f, st, SheetRoundChanges, "차수별 변경 내역 — "+rr.Round.Name, sinceLine(rr), heads, widths, wrap, nil)
	if err != nil {
		return err
	}
	plan := roundPlan(rr)
	lastGroup, lastField := "\x00", "\x00"
	for _, c := range changes {
		p := c.Project
		group := cmp.Or(plan.Groups[p.Field], p.Field)
		if group != lastGroup && lastGroup != "\x00" {
			// each working group on pages of its own, as its council meets alone
			if err := f.InsertPageBreak(SheetRoundChanges, cell(1, l.s.row+1)); err != nil {
				return err
			}
		}
		if group != lastGroup || p.Field != lastField {
			lastGroup, lastField = group, p.Field
			if err := l.section("실무협의회 " + cmp.Or(group, "없음") + "  ·  분야 " + cmp.Or(p.Field, "없음")); err != nil {
				return err
			}
		}
		if err := l.add(subject{p.Code, p.Name}, changeCells(c)...); err != nil {
			return err
		}
	}
	return l.finish(f, rr.Round.AsOf)
}

// changeCells are a project's cells on 변경 내역.
func changeCells(c ProjectChange) []string {
	p := c.Project
	now := progressText(p.Progress)
	before, delta := now, ""
	if c.OldProgress != nil || c.NewProgress != nil {
		before = cmp.Or(progressText(c.OldProgress), "(없음)")
		if c.OldProgress != nil && c.NewProgress != nil {
			delta = signed(c.ProgressDelta())
		}
	} else if p.Progress != nil {
		delta = "0.0"
	}
	var budget, period []string
	for _, v := range c.Budget {
		budget = append(budget, tierName(v.Field)+" "+amountText(v.Old)+" → "+amountText(v.New))
	}
	for _, v := range c.Period {
		period = append(period, fieldLabel(v.Field)+" "+changedValue(v.Field, v.Old)+" → "+changedValue(v.Field, v.New))
	}
	activities := strings.Join(c.NewActivities, "\n")
	if c.Added {
		activities = strings.TrimSpace("(새로 등록된 사업)\n" + activities)
	} else if !c.Changed() {
		activities = "변동 없음"
	}
	return []string{p.Code, p.Name, p.LeadCity.Korean(), before, now, delta, strings.Join(budget, "\n"), strings.Join(period, "\n"), activities}
}

// tierName is a funding tier's name on the council's pages.
func tierName(k model.FieldKey) string {
	t, _ := model.TierOf(k)
	if t == model.Total {
		return "총사업비"
	}
	return model.TierLabel("", t)
}

func amountText(v string) string {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return "(없음)"
	}
	return millionsText(n)
}

// writeRoundStatus writes 제출 현황: per city whether its template went
// out, which sheet came back and when, whether it was imported or refused
// (and why), and what is still missing.
func writeRoundStatus(f *excelize.File, st *styles, rr RoundReport) error {
	heads := []string{"도시", "서식 발송", "받은 현황표", "받은 때", "결과", "빠진 사업", "빈 항목", "미갱신", "미해결 충돌"}
	widths := []float64{9, 15, 22, 15, 27, 12, 7, 7, 8}
	wrap := []bool{false, false, true, false, true, true, false, false, false}
	line := "(기준: " + officialDate(rr.Round.AsOf) + ")"
	if rr.Round.Due != "" {
		line += "  제출 기한 " + officialDate(rr.Round.Due)
	}
	l, err := newListSheet(f, st, SheetRoundStatus, "제출 현황 — "+rr.Round.Name, line, heads, widths, wrap, nil)
	if err != nil {
		return err
	}
	for _, c := range rr.Cities {
		if err := l.add(subject{}, statusCells(c)...); err != nil {
			return err
		}
	}
	return l.finish(f, rr.Round.AsOf)
}

func statusCells(c CityReceipt) []string {
	issued, at, result := "보내지 않음", "", "받지 않음"
	if c.Issued != "" {
		issued = officialTime(c.Issued)
	}
	if c.File != "" {
		at = officialTime(c.At)
		result = "가져옴 (작업 " + itoa(int(c.Batch)) + ")"
	}
	if c.Refused != "" {
		result = "거부됨: " + c.Refused + " — " + c.RefusedWhy
		if c.File != "" {
			result = "가져옴 (작업 " + itoa(int(c.Batch)) + "), 그 뒤 " + result
		}
	}
	missing := "없음"
	if len(c.Missing) > 0 {
		missing = strings.Join(slices.Clone(c.Missing), ", ")
	}
	return []string{cityFullName(c.City), issued, c.File, at, result, missing, itoa(c.Empty), itoa(c.Stale), itoa(c.OpenConflicts)}
}

// section writes a heading row across a listing: a working group and field.
func (l *listSheet) section(title string) error {
	row := make([]any, len(l.heads))
	for i := range row {
		row[i] = excelize.Cell{StyleID: l.st.subText}
	}
	row[0] = excelize.Cell{StyleID: l.st.subText, Value: title}
	if err := l.s.put(row, 20); err != nil {
		return err
	}
	return l.s.merge(1, l.s.row, len(l.heads), l.s.row)
}
