package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/haeoreum/register/data/msg"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
)

// corpusDir is the shared corpus of foreign spreadsheets, or "" when it is
// not beside the repository.
func corpusDir() string {
	dir := "../../../shared/corpus"
	if _, err := filepath.Abs(dir); err != nil {
		return ""
	}
	if ok, _ := filepath.Glob(filepath.Join(dir, "MANIFEST.tsv")); len(ok) == 0 {
		return ""
	}
	return dir
}

// wantRefusal asserts err is the refusal want, naming file in both languages.
func wantRefusal(t *testing.T, err error, want *msg.Error, file string) *msg.Error {
	t.Helper()
	var me *msg.Error
	if !errors.As(err, &me) || !errors.Is(err, want) {
		t.Fatalf("got %v, want %s", err, want.ID)
	}
	defer msg.SetLanguage(msg.Korean)
	for _, l := range []msg.Lang{msg.Korean, msg.English} {
		msg.SetLanguage(l)
		if !strings.Contains(err.Error(), file) {
			t.Errorf("%s: message does not name %s: %v", l, file, err)
		}
	}
	return me
}

// TestDxfNumFmtIsNotACellFormat: the number format of a conditional format
// (<dxf>) shares ids with cell formats; it must not replace the cell's own
// built-in 0.00% (a progress of 38.5% read as 0.4).
func TestDxfNumFmtIsNotACellFormat(t *testing.T) {
	styles := `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm"/></numFmts>` +
		`<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/></cellXfs>` +
		`<dxfs count="2"><dxf><numFmt numFmtId="10" formatCode="0.0"/></dxf><dxf><numFmt numFmtId="164" formatCode="0"/></dxf></dxfs>`
	wb := mustOpen(t, "dxf.xlsx", miniXLSX(t, `<sheetData><row r="1"><c r="A1" s="1"><v>0.385</v></c><c r="B1" s="2"><v>46296</v></c></row></sheetData>`, "", styles))
	s := wb.Sheets[0]
	if got := s.Format(s.Cell(1, 1)); got != "0.00%" {
		t.Errorf("A1 format %q, want 0.00%%", got)
	}
	if got := s.Format(s.Cell(2, 1)); got != "yyyy-mm" {
		t.Errorf("B1 format %q, want yyyy-mm", got)
	}
}

// TestCorpusDxfProgress: the corpus pair differs only by a dxf; both must
// read the same cells with the same formats.
func TestCorpusDxfProgress(t *testing.T) {
	dir := corpusDir()
	if dir == "" {
		t.Skip("corpus not found")
	}
	plain, err := Open(filepath.Join(dir, "synthetic/pohang_pct.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	dxf, err := Open(filepath.Join(dir, "synthetic/pohang_pct_dxf.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range plain.Sheets {
		d := dxf.Sheets[i]
		if !reflect.DeepEqual(grid(s), grid(d)) {
			t.Fatalf("sheet %q values differ", s.Name)
		}
		for _, r := range s.Rows {
			for c, cell := range r.Cells {
				if got, want := d.Format(d.Cell(c+1, r.Num)), s.Format(cell); got != want {
					t.Errorf("sheet %q %s: format %q, want %q", s.Name, CellName(c+1, r.Num), got, want)
				}
			}
		}
	}
}

// TestOldAndForeignFormatsNamed: Excel 2–4 sheets, Excel's lock file and
// 한글 documents each get their own message, not "not a spreadsheet" or
// "old .xls".
func TestOldAndForeignFormatsNamed(t *testing.T) {
	bof := func(typ byte) []byte { // BOF of a worksheet, then EOF
		return []byte{0x09, typ, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x0a, 0x00, 0x00, 0x00}
	}
	lock := []byte{12}
	lock = append(lock, "Jan Havlicek"...)
	for len(lock) < lockNameUTF16 {
		lock = append(lock, ' ')
	}
	lock = append(lock, 12, 0)
	for _, r := range "Jan Havlíček" {
		lock = append(lock, byte(r), byte(r>>8))
	}
	for len(lock) < 165 {
		lock = append(lock, 0x20, 0)
	}
	hwp := append(append(append([]byte{}, magicOLE...), make([]byte, 504)...), utf16le("FileHeader")...)
	hwp = append(append(hwp, make([]byte, 64)...), "HWP Document File"...)
	hwp3 := append([]byte("HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05"), make([]byte, 200)...)
	hwpx := zipParts(t, "mimetype", "application/hwp+zip", "Contents/section0.xml", "<hs:sec/>")
	cases := []struct {
		name string
		data []byte
		want *msg.Error
		says string
	}{
		{"excel2.xls", []byte{0x09, 0x00, 0x04, 0x00, 0x02, 0x00, 0x10, 0x00, 0x0a, 0x00, 0x00, 0x00}, ErrOldBIFF, "Excel 2.0"},
		{"excel3.xls", bof(0x02), ErrOldBIFF, "Excel 3.0"},
		{"excel4.xls", bof(0x04), ErrOldBIFF, "Excel 4.0"},
		{"~$추진현황.xlsx", lock, ErrLockFile, "Jan Havlíček has '추진현황.xlsx' open"},
		{"보고.hwp", hwp, ErrHWP, "Hangul"},
		{"보고.hwpx", hwpx, ErrHWP, "Hangul"},
		{"옛보고.hwp", hwp3, ErrHWP, "Hangul"},
	}
	defer msg.SetLanguage(msg.Korean)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := OpenBytes(tc.name, tc.data, Options{})
			wantRefusal(t, err, tc.want, tc.name)
			msg.SetLanguage(msg.English)
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("message %q does not say %q", err, tc.says)
			}
		})
	}
}

