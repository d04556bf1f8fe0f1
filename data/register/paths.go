package register

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// DefaultPath is the register the window and the CLI use when no --db is
// given: in the user's own application-data folder, never a roaming or
// network profile folder.
//
//	Windows: %LOCALAPPDATA%\Haeoreum\register.db
//	macOS:   ~/Library/Application Support/Haeoreum/register.db
//	Linux:   $XDG_DATA_HOME/haeoreum/register.db (~/.local/share/haeoreum)
func DefaultPath() (string, error) {
	return filepath.Join(DataDir(), "register.db"), nil
}

// DataDir is the folder of the default register, its backups and settings.
func DataDir() string {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "Haeoreum")
		}
	case "darwin":
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, "Library", "Application Support", "Haeoreum")
		}
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return filepath.Join(d, "haeoreum")
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share", "haeoreum")
		}
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "Haeoreum")
	}
	return "."
}

// uriEscaper escapes what SQLite's URI parser gives a meaning to: it decodes
// every %HH, ends the path at '?' (the query) and at '#' (the fragment). Left
// as they are, a folder named "a#b", "why?" or "50%41" names another file.
var uriEscaper = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23")

// fileURI is the SQLite URI (https://sqlite.org/uri.html) of the file at the
// absolute path, with query (already encoded, may be empty). Every DSN the
// register opens is made here: a plain name would be cut at its first '?'
// by the driver.
func fileURI(path, query string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		// C:/x → /C:/x; SQLite on Windows drops a slash before a drive letter.
		p = "/" + p
	}
	uri := "file://" + uriEscaper.Replace(p)
	if query != "" {
		uri += "?" + query
	}
	return uri
}
