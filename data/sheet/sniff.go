package sheet

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"

	"github.com/haeoreum/register/data/msg"
)

type kind int

const (
	kindUnknown  kind = iota
	kindOLE           // OLE2 compound file: legacy .xls or an encrypted xlsx
	kindZip           // OOXML, ODS, or some other zip
	kindMarkup        // HTML or XML text (web pages saved as .xls, SpreadsheetML 2003)
	kindText          // anything else that reads as text: CSV
	kindBIFF          // an Excel 2, 3 or 4 worksheet: a bare BIFF stream, no OLE2 container
	kindLockFile      // Excel's owner file ~$name.xlsx, made while name.xlsx is open
	kindHWP           // a 한글 3.0 document (5.0 and later are OLE2 or zip)
)

var (
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicZip = []byte("PK")
)

// sniff tells what data is from its first bytes. It never looks at the
// name. kindText is only a candidate: the CSV reader still has to decode it.
func sniff(data []byte) kind {
	switch {
	case bytes.HasPrefix(data, magicOLE):
		return kindOLE
	case bytes.HasPrefix(data, magicZip):
		return kindZip
	case bytes.HasPrefix(data, hwpSignature):
		return kindHWP // 한글 3.0 and earlier: no OLE2 container
	case biffVersion(data) != "":
		return kindBIFF
	case isLockFile(data):
		return kindLockFile
	case hasUTF16BOM(data):
		return kindText
	case bytes.Count(data, []byte{0}) > 1+len(data)/1000:
		// Text never holds NUL; images and binaries hold many. A text
		// file with one is text with a bad line, which the CSV reader names.
		return kindUnknown
	case looksLikeMarkup(data):
		return kindMarkup
	}
	return kindText
}

// looksLikeMarkup spots the text formats Excel opens that are not CSV:
// government systems often export an HTML table named .xls, and Excel 2003
// saved SpreadsheetML XML. Both start, after a BOM and blanks, with a tag;
// exported fragments start with whatever tag the system printed first
// (<style>, <div>, even <tr>). Only known tag names count, so a CSV whose
// title is "<2026 추진현황>" is still a CSV.
func looksLikeMarkup(data []byte) bool {
	head := data[:min(len(data), 512)]
	head = bytes.TrimPrefix(head, bomUTF8)
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	for _, tag := range []string{"<?xml", "<!doctype", "<!--"} {
		if bytes.HasPrefix(head, []byte(tag)) {
			return true
		}
	}
	if len(head) < 2 || head[0] != '<' {
		return false
	}
	name := head[1:]
	end := bytes.IndexFunc(name, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') })
	if end <= 0 || name[end] != '>' && name[end] != ' ' && name[end] != '/' && name[end] != '\t' && name[end] != '\r' && name[end] != '\n' {
		return false
	}
	return htmlTags[string(name[:end])]
}

// htmlTags are the tags an HTML export or saved page starts with.
var htmlTags = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true, "style": true, "script": true, "link": true,
	"table": true, "caption": true, "colgroup": true, "col": true, "thead": true, "tbody": true, "tfoot": true,
	"tr": true, "td": true, "th": true, "div": true, "span": true, "p": true, "br": true, "font": true, "center": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "b": true, "strong": true, "form": true, "pre": true,
}

// biffVersion names the Excel version of a bare BIFF stream from its first
// record, a BOF (type 0x0009, 0x0209, 0x0409 or 0x0809 by version, 4 to 16
// bytes long), or returns "". Excel 5 and later wrap BIFF in OLE2; a bare
// stream is an Excel 2–4 sheet (or a raw Excel 5 one, rarely seen).
func biffVersion(data []byte) string {
	if len(data) < 8 || data[0] != 0x09 || data[3] != 0 || data[2] < 4 || data[2] > 16 {
		return ""
	}
	switch data[1] {
	case 0x00:
		return "2"
	case 0x02:
		return "3"
	case 0x04:
		return "4"
	case 0x08:
		return "5"
	}
	return ""
}

// Excel's owner ("lock") file: the user's name as one length byte and up
// to 53 bytes of ANSI padded with spaces to offset 0x37, then the same name
// as a two-byte length and UTF-16LE. It holds no data.
const lockNameUTF16 = 0x37

func isLockFile(data []byte) bool {
	_, ok := lockOwner(data)
	return ok
}

// lockOwner reads the user name from an owner file; ok is false for
// anything that is not one.
func lockOwner(data []byte) (string, bool) {
	if len(data) < lockNameUTF16+2 || len(data) > 512 {
		return "", false
	}
	n := int(data[0])
	if n == 0 || n > lockNameUTF16-2 || binary.LittleEndian.Uint16(data[lockNameUTF16:]) != uint16(n) {
		return "", false
	}
	wide := data[lockNameUTF16+2:]
	if len(wide) < 2*n {
		return "", false
	}
	units := make([]uint16, n)
	for i := range units {
		units[i] = binary.LittleEndian.Uint16(wide[2*i:])
		if units[i] < 0x20 {
			return "", false
		}
	}
	return string(utf16.Decode(units)), true
}

// lockFileError names whose lock file it is and the workbook to choose
// instead (Excel names the lock file after it: ~$ and the workbook's name).
func lockFileError(name string, data []byte) *msg.Error {
	owner, _ := lockOwner(data)
	book := strings.TrimPrefix(name, "~$")
	return &msg.Error{Where: msg.Where{File: name}, ID: idLockFile, Args: []any{owner, book}}
}
