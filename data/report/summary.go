package report

import (
	"strconv"

	"github.com/haeoreum/register/data/model"
	"github.com/xuri/excelize/v2"
)

// writeSummary writes 총괄: overall counts, projects and budget by field ×
// lead city, budget by field × funding tier, average progress, open
// conflicts, and two charts (budget by field and tier; share by tier).
func writeSummary(f *excelize.File, st *styles, d Data, reg tableInfo, rec *recorder) error {
	s, err := newSheetOut(f, SheetSummary, rec)
	if err != nil {
		return err
	}
	const nCols = 10
	if err := s.sw.SetColWidth(1, 1, 22); err != nil {
		return err
	}
	if err := s.sw.SetColWidth(2, nCols, 12.5); err != nil {
		return err
	}
	groups := groupByField(d.Projects, d.Scheme.Fields)
	put := func(height float64, cells ...any) error { return s.put(cells, height) }
	hdr := func(v string) excelize.Cell { return excelize.Cell{StyleID: st.header, Value: nilIfEmpty(v)} }
	num := func(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }
	amt := func(k rowKind, won int64) excelize.Cell {
		return excelize.Cell{StyleID: st.amountStyle(k, won), Value: millions(won)}
	}
	prog := func(style int, v *float64) excelize.Cell {
		if v == nil {
			return excelize.Cell{StyleID: style}
		}
		return excelize.Cell{StyleID: style, Value: *v}
	}

	// Title.
	if err := put(32, excelize.Cell{StyleID: st.title, Value: "해오름동맹 공동협력사업 추진현황 총괄"}); err != nil {
		return err
	}
	if err := s.merge(1, 1, nCols, 1); err != nil {
		return err
	}
	line := make([]any, nCols)
	line[0] = excelize.Cell{StyleID: st.note, Value: "(기준: " + officialDate(d.AsOf) + ")"}
	line[nCols-1] = excelize.Cell{StyleID: st.noteRight, Value: "(단위: 건, 백만원, %)"}
	if err := put(20, line...); err != nil {
		return err
	}

	// 1. Overall.
	var all model.Budget
	var progress []float64
	cont, newKind := 0, 0
	for _, p := range d.Projects {
		all.Add(p.Budget)
		if p.Progress != nil {
			progress = append(progress, *p.Progress)
		}
		switch p.Kind {
		case model.Continuing:
			cont++
		case model.New:
			newKind++
		}
	}
	s.skip(1)
	if err := put(22, excelize.Cell{StyleID: st.section, Value: "1. 총괄"}); err != nil {
		return err
	}
	if err := put(30, hdr("사업 수"), hdr("계속"), hdr("신규"), hdr("총사업비"), hdr("국비"), hdr("광역비"),
		hdr("기초비"), hdr("민자·기타"), hdr("평균 추진율(%)"), hdr("미해결 충돌")); err != nil {
		return err
	}
	if err := put(22, num(st.count, len(d.Projects)), num(st.count, cont), num(st.count, newKind), amt(rowBody, all.Total),
		amt(rowBody, all.National), amt(rowBody, all.Regional), amt(rowBody, all.Local), amt(rowBody, all.Private+all.Other),
		prog(st.progress, average(progress)), num(st.count, len(d.Conflicts))); err != nil {
		return err
	}

	// 2. By field × lead city.
	s.skip(1)
	if err := put(22, excelize.Cell{StyleID: st.section, Value: "2. 분야별·주관도시별 현황"}); err != nil {
		return err
	}
	h1 := s.row + 1
	up := []any{hdr("분야"), hdr("사업 수"), hdr(""), hdr(""), hdr(""), hdr("사업비(주관도시별)"), hdr(""), hdr(""), hdr(""), hdr("평균 추진율(%)")}
	low := []any{hdr(""), hdr("포항 주관"), hdr("울산 주관"), hdr("경주 주관"), hdr("계"), hdr("포항 주관"), hdr("울산 주관"), hdr("경주 주관"), hdr("계"), hdr("")}
	if err := put(22, up...); err != nil {
		return err
	}
	if err := put(22, low...); err != nil {
		return err
	}
	for _, m := range [][4]int{{1, h1, 1, h1 + 1}, {2, h1, 5, h1}, {6, h1, 9, h1}, {10, h1, 10, h1 + 1}} {
		if err := s.merge(m[0], m[1], m[2], m[3]); err != nil {
			return err
		}
	}
	first := s.row + 1
	var totCount [4]int
	var totWon [4]int64
	for _, g := range groups {
		var count [4]int
		var won [4]int64
		var gp []float64
		for _, p := range g.projects {
			i := 3
			for ci, c := range model.Cities {
				if p.LeadCity == c {
					i = ci
				}
			}
			if i < 3 {
				count[i]++
				won[i] += p.Budget.Total
			}
			count[3]++
			won[3] += p.Budget.Total
			if p.Progress != nil {
				gp = append(gp, *p.Progress)
			}
		}
		for i := range 4 {
			totCount[i] += count[i]
			totWon[i] += won[i]
		}
		label := g.field
		if label == "" {
			label = "분야 없음"
		}
		if err := put(20, excelize.Cell{StyleID: st.text, Value: label},
			num(st.count, count[0]), num(st.count, count[1]), num(st.count, count[2]), num(st.count, count[3]),
			amt(rowBody, won[0]), amt(rowBody, won[1]), amt(rowBody, won[2]), amt(rowBody, won[3]),
			prog(st.progress, average(gp))); err != nil {
			return err
		}
	}
	last := s.row
	sum := func(col int) string {
		return "SUM(" + colName(col) + strconv.Itoa(first) + ":" + colName(col) + strconv.Itoa(max(last, first)) + ")"
	}
	row := []any{excelize.Cell{StyleID: st.totLabel, Value: "합계"}}
	for i := range 4 {
		row = append(row, excelize.Cell{StyleID: st.totCount, Formula: sum(2 + i), Value: totCount[i]})
	}
	for i := range 4 {
		row = append(row, excelize.Cell{StyleID: st.amountStyle(rowTotal, totWon[i]), Formula: sum(6 + i), Value: millions(totWon[i])})
	}
	row = append(row, prog(st.totProgress, average(progress)))
	if err := put(20, row...); err != nil {
		return err
	}

	// 3. By field × funding tier.
	s.skip(1)
	if err := put(22, excelize.Cell{StyleID: st.section, Value: "3. 분야별·재원별 사업비"}); err != nil {
		return err
	}
	h3 := s.row + 1
	up = []any{hdr("분야"), hdr("사업비")}
	low = []any{hdr(""), hdr(model.TierLabel("", model.Total))}
	for _, t := range model.Parts {
		up = append(up, hdr(""))
		low = append(low, hdr(model.TierLabel("", t)))
	}
	if err := put(22, up...); err != nil {
		return err
	}
	if err := put(22, low...); err != nil {
		return err
	}
	if err := s.merge(1, h3, 1, h3+1); err != nil {
		return err
	}
	if err := s.merge(2, h3, 1+len(model.AllTiers), h3); err != nil {
		return err
	}
	first3 := s.row + 1
	for _, g := range groups {
		var b model.Budget
		for _, p := range g.projects {
			b.Add(p.Budget)
		}
		label := g.field
		if label == "" {
			label = "분야 없음"
		}
		row := []any{excelize.Cell{StyleID: st.text, Value: label}}
		for _, t := range model.AllTiers {
			row = append(row, amt(rowBody, b.Get(t)))
		}
		if err := put(20, row...); err != nil {
			return err
		}
	}
	last3 := s.row
	row = []any{excelize.Cell{StyleID: st.totLabel, Value: "합계"}}
	for i, t := range model.AllTiers {
		col := 2 + i
		row = append(row, excelize.Cell{StyleID: st.amountStyle(rowTotal, all.Get(t)),
			Formula: "SUM(" + colName(col) + strconv.Itoa(first3) + ":" + colName(col) + strconv.Itoa(max(last3, first3)) + ")",
			Value:   millions(all.Get(t))})
	}
	if err := put(20, row...); err != nil {
		return err
	}
	total3 := s.row

	// Charts below the tables.
	s.skip(1)
	if err := put(22, excelize.Cell{StyleID: st.section, Value: "4. 분야별·재원별 사업비 그래프"}); err != nil {
		return err
	}
	if len(groups) > 0 {
		if err := addCharts(f, s.row+1, h3+1, first3, last3, total3); err != nil {
			return err
		}
	}
	if err := pageSetup(f, SheetSummary, [2]int{}, d.AsOf); err != nil {
		return err
	}
	// One page: the tables and the charts.
	one := 1
	if err := f.SetPageLayout(SheetSummary, &excelize.PageLayoutOptions{FitToHeight: &one}); err != nil {
		return err
	}
	return s.sw.Flush()
}

