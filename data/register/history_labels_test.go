package register

import (
	"testing"

	"github.com/haeoreum/register/data/field"
)

// Every field a history row can name has a label for people, so the window's
// history and the report's change list never show an internal name such as
// as_of, period_raw or created.
func TestEveryHistoryFieldHasALabel(t *testing.T) {
	for _, col := range append([]string{"created"}, projectColumns...) {
		if k := fieldOfColumn(col); !field.Known(k) {
			t.Errorf("history field %q (column %s) has no label", k, col)
		}
	}
}
