package reconcile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/haeoreum/register/data/sheet"
)

// TestReadFileChecksOnlyWhatItReads: a 3 GiB (sparse) file and a folder
// are refused by the reader at once, not hashed first; a good file's
// checksum is that of its bytes.
func TestReadFileChecksOnlyWhatItReads(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.xlsx")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 3<<30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	start := time.Now()
	if _, _, err := ReadFile(huge, FileOptions{}); !errors.Is(err, sheet.ErrTooLarge) {
		t.Errorf("huge: %v", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("huge file took %v to refuse", took)
	}
	if _, _, err := ReadFile(dir, FileOptions{}); !errors.Is(err, sheet.ErrFolder) {
		t.Errorf("folder: %v", err)
	}
	good := filepath.Join(fixtures(t), "pohang_2026-10.xlsx")
	_, sum, err := ReadFile(good, FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(good)
	if want := sha256.Sum256(data); sum != hex.EncodeToString(want[:]) {
		t.Errorf("checksum %s", sum)
	}
}
