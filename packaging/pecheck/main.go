// Command pecheck checks a Windows executable built by scripts/release.sh:
//
//	go run ./packaging/pecheck [-machine amd64|386] [-subsystem gui|console] [-version X.Y.Z] [-manifest] [-icon] FILE.exe
//
// It reads the PE header with debug/pe and walks the resource directory
// itself: PE32+ for x86-64 (or PE32 for x86 with -machine 386: the NSIS
// installer stub is 32-bit), the expected subsystem, a VERSIONINFO whose
// strings carry the version, an icon group, and an application manifest
// that asks for asInvoker, per-monitor DPI awareness and the UTF-8 code
// page. It prints one line per file and exits 1 if anything is missing.
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode/utf16"
)

const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

func main() {
	machine := flag.String("machine", "amd64", "expected machine: amd64 (PE32+) or 386 (PE32)")
	subsystem := flag.String("subsystem", "", "expected subsystem: gui or console")
	version := flag.String("version", "", "version string expected in VERSIONINFO")
	manifest := flag.Bool("manifest", false, "require the application manifest (asInvoker, PerMonitorV2, UTF-8)")
	icon := flag.Bool("icon", false, "require an icon group")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: pecheck [-subsystem gui|console] [-version V] [-manifest] [-icon] FILE...")
		os.Exit(2)
	}
	failed := false
	for _, path := range flag.Args() {
		summary, problems := check(path, *machine, *subsystem, *version, *manifest, *icon)
		if len(problems) > 0 {
			failed = true
			fmt.Printf("FAIL %s: %s (%s)\n", path, strings.Join(problems, "; "), summary)
		} else {
			fmt.Printf("ok   %s: %s\n", path, summary)
		}
	}
	if failed {
		os.Exit(1)
	}
}

func check(path, wantMachine, wantSub, wantVersion string, wantManifest, wantIcon bool) (string, []string) {
	f, err := pe.Open(path)
	if err != nil {
		return "", []string{err.Error()}
	}
	defer f.Close()
	var problems []string
	var parts []string
	var subsystem uint16
	var dirs []pe.DataDirectory
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 || wantMachine != "amd64" {
			return "PE32+", []string{fmt.Sprintf("PE32+ machine %#x, want %s", f.Machine, wantMachine)}
		}
		parts = append(parts, "PE32+ x86-64")
		subsystem, dirs = oh.Subsystem, oh.DataDirectory[:oh.NumberOfRvaAndSizes]
	case *pe.OptionalHeader32:
		if f.Machine != pe.IMAGE_FILE_MACHINE_I386 || wantMachine != "386" {
			return "PE32", []string{fmt.Sprintf("PE32 machine %#x, want %s", f.Machine, wantMachine)}
		}
		parts = append(parts, "PE32 x86")
		subsystem, dirs = oh.Subsystem, oh.DataDirectory[:oh.NumberOfRvaAndSizes]
	default:
		return "", []string{"no optional header"}
	}
	sub := map[uint16]string{pe.IMAGE_SUBSYSTEM_WINDOWS_GUI: "gui", pe.IMAGE_SUBSYSTEM_WINDOWS_CUI: "console"}[subsystem]
	if sub == "" {
		sub = fmt.Sprintf("subsystem %d", subsystem)
	}
	parts = append(parts, sub)
	if wantSub != "" && sub != wantSub {
		problems = append(problems, fmt.Sprintf("subsystem %s, want %s", sub, wantSub))
	}
	// Stripped (-s -w): no COFF symbols and no DWARF. Go's own linker
	// leaves an empty .symtab section (a string table) even with -s.
	stripped := f.NumberOfSymbols == 0
	for _, s := range f.Sections {
		if strings.HasPrefix(s.Name, ".debug") || strings.HasPrefix(s.Name, ".zdebug") {
			stripped = false
		}
	}
	if stripped {
		parts = append(parts, "stripped")
	} else {
		parts = append(parts, "not stripped")
	}

	res := resources(f, dirs)
	if res == nil {
		return strings.Join(parts, ", "), append(problems, "no resources")
	}
	if len(res[rtGroupIcon]) > 0 {
		parts = append(parts, fmt.Sprintf("icon (%d images)", len(res[rtIcon])))
	} else if wantIcon {
		problems = append(problems, "no icon")
	}
	if v := res[rtVersion]; len(v) > 0 {
		info := versionStrings(v[0])
		parts = append(parts, fmt.Sprintf("version %q %q", info["ProductName"], info["FileVersion"]))
		if wantVersion != "" && info["FileVersion"] != wantVersion {
			problems = append(problems, fmt.Sprintf("FileVersion %q, want %q", info["FileVersion"], wantVersion))
		}
	} else if wantVersion != "" {
		problems = append(problems, "no VERSIONINFO")
	}
	if m := res[rtManifest]; len(m) > 0 {
		text := string(m[0])
		var has []string
		for _, want := range []struct{ label, text string }{
			{"asInvoker", `level="asInvoker"`},
			{"PerMonitorV2", ">PerMonitorV2"},
			{"UTF-8 code page", ">UTF-8</activeCodePage>"},
		} {
			if strings.Contains(text, want.text) {
				has = append(has, want.label)
			} else if wantManifest {
				problems = append(problems, "manifest lacks "+want.text)
			}
		}
		parts = append(parts, "manifest["+strings.Join(has, ",")+"]")
	} else if wantManifest {
		problems = append(problems, "no manifest")
	}
	return strings.Join(parts, ", "), problems
}

