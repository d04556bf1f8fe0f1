package sheet

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
)

const koreanCSV = "2026년 추진현황,,\r\n사업명,총사업비,추진율\r\n\"영일만대교, 건설\",\"1,200,000\",45.5%\r\n해오름 수소,800억,\r\n"

var koreanGrid = [][]string{
	{"2026년 추진현황"},
	{"사업명", "총사업비", "추진율"},
	{"영일만대교, 건설", "1,200,000", "45.5%"},
	{"해오름 수소", "800억"},
}

func TestCSVEncodings(t *testing.T) {
	cp949, err := korean.EUCKR.NewEncoder().String(koreanCSV)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(koreanCSV)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, data, enc string }{
		{"utf8.csv", koreanCSV, "utf-8"},
		{"bom.csv", "\uFEFF" + koreanCSV, "utf-8"},
		{"cp949.csv", cp949, "cp949"},
		{"utf16.txt", utf16, "utf-16le"},
		// CP949 beyond EUC-KR: 똠 and 햏 are not among EUC-KR's 2,350 syllables.
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wb := mustOpen(t, tc.name, []byte(tc.data))
			if wb.Format != "csv" || wb.Encoding != tc.enc || len(wb.Sheets) != 1 {
				t.Fatalf("format %s encoding %s sheets %d", wb.Format, wb.Encoding, len(wb.Sheets))
			}
			s := wb.Sheets[0]
			if s.Name != strings.TrimSuffix(strings.TrimSuffix(tc.name, ".csv"), ".txt") {
				t.Errorf("sheet name %q", s.Name)
			}
			if got := grid(s); !reflect.DeepEqual(got, koreanGrid) {
				t.Errorf("got %q", got)
			}
			if c := s.Cell(2, 3); c.Type != TypeString || c.Fmt != 0 {
				t.Errorf("B3 %+v", c)
			}
		})
	}
}

func TestCSVCP949Extension(t *testing.T) {
	text := "이름,비고\n똠방각하,햏\n"
	data, err := korean.EUCKR.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	wb := mustOpen(t, "uhc.csv", []byte(data))
	if got := wb.Sheets[0].Cell(2, 2).Value; wb.Encoding != "cp949" || got != "햏" {
		t.Errorf("encoding %s, B2 %q", wb.Encoding, got)
	}
}

func TestCSVDelimiters(t *testing.T) {
	want := [][]string{{"제목"}, {"a", "b,c", "d"}, {"1", "2,5", "3"}}
	for name, data := range map[string]string{
		"semicolon.csv": "제목\na;b,c;d\n1;2,5;3\n",
		"tab.tsv":       "제목\na\tb,c\td\n1\t2,5\t3\n",
		"hint.csv":      "sep=;\r\n제목\na;b,c;d\n1;2,5;3\n",
	} {
		wb := mustOpen(t, name, []byte(data))
		if got := grid(wb.Sheets[0]); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q", name, got)
		}
	}
}

// TestCSVRowNumbers: numbers are the rows Excel shows: blank lines count,
// a quoted cell spanning lines does not push later rows down.
func TestCSVRowNumbers(t *testing.T) {
	wb := mustOpen(t, "rows.csv", []byte("a,b\n\n\"여러\n줄\",x\n,\nlast,y\n"))
	var nums []int
	for _, r := range wb.Sheets[0].Rows {
		nums = append(nums, r.Num)
	}
	if want := []int{1, 3, 5}; !reflect.DeepEqual(nums, want) {
		t.Errorf("row numbers %v, want %v", nums, want)
	}
	if v := wb.Sheets[0].Cell(1, 3).Value; v != "여러\n줄" {
		t.Errorf("A3 %q", v)
	}
}

func TestCSVRefusals(t *testing.T) {
	binary := string([]byte{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00})
	noisy := strings.Repeat("\x80\x81\xff\xfe\xfd", 200) // not UTF-8, not CP949
	control := strings.Repeat("\x01\x02\x03\x04abc", 100)
	cases := map[string]struct {
		data string
		want error
	}{
		"image.csv": {binary, ErrNotSpreadsheet},
		"noise.csv": {noisy, ErrNotSpreadsheet},
		"ctrl.csv":  {control, ErrNotSpreadsheet},
		// A page with a table is read (TestHTMLTables); one without is refused.
		"page.xls":    {"\r\n<html><body><p>공지</p></body></html>", ErrMarkup},
		"xml2003.xls": {`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>`, ErrMarkup},
		"empty.csv":   {"", ErrEmptyWorkbook},
		"blank.csv":   {"\n,,\n,\n", ErrEmptyWorkbook},
		"wide.csv":    {strings.Repeat("x,", 300) + "x\n", ErrTooLarge},
	}
	for name, tc := range cases {
		_, err := OpenBytes(name, []byte(tc.data), Options{})
		if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: got %v", name, err)
		}
	}
	var many strings.Builder
	for range 20 {
		many.WriteString("1,2\n")
	}
	if _, err := OpenBytes("long.csv", []byte(many.String()), Options{Limits: Limits{MaxRows: 10}}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("rows: got %v", err)
	}
}
