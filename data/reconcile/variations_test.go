package reconcile

// Real cities will send sheets unlike the fixtures. These tests take a
// fixture, change its shape the way offices do (reorder columns, other
// header words, title rows, another unit, extra and hidden columns, CSV in
// CP949, a LibreOffice-saved copy) and check the register comes out the
// same as from the original.

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/sheet/sheettest"
)

// grid is a sheet as rows of cells, for reshaping.
type grid [][]sheet.Cell

func readGrid(t *testing.T, path string) grid {
	t.Helper()
	wb, err := sheet.Open(path, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := wb.Sheets[0]
	var g grid
	for _, r := range s.Rows {
		for len(g) < r.Num {
			g = append(g, nil)
		}
		g[r.Num-1] = slices.Clone(r.Cells)
	}
	return g
}

func (g grid) width() int {
	w := 0
	for _, r := range g {
		w = max(w, len(r))
	}
	return w
}

func (g grid) cell(r, c int) sheet.Cell {
	if r < len(g) && c < len(g[r]) {
		return g[r][c]
	}
	return sheet.Cell{}
}

// mapColumns builds a new grid whose column i is old column order[i]
// (-1: an empty column).
func (g grid) mapColumns(order []int) grid {
	out := make(grid, len(g))
	for r := range g {
		out[r] = make([]sheet.Cell, len(order))
		for i, c := range order {
			if c >= 0 {
				out[r][i] = g.cell(r, c)
			}
		}
	}
	return out
}

// replace changes every text cell equal to from.
func (g grid) replace(from, to string) {
	for r := range g {
		for c := range g[r] {
			if g[r][c].Value == from {
				g[r][c].Value = to
			}
		}
	}
}

// writeXLSX writes g as a real workbook; hidden lists 0-based hidden columns.
func (g grid) writeXLSX(t *testing.T, path string, hidden ...int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	g.fill(f, "Sheet1")
	for _, c := range hidden {
		col, _ := excelize.ColumnNumberToName(c + 1)
		f.SetColVisible("Sheet1", col, false)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// fill writes g's cells on the sheet: numbers as numbers, the rest as text.
func (g grid) fill(f *excelize.File, sheetName string) {
	for r, row := range g {
		for c, cell := range row {
			if cell.Value == "" {
				continue
			}
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if n, err := strconv.ParseFloat(cell.Value, 64); err == nil && cell.Type == sheet.TypeNumber {
				f.SetCellValue(sheetName, name, n)
			} else {
				f.SetCellStr(sheetName, name, cell.Value)
			}
		}
	}
}

// writeCSV writes g as CSV, in CP949 when cp949 is set.
func (g grid) writeCSV(t *testing.T, path string, cp949 bool) {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	for _, row := range g {
		rec := make([]string, g.width())
		for c, cell := range row {
			rec[c] = cell.Value
		}
		w.Write(rec)
	}
	w.Flush()
	data := []byte(b.String())
	if cp949 {
		var err error
		if data, err = korean.EUCKR.NewEncoder().Bytes(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// outcome imports the master and then one city file, and returns what a
// council member would compare: every project's values and the conflicts.
func outcome(t *testing.T, path string, o FileOptions) (string, *Preview) {
	t.Helper()
	r := newRegister(t)
	if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "master_2026.xlsx"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	pv, err := ImportFile(ctx, r, path, o)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return registerView(r), pv
}

// registerView is what a council member would compare: every project's
// values and the open conflicts.
func registerView(r *register.Register) string {
	list, _ := r.List(ctx, register.ListOptions{})
	type view struct {
		Code, Field, Start string
		End                *string
		Budget             model.Budget
		Progress           *float64
		Kind               model.Kind
		Lead               model.City
	}
	var vs []view
	for _, p := range list {
		vs = append(vs, view{p.Code, p.Field, p.Start, p.End, p.Budget, p.Progress, p.Kind, p.LeadCity})
	}
	cs, _ := r.Conflicts(ctx, false)
	var keys []string
	for _, c := range cs {
		keys = append(keys, c.Code+" "+string(c.Field))
	}
	b, _ := json.Marshal(struct {
		P []view
		C []string
	}{vs, keys})
	return string(b)
}

func TestVariationsOfPohangGiveTheSameRegister(t *testing.T) {
	orig := filepath.Join(fixtures(t), "pohang_2026-10.xlsx")
	want, _ := outcome(t, orig, FileOptions{})
	base := readGrid(t, orig)
	dir := t.TempDir()
	n := base.width() // 15 columns: 연번 분야 사업명 사업기간 계 국비 도비 시비 민자 기타 추진율 추진현황 향후계획 담당부서 비고

	cases := map[string]func() (string, FileOptions){
		"columns reordered": func() (string, FileOptions) {
			g := base.mapColumns([]int{0, 2, 1, 10, 3, 9, 8, 7, 6, 5, 4, 14, 13, 12, 11})
			// the group header "사업비(백만원)" must stay over the first amount column
			g[2][5], g[2][9] = g[2][9], g[2][5]
			p := filepath.Join(dir, "reordered.xlsx")
			g.writeXLSX(t, p)
			return p, FileOptions{}
		},
		"other header words": func() (string, FileOptions) {
			g := base.mapColumns(seq(n))
			g.replace("사업명", "세부사업명")
			g.replace("추진율(%)", "진척률(%)")
			g.replace("사업기간", "추진기간")
			g.replace("추진현황", "추진경과")
			g.replace("담당부서", "소관부서")
			p := filepath.Join(dir, "words.xlsx")
			g.writeXLSX(t, p)
			return p, FileOptions{City: model.Pohang}
		},
		"header further down": func() (string, FileOptions) {
			g := append(grid{{{Value: "해오름동맹 상생협의회 제출자료", Type: sheet.TypeString}}, nil, nil}, base...)
			p := filepath.Join(dir, "lower.xlsx")
			g.writeXLSX(t, p)
			return p, FileOptions{}
		},
		"amounts in 천원": func() (string, FileOptions) {
			g := base.mapColumns(seq(n))
			for r := 4; r < len(g); r++ {
				for c := 4; c <= 9 && c < len(g[r]); c++ {
					if v, err := strconv.ParseFloat(g[r][c].Value, 64); err == nil {
						g[r][c].Value = strconv.FormatFloat(v*1000, 'f', -1, 64)
					}
				}
			}
			g.replace("(단위: 백만원)", "(단위: 천원)")
			g.replace("사업비(백만원)", "사업비(천원)")
			p := filepath.Join(dir, "thousands.xlsx")
			g.writeXLSX(t, p)
			return p, FileOptions{}
		},
		"extra and hidden columns": func() (string, FileOptions) {
			// a hidden stale copy of 국비 sits before the visible one, and an
			// unknown 메모 column at the end.
			g := base.mapColumns(append([]int{0, 1, 2, 3, 4, 5, 5}, append(seq(n)[6:], -1)...))
			for r := 4; r < len(g); r++ {
				if v, err := strconv.ParseFloat(g[r][5].Value, 64); err == nil {
					g[r][5].Value = strconv.FormatFloat(v*2+1, 'f', -1, 64)
				}
			}
			g[3][len(g[3])-1] = sheet.Cell{}
			g[2][len(g[2])-1] = sheet.Cell{Value: "메모", Type: sheet.TypeString}
			p := filepath.Join(dir, "hidden.xlsx")
			g.writeXLSX(t, p, 5)
			return p, FileOptions{}
		},
		"CSV in CP949": func() (string, FileOptions) {
			p := filepath.Join(dir, "utf8.csv")
			base.writeCSV(t, p, true)
			return p, FileOptions{}
		},
		"CSV in UTF-8": func() (string, FileOptions) {
			p := filepath.Join(dir, "현황_cp949.csv")
			base.writeCSV(t, p, false)
			return p, FileOptions{}
		},
	}
	for name, build := range cases {
		t.Run(name, func(t *testing.T) {
			path, o := build()
			got, pv := outcome(t, path, o)
			if got != want {
				t.Errorf("register differs from the original's:\n got  %.600s\n want %.600s", got, want)
			}
			if name == "extra and hidden columns" {
				var hiddenWarned, unknownWarned bool
				for _, w := range pv.Warnings {
					hiddenWarned = hiddenWarned || strings.Contains(w, "숨겨진 열")
					unknownWarned = unknownWarned || strings.Contains(w, "메모")
				}
				if !hiddenWarned || !unknownWarned {
					t.Errorf("the hidden and unknown columns were not named: %q", pv.Warnings)
				}
			}
		})
	}
}

func TestLibreOfficeCopyGivesTheSameRegister(t *testing.T) {
	for i, name := range []string{"pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx"} {
		orig := filepath.Join(fixtures(t), name)
		want, _ := outcome(t, orig, FileOptions{})
		dir := t.TempDir()
		// the copy's name says nothing of its city: it must be told from the sheet
		plain := filepath.Join(dir, fmt.Sprintf("status%d.xlsx", i))
		data, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(plain, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, _ := outcome(t, sheettest.Resave(t, plain), FileOptions{})
		if got != want {
			t.Errorf("%s saved by LibreOffice gives another register:\n got  %.600s\n want %.600s", name, got, want)
		}
	}
}

func TestSiBiWithoutACityIsRefusedNotGuessed(t *testing.T) {
	g := readGrid(t, filepath.Join(fixtures(t), "gyeongju_2026-10.xlsx"))
	// Strip every clue to the sender: contact phone numbers and the file name.
	for r := 1; r < len(g); r++ {
		if len(g[r]) > 11 {
			g[r][11] = sheet.Cell{}
		}
	}
	p := filepath.Join(t.TempDir(), "status.xlsx")
	g.writeXLSX(t, p)
	r := newRegister(t)
	if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "master_2026.xlsx"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	pv, err := ImportFile(ctx, r, p, FileOptions{})
	if err == nil || !strings.Contains(strings.Join(pv.Errors, " "), "--city") {
		t.Fatalf("ambiguous 시비 was not refused: %v %q", err, pv.Errors)
	}
	if _, err := ImportFile(ctx, r, p, FileOptions{City: model.Gyeongju}); err != nil {
		t.Fatalf("with --city: %v", err)
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