// addCharts adds a stacked column chart of budget by field and tier and a
// doughnut of the tiers' shares, both from the 분야별·재원별 table.
func addCharts(f *excelize.File, at, headerRow, first, last, total int) error {
	sheet := quoteSheet(SheetSummary)
	abs := func(col, row int) string { return "$" + colName(col) + "$" + strconv.Itoa(row) }
	chartFont := excelize.Font{Family: fontName, Size: 9}
	var series []excelize.ChartSeries
	for i := range model.Parts {
		col := 3 + i
		series = append(series, excelize.ChartSeries{
			Name:       sheet + "!" + abs(col, headerRow),
			Categories: sheet + "!" + abs(1, first) + ":" + abs(1, last),
			Values:     sheet + "!" + abs(col, first) + ":" + abs(col, last),
		})
	}
	title := func(s string) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Family: fontName, Size: 11, Bold: true}}}}
	}
	if err := f.AddChart(SheetSummary, "A"+strconv.Itoa(at), &excelize.Chart{
		Type:      excelize.ColStacked,
		Series:    series,
		Title:     title("분야별·재원별 사업비 (백만원)"),
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     excelize.ChartAxis{Font: chartFont},
		YAxis:     excelize.ChartAxis{Font: chartFont, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		Dimension: excelize.ChartDimension{Width: 620, Height: 340},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
	}); err != nil {
		return err
	}
	return f.AddChart(SheetSummary, "G"+strconv.Itoa(at), &excelize.Chart{
		Type: excelize.Doughnut,
		Series: []excelize.ChartSeries{{
			Name:       sheet + "!" + abs(2, headerRow-1),
			Categories: sheet + "!" + abs(3, headerRow) + ":" + abs(2+len(model.Parts), headerRow),
			Values:     sheet + "!" + abs(3, total) + ":" + abs(2+len(model.Parts), total),
		}},
		Title:     title("재원별 구성"),
		Legend:    excelize.ChartLegend{Position: "right"},
		PlotArea:  excelize.ChartPlotArea{ShowPercent: true},
		Dimension: excelize.ChartDimension{Width: 400, Height: 340},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
	})
}
