package register

import (
	"fmt"

	"modernc.org/sqlite"
)

type sqliteBackup = sqlite.Backup

func stepAll(b *sqlite.Backup) error {
	for {
		more, err := b.Step(-1)
		if err != nil {
			_ = b.Finish()
			return err
		}
		if !more {
			return b.Finish()
		}
	}
}

func restoreFallback(dc any, path string) error {
	return fmt.Errorf("the SQLite driver %T cannot restore %s", dc, path)
}
