package layout

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// writeRows writes rows to Sheet1 of a new workbook with excelize; a string
// starting with "=" becomes a formula without a stored result, as excelize
// (and any writer that does not calculate) saves it.
func writeRows(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if s, ok := v.(string); ok && strings.HasPrefix(s, "=") {
				if err := f.SetCellFormula("Sheet1", cell, s[1:]); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "pohang.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// handXLSX writes a one-sheet xlsx from the inside of <sheetData> and of
// <mergeCells> (may be ""), for cells no writer API produces: cached
// errors, formulas with an empty cached result.
func handXLSX(t testing.TB, sheetData, merges string) string {
	t.Helper()
	const main = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	const rel = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	ws := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + main + `"><sheetData>` + sheetData + `</sheetData>`
	if merges != "" {
		ws += `<mergeCells>` + merges + `</mergeCells>`
	}
	parts := []string{
		"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="` + main + `" xmlns:r="` + rel + `"><sheets><sheet name="현황" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml", ws + `</worksheet>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pohang.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// inline renders a text cell for handXLSX.
func inline(ref, text string) string {
	var b strings.Builder
	if err := xmlEscape(&b, text); err != nil {
		panic(err)
	}
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, b.String())
}

func xmlEscape(b *strings.Builder, s string) error {
	_, err := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").WriteString(b, s)
	return err
}

// header is the one-row header every test table here uses.
var testHeader = []any{"사업명", "총사업비(백만원)", "추진율(%)", "착수", "완료"}

// readAll locates a Pohang table and reads every record.
func readAll(t *testing.T, path string) (found, []*Record) {
	t.Helper()
	recs, got := collect(locate(t, path, Options{City: model.Pohang}))
	return got, recs
}

// errorAt returns the error at cell, or nil.
func errorAt(errs []*msg.Error, cell string) *msg.Error {
	for _, e := range errs {
		if e.Where.Cell == cell {
			return e
		}
	}
	return nil
}
