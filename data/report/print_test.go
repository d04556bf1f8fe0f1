package report

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"math"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/haeoreum/register/data/sheet/sheettest"
	"github.com/xuri/excelize/v2"
)

// pdfWord is a word of a PDF page with its box, from pdftotext -bbox.
type pdfWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// pdfPages reads the words of every page of a PDF with pdftotext -bbox.
func pdfPages(t *testing.T, pdf string) [][]pdfWord {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	dec.Strict, dec.AutoClose, dec.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	var pages [][]pdfWord
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			pages = append(pages, nil)
		case "word":
			w := pdfWord{}
			for _, a := range se.Attr {
				v, _ := strconv.ParseFloat(a.Value, 64)
				switch a.Name.Local {
				case "xMin":
					w.xMin = v
				case "yMin":
					w.yMin = v
				case "xMax":
					w.xMax = v
				case "yMax":
					w.yMax = v
				}
			}
			if text, err := dec.Token(); err == nil {
				if cd, ok := text.(xml.CharData); ok {
					w.text = string(cd)
				}
			}
			if len(pages) > 0 {
				pages[len(pages)-1] = append(pages[len(pages)-1], w)
			}
		}
	}
	return pages
}

// pageSheet is the sheet a printed page belongs to: the page header's
// right-hand word (pageSetup prints the sheet's name there).
func pageSheet(ws []pdfWord) string {
	if len(ws) == 0 {
		return ""
	}
	top := ws[0].yMin
	for _, w := range ws {
		top = math.Min(top, w.yMin)
	}
	name, right := "", 0.0
	for _, w := range ws {
		if w.yMin-top < 1 && w.xMax > right {
			name, right = w.text, w.xMax
		}
	}
	return name
}

// calibrationBook writes a workbook printing a line at 10 pt, full scale:
// a word's box height over 10 is the font's box per point, which turns
// every box of the report into the size it prints at.
func calibrationBook(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont(fontName); err != nil {
		t.Fatal(err)
	}
	st, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 10}})
	f.SetCellValue("Sheet1", "A1", "해오름동맹 공동협력사업 2026. 10. 31.")
	f.SetCellStyle("Sheet1", "A1", "A1", st)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestLibreOfficePrintsReadably prints the report with LibreOffice to PDF
// and measures every word: after fit-to-width scaling nothing on a
// printed page is under 9 pt, the hidden audit trail is not printed, and
// 변경사항 prints the right period and the changes since the meeting net
// of the undone ones.
func TestLibreOfficePrintsReadably(t *testing.T) {
	for _, tool := range []string{"soffice", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip(tool + " is not installed")
		}
	}
	dir, out := t.TempDir(), t.TempDir()
	d, _ := sinceMeetingData(t)
	reportPath := filepath.Join(dir, "report.xlsx")
	if err := Export(reportPath, d, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	calib := filepath.Join(dir, "calibration.xlsx")
	calibrationBook(t, calib)
	pdfs := sheettest.Convert(t, out, "pdf", ".pdf", true, reportPath, calib)

	cal := pdfPages(t, pdfs[1])
	if len(cal) == 0 || len(cal[0]) == 0 {
		t.Fatal("no words in the calibration page")
	}
	perPoint := (cal[0][0].yMax - cal[0][0].yMin) / 10
	if perPoint < 0.8 || perPoint > 1.6 {
		t.Fatalf("calibration: %.3f box points per font point", perPoint)
	}
	pages := pdfPages(t, pdfs[0])
	type sheetPrint struct {
		pages    int
		smallest float64
		word     string
	}
	bySheet := map[string]*sheetPrint{}
	var text strings.Builder
	for i, ws := range pages {
		name := pageSheet(ws)
		sp := bySheet[name]
		if sp == nil {
			sp = &sheetPrint{smallest: math.Inf(1)}
			bySheet[name] = sp
		}
		sp.pages++
		for _, w := range ws {
			size := (w.yMax - w.yMin) / perPoint
			if size < sp.smallest {
				sp.smallest, sp.word = size, w.text
			}
			if size < 8.95 {
				t.Errorf("page %d (%s): %q prints at %.1f pt", i+1, name, w.text, size)
			}
			if name == SheetChanges {
				text.WriteString(w.text + " ")
			}
		}
	}
	var names []string
	for n := range bySheet {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sp := bySheet[n]
		t.Logf("%s: %d pages, smallest text %.1f pt (%q)", n, sp.pages, sp.smallest, sp.word)
	}
	for _, n := range SheetNames() {
		if _, printed := bySheet[n]; printed != (n != SheetAudit) {
			t.Errorf("sheet %s printed: %v", n, printed)
		}
	}
	printed := text.String()
	period := officialDate(d.Since) + " ~ " + officialDate(time.Now().Format("2006-01-02"))
	if !strings.Contains(printed, period) {
		t.Errorf("변경사항 does not print the period %q", period)
	}
	for _, want := range []string{"HA-E02", "준공", "HA-E03", "예산 확정", "HA-E04", "7,000백만원"} {
		if !strings.Contains(printed, want) {
			t.Errorf("변경사항 does not print %q:\n%s", want, printed)
		}
	}
	for _, undone := range []string{"HA-E01", "99%", "잘못", "되돌림", "되돌리기", "progress", "notes"} {
		if strings.Contains(printed, undone) {
			t.Errorf("변경사항 prints %q (undone work or an internal name):\n%s", undone, printed)
		}
	}
}

