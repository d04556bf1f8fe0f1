package report

import (
	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
)

// ListColumn is one column of a listing added with AddListSheet.
type ListColumn struct {
	Head  string
	Width float64 // in characters; a listing's widths should add up to at most 122 (one A4 landscape page wide at ≥ 9 pt)
	Wrap  bool
}

// AddListSheet adds a printed listing to a workbook made elsewhere (the
// chase workbook's 보완 요청 list): a title, a line under it, a one-row
// header, then the rows, laid out and printed as the report's listings
// are (frozen header, autofilter, A4 landscape, the council's header and
// footer). emptyText stands in the first column when there are no rows.
func AddListSheet(f *excelize.File, name, title, line string, cols []ListColumn, rows [][]string, emptyText, asOf string) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	heads, widths, wrap := make([]string, len(cols)), make([]float64, len(cols)), make([]bool, len(cols))
	for i, c := range cols {
		heads[i], widths[i], wrap[i] = c.Head, c.Width, c.Wrap
	}
	l, err := newListSheet(f, &st, name, title, line, heads, widths, wrap, nil)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := l.add(subject{}, r...); err != nil {
			return err
		}
	}
	if len(rows) == 0 && emptyText != "" {
		if err := l.add(subject{}, append([]string{emptyText}, make([]string, len(cols)-1)...)...); err != nil {
			return err
		}
	}
	return l.finish(f, asOf)
}

// CityFullName is a city's official name: 포항시, 울산광역시, 경주시.
func CityFullName(c model.City) string { return cityFullName(c) }

// OfficialDate writes a YYYY-MM-DD date the official way: 2026. 10. 31.
func OfficialDate(iso string) string { return officialDate(iso) }
