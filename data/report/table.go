package report

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/xuri/excelize/v2"
)

type colKind int

const (
	kText colKind = iota
	kWrap
	kCenter
	kAmount
	kProgress
	kSeq
)

// column is one column of a project table.
type column struct {
	head, sub  string // sub: the lower header under a group head ("" = one cell over both rows)
	kind       colKind
	minW, maxW float64
	tier       model.Tier
	text       func(p *model.Project) string
	width      float64
}

// group is a field's projects, in report order.
type group struct {
	field    string
	projects []*model.Project
}

// groupByField orders projects by the scheme's fields (then other fields
// by name, then projects without a field), keeping each group's order.
func groupByField(ps []*model.Project, fields []string) []group {
	idx := map[string]int{}
	var out []group
	for _, f := range fields {
		idx[f] = len(out)
		out = append(out, group{field: f})
	}
	var extra []string
	for _, p := range ps {
		if _, ok := idx[p.Field]; !ok {
			idx[p.Field] = -1 - len(extra)
			extra = append(extra, p.Field)
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i] != "" && (extra[j] == "" || extra[i] < extra[j]) })
	for _, f := range extra {
		idx[f] = len(out)
		out = append(out, group{field: f})
	}
	for _, p := range ps {
		g := &out[idx[p.Field]]
		g.projects = append(g.projects, p)
	}
	kept := out[:0]
	for _, g := range out {
		if len(g.projects) > 0 {
			kept = append(kept, g)
		}
	}
	return kept
}

// tableSpec describes a project table sheet.
type tableSpec struct {
	title      string
	asOfLine   string // "(기준: 2026. 10. 31.)"
	asOfInput  bool   // the as-of cell is for the city to fill (templates)
	note       string // an extra line beside the as-of line
	cols       []column
	groups     []group
	totals     bool // 소계 per field and a 합계 row, with formulas
	input      bool // template: data cells unlocked, no totals
	blankRows  int  // empty input rows after the projects
	freezeCols int
	printCols  int // columns printed (title and unit line span them); 0 = all
	// breakPerGroup starts each field on a new printed page.
	breakPerGroup bool
}

// tableInfo says where a written table's parts are.
type tableInfo struct {
	headerRows   [2]int
	firstData    int
	lastData     int // last project or blank input row (before 합계)
	totalRow     int
	lastCol      int
	printCols    int
	subtotalRows []int
	groupRows    [][2]int       // first and last project row of each group
	pageBreaks   []int          // rows that start a printed page
	colOf        map[string]int // header → column
}

const (
	headerRow1 = 3
	headerRow2 = 4
	firstRow   = 5
)

// groupPlan is one field's projects with their 소계.
type groupPlan struct {
	label    string // "경제·산업·해양 소계"
	projects []*model.Project
	sum      budgetSum
	progress *float64 // mean, nil when no project has one
}

// tablePlan is everything a project table shows that has to be computed:
// the column widths (set in spec.cols), the sums and averages, where the
// 소계 label goes and how many columns are printed. Rendering only reads it.
type tablePlan struct {
	groups     []groupPlan
	total      budgetSum
	progress   *float64
	labelEnd   int // a 소계/합계 label spans columns 1..labelEnd
	printCols  int // columns on the printed page
	hasAmounts bool
}

// planTable computes a table's sums, averages and column widths.
func planTable(spec *tableSpec) tablePlan {
	var pl tablePlan
	var widest amountExtent
	var allProgress []float64
	for _, g := range spec.groups {
		gp := groupPlan{label: g.field + " 소계", projects: g.projects}
		if g.field == "" {
			gp.label = "분야 없음 소계"
		}
		var progress []float64
		for _, p := range g.projects {
			gp.sum.add(p.Budget)
			widest.project(p.Budget)
			if p.Progress != nil {
				progress = append(progress, *p.Progress)
			}
		}
		gp.progress = average(progress)
		allProgress = append(allProgress, progress...)
		widest.sum(gp.sum)
		pl.total.addSum(gp.sum)
		pl.groups = append(pl.groups, gp)
	}
	widest.sum(pl.total)
	pl.progress = average(allProgress)
	pl.labelEnd = 1
	for i, c := range spec.cols {
		if c.kind == kAmount {
			pl.labelEnd, pl.hasAmounts = i, true
			break
		}
	}
	pl.printCols = len(spec.cols)
	if spec.printCols > 0 && spec.printCols < len(spec.cols) {
		pl.printCols = spec.printCols
	}
	fitWidths(spec, &widest)
	if !spec.input {
		fitPrintWidth(spec.cols[:pl.printCols])
	}
	return pl
}

