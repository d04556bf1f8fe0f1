package reconcile

import (
	"context"

	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// FileOptions steer ImportFile.
type FileOptions struct {
	Options
	City      model.City            // the sending city, when the user named it
	Unit      value.Unit            // the amounts' unit, when an official named it
	AsOf      string                // the as-of date (YYYY-MM-DD), when an official named it
	Sheet     string                // the sheet to read, when an official chose it
	Columns   []layout.ColumnChoice // what single columns hold, as an official decided
	HeaderRow int                   // the header row an official named (1-based); 0: found
	Password  string                // for a password-protected workbook
	// NoProfile reads the file as if its layout were new: no saved
	// profile is applied (a new one is still saved when it is imported).
	NoProfile bool
	Limits    sheet.Limits
}

// ImportFile runs the whole way from a file to the register: open it safely,
// find its table, match and compare, then apply (or preview, with DryRun).
// A file that cannot be read or holds bad cells leaves the register as it
// was and says why, naming the file, sheet and cell.
func ImportFile(ctx context.Context, reg *register.Register, path string, o FileOptions) (*Preview, error) {
	rd, err := Understand(ctx, reg, path, o)
	if err != nil {
		return nil, err
	}
	return Apply(ctx, reg, rd, o.Options)
}

// ReadFile opens a file and locates its table, without touching a register.
// The checksum is the reader's, of the very bytes it read: hashing the path
// first would read a 3 GiB file (or wait on a pipe) before the reader's
// size and type checks refuse it, and could hash a file that changed
// before it was read.
func ReadFile(path string, o FileOptions) (*layout.Table, string, error) {
	wb, err := openWorkbook(path, o)
	if err != nil {
		return nil, "", err
	}
	t, err := locate(wb, o)
	if err != nil {
		return nil, "", err
	}
	return t, wb.SHA256, nil
}

func openWorkbook(path string, o FileOptions) (*sheet.Workbook, error) {
	return sheet.Open(path, sheet.Options{Password: o.Password, Limits: o.Limits})
}

// locate finds the table in an open workbook as o says; Locate does not
// change the workbook, so one workbook can be located in several ways.
func locate(wb *sheet.Workbook, o FileOptions) (*layout.Table, error) {
	return layout.Locate(wb, layout.Options{City: o.City, Unit: o.Unit, AsOf: o.AsOf, Sheet: o.Sheet, HeaderRow: o.HeaderRow, Columns: o.Columns})
}
