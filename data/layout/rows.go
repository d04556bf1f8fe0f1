package layout

import (
	"cmp"
	"errors"
	"iter"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// totalWords mark subtotal and total rows, which are not projects.
var totalWords = map[string]bool{"소계": true, "합계": true, "계": true, "총계": true, "누계": true, "총합계": true, "전체": true}

func isTotalText(s string) bool {
	// Every total word has 계 in it and is short; most cells have neither,
	// so they skip the normalisation.
	if len(s) > 40 || !strings.Contains(s, "계") {
		return false
	}
	k := value.NormalizeName(s)
	return totalWords[k] || strings.HasSuffix(k, "소계") || strings.HasSuffix(k, "합계")
}

var msgRowsRefused = msg.Define("layout.rows_refused",
	"파일에 오류가 %d개 있어 가져올 수 없습니다.",
	"the file has %d errors and cannot be imported.")

var (
	leadInNotes = regexp.MustCompile(`(포항|울산|경주)\s*(시|광역시)?\s*주관`)
	openWords   = []string{"계속", "미정", "연중", "상시", "지속"}
)

// Rows reads the project rows of a table one at a time, as bufio.Scanner
// reads lines, so that a 100,000-row sheet never holds all its records at
// once. The table stays what Locate found; what reading the rows finds
// (cells that cannot be read, duplicates, totals that differ from their
// tiers) is kept here, for Errors, Warnings and Err. A Rows is for one
// reader at a time; Table.Rows gives a fresh one on every call.
type Rows struct {
	t                *Table
	warnings, errors []*msg.Error
	dups             *duplicates // the rows read so far, for RefuseIfDiffers
}

// Rows returns a reader of the table's project rows; the table is not
// changed by reading them.
func (t *Table) Rows() *Rows { return &Rows{t: t} }

// All yields the project rows under the header, sheet by sheet. Each call
// reads them afresh and forgets what an earlier call found, so reading
// twice gives the same records and the same problems. A row with a cell
// that cannot be read is not yielded; its errors refuse the file.
func (rs *Rows) All() iter.Seq[*Record] {
	return func(yield func(*Record) bool) {
		t := rs.t
		rs.warnings, rs.errors, rs.dups = nil, nil, newDuplicates()
		if len(t.parts) == 0 {
			return
		}
		projects := 0
		for _, p := range t.parts {
			n, more := readRecords(p, rs, yield)
			if projects += n; !more {
				return
			}
		}
		if projects == 0 { // a header alone is no list of projects
			h := t.parts[0].h
			rs.fail(msg.Errorf(msg.Where{File: t.File, Sheet: t.parts[0].s.Name, Cell: sheet.CellName(1, h.upper)}, msgNoProjects, h.upper))
		}
	}
}

// Errors are the errors reading the rows found (not Locate's: those are
// the table's own); any of them refuses the file.
func (rs *Rows) Errors() []*msg.Error { return rs.errors }

// Warnings are what reading the rows found worth saying but not refusing.
func (rs *Rows) Warnings() []*msg.Error { return rs.warnings }

// Err is nil when neither Locate nor the rows read so far found an error;
// otherwise it says how many errors refuse the file.
func (rs *Rows) Err() error {
	n := len(rs.t.Errors) + len(rs.errors)
	if n == 0 {
		return nil
	}
	return msg.Errorf(msg.Where{File: rs.t.File}, msgRowsRefused, n)
}

func (rs *Rows) fail(e *msg.Error) { rs.errors = append(rs.errors, e) }
func (rs *Rows) warn(e *msg.Error) { rs.warnings = append(rs.warnings, e) }

// readRecords reads every project row under the header of one sheet and
// yields it; it returns how many rows stood for projects, and false when
// the caller stopped. A row with a cell that cannot be read is not
// yielded; its errors refuse the file.
func readRecords(p part, rs *Rows, yield func(*Record) bool) (projects int, more bool) {
	r := newRowReader(p.s, rs)
	last := max(p.h.upper, p.h.lower)
	// A record is held until the next row shows whether it goes on below.
	var pending *Record
	flush := func() bool {
		if pending == nil {
			return true
		}
		r.finish(pending)
		rec := pending
		pending = nil
		return yield(rec)
	}
	for _, row := range p.s.Rows {
		if row.Num <= last || skipRow(p.s, row, rs.t.Columns) {
			continue
		}
		if pending != nil && r.continues(row, pending) {
			r.join(pending, row)
			continue
		}
		rec, isProject := r.read(row)
		if isProject {
			projects++
		}
		if rec != nil {
			if !flush() {
				return projects, false
			}
			pending = rec
		}
	}
	return projects, flush()
}

// rowReader reads the rows of one table into records.
type rowReader struct {
	s                     *sheet.Sheet
	t                     *Table
	rs                    *Rows           // where the problems found go
	byRole                map[Role]Column // the used column of each role but these two:
	amounts, cityContacts []Column
	roles                 []Role // byRole's roles in a fixed order
	fieldMerges           *spans // merges over the 분야 column
	nameMerges            *spans // merges over the 사업명 column: a project over two rows
	hasAsOf               bool   // a 기준일 column: an empty one means "no date"
	field                 Value  // the 분야 filled down from the rows above
	row                   sheet.Row
}

func newRowReader(s *sheet.Sheet, rs *Rows) *rowReader {
	t := rs.t
	r := &rowReader{s: s, t: t, rs: rs, byRole: map[Role]Column{}}
	for _, c := range t.Columns {
		switch {
		case !c.Used:
		case c.Role == RoleAmount:
			r.amounts = append(r.amounts, c)
		case c.Role == RoleCityContact:
			r.cityContacts = append(r.cityContacts, c)
		default:
			r.byRole[c.Role] = c
		}
	}
	// Roles in a fixed order: a 사업기간 column is read before 착수/완료
	// columns, so that when a sheet has both, the dedicated columns win.
	r.roles = slices.Sorted(maps.Keys(r.byRole))
	_, r.hasAsOf = r.byRole[RoleAsOf]
	if c, ok := r.byRole[RoleField]; ok {
		r.fieldMerges = colSpans(s, c.Col)
	}
	r.nameMerges = colSpans(s, r.byRole[RoleName].Col)
	return r
}

func (r *rowReader) where(col, row int) msg.Where {
	return msg.Where{File: r.t.File, Sheet: r.s.Name, Cell: sheet.CellName(col, row)}
}

// cell returns the current row's cell of column c, its name and place.
// Every value is read as NFC, so a name a Mac wrote decomposed is the same
// text (and alias) as the one Windows wrote.
func (r *rowReader) cell(c Column) (sheet.Cell, string, msg.Where) {
	var v sheet.Cell
	if c.Col >= 1 && c.Col <= len(r.row.Cells) {
		v = r.row.Cells[c.Col-1]
		v.Value = value.NFC(v.Value)
	}
	return v, sheet.CellName(c.Col, r.row.Num), r.where(c.Col, r.row.Num)
}

// fail adds a cell error: the value package's own message, placed at w.
func (r *rowReader) fail(err error, w msg.Where, what string, raw string) {
	if e := located(err, w); e != nil {
		r.rs.fail(e)
		return
	}
	r.rs.fail(msg.Errorf(w, msgBadCell, what, raw))
}

// read reads one row: a record, or nil for a row that is not a project or
// cannot be read; isProject says whether it stands for a project.
func (r *rowReader) read(row sheet.Row) (rec *Record, isProject bool) {
	r.row = row
	rec = &Record{Sheet: r.s.Name, Row: row.Num, Hidden: row.Hidden, Values: map[model.FieldKey]Value{}, HasAsOf: r.hasAsOf}
	if _, ok := r.byRole[RoleField]; ok {
		rec.Field = r.readField()
	}
	nameCol := r.byRole[RoleName]
	v, ref, w := r.cell(nameCol)
	if v.Formula && v.Type == 0 { // a name not calculated: the row must not vanish
		r.rs.fail(msg.Errorf(w, msgFormulaNoValue))
		return nil, true
	}
	// "① 사업명", "1. 사업명": the list number is the sheet's, not the name's
	rec.Name = Value{Text: strings.Join(strings.Fields(value.StripListMarker(v.Value)), " "), Raw: v.Value, Cell: ref}
	if c, ok := r.byRole[RoleCode]; ok {
		v, _, _ := r.cell(c)
		rec.Code = strings.TrimSpace(v.Value)
	}
	if rec.Name.Text == "" {
		if rowHasData(row, r.t.Columns) {
			r.rs.warn(msg.Errorf(w, msgNoNameRow))
		}
		return nil, false
	}
	if errs := rowProblems(row, r.t.Columns, r.where); len(errs) > 0 {
		r.rs.errors = append(r.rs.errors, errs...)
		return nil, true
	}
	r.readAmounts(rec)
	for _, role := range r.roles {
		r.readRole(rec, role, r.byRole[role])
	}
	r.readCityContacts(rec)
	return rec, true
}

// readField reads the 분야 cell (or the merge over it) and fills it down.
func (r *rowReader) readField() Value {
	c := r.byRole[RoleField]
	v, _, w := r.cell(c)
	if v.Value == "" {
		v.Value = value.NFC(r.fieldMerges.topLeft(r.row.Num))
	}
	text := strings.TrimSpace(v.Value)
	if v.Formula && v.Type == 0 { // the rows below would take the field above
		r.rs.fail(msg.Errorf(w, msgFormulaNoValue))
	} else if err := value.CheckText(text); err != nil {
		r.fail(err, w, c.Header, text)
	} else if text != "" && !isTotalText(text) {
		r.field = Value{Text: text, Raw: text, Cell: w.Cell}
	}
	return r.field
}

// readAmounts reads the budget columns.
func (r *rowReader) readAmounts(rec *Record) {
	for _, c := range r.amounts {
		v, ref, w := r.cell(c)
		a, err := value.ParseBudget(v.Value, c.Unit, value.FormatDecimals(r.s.Format(v)))
		if errors.Is(err, value.ErrEmpty) {
			continue
		}
		if err != nil {
			r.fail(err, w, c.Header, v.Value)
			continue
		}
		rec.Values[model.BudgetKey(c.Tier)] = Value{Text: strconv.FormatInt(a.Won, 10), Raw: v.Value, Cell: ref, Precision: a.Precision}
	}
}

// readRole reads the cell of column c, which serves role.
func (r *rowReader) readRole(rec *Record, role Role, c Column) {
	v, ref, w := r.cell(c)
	raw := strings.TrimSpace(v.Value)
	if raw == "" {
		return
	}
	text := func(k model.FieldKey) { rec.Values[k] = Value{Text: raw, Raw: v.Value, Cell: ref} }
	switch role {
	case RoleProgress:
		p, err := value.ParseProgress(raw, value.IsPercentFormat(r.s.Format(v)))
		if errors.Is(err, value.ErrEmpty) {
			return
		}
		if err != nil {
			r.fail(err, w, c.Header, raw)
			return
		}
		rec.Values[model.FProgress] = Value{Text: model.FormatProgress(p), Raw: v.Value, Cell: ref}
	case RolePeriod, RoleStart, RoleEnd:
		r.readDates(rec, role, c, v, ref, w)
	case RoleKind:
		if k, ok := model.ParseKind(raw); ok {
			rec.Values[model.FKind] = Value{Text: string(k), Raw: v.Value, Cell: ref}
		}
	case RoleLead:
		if cs := model.FindCities(raw); len(cs) == 1 {
			rec.Values[model.FLead] = Value{Text: string(cs[0]), Raw: v.Value, Cell: ref}
		}
	case RoleCities:
		rec.Values[model.FCities] = Value{Text: joinCities(model.FindCities(raw)), Raw: v.Value, Cell: ref}
	case RoleStage:
		text(model.FStage)
	case RoleOverview:
		text(model.FOverview)
	case RoleActivities:
		text(model.FActivities)
	case RoleProblems:
		text(model.FProblems)
	case RoleNextSteps:
		text(model.FNextSteps)
	case RoleNotes:
		text(model.FNotes)
	case RoleAsOf:
		d, err := value.ParseDate(raw)
		if err != nil {
			r.fail(err, w, c.Header, raw)
			return
		}
		rec.AsOf = d.String()
	default:
		readContactRole(rec, role, raw)
	}
}

// readContactRole reads the aliases and contact columns.
func readContactRole(rec *Record, role Role, raw string) {
	switch role {
	case RoleAliases:
		for _, a := range strings.FieldsFunc(raw, func(r rune) bool { return r == '\n' || r == ';' }) {
			if a = strings.TrimSpace(a); a != "" {
				rec.Aliases = append(rec.Aliases, a)
			}
		}
	case RoleDepartment:
		rec.Contact.Department = raw
	case RoleOfficer:
		rec.Contact.Officer = raw
	case RolePhone:
		rec.Contact.Phone = raw
	case RoleContact:
		c := value.ParseContact(raw)
		rec.Contact = model.Contact{Department: c.Department, Officer: c.Officer, Phone: c.Phone}
	}
}

// readDates reads a 사업기간 cell, or a 착수 or 완료 cell.
func (r *rowReader) readDates(rec *Record, role Role, c Column, v sheet.Cell, ref string, w msg.Where) {
	raw := strings.TrimSpace(v.Value)
	if role == RolePeriod {
		p, err := value.ParsePeriod(raw)
		if err != nil {
			r.fail(err, w, c.Header, raw)
			return
		}
		rec.PeriodRaw = raw
		if !p.Start.IsZero() {
			rec.Values[model.FStart] = monthValue(p.Start, false, v.Value, ref)
		}
		if p.Open {
			rec.Values[model.FEnd] = Value{Text: "", Raw: v.Value, Cell: ref}
		} else if !p.End.IsZero() {
			rec.Values[model.FEnd] = monthValue(p.End, true, v.Value, ref)
		}
		return
	}
	key := model.FStart
	if role == RoleEnd {
		key = model.FEnd
	}
	mv, open, err := readMonth(v, r.s.Format(v), r.t.date1904, role == RoleEnd)
	switch {
	case err != nil:
		r.fail(err, w, c.Header, raw)
	case open:
		rec.Values[key] = Value{Text: "", Raw: v.Value, Cell: ref}
	default:
		rec.Values[key] = monthValue(mv, role == RoleEnd, v.Value, ref)
	}
}

// readCityContacts reads one officer per city, when the sheet has a column
// per city (our own report's register sheet).
func (r *rowReader) readCityContacts(rec *Record) {
	for _, c := range r.cityContacts {
		v, _, _ := r.cell(c)
		if ct := parseCityContact(v.Value); !ct.Empty() {
			if rec.CityContacts == nil {
				rec.CityContacts = map[model.City]model.Contact{}
			}
			rec.CityContacts[c.City] = ct
		}
	}
}

// finish completes a record from what its cells say together, and checks
// it against itself and the rows before it.
func (r *rowReader) finish(rec *Record) {
	notesFacts(rec)
	if cs, ok := rec.Values[model.FCities]; ok {
		// 참여 lists the other cities; the register's list has the lead too.
		list := model.FindCities(cs.Raw)
		if lead, ok := rec.Values[model.FLead]; ok {
			list = append(list, model.City(lead.Text))
		}
		cs.Text = joinCities(model.SortCities(list))
		rec.Values[model.FCities] = cs
	}
	t, rs := r.t, r.rs
	checkSum(rec, rs, t.File, r.s.Name)
	if e := checkOrder(rec, t.File, r.s.Name); e != nil {
		rs.fail(e)
	}
	if e := rs.dups.check(rec, r.s, r.byRole[RoleCode].Col, r.byRole[RoleName].Col, msg.Where{File: t.File, Sheet: r.s.Name}); e != nil {
		rs.fail(e)
	}
	if rec.Hidden {
		rs.warn(msg.Errorf(r.where(r.byRole[RoleName].Col, rec.Row), msgHiddenRow, rec.Name.Text))
	}
}

// notesFacts reads what 비고 says when no column says it: "울산 주관, 신규".
func notesFacts(rec *Record) {
	n, ok := rec.Values[model.FNotes]
	if !ok {
		return
	}
	if _, has := rec.Values[model.FLead]; !has {
		if m := leadInNotes.FindStringSubmatch(n.Raw); m != nil {
			if c, ok := model.ParseCity(m[1]); ok {
				rec.Values[model.FLead] = Value{Text: string(c), Raw: n.Raw, Cell: n.Cell}
			}
		}
	}
	if _, has := rec.Values[model.FKind]; !has {
		switch {
		case strings.Contains(n.Raw, "신규"):
			rec.Values[model.FKind] = Value{Text: string(model.New), Raw: n.Raw, Cell: n.Cell}
		case strings.Contains(n.Raw, "계속"):
			rec.Values[model.FKind] = Value{Text: string(model.Continuing), Raw: n.Raw, Cell: n.Cell}
		}
	}
}

// readMonth reads a start or end cell: a real date (serial number with a
// date format, or any serial in a start/end column), or text.
func readMonth(c sheet.Cell, format string, date1904, isEnd bool) (value.Month, bool, error) {
	raw := strings.TrimSpace(c.Value)
	if c.Type == sheet.TypeNumber || value.IsDateFormat(format) {
		if _, err := strconv.ParseFloat(raw, 64); err == nil && (value.IsDateFormat(format) || len(raw) >= 5) {
			d, err := value.DateFromSerial(raw, date1904)
			if err != nil {
				return value.Month{}, false, err
			}
			return d.YearMonth(), false, nil
		}
	}
	for _, w := range openWords {
		if strings.Contains(raw, w) {
			return value.Month{}, true, nil
		}
	}
	m, err := value.ParseMonth(raw)
	return m, false, err
}

// monthValue renders a month; a year-only month stands for the year's first
// (start) or last (end) month with a year's precision.
func monthValue(m value.Month, isEnd bool, raw, ref string) Value {
	if m.Month == 0 {
		month := "01"
		if isEnd {
			month = "12"
		}
		return Value{Text: strconv.Itoa(m.Year) + "-" + month, Raw: raw, Cell: ref, Precision: 12}
	}
	return Value{Text: m.String(), Raw: raw, Cell: ref, Precision: 1}
}

func joinCities(cs []model.City) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = string(c)
	}
	return strings.Join(parts, ",")
}

