package reconcile

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"

	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/sheet"
)

// FileOptions steer ImportFile.
type FileOptions struct {
	Options
	City     model.City // the sending city, when the user named it
	Password string     // for a password-protected workbook
	Limits   sheet.Limits
}

// ImportFile runs the whole way from a file to the register: open it safely,
// find its table, match and compare, then apply (or preview, with DryRun).
// A file that cannot be read or holds bad cells leaves the register as it
// was and says why, naming the file, sheet and cell.
func ImportFile(ctx context.Context, reg *register.Register, path string, o FileOptions) (*Preview, error) {
	t, sum, err := ReadFile(path, o)
	if err != nil {
		return nil, err
	}
	return Apply(ctx, reg, t, sum, o.Options)
}

// ReadFile opens a file and locates its table, without touching a register.
func ReadFile(path string, o FileOptions) (*layout.Table, string, error) {
	sum, err := fileSHA256(path)
	if err != nil {
		return nil, "", err
	}
	wb, err := sheet.Open(path, sheet.Options{Password: o.Password, Limits: o.Limits})
	if err != nil {
		return nil, "", err
	}
	t, err := layout.Locate(wb, layout.Options{City: o.City})
	if err != nil {
		return nil, "", err
	}
	return t, sum, nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		_, err = sheet.Open(path, sheet.Options{}) // the reader's own clear "cannot read" message
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
