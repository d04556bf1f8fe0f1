package register

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// profilesVersion is the schema version that creates sheet_profiles: its
// place in migrations.
const profilesVersion = 3

// Profile is what the register remembers of one city's sheet layout (a
// header band, by its fingerprint): what was decided or found for it the
// last time it was imported, so the next sheet of the same form needs no
// questions. It lives in the register file, so it travels with the file
// and its backups; writing or deleting one is an audited, undoable batch.
type Profile struct {
	ID          int64      `json:"id"`
	City        model.City `json:"city"`
	Fingerprint string     `json:"fingerprint"`
	// CityDecided: an official named the city (the sheet did not say it).
	CityDecided bool `json:"city_decided,omitempty"`
	// Sheet is the sheet an official chose; "" when the importer found it.
	Sheet string `json:"sheet,omitempty"`
	// HeaderRow is the (first) header row an official named; 0 when the
	// importer found the header.
	HeaderRow int `json:"header_row,omitempty"`
	// Unit is the amounts' unit ("천원"), "" when each column stated its
	// own; UnitSource is how it was known (the Unit* constants).
	Unit       string          `json:"unit,omitempty"`
	UnitSource string          `json:"unit_source,omitempty"`
	Columns    []ProfileColumn `json:"columns"` // an official's decisions about single columns
	// Headers are the layout's column headers ("I 총사업비"), for a person
	// to recognise the form.
	Headers []string `json:"headers"`
	File    string   `json:"file"`  // the sheet it was last confirmed in
	AsOf    string   `json:"as_of"` // that sheet's as-of date
	Batch   int64    `json:"batch"`
	SavedAt string   `json:"saved_at"`
}

// ProfileColumn is an official's decision about one column (1-based), as
// layout.ColumnChoice: a field key, a header word, or "ignore".
type ProfileColumn struct {
	Col   int    `json:"col"`
	Means string `json:"means"`
}

// How a profile's unit was known.
const (
	UnitStated   = "stated"   // the sheet stated it (a unit line or header)
	UnitOfficial = "official" // an official named it
	UnitInferred = "inferred" // the register's amounts agreed at it
)

// KindProfile is the batch kind of deleting a sheet profile (saving one is
// part of the import that taught it).
const KindProfile = "profile"

// sheet_profiles is audited like every table an official's work writes:
// its triggers log how to undo each write, so undoing the import that
// saved a profile (or the deletion of one) restores it. Registered here, by
// the code that owns the table.
func init() {
	auditedTables["sheet_profiles"] = append(slices.Clone(profileColumnsV3), "header_row")
	auditedSince["sheet_profiles"] = profilesVersion
}

// profileColumnsV3 are sheet_profiles' audited columns as version 3 made
// the table; version 4 added header_row (migrateV4).
var profileColumnsV3 = []string{"city", "fingerprint", "city_decided", "sheet", "unit", "unit_source",
	"columns_json", "headers_json", "file", "as_of", "batch_id", "saved_at"}

func migrateV3(tx *sql.Tx) error {
	stmts := []string{
		`CREATE TABLE sheet_profiles (
			id INTEGER PRIMARY KEY,
			city TEXT NOT NULL,
			fingerprint TEXT NOT NULL,
			city_decided INTEGER NOT NULL DEFAULT 0,
			sheet TEXT NOT NULL DEFAULT '',
			unit TEXT NOT NULL DEFAULT '',
			unit_source TEXT NOT NULL DEFAULT '', -- stated, official, inferred
			columns_json TEXT NOT NULL DEFAULT '[]',
			headers_json TEXT NOT NULL DEFAULT '[]',
			file TEXT NOT NULL DEFAULT '',
			as_of TEXT NOT NULL DEFAULT '',
			batch_id INTEGER NOT NULL REFERENCES batches(id),
			saved_at TEXT NOT NULL,
			UNIQUE (city, fingerprint)
		)`,
	}
	stmts = append(stmts, tableTriggers("sheet_profiles", profileColumnsV3)...)
	return execAll(tx, profilesVersion, stmts)
}

// migrateV4 lets a profile remember the header row an official named: a
// layout whose header the finder cannot score is then read without
// asking again.
func migrateV4(tx *sql.Tx) error {
	stmts := []string{`ALTER TABLE sheet_profiles ADD COLUMN header_row INTEGER NOT NULL DEFAULT 0`}
	stmts = append(stmts, dropTableTriggers("sheet_profiles")...)
	stmts = append(stmts, tableTriggers("sheet_profiles", auditedTables["sheet_profiles"])...)
	return execAll(tx, 4, stmts)
}

var (
	msgProfileNotFound = msg.Define("register.profile_not_found",
		"저장된 양식 %d번을 찾을 수 없습니다. 양식 목록에서 번호를 확인해 주세요.",
		"there is no saved sheet profile number %d. Check the number in the list of profiles.")
)

const profileColumns = `id, city, fingerprint, city_decided, sheet, unit, unit_source, columns_json, headers_json,
	file, as_of, batch_id, saved_at, header_row`

