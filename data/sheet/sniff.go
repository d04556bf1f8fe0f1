package sheet

import "bytes"

type kind int

const (
	kindUnknown kind = iota
	kindOLE          // OLE2 compound file: legacy .xls or an encrypted xlsx
	kindZip          // OOXML, ODS, or some other zip
	kindMarkup       // HTML or XML text (web pages saved as .xls, SpreadsheetML 2003)
	kindText         // anything else that reads as text: CSV
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
	case hasUTF16BOM(data):
		return kindText
	case bytes.IndexByte(data, 0) >= 0:
		return kindUnknown // text never holds NUL; images and binaries do
	case looksLikeMarkup(data):
		return kindMarkup
	}
	return kindText
}

// looksLikeMarkup spots the text formats Excel opens that are not CSV:
// government systems often export an HTML table named .xls, and Excel 2003
// saved SpreadsheetML XML. Both start, after a BOM and blanks, with a tag.
func looksLikeMarkup(data []byte) bool {
	head := data[:min(len(data), 512)]
	head = bytes.TrimPrefix(head, bomUTF8)
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	for _, tag := range []string{"<?xml", "<!doctype", "<html", "<table", "<meta", "<head", "<body", "<!--"} {
		if bytes.HasPrefix(head, []byte(tag)) {
			return true
		}
	}
	return false
}
