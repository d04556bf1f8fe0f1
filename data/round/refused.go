package round

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/report"
	"github.com/haeoreum/register/data/sheet"
)

// Mark is what a returned workbook says it answers, from the custom
// document properties our templates carry (report.PropCity, PropRound,
// PropAsOf). They survive a rename and a re-save in Excel or LibreOffice.
type Mark struct {
	City  model.City
	Round string
	AsOf  string
}

// maxPropsSize bounds the properties part read from a file that may be
// hostile (it was refused, perhaps for being a zip bomb).
const maxPropsSize = 1 << 20

// ReadMark reads a workbook's round mark from its docProps/custom.xml
// alone, without unpacking the rest; false when it has none (a CSV, a
// workbook that is not from our template, an unreadable file).
func ReadMark(path string) (Mark, bool) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return Mark{}, false
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "docProps/custom.xml" || f.UncompressedSize64 > maxPropsSize {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return Mark{}, false
		}
		defer rc.Close()
		var props struct {
			Property []struct {
				Name  string `xml:"name,attr"`
				Value string `xml:"lpwstr"`
			} `xml:"property"`
		}
		if xml.NewDecoder(io.LimitReader(rc, maxPropsSize)).Decode(&props) != nil {
			return Mark{}, false
		}
		var m Mark
		for _, p := range props.Property {
			v := strings.TrimSpace(p.Value)
			switch p.Name {
			case report.PropCity:
				m.City, _ = model.ParseCity(v)
			case report.PropRound:
				m.Round = v
			case report.PropAsOf:
				m.AsOf = v
			}
		}
		return m, m.City != "" || m.Round != ""
	}
	return Mark{}, false
}

var msgRefusedUnexpected = msg.Define("round.refused_unexpected",
	"예기치 않은 문제로 가져오지 못했습니다.", "it could not be imported: something unexpected went wrong.")

// NoteRefused records that a sheet was refused, when a round is open:
// the file, its hash, the city (named by the official, else the round
// mark inside the file, else its name) and why. Without an open round it
// does nothing and reports false.
func NoteRefused(ctx context.Context, reg *register.Register, path string, city model.City, cause error) (bool, error) {
	rd, err := reg.Round(ctx, "")
	if err != nil {
		return false, nil // no open round: nothing to note
	}
	if city == "" {
		if m, ok := ReadMark(path); ok {
			city = m.City
		}
	}
	if city == "" {
		city = cityInName(filepath.Base(path))
	}
	ko, en := reasons(cause)
	sum, _ := sheet.FileSHA256(path)
	_, err = reg.RecordRefusal(ctx, rd, register.Refusal{City: city, File: filepath.Base(path), SHA256: sum, WhyKo: ko, WhyEn: en})
	return err == nil, err
}

// cityInName is the one city a file's name names, "" for none or several.
func cityInName(name string) model.City {
	low := strings.ToLower(name)
	var found []model.City
	for _, c := range model.Cities {
		if strings.Contains(low, string(c)) || strings.Contains(name, c.Korean()) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// reasons is the refusal as the official read it, in both languages.
func reasons(err error) (ko, en string) {
	var e *msg.Error
	if !errors.As(err, &e) {
		return msg.TextIn(msg.Korean, msgRefusedUnexpected), msg.TextIn(msg.English, msgRefusedUnexpected)
	}
	in := func(l msg.Lang) string {
		var parts []string
		if e.Where.Sheet != "" {
			parts = append(parts, msg.TextIn(l, msg.SheetLabel, e.Where.Sheet))
		}
		if e.Where.Cell != "" {
			parts = append(parts, msg.TextIn(l, msg.CellLabel, e.Where.Cell))
		}
		text := msg.TextIn(l, e.ID, e.Args...)
		if len(parts) > 0 {
			text = strings.Join(parts, ", ") + ": " + text
		}
		return text
	}
	return in(msg.Korean), in(msg.English)
}