// printWidth is how many column-width units fit across A4 landscape at
// 9 pt or more: LibreOffice prints a unit about 7 pt wide at full scale,
// and 798 pt of paper lie between the margins (TestLibreOfficePrintsReadably
// measures it). Excel's units are narrower, so it fits there too.
const printWidth = 122

// wrapFloor is the narrowest a wrapped text column gets to make room.
const wrapFloor = 5.5

// fitPrintWidth narrows the printed wrapped-text columns (사업명, 분야,
// narratives), widest first, when large amounts have made the printed
// columns wider than printWidth: more lines in a cell keep the page at a
// readable size, where fitting to width would shrink every letter.
func fitPrintWidth(cols []column) {
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	for total > printWidth {
		widest := -1
		for i, c := range cols {
			if c.kind == kWrap && c.width > wrapFloor && (widest < 0 || c.width > cols[widest].width) {
				widest = i
			}
		}
		if widest < 0 {
			return // nothing left to narrow: the page scales down
		}
		cut := min(0.5, cols[widest].width-wrapFloor)
		cols[widest].width -= cut
		total -= cut
	}
}

// amountExtent is, per tier, the largest amount a column shows, the most
// decimals any needs (won below a million) and whether any is negative.
type amountExtent struct {
	most     [6]float64 // |백만원|
	decimals [6]int
	minus    [6]bool
}

func (e *amountExtent) project(b model.Budget) {
	for i, t := range model.AllTiers {
		won := b.Get(t)
		e.note(i, millions(won), decimalsOf(won%1_000_000))
	}
}

func (e *amountExtent) sum(b budgetSum) {
	for i := range b {
		e.note(i, b[i].millions(), decimalsOf(b[i].belowMillion()))
	}
}

func (e *amountExtent) note(i int, m float64, decimals int) {
	e.most[i] = max(e.most[i], math.Abs(m))
	e.decimals[i] = max(e.decimals[i], decimals)
	e.minus[i] = e.minus[i] || m < 0
}

