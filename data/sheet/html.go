package sheet

import (
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/haeoreum/register/data/msg"
	"golang.org/x/net/html"
)

// Korean government systems hand out their "엑셀 다운로드" as an HTML table
// named .xls, which Excel opens as a sheet. openHTML reads it the way Excel
// shows it: one sheet named after the file, each <tr> a row, each <td> or
// <th> a cell placed past the cells that rowspans above cover, colspans and
// rowspans as merges, and text outside tables (a title above the table) as
// a row of one cell. Values are text, as in a CSV: the page holds what was
// displayed ("75,000", "38.5%"), not stored numbers.
//
// It streams tokens (golang.org/x/net/html's tokenizer, not its parser):
// a DOM of a 64 MiB page would cost gigabytes, and the tokenizer copes with
// the fragments these systems write (a page that starts at <tr>, cells
// never closed).
func openHTML(name string, data []byte, lim Limits) (*Workbook, error) {
	where := msg.Where{File: name}
	text, enc, fault, ok := decodeText(data)
	if !ok {
		return nil, newErr(ErrMarkup, where, nil)
	}
	if fault != nil {
		return nil, &msg.Error{Where: where, ID: fault.id, Args: fault.args}
	}
	return readHTML(name, text, enc, lim)
}

// readHTML reads the decoded text of a page.
func readHTML(name, text, enc string, lim Limits) (*Workbook, error) {
	where := msg.Where{File: name}
	sheetName := strings.TrimSuffix(name, filepath.Ext(name))
	where.Sheet = sheetName
	r := &htmlReader{lim: lim, where: where, left: lim.MaxCells,
		sh: &Sheet{Name: sheetName, Formats: []string{""}}, covered: map[int]int{}}
	if err := r.read(text); err != nil {
		return nil, err
	}
	if !r.sawCell {
		// A page with no table: a saved web page or an XML file, not a sheet.
		return nil, newErr(ErrMarkup, msg.Where{File: name}, errors.New("no table cells in the markup"))
	}
	return &Workbook{File: name, Format: "html", Encoding: enc, Sheets: []*Sheet{r.sh}}, nil
}

// htmlReader builds the sheet of one page.
type htmlReader struct {
	lim   Limits
	where msg.Where
	sh    *Sheet
	left  int // cells the sheet may still hold

	rowNum   int              // rows so far, kept or not (the next row is rowNum+1)
	rowElems int              // <tr> elements so far
	row      []string         // the cells of the row being read; nil outside a row
	inRow    bool             // a <tr> of the outer table is open
	cell     *strings.Builder // the cell being read, or nil
	cellCol  int              // its column
	loose    strings.Builder  // text outside any table
	covered  map[int]int      // column → rows a rowspan above still covers
	tables   int              // depth of open <table> elements
	skip     string           // the raw-text element (style, script, title) being skipped
	caption  bool             // inside a <caption>
	sawCell  bool
}

// read walks the tokens of text.
func (r *htmlReader) read(text string) error {
	z := html.NewTokenizer(strings.NewReader(text))
	z.SetMaxBuf(16 << 20) // one token (a cell's text) up to 16 MiB
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return newErr(ErrDamaged, r.where, err)
			}
			return r.endTable(true)
		case html.TextToken:
			r.text(string(z.Text()))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := html.Token{Data: string(name)}
			for hasAttr && (tag.Data == "td" || tag.Data == "th") { // only cells need attributes
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				tag.Attr = append(tag.Attr, html.Attribute{Key: string(key), Val: string(val)})
			}
			if err := r.start(tag, tt == html.SelfClosingTagToken); err != nil {
				return err
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if err := r.end(string(name)); err != nil {
				return err
			}
		}
	}
}

func (r *htmlReader) text(s string) {
	switch {
	case r.skip != "":
	case r.cell != nil:
		r.cell.WriteString(s)
	case r.tables == 0 && !r.inRow, r.caption:
		r.loose.WriteString(s)
	}
}

// start handles a start tag. Nested tables are read as text of the cell
// they sit in, as Excel does.
func (r *htmlReader) start(tok html.Token, selfClosing bool) error {
	switch tok.Data {
	case "style", "script", "title", "textarea":
		// Raw text: the tokenizer gives it as one text token up to the end
		// tag. (Not <head>, whose end tag pages leave out.)
		if !selfClosing {
			r.skip = tok.Data
		}
	case "caption":
		r.caption = true // the table's title, kept as a row above it
	case "br":
		r.text(brMark)
	case "table":
		r.tables++
		if r.tables == 1 {
			return r.flushLoose()
		}
	case "tr":
		if r.tables <= 1 {
			return r.startRow()
		}
	case "td", "th":
		if r.tables <= 1 {
			return r.startCell(tok)
		}
		r.text(" ")
	case "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "body", "center":
		return r.block()
	}
	return nil
}

// block marks a block element's edge: outside tables it ends a line of
// loose text; inside a cell it parts words ("<p>1,200</p><p>(국비)</p>"
// is "1,200 (국비)", not "1,200(국비)").
func (r *htmlReader) block() error {
	if r.tables == 0 && !r.inRow {
		return r.flushLoose()
	}
	r.text(" ")
	return nil
}

func (r *htmlReader) end(tag string) error {
	if r.skip != "" {
		if tag == r.skip {
			r.skip = ""
		}
		return nil
	}
	switch tag {
	case "caption":
		r.caption = false
		return r.flushLoose()
	case "td", "th":
		if r.tables <= 1 {
			return r.endCell()
		}
	case "tr":
		if r.tables <= 1 {
			return r.endRow()
		}
	case "table":
		if r.tables == 1 {
			if err := r.endTable(false); err != nil {
				return err
			}
		}
		r.tables = max(r.tables-1, 0)
	case "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "body", "center":
		return r.block()
	}
	return nil
}

