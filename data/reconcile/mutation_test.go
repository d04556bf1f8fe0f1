package reconcile

// The mutation suite: each city fixture is reshaped the ways sheets really
// arrive — columns reordered, other header words, title lines dropped, a
// finer unit, the as-of date moved to the sheet's name, the file's name, a
// cover sheet or nowhere, CSV in UTF-8 or CP949, spacer and footnote rows,
// numbered names, a table split over two sheets, projects over two rows,
// annual amount columns, an unknown column with values — under file names
// that say nothing of the city. Every
// variant must import to exactly the register the fixture gives, or be
// refused with a message naming the flag that settles it; never imported
// wrong. `go test` runs a sample; HAEOREUM_MUTATIONS=all runs every variant
// (scripts/mutations.sh) and prints the counts.

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// mutation is one way of reshaping a sheet.
type mutation struct {
	city      string // the fixture
	shuffle   bool   // columns reordered (amount blocks move as one)
	synonyms  bool   // other header words for the same meanings
	dropTitle bool   // the lines above the header are lost (as in a copied table)
	finer     bool   // amounts in a finer unit (exactly: ×10, ×100, ×1000)
	asOfAt    string // title, sheet, file, cover, none
	format    string // xlsx, csv, csv-cp949
	spacers   bool   // empty rows between projects and a ※ footnote below
	numbered  bool   // names numbered ①, 1., (1), 가.
	shape     string // plain; split (over two sheets), tworow (narratives go on below), years, extra (an unknown column)
}

func (m mutation) String() string {
	return fmt.Sprintf("%s shuffle=%v synonyms=%v dropTitle=%v finer=%v asOf=%s %s spacers=%v numbered=%v shape=%s",
		m.city, m.shuffle, m.synonyms, m.dropTitle, m.finer, m.asOfAt, m.format, m.spacers, m.numbered, m.shape)
}

// allMutations lists every combination that makes sense (a CSV has no sheet
// name of its own nor a cover sheet, nor a second sheet; a dropped title
// cannot keep its date). The shapes beyond plain combine with every
// reshaping but fewer as-of places and formats.
func allMutations() []mutation {
	var out []mutation
	add := func(m mutation) {
		if m.format != "xlsx" && (m.asOfAt == "sheet" || m.asOfAt == "cover" || m.shape == "split") || m.dropTitle && m.asOfAt == "title" {
			return
		}
		out = append(out, m)
	}
	shapes := map[string][]string{"split": {"xlsx"}, "tworow": {"xlsx", "csv"}, "years": {"xlsx", "csv-cp949"}, "extra": {"xlsx"}}
	for _, city := range []string{"pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx"} {
		for _, bits := range bitsets(6) {
			for _, asOf := range []string{"title", "sheet", "file", "cover", "none"} {
				for _, format := range []string{"xlsx", "csv", "csv-cp949"} {
					add(mutation{city, bits[0], bits[1], bits[2], bits[3], asOf, format, bits[4], bits[5], "plain"})
				}
			}
			for _, shape := range []string{"split", "tworow", "years", "extra"} {
				for _, asOf := range []string{"title", "none"} {
					for _, format := range shapes[shape] {
						add(mutation{city, bits[0], bits[1], bits[2], bits[3], asOf, format, bits[4], bits[5], shape})
					}
				}
			}
		}
	}
	return out
}

func bitsets(n int) [][]bool {
	var out [][]bool
	for i := 0; i < 1<<n; i++ {
		b := make([]bool, n)
		for j := range b {
			b[j] = i&(1<<j) != 0
		}
		out = append(out, b)
	}
	return out
}

