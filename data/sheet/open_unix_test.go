//go:build unix

package sheet

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestDevicesAndPipesRefused: /dev/zero never ends and opening a FIFO
// waits for a writer; both are refused at once, by their file type.
func TestDevicesAndPipesRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, path := range []string{"/dev/zero", fifo} {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		done := make(chan error, 1)
		go func() { _, err := Open(path, Options{}); done <- err }()
		select {
		case err := <-done:
			wantRefusal(t, err, ErrNotFile, filepath.Base(path))
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Open hangs", path)
		}
	}
}
