package report

import "github.com/xuri/excelize/v2"

// recorder keeps every row a report writes, so that a benchmark can write
// the very same cells with a bare StreamWriter and compare.
type recorder struct {
	sheets map[string]*recordedSheet
	order  []string
}

type recordedSheet struct {
	rows   []recordedRow
	merges [][2]string
}

type recordedRow struct {
	row    int
	values []any
	height float64
}

func (r *recorder) sheet(name string) *recordedSheet {
	if r.sheets == nil {
		r.sheets = map[string]*recordedSheet{}
	}
	s := r.sheets[name]
	if s == nil {
		s = &recordedSheet{}
		r.sheets[name] = s
		r.order = append(r.order, name)
	}
	return s
}

func (r *recorder) row(name string, row int, values []any, height float64) {
	s := r.sheet(name)
	copied := make([]any, len(values))
	for i, v := range values {
		if c, ok := v.(*excelize.Cell); ok { // rows reuse their cells: keep a copy
			v = *c
		}
		copied[i] = v
	}
	s.rows = append(s.rows, recordedRow{row: row, values: copied, height: height})
}

func (r *recorder) merge(name, from, to string) {
	s := r.sheet(name)
	s.merges = append(s.merges, [2]string{from, to})
}
