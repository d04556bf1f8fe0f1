package layout

import (
	"strings"

	"github.com/haeoreum/register/data/value"
)

// Samples are the first n values under the header in column col, as
// written (one line, at most 40 characters each), so that a person
// deciding what a column means can see what it holds.
func (t *Table) Samples(col, n int) []string {
	var out []string
	for _, p := range t.parts {
		below := max(p.h.upper, p.h.lower)
		for _, row := range p.s.Rows {
			if len(out) == n {
				return out
			}
			if row.Num <= below || col > len(row.Cells) {
				continue
			}
			v := strings.Join(strings.Fields(value.Visible(row.Cells[col-1].Value)), " ")
			if v == "" {
				continue
			}
			if r := []rune(v); len(r) > 40 {
				v = string(r[:39]) + "…"
			}
			out = append(out, v)
		}
	}
	return out
}
