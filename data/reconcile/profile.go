package reconcile

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// ProfileUse is the saved sheet profile an import read its file with: the
// same city's layout (the same header band) as an earlier sheet, and what
// was taken from it.
type ProfileUse struct {
	ID   int64      `json:"id"`
	City model.City `json:"city"`
	File string     `json:"file"`  // the sheet it was last confirmed in
	AsOf string     `json:"as_of"` // that sheet's as-of date
	// Evidence says so for a person: "울산 양식, 2026-10-31 자료에서 확인".
	Evidence string `json:"evidence"`
	// Took names what came from it: city, sheet, header_row, unit, columns.
	Took []string `json:"took"`
}

// What a profile can supply.
const (
	TookCity      = "city"
	TookSheet     = "sheet"
	TookHeaderRow = "header_row"
	TookUnit      = "unit"
	TookColumns   = "columns"
)

var (
	msgProfileUsed = msg.Define("reconcile.profile_used",
		"%s 양식, %s 자료에서 확인", "%s's layout, as confirmed in the sheet as of %s")
	msgFromProfile    = msg.Define("reconcile.from_profile", "저장된 양식에서", "from profile")
	msgUnitSameLayout = msg.Define("reconcile.unit_same_layout",
		"%[1]s %[2]s 자료와 같은 양식", "the same layout as %[2]s's sheet of %[1]s")
	msgSameHeaderAs = msg.Define("reconcile.same_header_as",
		"%s 양식과 같은 머리글", "the same header as %s's layout")
	msgUnitSplit = msg.Define("reconcile.unit_split",
		"금액 단위의 근거가 엇갈립니다: 같은 양식의 %s 자료는 %s였고, 등록부 금액은 %s에서 %d건 일치합니다. 추측하지 않았습니다.",
		"the evidence for the amounts' unit is split: the sheet of the same layout as of %s was in %s, the register's amounts agree at %s for %d rows. Nothing was guessed.")
)

// profileEvidence is "울산 양식, 2026-10-31 자료에서 확인".
func profileEvidence(p register.Profile) string {
	return msg.Text(msgProfileUsed, field.CityName(p.City), p.AsOf)
}

// fromProfile is a value's evidence when a profile supplied it.
func fromProfile(p register.Profile) string {
	return msg.Text(msgFromProfile) + " — " + profileEvidence(p)
}

// reading is what Understand learnt of a table beyond what the table
// holds: the decisions taken for it (an official's, or a profile's), so
// that applying it can remember them, and the profile it was read with.
type reading struct {
	fingerprint string
	cityDecided bool
	sheet       string
	headerRow   int
	// headerRowFrom says why the header was read at headerRow, and
	// sheetFrom why that sheet, when the profiles of its layout said
	// (profileHeaderRow)
	headerRowFrom, sheetFrom string
	unitSource               string
	columns                  []layout.ColumnChoice
	profile                  *register.Profile
	use                      *ProfileUse
	fromProfile              map[int]bool // columns whose decision the profile gave
	// warnings are what understanding found beyond Locate (the unit's
	// evidence split), kept here so that the table stays Locate's result
	warnings []*msg.Error
}

// findProfile returns the saved profile for the table's layout: the
// sending city's, or, when the sheet does not say whose it is, the one
// city's that has this layout. A sheet an official chose for the city
// last time is tried too: the finder may pick another. (A header row an
// official named is tried only where the finder found no table at all:
// profileHeaderRow.)
func findProfile(ctx context.Context, reg *register.Register, path string, o FileOptions, t *layout.Table) (*register.Profile, error) {
	list, err := reg.ProfilesFor(ctx, t.City, t.Fingerprint())
	if err != nil {
		return nil, err
	}
	if len(list) > 0 && (t.City != "" || oneCity(list)) {
		return &list[0], nil
	}
	if o.Sheet != "" || o.HeaderRow != 0 {
		return nil, nil // the official's choice now is the one to read with
	}
	return profileOnOtherSheet(ctx, reg, path, o, t)
}

// profileOnOtherSheet is the profile whose chosen sheet, read instead of
// the one the finder picked, comes out as the profile's layout.
func profileOnOtherSheet(ctx context.Context, reg *register.Register, path string, o FileOptions, t *layout.Table) (*register.Profile, error) {
	all, err := reg.Profiles(ctx)
	if err != nil {
		return nil, err
	}
	var wb *sheet.Workbook // opened once, for the first profile to try
	for _, p := range all {
		if p.Sheet == "" || p.Sheet == t.Sheet || (t.City != "" && p.City != t.City) {
			continue
		}
		if wb == nil {
			if wb, err = openWorkbook(path, o); err != nil {
				return nil, err
			}
		}
		try := o
		try.Sheet = p.Sheet
		if other, err := locate(wb, try); err == nil && other.Fingerprint() == p.Fingerprint {
			return &p, nil
		}
	}
	return nil, nil
}

