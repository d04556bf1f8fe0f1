package sheet

import (
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/haeoreum/register/data/msg"
)

// openCSV reads a text file as one sheet named after the file.
func openCSV(name string, data []byte, lim Limits) (*Workbook, error) {
	where := msg.Where{File: name}
	text, enc, fault, ok := decodeText(data)
	if !ok {
		return nil, newErr(ErrNotSpreadsheet, where, nil)
	}
	if fault != nil {
		return nil, &msg.Error{Where: where, ID: fault.id, Args: fault.args}
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	if strings.HasPrefix(enc, "utf-16") && looksLikeMarkup([]byte(text[:min(len(text), 512)])) {
		return readHTML(name, text, enc, lim) // a page saved as "Unicode" (UTF-16)
	}
	sheetName := strings.TrimSuffix(name, filepath.Ext(name))
	where.Sheet = sheetName

	// Excel honours a first line "sep=;" naming the delimiter, and does not
	// show it; without one, the delimiter is guessed from the first lines.
	comma, hinted := sepHint(text)
	if hinted {
		_, text, _ = strings.Cut(text, "\n")
	} else {
		comma = guessDelimiter(text)
	}

	sh := &Sheet{Name: sheetName, Formats: []string{""}}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = comma, true, -1
	var (
		slab  []Cell
		extra int // lines taken by line breaks inside quoted fields so far
		left  = lim.MaxCells
	)
	for records := 0; ; records++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				where.Cell = CellName(1, pe.StartLine-extra)
			}
			return nil, newErr(ErrDamaged, where, err)
		}
		if records >= lim.MaxRows {
			return nil, (&limitError{what: limRows, limit: int64(lim.MaxRows)}).toMsg(where)
		}
		// Excel shows each record on one row and keeps blank lines as empty
		// rows, so the row number is the start line less the extra lines of
		// earlier multi-line cells.
		start, _ := r.FieldPos(0)
		num := start - extra
		last, _ := r.FieldPos(len(rec) - 1)
		extra += last - start + strings.Count(rec[len(rec)-1], "\n")

		n := len(rec)
		for n > 0 && rec[n-1] == "" {
			n--
		}
		if n == 0 {
			continue
		}
		if num > lim.MaxRows {
			return nil, (&limitError{what: limRows, limit: int64(lim.MaxRows)}).toMsg(where)
		}
		if n > lim.MaxCols {
			where.Cell = CellName(n, num)
			return nil, (&limitError{what: limCols, limit: int64(lim.MaxCols)}).toMsg(where)
		}
		if left -= n; left < 0 {
			return nil, (&limitError{what: limCells, limit: int64(lim.MaxCells)}).toMsg(where)
		}
		if len(slab) < n {
			slab = make([]Cell, max(n, 4096))
		}
		cells := slab[:n:n]
		slab = slab[n:]
		for i, v := range rec[:n] {
			cells[i].Value = v
			if v != "" {
				cells[i].Type = TypeString
			}
		}
		sh.Rows = append(sh.Rows, Row{Num: num, Cells: cells})
	}
	return &Workbook{File: name, Format: "csv", Encoding: enc, Sheets: []*Sheet{sh}}, nil
}

// sepHint reads Excel's "sep=X" first line.
func sepHint(text string) (rune, bool) {
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimRight(line, "\r")
	if len(line) == 5 && strings.EqualFold(line[:4], "sep=") {
		return rune(line[4]), validDelimiter(rune(line[4]))
	}
	return 0, false
}

func validDelimiter(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && r != 0xFFFD
}

// guessDelimiter picks the candidate that splits the most of the first
// lines into the same number (above one) of fields. Title lines above the
// table have one field under every candidate, so they do not vote. Equal
// votes go to the wider split, then to the comma.
func guessDelimiter(text string) rune {
	sample := text[:min(len(text), 64<<10)]
	best, bestVotes, bestFields := ',', 0, 0
	for _, cand := range []rune{',', ';', '\t'} {
		r := csv.NewReader(strings.NewReader(sample))
		r.Comma, r.LazyQuotes, r.FieldsPerRecord, r.ReuseRecord = cand, true, -1, true
		counts := map[int]int{}
		for range 50 {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if len(rec) > 1 {
				counts[len(rec)]++
			}
		}
		for fields, votes := range counts {
			if votes > bestVotes || votes == bestVotes && fields > bestFields {
				best, bestVotes, bestFields = cand, votes, fields
			}
		}
	}
	return best
}
