package layout_test

import (
	"path/filepath"
	"testing"

	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/report"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/sheet/sheettest"
)

// A template issued for a round says which city, round and as-of date it
// answers, from its hidden 서식정보 sheet, even renamed to a name that
// names another city and re-saved by LibreOffice.
func TestTemplateInfoSurvivesRenameAndLibreOffice(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "울산_회신.xlsx") // the name says Ulsan; the template is Gyeongju's
	tpl := report.Template{City: model.Gyeongju, Blank: true, AsOf: "2026-10-31", Round: "2026 하반기 실무협의회"}
	if err := report.ExportTemplate(path, tpl, report.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, sheettest.Resave(t, path)} {
		wb, err := sheet.Open(p, sheet.Options{})
		if err != nil {
			t.Fatal(err)
		}
		info, ok := layout.ReadTemplateInfo(wb)
		if !ok || info != (layout.TemplateInfo{City: model.Gyeongju, Round: "2026 하반기 실무협의회", AsOf: "2026-10-31"}) {
			t.Errorf("%s: %+v %v", filepath.Base(filepath.Dir(p)), info, ok)
		}
		city, why, ok := layout.TemplateCity(wb)
		if !ok || city != model.Gyeongju || why == "" {
			t.Errorf("%s: city %q (%q) %v", p, city, why, ok)
		}
	}
}

// A workbook that is not ours has no template info.
func TestNoTemplateInfo(t *testing.T) {
	wb, err := sheet.Open(filepath.Join("..", "..", "..", "shared", "fixtures", "ulsan_2026-10.xlsx"), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if info, ok := layout.ReadTemplateInfo(wb); ok {
		t.Errorf("the Ulsan fixture reads as our template: %+v", info)
	}
	if _, _, ok := layout.TemplateCity(wb); ok {
		t.Error("the Ulsan fixture has a template city")
	}
}
