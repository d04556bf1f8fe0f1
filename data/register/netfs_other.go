//go:build !linux && !windows

package register

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

var networkTypes = []string{"nfs", "smbfs", "afpfs", "webdav", "cifs", "osxfuse", "macfuse"}

func networkFileSystem(dir string) (string, bool) {
	if env := os.Getenv("HAEOREUM_TREAT_AS_NETWORK"); env != "" && strings.HasPrefix(dir, env) {
		return "test", true
	}
	for d := dir; ; {
		var st unix.Statfs_t
		if err := unix.Statfs(d, &st); err == nil {
			name := unix.ByteSliceToString(st.Fstypename[:])
			for _, t := range networkTypes {
				if strings.HasPrefix(name, t) {
					return name, true
				}
			}
			return "", false
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}
