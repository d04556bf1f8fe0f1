package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

const fontName = "맑은 고딕"

// Number formats. Amounts are 백만원; whole ones show as #,##0 and the
// rare amount with won below a million keeps its digits visible, so a cell
// never shows a different number than it holds.
const (
	fmtAmount     = `#,##0;[Red]"△"#,##0;"-"`
	fmtAmountFrac = `#,##0.0#####;[Red]"△"#,##0.0#####;"-"`
	fmtProgress   = `0.0`
	fmtCount      = `#,##0`
)

// styles are the workbook's cell styles, made once per file.
type styles struct {
	title, note, noteRight, section, header                      int
	text, wrap, center, amount, amountFrac, progress, count      int
	subLabel, subText, subAmount, subAmountFrac, subProgress     int
	subCount                                                     int
	totLabel, totText, totAmount, totAmountFrac, totProgress     int
	totCount                                                     int
	inText, inWrap, inCenter, inAmount, inAmountFrac, inProgress int // unlocked (templates)
	inNote, para                                                 int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold}
	}
	fill := func(color string) excelize.Fill {
		if color == "" {
			return excelize.Fill{}
		}
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	add := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(st)
	}
	numFmt := func(code string) *string { return &code }
	left := &excelize.Alignment{Vertical: "center"}
	wrapLeft := &excelize.Alignment{Vertical: "center", WrapText: true}
	centered := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	right := &excelize.Alignment{Horizontal: "right", Vertical: "center"}
	unlocked := &excelize.Protection{Locked: false}

	add(&s.title, &excelize.Style{Font: font(16, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&s.note, &excelize.Style{Font: font(10, false), Alignment: left})
	add(&s.noteRight, &excelize.Style{Font: font(10, false), Alignment: right})
	add(&s.section, &excelize.Style{Font: font(11, true), Alignment: left})
	add(&s.para, &excelize.Style{Font: font(10, false), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	add(&s.header, &excelize.Style{Font: font(10, true), Border: border, Fill: fill("DDE5F0"), Alignment: centered})

	body := func(bg string, bold bool) (txt, wr, ctr, amt, amtF, prog, cnt *excelize.Style) {
		mk := func(al *excelize.Alignment, code string) *excelize.Style {
			st := &excelize.Style{Font: font(10, bold), Border: border, Fill: fill(bg), Alignment: al}
			if code != "" {
				st.CustomNumFmt = numFmt(code)
			}
			return st
		}
		return mk(left, ""), mk(wrapLeft, ""), mk(centered, ""), mk(right, fmtAmount), mk(right, fmtAmountFrac),
			mk(&excelize.Alignment{Horizontal: "center", Vertical: "center"}, fmtProgress), mk(right, fmtCount)
	}
	t, w, c, a, af, p, n := body("", false)
	add(&s.text, t)
	add(&s.wrap, w)
	add(&s.center, c)
	add(&s.amount, a)
	add(&s.amountFrac, af)
	add(&s.progress, p)
	add(&s.count, n)
	t, _, c, a, af, p, n = body("F2F2F2", true)
	add(&s.subText, t)
	add(&s.subLabel, c)
	add(&s.subAmount, a)
	add(&s.subAmountFrac, af)
	add(&s.subProgress, p)
	add(&s.subCount, n)
	t, _, c, a, af, p, n = body("E4E4E4", true)
	add(&s.totText, t)
	add(&s.totLabel, c)
	add(&s.totAmount, a)
	add(&s.totAmountFrac, af)
	add(&s.totProgress, p)
	add(&s.totCount, n)
	t, w, c, a, af, p, _ = body("FFFFF2", false)
	for _, st := range []*excelize.Style{t, w, c, a, af, p} {
		st.Protection = unlocked
	}
	add(&s.inText, t)
	add(&s.inWrap, w)
	add(&s.inCenter, c)
	add(&s.inAmount, a)
	add(&s.inAmountFrac, af)
	add(&s.inProgress, p)
	add(&s.inNote, &excelize.Style{Font: font(10, false), Alignment: left, Protection: unlocked, Fill: fill("FFFFF2")})
	return s, err
}

// rowKind says which variant of a style a row uses.
type rowKind int

const (
	rowBody rowKind = iota
	rowSub
	rowTotal
	rowInput
)

// amountStyle is the amount style of a row kind, for whole 백만원 or not.
func (s *styles) amountStyle(k rowKind, whole bool) int {
	switch k {
	case rowSub:
		return pick(whole, s.subAmount, s.subAmountFrac)
	case rowTotal:
		return pick(whole, s.totAmount, s.totAmountFrac)
	case rowInput:
		return pick(whole, s.inAmount, s.inAmountFrac)
	}
	return pick(whole, s.amount, s.amountFrac)
}

func pick(cond bool, a, b int) int {
	if cond {
		return a
	}
	return b
}

// rowTap, when set, sees every row and merge a report writes: the
// benchmark records them to write the same cells with a bare StreamWriter.
type rowTap interface {
	row(sheet string, row int, values []any, height float64)
	merge(sheet, from, to string)
}

// sheetOut writes one sheet row by row through a StreamWriter.
type sheetOut struct {
	f    *excelize.File
	name string
	sw   *excelize.StreamWriter
	row  int // last row written
	tap  rowTap
}

func newSheetOut(f *excelize.File, name string, tap rowTap) (*sheetOut, error) {
	// The stream writes sheetPr when it starts: fit-to-page must be set before.
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	return &sheetOut{f: f, name: name, sw: sw, tap: tap}, nil
}

// put writes values as the next row; height 0 keeps the default height.
func (s *sheetOut) put(values []any, height float64) error {
	s.row++
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	if s.tap != nil {
		s.tap.row(s.name, s.row, values, height)
	}
	return s.sw.SetRow("A"+strconv.Itoa(s.row), values, opts...)
}

// skip leaves n empty rows.
func (s *sheetOut) skip(n int) { s.row += n }

func (s *sheetOut) merge(c1, r1, c2, r2 int) error {
	if s.tap != nil {
		s.tap.merge(s.name, cell(c1, r1), cell(c2, r2))
	}
	return s.sw.MergeCell(cell(c1, r1), cell(c2, r2))
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// quoteSheet quotes a sheet name for a formula or defined name.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// pageSetup is the office's print setup: A4 landscape, one page wide,
// print titles, header and footer with the as-of date and page numbers.
func pageSetup(f *excelize.File, sheet string, titleRows [2]int, asOf string) error {
	size, orient, one, zero := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true // for sheets written by a stream, newSheetOut has set it already
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	lr, tb, hf := 0.3, 0.6, 0.3
	center := true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &lr, Right: &lr, Top: &tb, Bottom: &tb,
		Header: &hf, Footer: &hf, Horizontally: &center}); err != nil {
		return err
	}
	header := "&L해오름동맹 공동협력사업&R" + sheet
	if asOf != "" {
		header = "&L해오름동맹 공동협력사업 (기준: " + officialDate(asOf) + ")&R" + sheet
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: header, OddFooter: "&C- &P / &N -"}); err != nil {
		return err
	}
	if titleRows[0] > 0 {
		return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("%s!$%d:$%d", quoteSheet(sheet), titleRows[0], titleRows[1])})
	}
	return nil
}
