package sheet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/haeoreum/register/data/msg"
)

// sheetRef is one sheet as listed in workbook.xml, with its part resolved.
type sheetRef struct {
	name   string
	hidden bool
	part   string    // the worksheet part; "" when there is none to read
	skip   sheetKind // why part is "", when it is
	rid    string    // r:id as written, for the messages' causes
}

// sheetKind says why a listed sheet has no worksheet part to read.
type sheetKind int

const (
	sheetGrid     sheetKind = iota // a worksheet: read it
	sheetNoGrid                    // a chart or dialog sheet: nothing to read, nothing to say
	sheetMacro                     // an Excel 4.0 macro sheet: not read, and the caller is told
	sheetUnlinked                  // no r:id, or one the rels do not have: not read, and told
)

// sheetPart resolves a sheet's r:id through the workbook's relationships.
func sheetPart(rid string, rels map[string]rel, dir string) (string, sheetKind) {
	r, ok := rels[rid]
	switch {
	case rid == "" || !ok:
		return "", sheetUnlinked
	case strings.HasSuffix(r.typ, "/worksheet"):
		return resolvePart(dir, r.target), sheetGrid
	case strings.HasSuffix(r.typ, "/xlMacrosheet"), strings.HasSuffix(r.typ, "/xlIntlMacrosheet"):
		return "", sheetMacro
	case strings.HasSuffix(r.typ, "/chartsheet"), strings.HasSuffix(r.typ, "/dialogsheet"):
		return "", sheetNoGrid
	}
	return "", sheetUnlinked
}

// workbookInfo is what workbook.xml and its rels say.
type workbookInfo struct {
	date1904      bool
	sheets        []sheetRef
	sharedStrings string // part names, "" when absent
	styles        string
}

// mainPart finds the workbook part: the officeDocument relationship of the
// package, or the customary xl/workbook.xml (or .bin, for xlsb).
func mainPart(p *pkg) string {
	if data, err := p.readAll("_rels/.rels"); err == nil {
		for _, r := range parseRels(data, p.lim) {
			if strings.HasSuffix(r.typ, "/officeDocument") && p.has(resolvePart("", r.target)) {
				return resolvePart("", r.target)
			}
		}
	}
	if !p.has("xl/workbook.xml") && p.has("xl/workbook.bin") {
		return "xl/workbook.bin"
	}
	return "xl/workbook.xml"
}

// readWorkbook reads the sheet list, their parts and the 1904 flag.
func readWorkbook(p *pkg, part string, where msg.Where) (*workbookInfo, error) {
	data, err := p.readAll(part)
	if err != nil {
		return nil, err
	}
	relData, err := p.readAll(relsPartOf(part))
	if err != nil && !errors.Is(err, errNoPart) {
		return nil, err
	}
	dir := path.Dir(part)
	rels := map[string]rel{} // rId → relationship
	info := &workbookInfo{}
	for _, r := range parseRels(relData, p.lim) {
		rels[r.id] = r
		t := resolvePart(dir, r.target)
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			info.sharedStrings = t
		case strings.HasSuffix(r.typ, "/styles"):
			info.styles = t
		}
	}
	// Writers that skip the rels for these two still use the usual names.
	if info.sharedStrings == "" && p.has(path.Join(dir, "sharedStrings.xml")) {
		info.sharedStrings = path.Join(dir, "sharedStrings.xml")
	}
	if info.styles == "" && p.has(path.Join(dir, "styles.xml")) {
		info.styles = path.Join(dir, "styles.xml")
	}

	d := newDecoder(bytes.NewReader(data), p.lim)
	for {
		tok, err := d.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, newErr(ErrDamaged, where, inPart(part, err))
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if len(d.open) == 1 && e.Name.Local != "workbook" {
			// The package's main document is a text document or a
			// presentation: an Office file, but not a spreadsheet.
			return nil, newErr(ErrNotSpreadsheet, where, fmt.Errorf("main part is <%s>", e.Name.Local))
		}
		switch e.Name.Local {
		case "workbookPr":
			v, _ := attr(e, "date1904")
			info.date1904 = xmlBool(v)
		case "sheet":
			name, _ := attr(e, "name")
			state, _ := attr(e, "state")
			rid, _ := attr(e, "id") // r:id; matched on the local name
			part, kind := sheetPart(rid, rels, dir)
			info.sheets = append(info.sheets, sheetRef{
				name:   name,
				hidden: state == "hidden" || state == "veryHidden",
				part:   part, skip: kind, rid: rid,
			})
		}
	}
	if len(info.sheets) == 0 {
		// Excel cannot save a workbook without a sheet: this one is broken.
		return nil, newErr(ErrDamaged, where, errors.New("workbook lists no sheets"))
	}
	return info, nil
}

type rel struct{ id, typ, target string }

// parseRels reads a .rels part leniently: a broken rels file means missing
// relationships, which the caller reports where it needs one.
func parseRels(data []byte, lim Limits) []rel {
	var out []rel
	d := newDecoder(bytes.NewReader(data), lim)
	for {
		tok, err := d.next()
		if err != nil {
			return out
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			mode, _ := attr(e, "TargetMode")
			if mode == "External" {
				continue
			}
			var r rel
			r.id, _ = attr(e, "Id")
			r.typ, _ = attr(e, "Type")
			r.target, _ = attr(e, "Target")
			out = append(out, r)
		}
	}
}

// resolvePart turns a relationship target into a part name: absolute
// targets ("/xl/worksheets/sheet1.xml") from the package root, relative ones
// from the source part's folder.
func resolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, target)), "/")
}
