package register

import (
	"fmt"

	"modernc.org/sqlite"
)

// restoreInto copies the register file at path over the connection's
// database with SQLite's online backup API, all pages in one step. The file
// is only read (immutable too: a file on a write-protected medium).
func restoreInto(driverConn any, path string, immutable bool) error {
	rc, ok := driverConn.(interface {
		NewRestore(string) (*sqlite.Backup, error)
	})
	if !ok {
		return fmt.Errorf("the SQLite driver %T cannot restore %s", driverConn, path)
	}
	query := "mode=ro"
	if immutable {
		query += "&immutable=1"
	}
	b, err := rc.NewRestore(fileURI(path, query))
	if err != nil {
		return err
	}
	if _, err := b.Step(-1); err != nil {
		_ = b.Finish()
		return err
	}
	return b.Finish()
}
