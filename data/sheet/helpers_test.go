package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// fixturesDir finds the shared fixture set: $HAEOREUM_FIXTURES, or the
// shared folder beside the repository (../shared/fixtures from the module
// root). Tests that need it are skipped when it is absent.
func fixturesDir(t testing.TB) string {
	t.Helper()
	dir := fixturesSeedDir()
	if dir == "" {
		t.Skip("fixtures not found; set HAEOREUM_FIXTURES")
	}
	return dir
}

// fixturesSeedDir is where the shared fixtures are, or ""; fuzz seeding
// uses it without a test to skip.
func fixturesSeedDir() string {
	for _, c := range []string{os.Getenv("HAEOREUM_FIXTURES"), "../../../shared/fixtures", "../../testdata/fixtures"} {
		if c == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(c, "expected.json")); err == nil {
			return c
		}
	}
	return ""
}

// grid renders a sheet as excelize's GetRows does: rows by number from 1,
// each cut after its last kept cell.
func grid(s *Sheet) [][]string {
	if len(s.Rows) == 0 {
		return nil
	}
	out := make([][]string, s.Rows[len(s.Rows)-1].Num)
	for _, r := range s.Rows {
		vals := make([]string, len(r.Cells))
		for i, c := range r.Cells {
			vals[i] = c.Value
		}
		out[r.Num-1] = vals
	}
	return out
}

// zipParts writes a zip holding parts (name → content) in name order
// given by names, so tests can build exactly the XML a writer produced.
func zipParts(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, parts[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	nsMain = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	nsRel  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
)

// miniXLSX builds a one-sheet xlsx from the inside of <worksheet>, a
// shared-string table (the inside of <sst>, may be "") and the inside of
// <styleSheet> (may be ""). It is the smallest package Excel itself opens.
func miniXLSX(t testing.TB, sheetXML, sstXML, stylesXML string) []byte {
	t.Helper()
	parts := []string{
		"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + nsRel + `/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + nsRel + `/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="` + nsRel + `/styles" Target="styles.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + nsMain + `">` + sheetXML + `</worksheet>`,
	}
	if sstXML != "" {
		parts = append(parts, "xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="`+nsMain+`">`+sstXML+`</sst>`)
	}
	if stylesXML != "" {
		parts = append(parts, "xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="`+nsMain+`">`+stylesXML+`</styleSheet>`)
	}
	return zipParts(t, parts...)
}

// writeTemp writes data to a file called name in a fresh temp dir.
func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// mustOpen opens data under name with default options or fails the test.
func mustOpen(t testing.TB, name string, data []byte) *Workbook {
	t.Helper()
	wb, err := OpenBytes(name, data, Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return wb
}
