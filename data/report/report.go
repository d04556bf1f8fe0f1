// Package report writes the consolidated workbook the council reads (총괄,
// 사업목록, one sheet per city, 미해결, 변경사항) and the city templates,
// from values: Load reads them from a register, Write and Export take them
// as they are, so the same code writes 43 projects or 100,000.
//
// The 사업목록 sheet has the shape of the secretariat's register (a 코드
// column, 사업비 계/국비/광역비/기초비/민자/기타): importing it into an
// empty register gives the same projects back. Amounts are stored in 백만원,
// the unit its header lines state, exactly to the won (1,234,567,000 won is
// 1234.567); whole amounts show as #,##0.
package report

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/xuri/excelize/v2"
)

// Data is everything a report shows.
type Data struct {
	Projects  []*model.Project
	Conflicts []*register.Conflict // open ones
	Changes   []register.Change    // since Since, newest first
	Scheme    register.FieldScheme
	AsOf      string // YYYY-MM-DD: the report's 기준일
	Since     string // YYYY-MM-DD: the first day of 변경사항
	Author    string // document property; default "해오름동맹 사무국"
	Created   time.Time
}

// Sheet names of the report.
const (
	SheetSummary   = "총괄"
	SheetRegister  = "사업목록"
	SheetConflicts = "미해결"
	SheetChanges   = "변경사항"
)

// CitySheet is the name of a city's sheet: 포항, 울산, 경주.
func CitySheet(c model.City) string { return c.Korean() }

// SheetNames lists the report's sheets in order.
func SheetNames() []string {
	names := []string{SheetSummary, SheetRegister}
	for _, c := range model.Cities {
		names = append(names, CitySheet(c))
	}
	return append(names, SheetConflicts, SheetChanges)
}

// Load reads a report's data from the register. asOf defaults to the newest
// as-of date of its projects (today if none); since to 30 days before asOf.
func Load(ctx context.Context, reg *register.Register, asOf, since string) (Data, error) {
	d := Data{AsOf: asOf, Since: since}
	if err := checkDate(asOf); err != nil {
		return d, err
	}
	if err := checkDate(since); err != nil {
		return d, err
	}
	var err error
	if d.Projects, err = reg.List(ctx, register.ListOptions{}); err != nil {
		return d, err
	}
	if d.Conflicts, err = reg.Conflicts(ctx, false); err != nil {
		return d, err
	}
	if d.Scheme, err = reg.Scheme(ctx); err != nil {
		return d, err
	}
	d.defaults()
	if d.Changes, err = reg.ChangesSince(ctx, d.Since); err != nil {
		return d, err
	}
	return d, nil
}

// defaults fills AsOf, Since, Author and Created when unset.
func (d *Data) defaults() {
	if d.AsOf == "" {
		for _, p := range d.Projects {
			if p.AsOf > d.AsOf && checkDate(p.AsOf) == nil {
				d.AsOf = p.AsOf
			}
		}
		if d.AsOf == "" {
			d.AsOf = time.Now().Format("2006-01-02")
		}
	}
	if d.Since == "" {
		t, _ := time.Parse("2006-01-02", d.AsOf)
		d.Since = t.AddDate(0, 0, -30).Format("2006-01-02")
	}
	if d.Author == "" {
		d.Author = "해오름동맹 사무국"
	}
	if d.Created.IsZero() {
		d.Created = time.Now()
	}
}

func checkDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return msg.Errorf(msg.Where{}, msgBadDate, s)
	}
	return nil
}

// Write writes the report workbook to w.
func Write(w io.Writer, d Data) error {
	f, err := build(d, nil)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Write(w)
}

