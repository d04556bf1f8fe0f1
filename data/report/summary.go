package report

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/summary"
)

// summaryRow is one field's line of 총괄: projects and budget by lead city
// (포항, 울산, 경주, 계), its budget by tier and its mean progress.
type summaryRow struct {
	label    string
	count    [4]int
	won      [4]wonSum
	budget   budgetSum
	progress *float64
}

// summaryPlan is what 총괄 shows, computed before it is written.
type summaryPlan struct {
	projects, continuing, newKind, conflicts int
	all                                      budgetSum
	privateOther                             wonSum // 민자·기타
	progress                                 *float64
	rows                                     []summaryRow
	count                                    [4]int
	won                                      [4]wonSum
}

// figuresOf is the one summary of the report's projects (data/summary, as
// the dashboard and `check` compute it). The report orders fields by the
// register's scheme even when no plan year is entered.
func figuresOf(d Data) summary.Summary {
	plan := d.Plan
	if len(plan.Fields) == 0 {
		plan.Fields = d.Scheme.Fields
	}
	return summary.Of(d.Projects, plan)
}

// planSummary lays out for 총괄 the figures data/summary computed: its
// counts, groups and averages. Amounts are added again over each group's
// projects in won that never wrap (a summary's int64 budget would, past
// 9.2×10^18 won), so every figure shown is exact.
func planSummary(d Data, s summary.Summary) summaryPlan {
	pl := summaryPlan{projects: s.Projects, continuing: s.Continuing, newKind: s.New, conflicts: len(d.Conflicts),
		progress: s.Progress}
	for _, g := range s.ByField {
		if len(g.Projects) == 0 {
			continue // a plan field without projects has no line, as before
		}
		r := summaryRow{label: cmp.Or(g.Name, "분야 없음"), progress: g.Progress}
		for _, p := range g.Projects {
			if i := leadIndex(p); i < 3 {
				r.count[i]++
				r.won[i].add(p.Budget.Total)
			}
			r.count[3]++
			r.won[3].add(p.Budget.Total)
			r.budget.add(p.Budget)
		}
		for i := range 4 {
			pl.count[i] += r.count[i]
			pl.won[i].addSum(r.won[i])
		}
		pl.all.addSum(r.budget)
		pl.rows = append(pl.rows, r)
	}
	pl.privateOther = pl.all.get(model.Private)
	pl.privateOther.addSum(pl.all.get(model.Other))
	return pl
}

// leadIndex is the position of a project's lead city in model.Cities, 3
// (the 계 column only) when it has none.
func leadIndex(p *model.Project) int {
	for i, c := range model.Cities {
		if p.LeadCity == c {
			return i
		}
	}
	return 3
}

// summaryCols is how many columns 총괄 uses.
const summaryCols = 10

// writeSummary writes 총괄: overall counts, projects and budget by field ×
// lead city, budget by field × funding tier, average progress, open
// conflicts on the first page, and two charts (budget by field and tier;
// share by tier) on the next.
func writeSummary(f *excelize.File, st *styles, d Data, tap rowTap) error {
	s, err := newSheetOut(f, SheetSummary, tap)
	if err != nil {
		return err
	}
	if err := s.sw.SetColWidth(1, 1, 20); err != nil {
		return err
	}
	if err := s.sw.SetColWidth(2, summaryCols, 10.5); err != nil {
		return err
	}
	figures := figuresOf(d)
	pl := planSummary(d, figures)
	sp := summaryPrinter{s: s, st: st}
	if err := sp.title(d.AsOf); err != nil {
		return err
	}
	if err := sp.overall(pl); err != nil {
		return err
	}
	if err := sp.put(18, excelize.Cell{StyleID: st.note, Value: figures.Plan.TextIn(msg.Korean)}); err != nil {
		return err
	}
	if err := sp.byWorkGroup(figures); err != nil {
		return err
	}
	if err := sp.byCity(pl); err != nil {
		return err
	}
	tiers, err := sp.byTier(pl)
	if err != nil {
		return err
	}
	// The charts start a page of their own, at a size that can be read.
	s.skip(1)
	if err := f.InsertPageBreak(SheetSummary, cell(1, s.row+1)); err != nil {
		return err
	}
	if err := sp.put(22, excelize.Cell{StyleID: st.section, Value: "4. 분야별·재원별 사업비 그래프"}); err != nil {
		return err
	}
	if len(pl.rows) > 0 {
		if err := addCharts(f, s.row+1, tiers); err != nil {
			return err
		}
	}
	if err := pageSetup(f, SheetSummary, [2]int{}, d.AsOf); err != nil {
		return err
	}
	return s.sw.Flush()
}

