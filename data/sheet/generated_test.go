package sheet

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// saveExcelize writes f into a temp file and returns its path.
func saveExcelize(t *testing.T, f *excelize.File, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExcelizeWrittenVariations(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "현황"))
	must(f.SetSheetRow("현황", "A1", &[]any{"사업명", "국비", "추진율", "착수"}))
	must(f.SetSheetRow("현황", "A2", &[]any{"수소 메가시티", 40000, 0.455, 45292}))
	must(f.SetSheetRow("현황", "A3", &[]any{"숨은 행", 1, 0.1, 45300}))
	must(f.SetSheetRow("현황", "A5", &[]any{"합계", nil, true}))
	must(f.SetCellFormula("현황", "B5", "SUM(B2:B3)"))
	must(f.SetRowVisible("현황", 3, false))
	must(f.SetColVisible("현황", "D", false))
	must(f.MergeCell("현황", "A7", "D7"))
	must(f.SetCellValue("현황", "A7", "병합"))
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	must(err)
	must(f.SetCellStyle("현황", "C2", "C3", pct))
	ym := "yyyy\"년\" m\"월\""
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &ym})
	must(err)
	must(f.SetCellStyle("현황", "D2", "D3", date))
	_, err = f.NewSheet("숨김")
	must(err)
	must(f.SetCellValue("숨김", "B2", "목록"))
	must(f.SetSheetVisible("숨김", false))

	// A sheet written by the stream writer: inline strings and a formula
	// with its cached value.
	_, err = f.NewSheet("스트림")
	must(err)
	sw, err := f.NewStreamWriter("스트림")
	must(err)
	must(sw.SetRow("A1", []any{"이름", 10, excelize.Cell{Formula: "B1*2", Value: 20}}))
	must(sw.Flush())

	path := saveExcelize(t, f, "variations.xlsx")
	wb, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	compareWithExcelize(t, path, wb)

	s := wb.Sheets[0]
	if len(s.Rows) != 5 || !s.Rows[2].Hidden || s.Rows[1].Hidden {
		t.Errorf("rows %+v", s.Rows)
	}
	if !s.HiddenCols[4] || s.HiddenCols[3] {
		t.Errorf("hidden cols %v", s.HiddenCols)
	}
	if c := s.Cell(3, 2); c.Value != "0.455" || s.Format(c) != "0.00%" || c.Type != TypeNumber {
		t.Errorf("C2 %+v %q", c, s.Format(c))
	}
	if c := s.Cell(4, 2); c.Value != "45292" || s.Format(c) != ym {
		t.Errorf("D2 %+v %q", c, s.Format(c))
	}
	if c := s.Cell(3, 5); c.Type != TypeBool || c.Value != "1" {
		t.Errorf("C5 %+v", c)
	}
	// excelize's normal API stores a formula without a cached value.
	if c := s.Cell(2, 5); !c.Formula || c.Value != "" {
		t.Errorf("B5 %+v", c)
	}
	if want := []Range{{1, 7, 4, 7}}; !reflect.DeepEqual(s.Merges, want) {
		t.Errorf("merges %v", s.Merges)
	}
	if !wb.Sheets[1].Hidden || wb.Sheets[1].Name != "숨김" || wb.Sheets[0].Hidden {
		t.Errorf("sheet visibility: %+v", wb.Sheets[1])
	}
	st := wb.Sheets[2]
	if c := st.Cell(1, 1); c.Value != "이름" || c.Type != TypeString {
		t.Errorf("inline string %+v", c)
	}
	if c := st.Cell(3, 1); !c.Formula || c.Value != "20" {
		t.Errorf("stream formula %+v", c)
	}
}

func TestTooManyColumns(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	cell, _ := excelize.CoordinatesToCellName(300, 4)
	if err := f.SetCellValue("Sheet1", cell, "멀리"); err != nil {
		t.Fatal(err)
	}
	path := saveExcelize(t, f, "wide.xlsx")
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "wide.xlsx") || !strings.Contains(err.Error(), "KN4") || !strings.Contains(err.Error(), "256") {
		t.Fatalf("got %v", err)
	}
	// A larger limit lets it through.
	if _, err := Open(path, Options{Limits: Limits{MaxCols: 300}}); err != nil {
		t.Fatal(err)
	}
}

