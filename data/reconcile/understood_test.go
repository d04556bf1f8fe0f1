package reconcile

import (
	"testing"

	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
)

// Every meaning the window offers for a column is one the importer reads
// as that meaning: the choice a person makes is the column's role.
func TestEveryColumnMeaningOfferedIsUnderstood(t *testing.T) {
	path := cityRows(t, [][]any{
		{"사업명", "총사업비(백만원)", "추진율(%)", "무엇"},
		{"가 사업", 100, 10, "x"},
	})
	for _, m := range ColumnMeanings() {
		if m.Means == string(model.FName) || m.Label == "" {
			continue // the name column is taken; every label is non-empty
		}
		tb, _, err := ReadFile(path, FileOptions{City: model.Pohang, Columns: []layout.ColumnChoice{{Col: 4, Means: m.Means}}})
		if err != nil {
			t.Fatalf("%s: %v", m.Means, err)
		}
		for _, e := range tb.Errors {
			if e.Where.Cell == "D" {
				t.Errorf("%s (%s): refused as a meaning: %v", m.Means, m.Label, e)
			}
		}
		if c := tb.Columns[3]; !c.Decided || c.Role == layout.RoleUnknown {
			t.Errorf("%s: column D is %+v", m.Means, c)
		}
	}
}
