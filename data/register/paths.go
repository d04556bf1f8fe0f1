package register

import (
	"os"
	"path/filepath"
	"runtime"
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
