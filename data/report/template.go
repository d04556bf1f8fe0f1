package report

import (
	"context"
	"io"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/xuri/excelize/v2"
)

// Template is what a city's template holds.
type Template struct {
	City      model.City
	Projects  []*model.Project // the city's projects, prefilled unless Blank
	Scheme    register.FieldScheme
	Stages    []string // 단계 choices; the usual ones are always offered
	Blank     bool
	AsOf      string // YYYY-MM-DD prefilled as the 기준일; "" leaves it for the city
	Round     string // the meeting round (차수) it was issued for, "" if none
	BlankRows int    // empty rows for new projects; default 20, or 50 when Blank
	Author    string
	Created   time.Time
}

// Template sheet names.
const (
	SheetTemplate     = "추진현황"
	SheetInstructions = "작성요령"
	SheetLists        = "목록"
	// SheetTemplateInfo is hidden: what the template was issued for (city,
	// the as-of date it asks for, when), so a sheet that comes back with its
	// 기준일 left blank is still read as of the date it was asked for.
	SheetTemplateInfo = "서식정보"
)

// TemplateSheetNames lists a template's sheets in order.
func TemplateSheetNames() []string {
	return []string{SheetTemplate, SheetInstructions, SheetLists, SheetTemplateInfo}
}

var usualStages = []string{"계획", "설계", "공사중", "운영", "완료"}

// LoadTemplate reads a city's template data from the register.
func LoadTemplate(ctx context.Context, reg *register.Register, city model.City, blank bool, asOf string) (Template, error) {
	t := Template{City: city, Blank: blank, AsOf: asOf}
	if !city.Valid() {
		return t, msg.Errorf(msg.Where{}, msgBadCity, string(city))
	}
	if err := checkDate(asOf); err != nil {
		return t, err
	}
	ps, err := reg.List(ctx, register.ListOptions{})
	if err != nil {
		return t, err
	}
	if t.Scheme, err = reg.Scheme(ctx); err != nil {
		return t, err
	}
	for _, p := range ps {
		if p.Stage != "" && !slices.Contains(t.Stages, p.Stage) {
			t.Stages = append(t.Stages, p.Stage)
		}
	}
	if !blank {
		t.Projects = cityProjects(ps, city)
	}
	return t, nil
}

// WriteTemplate writes a city's template workbook to w.
func WriteTemplate(w io.Writer, t Template) error {
	f, err := buildTemplate(t)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Write(w)
}

// ExportTemplate writes a city's template to path safely (see Export).
func ExportTemplate(path string, t Template, o SaveOptions) error {
	if !t.City.Valid() {
		return msg.Errorf(msg.Where{}, msgBadCity, string(t.City))
	}
	return save(path, o, TemplateSheetNames(), func(w io.Writer) error { return WriteTemplate(w, t) })
}

// templateColumns are a city's own layout: its tier labels, 주관 and 구분.
func templateColumns(city model.City) []column {
	contact := func(p *model.Project) model.Contact { return p.Contacts[city] }
	cols := []column{
		{head: "연번", kind: kSeq},
		{head: "분야", kind: kWrap, minW: 14, maxW: 16, text: func(p *model.Project) string { return p.Field }},
		{head: "사업명", kind: kWrap, minW: 26, maxW: 30, text: func(p *model.Project) string { return p.Name }},
		{head: "구분", kind: kCenter, minW: 7, text: func(p *model.Project) string { return p.Kind.Korean() }},
		{head: "주관", kind: kCenter, minW: 7, text: func(p *model.Project) string { return p.LeadCity.Korean() }},
		{head: "참여", kind: kCenter, minW: 11, maxW: 12, text: func(p *model.Project) string { return cityNames(partners(p)) }},
		{head: "사업기간", kind: kCenter, minW: 17, maxW: 17, text: periodText},
	}
	for _, t := range model.AllTiers {
		cols = append(cols, column{head: "사업비", sub: model.TierLabel(city, t), kind: kAmount, tier: t, minW: 10})
	}
	return append(cols,
		column{head: "추진율(%)", kind: kProgress, minW: 8},
		column{head: "단계", kind: kCenter, minW: 8, maxW: 8, text: func(p *model.Project) string { return p.Stage }},
		column{head: "사업개요", kind: kWrap, minW: 24, maxW: 34, text: func(p *model.Project) string { return p.Overview }},
		column{head: "추진현황", kind: kWrap, minW: 24, maxW: 34, text: func(p *model.Project) string { return p.Activities }},
		column{head: "문제점", kind: kWrap, minW: 14, maxW: 24, text: func(p *model.Project) string { return p.Problems }},
		column{head: "향후계획", kind: kWrap, minW: 24, maxW: 34, text: func(p *model.Project) string { return p.NextSteps }},
		column{head: "담당부서", kind: kWrap, minW: 12, maxW: 16, text: func(p *model.Project) string { return contact(p).Department }},
		column{head: "담당자", kind: kCenter, minW: 8, maxW: 9, text: func(p *model.Project) string { return contact(p).Officer }},
		column{head: "연락처", kind: kCenter, minW: 13, maxW: 13, text: func(p *model.Project) string { return contact(p).Phone }},
		column{head: "비고", kind: kWrap, minW: 10, maxW: 16, text: func(p *model.Project) string { return p.Notes }},
	)
}

