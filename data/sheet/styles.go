package sheet

import (
	"encoding/xml"
	"io"
	"strings"
)

// maxStyles is above Excel's own ceiling of 64,000 cell formats, so only a
// hostile styles.xml reaches it (one once cost excelize 14 GB).
const maxStyles = 1 << 16

// readStyles returns the number format code of every cell format (cellXfs
// entry), indexed by the s attribute of cells. Built-in format ids are
// mapped to their codes; custom <numFmt> entries of the stylesheet's own
// <numFmts> override them. The <numFmt> inside a <dxf> (the formats of
// conditional formats, tables and pivots) is not a cell format: Excel
// writes ids there that clash with the cell formats' ids (a dxf's
// "0.0" under id 10 must not turn every 0.00% cell into 0.0).
func readStyles(p *pkg, part string) ([]string, error) {
	if part == "" || !p.has(part) {
		return nil, nil
	}
	rc, err := p.open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := newDecoder(rc, p.lim)
	custom := map[int]string{}
	var xfIDs []int // numFmtId per cellXfs entry, -1 when absent
	for {
		tok, err := d.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if e, ok := tok.(xml.StartElement); ok {
			switch e.Name.Local {
			case "numFmt":
				if !d.parentIs("numFmts", 2) {
					break
				}
				id, ok := xmlInt(e, "numFmtId")
				code, _ := attr(e, "formatCode")
				if strings.EqualFold(code, "General") {
					code = "" // LibreOffice writes General as a custom code
				}
				if ok {
					if len(custom) >= maxStyles {
						return nil, &limitError{what: limStyles, limit: maxStyles}
					}
					custom[id] = code
				}
			case "xf":
				// cellStyleXfs holds xf elements too; only cellXfs is what
				// a cell's s attribute indexes.
				if !d.parentIs("cellXfs", 2) {
					break
				}
				if len(xfIDs) >= maxStyles {
					return nil, &limitError{what: limStyles, limit: maxStyles}
				}
				id, ok := xmlInt(e, "numFmtId")
				if !ok {
					id = -1
				}
				xfIDs = append(xfIDs, id)
			}
		}
	}
	codes := make([]string, len(xfIDs))
	for i, id := range xfIDs {
		if code, ok := custom[id]; ok {
			codes[i] = code
		} else {
			codes[i] = builtinNumFmt[id]
		}
	}
	return codes, nil
}