func TestTooManyRows(t *testing.T) {
	var rows strings.Builder
	for i := range 50 {
		rows.WriteString(`<row><c><v>` + string(rune('0'+i%10)) + `</v></c></row>`)
	}
	data := miniXLSX(t, `<sheetData>`+rows.String()+`</sheetData>`, "", "")
	if _, err := OpenBytes("many.xlsx", data, Options{Limits: Limits{MaxRows: 49}}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v", err)
	}
	if _, err := OpenBytes("many.xlsx", data, Options{Limits: Limits{MaxRows: 50}}); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenBytes("many.xlsx", data, Options{Limits: Limits{MaxCells: 10}}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("cells: got %v", err)
	}
}

// TestHandWrittenXML covers what other writers put in sheets: prefixes,
// rich and phonetic text, escapes, missing r attributes, every cell type.
func TestHandWrittenXML(t *testing.T) {
	sst := `<si><t>공유</t></si>` +
		`<si><r><rPr><b/></rPr><t>굵게</t></r><r><t xml:space="preserve"> 보통</t></r><rPh sb="0" eb="1"><t>よみ</t></rPh></si>` +
		`<si><t>줄_x000D_바꿈_x005F_x0041_</t></si>`
	styles := `<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm"/><numFmt numFmtId="3" formatCode="#,##0&quot;원&quot;"/></numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="49"/></cellStyleXfs>` +
		`<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="3"/><xf numFmtId="9"/></cellXfs>`
	sheet := `<cols><col min="2" max="3" hidden="1" width="0"/><col min="5" max="16384" hidden="true"/></cols>` +
		`<sheetData>` +
		`<row r="2" hidden="1"><c r="A2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v> 2 </v></c></row>` +
		`<row><c s="1"><v>45292</v></c><c s="2"><v>45292</v></c><c s="3"><v>1200000.5</v></c><c s="4"><v>0.455</v></c><c s="99"><v>7</v></c></row>` +
		`<row r="5"><c r="A5" t="inlineStr"><is><t>인라인</t></is></c><c r="B5" t="b"><v>0</v></c><c r="C5" t="e"><v>#DIV/0!</v></c>` +
		`<c r="D5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E5"><f>1/0</f></c><c r="F5" s="3"/><c r="G5" s="3"/></row>` +
		`<row r="4"><c r="C4"><v>late</v></c></row>` +
		`<row r="6"><c r="B6" s="3"/><c r="C6"><v>x</v></c></row>` +
		`</sheetData><mergeCells count="2"><mergeCell ref="B2:A3"/><mergeCell ref="bogus"/></mergeCells>` +
		`<extLst><ext><row r="9"><c r="A9"><v>ignored</v></c></row></ext></extLst>`
	data := miniXLSX(t, sheet, sst, styles)
	wb := mustOpen(t, "hand.xlsx", data)
	s := wb.Sheets[0]
	got := grid(s)
	want := [][]string{
		nil,
		{"공유", "굵게 보통", "줄\r바꿈_x0041_"},
		{"45292", "45292", "1200000.5", "0.455", "7"},
		{"", "", "late"},
		{"인라인", "0", "#DIV/0!", "ab", ""},
		{"", "", "x"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("grid\n got %q\nwant %q", got, want)
	}
	if !s.Rows[0].Hidden || s.Rows[1].Hidden {
		t.Error("row 2 should be hidden, row 3 not")
	}
	if !s.HiddenCols[2] || !s.HiddenCols[3] || s.HiddenCols[4] || !s.HiddenCols[256] || len(s.HiddenCols) != 2+252 {
		t.Errorf("hidden cols: %d entries", len(s.HiddenCols))
	}
	fmts := []string{}
	for _, c := range s.Rows[1].Cells {
		fmts = append(fmts, s.Format(c))
	}
	if want := []string{"mm-dd-yy", "yyyy-mm", `#,##0"원"`, "0%", ""}; !reflect.DeepEqual(fmts, want) {
		t.Errorf("formats %q, want %q", fmts, want)
	}
	if len(s.Formats) != 5 {
		t.Errorf("formats not deduplicated: %q", s.Formats)
	}
	r5 := s.Rows[3].Cells
	types := string([]byte{r5[0].Type, r5[1].Type, r5[2].Type, r5[3].Type})
	if types != "sbes" || !r5[3].Formula || !r5[4].Formula || r5[4].Value != "" || len(r5) != 5 {
		t.Errorf("row 5 %+v", r5)
	}
	// An empty but formatted cell before a value keeps its format.
	if c := s.Cell(2, 6); !c.Empty() || s.Format(c) == "" {
		t.Errorf("B6 %+v", c)
	}
	if want := []Range{{1, 2, 2, 3}}; !reflect.DeepEqual(s.Merges, want) {
		t.Errorf("merges %v", s.Merges)
	}
}

// TestPrefixedAndStrict: Hancom writes x:-prefixed elements; Strict OOXML
// uses other namespaces. Both read the same.
func TestPrefixedAndStrict(t *testing.T) {
	strict := `http://purl.oclc.org/ooxml/spreadsheetml/main`
	strictRel := `http://purl.oclc.org/ooxml/officeDocument/relationships`
	data := zipParts(t,
		"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+strictRel+`/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml", `<x:workbook xmlns:x="`+strict+`" xmlns:r="`+strictRel+`"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="한" sheetId="1" r:id="rId7" state="veryHidden"/><x:sheet name="둘" sheetId="2" r:id="rId8"/></x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="`+strictRel+`/worksheet" Target="/xl/worksheets/a.xml"/><Relationship Id="rId8" Type="`+strictRel+`/worksheet" Target="worksheets/b.xml"/><Relationship Id="rId9" Type="`+strictRel+`/sharedStrings" Target="strs.xml"/></Relationships>`,
		"xl/worksheets/a.xml", `<x:worksheet xmlns:x="`+strict+`"><x:sheetData><x:row x:r="1"><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>`,
		"XL/Worksheets/B.xml", `<worksheet xmlns="`+strict+`"><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData></worksheet>`,
		"xl/strs.xml", `<x:sst xmlns:x="`+strict+`"><x:si><x:t>한컴</x:t></x:si><x:si><x:t>엄격</x:t></x:si></x:sst>`,
	)
	wb := mustOpen(t, "hancom.xlsx", data)
	if !wb.Date1904 || len(wb.Sheets) != 2 || !wb.Sheets[0].Hidden {
		t.Fatalf("workbook %+v", wb)
	}
	if got := grid(wb.Sheets[0]); !reflect.DeepEqual(got, [][]string{{"", "한컴"}}) {
		t.Errorf("prefixed sheet %q", got)
	}
	if got := grid(wb.Sheets[1]); !reflect.DeepEqual(got, [][]string{{"엄격"}}) {
		t.Errorf("strict sheet %q", got)
	}
	if len(wb.Sheets[0].Merges) != 1 {
		t.Errorf("merges %v", wb.Sheets[0].Merges)
	}
}

func TestDamagedSheets(t *testing.T) {
	cases := map[string]struct {
		sheet, sst string
		cell       string
	}{
		"shared string index past the table": {`<sheetData><row r="3"><c r="D3" t="s"><v>5</v></c></row></sheetData>`, `<si><t>a</t></si>`, "D3"},
		"negative shared string index":       {`<sheetData><row r="1"><c r="A1" t="s"><v>-1</v></c></row></sheetData>`, `<si><t>a</t></si>`, "A1"},
		"shared string index not a number":   {`<sheetData><row r="1"><c r="B1" t="s"><v>x</v></c></row></sheetData>`, `<si><t>a</t></si>`, "B1"},
		"bad cell reference":                 {`<sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData>`, "", "1A"},
		"cut-off XML":                        {`<sheetData><row r="1"><c r="A1"><v>1</v>`, "", "A1"},
		"mismatched tags":                    {`<sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData>`, "", "A1"},
		"undeclared entity (XXE style)":      {`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData>`, "", "A1"},
		"bad row number":                     {`<sheetData><row r="0"><c><v>1</v></c></row></sheetData>`, "", ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := OpenBytes("bad.xlsx", miniXLSX(t, tc.sheet, tc.sst, ""), Options{})
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "bad.xlsx") || !strings.Contains(err.Error(), "'S'") {
				t.Fatalf("got %v", err)
			}
			if tc.cell != "" && !strings.Contains(err.Error(), tc.cell) {
				t.Errorf("message does not name cell %s: %v", tc.cell, err)
			}
		})
	}
}

