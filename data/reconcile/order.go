package reconcile

import (
	"slices"

	"github.com/haeoreum/register/data/layout"
)

// SortForImport puts several files in the order they are imported: the
// secretariat's register first (it creates the projects that city sheets
// update), the others as given. table gives an item's located table (nil
// when it could not be read: such items keep their place among the others).
func SortForImport[T any](items []T, table func(T) *layout.Table) {
	slices.SortStableFunc(items, func(a, b T) int { return importRank(table(a)) - importRank(table(b)) })
}

func importRank(t *layout.Table) int {
	if t != nil && t.Master {
		return 0
	}
	return 1
}