// TestDuplicateZipEntryIsDamaged: two entries of one name would be read
// differently by different readers; the file is refused, saying why.
func TestDuplicateZipEntryIsDamaged(t *testing.T) {
	good := miniXLSX(t, `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`, "", "")
	data := bombZip(t, good, "xl/worksheets/sheet1.xml", `<worksheet xmlns="`+nsMain+`"><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`, 0)
	// bombZip replaced the entry; add the first copy back under the same name.
	data = appendZipEntry(t, data, "xl/worksheets/sheet1.xml", `<worksheet xmlns="`+nsMain+`"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`)
	_, err := OpenBytes("dup.xlsx", data, Options{})
	me := wantRefusal(t, err, ErrDamaged, "dup.xlsx")
	if me.Err == nil || !strings.Contains(me.Err.Error(), "two entries") {
		t.Errorf("cause %v", me.Err)
	}
}

// appendZipEntry copies the zip src and adds one more entry, even under a
// name it already has.
func appendZipEntry(t *testing.T, src []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, content)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestExcelDefaultPassword: a workbook encrypted with Excel's default
// password opens without asking, as it does in Excel; another password
// still has to be given.
func TestExcelDefaultPassword(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "사업명")
	f.SetCellValue("Sheet1", "B1", 38.5)
	dir := t.TempDir()
	def, other := filepath.Join(dir, "기본암호.xlsx"), filepath.Join(dir, "암호.xlsx")
	if err := f.SaveAs(def, excelize.Options{Password: "VelvetSweatshop"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(other, excelize.Options{Password: "1234"}); err != nil {
		t.Fatal(err)
	}
	wb, err := Open(def, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := wb.Sheets[0].Cell(2, 1).Value; got != "38.5" {
		t.Errorf("B1 %q", got)
	}
	_, err = Open(other, Options{})
	wantRefusal(t, err, ErrPasswordNeeded, "암호.xlsx")
}

// twoSheetXLSX builds a workbook whose sheets and relationships are given
// as XML, with sheet parts named in parts (name, inside of <worksheet>).
func twoSheetXLSX(t *testing.T, sheets, rels string, parts ...string) []byte {
	t.Helper()
	all := []string{
		"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml", `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><sheets>` + sheets + `</sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`,
	}
	for i := 0; i+1 < len(parts); i += 2 {
		all = append(all, parts[i], `<worksheet xmlns="`+nsMain+`">`+parts[i+1]+`</worksheet>`)
	}
	return zipParts(t, all...)
}

func wsRel(id, target string) string {
	return `<Relationship Id="` + id + `" Type="` + nsRel + `/worksheet" Target="` + target + `"/>`
}

const oneCell = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>사업명</t></is></c></row></sheetData>`

// TestSkippedSheetsAreWarned: a macro sheet and sheets without a
// relationship are not read, and the workbook says so by sheet name.
func TestSkippedSheetsAreWarned(t *testing.T) {
	data := twoSheetXLSX(t,
		`<sheet name="표" sheetId="1" r:id="rId1"/><sheet name="매크로" sheetId="2" r:id="rId2"/><sheet name="고아" sheetId="3" r:id=""/><sheet name="없는연결" sheetId="4" r:id="rId9"/>`,
		wsRel("rId1", "worksheets/sheet1.xml")+`<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/>`,
		"xl/worksheets/sheet1.xml", oneCell, "xl/macrosheets/sheet1.xml", oneCell)
	wb := mustOpen(t, "warn.xlsx", data)
	if len(wb.Sheets) != 1 || wb.Sheets[0].Name != "표" {
		t.Fatalf("sheets %d", len(wb.Sheets))
	}
	want := map[string]msg.ID{"매크로": idSheetMacro, "고아": idSheetUnlinked, "없는연결": idSheetUnlinked}
	if len(wb.Warnings) != len(want) {
		t.Fatalf("warnings %v", wb.Warnings)
	}
	for _, w := range wb.Warnings {
		if want[w.Where.Sheet] != w.ID || w.Where.File != "warn.xlsx" {
			t.Errorf("warning %+v", w)
		}
	}
}

// TestBrokenWorkbookRelsIsDamaged: when no sheet can be found because the
// workbook's relationships are missing, the file is damaged (with the
// cause kept), not "no sheet has any content".
func TestBrokenWorkbookRelsIsDamaged(t *testing.T) {
	data := twoSheetXLSX(t, `<sheet name="표" sheetId="1" r:id="rId1"/>`, `<Relationship Id="rId7" Type="`+nsRel+`/styles" Target="styles.xml"/>`,
		"xl/worksheets/sheet1.xml", oneCell)
	_, err := OpenBytes("rels.xlsx", data, Options{})
	me := wantRefusal(t, err, ErrDamaged, "rels.xlsx")
	if me.Err == nil || !strings.Contains(me.Err.Error(), "rId1") {
		t.Errorf("cause %v", me.Err)
	}
	// An xlsx that lost its workbook part is damaged too, not "not a spreadsheet".
	_, err = OpenBytes("bits.xlsx", zipParts(t, "xl/worksheets/sheet1.xml", oneCell), Options{})
	wantRefusal(t, err, ErrDamaged, "bits.xlsx")
}

// TestSheetLimitsAreTheSheets: a sheet past the column limit is left out
// with a warning naming it; the sheet beside it is read. When it is the
// only sheet with content, the refusal names the sheet.
func TestSheetLimitsAreTheSheets(t *testing.T) {
	wide := `<sheetData><row r="1"><c r="IW1"><v>1</v></c></row></sheetData>`
	data := twoSheetXLSX(t, `<sheet name="넓은" sheetId="1" r:id="rId1"/><sheet name="표" sheetId="2" r:id="rId2"/>`,
		wsRel("rId1", "worksheets/sheet1.xml")+wsRel("rId2", "worksheets/sheet2.xml"),
		"xl/worksheets/sheet1.xml", wide, "xl/worksheets/sheet2.xml", oneCell)
	wb := mustOpen(t, "limits.xlsx", data)
	if len(wb.Sheets) != 1 || wb.Sheets[0].Name != "표" {
		t.Fatalf("sheets %d", len(wb.Sheets))
	}
	if len(wb.Warnings) != 1 || wb.Warnings[0].ID != idSheetTooLarge || wb.Warnings[0].Where.Sheet != "넓은" || !strings.Contains(wb.Warnings[0].Error(), "256") {
		t.Errorf("warnings %v", wb.Warnings)
	}
	alone := twoSheetXLSX(t, `<sheet name="넓은" sheetId="1" r:id="rId1"/><sheet name="빈" sheetId="2" r:id="rId2"/>`,
		wsRel("rId1", "worksheets/sheet1.xml")+wsRel("rId2", "worksheets/sheet2.xml"),
		"xl/worksheets/sheet1.xml", wide, "xl/worksheets/sheet2.xml", "<sheetData/>")
	_, err := OpenBytes("alone.xlsx", alone, Options{})
	if me := wantRefusal(t, err, ErrTooLarge, "alone.xlsx"); me.Where.Sheet != "넓은" || me.Where.Cell != "IW1" {
		t.Errorf("refusal names %+v", me.Where)
	}
}

// TestSparseHugeFileRefusedAtOnce: a 3 GiB file is refused from its size,
// before a byte is read.
func TestSparseHugeFileRefusedAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.xlsx")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 3<<30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	start := time.Now()
	_, err := Open(path, Options{})
	wantRefusal(t, err, ErrTooLarge, "huge.xlsx")
	if took := time.Since(start); took > time.Second {
		t.Errorf("took %v", took)
	}
}

// TestFolderGivenAsFile: a folder gets its own message, with no Go error
// text in it.
func TestFolderGivenAsFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "보고서.xlsx")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir, Options{})
	wantRefusal(t, err, ErrFolder, "보고서.xlsx")
	if strings.Contains(err.Error(), "directory") {
		t.Errorf("raw error shown: %v", err)
	}
}

// TestTextFaultsNameTheLine: a CSV that is text but for one line is
// refused with what is wrong and on which line, not "not a spreadsheet".
func TestTextFaultsNameTheLine(t *testing.T) {
	cp949, _ := korean.EUCKR.NewEncoder().String("수소,20\n")
	cp949File, _ := korean.EUCKR.NewEncoder().String("사업명,국비\n영일만대교,10\n")
	utf8Lines := "사업명,국비\n영일만대교,10\n해오름 수소,5\n"
	cases := []struct {
		name, data string
		want       *msg.Error
		says       string
	}{
		{"stray.csv", utf8Lines + "동해\xff선,3\n", ErrTextBadByte, "line 4 "},
		{"mixed.csv", utf8Lines + cp949, ErrTextMixed, "line 4 is in CP949"},
		{"mixed949.csv", cp949File + "해오름 수소,5\n", ErrTextMixed, "line 3 is in UTF-8"},
		{"stray949.csv", cp949File + "a\x80,1\n", ErrTextBadByte, "line 3 "},
		{"nul.csv", utf8Lines + "동해선,\x00\n", ErrTextNUL, "line 4 "},
		{"nul16.csv", utf16LE(t, "a,b\n1,\x00\n"), ErrTextNUL, "line 2 "},
	}
	defer msg.SetLanguage(msg.Korean)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := OpenBytes(tc.name, []byte(tc.data), Options{})
			wantRefusal(t, err, tc.want, tc.name)
			msg.SetLanguage(msg.English)
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("message %q does not say %q", err, tc.says)
			}
		})
	}
	// Clean files in either encoding still read.
	mustOpen(t, "utf8.csv", []byte(utf8Lines))
	mustOpen(t, "cp949.csv", []byte(cp949File))
}

func utf16LE(t *testing.T, s string) string {
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCP949LinesThatLookLikeUTF8: CP949 "천" is the bytes C3 B5, also UTF-8
// for "õ"; a line of such syllables must not make the file "mixed".
func TestCP949LinesThatLookLikeUTF8(t *testing.T) {
	data, _ := korean.EUCKR.NewEncoder().String("사업명,구분\n2,천\n수소,국비\n")
	if !utf8.Valid([]byte("\xc3\xb5")) {
		t.Fatal("premise")
	}
	if got := mustOpen(t, "천.csv", []byte(data)).Sheets[0].Cell(2, 2).Value; got != "천" {
		t.Errorf("B2 %q", got)
	}
}

// TestHTMLTables: "엑셀 다운로드" pages are read as Excel shows them:
// whatever tag they start with, in UTF-8 or CP949, with spans placed and
// merged, <br> kept as a line break, styles and scripts left out.
func TestHTMLTables(t *testing.T) {
	page := `<style> td { mso-number-format:"\@"; } br { mso-data-placement:same-cell; }</style>
<div>2026년 10월 추진현황</div>
<table border=1><caption>단위: 백만원</caption>
<tr><th rowspan="2">사업명</th><th colspan="2">사업비(백만원)</th><th>추진율</th></tr>
<tr><th>국비</th><th>시비</th><td></td></tr>
<tr><td>영일만<br>대교</td><td>1,200</td><td>&nbsp;300 </td><td>38.5%</td>
<tr><td>수소<table><tr><td>내부</td></tr></table></td><td><p>10</p><p>(국비)</p></td></tr>
</table><script>document.write("<tr><td>x</td></tr>")</script>`
	want := [][]string{
		{"2026년 10월 추진현황"},
		{"단위: 백만원"},
		{"사업명", "사업비(백만원)", "", "추진율"},
		{"", "국비", "시비"},
		{"영일만\n대교", "1,200", "300", "38.5%"},
		{"수소 내부", "10 (국비)"},
	}
	cp949, _ := korean.EUCKR.NewEncoder().String(page)
	for name, data := range map[string]string{
		"page.xls": page, "cp949.xls": cp949, "bom.xls": "\uFEFF" + page,
		"tr.xls": strings.Replace(page, "<style>", "<tr><td></td></tr><style>", 1), "utf16.xls": utf16LE(t, page),
	} {
		wb := mustOpen(t, name, []byte(data))
		if wb.Format != "html" || len(wb.Sheets) != 1 {
			t.Fatalf("%s: format %s, %d sheets", name, wb.Format, len(wb.Sheets))
		}
		got := grid(wb.Sheets[0])
		if name == "tr.xls" {
			got = got[1:] // the leading empty row
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", name, got, want)
		}
	}
	s := mustOpen(t, "page.xls", []byte(page)).Sheets[0]
	for _, m := range []Range{{1, 3, 1, 4}, {2, 3, 3, 3}} {
		if !slices.Contains(s.Merges, m) {
			t.Errorf("merge %s missing from %v", m, s.Merges)
		}
	}
	// The same limits as any sheet.
	wide := "<table><tr>" + strings.Repeat("<td>x</td>", 300) + "</tr></table>"
	_, err := OpenBytes("wide.xls", []byte(wide), Options{})
	wantRefusal(t, err, ErrTooLarge, "wide.xls")
	long := "<table>" + strings.Repeat("<tr><td>1</td></tr>", 20) + "</table>"
	_, err = OpenBytes("long.xls", []byte(long), Options{Limits: Limits{MaxRows: 10}})
	wantRefusal(t, err, ErrTooLarge, "long.xls")
	// A <head> left open (its end tag is optional) hides nothing.
	if wb := mustOpen(t, "head.xls", []byte("<head><meta charset=utf-8><body><table><tr><td>사업명</table>")); wb.Sheets[0].Cell(1, 1).Value != "사업명" {
		t.Errorf("head.xls: %q", grid(wb.Sheets[0]))
	}
	// Empty rows count too: millions of <tr> are work, not a table.
	_, err = OpenBytes("empty.xls", []byte("<table>"+strings.Repeat("<tr>", 20)+"<tr><td>1</table>"), Options{Limits: Limits{MaxRows: 10}})
	wantRefusal(t, err, ErrTooLarge, "empty.xls")
	// No table, or SpreadsheetML 2003: still the markup message.
	_, err = OpenBytes("xml2003.xls", []byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>1</Data></Cell></Row></Table></Worksheet></Workbook>`), Options{})
	wantRefusal(t, err, ErrMarkup, "xml2003.xls")
	// A CSV whose title is in angle brackets is not markup.
	if wb := mustOpen(t, "title.csv", []byte("<2026 추진현황>\n사업명,국비\n")); wb.Format != "csv" {
		t.Errorf("title.csv read as %s", wb.Format)
	}
}

