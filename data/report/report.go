// Package report writes the consolidated workbook the council reads (총괄,
// 사업목록, 추진내용, one sheet per city, 미해결, 변경사항, and the hidden
// 변경이력) and the city templates, from values: Load reads them from a
// register, Write and Export take them as they are, so the same code writes
// 43 projects or 100,000.
//
// Printed, the workbook is the council's pack: A4 landscape, each sheet at
// 9 pt or more, each field on its own pages, the changes since the last
// meeting one line per project and field. The full audit trail is on
// 변경이력, hidden so that it is not printed.
//
// The 사업목록 sheet has the shape of the secretariat's register (a 코드
// column, 사업비 계/국비/광역비/기초비/민자/기타): importing it into an
// empty register gives the same projects back. It prints 코드 to 단계;
// the narratives and round-trip columns after it stay on the sheet. Amounts are stored in 백만원,
// the unit its header lines state, exactly to the won (1,234,567,000 won is
// 1234.567); whole amounts show as #,##0.
package report

import (
	"context"
	"io"
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
	Changes   []register.Change    // made on or after Since, newest first
	Scheme    register.FieldScheme
	Plan      register.Plan // the plan year the register is compared with
	AsOf      string        // YYYY-MM-DD: the report's 기준일 (the date of the cities' data)
	Since     string        // YYYY-MM-DD: the first day of 변경사항 (the last meeting)
	Author    string        // document property; default "해오름동맹 사무국"
	Created   time.Time
}

// Sheet names of the report.
const (
	SheetSummary    = "총괄"
	SheetRegister   = "사업목록"
	SheetNarratives = "추진내용"
	SheetConflicts  = "미해결"
	SheetChanges    = "변경사항"
	SheetAudit      = "변경이력" // hidden: the full audit trail, not printed
)

// CitySheet is the name of a city's sheet: 포항, 울산, 경주.
func CitySheet(c model.City) string { return c.Korean() }

// SheetNames lists the report's sheets in order.
func SheetNames() []string {
	names := []string{SheetSummary, SheetRegister, SheetNarratives}
	for _, c := range model.Cities {
		names = append(names, CitySheet(c))
	}
	return append(names, SheetConflicts, SheetChanges, SheetAudit)
}

// Load reads a report's data from the register. asOf defaults to the newest
// as-of date of its projects (today if none); since to 30 days before asOf.
// Changes are those made from since (local time) up to now.
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
	if d.Plan, err = reg.Plan(ctx); err != nil {
		return d, err
	}
	d.defaults()
	if d.Since > d.until() {
		return d, msg.Errorf(msg.Where{}, msgSinceFuture, officialDate(d.Since), officialDate(d.until()))
	}
	// The register keeps times in UTC; a day starts earlier there in Korea,
	// so ask from the day before and keep what is on or after since here.
	t, _ := time.ParseInLocation("2006-01-02", d.Since, time.Local)
	all, err := reg.ChangesSince(ctx, t.UTC().Format("2006-01-02"))
	if err != nil {
		return d, err
	}
	for _, c := range all {
		if at, err := time.Parse(time.RFC3339, c.At); err != nil || !at.Before(t) {
			d.Changes = append(d.Changes, c)
		}
	}
	return d, nil
}

// until is the last day 변경사항 covers: the day the report is made.
func (d *Data) until() string { return d.Created.Local().Format("2006-01-02") }

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

// build makes the report workbook; tap, when set, sees every row written.
func build(d Data, tap rowTap) (*excelize.File, error) {
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
	// Hidden before anything is streamed: SetSheetVisible reads every
	// sheet, and a streamed one would be parsed back whole.
	if err := f.SetSheetVisible(SheetAudit, false); err != nil {
		return nil, err
	}
	writers := []func() error{
		func() error { return writeRegister(f, &st, d, tap) },
		func() error { return writeNarratives(f, &st, d, tap) },
	}
	for _, c := range model.Cities {
		writers = append(writers, func() error { return writeCity(f, &st, d, c, tap) })
	}
	writers = append(writers,
		func() error { return writeSummary(f, &st, d, tap) },
		func() error { return writeConflicts(f, &st, d, tap) },
		func() error { return writeChanges(f, &st, d, tap) },
		func() error { return writeAudit(f, &st, d, tap) },
	)
	for _, w := range writers {
		if err := w(); err != nil {
			return nil, err
		}
	}
	// 총괄, the renamed first sheet, is the active one already; setting it
	// again would read every streamed sheet back whole.
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