// build makes the report workbook; rec, when set, records every row.
func build(d Data, rec *recorder) (*excelize.File, error) {
	d.defaults()
	f := excelize.NewFile()
	ok := false
	defer func() {
		if !ok {
			f.Close()
		}
	}()
	if err := setupBook(f, "해오름동맹 공동협력사업 추진현황 보고서 (기준: "+officialDate(d.AsOf)+")", d.Author, d.Created); err != nil {
		return nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	names := SheetNames()
	if err := f.SetSheetName("Sheet1", names[0]); err != nil {
		return nil, err
	}
	for _, n := range names[1:] {
		if _, err := f.NewSheet(n); err != nil {
			return nil, err
		}
	}
	regInfo, err := writeRegister(f, &st, d, rec)
	if err != nil {
		return nil, err
	}
	for _, c := range model.Cities {
		if err := writeCity(f, &st, d, c, rec); err != nil {
			return nil, err
		}
	}
	if err := writeSummary(f, &st, d, regInfo, rec); err != nil {
		return nil, err
	}
	if err := writeConflicts(f, &st, d, rec); err != nil {
		return nil, err
	}
	if err := writeChanges(f, &st, d, rec); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	ok = true
	return f, nil
}

// setupBook sets the default font and the document properties.
func setupBook(f *excelize.File, title, author string, created time.Time) error {
	if err := f.SetDefaultFont(fontName); err != nil {
		return err
	}
	ts := created.UTC().Format("2006-01-02T15:04:05Z")
	return f.SetDocProps(&excelize.DocProperties{Title: title, Subject: "해오름동맹 공동협력사업", Creator: author,
		LastModifiedBy: author, Created: ts, Modified: ts, Language: "ko-KR", Keywords: "해오름동맹, 공동협력사업"})
}

// registerColumns are the 사업목록 columns: the secretariat's register
// layout, then the narrative columns the cities report.
func registerColumns() []column {
	cols := []column{
		{head: "코드", kind: kCenter, minW: 8, text: func(p *model.Project) string { return p.Code }},
		{head: "분야", kind: kWrap, minW: 10, maxW: 14, text: func(p *model.Project) string { return p.Field }},
		{head: "사업명", kind: kWrap, minW: 20, maxW: 30, text: func(p *model.Project) string { return p.Name }},
		{head: "구분", kind: kCenter, minW: 5, text: func(p *model.Project) string { return p.Kind.Korean() }},
		{head: "주관", kind: kCenter, minW: 5, text: func(p *model.Project) string { return p.LeadCity.Korean() }},
		{head: "참여", kind: kCenter, minW: 6, maxW: 11, text: func(p *model.Project) string { return cityNames(partners(p)) }},
		{head: "시작", kind: kCenter, minW: 8, text: func(p *model.Project) string { return officialMonth(p.Start) }},
		{head: "종료", kind: kCenter, minW: 8, text: endText},
	}
	for _, t := range model.AllTiers {
		cols = append(cols, column{head: "사업비", sub: model.TierLabel("", t), kind: kAmount, tier: t})
	}
	return append(cols,
		column{head: "추진율(%)", kind: kProgress, minW: 7},
		column{head: "단계", kind: kCenter, minW: 6, maxW: 8, text: func(p *model.Project) string { return p.Stage }},
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

// registerPrintCols is how many 사업목록 columns are printed: the register
// layout up to 연락처; the narrative columns are on the screen and in the
// city sheets.
const registerPrintCols = 20

func writeRegister(f *excelize.File, st *styles, d Data, rec *recorder) (tableInfo, error) {
	s, err := newSheetOut(f, SheetRegister, rec)
	if err != nil {
		return tableInfo{}, err
	}
	spec := &tableSpec{
		title:      "해오름동맹 공동협력사업 현황",
		asOfLine:   "(기준: " + officialDate(d.AsOf) + ")",
		cols:       registerColumns(),
		groups:     groupByField(d.Projects, d.Scheme.Fields),
		totals:     true,
		freezeCols: 3,
		printCols:  registerPrintCols,
	}
	info, err := writeTable(s, st, spec)
	if err != nil {
		return info, err
	}
	return info, finishTable(f, s, spec, info, d.AsOf, registerPrintCols)
}

// finishTable adds the autofilter and print setup, then flushes.
func finishTable(f *excelize.File, s *sheetOut, spec *tableSpec, info tableInfo, asOf string, printCols int) error {
	if info.lastData >= info.firstData {
		if err := f.AutoFilter(s.name, cell(1, headerRow2)+":"+cell(info.lastCol, info.lastData), nil); err != nil {
			return err
		}
	}
	if err := pageSetup(f, s.name, info.headerRows, asOf); err != nil {
		return err
	}
	if printCols > 0 && printCols < info.lastCol {
		last := max(s.row, headerRow2)
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: s.name,
			RefersTo: quoteSheet(s.name) + "!$A$1:$" + colName(printCols) + "$" + itoa(last)}); err != nil {
			return err
		}
	}
	return s.sw.Flush()
}

// cityColumns are a city's sheet columns, with its own tier labels and
// its own officer.
func cityColumns(city model.City) []column {
	contact := func(p *model.Project) model.Contact { return p.Contacts[city] }
	cols := []column{
		{head: "연번", kind: kSeq},
		{head: "분야", kind: kWrap, minW: 10, maxW: 14, text: func(p *model.Project) string { return p.Field }},
		{head: "사업명", kind: kWrap, minW: 20, maxW: 30, text: func(p *model.Project) string { return p.Name }},
		{head: "구분", kind: kCenter, minW: 5, text: func(p *model.Project) string { return p.Kind.Korean() }},
		{head: "주관", kind: kCenter, minW: 5, text: func(p *model.Project) string { return p.LeadCity.Korean() }},
		{head: "참여", kind: kCenter, minW: 6, maxW: 11, text: func(p *model.Project) string { return cityNames(partners(p)) }},
		{head: "사업기간", kind: kCenter, minW: 10, maxW: 17, text: periodText},
	}
	for _, t := range model.AllTiers {
		cols = append(cols, column{head: "사업비", sub: model.TierLabel(city, t), kind: kAmount, tier: t})
	}
	return append(cols,
		column{head: "추진율(%)", kind: kProgress, minW: 7},
		column{head: "단계", kind: kCenter, minW: 6, maxW: 8, text: func(p *model.Project) string { return p.Stage }},
		column{head: "추진현황", kind: kWrap, minW: 20, maxW: 34, text: func(p *model.Project) string { return p.Activities }},
		column{head: "향후계획", kind: kWrap, minW: 20, maxW: 30, text: func(p *model.Project) string { return p.NextSteps }},
		column{head: "담당부서", kind: kWrap, minW: 10, maxW: 14, text: func(p *model.Project) string { return contact(p).Department }},
		column{head: "담당자", kind: kCenter, minW: 7, maxW: 9, text: func(p *model.Project) string { return contact(p).Officer }},
		column{head: "연락처", kind: kCenter, minW: 8, maxW: 13, text: func(p *model.Project) string { return contact(p).Phone }},
	)
}

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

func writeCity(f *excelize.File, st *styles, d Data, c model.City, rec *recorder) error {
	s, err := newSheetOut(f, CitySheet(c), rec)
	if err != nil {
		return err
	}
	spec := &tableSpec{
		title:      cityFullName(c) + " 주관·참여 공동협력사업 현황",
		asOfLine:   "(기준: " + officialDate(d.AsOf) + ")",
		note:       tierNote(c),
		cols:       cityColumns(c),
		groups:     groupByField(cityProjects(d.Projects, c), d.Scheme.Fields),
		totals:     true,
		freezeCols: 3,
	}
	info, err := writeTable(s, st, spec)
	if err != nil {
		return err
	}
	return finishTable(f, s, spec, info, d.AsOf, 0)
}
