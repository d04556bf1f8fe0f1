package reconcile

// Shapes of the mutation suite beyond reshaping one sheet: a project over
// two rows, annual amount and unknown columns, a table over two sheets.

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/sheet"
)

// continuedMark marks the name cell of a row that goes on from the project
// above; writeBook merges it with the cell above. It survives reordering
// of columns and rows because it travels with the cell.
const continuedMark byte = 'c'

var narrativeRoles = map[layout.Role]bool{layout.RoleOverview: true, layout.RoleActivities: true,
	layout.RoleProblems: true, layout.RoleNextSteps: true, layout.RoleNotes: true}

// twoRows puts each project over two rows: every narrative cell's lines
// after the first go on the row below (which a register must join back).
func (g grid) twoRows(tb *layout.Table, last int) grid {
	name := -1
	var texts []int
	for _, c := range tb.Columns {
		switch {
		case c.Role == layout.RoleName && c.Used:
			name = c.Col - 1
		case narrativeRoles[c.Role] && c.Used:
			texts = append(texts, c.Col-1)
		}
	}
	out := append(grid{}, g[:last+1]...)
	for _, row := range g[last+1:] {
		out = append(out, row)
		v := strings.TrimSpace(g.cellOf(row, name).Value)
		if v == "" || strings.Contains(v, "계") && len([]rune(v)) <= 4 {
			continue // blank, 소계, 합계
		}
		below := make([]sheet.Cell, len(row))
		below[name] = sheet.Cell{Type: continuedMark}
		for _, c := range texts {
			if c >= len(row) {
				continue
			}
			if first, rest, ok := strings.Cut(row[c].Value, "\n"); ok {
				row[c].Value = first
				below[c] = sheet.Cell{Value: rest, Type: sheet.TypeString}
			}
		}
		out = append(out, below)
	}
	return out
}

func (grid) cellOf(row []sheet.Cell, c int) sheet.Cell {
	if c >= 0 && c < len(row) {
		return row[c]
	}
	return sheet.Cell{}
}

// addColumn adds columns after the last, headed in the first header row,
// with a value in every project row (an annual amount, an officer's note).
func (g grid) addColumn(head, last int, headers ...string) {
	w := g.width()
	for r := range g {
		for len(g[r]) < w+len(headers) {
			g[r] = append(g[r], sheet.Cell{})
		}
	}
	for i, h := range headers {
		g[head][w+i] = sheet.Cell{Value: h, Type: sheet.TypeString}
		for r := last + 1; r < len(g); r++ {
			if g.rowHasName(r) {
				g[r][w+i] = sheet.Cell{Value: strconv.Itoa(10 * (i + 1)), Type: sheet.TypeNumber}
				if !strings.HasPrefix(h, "'") && !strings.Contains(h, "년") {
					g[r][w+i] = sheet.Cell{Value: "김철수", Type: sheet.TypeString}
				}
			}
		}
	}
}

// rowHasName reports a row with text: a project or a subtotal (after its
// row number, if the sheet numbers them), not a spacer nor a ※ footnote.
func (g grid) rowHasName(r int) bool {
	for _, c := range g[r] {
		v := strings.TrimSpace(c.Value)
		switch {
		case strings.HasPrefix(v, "※"):
			return false
		case v != "" && c.Type == sheet.TypeString:
			return true
		}
	}
	return false
}

// split cuts g under its header (rows headFrom..headTo) into two tables
// with the same header: the rows above and the first half, then the header
// again and the rest. A project over two rows stays on one sheet.
func (g grid) split(headFrom, headTo int) (grid, grid) {
	mid := headTo + 1 + (len(g)-headTo-1)/2
	for mid < len(g) && hasMark(g[mid]) {
		mid++
	}
	second := append(grid{}, g[headFrom:headTo+1]...)
	return g[:mid], append(second, g[mid:]...)
}

func hasMark(row []sheet.Cell) bool {
	for _, c := range row {
		if c.Type == continuedMark {
			return true
		}
	}
	return false
}

// mergeContinued merges each marked name cell with the cell above it.
func (g grid) mergeContinued(t *testing.T, f *excelize.File, sheetName string) {
	t.Helper()
	for r, row := range g {
		for c, cell := range row {
			if cell.Type != continuedMark || r == 0 {
				continue
			}
			top, _ := excelize.CoordinatesToCellName(c+1, r)
			bottom, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.MergeCell(sheetName, top, bottom); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// writeSheet writes g on a new sheet of f.
func (g grid) writeSheet(t *testing.T, f *excelize.File, name string) {
	t.Helper()
	if _, err := f.NewSheet(name); err != nil {
		t.Fatal(err)
	}
	g.fill(f, name)
	g.mergeContinued(t, f, name)
}
