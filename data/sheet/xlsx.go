package sheet

import (
	"strings"

	"github.com/haeoreum/register/data/msg"
)

// openZip tells an xlsx from the other zips people send as spreadsheets
// and reads it.
func openZip(name string, data []byte, lim Limits) (*Workbook, error) {
	where := msg.Where{File: name}
	p, err := openPkg(data, lim, where)
	if err != nil {
		return nil, err
	}
	main := mainPart(p)
	switch {
	case strings.HasSuffix(main, ".bin"):
		return nil, newErr(ErrXLSB, where, nil)
	case p.has(main):
		// Read below; a main part that is not a <workbook> (a .docx, a
		// .pptx) is refused there.
	case p.has("mimetype"):
		mt, _ := p.readAll("mimetype")
		if strings.Contains(string(mt), "opendocument.spreadsheet") {
			return nil, newErr(ErrODS, where, nil)
		}
		return nil, newErr(ErrNotSpreadsheet, where, nil)
	default:
		return nil, newErr(ErrNotSpreadsheet, where, nil)
	}
	return readXLSX(name, p, main, lim)
}

// readXLSX reads the workbook, the shared tables, then each worksheet in
// workbook order.
func readXLSX(name string, p *pkg, main string, lim Limits) (*Workbook, error) {
	where := msg.Where{File: name}
	info, err := readWorkbook(p, main, where)
	if err != nil {
		return nil, asUserError(err, where)
	}
	sst, err := readSharedStrings(p, info.sharedStrings)
	if err != nil {
		return nil, asUserError(err, where)
	}
	xfCodes, err := readStyles(p, info.styles)
	if err != nil {
		return nil, asUserError(err, where)
	}
	wb := &Workbook{File: name, Format: "xlsx", Date1904: info.date1904}
	budget := lim.MaxCells
	for _, ref := range info.sheets {
		if ref.part == "" {
			continue // a chart or dialog sheet: no grid
		}
		sw := msg.Where{File: name, Sheet: ref.name}
		sh, err := readSheet(p, ref, sst, xfCodes, lim, &budget, sw)
		if err != nil {
			return nil, err
		}
		wb.Sheets = append(wb.Sheets, sh)
	}
	return wb, nil
}