// decimalsOf is how many decimals of 백만원 won below a million take:
// 500,000 won is .5, 1,234 won .001234.
func decimalsOf(belowMillion int64) int {
	if belowMillion == 0 {
		return 0
	}
	d := 6
	for r := abs64(belowMillion); r%10 == 0; r /= 10 {
		d--
	}
	return d
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// width is how wide tier i's column must be for its largest amount:
// digits, thousands separators, △, decimals, and a margin.
func (e *amountExtent) width(i int) float64 {
	digits := len(strconv.FormatFloat(e.most[i], 'f', 0, 64))
	w := float64(digits) + float64((digits-1)/3)*0.5 + 1.5
	if e.minus[i] {
		w += 1.5
	}
	if e.decimals[i] > 0 {
		w += 0.5 + float64(e.decimals[i])
	}
	return w
}

// fitWidths sizes every column to its header and contents within bounds.
func fitWidths(spec *tableSpec, amounts *amountExtent) {
	for i := range spec.cols {
		c := &spec.cols[i]
		w := max(textWidth(c.head)*0.6, textWidth(c.sub)) + 1.5
		if c.sub == "" { // a head over both header rows may take two lines
			w = max(w, min(textWidth(c.head)/2+2, 10))
		}
		switch c.kind {
		case kAmount:
			w = max(w, amounts.width(tierIndex(c.tier)))
		case kProgress:
			w = max(w, 6)
		case kSeq:
			w = max(w, textWidth(strconv.Itoa(countProjects(spec.groups)))+3)
		default:
			if c.text != nil {
				w = max(w, widestText(c, spec.groups))
			}
		}
		if c.minW > 0 {
			w = max(w, c.minW)
		}
		if c.maxW > 0 {
			w = min(w, c.maxW)
		}
		c.width = math.Round(w*2) / 2
	}
}

// widestText is the width of a column's longest line, stopping at its
// maximum width.
func widestText(c *column, groups []group) float64 {
	w := 0.0
	for _, g := range groups {
		for _, p := range sample(g.projects) {
			w = max(w, maxLineWidth(c.text(p))+1.5)
			if c.maxW > 0 && w >= c.maxW {
				return w
			}
		}
	}
	return w
}

// fitSample is how many projects of a group column widths are fitted to;
// longer lists are sampled evenly (long texts wrap anyway).
const fitSample = 2000

func sample(ps []*model.Project) []*model.Project {
	if len(ps) <= fitSample {
		return ps
	}
	out := make([]*model.Project, 0, fitSample)
	step := float64(len(ps)) / fitSample
	for i := 0; i < fitSample; i++ {
		out = append(out, ps[int(float64(i)*step)])
	}
	return out
}

func countProjects(gs []group) int {
	n := 0
	for _, g := range gs {
		n += len(g.projects)
	}
	return n
}

// writeTable writes a project table: title, as-of and unit lines, the
// two-row header, the projects by field, 소계 and 합계 rows with SUM
// formulas carrying their values. With spec.breakPerGroup each field
// starts a printed page.
func writeTable(s *sheetOut, st *styles, spec *tableSpec) (tableInfo, error) {
	pl := planTable(spec)
	info := tableInfo{headerRows: [2]int{headerRow1, headerRow2}, lastCol: len(spec.cols), printCols: pl.printCols,
		colOf: map[string]int{}}
	if err := setTableColumns(s, spec, &info); err != nil {
		return info, err
	}
	if err := writeTableTitle(s, st, spec, pl); err != nil {
		return info, err
	}
	if err := writeTableHeader(s, st, spec); err != nil {
		return info, err
	}
	rw := newProjectRows(s, st, spec)
	info.firstData = s.row + 1
	for gi, g := range pl.groups {
		first := s.row + 1
		if spec.breakPerGroup && gi > 0 {
			info.pageBreaks = append(info.pageBreaks, first)
		}
		for _, p := range g.projects {
			if err := rw.write(p); err != nil {
				return info, err
			}
		}
		last := s.row
		info.groupRows = append(info.groupRows, [2]int{first, last})
		if !spec.totals {
			continue
		}
		if err := putTotalRow(s, st, spec, rowSub, g.label, pl.labelEnd, g.sum, g.progress, func(col int) string {
			return "SUM(" + colName(col) + strconv.Itoa(first) + ":" + colName(col) + strconv.Itoa(last) + ")"
		}); err != nil {
			return info, err
		}
		info.subtotalRows = append(info.subtotalRows, s.row)
	}
	if spec.input {
		if err := rw.blank(spec.blankRows); err != nil {
			return info, err
		}
	}
	info.lastData = s.row
	if spec.totals && len(info.subtotalRows) > 0 {
		subs := info.subtotalRows
		if err := putTotalRow(s, st, spec, rowTotal, "합계", pl.labelEnd, pl.total, pl.progress, func(col int) string {
			refs := make([]string, len(subs))
			for i, r := range subs {
				refs[i] = colName(col) + strconv.Itoa(r)
			}
			return sumOf(refs)
		}); err != nil {
			return info, err
		}
		info.totalRow = s.row
	}
	return info, nil
}

// setTableColumns sets the widths and the frozen panes, and notes which
// column holds which header.
func setTableColumns(s *sheetOut, spec *tableSpec, info *tableInfo) error {
	for i, c := range spec.cols {
		if err := s.sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
		key := c.head
		if c.sub != "" {
			key = c.sub
		}
		info.colOf[key] = i + 1
	}
	at := cell(spec.freezeCols+1, firstRow)
	return s.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: spec.freezeCols, YSplit: headerRow2,
		TopLeftCell: at, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: at, ActiveCell: at, Pane: "bottomRight"}}})
}

