package sheet

import (
	"encoding/xml"
	"io"
)

// maxSharedStrings bounds the table: each entry costs a string header even
// when empty, so `<si/>` repeated through a 256 MiB part would otherwise
// cost gigabytes.
const maxSharedStrings = 1 << 22

// readSharedStrings reads xl/sharedStrings.xml into a table indexed by the
// numbers cells with t="s" carry. An absent part is an empty table.
func readSharedStrings(p *pkg, part string) ([]string, error) {
	if part == "" || !p.has(part) {
		return nil, nil
	}
	rc, err := p.open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := newDecoder(rc, p.lim)
	var (
		table []string
		buf   []byte
	)
	for {
		tok, err := d.next()
		if err == io.EOF {
			return table, nil
		}
		if err != nil {
			return nil, err
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "sst":
			// Trust the count only as a hint, and only up to a modest size.
			if n, ok := xmlInt(e, "uniqueCount"); ok {
				table = make([]string, 0, min(n, 1<<16))
			}
		case "si", "sstItem": // sstItem: the Office 2007 beta's name for si
			if len(table) >= maxSharedStrings {
				return nil, &limitError{what: limSharedStrings, limit: maxSharedStrings}
			}
			if buf, err = readRichText(d, buf); err != nil {
				return nil, err
			}
			table = append(table, unescapeOOXML(string(buf)))
		}
	}
}
