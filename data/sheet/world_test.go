package sheet

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/msg"
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