// TestPrintedColumnsFitA4 checks without LibreOffice what the printed
// pages depend on: every printed sheet's columns fit printWidth, A4
// landscape fitted to width; 사업목록 prints 코드 to 단계 while keeping every
// column; each field starts a page.
func TestPrintedColumnsFitA4(t *testing.T) {
	path, d := exportFixtures(t, t.TempDir())
	checkPrintedColumns(t, path, d)
	// 2,000 projects: totals of eight digits in 백만원 widen the amount
	// columns; the wrapped text columns give way.
	big := synthData(2000)
	bigPath := filepath.Join(t.TempDir(), "big.xlsx")
	if err := Export(bigPath, big, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	checkPrintedColumns(t, bigPath, big)
}

func checkPrintedColumns(t *testing.T, path string, d Data) {
	t.Helper()
	f := openXLSX(t, path)
	if i := f.GetActiveSheetIndex(); i != 0 {
		t.Errorf("active sheet %d, want 총괄", i)
	}
	areas := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Area" {
			areas[dn.Scope] = dn.RefersTo
		}
	}
	for _, name := range SheetNames() {
		if vis, _ := f.GetSheetVisible(name); !vis {
			continue
		}
		widths := sheetColWidths(t, path, name)
		last := len(widths)
		if a, ok := areas[name]; ok {
			ref := a[strings.LastIndex(a, ":")+2:]
			ref = strings.TrimRight(ref, "$0123456789")
			last, _ = excelize.ColumnNameToNumber(ref)
		}
		width := 0.0
		for _, w := range widths[:last] {
			width += w
		}
		if width > printWidth {
			t.Errorf("%s: %s prints %d columns %.1f units wide, more than %d", filepath.Base(path), name, last, width, printWidth)
		}
		pl, _ := f.GetPageLayout(name)
		if *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 {
			t.Errorf("%s page layout %+v", name, pl)
		}
	}
	if a := areas[SheetRegister]; !strings.Contains(a, "!$A$1:$P$") {
		t.Errorf("사업목록 print area %q, want A to P (코드 to 단계)", a)
	}
	if n := len(sheetColWidths(t, path, SheetRegister)); n != len(registerColumns()) {
		t.Errorf("사업목록 has %d columns, want all %d", n, len(registerColumns()))
	}
	groups := len(groupByField(d.Projects, d.Scheme.Fields))
	if got := rowBreaks(t, path, SheetRegister); got != groups-1 {
		t.Errorf("사업목록: %d page breaks for %d fields", got, groups)
	}
}

// sheetXML reads a report sheet's XML from the xlsx (sheets are stored in
// SheetNames order), cheaper than excelize's parse of a large sheet.
func sheetXML(t *testing.T, path, sheet string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	idx := slices.Index(SheetNames(), sheet) + 1
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet"+strconv.Itoa(idx)+".xml" {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("no sheet %s in %s", sheet, path)
	return ""
}

// sheetColWidths reads a sheet's column widths, column A first.
func sheetColWidths(t *testing.T, path, sheet string) []float64 {
	t.Helper()
	x := sheetXML(t, path, sheet)
	var cols struct {
		Col []struct {
			Min   int     `xml:"min,attr"`
			Max   int     `xml:"max,attr"`
			Width float64 `xml:"width,attr"`
		} `xml:"col"`
	}
	i, j := strings.Index(x, "<cols>"), strings.Index(x, "</cols>")
	if i < 0 || j < i {
		return nil
	}
	if err := xml.Unmarshal([]byte(x[i:j+len("</cols>")]), &cols); err != nil {
		t.Fatal(err)
	}
	var out []float64
	for _, c := range cols.Col {
		for k := c.Min; k <= c.Max; k++ {
			for len(out) < k {
				out = append(out, 0)
			}
			out[k-1] = c.Width
		}
	}
	return out
}

// rowBreaks counts the manual row breaks of a sheet in the xlsx.
func rowBreaks(t *testing.T, path, sheet string) int {
	t.Helper()
	x := sheetXML(t, path, sheet)
	i := strings.Index(x, "<rowBreaks")
	if i < 0 {
		return 0
	}
	end := strings.Index(x[i:], "</rowBreaks>")
	return strings.Count(x[i:i+max(end, 0)], "<brk ")
}