// TestDamagedKeepsItsCause: "damaged" keeps why, naming the part, for the
// details a --verbose or the window can show.
func TestDamagedKeepsItsCause(t *testing.T) {
	cases := map[string][]byte{
		"xl/styles.xml":            miniXLSX(t, oneCell, "", `<cellXfs><xf></cellXfs>`),
		"xl/sharedStrings.xml":     miniXLSX(t, oneCell, `<si><t>a</si>`, ""),
		"xl/worksheets/sheet1.xml": miniXLSX(t, `<sheetData><row r="x"/></sheetData>`, "", ""),
	}
	for part, data := range cases {
		_, err := OpenBytes("cause.xlsx", data, Options{})
		me := wantRefusal(t, err, ErrDamaged, "cause.xlsx")
		if me.Err == nil || !strings.Contains(me.Err.Error(), part) {
			t.Errorf("%s: cause %v", part, me.Err)
		}
		if strings.Contains(err.Error(), part) {
			t.Errorf("%s: the part name is in the message itself: %v", part, err)
		}
	}
}

// TestAgilePasswordChecked: a correct password opens Apache POI's 60320
// (whose password key is hashed with SHA-512, its package with SHA-1,
// which excelize decrypts to noise), and a wrong one is called wrong, by
// the file's own verifier.
func TestAgilePasswordChecked(t *testing.T) {
	dir := corpusDir()
	if dir == "" {
		t.Skip("corpus not found")
	}
	for file, password := range map[string]string{
		"problems/apache+poi/test-data/poifs/60320-protected.xlsx": "Test001!!",
		"sample/qax-os+excelize/test/encryptAES.xlsx":              "password",
	} {
		path := filepath.Join(dir, file)
		wb, err := Open(path, Options{Password: password})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if len(wb.Sheets) == 0 || len(wb.Sheets[0].Rows) == 0 {
			t.Errorf("%s: nothing read", file)
		}
		_, err = Open(path, Options{Password: password + "x"})
		wantRefusal(t, err, ErrWrongPassword, filepath.Base(file))
	}
}

