package register

import (
	"testing"

	"github.com/haeoreum/register/data/model"
)

// The lead city's side of a conflict is credited to the lead city's own
// sheet when it reported the register's value, not to the secretariat's
// sheet the value first came from; a lead side the city did not report as
// such keeps its source.
func TestConflictSidesCreditTheLeadCitysSheet(t *testing.T) {
	r := openTemp(t)
	insert(t, r, sample("HA-E01"), sample("HA-E02"))
	total := model.BudgetKey(model.Total)
	_, err := r.Write(ctx, Batch{Kind: KindImport, File: "ulsan_2026-10.xlsx", City: model.Ulsan}, func(tx *Tx) error {
		ps, err := tx.Projects()
		if err != nil {
			return err
		}
		for id, p := range ps {
			reported := "100000000" // the register's value: it stays from the master
			if p.Code == "HA-E02" {
				reported = "100000001" // not the register's value
			}
			if err := tx.PutObservation(Observation{ProjectID: id, City: model.Ulsan, Field: total, Value: reported,
				Raw: "1,000", File: "ulsan_2026-10.xlsx", Sheet: "해오름동맹", Cell: "F5", AsOf: "2026-10-31"}); err != nil {
				return err
			}
			if err := tx.PutConflict(&Conflict{ProjectID: id, Field: total, LeadCity: model.Ulsan, Values: []ConflictValue{
				{City: model.Ulsan, Value: "100000000", File: "master_2026.xlsx", Sheet: "사업목록", Cell: "I2", Lead: true},
				{City: model.Pohang, Value: "75000000", File: "pohang_2026-10.xlsx", Cell: "E5", AsOf: "2026-10-31"},
			}}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := r.Conflicts(ctx, false)
	if err != nil || len(cs) != 2 {
		t.Fatalf("%d conflicts, %v", len(cs), err)
	}
	for _, c := range cs {
		sides, err := r.ConflictSides(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		lead, other := sides[0], sides[1]
		if !lead.Lead || lead.City != model.Ulsan || lead.Value != "100000000" {
			t.Fatalf("%s: lead side %+v", c.Code, lead)
		}
		if other != c.Values[1] {
			t.Errorf("%s: the other city's side changed: %+v", c.Code, other)
		}
		switch c.Code {
		case "HA-E01":
			if lead.File != "ulsan_2026-10.xlsx" || lead.Cell != "F5" || lead.AsOf != "2026-10-31" || lead.Raw != "1,000" {
				t.Errorf("the lead side is not credited to Ulsan's sheet: %+v", lead)
			}
		case "HA-E02":
			if lead.File != "master_2026.xlsx" || lead.AsOf != "" {
				t.Errorf("a value Ulsan did not report is credited to Ulsan's sheet: %+v", lead)
			}
		}
	}
}
