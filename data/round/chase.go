package round

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/report"
)

// A chase (보완 요청) workbook is the city's own template for the round,
// filled with its rows, every cell that needs attention highlighted with a
// comment saying why, and a one-page list of them in front. The city puts
// the cells right and sends the sheet back; its next import closes what it
// fixed (the status is computed from the register again).

// ChaseItem is one cell to put right.
type ChaseItem struct {
	Code, Name string
	Field      string // a field key, or FieldContact
	Why        string // in Korean, for the city's officer
}

// SheetChase is the chase workbook's list of what to put right.
const SheetChase = "보완 요청"

var (
	msgChaseMissing  = msg.Define("round.chase.missing", "이번 차수 현황표에 없었습니다. 사업의 현재 상황을 적어 주세요.", "this project was not in the round's sheet. Fill in its current state.")
	msgChaseEmpty    = msg.Define("round.chase.empty", "비어 있습니다. 채워 주세요.", "empty: fill it in.")
	msgChaseStale    = msg.Define("round.chase.stale", "지난 차수(기준 %s) 이후 바뀌지 않았습니다. 맞는지 확인해 주세요.", "unchanged since the last round (as of %s): check it.")
	msgChaseConflict = msg.Define("round.chase.conflict", "%s의 값(%s)과 다릅니다. 어느 쪽이 맞는지 확인해 주세요.", "differs from %s's value (%s): check which is right.")
)

// ChaseItems lists what city must put right in the round, from its status.
func ChaseItems(ctx context.Context, reg *register.Register, st *Status, city model.City) ([]ChaseItem, error) {
	cs := st.Cities[city]
	if cs == nil {
		return nil, nil
	}
	ps, err := reg.List(ctx, register.ListOptions{})
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, p := range ps {
		names[p.Code] = p.Name
	}
	// the register's messages for the city's officer are Korean whatever
	// the program's language
	ko := func(id msg.ID, args ...any) string { return msg.TextIn(msg.Korean, id, args...) }
	var items []ChaseItem
	for _, code := range cs.MissingProjects {
		items = append(items, ChaseItem{code, names[code], string(model.FName), ko(msgChaseMissing)})
	}
	for _, c := range cs.EmptyFields {
		items = append(items, ChaseItem{c.Code, names[c.Code], c.Field, ko(msgChaseEmpty)})
	}
	prev := ""
	if st.Previous != nil {
		prev = st.Previous.AsOf
	}
	for _, c := range cs.Stale {
		items = append(items, ChaseItem{c.Code, names[c.Code], c.Field, ko(msgChaseStale, prev)})
	}
	conflicts, err := reg.Conflicts(ctx, false)
	if err != nil {
		return nil, err
	}
	for _, c := range conflicts {
		for _, id := range cs.OpenConflicts {
			if c.ID == id {
				items = append(items, conflictItem(c, city, ko))
			}
		}
	}
	return items, nil
}

// conflictItem asks city about its side of a conflict, naming the other
// city's value.
func conflictItem(c *register.Conflict, city model.City, ko func(msg.ID, ...any) string) ChaseItem {
	other := c.Values[0]
	for _, v := range c.Values {
		if v.City != city {
			other = v
			break
		}
	}
	return ChaseItem{c.Code, c.Name, string(c.Field),
		ko(msgChaseConflict, other.City.Korean(), field.Display(c.Field, other.Value, 1_000_000))}
}

// templateHeads are the template's column headers a field's cell is under.
var templateHeads = map[string]string{
	string(model.FName): "사업명", string(model.FProgress): "추진율(%)", string(model.FActivities): "추진현황",
	string(model.FNextSteps): "향후계획", string(model.FStart): "사업기간", string(model.FEnd): "사업기간",
	string(model.FStage): "단계", string(model.FOverview): "사업개요", string(model.FProblems): "문제점",
	FieldContact: "담당자", string(model.FLead): "주관", string(model.FCities): "참여", string(model.FKind): "구분",
}

