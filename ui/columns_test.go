package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/haeoreum/register/data/query"
)

// At 1024×700 every default column fits beside the project form, code and
// name stay frozen, and a person chooses other columns (remembered).
func TestColumnsFitAndCanBeChosen(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, v := e.u, e.u.table
	u.win.Resize(fyne.NewSize(1024, 700))
	u.Wait()
	var sum float32
	for _, w := range v.colWidths {
		sum += w
	}
	if avail := v.table.Size().Width - theme.ScrollBarSize(); sum > avail {
		t.Fatalf("the default columns need %.0f px (%v), the table has %.0f at 1024×700", sum, v.colWidths, avail)
	}
	if v.table.StickyColumnCount != 2 || v.cols[0] != query.ByCode || v.cols[1] != query.ByName {
		t.Fatal("code and name are not the frozen first columns")
	}
	v.chooseColumns()
	u.table.lastColumnChoice.SetSelected(append(u.table.lastColumnChoice.Selected, columnTitle(query.ByPeriod)))
	u.lastConfirm.Confirm()
	if !slices.Contains(v.cols, query.ByPeriod) {
		t.Fatal("the chosen column is not shown")
	}
	if u2 := e.build(Options{}); !slices.Contains(u2.table.cols, query.ByPeriod) {
		t.Fatal("the choice is not remembered")
	}
}
