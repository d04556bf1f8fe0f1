package register

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// A register of an older format opened read-only (a listing, a preview, a
// report) is read as it is: brought up to date in memory, the file left
// byte for byte as it was. The bundled sample is such a file (format 1).
func TestOlderFormatOpenedReadOnly(t *testing.T) {
	_, here, _, _ := runtime.Caller(0)
	orig, err := os.ReadFile(filepath.Join(filepath.Dir(here), "..", "..", "assets", "sample", "sample.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("an older register opened read-only: %v", err)
	}
	ps, err := r.List(ctx, ListOptions{})
	if err != nil || len(ps) != 43 {
		t.Fatalf("%d projects, %v", len(ps), err)
	}
	if _, err := r.Rounds(ctx); err != nil {
		t.Fatalf("the current format's tables are there to read: %v", err)
	}
	r.Close()
	if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
		t.Fatal("reading an older register changed its file")
	}
}