func TestOtherZips(t *testing.T) {
	ods := zipParts(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>")
	xlsb := zipParts(t, "[Content_Types].xml", "<Types/>", "xl/workbook.bin", "\x00\x01")
	docx := zipParts(t, "word/document.xml", "<w:document/>")
	realDocx := zipParts(t,
		"_rels/.rels", `<Relationships><Relationship Id="rId1" Type="`+nsRel+`/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml", `<w:document xmlns:w="w"><w:body/></w:document>`)
	xlsbRels := zipParts(t,
		"_rels/.rels", `<Relationships><Relationship Id="rId1" Type="`+nsRel+`/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
		"xl/workbook.bin", "\x00")
	missingSheet := zipParts(t,
		"xl/workbook.xml", `<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/none.xml"/></Relationships>`)
	for name, tc := range map[string]struct {
		data []byte
		want error
	}{
		"a.ods": {ods, ErrODS}, "b.xlsb": {xlsb, ErrXLSB}, "c.docx": {docx, ErrNotSpreadsheet},
		"f.docx": {realDocx, ErrNotSpreadsheet}, "g.xlsb": {xlsbRels, ErrXLSB},
		"d.xlsx": {missingSheet, ErrDamaged}, "e.xlsx": {[]byte("PK\x03\x04 nothing else"), ErrDamaged},
	} {
		if _, err := OpenBytes(name, tc.data, Options{}); !errors.Is(err, tc.want) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: got %v", name, err)
		}
	}
}

