package layout

import (
	"regexp"
	"sort"
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// Phone prefixes of the three city halls: Ulsan has its own area code;
// Pohang and Gyeongju share 054 and differ by exchange.
var phoneCity = []struct {
	re   *regexp.Regexp
	city model.City
}{
	{regexp.MustCompile(`\b052[-) ]`), model.Ulsan},
	{regexp.MustCompile(`\b054[-) ]?(270|240|241|245|289)[- ]`), model.Pohang},
	{regexp.MustCompile(`\b054[-) ]?(779|760|772)[- ]`), model.Gyeongju},
}

var fileCity = map[string]model.City{
	"pohang": model.Pohang, "포항": model.Pohang,
	"ulsan": model.Ulsan, "울산": model.Ulsan,
	"gyeongju": model.Gyeongju, "경주": model.Gyeongju, "kyeongju": model.Gyeongju,
}

// detectCity weighs what the sheet says about its sender: the title lines
// and cover sheets (strongest), the file name, the tier labels, phone numbers and city
// names in the rows. It returns "" when the evidence is missing or split.
func detectCity(file string, s *sheet.Sheet, h header, covers []*sheet.Sheet) (model.City, string) {
	score := map[model.City]float64{}
	why := map[model.City][]string{}
	add := func(c model.City, w float64, reason string) {
		score[c] += w
		why[c] = append(why[c], reason)
	}
	for _, cover := range covers { // a cover sheet's lines count as the title's
		for _, row := range cover.Rows {
			for _, c := range row.Cells {
				for _, city := range model.FindCities(c.Value) {
					if !example(c.Value) {
						add(city, 5, msg.Text(msgEvidenceCover, cover.Name))
					}
				}
			}
		}
	}
	for _, row := range s.Rows {
		if row.Num >= h.upper {
			break
		}
		for _, c := range row.Cells {
			for _, city := range model.FindCities(c.Value) {
				add(city, 5, msg.Text(msgEvidenceTitle))
			}
		}
	}
	lowFile := strings.ToLower(file)
	for word, city := range fileCity {
		if strings.Contains(lowFile, word) {
			add(city, 3, msg.Text(msgEvidenceFile))
		}
	}
	for _, t := range h.texts {
		switch headerKey(t[1]) {
		case value.NormalizeName("구·군비"), "구군비", "군비", "구비":
			add(model.Ulsan, 4, msg.Text(msgEvidenceColumn, "구·군비"))
		case "도비":
			add(model.Pohang, 1, msg.Text(msgEvidenceColumn, "도비"))
			add(model.Gyeongju, 1, msg.Text(msgEvidenceColumn, "도비"))
		}
		if headerKey(t[0]) == "도비" {
			add(model.Pohang, 1, msg.Text(msgEvidenceColumn, "도비"))
			add(model.Gyeongju, 1, msg.Text(msgEvidenceColumn, "도비"))
		}
	}
	// A few hundred rows are ample evidence; a 100,000-row sheet need not
	// be scanned whole.
	phones := map[model.City]int{}
	for i, row := range s.Rows {
		if i > 500 {
			break
		}
		if row.Num <= h.upper {
			continue
		}
		for _, c := range row.Cells {
			if c.Type == sheet.TypeNumber || len(c.Value) < 8 {
				continue
			}
			for _, p := range phoneCity {
				if p.re.MatchString(c.Value + " ") {
					phones[p.city]++
				}
			}
		}
	}
	total := 0
	for _, n := range phones {
		total += n
	}
	for c, n := range phones {
		if total > 0 && n*2 > total {
			add(c, 2, msg.Text(msgEvidencePhones, n))
		}
	}
	type cand struct {
		c model.City
		s float64
	}
	var cs []cand
	for c, s := range score {
		cs = append(cs, cand{c, s})
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].s > cs[j].s || cs[i].s == cs[j].s && cs[i].c < cs[j].c })
	if len(cs) == 0 || len(cs) > 1 && cs[0].s-cs[1].s < 2 {
		return "", ""
	}
	return cs[0].c, strings.Join(why[cs[0].c], ", ")
}

var (
	msgEvidenceCover = msg.Define("layout.evidence.cover", "표지 시트 '%s'", "the cover sheet '%s'")
	msgUnitCover     = msg.Define("layout.unit.cover", "표지 시트 '%s'의 단위 줄(%s)", "the unit line of the cover sheet '%s' (%s)")
)

// covers are the workbook's cover sheets (표지) beside s: short sheets of
// a few lines with no table of their own, which may state the sender, the
// unit and the as-of date for the table.
func covers(wb *sheet.Workbook, s *sheet.Sheet) []*sheet.Sheet {
	var out []*sheet.Sheet
	for _, other := range wb.Sheets {
		if other == s || other.Name == templateInfoSheet || !coverSheet(other) {
			continue
		}
		if _, table := findHeader(other); !table {
			out = append(out, other)
		}
	}
	return out
}

// coverUnit is the unit a cover sheet's unit line states.
func coverUnit(cs []*sheet.Sheet) (value.Unit, string, bool) {
	for _, cover := range cs {
		for _, row := range cover.Rows {
			for i, c := range row.Cells {
				if u, ok := value.FindUnit(c.Value); ok && strings.Contains(c.Value, "단위") && !example(c.Value) {
					return u, msg.Text(msgUnitCover, cover.Name, sheet.CellName(i+1, row.Num)), true
				}
			}
		}
	}
	return 0, "", false
}
