package sheet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/haeoreum/register/data/msg"
)

// maxMerges bounds a sheet's merged ranges (32 bytes each); real sheets
// have tens.
const maxMerges = 1 << 20

// sheetReader streams one worksheet part into a Sheet in a single pass:
// columns, rows with their cells, merges. Memory is the grid itself plus
// one row of scratch.
type sheetReader struct {
	d       *xmlStream
	sst     []string
	xfCodes []string // number format code per cell format (s attribute)
	lim     Limits
	budget  *int // cells the workbook may still hold
	where   msg.Where
	part    string // the worksheet part, named in causes
	sh      *Sheet

	xfFmt    []uint16          // s → index into sh.Formats + 1; 0 = not looked up yet
	fmtIndex map[string]uint16 // code → index into sh.Formats

	row      []Cell            // the row being read
	slab     []Cell            // rows' cells are carved from here: few large allocations
	vbuf     []byte            // text of the <v> being read
	rich     []byte            // text of the <is> being read
	interned map[string]string // one copy of each short repeated value
	rowElems int
	lastRow  int
	sorted   bool
}

// readSheet reads the worksheet part of ref.
func readSheet(p *pkg, ref sheetRef, sst, xfCodes []string, lim Limits, budget *int, where msg.Where) (*Sheet, error) {
	rc, err := p.open(ref.part)
	if errors.Is(err, errNoPart) {
		return nil, newErr(ErrDamaged, where, fmt.Errorf("worksheet part %q missing", ref.part))
	}
	if err != nil {
		return nil, asUserError(err, where)
	}
	defer rc.Close()
	r := &sheetReader{
		d: newDecoder(rc, lim), sst: sst, xfCodes: xfCodes, lim: lim, budget: budget, where: where, part: ref.part,
		sh:       &Sheet{Name: ref.name, Hidden: ref.hidden, Formats: []string{""}},
		xfFmt:    make([]uint16, len(xfCodes)),
		fmtIndex: map[string]uint16{"": 0},
		sorted:   true,
	}
	if err := r.read(); err != nil {
		return nil, asUserError(err, where)
	}
	if !r.sorted {
		r.sh.Rows = sortRows(r.sh.Rows)
	}
	return r.sh, nil
}

// read walks the part. Only three top-level children matter: cols,
// sheetData and mergeCells; extLst and the rest may hold anything.
func (r *sheetReader) read() error {
	top := "" // the child of <worksheet> we are in
	for {
		tok, err := r.d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.damaged(err)
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch depth := len(r.d.open); {
		case depth == 2:
			top = e.Name.Local
		case depth != 3:
		case top == "sheetData" && e.Name.Local == "row":
			if err := r.readRow(e); err != nil {
				return err
			}
		case top == "cols" && e.Name.Local == "col":
			r.hideCols(e)
		case top == "mergeCells" && e.Name.Local == "mergeCell":
			if err := r.merge(e); err != nil {
				return err
			}
		}
	}
}

func (r *sheetReader) hideCols(e xml.StartElement) {
	v, _ := attr(e, "hidden")
	if !xmlBool(v) {
		return
	}
	lo, ok1 := xmlInt(e, "min")
	hi, ok2 := xmlInt(e, "max")
	if !ok1 || !ok2 || lo < 1 {
		return
	}
	// Columns past MaxCols hold no value we keep, so their flag is moot;
	// this also bounds the loop when max is absurd.
	for c := lo; c <= min(hi, r.lim.MaxCols); c++ {
		if r.sh.HiddenCols == nil {
			r.sh.HiddenCols = map[int]bool{}
		}
		r.sh.HiddenCols[c] = true
	}
}

func (r *sheetReader) merge(e xml.StartElement) error {
	ref, _ := attr(e, "ref")
	rg, ok := parseRange(strings.TrimSpace(ref))
	if !ok {
		// Excel drops such a merge when it repairs the file; so do we.
		return nil
	}
	if len(r.sh.Merges) >= maxMerges {
		return &limitError{what: limMerges, limit: maxMerges}
	}
	r.sh.Merges = append(r.sh.Merges, rg)
	return nil
}