// TestLyingBomb: a zip whose directory understates the inflated size is
// refused quickly, not inflated.
func TestLyingBomb(t *testing.T) {
	body := "<worksheet><sheetData>" + strings.Repeat("<row/>", 8<<20) + "</sheetData></worksheet>"
	honest := miniXLSX(t, "", "", "")
	// Replace the sheet with a raw entry whose header claims 1 KiB.
	var buf bytes.Buffer
	buf.Write(bombZip(t, honest, "xl/worksheets/sheet1.xml", body, 1024))
	_, err := OpenBytes("lying.xlsx", buf.Bytes(), Options{})
	if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v", err)
	}
	// Honest sizes, but more <row> elements than MaxRows: refused as too
	// large once MaxRows elements are read, not after all 48 MiB.
	_, err = OpenBytes("rows.xlsx", bombZip(t, honest, "xl/worksheets/sheet1.xml", body, 0), Options{})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v", err)
	}
}

// TestElementBomb: a part of nothing but empty elements inflates cheaply
// and would take seconds to tokenise; the element budget stops it early.
func TestElementBomb(t *testing.T) {
	body := "<worksheet><sheetPr>" + strings.Repeat("<a/>", 2<<20) + "</sheetPr></worksheet>"
	data := bombZip(t, miniXLSX(t, "", "", ""), "xl/worksheets/sheet1.xml", body, 0)
	_, err := OpenBytes("elements.xlsx", data, Options{Limits: Limits{MaxCells: 1000}})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "elements.xlsx") {
		t.Fatalf("got %v", err)
	}
}