// defaults fills the author, the date and the blank rows.
func (t *Template) defaults() {
	if t.Author == "" {
		t.Author = "해오름동맹 사무국"
	}
	if t.Created.IsZero() {
		t.Created = time.Now()
	}
	if t.BlankRows <= 0 {
		t.BlankRows = 20
		if t.Blank {
			t.BlankRows = 50
		}
	}
	if t.Blank {
		t.Projects = nil
	}
}

func buildTemplate(t Template) (*excelize.File, error) {
	t.defaults()
	f := excelize.NewFile()
	ok := false
	defer func() {
		if !ok {
			f.Close()
		}
	}()
	name := cityFullName(t.City)
	if err := setupBook(f, "해오름동맹 공동협력사업 추진현황 작성 서식 ("+name+")", t.Author, t.Created); err != nil {
		return nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", SheetTemplate); err != nil {
		return nil, err
	}
	for _, n := range TemplateSheetNames()[1:] {
		if _, err := f.NewSheet(n); err != nil {
			return nil, err
		}
	}
	lists, err := writeTemplateLists(f, t)
	if err != nil {
		return nil, err
	}
	if err := writeTemplateSheet(f, &st, t, lists); err != nil {
		return nil, err
	}
	if err := writeInstructions(f, &st, t); err != nil {
		return nil, err
	}
	if err := writeTemplateInfo(f, t); err != nil {
		return nil, err
	}
	// 추진현황, the renamed first sheet, is the active one already.
	ok = true
	return f, nil
}

// writeTemplateLists writes the drop-down choices (분야, 단계, 주관, 구분) on
// the hidden 목록 sheet: a list over 255 characters cannot be written into
// the validation itself. It returns the lists, each headed by its name.
func writeTemplateLists(f *excelize.File, t Template) ([][]string, error) {
	stages := append([]string(nil), usualStages...)
	extra := slices.Clone(t.Stages)
	sort.Strings(extra)
	for _, s := range extra {
		if !slices.Contains(stages, s) {
			stages = append(stages, s)
		}
	}
	fields := t.Scheme.Fields
	if len(fields) == 0 {
		for _, p := range t.Projects {
			if p.Field != "" && !slices.Contains(fields, p.Field) {
				fields = append(fields, p.Field)
			}
		}
	}
	lists := [][]string{append([]string{"분야"}, fields...), append([]string{"단계"}, stages...),
		{"주관", model.Pohang.Korean(), model.Ulsan.Korean(), model.Gyeongju.Korean()}, {"구분", "계속", "신규"}}
	for c, list := range lists {
		for r, v := range list {
			if err := f.SetCellStr(SheetLists, cell(c+1, r+1), v); err != nil {
				return nil, err
			}
		}
	}
	return lists, f.SetSheetVisible(SheetLists, false)
}

