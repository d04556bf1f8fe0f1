package report

import (
	"sort"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/xuri/excelize/v2"
)

var batchKinds = map[string]string{
	register.KindImport: "가져오기", register.KindEdit: "수정", register.KindResolve: "충돌 결정",
	register.KindCreate: "추가", register.KindDelete: "삭제", register.KindUndo: "되돌리기", "restore": "복원",
	register.KindPlan: "시행계획", register.KindRound: "차수",
}

func batchKind(kind string) string {
	if k, ok := batchKinds[kind]; ok {
		return k
	}
	return "기타 작업"
}

// History fields that are not the council's: the data's as-of date moves
// with every sheet, and the period's raw text is read into 시작/종료.
var unreportedFields = map[model.FieldKey]bool{"as_of": true, "period_raw": true}

// netChange is what happened to one field of one project over the period:
// its value before the first change and after the last. Work that was
// undone within the period cancels out, because the undo's own change
// brings the value back.
type netChange struct {
	code, name string
	field      model.FieldKey
	old, new   string
	last       register.Change // the newest change: when, how and from which file
}

// netChanges reduces the period's changes (newest first, as the register
// gives them) to one line per project and field, dropping fields whose
// value ended where it began, in 사업목록's order then field order.
func netChanges(changes []register.Change, projects []*model.Project, fields []string) []netChange {
	type key struct {
		code  string
		field model.FieldKey
	}
	idx := map[key]int{}
	var out []netChange
	for _, c := range changes {
		if unreportedFields[c.Field] {
			continue
		}
		k := key{c.Code, c.Field}
		i, seen := idx[k]
		if !seen {
			idx[k] = len(out)
			out = append(out, netChange{code: c.Code, name: c.Name, field: c.Field, new: c.New, last: c})
			i = len(out) - 1
		}
		out[i].old = c.Old // older changes come later: the last one seen is the first made
	}
	// A project added in the period is news as a whole: one line, not
	// one per field it was filled in with.
	added := map[string]bool{}
	for _, n := range out {
		if n.field == fieldCreated {
			added[n.code] = true
		}
	}
	kept := out[:0]
	for _, n := range out {
		switch {
		case n.field == fieldCreated:
			kept = append(kept, n)
		case added[n.code] && n.field != "deleted":
		case n.old != n.new:
			kept = append(kept, n)
		}
	}
	var ordered []*model.Project
	for _, g := range groupByField(projects, fields) {
		ordered = append(ordered, g.projects...)
	}
	sortNetChanges(kept, ordered)
	return kept
}

// sortNetChanges orders lines as 사업목록 lists projects (others by code),
// then by the register's field order.
func sortNetChanges(ns []netChange, projects []*model.Project) {
	pos := map[string]int{}
	for i, p := range projects {
		pos[p.Code] = i
	}
	rank := func(code string) int {
		if i, ok := pos[code]; ok {
			return i
		}
		return len(projects)
	}
	fieldRank := map[model.FieldKey]int{fieldCreated: -2, "code": -1, "deleted": len(model.Fields)}
	for i, k := range model.Fields {
		fieldRank[k] = i
	}
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := ns[i], ns[j]
		if ra, rb := rank(a.code), rank(b.code); ra != rb {
			return ra < rb
		}
		if a.code != b.code {
			return a.code < b.code
		}
		return fieldRank[a.field] < fieldRank[b.field]
	})
}

// changedValue is a value as 변경사항 shows it: an empty one reads (없음),
// so that a field filled in or cleared is plain to see.
func changedValue(k model.FieldKey, v string) string {
	if k == fieldCreated {
		return fieldValueText(k, v)
	}
	if t := fieldValueText(k, v); t != "" {
		return t
	}
	return "(없음)"
}

// changeDate is the local day of a change: "2026. 11. 3.".
func changeDate(at string) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return at
	}
	return officialDate(t.Local().Format("2006-01-02"))
}

// periodLine is the period 변경사항 covers: from Since to the day the
// report is made.
func periodLine(d Data) string {
	return "(기간: " + officialDate(d.Since) + " ~ " + officialDate(d.until()) + ")"
}

// writeChanges writes 변경사항, the council's page: per project and field
// what changed since the last meeting, net of undone work. The full trail
// is on 변경이력.
func writeChanges(f *excelize.File, st *styles, d Data, tap rowTap) error {
	heads := []string{"코드", "사업명", "항목", "이전 값", "새 값", "변경일", "출처"}
	widths := []float64{7, 18, 10, 26, 26, 10, 20}
	wrap := []bool{false, true, false, true, true, false, true}
	l, err := newListSheet(f, st, SheetChanges, "변경사항 (지난 보고 이후)",
		periodLine(d)+"  사업·항목별로 처음 값과 마지막 값을 적었습니다. 되돌린 작업은 빼었습니다.", heads, widths, wrap, tap)
	if err != nil {
		return err
	}
	for _, n := range netChanges(d.Changes, d.Projects, d.Scheme.Fields) {
		source := batchKind(n.last.Kind)
		if n.last.File != "" {
			source += " (" + n.last.File + ")"
		}
		if err := l.add(subject{n.code, n.name}, n.code, n.name, fieldLabel(n.field),
			changedValue(n.field, n.old), changedValue(n.field, n.new), changeDate(n.last.At), source); err != nil {
			return err
		}
	}
	return l.finish(f, d.AsOf)
}

// writeAudit writes 변경이력: every change of the period as the register
// recorded it, undone work and undos included. The sheet is hidden: it is
// the secretariat's trail, not part of the printed pack.
func writeAudit(f *excelize.File, st *styles, d Data, tap rowTap) error {
	heads := []string{"일시", "작업 번호", "작업", "코드", "사업명", "항목", "이전 값", "새 값", "도시", "파일", "작업자", "비고"}
	widths := []float64{17, 8, 9, 9, 24, 13, 26, 26, 7, 22, 10, 9}
	wrap := []bool{false, false, false, false, true, false, true, true, false, true, false, false}
	l, err := newListSheet(f, st, SheetAudit, "변경 이력 (전체)",
		periodLine(d)+"  등록부에 기록된 모든 변경, 최근 변경이 위", heads, widths, wrap, tap)
	if err != nil {
		return err
	}
	for _, c := range d.Changes {
		note := ""
		if c.Undone {
			note = "되돌림"
		}
		if err := l.add(subject{c.Code, c.Name}, officialTime(c.At), itoa(int(c.Batch)), batchKind(c.Kind), c.Code, c.Name,
			fieldLabel(c.Field), fieldValueText(c.Field, c.Old), fieldValueText(c.Field, c.New), c.City.Korean(), c.File, c.User, note); err != nil {
			return err
		}
	}
	return l.finish(f, d.AsOf)
}
