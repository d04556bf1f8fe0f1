package report

import (
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/xuri/excelize/v2"
)

// listSheet writes a one-row-header listing: title, a line under it, the
// header on row 3, then rows; frozen header, autofilter, print setup.
type listSheet struct {
	s      *sheetOut
	st     *styles
	heads  []string
	widths []float64
	wrap   []bool
	rowBuf []any
}

func newListSheet(f *excelize.File, st *styles, name, title, line string, heads []string, widths []float64, wrap []bool, rec *recorder) (*listSheet, error) {
	s, err := newSheetOut(f, name, rec)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := s.sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A4", ActiveCell: "A4", Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	l := &listSheet{s: s, st: st, heads: heads, widths: widths, wrap: wrap, rowBuf: make([]any, len(heads))}
	if err := s.put([]any{excelize.Cell{StyleID: st.title, Value: title}}, 32); err != nil {
		return nil, err
	}
	if err := s.merge(1, 1, len(heads), 1); err != nil {
		return nil, err
	}
	if err := s.put([]any{excelize.Cell{StyleID: st.note, Value: line}}, 20); err != nil {
		return nil, err
	}
	hdr := make([]any, len(heads))
	for i, h := range heads {
		hdr[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	return l, s.put(hdr, 24)
}

// add writes one row of texts.
func (l *listSheet) add(values ...string) error {
	lines := 1
	for i, v := range values {
		style := l.st.center
		if l.wrap[i] {
			style = l.st.wrap
			lines = max(lines, lineCount(v, l.widths[i]))
		}
		l.rowBuf[i] = excelize.Cell{StyleID: style, Value: nilIfEmpty(v)}
	}
	return l.s.put(l.rowBuf, rowHeight(lines))
}

func (l *listSheet) finish(f *excelize.File, asOf string) error {
	last := l.s.row
	if last > 3 {
		if err := f.AutoFilter(l.s.name, "A3:"+cell(len(l.heads), last), nil); err != nil {
			return err
		}
	} else {
		if err := l.add(append([]string{"없음"}, make([]string, len(l.heads)-1)...)...); err != nil {
			return err
		}
	}
	if err := pageSetup(f, l.s.name, [2]int{3, 3}, asOf); err != nil {
		return err
	}
	return l.s.sw.Flush()
}

// writeConflicts writes 미해결: each open conflict with every city's value,
// the file and the cell it came from. A conflict's rows share merged
// 연번, 코드, 사업명 and 항목 cells.
func writeConflicts(f *excelize.File, st *styles, d Data, rec *recorder) error {
	heads := []string{"연번", "코드", "사업명", "항목", "주관", "도시", "값", "파일", "시트", "셀", "자료 기준일"}
	widths := []float64{6, 9, 30, 12, 6, 12, 20, 24, 12, 7, 12}
	wrap := []bool{false, false, true, false, false, false, true, true, false, false, false}
	l, err := newListSheet(f, st, SheetConflicts, "미해결 충돌 (도시 간 값이 다른 항목)",
		"(기준: "+officialDate(d.AsOf)+")  주관도시 값이 등록부에 반영되어 있으며, 담당자가 확인 후 결정합니다.", heads, widths, wrap, rec)
	if err != nil {
		return err
	}
	for i, c := range d.Conflicts {
		first := l.s.row + 1
		values := c.Values
		if len(values) == 0 {
			values = []register.ConflictValue{{}}
		}
		for _, v := range values {
			city := v.City.Korean()
			if v.Lead || (v.City != "" && v.City == c.LeadCity) {
				city += " (주관)"
			}
			asOf := ""
			if v.AsOf != "" {
				asOf = officialDate(v.AsOf)
			}
			if err := l.add(itoa(i+1), c.Code, c.Name, fieldLabel(c.Field), c.LeadCity.Korean(), city,
				fieldValueText(c.Field, v.Value), v.File, v.Sheet, v.Cell, asOf); err != nil {
				return err
			}
		}
		if last := l.s.row; last > first {
			for col := 1; col <= 5; col++ {
				if err := l.s.merge(col, first, col, last); err != nil {
					return err
				}
			}
		}
	}
	return l.finish(f, d.AsOf)
}

var batchKinds = map[string]string{
	register.KindImport: "가져오기", register.KindEdit: "수정", register.KindResolve: "충돌 결정",
	register.KindCreate: "추가", register.KindDelete: "삭제", register.KindUndo: "되돌리기", "restore": "복원",
}

// writeChanges writes 변경사항: every field changed since d.Since.
func writeChanges(f *excelize.File, st *styles, d Data, rec *recorder) error {
	heads := []string{"일시", "작업", "코드", "사업명", "항목", "이전 값", "새 값", "도시", "파일", "작업자", "비고"}
	widths := []float64{17, 9, 9, 28, 13, 26, 26, 7, 22, 10, 9}
	wrap := []bool{false, false, false, true, false, true, true, false, true, false, false}
	l, err := newListSheet(f, st, SheetChanges, "변경사항",
		"(기간: "+officialDate(d.Since)+" ~ "+officialDate(d.AsOf)+" 이후 포함, 최근 변경이 위)", heads, widths, wrap, rec)
	if err != nil {
		return err
	}
	for _, c := range d.Changes {
		kind := batchKinds[c.Kind]
		if kind == "" {
			kind = c.Kind
		}
		note := ""
		if c.Undone {
			note = "되돌림"
		}
		if err := l.add(officialTime(c.At), kind, c.Code, c.Name, fieldLabel(c.Field),
			fieldValueText(c.Field, c.Old), fieldValueText(c.Field, c.New), model.City(c.City).Korean(), c.File, c.User, note); err != nil {
			return err
		}
	}
	return l.finish(f, d.AsOf)
}