func TestMutationsImportRightOrAreRefusedRightly(t *testing.T) {
	if testing.Short() {
		t.Skip("the mutation sample runs in the full pass; -short (the race pass) skips it")
	}
	all := allMutations()
	chosen := all
	if shape, ok := strings.CutPrefix(os.Getenv("HAEOREUM_MUTATIONS"), "shape="); ok {
		chosen = nil // one shape only: HAEOREUM_MUTATIONS=shape=split
		for _, m := range all {
			if m.shape == shape {
				chosen = append(chosen, m)
			}
		}
	} else if os.Getenv("HAEOREUM_MUTATIONS") != "all" {
		rng := rand.New(rand.NewPCG(1, 2))
		rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
		chosen = all[:32]
	}
	truth := map[string]string{}
	var right, refused, wrong, otherRefusal int
	byShape := map[string]*[2]int{"plain": {}, "split": {}, "tworow": {}, "years": {}, "extra": {}}
	for i, m := range chosen {
		if _, ok := truth[m.city]; !ok {
			truth[m.city], _ = outcome(t, filepath.Join(fixtures(t), m.city), FileOptions{})
		}
		path := m.write(t, i)
		got, err := tryOutcome(t, path)
		tally := byShape[m.shape]
		switch {
		case err == nil && got == truth[m.city]:
			right++
			tally[0]++
		case err == nil:
			wrong++
			t.Errorf("imported wrong: %s: %s", m, firstDifference(got, truth[m.city]))
		case namesAFlag(err):
			refused++
			tally[1]++
		default:
			otherRefusal++
			t.Errorf("refused without saying what settles it: %s: %v", m, err)
		}
	}
	t.Logf("%d variants of %d: imported right %d, refused naming the flag %d, refused otherwise %d, imported wrong %d",
		len(chosen), len(all), right, refused, otherRefusal, wrong)
	for _, shape := range []string{"plain", "split", "tworow", "years", "extra"} {
		t.Logf("  %s: right %d, refused naming the flag %d", shape, byShape[shape][0], byShape[shape][1])
	}
	if len(all) < 500 {
		t.Errorf("only %d variants: the suite must have at least 500", len(all))
	}
}

// namesAFlag reports a refusal that tells the official what settles it.
func namesAFlag(err error) bool {
	text := err.Error()
	for _, flag := range []string{"--unit", "--city", "--as-of", "--sheet", "--column"} {
		if strings.Contains(text, flag) {
			return true
		}
	}
	return false
}

// tryOutcome is outcome without stopping at a refusal: what the register
// is after the master and the variant, or why the variant was refused
// (with the preview's errors, which name the flag).
func tryOutcome(t *testing.T, path string) (string, error) {
	t.Helper()
	r := newRegister(t)
	if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "master_2026.xlsx"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	pv, err := ImportFile(ctx, r, path, FileOptions{})
	if err != nil {
		if pv != nil {
			err = fmt.Errorf("%v: %s", err, strings.Join(pv.Errors, "; "))
		}
		return "", err
	}
	return registerView(r), nil
}

// write builds the variant's file, named so that nothing in the name tells
// the city.
func (m mutation) write(t *testing.T, i int) string {
	t.Helper()
	src := filepath.Join(fixtures(t), m.city)
	g, tb := renderedGrid(t, src)
	head := tb.HeaderRows[0] - 1 // 0-based first header row
	last := head + len(tb.HeaderRows) - 1
	asOf := findAsOfCell(g, head)
	when := tb.AsOf
	if m.finer {
		g.finerUnit(tb, head, last)
	}
	if m.synonyms {
		g.synonyms(head, last)
	}
	if m.numbered {
		g.number(tb, last)
	}
	if m.spacers {
		g = g.spaced(last)
	}
	switch m.shape {
	case "tworow":
		g = g.twoRows(tb, last)
	case "years":
		g.addColumn(head, last, "'26까지", "2027년 이후")
	case "extra":
		g.addColumn(head, last, "확인자")
	}
	if m.shuffle {
		g = g.mapColumns(shuffledColumns(tb, g.width(), i))
	}
	if asOf.ok {
		g.clearAsOf(asOf)
	}
	if m.dropTitle {
		g = g[head:]
	}
	if m.asOfAt == "title" {
		g = append(grid{{{Value: "(기준: " + officialDay(when) + ")", Type: sheet.TypeString}}}, g...)
	}
	name := fmt.Sprintf("status%03d", i)
	if m.asOfAt == "file" {
		name += "_" + when
	}
	dir := t.TempDir()
	switch m.format {
	case "csv", "csv-cp949":
		path := filepath.Join(dir, name+".csv")
		g.writeCSV(t, path, m.format == "csv-cp949")
		return path
	}
	path := filepath.Join(dir, name+".xlsx")
	sheetName := "현황"
	if m.asOfAt == "sheet" {
		sheetName = "현황(" + strings.ReplaceAll(officialDay(when), " ", "") + "기준)"
	}
	var second grid
	if m.shape == "split" {
		first := 0
		if m.asOfAt == "title" {
			first = 1
		}
		if !m.dropTitle {
			first += head
		}
		g, second = g.split(first, first+last-head)
	}
	g.writeBook(t, path, sheetName, m.asOfAt == "cover", when, second)
	return path
}