// TestBetaSharedStrings: Office 2007 beta files call a shared string
// <sstItem>; their cells were refused as damaged ("index 0 of 0").
func TestBetaSharedStrings(t *testing.T) {
	wb := mustOpen(t, "beta.xlsx", miniXLSX(t, `<sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData>`, `<sstItem><t>Lorem</t></sstItem><sstItem><t>ipsum</t></sstItem>`, ""))
	if got := wb.Sheets[0].Cell(1, 1).Value; got != "ipsum" {
		t.Errorf("A1 %q", got)
	}
}

// TestStandardEncryptionVerified: for standard (AES-ECB) encryption, the
// file's verifier tells a wrong password (excelize decrypts to noise
// without checking), and this package decrypts such files itself too.
func TestStandardEncryptionVerified(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "영일만대교")
	path := filepath.Join(t.TempDir(), "표준.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: "비밀1234"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = OpenBytes("표준.xlsx", data, Options{Password: "1234"})
	if me := wantRefusal(t, err, ErrWrongPassword, "표준.xlsx"); !errors.Is(me.Err, errVerifierMismatch) {
		t.Errorf("not told by the verifier: %v", me.Err)
	}
	plain, err := ownDecrypt(data, "비밀1234")
	if err != nil {
		t.Fatal(err)
	}
	if wb := mustOpen(t, "plain.xlsx", plain); wb.Sheets[0].Cell(1, 1).Value != "영일만대교" {
		t.Errorf("A1 %q", wb.Sheets[0].Cell(1, 1).Value)
	}
}

