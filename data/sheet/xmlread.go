package sheet

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// xmlStream reads OOXML parts token by token. Elements are matched on
// Name.Local only, so a prefix (Hancom's x:) or the Strict OOXML namespace
// changes nothing. Go's decoder expands no entities beyond the five
// predefined ones, so XXE and billion-laughs parts fail as syntax errors.
//
// It uses RawToken, which skips namespace translation and allocates about
// a third less than Token on a large sheet, and checks the nesting itself:
// a mismatched or missing end tag is damage, as Token would say.
//
// It also counts elements: a small zip can inflate to a 256 MiB part of
// nothing but "<a/>", which takes seconds to tokenise and is never a cell.
// The budget lets through any part a sheet within the cell limit can have.
type xmlStream struct {
	d     *xml.Decoder
	open  []xml.Name // elements started and not yet ended
	left  int        // elements this part may still start
	limit int
}

func newDecoder(r io.Reader, lim Limits) *xmlStream {
	d := xml.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	d.CharsetReader = charsetReader
	n := lim.maxElements()
	return &xmlStream{d: d, left: n, limit: n}
}

// maxElements is the element budget of one part: a cell with a value and a
// formula is three elements (c, v, f), an inline string four, with room
// for the rest of the sheet.
func (l Limits) maxElements() int { return 4*l.MaxCells + 1<<20 }

// next returns the next token. io.EOF comes only after the root element
// has closed; a part cut off inside an element gives io.ErrUnexpectedEOF.
// CharData is valid until the following call.
func (s *xmlStream) next() (xml.Token, error) {
	tok, err := s.d.RawToken()
	if err != nil {
		if err == io.EOF && len(s.open) > 0 {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if s.left--; s.left < 0 {
			return nil, &limitError{what: limElements, limit: int64(s.limit)}
		}
		s.open = append(s.open, t.Name)
	case xml.EndElement:
		n := len(s.open)
		if n == 0 || s.open[n-1] != t.Name {
			line, _ := s.d.InputPos()
			return nil, &xml.SyntaxError{Msg: "unexpected end element </" + t.Name.Local + ">", Line: line}
		}
		s.open = s.open[:n-1]
	}
	return tok, nil
}

// parentIs reports whether the element just started sits directly in an
// element named local at depth (the root is depth 1).
func (s *xmlStream) parentIs(local string, depth int) bool {
	n := len(s.open)
	return n == depth+1 && s.open[n-2].Local == local
}

// skip consumes the rest of the element whose start was just read.
func (s *xmlStream) skip() error {
	for depth := len(s.open) - 1; len(s.open) > depth; {
		if _, err := s.next(); err != nil {
			return err
		}
	}
	return nil
}

// charsetReader accepts parts declared in another encoding (seen from old
// generators); the decoder itself only knows UTF-8.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("xml encoding %q: %w", label, err)
	}
	return enc.NewDecoder().Reader(in), nil
}

// attr returns the value of the attribute with local name local. Namespace
// declarations (xmlns, xmlns:x) are never matched.
func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && a.Name.Space != "xmlns" {
			return a.Value, true
		}
	}
	return "", false
}

// xmlBool reads an xsd:boolean ("1", "true"; anything else is false).
func xmlBool(s string) bool {
	s = strings.TrimSpace(s)
	return s == "1" || strings.EqualFold(s, "true")
}

// xmlInt reads a non-negative integer attribute; ok is false when it is
// missing, negative or not a number.
func xmlInt(e xml.StartElement, local string) (int, bool) {
	v, found := attr(e, local)
	if !found {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// readRichText reads the text of a string item (<si> or <is>) whose start
// was just read: a plain <t>, or the <t> of each rich-text run <r>. Phonetic
// runs (<rPh>, furigana-style readings) are not part of the value.
func readRichText(d *xmlStream, buf []byte) ([]byte, error) {
	buf = buf[:0]
	depth := 1
	inT := false
	for depth > 0 {
		tok, err := d.next()
		if err != nil {
			return buf, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "rPh", "phoneticPr":
				if err := d.skip(); err != nil {
					return buf, err
				}
				continue
			case "t":
				inT = true
			}
			depth++
		case xml.EndElement:
			if t.Name.Local == "t" {
				inT = false
			}
			depth--
		case xml.CharData:
			if inT {
				buf = append(buf, t...)
			}
		}
	}
	return buf, nil
}

// unescapeOOXML decodes the _xHHHH_ escapes Excel uses for characters XML
// cannot carry (control characters such as _x000D_), and _x005F_ for a
// literal underscore, as excelize and Excel do.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil && isHex4(s[i+2:i+6]) {
				// A lone surrogate is no character; excelize drops it too.
				if r := rune(v); r < 0xD800 || r > 0xDFFF {
					b.WriteRune(r)
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isHex4(s string) bool {
	for i := range len(s) {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
