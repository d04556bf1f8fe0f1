package report

import (
	"math"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/sheet/sheettest"
	"github.com/xuri/excelize/v2"
)

// TestLibreOfficeOpensEveryWorkbook opens the report and the city
// templates in LibreOffice, which recalculates every formula, and checks
// that what it saves holds the register's values.
func TestLibreOfficeOpensEveryWorkbook(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	dir, out := t.TempDir(), t.TempDir()
	reportPath, d := exportFixtures(t, dir)
	files := []string{reportPath}
	reg := fixtureRegister(t)
	for _, c := range model.Cities {
		tpl, err := LoadTemplate(bg, reg, c, false, "2026-11-30")
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "template_"+string(c)+".xlsx")
		if err := ExportTemplate(p, tpl, SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	blank, _ := LoadTemplate(bg, reg, model.Pohang, true, "")
	blankPath := filepath.Join(dir, "template_blank.xlsx")
	if err := ExportTemplate(blankPath, blank, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	files = append(files, blankPath)
	conv := sheettest.Convert(t, out, sheettest.XLSX, ".xlsx", true, files...)

	// The report: same sheets; LibreOffice's recalculated totals are ours.
	f := openXLSX(t, conv[0])
	if got := f.GetSheetList(); !slices.Equal(got, SheetNames()) {
		t.Fatalf("LibreOffice sheets %v", got)
	}
	var grand model.Budget
	for _, p := range d.Projects {
		grand.Add(p.Budget)
	}
	rows, _ := f.GetRows(SheetRegister, excelize.Options{RawCellValue: true})
	found := false
	for i, r := range rows {
		if len(r) > 0 && r[0] == "합계" {
			found = true
			for j, tier := range model.AllTiers {
				v, err := strconv.ParseFloat(r[8+j], 64)
				if err != nil || int64(math.Round(v*1e6)) != grand.Get(tier) {
					t.Errorf("LibreOffice 합계 row %d %s: %q, want %d won", i+1, tier, r[8+j], grand.Get(tier))
				}
			}
		}
	}
	if !found {
		t.Fatal("no 합계 row after LibreOffice")
	}
	// Its 사업목록 imports to exactly what ours does.
	ours, theirs := openRegister(t), openRegister(t)
	importInto(t, ours, reportPath, "")
	importInto(t, theirs, conv[0], "")
	if a, b := listJSON(t, theirs), listJSON(t, ours); !reflect.DeepEqual(a, b) {
		t.Fatal("the report saved by LibreOffice imports differently")
	}
	// The templates still import without a warning and change nothing.
	for i, c := range model.Cities {
		r := fixtureRegister(t)
		before := valuesOf(t, listJSON(t, r))
		pv := importInto(t, r, conv[1+i], c)
		if len(pv.Warnings) != 0 || len(pv.Changed) != 0 || pv.Rows == 0 {
			t.Errorf("%s template after LibreOffice: rows %d, warnings %q, changed %v", c, pv.Rows, pv.Warnings, pv.Changed)
		}
		if !reflect.DeepEqual(valuesOf(t, listJSON(t, r)), before) {
			t.Errorf("%s template after LibreOffice changed values", c)
		}
		tf := openXLSX(t, conv[1+i])
		if dvs, _ := tf.GetDataValidations(SheetTemplate); len(dvs) != 5 {
			t.Errorf("%s template: %d validations after LibreOffice", c, len(dvs))
		}
	}
	bf := openXLSX(t, conv[len(conv)-1])
	if got := bf.GetSheetList(); !slices.Equal(got, TemplateSheetNames()) {
		t.Fatalf("blank template sheets %v", got)
	}
}
