package register

import (
	"encoding/json"
	"os"
	"os/user"
	"time"

	"github.com/haeoreum/register/data/msg"
)

// The lock file sits beside the register and is held with an OS lock (flock
// or LockFileEx) for as long as a window has the register open. The OS drops
// the lock when the process dies, so a crash never leaves a stale lock; the
// file's content only says who holds it.
type fileLock struct {
	f *os.File
}

type lockHolder struct {
	User  string `json:"user"`
	Host  string `json:"host"`
	PID   int    `json:"pid"`
	Since string `json:"since"`
}

func acquireLock(path string, who Identity) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, msg.Wrap(err, msg.Where{File: path}, msgReadOnly, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		h := readHolder(path)
		return nil, msg.Wrap(err, msg.Where{File: path}, msgInUse, h.User, h.Host, h.Since)
	}
	h := lockHolder{User: who.User, Host: who.Host, PID: os.Getpid(), Since: time.Now().Format("2006-01-02 15:04")}
	b, _ := json.Marshal(h)
	_ = f.Truncate(0)
	_, _ = f.WriteAt(b, 0)
	_ = f.Sync()
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() {
	_ = l.f.Truncate(0)
	_ = unlockFile(l.f)
	_ = l.f.Close()
}

func readHolder(path string) lockHolder {
	h := lockHolder{User: "?", Host: "?", Since: "?"}
	if b, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(b, &h)
	}
	return h
}

// Holder returns who holds the register at path open in a window, if anyone.
func Holder(path string) (user, host string, held bool) {
	f, err := os.OpenFile(path+".lock", os.O_RDWR, 0)
	if err != nil {
		return "", "", false
	}
	defer f.Close()
	if lockFile(f) == nil {
		_ = unlockFile(f)
		return "", "", false
	}
	h := readHolder(path + ".lock")
	return h.User, h.Host, true
}

func currentIdentity() Identity {
	id := Identity{User: "unknown", Host: "unknown"}
	if u, err := user.Current(); err == nil && u.Username != "" {
		id.User = u.Username
	}
	if h, err := os.Hostname(); err == nil && h != "" {
		id.Host = h
	}
	return id
}
