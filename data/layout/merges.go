package layout

import (
	"sort"

	"github.com/haeoreum/register/data/sheet"
)

// spans are the merges crossing one row (or one column), for finding the
// merge that covers a cell on that line in O(log n). Asking every merge for
// every row made a sheet of a million one-row merges take minutes.
type spans struct {
	s     *sheet.Sheet
	from  []int // where each merge starts along the line, ascending
	reach []int // the farthest end among merges[0..i]
	owner []int // index into s.Merges of the merge with that reach
}

// rowSpans indexes the merges crossing row.
func rowSpans(s *sheet.Sheet, row int) *spans {
	return newSpans(s, func(m sheet.Range) (int, int, bool) {
		return m.FromCol, m.ToCol, m.FromRow <= row && row <= m.ToRow
	})
}

// colSpans indexes the merges crossing column col.
func colSpans(s *sheet.Sheet, col int) *spans {
	return newSpans(s, func(m sheet.Range) (int, int, bool) {
		return m.FromRow, m.ToRow, m.FromCol <= col && col <= m.ToCol
	})
}

func newSpans(s *sheet.Sheet, along func(sheet.Range) (from, to int, on bool)) *spans {
	sp := &spans{s: s}
	var idx []int
	for i, m := range s.Merges {
		if _, _, on := along(m); on {
			idx = append(idx, i)
		}
	}
	// Stable: of merges starting at the same place, the file's first wins.
	sort.SliceStable(idx, func(a, b int) bool {
		fa, _, _ := along(s.Merges[idx[a]])
		fb, _, _ := along(s.Merges[idx[b]])
		return fa < fb
	})
	for _, i := range idx {
		from, to, _ := along(s.Merges[i])
		sp.from = append(sp.from, from)
		if n := len(sp.reach); n > 0 && sp.reach[n-1] >= to {
			sp.reach, sp.owner = append(sp.reach, sp.reach[n-1]), append(sp.owner, sp.owner[n-1])
		} else {
			sp.reach, sp.owner = append(sp.reach, to), append(sp.owner, i)
		}
	}
	return sp
}

// at returns the merge covering position p of the line. Of merges starting
// at or before p, the one reaching farthest covers p if any does (real
// files never overlap merges, so there it is the only one).
func (sp *spans) at(p int) (sheet.Range, bool) {
	i := sort.SearchInts(sp.from, p+1) - 1
	if i < 0 || sp.reach[i] < p {
		return sheet.Range{}, false
	}
	return sp.s.Merges[sp.owner[i]], true
}

// topLeft is the value shown at position p of the line when its own cell
// is empty: the top-left value of the merge covering it, or "".
func (sp *spans) topLeft(p int) string {
	if m, ok := sp.at(p); ok {
		return sp.s.Cell(m.FromCol, m.FromRow).Value
	}
	return ""
}
