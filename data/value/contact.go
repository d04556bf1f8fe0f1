package value

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Contact is who answers for a project: department, officer and phone, as
// Gyeongju writes them in one cell.
type Contact struct{ Department, Officer, Phone string }

// phonePattern finds a Korean phone number: "054-779-2109", "(052)229-2337",
// "052)229-2337", "052 229 2337", "010.1234.5678".
var phonePattern = regexp.MustCompile(`\(?(0\d{1,2})\s*[)\-.\s]\s*(\d{3,4})\s*[-.\s]\s*(\d{4})`)

// deptSuffixes end the names of offices; an officer's name rarely does.
var deptSuffixes = []string{"과", "단", "팀", "실", "국", "센터", "본부", "담당관", "추진단", "사업소", "소", "처", "부", "관", "원"}

// titles are job titles written beside the officer's name; they stay with it.
var titles = map[string]bool{
	"주무관": true, "주사": true, "주사보": true, "사무관": true, "서기관": true, "팀장": true, "계장": true,
	"과장": true, "담당": true, "담당자": true, "연구원": true, "주임": true, "실장": true, "단장": true, "소장": true,
}

// labels are words that only announce what follows ("☎", "Tel.").
var labels = map[string]bool{"☎": true, "tel": true, "tel.": true, "tel:": true, "t.": true, "전화": true, "연락처": true, "담당부서": true}

// ParseContact splits a contact cell into department, officer and phone:
// "미래사업추진단 권수영 054-779-2109", "에너지산업과 / 강선명 (052-229-2337)",
// or the same over several lines. The phone is the first phone number,
// written 0XX-XXX(X)-XXXX; the officer is a 2–4 syllable Hangul name before
// the phone or after the department; everything else is the department.
// Nothing is dropped: text that fits nowhere stays in Department.
func ParseContact(raw string) Contact {
	s := clean(raw)
	var c Contact
	if at := findPhone(s); at != nil {
		c.Phone = s[at[2]:at[3]] + "-" + s[at[4]:at[5]] + "-" + s[at[6]:at[7]]
		s = s[:at[0]] + " " + s[at[1]:]
	}
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(" \t\r\n/,;|", r)
	}) {
		w = strings.Trim(w, "()[]:")
		if w != "" && !labels[strings.ToLower(w)] {
			words = append(words, w)
		}
	}
	officer := pickOfficer(words)
	var dept, title []string
	for i, w := range words {
		switch {
		case i == officer:
			c.Officer = w
		case titles[w] && officer >= 0:
			title = append(title, w)
		default:
			dept = append(dept, w)
		}
	}
	if len(title) > 0 {
		c.Officer += " " + strings.Join(title, " ")
	}
	c.Department = strings.Join(dept, " ")
	return c
}

// findPhone returns the submatch indexes of the first phone number that is
// not part of a longer digit run (a date or an amount), or nil.
func findPhone(s string) []int {
	for _, at := range phonePattern.FindAllStringSubmatchIndex(s, -1) {
		before, _ := utf8.DecodeLastRuneInString(s[:at[0]])
		after, _ := utf8.DecodeRuneInString(s[at[1]:])
		if !isASCIIDigit(before) && !isASCIIDigit(after) {
			// Drop a closing bracket that belongs to "(052-229-2337)".
			if strings.HasPrefix(s[at[0]:], "(") && strings.HasPrefix(s[at[1]:], ")") {
				at[1]++
			}
			return at
		}
	}
	return nil
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// pickOfficer returns the index of the officer's name among words, or -1.
// Preferred is the last name-like word (the one before the phone); a word
// ending like an office ("김민국") counts only right after a department.
func pickOfficer(words []string) int {
	for i := len(words) - 1; i >= 0; i-- {
		if nameLike(words[i]) && !officeLike(words[i]) {
			return i
		}
	}
	for i := 1; i < len(words); i++ {
		if nameLike(words[i]) && officeLike(words[i-1]) {
			return i
		}
	}
	return -1
}

// nameLike reports whether w is 2–4 Hangul syllables and not a job title.
func nameLike(w string) bool {
	n := 0
	for _, r := range w {
		if r < '가' || r > '힣' {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4 && !titles[w]
}

func officeLike(w string) bool {
	for _, s := range deptSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