// readRow reads one <row> whose start tag was just read, through its end tag.
func (r *sheetReader) readRow(e xml.StartElement) error {
	r.rowElems++
	if r.rowElems > r.lim.MaxRows {
		return &limitError{what: limRows, limit: int64(r.lim.MaxRows)}
	}
	num := r.lastRow + 1 // a row without r follows the previous one
	hidden := false
	for _, a := range e.Attr {
		switch a.Name.Local {
		case "r":
			n, err := strconv.Atoi(strings.TrimSpace(a.Value))
			if err != nil || n < 1 || n > excelMaxRows {
				return r.damaged(fmt.Errorf("bad row number %q", a.Value))
			}
			num = n
		case "hidden":
			hidden = xmlBool(a.Value)
		}
	}
	if num <= r.lastRow {
		r.sorted = false
	}
	r.lastRow = num

	r.row = r.row[:0]
	col, cellElems := 0, 0
	for {
		tok, err := r.d.next()
		if err != nil {
			return r.damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := r.d.skip(); err != nil {
					return r.damaged(err)
				}
				continue
			}
			if cellElems++; cellElems > excelMaxCols {
				return &limitError{what: limCols, limit: int64(r.lim.MaxCols)}
			}
			if col, err = r.readCell(t, num, col); err != nil {
				return err
			}
		case xml.EndElement:
			return r.endRow(num, hidden)
		}
	}
}

// endRow keeps the row if it holds anything, trimmed of trailing empties.
func (r *sheetReader) endRow(num int, hidden bool) error {
	n := len(r.row)
	for n > 0 && r.row[n-1].Empty() {
		n--
	}
	if n == 0 {
		return nil
	}
	if num > r.lim.MaxRows {
		return r.tooLargeAt(limRows, int64(r.lim.MaxRows), CellName(1, num))
	}
	if *r.budget -= n; *r.budget < 0 {
		return &limitError{what: limCells, limit: int64(r.lim.MaxCells)}
	}
	if len(r.slab) < n {
		r.slab = make([]Cell, max(n, 4096))
	}
	cells := r.slab[:n:n]
	r.slab = r.slab[n:]
	copy(cells, r.row[:n])
	r.sh.Rows = append(r.sh.Rows, Row{Num: num, Hidden: hidden, Cells: cells})
	return nil
}

// readCell reads one <c> whose start tag was just read, through its end
// tag, and places it in r.row. prev is the previous cell's column; a cell
// without r follows it. It returns the cell's column.
func (r *sheetReader) readCell(e xml.StartElement, rowNum, prev int) (int, error) {
	col, style, typ, ref := prev+1, 0, "", ""
	for _, a := range e.Attr {
		switch a.Name.Local {
		case "r":
			ref = a.Value
			c, _, ok := parseRef(strings.TrimSpace(a.Value))
			if !ok || c == 0 {
				return 0, r.damagedAt(a.Value, fmt.Errorf("bad cell reference %q", a.Value))
			}
			col = c
		case "s":
			s, err := strconv.Atoi(strings.TrimSpace(a.Value))
			if err == nil && s > 0 {
				style = s
			}
		case "t":
			typ = a.Value
		}
	}
	if col > excelMaxCols {
		return 0, r.damagedAt(CellName(excelMaxCols, rowNum), errors.New("cell past the last column"))
	}
	if ref == "" {
		ref = CellName(col, rowNum)
	}

	var formula, hasIS, inV, hasV bool
	r.vbuf = r.vbuf[:0]
	for depth := 1; depth > 0; {
		tok, err := r.d.next()
		if err != nil {
			return 0, r.damagedAt(ref, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case depth == 1 && t.Name.Local == "v":
				inV, hasV = true, true
				depth++
			case depth == 1 && t.Name.Local == "f":
				formula = true
				if err := r.d.skip(); err != nil {
					return 0, r.damagedAt(ref, err)
				}
			case depth == 1 && t.Name.Local == "is":
				hasIS = true
				if r.rich, err = readRichText(r.d, r.rich); err != nil {
					return 0, r.damagedAt(ref, err)
				}
			default:
				if err := r.d.skip(); err != nil {
					return 0, r.damagedAt(ref, err)
				}
			}
		case xml.EndElement:
			inV = false
			depth--
		case xml.CharData:
			if inV {
				r.vbuf = append(r.vbuf, t...)
			}
		}
	}

	c := Cell{Formula: formula}
	switch typ {
	case "s":
		c.Type = TypeString
		if len(r.vbuf) > 0 {
			i, err := strconv.Atoi(strings.TrimSpace(string(r.vbuf)))
			if err != nil || i < 0 || i >= len(r.sst) {
				return 0, r.damagedAt(ref, fmt.Errorf("shared string index %q of %d", r.vbuf, len(r.sst)))
			}
			c.Value = r.sst[i]
		}
	case "inlineStr":
		c.Type = TypeString
		if hasIS {
			c.Value = r.text(r.rich)
		} else {
			c.Value = string(r.vbuf)
		}
	case "str":
		c.Type, c.Value = TypeString, r.intern(r.vbuf)
	case "b":
		c.Type, c.Value = TypeBool, string(r.vbuf)
	case "e":
		c.Type, c.Value = TypeError, string(r.vbuf)
	case "d":
		c.Type, c.Value = TypeDate, string(r.vbuf)
	default: // "n", absent, or unknown: the stored text as it is
		c.Type, c.Value = TypeNumber, r.intern(r.vbuf)
	}
	if c.Value == "" && !(formula && hasV && c.Type == TypeString) {
		c.Type = 0 // but a formula whose stored result is empty text keeps TypeString
	}
	if c.Empty() {
		if col > r.lim.MaxCols || col > len(r.row) && style == 0 {
			return col, nil // nothing to keep: no value, no format, nothing after it yet
		}
	} else if col > r.lim.MaxCols {
		return 0, r.tooLargeAt(limCols, int64(r.lim.MaxCols), ref)
	}
	c.Fmt = r.fmtOf(style)
	for len(r.row) < col {
		r.row = append(r.row, Cell{})
	}
	r.row[col-1] = c
	return col, nil
}

