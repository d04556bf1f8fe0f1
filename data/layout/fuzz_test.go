package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/sheet"
)

// FuzzHeader feeds header texts (one or two rows) to the column classifier.
// Any text must map to a role without panicking, and a 시비 column must
// never get a tier without a known city.
func FuzzHeader(f *testing.F) {
	for _, s := range []string{"사업명", "총사업비(백만원)", "사업비(백만원)\t계", "시비", "구·군비", "도비(억원)",
		"추진율(%)", "진척도", "담당(포항)", "기준일", "(단위: 천원)", "사업비\t시비", "", "((", "계\t(", "담당"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		upper, lower, _ := strings.Cut(s, "\t")
		role, tier, amb := classify(upper, lower, false, false)
		if amb && (role != RoleAmount || tier != "") {
			t.Fatalf("ambiguous %q gave %v %v", s, role, tier)
		}
		r2, t2, amb2 := classify(upper, lower, true, true)
		if amb2 {
			t.Fatalf("%q ambiguous with a known city", s)
		}
		if role != RoleAmount && (r2 != role || t2 != tier) {
			t.Fatalf("%q: the city changed a non-amount role", s)
		}
		_ = headerKey(s)
	})
}

// FuzzLocate feeds whole files through the reader and the table finder,
// reading every record: a hostile or broken file must give an error or a
// table, never a panic or a hang. Seeded with every fixture.
func FuzzLocate(f *testing.F) {
	for _, dir := range []string{"", "bad"} {
		paths, _ := filepath.Glob(filepath.Join(fixture(f, ""), dir, "*.xlsx"))
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil && len(b) < 200_000 {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("분야,사업명,총사업비(백만원),국비,도비,시비,추진율\n경제,가 사업,100,50,30,20,45%\n,나 사업,△10,-,10,,0.5\n"))
	f.Add([]byte("사업명;기간;사업비(억원)\n가;'24~'28;1조 3,000억\n"))
	lim := sheet.Limits{MaxFileBytes: 1 << 20, MaxUnzipBytes: 8 << 20, MaxPartBytes: 4 << 20, MaxRows: 2000, MaxCols: 64, MaxCells: 50_000}
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, err := sheet.OpenBytes("fuzz.xlsx", data, sheet.Options{Limits: lim})
		if err != nil {
			return
		}
		for _, city := range []model.City{"", model.Ulsan} {
			tb, err := Locate(wb, Options{City: city})
			if err != nil {
				continue
			}
			for r := range tb.Rows().All() {
				if r.Name.Text == "" {
					t.Fatalf("a record without a name at row %d", r.Row)
				}
				for k, v := range r.Values {
					if v.Cell == "" {
						t.Fatalf("%s at row %d has no cell", k, r.Row)
					}
				}
			}
		}
	})
}