// WriteChase writes city's chase workbook for the round to path: its
// template with the items' cells marked and commented, and the list.
func WriteChase(ctx context.Context, reg *register.Register, rd register.Round, city model.City, items []ChaseItem, path string, o report.SaveOptions) error {
	t, err := report.LoadTemplate(ctx, reg, city, false, rd.AsOf)
	if err != nil {
		return err
	}
	t.Round = rd.Name
	var buf bytes.Buffer
	if err := report.WriteTemplate(&buf, t); err != nil {
		return err
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := markItems(f, city, items); err != nil {
		return err
	}
	if err := writeChaseList(f, rd, city, items); err != nil {
		return err
	}
	sheets := append([]string{SheetChase}, report.TemplateSheetNames()...)
	return report.Save(path, o, sheets, func(w io.Writer) error { return f.Write(w) })
}

// markItems fills each item's cell and comments on it.
func markItems(f *excelize.File, city model.City, items []ChaseItem) error {
	sheet := report.SheetTemplate
	rows, err := f.GetRows(sheet)
	if err != nil {
		return err
	}
	col := map[string]int{} // header → column (1-based), from the two header rows
	for _, r := range rows[2:min(4, len(rows))] {
		for i, h := range r {
			if h = strings.TrimSpace(h); h != "" && col[h] == 0 {
				col[h] = i + 1
			}
		}
	}
	row := map[string]int{} // project name → row
	for i, r := range rows {
		if c := col["사업명"]; c > 0 && c <= len(r) && i >= 4 {
			row[strings.TrimSpace(r[c-1])] = i + 1
		}
	}
	mark, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
		Border: []excelize.Border{{Type: "left", Color: "C00000", Style: 2}, {Type: "right", Color: "C00000", Style: 2},
			{Type: "top", Color: "C00000", Style: 2}, {Type: "bottom", Color: "C00000", Style: 2}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		return err
	}
	for _, it := range items {
		r, c := row[it.Name], columnOf(col, city, it.Field)
		if r == 0 || c == 0 {
			continue // listed on the 보완 요청 sheet all the same
		}
		ref, _ := excelize.CoordinatesToCellName(c, r)
		if err := f.SetCellStyle(sheet, ref, ref, mark); err != nil {
			return err
		}
		if err := f.AddComment(sheet, excelize.Comment{Cell: ref, Author: "해오름동맹 사무국",
			Paragraph: []excelize.RichTextRun{{Text: it.Why}}}); err != nil {
			return err
		}
	}
	return nil
}

// columnOf finds a field's column in the city's template: by its header,
// a funding tier by the city's own label under 사업비.
func columnOf(col map[string]int, city model.City, k string) int {
	if h, ok := templateHeads[k]; ok {
		return col[h]
	}
	if t, ok := model.TierOf(model.FieldKey(k)); ok {
		return col[model.TierLabel(city, t)]
	}
	return 0
}

// writeChaseList puts the one-page list in front, laid out and printed
// as the council's listings are.
func writeChaseList(f *excelize.File, rd register.Round, city model.City, items []ChaseItem) error {
	cols := []report.ListColumn{{Head: "코드", Width: 9}, {Head: "사업명", Width: 36, Wrap: true},
		{Head: "항목", Width: 15, Wrap: true}, {Head: "요청", Width: 60, Wrap: true}}
	rows := make([][]string, len(items))
	for i, it := range items {
		rows[i] = []string{it.Code, it.Name, chaseLabel(it.Field), it.Why}
	}
	title := fmt.Sprintf("보완 요청 — %s (%s, 기준: %s)", report.CityFullName(city), rd.Name, report.OfficialDate(rd.AsOf))
	line := "'추진현황' 시트에서 노란 칸을 고쳐 다시 보내 주세요. 칸에 달린 메모가 이유입니다."
	if err := report.AddListSheet(f, SheetChase, title, line, cols, rows, "보완할 것이 없습니다.", rd.AsOf); err != nil {
		return err
	}
	if err := f.MoveSheet(SheetChase, report.SheetTemplate); err != nil {
		return err
	}
	idx, err := f.GetSheetIndex(SheetChase) // after the move: the list opens first
	if err != nil {
		return err
	}
	f.SetActiveSheet(idx)
	return nil
}

func chaseLabel(k string) string {
	if k == FieldContact {
		return "담당자·연락처"
	}
	return field.LabelIn(msg.Korean, model.FieldKey(k))
}