// PutProfile saves what was learnt of a city's layout in this batch,
// replacing the layout's older profile. A profile that says the same as
// the stored one is not rewritten (re-importing a sheet leaves no undo
// rows); a sheet older than the one the profile was confirmed in does not
// replace what the newer one taught.
func (t *Tx) PutProfile(p Profile) error {
	old, found, err := t.profileFor(p.City, p.Fingerprint)
	if err != nil || (found && (old.AsOf > p.AsOf || sameProfile(old, p))) {
		return err
	}
	cols, _ := json.Marshal(orEmpty(p.Columns))
	heads, _ := json.Marshal(orEmpty(p.Headers))
	if found {
		return t.exec(`UPDATE sheet_profiles SET city_decided=?, sheet=?, header_row=?, unit=?, unit_source=?, columns_json=?,
			headers_json=?, file=?, as_of=?, batch_id=?, saved_at=? WHERE id=?`,
			p.CityDecided, p.Sheet, p.HeaderRow, p.Unit, p.UnitSource, string(cols), string(heads), p.File, p.AsOf, t.batch, now(), old.ID)
	}
	return t.exec(`INSERT INTO sheet_profiles(city, fingerprint, city_decided, sheet, header_row, unit, unit_source, columns_json,
		headers_json, file, as_of, batch_id, saved_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		string(p.City), p.Fingerprint, p.CityDecided, p.Sheet, p.HeaderRow, p.Unit, p.UnitSource, string(cols), string(heads),
		p.File, p.AsOf, t.batch, now())
}

// sameProfile: nothing a person would see differs, but where and when.
func sameProfile(a, b Profile) bool {
	return a.CityDecided == b.CityDecided && a.Sheet == b.Sheet && a.HeaderRow == b.HeaderRow && a.Unit == b.Unit && a.UnitSource == b.UnitSource &&
		slices.Equal(a.Columns, b.Columns) && slices.Equal(a.Headers, b.Headers) && a.File == b.File && a.AsOf == b.AsOf
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (t *Tx) profileFor(city model.City, fingerprint string) (Profile, bool, error) {
	rows, err := t.QueryContext(t.ctx, `SELECT `+profileColumns+` FROM sheet_profiles WHERE city = ? AND fingerprint = ?`,
		string(city), fingerprint)
	if err != nil {
		return Profile{}, false, err
	}
	list, err := scanProfiles(rows)
	if err != nil || len(list) == 0 {
		return Profile{}, false, err
	}
	return list[0], true, nil
}

// Profiles lists the saved sheet profiles, by city and then newest first.
func (r *Register) Profiles(ctx context.Context) ([]Profile, error) {
	return r.queryProfiles(ctx, `1 ORDER BY city, as_of DESC, id`)
}

// ProfilesFor returns the profiles of a layout: the city's, or with city
// "" every city's (a sheet that does not say whose it is).
func (r *Register) ProfilesFor(ctx context.Context, city model.City, fingerprint string) ([]Profile, error) {
	if city == "" {
		return r.queryProfiles(ctx, `fingerprint = ? ORDER BY as_of DESC, id`, fingerprint)
	}
	return r.queryProfiles(ctx, `city = ? AND fingerprint = ?`, string(city), fingerprint)
}

// ProfileByID returns one profile.
func (r *Register) ProfileByID(ctx context.Context, id int64) (Profile, error) {
	list, err := r.queryProfiles(ctx, `id = ?`, id)
	if err != nil {
		return Profile{}, err
	}
	if len(list) == 0 {
		return Profile{}, msg.Errorf(msg.Where{File: r.path}, msgProfileNotFound, id)
	}
	return list[0], nil
}

// DeleteProfile forgets a profile as one audited batch (undo brings it
// back): the next sheet of that layout is read as if new.
func (r *Register) DeleteProfile(ctx context.Context, id int64) (Profile, error) {
	p, err := r.ProfileByID(ctx, id)
	if err != nil {
		return Profile{}, err
	}
	summary, _ := json.Marshal(map[string]any{"profile": "delete", "city": p.City, "fingerprint": p.Fingerprint})
	_, err = r.Write(ctx, Batch{Kind: KindProfile, City: p.City, File: p.File, Summary: string(summary)}, func(tx *Tx) error {
		return tx.exec(`DELETE FROM sheet_profiles WHERE id = ?`, id)
	})
	return p, err
}

func (r *Register) queryProfiles(ctx context.Context, where string, args ...any) ([]Profile, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT `+profileColumns+` FROM sheet_profiles WHERE `+where, args...)
	if err != nil {
		return nil, classify(err, msg.Where{File: r.path})
	}
	list, err := scanProfiles(rows)
	return list, classify(err, msg.Where{File: r.path})
}

func scanProfiles(rows *sql.Rows) ([]Profile, error) {
	defer rows.Close()
	out := []Profile{}
	for rows.Next() {
		var p Profile
		var city, cols, heads string
		if err := rows.Scan(&p.ID, &city, &p.Fingerprint, &p.CityDecided, &p.Sheet, &p.Unit, &p.UnitSource,
			&cols, &heads, &p.File, &p.AsOf, &p.Batch, &p.SavedAt, &p.HeaderRow); err != nil {
			return nil, err
		}
		p.City = model.City(city)
		if err := errors.Join(json.Unmarshal([]byte(cols), &p.Columns), json.Unmarshal([]byte(heads), &p.Headers)); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
