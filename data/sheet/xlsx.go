package sheet

import (
	"errors"
	"fmt"
	"path"
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
		switch {
		case strings.Contains(string(mt), "opendocument.spreadsheet"):
			return nil, newErr(ErrODS, where, nil)
		case strings.Contains(string(mt), "hwp+zip"):
			return nil, newErr(ErrHWP, where, nil) // .hwpx
		}
		return nil, newErr(ErrNotSpreadsheet, where, nil)
	case p.hasUnder("xl/"):
		// Worksheets without the workbook that lists them: an xlsx that
		// lost parts, not some other kind of file.
		return nil, newErr(ErrDamaged, where, fmt.Errorf("workbook part %s missing", main))
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
		return nil, asUserError(inPart(info.sharedStrings, err), where)
	}
	xfCodes, err := readStyles(p, info.styles)
	if err != nil {
		return nil, asUserError(inPart(info.styles, err), where)
	}
	wb := &Workbook{File: name, Format: "xlsx", Date1904: info.date1904}
	budget := lim.MaxCells
	var tooLarge, unlinked []*msg.Error // sheets left out, for when nothing else is left
	for _, ref := range info.sheets {
		sw := msg.Where{File: name, Sheet: ref.name}
		switch ref.skip {
		case sheetNoGrid:
			continue // a chart or dialog sheet: no cells to miss
		case sheetMacro:
			wb.Warnings = append(wb.Warnings, &msg.Error{Where: sw, ID: idSheetMacro})
			continue
		case sheetUnlinked:
			w := &msg.Error{Where: sw, ID: idSheetUnlinked, Err: fmt.Errorf("sheet %q has r:id %q, which %s does not list", ref.name, ref.rid, relsPartOf(main))}
			wb.Warnings, unlinked = append(wb.Warnings, w), append(unlinked, w)
			continue
		}
		before := budget
		sh, err := readSheet(p, ref, sst, xfCodes, lim, &budget, sw)
		if refusal := sheetTooLarge(err); refusal != nil {
			// Limits are the sheet's own: a huge sheet the register does
			// not need must not cost the table beside it.
			budget = before
			w := &msg.Error{Where: refusal.Where, ID: idSheetTooLarge, Args: refusal.Args, Err: refusal.Err}
			wb.Warnings, tooLarge = append(wb.Warnings, w), append(tooLarge, refusal)
			continue
		}
		if err != nil {
			return nil, err
		}
		wb.Sheets = append(wb.Sheets, sh)
	}
	if wb.empty() {
		switch {
		case len(tooLarge) > 0:
			return nil, tooLarge[0]
		case len(unlinked) > 0:
			return nil, newErr(ErrDamaged, where, fmt.Errorf("the workbook's parts are not linked: %w", unlinked[0].Err))
		}
	}
	return wb, nil
}

// sheetTooLarge returns the refusal when err is a worksheet's own limit
// (rows, columns, cells, one part's size or elements), which leaves out
// that sheet only; nil for any other error, and for the whole package's
// unzipped size.
func sheetTooLarge(err error) *msg.Error {
	var me *msg.Error
	var le *limitError
	if !errors.As(err, &me) || me.ID != idTooLarge || !errors.As(err, &le) || le.what == limUnzipSize {
		return nil
	}
	return me
}

// inPart prefixes a cause with the part it came from, so the details of
// "damaged" say where ("xl/styles.xml: XML syntax error on line 3 …").
func inPart(part string, err error) error {
	return fmt.Errorf("%s: %w", part, err)
}

// relsPartOf names the relationships part of a part, for causes.
func relsPartOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}