// skipRow reports subtotal/total rows and footnotes, which are not projects.
func skipRow(s *sheet.Sheet, row sheet.Row, cols []Column) bool {
	texts := 0
	first := ""
	for i, c := range row.Cells {
		v := strings.TrimSpace(c.Value)
		if v == "" {
			continue
		}
		texts++
		if first == "" {
			first = v
		}
		col := i + 1
		role := RoleUnknown
		for _, cc := range cols {
			if cc.Col == col {
				role = cc.Role
			}
		}
		if role != RoleAmount && role != RoleProgress && c.Type != sheet.TypeNumber && isTotalText(v) {
			return true
		}
	}
	if texts == 1 && (strings.HasPrefix(first, "※") || strings.HasPrefix(first, "*") || strings.HasPrefix(first, "주)")) {
		return true
	}
	return false
}

func rowHasData(row sheet.Row, cols []Column) bool {
	for _, c := range cols {
		if !c.Used || c.Role == RoleSeq || c.Role == RoleField {
			continue
		}
		if c.Col <= len(row.Cells) && strings.TrimSpace(row.Cells[c.Col-1].Value) != "" {
			return true
		}
	}
	return false
}

// checkSum warns when the total differs from the sum of the tiers by more
// than the coarsest precision involved.
func checkSum(rec *Record, rs *Rows, file, sheetName string) {
	tot, ok := rec.Values[model.BudgetKey(model.Total)]
	if !ok {
		return
	}
	var b model.Budget
	prec := tot.Precision
	for _, tier := range model.AllTiers {
		if v, ok := rec.Values[model.BudgetKey(tier)]; ok {
			n, _ := strconv.ParseInt(v.Text, 10, 64)
			b.Set(tier, n)
			prec = max(prec, v.Precision)
		}
	}
	// the rule the window's form uses too, shown in the sheet's own unit
	if err := field.CheckTiers(b, prec, cmp.Or(rs.t.Unit, value.Baekman)); err != nil {
		rs.warn(msg.Wrap(err, msg.Where{File: file, Sheet: sheetName, Cell: tot.Cell}, msgSumMismatch,
			rec.Name.Text, err.Error()))
	}
}

// parseCityContact reads "부서 / 담당자 / 전화" as our report writes it, or
// any contact text the way value.ParseContact reads it.
func parseCityContact(raw string) model.Contact {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return model.Contact{}
	}
	if parts := strings.Split(raw, " / "); len(parts) == 3 {
		return model.Contact{Department: strings.TrimSpace(parts[0]), Officer: strings.TrimSpace(parts[1]), Phone: strings.TrimSpace(parts[2])}
	}
	c := value.ParseContact(raw)
	return model.Contact{Department: c.Department, Officer: c.Officer, Phone: c.Phone}
}