// headerPlace is where profiles say a layout's header is, and why.
type headerPlace struct {
	sheet       string
	row         int
	from        string // the evidence, for the preview
	sheetChosen bool   // the sheet is the profiles' choice, not the official's
}

// readAtNamedHeader reads a file in which the finder found no table
// (notFound) at the header row officials named for its layout before,
// when there is one.
func readAtNamedHeader(ctx context.Context, reg *register.Register, path string, o FileOptions, notFound error) (
	*layout.Table, string, FileOptions, headerPlace, error) {
	at, err := profileHeaderRow(ctx, reg, path, o)
	if err != nil || at.row == 0 {
		return nil, "", o, headerPlace{}, cmp.Or(err, notFound)
	}
	if o.Sheet == "" && at.sheet != "" {
		o.Sheet, at.sheetChosen = at.sheet, true
	}
	o.HeaderRow = at.row
	t, sha, err := ReadFile(path, o)
	return t, sha, o, at, err
}

// note says in the reading where its header row (and sheet) came from.
func (at headerPlace) note(r *reading) {
	if at.row == 0 {
		return
	}
	r.headerRowFrom = at.from
	if at.sheetChosen {
		r.sheetFrom = at.from
	}
	if r.use != nil && r.profile.HeaderRow == at.row {
		r.use.Took = append(r.use.Took, TookHeaderRow)
	}
}

// profileHeaderRow looks, in a file where the finder found no header, at
// the header rows officials named for layouts before (of the city o
// names, or every city's): a row at which the file comes out as such a
// layout is where its header is. Several places that each fit are not
// chosen between. Whose sheet it is stays for the profile lookup to tell:
// a layout several cities use names none of them.
func profileHeaderRow(ctx context.Context, reg *register.Register, path string, o FileOptions) (headerPlace, error) {
	all, err := reg.Profiles(ctx)
	if err != nil {
		return headerPlace{}, err
	}
	type place struct {
		sheet string
		row   int
	}
	fingerprints := map[place]string{} // each place located once
	var wb *sheet.Workbook
	var matches []register.Profile
	var at place
	for _, p := range all {
		if p.HeaderRow == 0 || (o.City != "" && p.City != o.City) {
			continue
		}
		if wb == nil {
			if wb, err = openWorkbook(path, o); err != nil {
				return headerPlace{}, err
			}
		}
		pl := place{p.Sheet, p.HeaderRow}
		if o.Sheet != "" { // the official's sheet: a row named on another is not this one's
			if p.Sheet != "" && p.Sheet != o.Sheet {
				continue
			}
			pl.sheet = o.Sheet
		}
		fp, seen := fingerprints[pl]
		if !seen {
			try := o
			try.Sheet, try.HeaderRow = pl.sheet, pl.row
			if t, err := locate(wb, try); err == nil {
				fp = t.Fingerprint()
			}
			fingerprints[pl] = fp
		}
		if fp == p.Fingerprint {
			if len(matches) > 0 && pl != at {
				return headerPlace{}, nil // two places fit: not chosen between
			}
			matches, at = append(matches, p), pl
		}
	}
	if len(matches) == 0 {
		return headerPlace{}, nil
	}
	from := fromProfile(matches[0])
	if !oneCity(matches) {
		var cities []string
		for _, p := range matches {
			if name := field.CityName(p.City); !slices.Contains(cities, name) {
				cities = append(cities, name)
			}
		}
		from = msg.Text(msgFromProfile) + " — " + msg.Text(msgSameHeaderAs, strings.Join(cities, "·"))
	}
	return headerPlace{sheet: at.sheet, row: at.row, from: from}, nil
}

func oneCity(list []register.Profile) bool {
	for _, p := range list[1:] {
		if p.City != list[0].City {
			return false
		}
	}
	return true
}

// withProfile fills in what the official did not decide now from the
// profile (the city, the sheet, single columns) and says what it took.
// The unit is not taken here: it is evidence, weighed with the register's
// in chooseUnit. The official's decisions always win.
func withProfile(p *register.Profile, o FileOptions, t *layout.Table) (FileOptions, *reading) {
	r := &reading{profile: p, fromProfile: map[int]bool{},
		use: &ProfileUse{ID: p.ID, City: p.City, File: p.File, AsOf: p.AsOf, Evidence: profileEvidence(*p), Took: []string{}}}
	if o.City == "" && t.City == "" {
		o.City, r.cityDecided = p.City, p.CityDecided
		r.use.Took = append(r.use.Took, TookCity)
	}
	if o.Sheet == "" && p.Sheet != "" {
		o.Sheet = p.Sheet
		r.use.Took = append(r.use.Took, TookSheet)
	}
	if o.HeaderRow == 0 && p.HeaderRow > 0 {
		o.HeaderRow = p.HeaderRow
		r.use.Took = append(r.use.Took, TookHeaderRow)
	}
	decided := map[int]bool{}
	for _, c := range o.Columns {
		decided[c.Col] = true
	}
	cols := slices.Clone(o.Columns)
	for _, c := range p.Columns {
		if !decided[c.Col] {
			cols = append(cols, layout.ColumnChoice{Col: c.Col, Means: c.Means})
			r.fromProfile[c.Col] = true
		}
	}
	if len(r.fromProfile) > 0 {
		o.Columns = cols
		r.use.Took = append(r.use.Took, TookColumns)
	}
	return o, r
}