// summaryPrinter writes the parts of 총괄.
type summaryPrinter struct {
	s  *sheetOut
	st *styles
}

func (sp summaryPrinter) put(height float64, cells ...any) error { return sp.s.put(cells, height) }

func (sp summaryPrinter) hdr(v string) excelize.Cell {
	return excelize.Cell{StyleID: sp.st.header, Value: nilIfEmpty(v)}
}

func (sp summaryPrinter) num(style int, v any) excelize.Cell {
	return excelize.Cell{StyleID: style, Value: v}
}

func (sp summaryPrinter) amt(k rowKind, w wonSum) excelize.Cell {
	return excelize.Cell{StyleID: sp.st.amountStyle(k, w.whole()), Value: w.millions()}
}

func (sp summaryPrinter) prog(style int, v *float64) excelize.Cell {
	if v == nil {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: *v}
}

func (sp summaryPrinter) section(title string) error {
	sp.s.skip(1)
	return sp.put(20, excelize.Cell{StyleID: sp.st.section, Value: title})
}

func (sp summaryPrinter) title(asOf string) error {
	if err := sp.put(30, excelize.Cell{StyleID: sp.st.title, Value: "해오름동맹 공동협력사업 추진현황 총괄"}); err != nil {
		return err
	}
	if err := sp.s.merge(1, 1, summaryCols, 1); err != nil {
		return err
	}
	line := make([]any, summaryCols)
	line[0] = excelize.Cell{StyleID: sp.st.note, Value: "(기준: " + officialDate(asOf) + ")"}
	line[summaryCols-1] = excelize.Cell{StyleID: sp.st.noteRight, Value: "(단위: 건, 백만원, %)"}
	return sp.put(20, line...)
}

// byWorkGroup writes the projects by working-level council (실무협의회), as
// they meet: its fields, count, budget, average progress.
func (sp summaryPrinter) byWorkGroup(s summary.Summary) error {
	if err := sp.section("실무협의회별 현황"); err != nil {
		return err
	}
	if err := sp.put(24, sp.hdr("실무협의회"), sp.hdr("분야"), nil, nil, sp.hdr("사업 수"), sp.hdr("총사업비"), sp.hdr("평균 추진율(%)")); err != nil {
		return err
	}
	if err := sp.s.merge(2, sp.s.row, 4, sp.s.row); err != nil {
		return err
	}
	st := sp.st
	for _, g := range s.ByWork {
		var won wonSum
		for _, p := range g.Projects {
			won.add(p.Budget.Total)
		}
		if err := sp.put(18, excelize.Cell{StyleID: st.text, Value: cmp.Or(g.Name, "분야 없음")},
			excelize.Cell{StyleID: st.text, Value: strings.Join(g.Fields, ", ")}, nil, nil,
			sp.num(st.count, len(g.Projects)), sp.amt(rowBody, won), sp.prog(st.progress, g.Progress)); err != nil {
			return err
		}
		if err := sp.s.merge(2, sp.s.row, 4, sp.s.row); err != nil {
			return err
		}
	}
	return nil
}