// resources returns the data of every resource, by type ID.
func resources(f *pe.File, dirs []pe.DataDirectory) map[uint32][][]byte {
	if len(dirs) <= pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
		return nil
	}
	dir := dirs[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.VirtualAddress == 0 {
		return nil
	}
	var sec *pe.Section
	for _, s := range f.Sections {
		if dir.VirtualAddress >= s.VirtualAddress && dir.VirtualAddress < s.VirtualAddress+s.VirtualSize {
			sec = s
		}
	}
	if sec == nil {
		return nil
	}
	data, err := sec.Data()
	if err != nil {
		return nil
	}
	base := dir.VirtualAddress - sec.VirtualAddress
	u16 := func(o uint32) uint32 {
		if int(o)+2 > len(data) {
			return 0
		}
		return uint32(binary.LittleEndian.Uint16(data[o:]))
	}
	u32 := func(o uint32) uint32 {
		if int(o)+4 > len(data) {
			return 0
		}
		return binary.LittleEndian.Uint32(data[o:])
	}
	out := map[uint32][][]byte{}
	// entries of a directory at offset o (relative to the resource root)
	entries := func(o uint32) (ids, offs []uint32) {
		n := u16(base+o+12) + u16(base+o+14)
		for i := uint32(0); i < n && i < 4096; i++ {
			e := base + o + 16 + 8*i
			ids = append(ids, u32(e))
			offs = append(offs, u32(e+4))
		}
		return
	}
	var walk func(o uint32, depth int, typ uint32)
	walk = func(o uint32, depth int, typ uint32) {
		if depth > 3 {
			return
		}
		ids, offs := entries(o)
		for i := range ids {
			t := typ
			if depth == 0 {
				t = ids[i]
			}
			if offs[i]&0x80000000 != 0 {
				walk(offs[i]&0x7fffffff, depth+1, t)
				continue
			}
			rva, size := u32(base+offs[i]), u32(base+offs[i]+4)
			if rva < sec.VirtualAddress {
				continue
			}
			start := rva - sec.VirtualAddress
			if int(start)+int(size) <= len(data) {
				out[t] = append(out[t], data[start:start+size])
			}
		}
	}
	walk(0, 0, 0)
	return out
}

// versionStrings pulls the StringFileInfo values out of a VERSIONINFO
// resource, from the first string table (the Korean one in ours), by
// looking for each key as UTF-16 and reading the value after it.
func versionStrings(v []byte) map[string]string {
	out := map[string]string{}
	for _, key := range []string{"ProductName", "FileDescription", "FileVersion", "ProductVersion", "OriginalFilename"} {
		k := utf16le(key + "\x00")
		i := bytes.Index(v, k)
		if i < 0 {
			continue
		}
		j := i + len(k)
		j = (j + 3) &^ 3 // the value starts on a 32-bit boundary
		var u []uint16
		for ; j+1 < len(v); j += 2 {
			c := binary.LittleEndian.Uint16(v[j:])
			if c == 0 {
				break
			}
			u = append(u, c)
		}
		out[key] = string(utf16.Decode(u))
	}
	return out
}

func utf16le(s string) []byte {
	var b []byte
	for _, c := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}
