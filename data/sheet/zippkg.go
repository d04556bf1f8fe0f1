package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/haeoreum/register/data/msg"
)

// pkg is a zip opened under our limits. Every part is read through it so
// that no part inflates past MaxPartBytes and all of them together past
// MaxUnzipBytes, whatever the zip directory claims.
type pkg struct {
	parts    map[string]*zip.File // normalised name → entry
	lim      Limits
	inflated int64 // bytes actually inflated so far, all parts
}

// openPkg reads the zip directory and refuses it when the declared sizes
// are already over the limits: a bomb is refused before a byte is inflated.
func openPkg(data []byte, lim Limits, where msg.Where) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		// No central directory: a download cut short, or not a zip after all.
		return nil, newErr(ErrDamaged, where, err)
	}
	p := &pkg{parts: make(map[string]*zip.File, len(zr.File)), lim: lim}
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		if declared > uint64(lim.MaxUnzipBytes) {
			return nil, (&limitError{what: limUnzipSize, limit: lim.MaxUnzipBytes, bytes: true}).toMsg(where)
		}
		name := partName(f.Name)
		if _, dup := p.parts[name]; dup && !strings.HasSuffix(name, "/") {
			// Readers disagree on which copy counts (archive/zip lookups
			// find the first, excelize keeps the last, POI refuses): no
			// reading of such a file is the one its writer meant.
			return nil, newErr(ErrDamaged, where, fmt.Errorf("zip holds two entries named %q", f.Name))
		}
		p.parts[name] = f
	}
	return p, nil
}

// partName normalises a part name for lookup: OPC part names are
// case-insensitive, and some writers use backslashes or a leading slash.
func partName(s string) string {
	s = strings.ReplaceAll(s, `\`, "/")
	return strings.ToLower(strings.TrimPrefix(s, "/"))
}

func (p *pkg) has(name string) bool { _, ok := p.parts[partName(name)]; return ok }

// hasUnder reports whether any part lies in folder dir ("xl/").
func (p *pkg) hasUnder(dir string) bool {
	for name := range p.parts {
		if strings.HasPrefix(name, dir) {
			return true
		}
	}
	return false
}

// open returns a reader for one part, or errNoPart. The reader fails with a
// *limitError as soon as the part or the package inflates past its limit.
func (p *pkg) open(name string) (io.ReadCloser, error) {
	f, ok := p.parts[partName(name)]
	if !ok {
		return nil, errNoPart
	}
	if f.UncompressedSize64 > uint64(p.lim.MaxPartBytes) {
		return nil, &limitError{what: limPartSize, limit: p.lim.MaxPartBytes, bytes: true}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &cappedReader{rc: rc, p: p, left: p.lim.MaxPartBytes}, nil
}

// readAll reads a small part whole (workbook.xml, the rels, a mimetype).
func (p *pkg) readAll(name string) ([]byte, error) {
	rc, err := p.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

var errNoPart = errors.New("part not in package")

// cappedReader counts what is really inflated. archive/zip already stops at
// the declared size, but declared sizes are the attacker's to choose; this
// cap holds whatever the directory says.
type cappedReader struct {
	rc   io.ReadCloser
	p    *pkg
	left int64 // bytes this part may still inflate
}

func (r *cappedReader) Read(b []byte) (int, error) {
	if r.left <= 0 {
		// One more byte would cross the limit: find out whether there is one.
		var one [1]byte
		if n, _ := r.rc.Read(one[:]); n > 0 {
			return 0, &limitError{what: limPartSize, limit: r.p.lim.MaxPartBytes, bytes: true}
		}
		return 0, io.EOF
	}
	if int64(len(b)) > r.left {
		b = b[:r.left]
	}
	n, err := r.rc.Read(b)
	r.left -= int64(n)
	r.p.inflated += int64(n)
	if r.p.inflated > r.p.lim.MaxUnzipBytes {
		return n, &limitError{what: limUnzipSize, limit: r.p.lim.MaxUnzipBytes, bytes: true}
	}
	return n, err
}

func (r *cappedReader) Close() error { return r.rc.Close() }