// writeTemplateSheet writes 추진현황: the city's projects and blank rows,
// drop-downs, autofilter, print setup, locked headers.
func writeTemplateSheet(f *excelize.File, st *styles, t Template, lists [][]string) error {
	s, err := newSheetOut(f, SheetTemplate, nil)
	if err != nil {
		return err
	}
	asOfLine := "(기준:           )"
	if t.AsOf != "" {
		asOfLine = "(기준: " + officialDate(t.AsOf) + ")"
	}
	spec := &tableSpec{
		title:      "해오름동맹 공동협력사업 추진현황 (" + cityFullName(t.City) + ")",
		asOfLine:   asOfLine,
		asOfInput:  true,
		note:       tierNote(t.City) + "  ※ 작성요령 시트를 참고해 주세요.",
		cols:       templateColumns(t.City),
		groups:     groupByField(t.Projects, t.Scheme.Fields),
		input:      true,
		blankRows:  t.BlankRows,
		freezeCols: 3,
	}
	info, err := writeTable(s, st, spec)
	if err != nil {
		return err
	}
	if err := addTemplateValidations(f, info, lists); err != nil {
		return err
	}
	if err := f.AutoFilter(SheetTemplate, cell(1, headerRow2)+":"+cell(info.lastCol, info.lastData), nil); err != nil {
		return err
	}
	if err := pageSetup(f, SheetTemplate, info.headerRows, t.AsOf); err != nil {
		return err
	}
	// Headers locked; data cells (styled unlocked) stay editable.
	if err := f.ProtectSheet(SheetTemplate, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true, AutoFilter: true, Sort: true, InsertRows: true}); err != nil {
		return err
	}
	return s.sw.Flush()
}

// addTemplateValidations adds the drop-downs and the 추진율 range check
// over the data rows.
func addTemplateValidations(f *excelize.File, info tableInfo, lists [][]string) error {
	colRange := func(head string) string {
		c := colName(info.colOf[head])
		return c + strconv.Itoa(info.firstData) + ":" + c + strconv.Itoa(info.lastData)
	}
	listRef := func(col, n int) string {
		c := colName(col)
		return quoteSheet(SheetLists) + "!$" + c + "$2:$" + c + "$" + strconv.Itoa(max(n, 2))
	}
	type dv struct {
		head, title, text string
		set               func(*excelize.DataValidation) error
	}
	choose := "목록에서 골라 주세요."
	dvs := []dv{
		{"분야", "분야", choose, func(v *excelize.DataValidation) error { v.SetSqrefDropList(listRef(1, len(lists[0]))); return nil }},
		{"단계", "단계", choose, func(v *excelize.DataValidation) error { v.SetSqrefDropList(listRef(2, len(lists[1]))); return nil }},
		{"주관", "주관", choose, func(v *excelize.DataValidation) error { v.SetSqrefDropList(listRef(3, len(lists[2]))); return nil }},
		{"구분", "구분", "계속 또는 신규를 골라 주세요.", func(v *excelize.DataValidation) error { return v.SetDropList([]string{"계속", "신규"}) }},
		{"추진율(%)", "추진율", "0에서 100 사이의 숫자(%)를 적어 주세요. 예: 45.5", func(v *excelize.DataValidation) error {
			return v.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		}},
	}
	for _, d := range dvs {
		v := excelize.NewDataValidation(true)
		v.Sqref = colRange(d.head)
		if err := d.set(v); err != nil {
			return err
		}
		v.SetError(excelize.DataValidationErrorStyleStop, d.title, d.text)
		if err := f.AddDataValidation(SheetTemplate, v); err != nil {
			return err
		}
	}
	return nil
}

