package sheet

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/haeoreum/register/data/msg"
)

// Open reads the file at path. The file's content decides how it is read;
// its extension is not looked at. Folders, devices and pipes are refused
// before they are opened: opening a pipe waits for a writer, and a device
// such as /dev/zero never ends.
func Open(path string, opt Options) (*Workbook, error) {
	name := filepath.Base(path)
	lim := opt.Limits.withDefaults()
	where := msg.Where{File: name}
	st, err := os.Stat(path)
	if err != nil {
		return nil, newErr(ErrCannotRead, where, err)
	}
	if err := checkFile(st, lim, where); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, newErr(ErrCannotRead, where, err)
	}
	defer f.Close()
	// The name may have been swapped for something else since Stat.
	if st, err := f.Stat(); err == nil {
		if err := checkFile(st, lim, where); err != nil {
			return nil, err
		}
	}
	// Read one byte past the limit so a file that grows while we read is
	// still refused.
	data, err := io.ReadAll(io.LimitReader(f, lim.MaxFileBytes+1))
	if err != nil {
		return nil, newErr(ErrCannotRead, where, err)
	}
	return OpenBytes(name, data, opt)
}

// checkFile refuses what is not an ordinary file, and a file over the size
// limit, from its metadata alone (a 3 GiB file costs nothing to refuse).
func checkFile(st os.FileInfo, lim Limits, where msg.Where) error {
	switch {
	case st.IsDir():
		return newErr(ErrFolder, where, fmt.Errorf("%s is a directory", st.Name()))
	case !st.Mode().IsRegular():
		return newErr(ErrNotFile, where, fmt.Errorf("file mode %s", st.Mode()))
	case st.Size() > lim.MaxFileBytes:
		return (&limitError{what: limFileSize, limit: lim.MaxFileBytes, bytes: true}).toMsg(where)
	}
	return nil
}

// OpenBytes reads a file already in memory; name is the file name shown in
// messages (its base name is used).
func OpenBytes(name string, data []byte, opt Options) (wb *Workbook, err error) {
	name = filepath.Base(name)
	where := msg.Where{File: name}
	// Malformed input has panicked every spreadsheet library at some point;
	// whatever slips through our checks becomes "damaged", never a crash.
	defer func() {
		if r := recover(); r != nil {
			wb, err = nil, newErr(ErrDamaged, where, fmt.Errorf("panic: %v", r))
		}
	}()
	lim := opt.Limits.withDefaults()
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, (&limitError{what: limFileSize, limit: lim.MaxFileBytes, bytes: true}).toMsg(where)
	}
	wb, err = open(name, data, opt.Password, lim)
	if err != nil {
		return nil, asUserError(err, where)
	}
	if wb.empty() {
		return nil, newErr(ErrEmptyWorkbook, where, nil)
	}
	sum := sha256.Sum256(data)
	wb.SHA256 = hex.EncodeToString(sum[:])
	return wb, nil
}

// open dispatches on the sniffed kind of data.
func open(name string, data []byte, password string, lim Limits) (*Workbook, error) {
	where := msg.Where{File: name}
	switch sniff(data) {
	case kindOLE:
		switch {
		case isHWP(data):
			return nil, newErr(ErrHWP, where, nil)
		case !isEncryptedOOXML(data):
			return nil, newErr(ErrLegacyXLS, where, nil)
		}
		plain, err := decryptPackage(data, password, where)
		if err != nil {
			return nil, err
		}
		return openZip(name, plain, lim)
	case kindBIFF:
		return nil, &msg.Error{Where: where, ID: idOldBIFF, Args: []any{biffVersion(data)}}
	case kindHWP:
		return nil, newErr(ErrHWP, where, nil)
	case kindLockFile:
		return nil, lockFileError(name, data)
	case kindZip:
		return openZip(name, data, lim)
	case kindMarkup:
		return openHTML(name, data, lim)
	case kindText:
		return openCSV(name, data, lim)
	default:
		return nil, newErr(ErrNotSpreadsheet, where, nil)
	}
}

// asUserError makes sure whatever leaves the package is a *msg.Error naming
// the file: limit errors that travelled up through encoding/xml or
// archive/zip become ErrTooLarge, anything unknown becomes ErrDamaged.
func asUserError(err error, where msg.Where) error {
	var le *limitError
	var me *msg.Error
	switch {
	case errors.As(err, &me):
		if me.Where.File == "" {
			me.Where.File = where.File
		}
		if errors.As(me.Err, &le) && me.ID != idTooLarge {
			return le.toMsg(me.Where)
		}
		return me
	case errors.As(err, &le):
		return le.toMsg(where)
	default:
		return newErr(ErrDamaged, where, err)
	}
}

// empty reports whether no sheet holds a single value or formula.
func (wb *Workbook) empty() bool {
	for _, s := range wb.Sheets {
		if len(s.Rows) > 0 {
			return false
		}
	}
	return true
}

// FileSHA256 is the hash of the file at path as Workbook.SHA256 gives it,
// for a file that is not (or cannot be) opened as a workbook.
func FileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