// overall writes "1. 총괄": counts, budget by tier, progress, conflicts.
func (sp summaryPrinter) overall(pl summaryPlan) error {
	if err := sp.section("1. 총괄"); err != nil {
		return err
	}
	if err := sp.put(28, sp.hdr("사업 수"), sp.hdr("계속"), sp.hdr("신규"), sp.hdr("총사업비"), sp.hdr("국비"), sp.hdr("광역비"),
		sp.hdr("기초비"), sp.hdr("민자·기타"), sp.hdr("평균 추진율(%)"), sp.hdr("미해결 충돌")); err != nil {
		return err
	}
	st := sp.st
	return sp.put(18, sp.num(st.count, pl.projects), sp.num(st.count, pl.continuing), sp.num(st.count, pl.newKind),
		sp.amt(rowBody, pl.all.get(model.Total)), sp.amt(rowBody, pl.all.get(model.National)),
		sp.amt(rowBody, pl.all.get(model.Regional)), sp.amt(rowBody, pl.all.get(model.Local)), sp.amt(rowBody, pl.privateOther),
		sp.prog(st.progress, pl.progress), sp.num(st.count, pl.conflicts))
}

// byCity writes "2. 분야별·주관도시별 현황" with its 합계 row.
func (sp summaryPrinter) byCity(pl summaryPlan) error {
	if err := sp.section("2. 분야별·주관도시별 현황"); err != nil {
		return err
	}
	h := sp.s.row + 1
	cities := []string{"포항 주관", "울산 주관", "경주 주관", "계"}
	up := []any{sp.hdr("분야"), sp.hdr("사업 수"), sp.hdr(""), sp.hdr(""), sp.hdr(""), sp.hdr("사업비(주관도시별)"), sp.hdr(""), sp.hdr(""), sp.hdr(""), sp.hdr("평균 추진율(%)")}
	low := []any{sp.hdr("")}
	for range 2 {
		for _, c := range cities {
			low = append(low, sp.hdr(c))
		}
	}
	if err := sp.put(19, up...); err != nil {
		return err
	}
	if err := sp.put(19, append(low, sp.hdr(""))...); err != nil {
		return err
	}
	for _, m := range [][4]int{{1, h, 1, h + 1}, {2, h, 5, h}, {6, h, 9, h}, {10, h, 10, h + 1}} {
		if err := sp.s.merge(m[0], m[1], m[2], m[3]); err != nil {
			return err
		}
	}
	first := sp.s.row + 1
	for _, r := range pl.rows {
		row := []any{excelize.Cell{StyleID: sp.st.text, Value: r.label}}
		for i := range 4 {
			row = append(row, sp.num(sp.st.count, r.count[i]))
		}
		for i := range 4 {
			row = append(row, sp.amt(rowBody, r.won[i]))
		}
		if err := sp.put(18, append(row, sp.prog(sp.st.progress, r.progress))...); err != nil {
			return err
		}
	}
	sum := columnSum(first, max(sp.s.row, first))
	row := []any{excelize.Cell{StyleID: sp.st.totLabel, Value: "합계"}}
	for i := range 4 {
		row = append(row, excelize.Cell{StyleID: sp.st.totCount, Formula: sum(2 + i), Value: pl.count[i]})
	}
	for i := range 4 {
		row = append(row, excelize.Cell{StyleID: sp.st.amountStyle(rowTotal, pl.won[i].whole()), Formula: sum(6 + i), Value: pl.won[i].millions()})
	}
	return sp.put(18, append(row, sp.prog(sp.st.totProgress, pl.progress))...)
}

// tierTable says where "3. 분야별·재원별 사업비" is, for the charts.
type tierTable struct{ header, first, last, total int }