// writeInstructions writes 작성요령 in Korean.
func writeInstructions(f *excelize.File, st *styles, t Template) error {
	name := cityFullName(t.City)
	regional, local := model.TierLabel(t.City, model.Regional), model.TierLabel(t.City, model.Local)
	lines := []string{
		"1. 이 서식은 해오름동맹 사무국이 " + name + "에 보내는 공동협력사업 추진현황 작성 서식입니다. " + name + "가 주관하거나 참여하는 사업이 미리 채워져 있으면 바뀐 값만 고쳐 주세요.",
		"2. '추진현황' 시트 2행의 '(기준: )'에 자료 기준일을 '(기준: 2026. 10. 31.)'처럼 적습니다.",
		"3. 사업비는 연도별이 아닌 총사업비를 백만원 단위로 적습니다. 재원은 국비, " + regional + "(광역자치단체 부담), " + local + "(기초자치단체 부담), 민자, 기타로 나누어 적고, 계는 재원의 합과 같아야 합니다.",
		"4. 분야, 구분(계속/신규), 주관, 단계는 셀을 누르면 나오는 목록에서 고릅니다.",
		"5. 참여란에는 주관도시를 뺀 참여도시를 '포항, 경주'처럼 적습니다.",
		"6. 사업기간은 '2024. 3. ~ 2028. 12.'처럼 착수 연월과 완료 연월을 적고, 완료 시기가 정해지지 않은 사업은 '2025. 1. ~ 계속'으로 적습니다.",
		"7. 추진율은 기준일 현재 전체 사업 대비 누적 추진율(%)을 숫자로 적습니다(예: 45.5).",
		"8. 사업명은 고치지 마세요. 사업명으로 등록부의 사업을 찾습니다. 새 사업은 아래의 빈 행에 적습니다.",
		"9. 머리글(1~4행)은 실수로 바뀌지 않도록 잠겨 있습니다(암호 없음). 자료는 노란 칸에 적고, 행이 모자라면 행을 삽입해 주세요.",
		"10. 작성한 파일은 xlsx 형식 그대로 해오름동맹 사무국에 보내 주세요. 다른 형식(xls, hwp)으로 바꾸지 마세요.",
	}
	if err := f.SetColWidth(SheetInstructions, "A", "A", 110); err != nil {
		return err
	}
	if err := f.SetCellValue(SheetInstructions, "A1", "작성요령 ("+name+")"); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetInstructions, "A1", "A1", st.section); err != nil {
		return err
	}
	if err := f.SetRowHeight(SheetInstructions, 1, 24); err != nil {
		return err
	}
	for i, l := range lines {
		ref := cell(1, i+2)
		if err := f.SetCellValue(SheetInstructions, ref, l); err != nil {
			return err
		}
		if err := f.SetCellStyle(SheetInstructions, ref, ref, st.para); err != nil {
			return err
		}
		if err := f.SetRowHeight(SheetInstructions, i+2, min(rowHeight(lineCount(l, 110))+4, maxRowHeight)); err != nil {
			return err
		}
	}
	return pageSetup(f, SheetInstructions, [2]int{}, "")
}

// Document properties a template carries (File → Properties → Custom in
// Excel and LibreOffice), so that a returned sheet says which city, round
// and as-of date it answers even when its hidden sheet was deleted.
const (
	PropCity  = "haeoreum.city"
	PropRound = "haeoreum.round"
	PropAsOf  = "haeoreum.as_of"
)

// Labels of the hidden 서식정보 sheet's lines (data/layout reads them back).
const (
	InfoCity  = "도시"
	InfoRound = "차수"
	InfoAsOf  = "요청 기준일"
)

// writeTemplateInfo fills the hidden 서식정보 sheet and the document's
// custom properties with what the template was issued for: city, round,
// as-of date. data/layout reads the sheet back (the 기준일 when it is left
// blank, and the city before any guess); both survive re-saving in Excel
// and LibreOffice.
func writeTemplateInfo(f *excelize.File, t Template) error {
	rows := [][]any{
		{"해오름 등록부 서식"},
		{InfoCity, string(t.City)},
		{InfoAsOf, t.AsOf},
		{InfoRound, t.Round},
		{"발행", t.Created.Format("2006-01-02 15:04")},
	}
	for i, r := range rows {
		if err := f.SetSheetRow(SheetTemplateInfo, cell(1, i+1), &r); err != nil {
			return err
		}
	}
	props := []excelize.CustomProperty{{Name: PropCity, Value: string(t.City)}, {Name: PropAsOf, Value: t.AsOf}, {Name: PropRound, Value: t.Round}}
	for _, p := range props {
		if p.Value == "" {
			continue
		}
		if err := f.SetCustomProps(p); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(SheetTemplateInfo, false)
}