// readWithProfile reads the file again with what the profile supplied,
// and keeps that reading only if it is still the profile's layout.
func readWithProfile(path string, o FileOptions, r *reading, t *layout.Table, sha string) (*layout.Table, string, error) {
	if len(r.use.Took) == 0 {
		return t, sha, nil
	}
	again, sha2, err := ReadFile(path, o)
	if err != nil || again.Fingerprint() != r.profile.Fingerprint {
		r.use.Took, r.fromProfile = []string{}, map[int]bool{}
		return t, sha, nil
	}
	return again, sha2, nil
}

// chooseUnit weighs what the earlier sheet of the same layout used (the
// profile's unit) with the register's agreement: the two agreeing, or the
// profile alone with nothing against it, is used and stated; the register
// pointing elsewhere is split evidence, which is never guessed from.
func chooseUnit(p *register.Profile, agree map[value.Unit]int, compared int) (u value.Unit, evidence string, fromProfile bool, split *msg.Error) {
	regUnit, regEvidence, regOK := strongest(agree, compared)
	var pu value.Unit
	if p != nil && p.Unit != "" {
		pu, _ = field.ParseUnit(p.Unit)
	}
	if pu == 0 {
		return regUnit, regEvidence, false, nil
	}
	layoutEvidence := msg.Text(msgUnitSameLayout, monthOf(p.AsOf), field.CityName(p.City)) + " (" + msg.Text(msgFromProfile) + ")"
	best := bestUnit(agree)
	switch {
	case regOK && regUnit == pu:
		return pu, regEvidence + ", " + layoutEvidence, true, nil
	case best != pu && agree[best] >= 3 && agree[best] > agree[pu]:
		return 0, "", false, msg.Errorf(msg.Where{}, msgUnitSplit, monthOf(p.AsOf), field.UnitName(pu), field.UnitName(best), agree[best])
	}
	return pu, layoutEvidence, true, nil
}

func monthOf(date string) string {
	if len(date) >= 7 {
		return date[:7]
	}
	return date
}

// noteProfile tells the preview which profile the file was read with and
// which columns' meanings it gave.
func noteProfile(u *Understanding, r *reading) {
	if r != nil && r.headerRowFrom != "" {
		u.HeaderRowFrom = r.headerRowFrom
	}
	if r != nil && r.sheetFrom != "" {
		u.SheetFrom = r.sheetFrom
	}
	if r == nil || r.use == nil {
		return
	}
	if slices.Contains(r.use.Took, TookHeaderRow) && u.HeaderRowFrom == "" {
		u.HeaderRowFrom = fromProfile(*r.profile)
	}
	u.Profile = r.use
	if slices.Contains(r.use.Took, TookSheet) {
		u.SheetFrom = fromProfile(*r.profile)
	}

	for i, c := range u.Columns {
		for col := range r.fromProfile {
			if sheet.ColumnName(col) == c.Letter {
				u.Columns[i].From = msg.Text(msgFromProfile)
			}
		}
	}
}

// saveProfile remembers, in the import's own batch, what this city's
// layout was read with: undoing the import forgets it again.
func (im *importer) saveProfile() error {
	r := im.how
	if r == nil || im.t.Master || im.t.City == "" {
		return nil
	}
	p := register.Profile{City: im.t.City, Fingerprint: r.fingerprint, CityDecided: r.cityDecided, Sheet: r.sheet,
		HeaderRow: r.headerRow, UnitSource: r.unitSource, File: im.t.File, AsOf: im.t.AsOf}
	if im.t.Unit > 0 {
		p.Unit = im.t.Unit.String()
	} else {
		p.UnitSource = ""
	}
	for _, c := range r.columns {
		p.Columns = append(p.Columns, register.ProfileColumn{Col: c.Col, Means: c.Means})
	}
	for _, c := range im.t.Columns {
		p.Headers = append(p.Headers, sheet.ColumnName(c.Col)+" "+strings.Join(strings.Fields(c.Header), " "))
	}
	return im.tx.PutProfile(p)
}
