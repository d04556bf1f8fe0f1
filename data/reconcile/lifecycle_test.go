package reconcile

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
)

// A conflict follows the cities' current disagreement: a newer sheet that
// makes the two agree closes it as superseded; one that still differs keeps
// it open with the newer value; a decided conflict is not reopened for the
// same values.
func TestConflictsFollowTheCurrentDisagreement(t *testing.T) {
	k := loadKey(t)
	r := newRegister(t)
	importAll(t, r, k)
	conflict := func() *register.Conflict {
		cs, _ := r.Conflicts(ctx, true)
		var last *register.Conflict
		for _, c := range cs {
			if c.Code == "HA-C01" && c.Field == model.FEnd {
				last = c
			}
		}
		if last == nil {
			t.Fatal("no HA-C01 end conflict")
		}
		return last
	}
	c := conflict()
	var ulsanCell string
	for _, v := range c.Values {
		if v.City == model.Ulsan {
			ulsanCell = v.Cell
		}
	}
	// Ulsan's newer sheet (as of 2026-11-30) with the given 완료.
	newer := func(end string) string {
		f, err := excelize.OpenFile(filepath.Join(fixtures(t), "ulsan_2026-10.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sheetName := f.GetSheetName(0)
		for _, cell := range []string{"A3", "B3", "C3"} {
			if v, _ := f.GetCellValue(sheetName, cell); strings.Contains(v, "기준일") {
				f.SetCellValue(sheetName, cell, strings.Replace(v, "2026-10-31", "2026-11-30", 1))
			}
		}
		f.SetCellValue(sheetName, ulsanCell, end)
		path := filepath.Join(t.TempDir(), "status.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	if _, err := ImportFile(ctx, r, newer("2029-06"), FileOptions{City: model.Ulsan}); err != nil {
		t.Fatal(err)
	}
	if c := conflict(); c.Status != register.ConflictOpen || !hasValue(c, model.Ulsan, "2029-06") {
		t.Fatalf("still differing: %s %+v", c.Status, c.Values)
	}
	if _, err := ImportFile(ctx, r, newer("2028-12"), FileOptions{City: model.Ulsan}); err != nil {
		t.Fatal(err)
	}
	if c := conflict(); c.Status != register.ConflictSuperseded {
		t.Fatalf("the cities agree now, but the conflict is %s", c.Status)
	}
}

func hasValue(c *register.Conflict, city model.City, v string) bool {
	for _, x := range c.Values {
		if x.City == city && x.Value == v {
			return true
		}
	}
	return false
}

// An older sheet of the same city changes nothing and says so with the
// field's label and both dates the right way round.
func TestAnOlderSheetSaysWhichValueIsNewer(t *testing.T) {
	msg.SetLanguage(msg.Korean)
	r := newRegister(t)
	dir := fixtures(t)
	for _, f := range []string{"master_2026.xlsx", "pohang_2026-10.xlsx"} {
		if _, err := ImportFile(ctx, r, filepath.Join(dir, f), FileOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	pv, err := ImportFile(ctx, r, filepath.Join(dir, "pohang_2026-10.xlsx"), FileOptions{AsOf: "2026-06-30"})
	if err != nil {
		t.Fatal(err)
	}
	var found string
	for _, w := range pv.Warnings {
		if strings.Contains(w, "새로운 값") {
			found = w
			break
		}
	}
	if !strings.Contains(found, "이 자료(기준 2026-06-30)보다 새로운 값(기준 2026-10-31)") || strings.Contains(found, "budget_won") || strings.Contains(found, "progress_pct") {
		t.Errorf("the older-sheet warning: %q", found)
	}
	if len(pv.Changed) != 0 {
		t.Errorf("an older sheet changes nothing: %+v", pv.Changed)
	}
}