// TestStreamLongerThanItsChain: ExtenXLS wrote an encrypted package whose
// directory entry claims more bytes than its sectors hold; mscfb (and so
// excelize) refuse the container, Apache POI and this reader read it.
func TestStreamLongerThanItsChain(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "동해선")
	path := filepath.Join(t.TempDir(), "ext.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: "pwd123"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(data, utf16le("EncryptedPackage"))
	if at < 0 || at%128 != 0 {
		t.Fatalf("directory entry at %d", at)
	}
	size := binary.LittleEndian.Uint32(data[at+120:])
	binary.LittleEndian.PutUint32(data[at+120:], size+1700)
	if _, err := excelize.Decrypt(data, &excelize.Options{Password: "pwd123"}); err == nil {
		t.Log("excelize now reads it too")
	}
	wb, err := OpenBytes("ext.xlsx", data, Options{Password: "pwd123"})
	if err != nil {
		t.Fatal(err)
	}
	if got := wb.Sheets[0].Cell(1, 1).Value; got != "동해선" {
		t.Errorf("A1 %q", got)
	}
}

// TestSpinCountBounded: a file asking for more password hashing than
// Excel ever writes is refused before any hashing, not hashed for seconds.
func TestSpinCountBounded(t *testing.T) {
	k := agilePasswordKey{agileParams: agileParams{HashAlgorithm: "SHA512", KeyBits: 256, BlockSize: 16}, SpinCount: 1 << 30}
	start := time.Now()
	if _, err := agilePackageKey(k, "x", 256); !errors.Is(err, errTooCostly) {
		t.Errorf("got %v", err)
	}
	if took := time.Since(start); took > 100*time.Millisecond {
		t.Errorf("took %v", took)
	}
}
