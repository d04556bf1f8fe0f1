package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"testing"
)

// bombZip copies the zip src, replacing part with content, deflated. With
// declared > 0 the directory claims that uncompressed size instead of the
// true one (the CRC stays true).
func bombZip(t testing.TB, src []byte, part, content string, declared uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == part {
			continue
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	io.WriteString(fw, content)
	fw.Close()
	size := uint64(len(content))
	if declared > 0 {
		size = declared
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: part, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte(content)),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: size,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
