package layout

import (
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// headerSearchRows is how far down a header is looked for: title blocks
// are a few rows, never dozens.
const headerSearchRows = 40

// header is a found header: one or two rows and the text over each column.
type header struct {
	upper, lower int // row numbers; lower == 0 for a one-row header
	score        int
	texts        map[int][2]string // col → {upper text, lower text}
}

// findHeader returns the most header-like row (with the row under or over it
// when the header has two rows), or ok=false.
func findHeader(s *sheet.Sheet) (header, bool) {
	var best header
	for i, row := range s.Rows {
		if row.Num > headerSearchRows {
			break
		}
		score, hasName := rowScore(s, row)
		if !hasName || score < 3 || score <= best.score {
			continue
		}
		best = header{upper: row.Num, score: score}
		// Two-row header: the row below names tiers under a group word.
		if i+1 < len(s.Rows) && s.Rows[i+1].Num == row.Num+1 && subHeaderCount(s, row, s.Rows[i+1]) >= 2 {
			best.lower = row.Num + 1
		}
	}
	if best.upper == 0 {
		return best, false
	}
	best.texts = headerTexts(s, best.upper, best.lower)
	return best, true
}

// headerAt is the header an official pointed at: row (with the row under
// it when that names tiers under a group word), whatever its score.
func headerAt(s *sheet.Sheet, row int) (header, bool) {
	for i, r := range s.Rows {
		if r.Num != row {
			continue
		}
		h := header{upper: row}
		h.score, _ = rowScore(s, r)
		if i+1 < len(s.Rows) && s.Rows[i+1].Num == row+1 && subHeaderCount(s, r, s.Rows[i+1]) >= 2 {
			h.lower = row + 1
		}
		h.texts = headerTexts(s, h.upper, h.lower)
		return h, true
	}
	return header{}, false
}

// rowScore counts the distinct roles a row's texts name.
func rowScore(s *sheet.Sheet, row sheet.Row) (int, bool) {
	seen := map[Role]bool{}
	for _, c := range row.Cells {
		if c.Type == sheet.TypeNumber || c.Value == "" || len(c.Value) > 80 {
			continue
		}
		role, _, amb := classify("", c.Value, false, false)
		if amb {
			role = RoleAmount
		}
		if role == RoleUnknown && normalizedGroups[headerKey(c.Value)] {
			role = RoleAmount
		}
		if role != RoleUnknown {
			seen[role] = true
		}
	}
	return len(seen), seen[RoleName]
}

// subHeaderCount counts cells of the next row that name a tier or another
// role under an empty or group cell of the header row.
func subHeaderCount(s *sheet.Sheet, upper, lower sheet.Row) int {
	n := 0
	for i, c := range lower.Cells {
		if c.Value == "" || c.Type == sheet.TypeNumber {
			continue
		}
		role, _, amb := classify("사업비", c.Value, false, false)
		if role != RoleAmount && !amb {
			continue
		}
		col := i + 1
		above := ""
		if col <= len(upper.Cells) {
			above = upper.Cells[col-1].Value
		}
		if above == "" || normalizedGroups[headerKey(above)] {
			n++
		}
	}
	return n
}

// headerTexts gives each column its upper and lower header text, spreading
// a group header over the columns its merge (or its empty neighbours with
// sub-headers) covers.
func headerTexts(s *sheet.Sheet, upper, lower int) map[int][2]string {
	out := map[int][2]string{}
	maxCol := 0
	for _, r := range s.Rows {
		if r.Num == upper || r.Num == lower {
			maxCol = max(maxCol, len(r.Cells))
		}
	}
	merges := rowSpans(s, upper)
	group := ""
	for col := 1; col <= maxCol; col++ {
		u := s.Cell(col, upper).Value
		if u == "" {
			u = merges.topLeft(col)
		}
		u = strings.TrimSpace(u)
		l := ""
		if lower > 0 {
			l = strings.TrimSpace(s.Cell(col, lower).Value)
			if m, ok := merges.at(col); ok && m.Contains(col, lower) {
				l = "" // one cell merged over both rows
			}
		}
		switch {
		case u != "":
			group = u
		case l != "" && group != "" && normalizedGroups[headerKey(group)]:
			u = group // empty neighbour of a group header, with a sub-header
		default:
			group = ""
		}
		if u != "" || l != "" {
			out[col] = [2]string{u, l}
		}
	}
	return out
}

// mapColumns turns header texts into columns for a known (or unknown) city.
func mapColumns(s *sheet.Sheet, h header, city model.City, cityKnown bool, tableUnit value.Unit) (cols []Column) {
	for col := 1; col <= maxKey(h.texts); col++ {
		t, ok := h.texts[col]
		if !ok {
			continue
		}
		upper, lower := t[0], t[1]
		role, tier, _ := classify(upper, lower, city.Metropolitan(), cityKnown)
		if lower == "" && upper != "" && role == RoleUnknown && normalizedGroups[headerKey(upper)] {
			role, tier = RoleAmount, model.Total
		}
		text := strings.TrimSpace(strings.Join(nonEmpty(upper, lower), " "))
		// Headers appear in messages: never with a character a terminal obeys.
		c := Column{Col: col, Header: value.Visible(text), Role: role, Tier: tier, Hidden: s.HiddenCols[col]}
		if role == RoleUnknown && strings.HasPrefix(value.NormalizeName(text), "담당") {
			if cs := model.FindCities(text); len(cs) == 1 {
				c.Role, c.City = RoleCityContact, cs[0]
			}
		}
		if role == RoleAmount {
			if u, ok := value.FindUnit(lower); ok {
				c.Unit = u
			} else if u, ok := value.FindUnit(upper); ok {
				c.Unit = u
			} else {
				c.Unit = tableUnit
			}
		}
		cols = append(cols, c)
	}
	return cols
}

// shareSiblingUnit gives amount columns without a unit of their own the one
// their siblings state, when all of those agree ("총사업비(원)", "국비", …).
func shareSiblingUnit(cols []Column) {
	var stated value.Unit
	agree := true
	for _, c := range cols {
		if c.Role == RoleAmount && c.Unit != 0 {
			if stated != 0 && stated != c.Unit {
				agree = false
			}
			stated = c.Unit
		}
	}
	if agree && stated != 0 {
		for i := range cols {
			if cols[i].Role == RoleAmount && cols[i].Unit == 0 {
				cols[i].Unit = stated
			}
		}
	}
}

func maxKey(m map[int][2]string) int {
	n := 0
	for k := range m {
		n = max(n, k)
	}
	return n
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
