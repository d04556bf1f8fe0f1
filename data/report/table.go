package report

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/haeoreum/register/data/model"
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
}

// tableInfo says where a written table's parts are.
type tableInfo struct {
	headerRows   [2]int
	firstData    int
	lastData     int // last project or blank input row (before 합계)
	totalRow     int
	lastCol      int
	subtotalRows []int
	groupRows    [][2]int // first and last project row of each group
	sums         []model.Budget
	total        model.Budget
	colOf        map[string]int // header → column
}

const (
	headerRow1 = 3
	headerRow2 = 4
	firstRow   = 5
)

// fitWidths sizes every column to its header and contents within bounds.
func fitWidths(spec *tableSpec) {
	var grand int64
	for _, g := range spec.groups {
		for _, p := range g.projects {
			grand += abs64(p.Budget.Total) + abs64(p.Budget.National) + abs64(p.Budget.Private)
		}
	}
	for i := range spec.cols {
		c := &spec.cols[i]
		w := max(textWidth(c.head)*0.6, textWidth(c.sub)) + 2
		if c.sub == "" {
			w = max(w, min(textWidth(c.head)+2, 10))
		}
		switch c.kind {
		case kAmount:
			w = max(w, textWidth(millionsText(grand))+3)
		case kProgress:
			w = max(w, 7)
		case kSeq:
			w = max(w, textWidth(strconv.Itoa(countProjects(spec.groups)))+3)
		default:
			if c.text != nil {
				for _, g := range spec.groups {
					for _, p := range sample(g.projects) {
						if lw := maxLineWidth(c.text(p)) + 2; lw > w {
							w = lw
							if w >= c.maxW && c.maxW > 0 {
								break
							}
						}
					}
				}
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

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// writeTable writes a project table: title, as-of and unit lines, the
// two-row header, the projects by field, 소계 and 합계 rows with SUM
// formulas carrying their values.
func writeTable(s *sheetOut, st *styles, spec *tableSpec) (tableInfo, error) {
	info := tableInfo{headerRows: [2]int{headerRow1, headerRow2}, lastCol: len(spec.cols), colOf: map[string]int{}}
	fitWidths(spec)
	for i, c := range spec.cols {
		if err := s.sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return info, err
		}
		key := c.head
		if c.sub != "" {
			key = c.sub
		}
		info.colOf[key] = i + 1
	}
	if err := s.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: spec.freezeCols, YSplit: headerRow2,
		TopLeftCell: cell(spec.freezeCols+1, firstRow), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cell(spec.freezeCols+1, firstRow), ActiveCell: cell(spec.freezeCols+1, firstRow), Pane: "bottomRight"}}}); err != nil {
		return info, err
	}
	n := len(spec.cols)
	pc := n
	if spec.printCols > 0 && spec.printCols < n {
		pc = spec.printCols
	}
	row := make([]any, n)
	clear := func() {
		for i := range row {
			row[i] = nil
		}
	}
	// Title, as-of and unit lines.
	clear()
	row[0] = excelize.Cell{StyleID: st.title, Value: spec.title}
	if err := s.put(row[:1], 32); err != nil {
		return info, err
	}
	if err := s.merge(1, 1, pc, 1); err != nil {
		return info, err
	}
	clear()
	asOfStyle := st.note
	if spec.asOfInput {
		asOfStyle = st.inNote
	}
	row[0] = excelize.Cell{StyleID: asOfStyle, Value: spec.asOfLine}
	if spec.note != "" && n > 4 {
		row[3] = excelize.Cell{StyleID: st.note, Value: spec.note}
	}
	row[pc-1] = excelize.Cell{StyleID: st.noteRight, Value: "(단위: 백만원)"}
	if err := s.put(row, 20); err != nil {
		return info, err
	}
	if spec.asOfInput {
		if err := s.merge(1, 2, 3, 2); err != nil {
			return info, err
		}
	}
	// Two-row header.
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
		return info, err
	}
	if err := s.put(lower, 22); err != nil {
		return info, err
	}
	for i := 0; i < n; i++ {
		c := spec.cols[i]
		if c.sub == "" {
			if err := s.merge(i+1, headerRow1, i+1, headerRow2); err != nil {
				return info, err
			}
			continue
		}
		j := i
		for j+1 < n && spec.cols[j+1].sub != "" && spec.cols[j+1].head == c.head {
			j++
		}
		if j > i {
			if err := s.merge(i+1, headerRow1, j+1, headerRow1); err != nil {
				return info, err
			}
		}
		i = j
	}

	// Where the label of a 소계/합계 row goes: over the columns before the first amount.
	labelEnd := 1
	for i, c := range spec.cols {
		if c.kind == kAmount {
			labelEnd = i
			break
		}
	}
	kind := rowBody
	if spec.input {
		kind = rowInput
	}
	textStyle := func(c column) int {
		switch {
		case spec.input && c.kind == kWrap:
			return st.inWrap
		case spec.input && (c.kind == kCenter || c.kind == kSeq):
			return st.inCenter
		case spec.input:
			return st.inText
		case c.kind == kWrap:
			return st.wrap
		case c.kind == kCenter || c.kind == kSeq:
			return st.center
		}
		return st.text
	}
	progressStyle := pick(spec.input, st.inProgress, st.progress)
	// Project rows reuse one set of cells: SetRow takes *Cell without boxing a copy.
	cells := make([]excelize.Cell, n)
	prow := make([]any, n)
	for i := range cells {
		prow[i] = &cells[i]
	}
	info.firstData = s.row + 1
	seq := 0
	var allProgress []float64
	for _, g := range spec.groups {
		first := s.row + 1
		var sum model.Budget
		var progress []float64
		for _, p := range g.projects {
			seq++
			lines := 1
			for i, c := range spec.cols {
				cl := &cells[i]
				cl.Formula = ""
				switch c.kind {
				case kSeq:
					cl.StyleID, cl.Value = textStyle(c), seq
				case kAmount:
					won := p.Budget.Get(c.tier)
					cl.StyleID, cl.Value = st.amountStyle(kind, won), millions(won)
				case kProgress:
					cl.StyleID, cl.Value = progressStyle, nil
					if p.Progress != nil {
						cl.Value = *p.Progress
					}
				default:
					cl.StyleID, cl.Value = textStyle(c), nil
					v := c.text(p)
					if v == "" {
						continue
					}
					cl.Value = v
					if c.kind == kWrap || c.kind == kCenter {
						lines = max(lines, lineCount(v, c.width))
					}
				}
			}
			if err := s.put(prow, rowHeight(lines)); err != nil {
				return info, err
			}
			sum.Add(p.Budget)
			if p.Progress != nil {
				progress = append(progress, *p.Progress)
			}
		}
		last := s.row
		info.groupRows = append(info.groupRows, [2]int{first, last})
		info.sums = append(info.sums, sum)
		info.total.Add(sum)
		allProgress = append(allProgress, progress...)
		if !spec.totals {
			continue
		}
		label := g.field + " 소계"
		if g.field == "" {
			label = "분야 없음 소계"
		}
		if err := putTotalRow(s, st, spec, rowSub, label, labelEnd, sum, average(progress), func(col int) string {
			return "SUM(" + colName(col) + strconv.Itoa(first) + ":" + colName(col) + strconv.Itoa(last) + ")"
		}); err != nil {
			return info, err
		}
		info.subtotalRows = append(info.subtotalRows, s.row)
	}
	if spec.input {
		clear()
		for i, c := range spec.cols {
			switch c.kind {
			case kAmount:
				row[i] = excelize.Cell{StyleID: st.inAmount}
			case kProgress:
				row[i] = excelize.Cell{StyleID: st.inProgress}
			default:
				row[i] = excelize.Cell{StyleID: textStyle(c)}
			}
		}
		for k := 0; k < spec.blankRows; k++ {
			if err := s.put(row, rowHeight(1)); err != nil {
				return info, err
			}
		}
	}
	info.lastData = s.row
	if spec.totals && len(info.subtotalRows) > 0 {
		subs := info.subtotalRows
		if err := putTotalRow(s, st, spec, rowTotal, "합계", labelEnd, info.total, average(allProgress), func(col int) string {
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

// putTotalRow writes a 소계 or 합계 row: the label merged over the leading
// columns, each amount a formula with its value.
func putTotalRow(s *sheetOut, st *styles, spec *tableSpec, kind rowKind, label string, labelEnd int,
	sum model.Budget, avg *float64, formula func(col int) string) error {
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
			won := sum.Get(c.tier)
			row[i] = excelize.Cell{StyleID: st.amountStyle(kind, won), Formula: formula(i + 1), Value: millions(won)}
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

func rowHeight(lines int) float64 { return float64(max(lines, 1))*13.5 + 5 }

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
