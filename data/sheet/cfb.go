package sheet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// A small, lenient reader of OLE2 compound files (MS-CFB), enough to take
// the two streams of an encrypted xlsx out of their container. Lenient
// where files in the wild are sloppy: ExtenXLS wrote a stream whose
// declared size (7,848 bytes) is longer than its sector chain (6,144), and
// mscfb refuses the whole file ("FAT index is outside DIFAT range") where
// Apache POI reads it. Here a stream is what its chain holds, up to its
// declared size; the decrypted package's own size and the zip's checks
// then tell whether it is whole. Every loop is bounded by the file's size.

// cfbMaxRegSect is the highest regular sector number; above it are the
// markers (end of chain, free, FAT and DIFAT sectors).
const cfbMaxRegSect = 0xFFFFFFFA

type cfbFile struct {
	data     []byte
	shift    uint // sector size = 1 << shift
	fat      []uint32
	miniFat  []uint32
	mini     []byte // the root entry's stream, holding the mini sectors
	cutoff   uint64
	entries  []cfbEntry
	maxChain int
}

type cfbEntry struct {
	name  string
	typ   byte // 1 storage, 2 stream, 5 root
	start uint32
	size  uint64
}

// cfbStreams returns the named streams of an OLE2 file.
func cfbStreams(data []byte, names ...string) (map[string][]byte, error) {
	f, err := openCFB(data)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, e := range f.entries {
		for _, n := range names {
			if e.typ == 2 && e.name == n {
				out[n] = f.stream(e)
			}
		}
	}
	return out, nil
}

func openCFB(data []byte) (*cfbFile, error) {
	if len(data) < 512 || string(data[:8]) != string(magicOLE) {
		return nil, errors.New("not an OLE2 file")
	}
	le := binary.LittleEndian
	shift := uint(le.Uint16(data[30:]))
	if shift != 9 && shift != 12 {
		return nil, fmt.Errorf("OLE2 sector shift %d", shift)
	}
	f := &cfbFile{data: data, shift: shift, cutoff: uint64(le.Uint32(data[56:])), maxChain: len(data)>>shift + 1}
	// The FAT's sectors: 109 in the header, the rest in the DIFAT chain.
	var fatSectors []uint32
	for i := 0; i < 109; i++ {
		fatSectors = append(fatSectors, le.Uint32(data[76+4*i:]))
	}
	perSector := 1<<shift/4 - 1
	for s := le.Uint32(data[68:]); s <= cfbMaxRegSect && len(fatSectors) <= f.maxChain; {
		sec := f.sector(s)
		if len(sec) < 1<<shift {
			break
		}
		for i := range perSector {
			fatSectors = append(fatSectors, le.Uint32(sec[4*i:]))
		}
		s = le.Uint32(sec[4*perSector:])
	}
	for i, s := range fatSectors {
		if s <= cfbMaxRegSect && i <= f.maxChain { // a FAT no larger than the file
			f.fat = appendUint32s(f.fat, f.sector(s))
		}
	}
	f.miniFat = appendUint32s(nil, f.chainBytes(le.Uint32(data[60:]), ^uint64(0)))
	dir := f.chainBytes(le.Uint32(data[48:]), ^uint64(0))
	for i := 0; i+128 <= len(dir); i += 128 {
		f.entries = append(f.entries, parseCFBEntry(dir[i:i+128]))
	}
	if len(f.entries) == 0 || f.entries[0].typ != 5 {
		return nil, errors.New("OLE2 file without a root entry")
	}
	f.mini = f.chainBytes(f.entries[0].start, f.entries[0].size)
	return f, nil
}

func parseCFBEntry(b []byte) cfbEntry {
	le := binary.LittleEndian
	n := min(int(le.Uint16(b[64:])), 64) / 2
	units := make([]uint16, 0, n)
	for i := 0; i < n; i++ {
		if u := le.Uint16(b[2*i:]); u != 0 {
			units = append(units, u)
		}
	}
	// Version 3 files keep only the low 32 bits of the size.
	return cfbEntry{name: string(utf16.Decode(units)), typ: b[66], start: le.Uint32(b[116:]), size: uint64(le.Uint32(b[120:]))}
}

// sector returns sector s, cut short at the end of the file.
func (f *cfbFile) sector(s uint32) []byte {
	from := (uint64(s) + 1) << f.shift
	if from >= uint64(len(f.data)) {
		return nil
	}
	return f.data[from:min(from+1<<f.shift, uint64(len(f.data)))]
}

// chainBytes reads the chain of regular sectors from start, up to size.
func (f *cfbFile) chainBytes(start uint32, size uint64) []byte {
	var out []byte
	for s, n := start, 0; s <= cfbMaxRegSect && n < f.maxChain && uint64(len(out)) < size; n++ {
		out = append(out, f.sector(s)...)
		if int(s) >= len(f.fat) {
			break
		}
		s = f.fat[s]
	}
	return out[:min(uint64(len(out)), size)]
}

// stream reads an entry's stream from the regular or the mini sectors.
func (f *cfbFile) stream(e cfbEntry) []byte {
	if e.size >= f.cutoff {
		return f.chainBytes(e.start, e.size)
	}
	var out []byte
	for s, n := e.start, 0; s <= cfbMaxRegSect && n < len(f.mini)/64+1 && uint64(len(out)) < e.size; n++ {
		from := uint64(s) * 64
		if from >= uint64(len(f.mini)) {
			break
		}
		out = append(out, f.mini[from:min(from+64, uint64(len(f.mini)))]...)
		if int(s) >= len(f.miniFat) {
			break
		}
		s = f.miniFat[s]
	}
	return out[:min(uint64(len(out)), e.size)]
}

func appendUint32s(dst []uint32, b []byte) []uint32 {
	for i := 0; i+4 <= len(b); i += 4 {
		dst = append(dst, binary.LittleEndian.Uint32(b[i:]))
	}
	return dst
}
