package report

import (
	"github.com/haeoreum/register/data/msg"
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

func newListSheet(f *excelize.File, st *styles, name, title, line string, heads []string, widths []float64, wrap []bool, tap rowTap) (*listSheet, error) {
	s, err := newSheetOut(f, name, tap)
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

// subject is the project a listing's row is about, for messages.
type subject struct{ code, name string }

// add writes one row of texts; an error names the row's project.
func (l *listSheet) add(about subject, values ...string) error {
	lines := 1
	for i, v := range values {
		if err := checkCellText(v, l.s.name, cell(i+1, l.s.row+1), about.name, about.code, l.heads[i]); err != nil {
			return err
		}
		style := l.st.center
		if l.wrap[i] {
			style = l.st.wrap
			lines = max(lines, lineCount(v, l.widths[i]))
		}
		l.rowBuf[i] = excelize.Cell{StyleID: style, Value: nilIfEmpty(v)}
	}
	if err := l.s.put(l.rowBuf, rowHeight(lines)); err != nil {
		return msg.Wrap(err, msg.Where{Sheet: l.s.name, Cell: itoa(l.s.row) + "행"}, msgProjectRow, about.name, about.code, err)
	}
	return nil
}

func (l *listSheet) finish(f *excelize.File, asOf string) error {
	last := l.s.row
	if last > 3 {
		if err := f.AutoFilter(l.s.name, "A3:"+cell(len(l.heads), last), nil); err != nil {
			return err
		}
	} else {
		if err := l.add(subject{}, append([]string{"없음"}, make([]string, len(l.heads)-1)...)...); err != nil {
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
func writeConflicts(f *excelize.File, st *styles, d Data, tap rowTap) error {
	heads := []string{"연번", "코드", "사업명", "항목", "주관", "도시", "값", "파일", "시트", "셀", "자료 기준일"}
	widths := []float64{4.5, 7, 18, 10, 4.5, 9, 17, 20, 9, 5, 10}
	wrap := []bool{false, false, true, false, false, false, true, true, false, false, false}
	l, err := newListSheet(f, st, SheetConflicts, "미해결 충돌 (도시 간 값이 다른 항목)",
		"(기준: "+officialDate(d.AsOf)+")  주관도시 값이 등록부에 반영되어 있으며, 담당자가 확인 후 결정합니다.", heads, widths, wrap, tap)
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
			if err := l.add(subject{c.Code, c.Name}, itoa(i+1), c.Code, c.Name, fieldLabel(c.Field), c.LeadCity.Korean(), city,
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
