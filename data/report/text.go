package report

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/value"
)

// officialDate renders YYYY-MM-DD the official way: "2026. 10. 31.".
func officialDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return strconv.Itoa(t.Year()) + ". " + strconv.Itoa(int(t.Month())) + ". " + strconv.Itoa(t.Day()) + "."
}

// officialMonth renders YYYY-MM as "2024. 3.".
func officialMonth(m string) string {
	if !model.ValidMonth(m) {
		return m
	}
	mm, _ := strconv.Atoi(m[5:])
	return m[:4] + ". " + strconv.Itoa(mm) + "."
}

// officialTime renders an RFC 3339 timestamp in local time: "2026. 10. 31. 14:05".
func officialTime(ts string) string {
	t, err := time.Parse(time.RFC3339, ts)
	if err != nil {
		return ts
	}
	t = t.Local()
	return officialDate(t.Format("2006-01-02")) + " " + t.Format("15:04")
}

// endText is what the 종료 column shows: the month, or 계속 for an open end
// of a project that has started.
func endText(p *model.Project) string {
	if p.End != nil {
		return officialMonth(*p.End)
	}
	if p.Start != "" {
		return "계속"
	}
	return ""
}

// periodText renders the project's period as cities write it:
// "2024. 3. ~ 2028. 12.", "2025. 1. ~ 계속".
func periodText(p *model.Project) string {
	if p.Start == "" && p.End == nil {
		return ""
	}
	return strings.TrimSpace(officialMonth(p.Start) + " ~ " + endText(p))
}

// cityNames renders cities in Korean: "포항, 경주".
func cityNames(cs []model.City) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		parts = append(parts, c.Korean())
	}
	return strings.Join(parts, ", ")
}

// partners are the participating cities other than the lead.
func partners(p *model.Project) []model.City {
	out := make([]model.City, 0, len(p.Cities))
	for _, c := range p.Cities {
		if c != p.LeadCity {
			out = append(out, c)
		}
	}
	return out
}

// millions turns won into 백만원 exactly as far as a float64 can say it:
// IEEE division rounds correctly, so 1,234,567,000 won is 1234.567.
func millions(won int64) float64 { return float64(won) / 1e6 }

// wholeMillions reports whether an amount shows without decimals in 백만원.
func wholeMillions(won int64) bool { return won%1_000_000 == 0 }

// millionsText renders won as 백만원 text for listings: "75,000",
// "1,234.5", with △ for a negative amount as Korean reports write it.
func millionsText(won int64) string {
	s := value.FormatAmount(won, value.Baekman)
	if rest, neg := strings.CutPrefix(s, "-"); neg {
		return "△" + rest
	}
	return s
}

// reportLabels name what the report lists besides the register's fields.
var reportLabels = map[model.FieldKey]string{"code": "코드", fieldCreated: "사업 추가", "deleted": "등록 상태"}

// fieldCreated is the history's line for a project added to the register.
const fieldCreated model.FieldKey = "created"

// fieldLabel is a field's Korean name, the one the window and the CLI use
// too (data/field); never the register's internal one.
func fieldLabel(k model.FieldKey) string {
	if l, ok := reportLabels[k]; ok {
		return l
	}
	if field.Known(k) {
		return field.LabelIn(msg.Korean, k)
	}
	return "기타 항목"
}

// fieldValueText renders a field's canonical text for people: amounts in
// 백만원, months the official way, cities and kinds in Korean.
func fieldValueText(k model.FieldKey, v string) string {
	if _, ok := model.TierOf(k); ok {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return millionsText(n) + "백만원"
		}
		return v
	}
	switch k {
	case fieldCreated:
		if v == "" {
			return ""
		}
		return "신규 등록"
	case "deleted":
		if v == "1" {
			return "삭제"
		}
		return "등록"
	case "as_of":
		return officialDate(v)
	case model.FStart:
		return officialMonth(v)
	case model.FEnd:
		if v == "" {
			return "계속"
		}
		return officialMonth(v)
	case model.FProgress:
		if v == "" {
			return ""
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return model.FormatProgress(f) + "%"
		}
		return v + "%"
	case model.FKind:
		return model.Kind(v).Korean()
	case model.FLead:
		return model.City(v).Korean()
	case model.FCities:
		var cs []model.City
		for _, s := range strings.Split(v, ",") {
			if s != "" {
				cs = append(cs, model.City(s))
			}
		}
		return cityNames(cs)
	}
	return v
}

// textWidth estimates how many Excel width units a line of text takes in
// 맑은 고딕: Hangul and other wide characters take about two.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ' || r == '.' || r == ',' || r == ':' || r == '\'' || r == '(' || r == ')' || r == '|':
			w += 0.5
		case r < utf8.RuneSelf:
			w += 1.0
		case unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r) || (r >= 0xFF00 && r <= 0xFFEF):
			w += 1.75
		default:
			w += 1.2
		}
	}
	return w
}

// maxLineWidth is the width of the longest line of s.
func maxLineWidth(s string) float64 {
	if !strings.Contains(s, "\n") {
		return textWidth(s)
	}
	w := 0.0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, textWidth(line))
	}
	return w
}

// lineCount estimates the lines s wraps into in a column width wide.
func lineCount(s string, width float64) int {
	if s == "" {
		return 1
	}
	avail := max(width-1.5, 1)
	// Fast path: no character is wider than its UTF-8 bytes.
	if float64(len(s)) <= avail && strings.IndexByte(s, '\n') < 0 {
		return 1
	}
	n := 0
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '\n' {
			w := textWidth(s[start:i])
			lines := int(w/avail) + 1
			if w > 0 && float64(lines-1)*avail == w {
				lines--
			}
			n += max(lines, 1)
			start = i + 1
		}
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }

// maxCellText is the most an Excel cell holds, in UTF-16 units; excelize
// cuts a longer text silently, so it is refused before.
const maxCellText = excelize.TotalCellChars

// utf16Len counts a text's UTF-16 units, the measure of Excel's limit.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// checkCellText refuses a text no cell can hold, naming the project and
// the field: one longer than a cell takes, or with a character an xlsx
// cannot carry (excelize would write U+FFFD in its place, silently).
func checkCellText(v, sheet, ref, name, code, field string) error {
	where := msg.Where{Sheet: sheet, Cell: ref}
	if r, bad := badXMLRune(v); bad {
		return msg.Errorf(where, msgBadChar, name, code, field, r)
	}
	if len(v) <= maxCellText { // UTF-8 never takes fewer bytes than UTF-16 units
		return nil
	}
	if n := utf16Len(v); n > maxCellText {
		return msg.Errorf(where, msgTooLong, name, code, field, n, maxCellText)
	}
	return nil
}

// badXMLRune finds the first character XML 1.0 cannot hold (control
// characters other than tab and line breaks, U+FFFE/U+FFFF, broken UTF-8).
func badXMLRune(s string) (rune, bool) {
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf { // ASCII: the usual case, checked byte by byte
			if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
				return rune(b), true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
			return r, true
		}
		i += size
	}
	return 0, false
}
