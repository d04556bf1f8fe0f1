package register

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// networkFileSystem reports UNC paths and mapped network drives.
func networkFileSystem(dir string) (string, bool) {
	if env := os.Getenv("HAEOREUM_TREAT_AS_NETWORK"); env != "" && strings.HasPrefix(dir, env) {
		return "test", true
	}
	if strings.HasPrefix(dir, `\\`) || strings.HasPrefix(dir, `//`) {
		return dir, true
	}
	root := filepath.VolumeName(dir) + `\`
	p, err := windows.UTF16PtrFromString(root)
	if err != nil {
		return "", false
	}
	if windows.GetDriveType(p) == windows.DRIVE_REMOTE {
		return root, true
	}
	return "", false
}
