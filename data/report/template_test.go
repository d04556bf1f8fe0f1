package report

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/xuri/excelize/v2"
)

// valuesOf is each project's register values (the fields a sheet sets).
func valuesOf(t *testing.T, list []map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, p := range list {
		v := map[string]any{}
		for k, x := range p {
			switch k {
			case "aliases", "period_raw", "as_of", "contacts":
				continue
			}
			v[k] = x
		}
		out[p["code"].(string)] = v
	}
	return out
}

func TestTemplateRoundTripPerCity(t *testing.T) {
	for _, city := range model.Cities {
		t.Run(string(city), func(t *testing.T) {
			reg := fixtureRegister(t)
			before := listJSON(t, reg)
			tpl, err := LoadTemplate(bg, reg, city, false, "2026-11-30")
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), string(city)+"_template.xlsx")
			if err := ExportTemplate(path, tpl, SaveOptions{}); err != nil {
				t.Fatal(err)
			}
			checkTemplateWorkbook(t, path, city, len(tpl.Projects))
			pv := importInto(t, reg, path, city)
			if len(pv.Warnings) != 0 || len(pv.Errors) != 0 {
				t.Fatalf("warnings %q errors %q", pv.Warnings, pv.Errors)
			}
			if pv.Rows != len(tpl.Projects) || len(pv.Changed) != 0 || len(pv.Added) != 0 || len(pv.Proposed) != 0 {
				t.Fatalf("rows %d of %d, changed %v, added %v, proposed %v", pv.Rows, len(tpl.Projects), pv.Changed, pv.Added, pv.Proposed)
			}
			after := listJSON(t, reg)
			if a, b := valuesOf(t, after), valuesOf(t, before); !reflect.DeepEqual(a, b) {
				t.Fatal("the template's values differ from the register's")
			}
			// The city's own contacts come back as they were.
			for i := range before {
				bc, _ := before[i]["contacts"].(map[string]any)
				ac, _ := after[i]["contacts"].(map[string]any)
				if !reflect.DeepEqual(bc[string(city)], ac[string(city)]) {
					t.Errorf("%v contact: %v → %v", before[i]["code"], bc[string(city)], ac[string(city)])
				}
			}
		})
	}
}

func checkTemplateWorkbook(t *testing.T, path string, city model.City, projects int) {
	t.Helper()
	f := openXLSX(t, path)
	if got := f.GetSheetList(); !slices.Equal(got, TemplateSheetNames()) {
		t.Fatalf("sheets %v", got)
	}
	if i := f.GetActiveSheetIndex(); i != 0 {
		t.Errorf("active sheet %d, want %s", i, SheetTemplate)
	}
	if vis, _ := f.GetSheetVisible(SheetLists); vis {
		t.Error("the list sheet should be hidden")
	}
	rows, _ := f.GetRows(SheetTemplate)
	header := strings.Join(rows[3], " ")
	for _, tier := range model.Parts {
		if !strings.Contains(header, model.TierLabel(city, tier)) {
			t.Errorf("header %q lacks %s", header, model.TierLabel(city, tier))
		}
	}
	if !strings.Contains(strings.Join(rows[2], " "), "주관") || !strings.Contains(strings.Join(rows[2], " "), "구분") {
		t.Errorf("header %q", rows[2])
	}
	dvs, err := f.GetDataValidations(SheetTemplate)
	if err != nil || len(dvs) != 5 {
		t.Fatalf("%d validations, %v", len(dvs), err)
	}
	var lists int
	for _, dv := range dvs {
		if strings.Contains(dv.Formula1, SheetLists) {
			lists++
		}
	}
	if lists != 3 {
		t.Errorf("%d validations from the list sheet", lists)
	}
	// Data cells are unlocked, header cells locked.
	locked := func(ref string) bool {
		id, _ := f.GetCellStyle(SheetTemplate, ref)
		st, _ := f.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	if !locked("C3") || locked("C5") || locked(cell(3, 5+projects)) {
		t.Error("header should be locked and data rows unlocked")
	}
}

func TestBlankTemplate(t *testing.T) {
	reg := fixtureRegister(t)
	tpl, err := LoadTemplate(bg, reg, model.Ulsan, true, "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "blank.xlsx")
	if err := ExportTemplate(path, tpl, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	checkTemplateWorkbook(t, path, model.Ulsan, 0)
	// Filled in by the city: a date and one project row.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	before := listJSON(t, reg)
	p := before[0]
	set := map[string]any{"A2": "(기준: 2026. 11. 30.)", "B5": p["field"], "C5": p["name"], "D5": "계속", "E5": model.City(p["lead_city"].(string)).Korean(),
		"F5": "포항, 경주", "G5": "2023. 1. ~ 2028. 12."}
	for ref, v := range set {
		f.SetCellValue(SheetTemplate, ref, v)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	pv := importInto(t, reg, path, model.Ulsan)
	if pv.Rows != 1 || len(pv.Errors) != 0 {
		t.Fatalf("rows %d, errors %v, warnings %v", pv.Rows, pv.Errors, pv.Warnings)
	}
	if pv.AsOf != "2026-11-30" {
		t.Fatalf("as of %q", pv.AsOf)
	}
}
