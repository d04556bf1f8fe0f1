// Package instance hands the files of a second start of the program to the
// window that already has the same register open, as office software does
// with "Open with": the running window listens on a per-user local socket,
// and a second start sends it the files (or only asks it to come to the
// front) and exits instead of opening the register read-only.
//
// The endpoint is a Unix-domain socket (Linux, macOS, and Windows 10 1803
// and later) in a folder only the user can read, named from a short hash
// of the register's path so that two registers can each have a window.
// Beside it a lock file, held with an OS lock while a window listens, says
// whether the socket is alive: the OS drops the lock when the process dies,
// so a socket left by a crash is known to be stale and is replaced, and
// two starts at once cannot both become the listener.
//
// The protocol is one JSON line each way:
//
//	→ {"version":1,"files":["/abs/path.xlsx", …]}   (no files: come to the front)
//	← {"ok":true}
//
// Nothing here knows about Fyne or the register's data.
package instance

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// ErrRunning says another process already listens for this register.
var ErrRunning = errors.New("another window has this register open")

const (
	protocolVersion = 1
	maxRequest      = 1 << 20 // bytes; a request is a list of paths
	maxFiles        = 10000
	// Unix-domain socket paths are limited to 104 (macOS) or 108 bytes.
	maxSocketPath = 100
	appFolder     = "kr.haeoreum.register"
)

// baseDir is the per-user folder the sockets live in; tests point it at
// t.TempDir().
var baseDir = defaultBaseDir

// defaultBaseDir prefers $XDG_RUNTIME_DIR on Linux (a per-user tmpfs the
// session owns), else the user's cache folder.
func defaultBaseDir() (string, error) {
	if runtime.GOOS == "linux" {
		if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
			return filepath.Join(d, appFolder), nil
		}
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, appFolder), nil
}

// endpoint is where the window of one register listens.
type endpoint struct {
	socket string
	lock   string
}

// endpointFor names the socket and lock files of the register at path,
// creating their folder (0700) if needed.
func endpointFor(registerPath string) (endpoint, error) {
	dir, err := baseDir()
	if err != nil {
		return endpoint{}, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return endpoint{}, err
	}
	_ = os.Chmod(dir, 0o700) // a folder made earlier with wider rights
	name := filepath.Join(dir, registerKey(registerPath))
	e := endpoint{socket: name + ".sock", lock: name + ".lock"}
	if len(e.socket) > maxSocketPath {
		return endpoint{}, fmt.Errorf("socket path %s is longer than %d bytes", e.socket, maxSocketPath)
	}
	return e, nil
}

// registerKey is a short hash of the register's path, made absolute and
// clean with symbolic links resolved where it exists, so that the same
// file named two ways meets the same window. Windows' file names ignore
// case.
func registerKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	path = filepath.Clean(path)
	if runtime.GOOS == "windows" {
		path = strings.ToLower(path)
	}
	sum := sha256.Sum256([]byte(path))
	return hex.EncodeToString(sum[:6])
}

// request is what a second start sends.
type request struct {
	Version int      `json:"version"`
	Files   []string `json:"files"`
}

// reply is the listener's answer.
type reply struct {
	OK    bool   `json:"ok"`
	Error string `json:"error,omitempty"`
}

// check says what is wrong with a request, if anything.
func (r request) check() error {
	if r.Version != protocolVersion {
		return fmt.Errorf("version %d, want %d", r.Version, protocolVersion)
	}
	if len(r.Files) > maxFiles {
		return fmt.Errorf("%d files, at most %d", len(r.Files), maxFiles)
	}
	for _, f := range r.Files {
		if !filepath.IsAbs(f) {
			return fmt.Errorf("%q is not an absolute path", f)
		}
	}
	return nil
}
