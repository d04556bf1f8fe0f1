package reconcile

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/value"
)

// Options steer an import.
type Options struct {
	DryRun bool // compute the preview and change nothing
	AddNew bool // add city rows that match no project as new projects
	// Confirmed maps a sheet row to the project code an official confirmed
	// for it (an uncertain match, answered in the window).
	Confirmed map[int]string
}

// ErrRefused is returned (with the preview) when the table has errors; the
// register is untouched.
var ErrRefused = &msg.Error{ID: msgRefused}

var errDryRun = errors.New("dry run")

// Apply imports a located table into the register as one batch, after a
// backup. With DryRun it runs on a snapshot of the register (a read, so a
// read-only register can be previewed), rolls back and only returns the
// preview: the same code as applying, so the preview is what applying does. Rows are
// read as they are applied; a bad cell anywhere rolls the whole batch back,
// so the register is either fully updated or exactly as it was.
func Apply(ctx context.Context, reg *register.Register, rd *Reading, opt Options) (*Preview, error) {
	t, sha256 := rd.Table, rd.SHA256
	pv := &Preview{File: t.File, Sheet: t.Sheet, City: t.City, Master: t.Master, AsOf: t.AsOf, SHA256: sha256,
		Added: []Item{}, Proposed: []Item{}, Changed: []Change{}, Conflicts: []Conflict{},
		Uncertain: []Uncertain{}, Aliases: []Alias{}, Warnings: []string{}, Errors: []string{}, Understood: understand(t)}
	noteProfile(&pv.Understood, rd.how)
	refused := func() (*Preview, error) {
		return pv, msg.Errorf(msg.Where{File: t.File}, msgRefused, len(pv.Errors))
	}
	if !t.Master && t.City == "" {
		pv.fail(msg.Errorf(msg.Where{File: t.File, Sheet: t.Sheet}, msgNoCity))
	}
	if len(t.Errors) > 0 || len(pv.Errors) > 0 {
		pv.collect(t, rd.how, nil) // refused by its header: its rows are not read
		return refused()
	}
	if opt.DryRun {
		// A preview only reads the register: it runs on a private copy.
		snap, err := reg.Snapshot(ctx)
		if err != nil {
			return pv, err
		}
		defer snap.Close()
		reg = snap
	}
	batch := register.Batch{Kind: register.KindImport, File: t.File, SHA256: sha256, Sheet: t.Sheet, City: t.City, AsOf: t.AsOf}
	write := func(fn func(*register.Tx) error) (int64, error) { return reg.Write(ctx, batch, fn) }
	if !opt.DryRun {
		// Backed up first; the backup is kept (and old ones pruned) only if
		// the import commits, so refused imports cost no restore point.
		write = func(fn func(*register.Tx) error) (int64, error) {
			id, backup, err := reg.WriteWithBackup(ctx, "import", batch, fn)
			pv.Backup = backup
			return id, err
		}
	}
	id, err := write(func(tx *register.Tx) error {
		im := &importer{ctx: ctx, tx: tx, t: t, how: rd.how, pv: pv, opt: opt}
		if err := im.run(); err != nil {
			return err
		}
		pv.collect(t, rd.how, im.rows)
		if im.rows.Err() != nil { // the preview says which and how many
			return errRefusedRows
		}
		if err := im.saveProfile(); err != nil {
			return err
		}
		summary, _ := json.Marshal(map[string]int{"rows": pv.Rows, "added": len(pv.Added), "changed": len(pv.Changed),
			"unchanged": pv.Unchanged, "conflicts": len(pv.Conflicts), "uncertain": len(pv.Uncertain)})
		if err := tx.SetSummary(string(summary)); err != nil {
			return err
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	switch {
	case errors.Is(err, errDryRun):
		return pv, nil
	case errors.Is(err, errRefusedRows):
		return refused()
	case err != nil:
		return pv, err
	}
	pv.Applied, pv.Batch = true, id
	return pv, nil
}

var errRefusedRows = errors.New("rows with errors")

// collect copies into the preview what Locate found for the table, what
// understanding it found (how; nil for a table read another way) and what
// reading its rows found (rows is nil when they were not read): warnings,
// then errors, each the table's before the rows'.
func (p *Preview) collect(t *layout.Table, how *reading, rows *layout.Rows) {
	var howWarns, rowWarns, rowErrs []*msg.Error
	if how != nil {
		howWarns = how.warnings
	}
	if rows != nil {
		rowWarns, rowErrs = rows.Warnings(), rows.Errors()
	}
	for _, w := range slices.Concat(t.Warnings, howWarns, rowWarns) {
		p.warn(w)
	}
	for _, e := range slices.Concat(t.Errors, rowErrs) {
		p.fail(e)
	}
}

// importer holds one import's state inside its transaction.
type importer struct {
	ctx      context.Context
	tx       *register.Tx
	t        *layout.Table
	rows     *layout.Rows // the table's rows as run reads them, and what they refuse
	how      *reading     // what was decided for the table, saved as its layout's profile
	pv       *Preview
	opt      Options
	projects map[int64]*model.Project
	match    *matcher
	scheme   register.FieldScheme
	touched  map[int64]bool
	lastNew  int // the last provisional code given
}

func (im *importer) run() error {
	var err error
	if im.projects, err = im.tx.Projects(); err != nil {
		return err
	}
	if im.scheme, err = im.tx.Scheme(); err != nil {
		return err
	}
	im.match = newMatcher(im.projects)
	im.touched = map[int64]bool{}
	seen := map[int64]layout.RowRef{}
	im.rows = im.t.Rows()
	for rec := range im.rows.All() {
		if err := im.ctx.Err(); err != nil {
			return err // cancelled: the transaction rolls back
		}
		im.pv.Rows++
		p, err := im.find(rec)
		if err != nil {
			return err
		}
		if p == nil {
			continue
		}
		if first, dup := seen[p.ID]; dup {
			im.rows.RefuseIfDiffers(first, rec) // the same project with other values: no first-row-wins
			im.pv.warn(msg.Errorf(im.where(rec, rec.Name.Cell), msgDuplicateRow, rec.Name.Text, first.Row))
			continue
		}
		seen[p.ID] = rec.Ref()
		if err := im.apply(p, rec); err != nil {
			return err
		}
	}
	ids := make([]int64, 0, len(im.touched))
	for id := range im.touched {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return im.projects[ids[i]].Code < im.projects[ids[j]].Code })
	for _, id := range ids {
		if err := im.reconcileConflicts(im.projects[id]); err != nil {
			return err
		}
	}
	return nil
}

// where is a cell of rec's row, on rec's own sheet.
func (im *importer) where(rec *layout.Record, cell string) msg.Where {
	return msg.Where{File: im.t.File, Sheet: cmp.Or(rec.Sheet, im.t.Sheet), Cell: cell}
}

// find returns the row's project, creating it for the secretariat's
// register (and for city rows with AddNew), or nil when the row is
// uncertain or proposed.
func (im *importer) find(rec *layout.Record) (*model.Project, error) {
	if code, ok := im.opt.Confirmed[rec.Row]; ok {
		if p := im.match.byCode[strings.ToUpper(code)]; p != nil {
			return im.remember(p, rec)
		}
	}
	p, candidates := im.match.match(rec.Code, rec.Name.Text)
	if p != nil {
		if !im.t.Master {
			return im.remember(p, rec)
		}
		return p, nil
	}
	if len(candidates) > 0 && rec.Code == "" {
		u := Uncertain{Row: rec.Row, Name: rec.Name.Text}
		var names []string
		for _, c := range candidates {
			u.Candidates = append(u.Candidates, Item{Code: c.Code, Name: c.Name})
			names = append(names, c.Code+" "+c.Name)
		}
		im.pv.Uncertain = append(im.pv.Uncertain, u)
		im.pv.warn(msg.Errorf(im.where(rec, rec.Name.Cell), msgUncertain, rec.Name.Text, strings.Join(names, ", ")))
		return nil, nil
	}
	if !im.t.Master && !im.opt.AddNew {
		im.pv.Proposed = append(im.pv.Proposed, Item{Name: rec.Name.Text, Row: rec.Row})
		im.pv.warn(msg.Errorf(im.where(rec, rec.Name.Cell), msgProposed, rec.Name.Text))
		return nil, nil
	}
	return im.create(rec)
}

// remember keeps the name a city used, as it wrote it, as an alias of the
// project.
func (im *importer) remember(p *model.Project, rec *layout.Record) (*model.Project, error) {
	return p, im.addAlias(p, strings.TrimSpace(rec.Name.Raw))
}

// addAlias remembers another name for a project (once).
func (im *importer) addAlias(p *model.Project, name string) error {
	if name == "" || name == p.Name || slices.Contains(p.Aliases, name) {
		return nil
	}
	if err := im.tx.AddAlias(p.ID, name, value.NormalizeName(name), im.t.City); err != nil {
		return err
	}
	p.Aliases = append(p.Aliases, name)
	im.match.addName(p, name)
	im.pv.Aliases = append(im.pv.Aliases, Alias{Code: p.Code, Alias: name})
	return nil
}

// create adds a project from a row.
func (im *importer) create(rec *layout.Record) (*model.Project, error) {
	code := rec.Code
	if code == "" {
		code = im.newCode()
	}
	asOf := im.asOf(rec)
	p := &model.Project{Code: code, Name: rec.Name.Text, AsOf: asOf, PeriodRaw: rec.PeriodRaw}
	if rec.Field.Text != "" {
		p.Field, _ = canonicalField(rec.Field.Text, im.scheme.Fields)
	}
	for k, v := range rec.Values {
		_ = p.Set(k, v.Text)
	}
	if p.LeadCity == "" && !im.t.Master {
		p.LeadCity = im.t.City
	}
	if len(p.Cities) == 0 && p.LeadCity != "" {
		p.Cities = []model.City{p.LeadCity}
	}
	if _, err := im.tx.InsertProject(p); err != nil {
		return nil, err
	}
	cells := map[model.FieldKey][2]string{model.FName: {rec.Name.Cell, rec.Name.Raw}}
	for k, v := range rec.Values {
		cells[k] = [2]string{v.Cell, v.Raw}
	}
	if rec.Field.Text != "" {
		cells[model.FField] = [2]string{rec.Field.Cell, rec.Field.Raw}
	}
	src := register.Provenance{File: im.t.File, Sheet: cmp.Or(rec.Sheet, im.t.Sheet), City: im.t.City, AsOf: asOf}
	if err := im.tx.SetRowProvenance(p.ID, src, cells); err != nil {
		return nil, err
	}
	if err := im.contact(p, rec); err != nil {
		return nil, err
	}
	p.Aliases = []string{}
	im.projects[p.ID] = p
	im.match.add(p)
	for _, alias := range rec.Aliases {
		if err := im.addAlias(p, alias); err != nil {
			return nil, err
		}
	}
	im.pv.Added = append(im.pv.Added, Item{Code: p.Code, Name: p.Name, Row: rec.Row})
	return nil, nil // created whole: nothing left to compare
}

// newCode gives a project a city proposed a provisional code, NEW-001…,
// until the secretariat's register gives it its own.
func (im *importer) newCode() string {
	for {
		im.lastNew++
		code := fmt.Sprintf("NEW-%03d", im.lastNew)
		if im.match.byCode[code] == nil {
			return code
		}
	}
}

// contact stores the row's officer under the city it belongs to: the
// sending city, or for the secretariat's register the project's lead; and
// each city's officer when the sheet has a column per city.
func (im *importer) contact(p *model.Project, rec *layout.Record) error {
	for _, c := range model.Cities {
		if ct, ok := rec.CityContacts[c]; ok {
			if err := im.tx.SetContact(p.ID, c, ct); err != nil {
				return err
			}
		}
	}
	if rec.Contact.Empty() {
		return nil
	}
	city := im.t.City
	if city == "" {
		city = p.LeadCity
		if cs := model.FindCities(rec.Contact.Department); len(cs) == 1 {
			city = cs[0]
		}
	}
	if city == "" {
		return nil
	}
	return im.tx.SetContact(p.ID, city, rec.Contact)
}