// renderedGrid reads the fixture's table sheet with every cell as a person
// would type it: percentages as "45.5%", dates as "2024-03". A CSV keeps no
// formats, and our xlsx writer writes none.
func renderedGrid(t *testing.T, path string) (grid, *layout.Table) {
	t.Helper()
	wb, err := sheet.Open(path, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := layout.Locate(wb, layout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var s *sheet.Sheet
	for _, x := range wb.Sheets {
		if x.Name == tb.Sheet {
			s = x
		}
	}
	var g grid
	for _, r := range s.Rows {
		for len(g) < r.Num {
			g = append(g, nil)
		}
		row := make([]sheet.Cell, len(r.Cells))
		for i, c := range r.Cells {
			row[i] = renderCell(s, c, wb.Date1904)
		}
		g[r.Num-1] = row
	}
	return g, tb
}

func renderCell(s *sheet.Sheet, c sheet.Cell, date1904 bool) sheet.Cell {
	if c.Type != sheet.TypeNumber {
		return c
	}
	format := s.Format(c)
	switch {
	case value.IsPercentFormat(format):
		f, _ := strconv.ParseFloat(c.Value, 64)
		return sheet.Cell{Value: strconv.FormatFloat(f*100, 'f', -1, 64) + "%", Type: sheet.TypeString}
	case value.IsDateFormat(format):
		if d, err := value.DateFromSerial(c.Value, date1904); err == nil {
			return sheet.Cell{Value: d.YearMonth().String(), Type: sheet.TypeString}
		}
	}
	return c
}

type asOfCell struct {
	r, c int
	ok   bool
}

func findAsOfCell(g grid, head int) asOfCell {
	for r := 0; r < head && r < len(g); r++ {
		for c, cell := range g[r] {
			if _, ok := value.FindAsOf(cell.Value); ok {
				return asOfCell{r, c, true}
			}
		}
	}
	return asOfCell{}
}

var asOfText = regexp.MustCompile(`\(?\s*(기준일?|기준일자)\s*:?\s*[^)]*?\d{1,2}\s*\.?\s*\)?`)

// clearAsOf takes the date out of its title cell, keeping a unit beside it.
func (g grid) clearAsOf(at asOfCell) {
	cell := &g[at.r][at.c]
	if u, ok := value.FindUnit(cell.Value); ok && strings.Contains(cell.Value, "단위") {
		cell.Value = "(단위: " + u.String() + ")"
		return
	}
	cell.Value = strings.TrimSpace(asOfText.ReplaceAllString(cell.Value, ""))
}

// finerUnit writes every amount in a unit one step finer, exactly.
func (g grid) finerUnit(tb *layout.Table, head, last int) {
	finer := map[value.Unit]value.Unit{value.Eok: value.Baekman, value.Baekman: value.Cheon, value.Cheon: value.Won}
	for _, c := range tb.Columns {
		if c.Role != layout.RoleAmount || c.Unit == 0 {
			continue
		}
		to := finer[c.Unit]
		for r := last + 1; r < len(g); r++ {
			cell := &g[r][min(c.Col-1, len(g[r])-1)]
			if c.Col > len(g[r]) || strings.TrimSpace(cell.Value) == "" {
				continue
			}
			if a, err := value.ParseAmount(cell.Value, c.Unit, 6); err == nil && a.Won%int64(to) == 0 {
				*cell = sheet.Cell{Value: strconv.FormatInt(a.Won/int64(to), 10), Type: sheet.TypeNumber}
			}
		}
	}
	from := tb.Unit
	for _, c := range tb.Columns {
		if c.Role == layout.RoleAmount && c.Unit != 0 {
			from = c.Unit
		}
	}
	for r := 0; r <= last && r < len(g); r++ {
		for c := range g[r] {
			if strings.Contains(g[r][c].Value, from.String()) {
				g[r][c].Value = strings.ReplaceAll(g[r][c].Value, from.String(), finer[from].String())
			}
		}
	}
}

// otherWords are header words of the same meaning, as other offices write them.
var otherWords = map[string]string{
	"사업명": "세부사업명", "공동협력사업명": "과제명", "세부사업명": "사업명",
	"추진율(%)": "진척률(%)", "진척도": "공정률", "진행률": "추진율",
	"추진현황": "추진경과", "추진실적": "주요실적", "향후계획": "향후 추진계획", "향후일정": "추진계획",
	"사업기간": "추진기간", "기간": "사업기간", "담당부서": "소관부서", "소관부서": "부서",
	"착수": "착수시기", "완료": "완료시기", "주관": "주관도시", "참여": "참여도시",
}

func (g grid) synonyms(head, last int) {
	for r := head; r <= last && r < len(g); r++ {
		for c := range g[r] {
			if w, ok := otherWords[strings.TrimSpace(g[r][c].Value)]; ok {
				g[r][c].Value = w
			}
		}
	}
}

var numbering = []string{"① ", "1. ", "(1) ", "가. "}

// number puts a number before each project's name.
func (g grid) number(tb *layout.Table, last int) {
	name := 0
	for _, c := range tb.Columns {
		if c.Role == layout.RoleName && c.Used {
			name = c.Col - 1
		}
	}
	n := 0
	for r := last + 1; r < len(g); r++ {
		if name >= len(g[r]) {
			continue
		}
		v := strings.TrimSpace(g[r][name].Value)
		if v == "" || strings.Contains(strings.ReplaceAll(v, " ", ""), "계") && len([]rune(v)) <= 4 {
			continue // blank, 소계, 합계
		}
		g[r][name].Value = numbering[n%len(numbering)] + v
		n++
	}
}

// spaced puts an empty row after every fifth row under the header and a
// footnote at the end.
func (g grid) spaced(last int) grid {
	out := append(grid{}, g[:last+1]...)
	for i, row := range g[last+1:] {
		out = append(out, row)
		if i%5 == 4 {
			out = append(out, nil)
		}
	}
	return append(out, nil, []sheet.Cell{{Value: "※ 사업비는 총사업비 기준이며, 추진율은 누적 기준임", Type: sheet.TypeString}})
}

// shuffledColumns is a reordering that keeps each block of amount columns
// together (a merged 사업비 header stays over its block).
func shuffledColumns(tb *layout.Table, width, seed int) []int {
	amount := map[int]bool{}
	for _, c := range tb.Columns {
		if c.Role == layout.RoleAmount {
			amount[c.Col-1] = true
		}
	}
	var units [][]int
	for c := 0; c < width; c++ {
		if amount[c] && c > 0 && amount[c-1] {
			units[len(units)-1] = append(units[len(units)-1], c)
			continue
		}
		units = append(units, []int{c})
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	rng.Shuffle(len(units), func(i, j int) { units[i], units[j] = units[j], units[i] })
	var order []int
	for _, u := range units {
		order = append(order, u...)
	}
	return order
}

// writeBook writes g as a workbook whose table sheet is named sheetName,
// after a cover sheet giving the as-of date when cover is set, and second
// (when there is one) on a sheet of its own after it.
func (g grid) writeBook(t *testing.T, path, sheetName string, cover bool, when string, second grid) {
	t.Helper()
	tmp := path + ".plain.xlsx"
	g.writeXLSX(t, tmp)
	f, err := excelize.OpenFile(tmp)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g.mergeContinued(t, f, "Sheet1")
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		t.Fatal(err)
	}
	if second != nil {
		second.writeSheet(t, f, sheetName+" 2")
	}
	if cover {
		if _, err := f.NewSheet("표지"); err != nil {
			t.Fatal(err)
		}
		f.SetCellValue("표지", "A1", "해오름동맹 공동협력사업 추진현황 제출")
		f.SetCellValue("표지", "A3", officialDay(when)+" 기준")
		f.MoveSheet("표지", sheetName)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// officialDay writes 2026-10-31 as 2026. 10. 31.
func officialDay(d string) string {
	y, m, day := d[:4], strings.TrimLeft(d[5:7], "0"), strings.TrimLeft(d[8:10], "0")
	return y + ". " + m + ". " + day + "."
}

// firstDifference names what differs between two register views.
func firstDifference(got, want string) string {
	var a, b struct {
		P []map[string]any
		C []string
	}
	json.Unmarshal([]byte(got), &a)
	json.Unmarshal([]byte(want), &b)
	var out []string
	for i := range min(len(a.P), len(b.P)) {
		for k, v := range b.P[i] {
			if fmt.Sprint(a.P[i][k]) != fmt.Sprint(v) {
				out = append(out, fmt.Sprintf("%v %s: got %v want %v", b.P[i]["Code"], k, a.P[i][k], v))
			}
		}
	}
	if fmt.Sprint(a.C) != fmt.Sprint(b.C) {
		out = append(out, fmt.Sprintf("conflicts got %v want %v", a.C, b.C))
	}
	if len(out) > 4 {
		out = append(out[:4], fmt.Sprintf("… %d more", len(out)-4))
	}
	return strings.Join(out, "; ")
}
