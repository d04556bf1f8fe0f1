package report

import (
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/xuri/excelize/v2"
)

// The printed project pages are A4 landscape at a readable size: only the
// leading columns of a project sheet are printed, and they are sized to
// fit the page at (about) full scale. The narratives print on 추진내용;
// 사업목록 keeps every column for the screen and for importing it back.

// registerColumns are the 사업목록 columns: the secretariat's register
// layout (printed up to 단계), then the narrative and round-trip columns.
func registerColumns() []column {
	cols := []column{
		{head: "코드", kind: kCenter, minW: 7, maxW: 7.5, text: func(p *model.Project) string { return p.Code }},
		{head: "분야", kind: kWrap, minW: 6.5, maxW: 6.5, text: func(p *model.Project) string { return p.Field }},
		{head: "사업명", kind: kWrap, minW: 15, maxW: 15, text: func(p *model.Project) string { return p.Name }},
		{head: "구분", kind: kCenter, minW: 4.5, maxW: 4.5, text: func(p *model.Project) string { return p.Kind.Korean() }},
		{head: "주관", kind: kCenter, minW: 4.5, maxW: 4.5, text: func(p *model.Project) string { return p.LeadCity.Korean() }},
		{head: "참여", kind: kCenter, minW: 5.5, maxW: 5.5, text: func(p *model.Project) string { return cityNames(partners(p)) }},
		{head: "시작", kind: kCenter, minW: 7.5, maxW: 7.5, text: func(p *model.Project) string { return officialMonth(p.Start) }},
		{head: "종료", kind: kCenter, minW: 7.5, maxW: 7.5, text: endText},
	}
	for _, t := range model.AllTiers {
		cols = append(cols, column{head: "사업비", sub: model.TierLabel("", t), kind: kAmount, tier: t})
	}
	return append(cols,
		column{head: "추진율(%)", kind: kProgress, minW: 6, maxW: 6},
		column{head: "단계", kind: kCenter, minW: 6, maxW: 6, text: func(p *model.Project) string { return p.Stage }},
		column{head: "사업개요", kind: kWrap, minW: 20, maxW: 36, text: func(p *model.Project) string { return p.Overview }},
		column{head: "담당부서", kind: kWrap, minW: 10, maxW: 16, text: func(p *model.Project) string { return p.Contacts[p.LeadCity].Department }},
		column{head: "담당자", kind: kCenter, minW: 7, maxW: 9, text: func(p *model.Project) string { return p.Contacts[p.LeadCity].Officer }},
		column{head: "연락처", kind: kCenter, minW: 8, maxW: 13, text: func(p *model.Project) string { return p.Contacts[p.LeadCity].Phone }},
		column{head: "추진현황", kind: kWrap, minW: 20, maxW: 40, text: func(p *model.Project) string { return p.Activities }},
		column{head: "문제점", kind: kWrap, minW: 12, maxW: 26, text: func(p *model.Project) string { return p.Problems }},
		column{head: "향후계획", kind: kWrap, minW: 20, maxW: 40, text: func(p *model.Project) string { return p.NextSteps }},
		column{head: "비고", kind: kWrap, minW: 8, maxW: 16, text: func(p *model.Project) string { return p.Notes }},
		// The last two keep the round trip exact: the newest sheet's date
		// behind each project's values, and the names cities used for it.
		column{head: "기준일", kind: kCenter, minW: 11, text: func(p *model.Project) string { return officialDate(p.AsOf) }},
		column{head: "별칭", kind: kWrap, minW: 20, maxW: 40, text: func(p *model.Project) string { return strings.Join(p.Aliases, "\n") }},
		cityContactColumn(model.Pohang), cityContactColumn(model.Ulsan), cityContactColumn(model.Gyeongju),
	)
}

// cityContactColumn carries one city's officer as "부서 / 담당자 / 전화",
// so that every city's contact survives a round trip, not only the lead's.
func cityContactColumn(c model.City) column {
	return column{head: "담당(" + c.Korean() + ")", kind: kWrap, minW: 16, maxW: 30, text: func(p *model.Project) string {
		ct, ok := p.Contacts[c]
		if !ok {
			return ""
		}
		return ct.Department + " / " + ct.Officer + " / " + ct.Phone
	}}
}

// registerPrintCols is how many 사업목록 columns are printed: 코드 to 단계.
const registerPrintCols = 16

func writeRegister(f *excelize.File, st *styles, d Data, tap rowTap) error {
	return writeProjectSheet(f, st, d, tap, &tableSpec{
		title:         "해오름동맹 공동협력사업 현황",
		cols:          registerColumns(),
		groups:        groupByField(d.Projects, d.Scheme.Fields),
		totals:        true,
		freezeCols:    3,
		printCols:     registerPrintCols,
		breakPerGroup: true,
	}, SheetRegister)
}

// narrativeColumns are 추진내용's: what each project did, its problems and
// its plans, which the register's printed page leaves out.
func narrativeColumns() []column {
	return []column{
		{head: "코드", kind: kCenter, minW: 7, maxW: 7.5, text: func(p *model.Project) string { return p.Code }},
		{head: "분야", kind: kWrap, minW: 6.5, maxW: 6.5, text: func(p *model.Project) string { return p.Field }},
		{head: "사업명", kind: kWrap, minW: 14, maxW: 14, text: func(p *model.Project) string { return p.Name }},
		{head: "추진현황", kind: kWrap, minW: 30, maxW: 30, text: func(p *model.Project) string { return p.Activities }},
		{head: "문제점", kind: kWrap, minW: 18, maxW: 18, text: func(p *model.Project) string { return p.Problems }},
		{head: "향후계획", kind: kWrap, minW: 30, maxW: 30, text: func(p *model.Project) string { return p.NextSteps }},
		{head: "비고", kind: kWrap, minW: 11, maxW: 11, text: func(p *model.Project) string { return p.Notes }},
	}
}

