package report

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/sheet"
)

// SaveOptions steer Export and ExportTemplate.
type SaveOptions struct {
	// Force replaces an existing file (never one in Protected).
	Force bool
	// Protected holds the SHA-256 sums (hex) of files that must never be
	// overwritten: the files imported into the register (see Protected).
	Protected []string
}

// Protected returns the SHA-256 sums of every file imported into the
// register, so that a report is never written over a city's original.
func Protected(ctx context.Context, reg *register.Register) ([]string, error) {
	bs, err := reg.Batches(ctx, 1<<30)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, b := range bs {
		if b.Kind == register.KindImport && b.SHA256 != "" {
			out = append(out, b.SHA256)
		}
	}
	return out, nil
}

// Export writes the report to path safely: into a temporary file in the
// same folder, reopened and checked, synced, then renamed into place.
func Export(path string, d Data, o SaveOptions) error {
	return save(path, o, SheetNames(), func(w io.Writer) error { return Write(w, d) })
}

// Save writes a workbook another package built to path, with the same care
// as the report (a checked temporary file, never over an imported original
// without Force); sheets are the sheets it must hold.
func Save(path string, o SaveOptions, sheets []string, write func(io.Writer) error) error {
	return save(path, o, sheets, write)
}

// save writes a workbook to path through a checked temporary file.
func save(path string, o SaveOptions, sheets []string, write func(io.Writer) error) (err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return msg.Wrap(err, msg.Where{File: path}, msgWrite, path, err)
	}
	base, dir := filepath.Base(abs), filepath.Dir(abs)
	where := msg.Where{File: base}
	if !strings.EqualFold(filepath.Ext(base), ".xlsx") {
		return msg.Errorf(where, msgNotXLSX, base)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return msg.Errorf(where, msgNoFolder, dir)
	}
	if lock, ok := excelLock(dir, base); ok {
		return msg.Errorf(where, msgLocked, base, lock)
	}
	if st, statErr := os.Stat(abs); statErr == nil {
		if st.IsDir() {
			return msg.Errorf(where, msgWrite, base, "폴더입니다 / is a folder")
		}
		if len(o.Protected) > 0 {
			if sum, err := sheet.FileSHA256(abs); err == nil && slices.Contains(o.Protected, sum) {
				return msg.Errorf(where, msgImported, base)
			}
		}
		if !o.Force {
			return msg.Errorf(where, msgExists, base)
		}
	}
	removeStaleTemps(dir, time.Now())
	tmp, err := os.CreateTemp(dir, tempPrefix+strings.TrimSuffix(base, filepath.Ext(base))+".*"+tempSuffix)
	if err != nil {
		return msg.Wrap(err, where, msgWrite, base, err)
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if err := write(tmp); err != nil {
		var me *msg.Error
		if errors.As(err, &me) {
			if me.Where.File == "" {
				me.Where.File = base
			}
			return err
		}
		return msg.Wrap(err, where, msgWrite, base, err)
	}
	if err := tmp.Sync(); err != nil {
		return msg.Wrap(err, where, msgWrite, base, err)
	}
	if err := tmp.Close(); err != nil {
		return msg.Wrap(err, where, msgWrite, base, err)
	}
	if err := verify(tmpName, sheets); err != nil {
		return msg.Wrap(err, where, msgVerify, err)
	}
	if !o.Force {
		if _, err := os.Stat(abs); err == nil { // appeared meanwhile
			return msg.Errorf(where, msgExists, base)
		}
	}
	if err := os.Rename(tmpName, abs); err != nil {
		if lock, ok := excelLock(dir, base); ok {
			return msg.Wrap(err, where, msgLocked, base, lock)
		}
		return msg.Wrap(err, where, msgReplace, base, err)
	}
	syncDir(dir)
	return nil
}

// Temporary files are named ".~report.123456789.tmp": os.CreateTemp puts
// random digits where the pattern has its "*".
const (
	tempPrefix = ".~"
	tempSuffix = ".tmp"
	// staleAfter is how long a temporary file must have been left alone
	// before it counts as a killed export's: a running export writes it
	// continuously and renames it seconds after its last write.
	staleAfter = 2 * time.Minute
)

// removeStaleTemps deletes what killed exports left in dir: files of our
// own temporary pattern not written for staleAfter. Nothing else is
// touched, and a file that cannot be removed (held open) is left.
func removeStaleTemps(dir string, now time.Time) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !e.Type().IsRegular() || !isOurTemp(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) < staleAfter {
			continue
		}
		_ = os.Remove(filepath.Join(dir, e.Name()))
	}
}

// isOurTemp reports whether name has our temporary pattern: ".~", a stem,
// ".", digits only, ".tmp".
func isOurTemp(name string) bool {
	rest, ok := strings.CutPrefix(name, tempPrefix)
	if !ok {
		return false
	}
	rest, ok = strings.CutSuffix(rest, tempSuffix)
	if !ok {
		return false
	}
	dot := strings.LastIndexByte(rest, '.')
	if dot <= 0 || dot == len(rest)-1 {
		return false
	}
	for _, r := range rest[dot+1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// excelLock finds the owner file Excel keeps beside an open workbook:
// "~$" before the name, or over its first two characters for long names.
func excelLock(dir, base string) (string, bool) {
	cands := []string{"~$" + base}
	if utf8.RuneCountInString(base) > 2 {
		_, a := utf8.DecodeRuneInString(base)
		_, b := utf8.DecodeRuneInString(base[a:])
		cands = append(cands, "~$"+base[a+b:])
	}
	for _, c := range cands {
		if _, err := os.Lstat(filepath.Join(dir, c)); err == nil {
			return c, true
		}
	}
	return "", false
}

// verify reopens a written workbook and checks it: every part of the zip
// reads back whole (its checksum is checked as it is read) and the workbook
// lists the sheets we wrote. Reading parts as a stream keeps this cheap for
// a 100,000-project report, where reopening with excelize held the file and
// its parts in memory.
func verify(path string, sheets []string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	var got []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if f.Name == "xl/workbook.xml" {
			got, err = workbookSheets(rc)
		} else {
			_, err = io.Copy(io.Discard, rc)
		}
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	if !slices.Equal(got, sheets) {
		return fmt.Errorf("sheets %v, want %v", got, sheets)
	}
	return nil
}

// workbookSheets reads the sheet names of xl/workbook.xml in order.
func workbookSheets(r io.Reader) ([]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.NewDecoder(r).Decode(&wb); err != nil {
		return nil, err
	}
	names := make([]string, len(wb.Sheets))
	for i, s := range wb.Sheets {
		names[i] = s.Name
	}
	return names, nil
}

// syncDir makes the rename durable where the system allows it.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
