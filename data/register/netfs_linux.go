package register

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

// Magic numbers of network file systems (statfs(2)).
var networkMagic = map[int64]string{
	0x6969:     "NFS",
	0xFF534D42: "CIFS/SMB",
	0xFE534D42: "SMB2",
	0x517B:     "SMB",
	0x564c:     "NCP",
	0x65735546: "FUSE", // sshfs and friends; refused too
	0x01021997: "9P",
	0x73757245: "Coda",
	0x5346414F: "AFS",
}

func networkFileSystem(dir string) (string, bool) {
	if env := os.Getenv("HAEOREUM_TREAT_AS_NETWORK"); env != "" && strings.HasPrefix(dir, env) {
		return "test", true
	}
	for d := dir; ; {
		var st unix.Statfs_t
		if err := unix.Statfs(d, &st); err == nil {
			name, remote := networkMagic[int64(st.Type)]
			return name, remote
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}
