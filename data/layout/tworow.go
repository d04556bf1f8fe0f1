package layout

import (
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
)

// A project may take two (or more) rows: its name and amounts merged over
// them, its narrative continued on the row below. Such a row is part of
// the project above; its text is joined to the project's, a line apart.

var msgContinuedRow = msg.Define("layout.continued_row",
	"%d행에는 사업명 없이 글만 있어 위 사업 '%s'의 내용으로 이어 붙였습니다.",
	"row %d has text but no project name; it was joined to the project above, '%s'.")

var msgContinuedValue = msg.Define("layout.continued_value",
	"%d행은 위 사업 '%s'과 사업명 칸이 병합된 이어진 행인데, 글이 아닌 열 '%s'에도 값이 있습니다. 한 사업에 값이 둘이라 어느 것이 맞는지 알 수 없어 가져오지 않았습니다. 한 행에 적어 주세요.",
	"row %d goes on from the project above, '%s' (their name cells are merged), but has a value in the column '%s', which is not text: the project would have two values for it, so nothing was imported. Write it on one row.")

// narrativeRoles are the columns whose text may go on over several rows.
var narrativeRoles = map[Role]model.FieldKey{
	RoleOverview: model.FOverview, RoleActivities: model.FActivities, RoleProblems: model.FProblems,
	RoleNextSteps: model.FNextSteps, RoleNotes: model.FNotes,
}

// continues reports whether row goes on from the project rec: its name
// cell is empty and either merged with rec's (the sheet says so) or the
// row follows rec's directly with text in narrative columns alone.
func (r *rowReader) continues(row sheet.Row, rec *Record) bool {
	nameCol := r.byRole[RoleName].Col
	if nameCol <= len(row.Cells) && strings.TrimSpace(row.Cells[nameCol-1].Value) != "" {
		return false
	}
	narrative, other := r.rowTexts(row)
	if m, ok := r.nameMerges.at(row.Num); ok && m.FromRow == rec.Row && m.FromRow < row.Num {
		if other != nil { // one project, two values for one field: neither can be taken
			r.rs.fail(msg.Errorf(r.where(other.Col, row.Num), msgContinuedValue, row.Num, rec.Name.Text, other.Header))
		}
		return true
	}
	if row.Num != rec.lastRow()+1 || !narrative || other != nil {
		return false
	}
	r.rs.warn(msg.Errorf(r.where(nameCol, row.Num), msgContinuedRow, row.Num, rec.Name.Text))
	return true
}

// rowTexts says whether a row has text in narrative columns, and the first
// other read column with a value in it (nil if none).
func (r *rowReader) rowTexts(row sheet.Row) (narrative bool, other *Column) {
	for i, c := range r.t.Columns {
		if !c.Used || c.Col > len(row.Cells) || c.Role == RoleSeq || c.Role == RoleField || c.Role == RoleName {
			continue
		}
		if strings.TrimSpace(row.Cells[c.Col-1].Value) == "" {
			continue
		}
		if _, ok := narrativeRoles[c.Role]; ok {
			narrative = true
		} else if other == nil {
			other = &r.t.Columns[i]
		}
	}
	return narrative, other
}

// join adds the narrative text of a continuation row to rec.
func (r *rowReader) join(rec *Record, row sheet.Row) {
	r.row = row
	rec.continued = row.Num
	if errs := rowProblems(row, r.t.Columns, r.where); len(errs) > 0 {
		r.rs.errors = append(r.rs.errors, errs...)
		return
	}
	for _, c := range r.t.Columns {
		k, ok := narrativeRoles[c.Role]
		if !ok || !c.Used {
			continue
		}
		v, ref, _ := r.cell(c)
		text := strings.TrimSpace(v.Value)
		if text == "" {
			continue
		}
		old, had := rec.Values[k]
		if !had {
			rec.Values[k] = Value{Text: text, Raw: v.Value, Cell: ref}
			continue
		}
		old.Text, old.Raw = old.Text+"\n"+text, old.Raw+"\n"+v.Value
		rec.Values[k] = old
	}
}

// lastRow is the last sheet row the record takes.
func (rec *Record) lastRow() int { return max(rec.Row, rec.continued) }
