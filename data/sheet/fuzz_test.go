package sheet

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/msg"
	"golang.org/x/text/encoding/korean"
)

// FuzzOpenBytes: whatever the bytes, OpenBytes returns either a well-formed
// workbook or a *msg.Error naming the file, never panics and never hangs.
// Seeds: every fixture (good and bad), small CSVs and hand-built sheets.
// Crashers found so far are kept under testdata/fuzz as regressions.
func FuzzOpenBytes(f *testing.F) {
	if dir := fixturesSeedDir(); dir != "" {
		for _, pattern := range []string{"*.xlsx", "bad/*"} {
			paths, _ := filepath.Glob(filepath.Join(dir, pattern))
			for _, p := range paths {
				data, err := os.ReadFile(p)
				if err != nil || len(data) > 1<<20 {
					// Go's fuzzer stalls on a megabyte seed (the 1.8 MB
					// bomb gave 28 runs in 3 minutes, all spent minimising).
					// The bomb stands in below; TestBadInputs reads the file.
					continue
				}
				f.Add(data)
			}
		}
	}
	if dir := corpusDir(); dir != "" {
		// The corpus files that once were misread or misnamed.
		for _, rel := range []string{
			"synthetic/tr_first.xls", "synthetic/style_first_cp949.xls", "synthetic/pohang_pct_dxf.xlsx",
			"problems/apache+poi/test-data/spreadsheet/duplicate-filename.xlsx",
			"problems/ClosedXML+ClosedXML/ClosedXML.Tests/Resource/TryToLoad/SheetsWithoutRelId.xlsx",
			"problems/apache+poi/test-data/spreadsheet/64420.xlsm",
			"problems/apache+poi/test-data/spreadsheet/testEXCEL_4.xls",
		} {
			if data, err := os.ReadFile(filepath.Join(dir, rel)); err == nil && len(data) <= 1<<20 {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("<tr><td rowspan=3 colspan=2>a<td>b<tr><td>c</table><div>d"))
	f.Add([]byte("사업명,국비\n수소,\x00\n동해\xff선,3\n"))
	f.Add([]byte{0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x0a, 0x00, 0x00, 0x00})
	small := miniXLSX(f, "", "", "")
	f.Add(bombZip(f, small, "xl/worksheets/sheet1.xml", "<worksheet><sheetData>"+strings.Repeat("<row/>", 10000)+"</sheetData></worksheet>", 1200<<20))
	cp949, _ := korean.EUCKR.NewEncoder().String("사업명,사업비\n영일만대교,\"1,200\"\n")
	for _, s := range []string{
		"a,b,c\n1,2,3\n", "\uFEFF이름;값\n가;1\n", "x\ty\n1\t2\n", "sep=|\na|b\n", cp949,
		"\"unterminated,1\n2,3", "<html><table>", "",
	} {
		f.Add([]byte(s))
	}
	f.Add(miniXLSX(f, `<sheetData><row r="2" hidden="1"><c r="B2" t="s" s="1"><v>0</v></c><c t="inlineStr"><is><r><t>x</t></r><rPh><t>y</t></rPh></is></c><c><f>1</f></c></row></sheetData><cols><col min="1" max="3" hidden="1"/></cols><mergeCells><mergeCell ref="A1:C2"/></mergeCells>`,
		`<si><t>a_x000D_b</t></si>`, `<numFmts><numFmt numFmtId="164" formatCode="yyyy-mm"/></numFmts><cellXfs><xf/><xf numFmtId="164"/></cellXfs>`))

	// Smaller limits than the defaults keep each run short under coverage
	// instrumentation (a mutated bomb may otherwise inflate its full 256 MiB
	// part); the code paths are the same.
	lim := Limits{MaxUnzipBytes: 16 << 20, MaxPartBytes: 8 << 20, MaxRows: 20_000, MaxCells: 200_000}.withDefaults()
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "퍼즈.xlsx"
		wb, err := OpenBytes(name, data, Options{Limits: lim})
		if err != nil {
			var me *msg.Error
			if !errors.As(err, &me) || !strings.Contains(err.Error(), name) || wb != nil {
				t.Fatalf("bad refusal: %T %v", err, err)
			}
			return
		}
		checkWorkbook(t, wb, name, lim)
	})
}

// checkWorkbook asserts the promises of the Workbook type.
func checkWorkbook(t *testing.T, wb *Workbook, name string, lim Limits) {
	t.Helper()
	if wb.File != name || len(wb.Sheets) == 0 || (wb.Format != "xlsx" && wb.Format != "csv" && wb.Format != "html") {
		t.Fatalf("workbook %q %q with %d sheets", wb.File, wb.Format, len(wb.Sheets))
	}
	cells := 0
	for _, s := range wb.Sheets {
		if len(s.Formats) == 0 || s.Formats[0] != "" {
			t.Fatalf("sheet %q formats %q", s.Name, s.Formats)
		}
		seen := map[string]bool{}
		for _, code := range s.Formats[1:] {
			if seen[code] || code == "" {
				t.Fatalf("sheet %q formats not deduplicated: %q", s.Name, s.Formats)
			}
			seen[code] = true
		}
		prev := 0
		for _, r := range s.Rows {
			if r.Num <= prev || r.Num > lim.MaxRows {
				t.Fatalf("sheet %q row %d after %d", s.Name, r.Num, prev)
			}
			prev = r.Num
			if len(r.Cells) == 0 || len(r.Cells) > lim.MaxCols || r.Cells[len(r.Cells)-1].Empty() {
				t.Fatalf("sheet %q row %d has %d cells, last empty", s.Name, r.Num, len(r.Cells))
			}
			for _, c := range r.Cells {
				if int(c.Fmt) >= len(s.Formats) {
					t.Fatalf("sheet %q row %d: format %d of %d", s.Name, r.Num, c.Fmt, len(s.Formats))
				}
			}
			cells += len(r.Cells)
		}
		for _, m := range s.Merges {
			if m.FromCol < 1 || m.FromRow < 1 || m.FromCol > m.ToCol || m.FromRow > m.ToRow {
				t.Fatalf("sheet %q merge %+v", s.Name, m)
			}
		}
		for c := range s.HiddenCols {
			if c < 1 || c > lim.MaxCols {
				t.Fatalf("sheet %q hidden column %d", s.Name, c)
			}
		}
	}
	if cells > lim.MaxCells {
		t.Fatalf("%d cells", cells)
	}
}