// writeTableTitle writes the title (over the printed columns), the as-of
// line with its note and, when the table has amounts, the unit.
func writeTableTitle(s *sheetOut, st *styles, spec *tableSpec, pl tablePlan) error {
	n, pc := len(spec.cols), pl.printCols
	if err := s.put([]any{excelize.Cell{StyleID: st.title, Value: spec.title}}, 32); err != nil {
		return err
	}
	if err := s.merge(1, 1, pc, 1); err != nil {
		return err
	}
	row := make([]any, n)
	asOfStyle := st.note
	if spec.asOfInput {
		asOfStyle = st.inNote
	}
	row[0] = excelize.Cell{StyleID: asOfStyle, Value: spec.asOfLine}
	if spec.note != "" && n > 4 {
		row[3] = excelize.Cell{StyleID: st.note, Value: spec.note}
	}
	if pl.hasAmounts {
		row[pc-1] = excelize.Cell{StyleID: st.noteRight, Value: "(단위: 백만원)"}
	}
	if err := s.put(row, 20); err != nil {
		return err
	}
	if spec.asOfInput {
		return s.merge(1, 2, 3, 2)
	}
	return nil
}

// writeTableHeader writes the two header rows: a group head (사업비) over
// its sub-heads, every other head merged over both rows.
func writeTableHeader(s *sheetOut, st *styles, spec *tableSpec) error {
	n := len(spec.cols)
	upper, lower := make([]any, n), make([]any, n)
	for i, c := range spec.cols {
		lower[i] = excelize.Cell{StyleID: st.header, Value: nilIfEmpty(c.sub)}
		if c.sub == "" || i == 0 || spec.cols[i-1].head != c.head {
			upper[i] = excelize.Cell{StyleID: st.header, Value: c.head}
		} else {
			upper[i] = excelize.Cell{StyleID: st.header}
		}
	}
	if err := s.put(upper, 22); err != nil {
		return err
	}
	if err := s.put(lower, 22); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		c := spec.cols[i]
		if c.sub == "" {
			if err := s.merge(i+1, headerRow1, i+1, headerRow2); err != nil {
				return err
			}
			continue
		}
		j := i
		for j+1 < n && spec.cols[j+1].sub != "" && spec.cols[j+1].head == c.head {
			j++
		}
		if j > i {
			if err := s.merge(i+1, headerRow1, j+1, headerRow1); err != nil {
				return err
			}
		}
		i = j
	}
	return nil
}

// projectRows writes project rows, reusing one set of cells: SetRow takes
// *Cell without boxing a copy.
type projectRows struct {
	s     *sheetOut
	st    *styles
	spec  *tableSpec
	kind  rowKind
	cells []excelize.Cell
	row   []any
	seq   int
}

func newProjectRows(s *sheetOut, st *styles, spec *tableSpec) *projectRows {
	r := &projectRows{s: s, st: st, spec: spec, kind: rowBody, cells: make([]excelize.Cell, len(spec.cols)), row: make([]any, len(spec.cols))}
	if spec.input {
		r.kind = rowInput
	}
	for i := range r.cells {
		r.row[i] = &r.cells[i]
	}
	return r
}

func (r *projectRows) textStyle(c column) int {
	st := r.st
	switch {
	case r.spec.input && c.kind == kWrap:
		return st.inWrap
	case r.spec.input && (c.kind == kCenter || c.kind == kSeq):
		return st.inCenter
	case r.spec.input:
		return st.inText
	case c.kind == kWrap:
		return st.wrap
	case c.kind == kCenter || c.kind == kSeq:
		return st.center
	}
	return st.text
}