// intern returns b as a string, sharing one copy of short values that
// repeat: a city sheet has thousands of "0", "계속", "포항" and year
// cells, and each would otherwise be its own allocation. The table stops
// growing at 16,384 entries so unique values cost only a lookup.
func (r *sheetReader) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > 64 {
		return string(b)
	}
	if s, ok := r.interned[string(b)]; ok { // no allocation for the lookup
		return s
	}
	s := string(b)
	if len(r.interned) < 1<<14 {
		if r.interned == nil {
			r.interned = map[string]string{}
		}
		r.interned[s] = s
	}
	return s
}

// text is intern for rich text, decoding Excel's _xHHHH_ escapes.
func (r *sheetReader) text(b []byte) string {
	if bytes.Contains(b, []byte("_x")) {
		return unescapeOOXML(string(b))
	}
	return r.intern(b)
}

// fmtOf maps a cell format (s) to the sheet's deduplicated format index.
// An s past the styles table reads as General, as Excel does.
func (r *sheetReader) fmtOf(s int) uint16 {
	if s <= 0 || s >= len(r.xfCodes) {
		return 0
	}
	if f := r.xfFmt[s]; f != 0 {
		return f - 1
	}
	code := r.xfCodes[s]
	idx, ok := r.fmtIndex[code]
	if !ok {
		idx = uint16(len(r.sh.Formats)) // < maxStyles+1 entries, fits
		r.sh.Formats = append(r.sh.Formats, code)
		r.fmtIndex[code] = idx
	}
	r.xfFmt[s] = idx + 1
	return idx
}

func (r *sheetReader) damaged(err error) error {
	return r.damagedAt("", err)
}

func (r *sheetReader) damagedAt(cell string, err error) error {
	var le *limitError
	if errors.As(err, &le) {
		return le
	}
	w := r.where
	w.Cell = cell
	return newErr(ErrDamaged, w, inPart(r.part, err))
}

func (r *sheetReader) tooLargeAt(what msg.ID, limit int64, cell string) error {
	w := r.where
	w.Cell = cell
	return (&limitError{what: what, limit: limit}).toMsg(w)
}

// sortRows puts rows written out of order back in order, merging rows that
// appear twice (later cells win, as they would when Excel repairs the file).
func sortRows(rows []Row) []Row {
	slices.SortStableFunc(rows, func(a, b Row) int { return a.Num - b.Num })
	out := rows[:0]
	for _, row := range rows {
		if n := len(out); n > 0 && out[n-1].Num == row.Num {
			prev := &out[n-1]
			merged := make([]Cell, max(len(prev.Cells), len(row.Cells)))
			copy(merged, prev.Cells)
			for i, c := range row.Cells {
				if !c.Empty() {
					merged[i] = c
				}
			}
			prev.Cells = merged
			prev.Hidden = prev.Hidden || row.Hidden
			continue
		}
		out = append(out, row)
	}
	return out
}