// flushLoose keeps text outside tables (a title line) as a row.
func (r *htmlReader) flushLoose() error {
	s := cleanCellText(r.loose.String())
	r.loose.Reset()
	if s == "" {
		return nil
	}
	r.row = []string{s}
	return r.keepRow()
}

func (r *htmlReader) startRow() error {
	// Every <tr> counts, kept or empty, as every <row> of a worksheet
	// does: 16 million empty rows are no table, only work.
	if r.rowElems++; r.rowElems > r.lim.MaxRows {
		return (&limitError{what: limRows, limit: int64(r.lim.MaxRows)}).toMsg(r.where)
	}
	if r.inRow {
		if err := r.endRow(); err != nil { // an unclosed <tr>
			return err
		}
	}
	if err := r.flushLoose(); err != nil {
		return err
	}
	r.inRow, r.row = true, r.row[:0]
	return nil
}

// startCell opens a cell at the first column no rowspan covers, and marks
// what its spans cover.
func (r *htmlReader) startCell(tok html.Token) error {
	if r.cell != nil {
		if err := r.endCell(); err != nil { // an unclosed <td>
			return err
		}
	}
	if !r.inRow { // a <td> with no <tr>: Excel starts a row
		if err := r.startRow(); err != nil {
			return err
		}
	}
	col := len(r.row) + 1
	for r.covered[col] > 0 {
		r.row = append(r.row, "")
		col++
	}
	cols, rows := span(tok, "colspan", excelMaxCols), span(tok, "rowspan", excelMaxRows)
	if col > r.lim.MaxCols {
		return r.tooLarge(limCols, int64(r.lim.MaxCols), CellName(min(col, excelMaxCols), r.rowNum+1))
	}
	if cols > 1 || rows > 1 {
		if len(r.sh.Merges) >= maxMerges {
			return (&limitError{what: limMerges, limit: maxMerges}).toMsg(r.where)
		}
		last := min(col+cols-1, excelMaxCols)
		r.sh.Merges = append(r.sh.Merges, Range{FromCol: col, FromRow: r.rowNum + 1, ToCol: last, ToRow: min(r.rowNum+rows, excelMaxRows)})
	}
	if rows > 1 {
		for c := col; c < col+cols && c <= r.lim.MaxCols; c++ {
			r.covered[c] = max(r.covered[c], rows) // counted down as rows end
		}
	}
	r.row = append(r.row, "")
	for i := 1; i < cols && len(r.row) < r.lim.MaxCols; i++ {
		r.row = append(r.row, "") // the merged cells to the right
	}
	r.cell = &strings.Builder{}
	r.cellCol = col
	r.sawCell = true
	return nil
}

// span reads colspan or rowspan: 1 when absent or not a positive number.
func span(tok html.Token, key string, most int) int {
	for _, a := range tok.Attr {
		if a.Key == key {
			n, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err == nil && n > 1 {
				return min(n, most)
			}
		}
	}
	return 1
}

func (r *htmlReader) endCell() error {
	if r.cell == nil {
		return nil
	}
	r.row[r.cellCol-1] = cleanCellText(r.cell.String())
	r.cell = nil
	return nil
}

// endRow keeps the row and counts down the rowspans that covered it.
func (r *htmlReader) endRow() error {
	if !r.inRow {
		return nil
	}
	if err := r.endCell(); err != nil {
		return err
	}
	r.inRow = false
	for c, n := range r.covered {
		if n <= 1 {
			delete(r.covered, c)
		} else {
			r.covered[c] = n - 1
		}
	}
	return r.keepRow()
}

// endTable closes what the page left open; at the end of the page (eof)
// also the text after the last table.
func (r *htmlReader) endTable(eof bool) error {
	if err := r.endRow(); err != nil {
		return err
	}
	clear(r.covered)
	if eof {
		return r.flushLoose()
	}
	return nil
}

// keepRow adds r.row as the next row, trimmed of trailing empty cells;
// an empty row still takes its number, as a blank line does in a CSV.
func (r *htmlReader) keepRow() error {
	r.rowNum++
	n := len(r.row)
	for n > 0 && r.row[n-1] == "" {
		n--
	}
	if n == 0 {
		return nil
	}
	if r.rowNum > r.lim.MaxRows {
		return r.tooLarge(limRows, int64(r.lim.MaxRows), CellName(1, min(r.rowNum, excelMaxRows)))
	}
	if r.left -= n; r.left < 0 {
		return (&limitError{what: limCells, limit: int64(r.lim.MaxCells)}).toMsg(r.where)
	}
	cells := make([]Cell, n)
	for i, v := range r.row[:n] {
		cells[i].Value = v
		if v != "" {
			cells[i].Type = TypeString
		}
	}
	r.sh.Rows = append(r.sh.Rows, Row{Num: r.rowNum, Cells: cells})
	return nil
}

func (r *htmlReader) tooLarge(what msg.ID, limit int64, cell string) error {
	w := r.where
	w.Cell = cell
	return (&limitError{what: what, limit: limit}).toMsg(w)
}

// brMark stands for a <br> in gathered text until the text is cleaned. A
// NUL cannot come from the page: decodeText refuses text holding one.
const brMark = "\x00"

// cleanCellText collapses runs of blanks and line breaks of the source
// (HTML's own rule; a no-break space counts as a blank, as Excel reads it)
// but keeps the line breaks that <br> made.
func cleanCellText(s string) string {
	lines := strings.Split(s, brMark)
	for i, l := range lines {
		lines[i] = strings.Join(strings.FieldsFunc(l, isHTMLBlank), " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

func isHTMLBlank(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00A0'
}
