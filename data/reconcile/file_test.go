package reconcile

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
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

// TestReadFileShowsSheetsLeftOut: a sheet the reader could not read (here
// one the workbook does not link to its content) is named among the
// table's warnings, not skipped without a word.
func TestReadFileShowsSheetsLeftOut(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(fixtures(t), "pohang_2026-10.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "xl/workbook.xml" {
			data = bytes.Replace(data, []byte("</sheets>"), []byte(`<sheet name="고아" sheetId="99" r:id=""/></sheets>`), 1)
		}
		w.Write(data)
	}
	zw.Close()
	path := filepath.Join(t.TempDir(), "pohang.xlsx")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tb, _, err := ReadFile(path, FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range tb.Warnings {
		if w.Where.Sheet == "고아" {
			return
		}
	}
	t.Errorf("the sheet left out is not among the warnings %v", tb.Warnings)
}
