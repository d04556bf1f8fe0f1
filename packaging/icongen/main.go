// Command icongen makes the icon sizes each platform wants from the one
// 512×512 application icon (assets/icon.png), with the standard library
// only:
//
//	go run ./packaging/icongen            (from the module root)
//
// It writes
//
//	packaging/windows/haeoreum.ico          16, 24, 32, 48, 64 (32-bit DIB) and 256 (PNG)
//	packaging/linux/icons/hicolor/NxN/apps/kr.haeoreum.register.png   N = 48, 128, 256, 512
//
// The output is deterministic: running it twice gives the same bytes, so
// the files can be committed and scripts/release.sh regenerates them.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"os"
	"path/filepath"
)

// AppID names the icon file on Linux (the .desktop file's Icon=).
const AppID = "kr.haeoreum.register"

var (
	icoSizes   = []int{16, 24, 32, 48, 64, 256}
	linuxSizes = []int{48, 128, 256, 512}
)

func main() {
	src := flag.String("src", "assets/icon.png", "source icon (square PNG, at least 256×256)")
	out := flag.String("out", "packaging", "packaging folder")
	flag.Parse()
	log.SetFlags(0)

	f, err := os.Open(*src)
	if err != nil {
		log.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		log.Fatalf("%s: %v", *src, err)
	}
	b := img.Bounds()
	if b.Dx() != b.Dy() || b.Dx() < 256 {
		log.Fatalf("%s: want a square icon of at least 256×256, got %d×%d", *src, b.Dx(), b.Dy())
	}
	master := toNRGBA(img)

	ico, err := encodeICO(master, icoSizes)
	if err != nil {
		log.Fatal(err)
	}
	write(filepath.Join(*out, "windows", "haeoreum.ico"), ico)

	for _, n := range linuxSizes {
		var buf bytes.Buffer
		if err := pngEncoder.Encode(&buf, resize(master, n)); err != nil {
			log.Fatal(err)
		}
		dir := fmt.Sprintf("%dx%d", n, n)
		write(filepath.Join(*out, "linux", "icons", "hicolor", dir, "apps", AppID+".png"), buf.Bytes())
	}
}

var pngEncoder = png.Encoder{CompressionLevel: png.BestCompression}

func write(path string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return // unchanged: keep the file's time
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s (%d bytes)\n", path, len(data))
}

func toNRGBA(img image.Image) *image.NRGBA {
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			out.Set(x, y, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return out
}

// resize scales a square image to n×n by area averaging (each output pixel
// is the coverage-weighted mean of the source pixels under it), in
// premultiplied alpha so transparent corners do not darken the edges.
func resize(src *image.NRGBA, n int) *image.NRGBA {
	sn := src.Bounds().Dx()
	if sn == n {
		return src
	}
	dst := image.NewNRGBA(image.Rect(0, 0, n, n))
	scale := float64(sn) / float64(n)
	for dy := 0; dy < n; dy++ {
		y0, y1 := float64(dy)*scale, float64(dy+1)*scale
		for dx := 0; dx < n; dx++ {
			x0, x1 := float64(dx)*scale, float64(dx+1)*scale
			var r, g, b, a, w float64
			for sy := int(y0); float64(sy) < y1 && sy < sn; sy++ {
				wy := overlap(y0, y1, sy)
				for sx := int(x0); float64(sx) < x1 && sx < sn; sx++ {
					wt := wy * overlap(x0, x1, sx)
					c := src.NRGBAAt(sx, sy)
					al := float64(c.A) / 255
					r += float64(c.R) * al * wt
					g += float64(c.G) * al * wt
					b += float64(c.B) * al * wt
					a += al * wt
					w += wt
				}
			}
			if w == 0 || a == 0 {
				continue
			}
			dst.SetNRGBA(dx, dy, color.NRGBA{
				R: clamp(r / a), G: clamp(g / a), B: clamp(b / a), A: clamp(a / w * 255),
			})
		}
	}
	return dst
}

// overlap is how much of source pixel i (covering [i, i+1)) lies in [lo, hi).
func overlap(lo, hi float64, i int) float64 {
	a, b := float64(i), float64(i+1)
	if lo > a {
		a = lo
	}
	if hi < b {
		b = hi
	}
	if b <= a {
		return 0
	}
	return b - a
}

func clamp(v float64) uint8 {
	v += 0.5
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
}

// encodeICO writes a Windows icon file: a 6-byte ICONDIR, one 16-byte
// ICONDIRENTRY per size, then the images. Sizes below 256 are 32-bit
// BGRA DIBs with an AND mask (every Windows and every resource tool reads
// those); 256 is a PNG, as Windows Vista and later expect.
func encodeICO(master *image.NRGBA, sizes []int) ([]byte, error) {
	var images [][]byte
	for _, n := range sizes {
		img := resize(master, n)
		if n >= 256 {
			var buf bytes.Buffer
			if err := pngEncoder.Encode(&buf, img); err != nil {
				return nil, err
			}
			images = append(images, buf.Bytes())
		} else {
			images = append(images, dib(img))
		}
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&out, le, [3]uint16{0, 1, uint16(len(sizes))}) // reserved, type 1 = icon, count
	offset := 6 + 16*len(sizes)
	for i, n := range sizes {
		dim := uint8(n)
		if n >= 256 {
			dim = 0 // 0 means 256
		}
		out.Write([]byte{dim, dim, 0, 0})                                         // width, height, colours, reserved
		binary.Write(&out, le, [2]uint16{1, 32})                                  // planes, bits per pixel
		binary.Write(&out, le, [2]uint32{uint32(len(images[i])), uint32(offset)}) // size, offset
		offset += len(images[i])
	}
	for _, im := range images {
		out.Write(im)
	}
	return out.Bytes(), nil
}

// dib is an icon image in the old format: BITMAPINFOHEADER (height doubled
// for the XOR and AND bitmaps), bottom-up BGRA rows, then a 1-bit AND mask
// (1 where fully transparent) with rows padded to 32 bits.
func dib(img *image.NRGBA) []byte {
	n := img.Bounds().Dx()
	maskRow := ((n + 31) / 32) * 4
	var out bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&out, le, struct {
		Size                   uint32
		Width, Height          int32
		Planes, BitCount       uint16
		Compression, SizeImage uint32
		XPels, YPels           int32
		ClrUsed, ClrImportant  uint32
	}{40, int32(n), int32(2 * n), 1, 32, 0, uint32(n*n*4 + maskRow*n), 0, 0, 0, 0})
	for y := n - 1; y >= 0; y-- {
		for x := 0; x < n; x++ {
			c := img.NRGBAAt(x, y)
			out.Write([]byte{c.B, c.G, c.R, c.A})
		}
	}
	for y := n - 1; y >= 0; y-- {
		row := make([]byte, maskRow)
		for x := 0; x < n; x++ {
			if img.NRGBAAt(x, y).A == 0 {
				row[x/8] |= 0x80 >> (x % 8)
			}
		}
		out.Write(row)
	}
	return out.Bytes()
}