func writeNarratives(f *excelize.File, st *styles, d Data, tap rowTap) error {
	return writeProjectSheet(f, st, d, tap, &tableSpec{
		title:         "사업별 추진내용 (추진현황·문제점·향후계획)",
		cols:          narrativeColumns(),
		groups:        groupByField(d.Projects, d.Scheme.Fields),
		freezeCols:    3,
		breakPerGroup: true,
	}, SheetNarratives)
}

// cityColumns are a city's sheet columns, with its own tier labels and
// its own officer; printed up to 단계.
func cityColumns(city model.City) []column {
	contact := func(p *model.Project) model.Contact { return p.Contacts[city] }
	cols := []column{
		{head: "연번", kind: kSeq},
		{head: "분야", kind: kWrap, minW: 6.5, maxW: 6.5, text: func(p *model.Project) string { return p.Field }},
		{head: "사업명", kind: kWrap, minW: 15, maxW: 15, text: func(p *model.Project) string { return p.Name }},
		{head: "구분", kind: kCenter, minW: 4.5, maxW: 4.5, text: func(p *model.Project) string { return p.Kind.Korean() }},
		{head: "주관", kind: kCenter, minW: 4.5, maxW: 4.5, text: func(p *model.Project) string { return p.LeadCity.Korean() }},
		{head: "참여", kind: kCenter, minW: 5.5, maxW: 5.5, text: func(p *model.Project) string { return cityNames(partners(p)) }},
		{head: "사업기간", kind: kCenter, minW: 9, maxW: 9, text: periodText},
	}
	for _, t := range model.AllTiers {
		cols = append(cols, column{head: "사업비", sub: model.TierLabel(city, t), kind: kAmount, tier: t})
	}
	return append(cols,
		column{head: "추진율(%)", kind: kProgress, minW: 6, maxW: 6},
		column{head: "단계", kind: kCenter, minW: 6, maxW: 6, text: func(p *model.Project) string { return p.Stage }},
		column{head: "추진현황", kind: kWrap, minW: 20, maxW: 34, text: func(p *model.Project) string { return p.Activities }},
		column{head: "향후계획", kind: kWrap, minW: 20, maxW: 30, text: func(p *model.Project) string { return p.NextSteps }},
		column{head: "담당부서", kind: kWrap, minW: 10, maxW: 14, text: func(p *model.Project) string { return contact(p).Department }},
		column{head: "담당자", kind: kCenter, minW: 7, maxW: 9, text: func(p *model.Project) string { return contact(p).Officer }},
		column{head: "연락처", kind: kCenter, minW: 8, maxW: 13, text: func(p *model.Project) string { return contact(p).Phone }},
	)
}

// cityPrintCols is how many of a city sheet's columns are printed: 연번 to 단계.
const cityPrintCols = 15

// cityFullName is the city's official name: 포항시, 울산광역시, 경주시.
func cityFullName(c model.City) string {
	if c.Metropolitan() {
		return c.Korean() + "광역시"
	}
	return c.Korean() + "시"
}

// tierNote explains a city's tier labels on its sheet.
func tierNote(c model.City) string {
	return "※ 재원 구분은 " + cityFullName(c) + " 기준: " + model.TierLabel(c, model.Regional) + "=광역, " +
		model.TierLabel(c, model.Local) + "=기초"
}

func cityProjects(ps []*model.Project, c model.City) []*model.Project {
	var out []*model.Project
	for _, p := range ps {
		if p.HasCity(c) {
			out = append(out, p)
		}
	}
	return out
}

func writeCity(f *excelize.File, st *styles, d Data, c model.City, tap rowTap) error {
	return writeProjectSheet(f, st, d, tap, &tableSpec{
		title:         cityFullName(c) + " 주관·참여 공동협력사업 현황",
		note:          tierNote(c),
		cols:          cityColumns(c),
		groups:        groupByField(cityProjects(d.Projects, c), d.Scheme.Fields),
		totals:        true,
		freezeCols:    3,
		printCols:     cityPrintCols,
		breakPerGroup: true,
	}, CitySheet(c))
}

// writeProjectSheet writes a report's project table with its autofilter
// and print setup.
func writeProjectSheet(f *excelize.File, st *styles, d Data, tap rowTap, spec *tableSpec, name string) error {
	s, err := newSheetOut(f, name, tap)
	if err != nil {
		return err
	}
	spec.asOfLine = "(기준: " + officialDate(d.AsOf) + ")"
	info, err := writeTable(s, st, spec)
	if err != nil {
		return err
	}
	return finishTable(f, s, info, d.AsOf)
}

// finishTable adds the autofilter, the page breaks and the print setup
// (the print area when only some columns are printed), then flushes.
func finishTable(f *excelize.File, s *sheetOut, info tableInfo, asOf string) error {
	if info.lastData >= info.firstData {
		if err := f.AutoFilter(s.name, cell(1, headerRow2)+":"+cell(info.lastCol, info.lastData), nil); err != nil {
			return err
		}
	}
	if err := pageSetup(f, s.name, info.headerRows, asOf); err != nil {
		return err
	}
	for _, r := range info.pageBreaks {
		if err := f.InsertPageBreak(s.name, cell(1, r)); err != nil {
			return err
		}
	}
	if info.printCols < info.lastCol {
		last := max(s.row, headerRow2)
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: s.name,
			RefersTo: quoteSheet(s.name) + "!$A$1:$" + colName(info.printCols) + "$" + itoa(last)}); err != nil {
			return err
		}
	}
	return s.sw.Flush()
}