// write writes one project's row; an error names the project and the field.
func (r *projectRows) write(p *model.Project) error {
	r.seq++
	lines := 1
	for i, c := range r.spec.cols {
		cl := &r.cells[i]
		cl.Formula = ""
		switch c.kind {
		case kSeq:
			cl.StyleID, cl.Value = r.textStyle(c), r.seq
		case kAmount:
			won := p.Budget.Get(c.tier)
			cl.StyleID, cl.Value = r.st.amountStyle(r.kind, wholeMillions(won)), millions(won)
		case kProgress:
			cl.StyleID, cl.Value = pick(r.spec.input, r.st.inProgress, r.st.progress), nil
			if p.Progress != nil {
				cl.Value = *p.Progress
			}
		default:
			cl.StyleID, cl.Value = r.textStyle(c), nil
			v := c.text(p)
			if v == "" {
				continue
			}
			if err := checkCellText(v, r.s.name, cell(i+1, r.s.row+1), p.Name, p.Code, columnLabel(c)); err != nil {
				return err
			}
			cl.Value = v
			if c.kind == kWrap || c.kind == kCenter {
				lines = max(lines, lineCount(v, c.width))
			}
		}
	}
	if err := r.s.put(r.row, rowHeight(lines)); err != nil {
		return msg.Wrap(err, msg.Where{Sheet: r.s.name, Cell: itoa(r.s.row) + "행"}, msgProjectRow, p.Name, p.Code, err)
	}
	return nil
}

// blank writes n empty input rows (templates).
func (r *projectRows) blank(n int) error {
	row := make([]any, len(r.spec.cols))
	for i, c := range r.spec.cols {
		switch c.kind {
		case kAmount:
			row[i] = excelize.Cell{StyleID: r.st.inAmount}
		case kProgress:
			row[i] = excelize.Cell{StyleID: r.st.inProgress}
		default:
			row[i] = excelize.Cell{StyleID: r.textStyle(c)}
		}
	}
	for k := 0; k < n; k++ {
		if err := r.s.put(row, rowHeight(1)); err != nil {
			return err
		}
	}
	return nil
}

// columnLabel is a column's header as the sheet shows it: "사업비 국비".
func columnLabel(c column) string {
	if c.sub != "" {
		return c.head + " " + c.sub
	}
	return c.head
}

// putTotalRow writes a 소계 or 합계 row: the label merged over the leading
// columns, each amount a formula with its value.
func putTotalRow(s *sheetOut, st *styles, spec *tableSpec, kind rowKind, label string, labelEnd int,
	sum budgetSum, avg *float64, formula func(col int) string) error {
	n := len(spec.cols)
	row := make([]any, n)
	textStyle, labelStyle, progStyle := st.subText, st.subLabel, st.subProgress
	if kind == rowTotal {
		textStyle, labelStyle, progStyle = st.totText, st.totLabel, st.totProgress
	}
	for i, c := range spec.cols {
		switch {
		case i == 0:
			row[i] = excelize.Cell{StyleID: labelStyle, Value: label}
		case c.kind == kAmount:
			won := sum.get(c.tier)
			row[i] = excelize.Cell{StyleID: st.amountStyle(kind, won.whole()), Formula: formula(i + 1), Value: won.millions()}
		case c.kind == kProgress && avg != nil:
			row[i] = excelize.Cell{StyleID: progStyle, Value: *avg}
		case i < labelEnd:
			row[i] = excelize.Cell{StyleID: labelStyle}
		default:
			row[i] = excelize.Cell{StyleID: textStyle}
		}
	}
	if err := s.put(row, rowHeight(1)); err != nil {
		return err
	}
	if labelEnd > 1 {
		return s.merge(1, s.row, labelEnd, s.row)
	}
	return nil
}

// sumOf is SUM over cell references, nested when there are more than a
// function takes.
func sumOf(refs []string) string {
	const most = 200
	if len(refs) <= most {
		return "SUM(" + strings.Join(refs, ",") + ")"
	}
	var parts []string
	for i := 0; i < len(refs); i += most {
		parts = append(parts, sumOf(refs[i:min(i+most, len(refs))]))
	}
	return sumOf(parts)
}

// average is the mean progress rounded to one decimal, nil when none.
func average(vs []float64) *float64 {
	if len(vs) == 0 {
		return nil
	}
	s := 0.0
	for _, v := range vs {
		s += v
	}
	a := math.Round(s/float64(len(vs))*10) / 10
	return &a
}

// maxRowHeight is the tallest row Excel allows (409 pt). A longer text
// still goes whole into its cell; the row shows what fits.
const maxRowHeight = excelize.MaxRowHeight

func rowHeight(lines int) float64 { return min(float64(max(lines, 1))*13.5+5, maxRowHeight) }

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