// byTier writes "3. 분야별·재원별 사업비" with its 합계 row.
func (sp summaryPrinter) byTier(pl summaryPlan) (tierTable, error) {
	if err := sp.section("3. 분야별·재원별 사업비"); err != nil {
		return tierTable{}, err
	}
	h := sp.s.row + 1
	up := []any{sp.hdr("분야"), sp.hdr("사업비")}
	low := []any{sp.hdr(""), sp.hdr(model.TierLabel("", model.Total))}
	for _, t := range model.Parts {
		up = append(up, sp.hdr(""))
		low = append(low, sp.hdr(model.TierLabel("", t)))
	}
	if err := sp.put(19, up...); err != nil {
		return tierTable{}, err
	}
	if err := sp.put(19, low...); err != nil {
		return tierTable{}, err
	}
	if err := sp.s.merge(1, h, 1, h+1); err != nil {
		return tierTable{}, err
	}
	if err := sp.s.merge(2, h, 1+len(model.AllTiers), h); err != nil {
		return tierTable{}, err
	}
	tt := tierTable{header: h + 1, first: sp.s.row + 1}
	for _, r := range pl.rows {
		row := []any{excelize.Cell{StyleID: sp.st.text, Value: r.label}}
		for _, t := range model.AllTiers {
			row = append(row, sp.amt(rowBody, r.budget.get(t)))
		}
		if err := sp.put(18, row...); err != nil {
			return tt, err
		}
	}
	tt.last = sp.s.row
	sum := columnSum(tt.first, max(tt.last, tt.first))
	row := []any{excelize.Cell{StyleID: sp.st.totLabel, Value: "합계"}}
	for i, t := range model.AllTiers {
		w := pl.all.get(t)
		row = append(row, excelize.Cell{StyleID: sp.st.amountStyle(rowTotal, w.whole()), Formula: sum(2 + i), Value: w.millions()})
	}
	if err := sp.put(18, row...); err != nil {
		return tt, err
	}
	tt.total = sp.s.row
	return tt, nil
}

// columnSum makes SUM formulas over rows first..last of a column.
func columnSum(first, last int) func(col int) string {
	return func(col int) string {
		return "SUM(" + colName(col) + strconv.Itoa(first) + ":" + colName(col) + strconv.Itoa(last) + ")"
	}
}

// addCharts adds a stacked column chart of budget by field and tier and a
// doughnut of the tiers' shares, both from the 분야별·재원별 table. Fonts
// are 10 pt and dark, and both charts stay within the sheet's ten columns
// (A–F and G–J), so that they do not widen the printed page and shrink it.
func addCharts(f *excelize.File, at int, tt tierTable) error {
	sheet := quoteSheet(SheetSummary)
	abs := func(col, row int) string { return "$" + colName(col) + "$" + strconv.Itoa(row) }
	chartFont := excelize.Font{Family: fontName, Size: 10, Color: "262626"}
	var series []excelize.ChartSeries
	for i := range model.Parts {
		col := 3 + i
		series = append(series, excelize.ChartSeries{
			Name:       sheet + "!" + abs(col, tt.header),
			Categories: sheet + "!" + abs(1, tt.first) + ":" + abs(1, tt.last),
			Values:     sheet + "!" + abs(col, tt.first) + ":" + abs(col, tt.last),
		})
	}
	title := func(s string) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Family: fontName, Size: 12, Bold: true, Color: "262626"}}}}
	}
	legend := func(pos string) excelize.ChartLegend {
		return excelize.ChartLegend{Position: pos, Font: &chartFont}
	}
	if err := f.AddChart(SheetSummary, "A"+strconv.Itoa(at), &excelize.Chart{
		Type:      excelize.ColStacked,
		Series:    series,
		Title:     title("분야별·재원별 사업비 (백만원)"),
		Legend:    legend("bottom"),
		XAxis:     excelize.ChartAxis{Font: chartFont},
		YAxis:     excelize.ChartAxis{Font: chartFont, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		Dimension: excelize.ChartDimension{Width: 520, Height: 460},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
	}); err != nil {
		return err
	}
	return f.AddChart(SheetSummary, "G"+strconv.Itoa(at), &excelize.Chart{
		Type: excelize.Doughnut,
		Series: []excelize.ChartSeries{{
			Name:       sheet + "!" + abs(2, tt.header-1),
			Categories: sheet + "!" + abs(3, tt.header) + ":" + abs(2+len(model.Parts), tt.header),
			Values:     sheet + "!" + abs(3, tt.total) + ":" + abs(2+len(model.Parts), tt.total),
		}},
		Title:     title("재원별 구성"),
		Legend:    legend("right"),
		PlotArea:  excelize.ChartPlotArea{ShowPercent: true},
		Dimension: excelize.ChartDimension{Width: 300, Height: 460},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
	})
}
