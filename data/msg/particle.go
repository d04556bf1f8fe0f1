package msg

import (
	"strings"
	"unicode/utf8"
)

// Korean particles change with the sound the word before them ends in:
// 파일을 but 시트를, 값이 but 기간이… 사업비가. A message that puts an argument
// before a particle writes both forms, 을(를), and the particle is chosen
// here, once the argument is known, from the final consonant (받침) of the
// word's last syllable. golang.org/x/text has nothing for this; Hangul
// syllables are arithmetic: U+AC00 + (initial×21 + vowel)×28 + final.

// markers are the both-forms spellings messages use, each with the form
// after a final consonant and the form after a vowel.
var markers = []struct{ both, consonant, vowel string }{
	{"을(를)", "을", "를"}, {"를(을)", "을", "를"},
	{"이(가)", "이", "가"}, {"가(이)", "이", "가"},
	{"은(는)", "은", "는"}, {"는(은)", "은", "는"},
	{"과(와)", "과", "와"}, {"와(과)", "과", "와"},
	{"(으)로", "으로", "로"},
	{"(이)나", "이나", "나"}, {"(이)라", "이라", "라"},
}

// ending is how a word ends when read aloud.
type ending int

const (
	unknownEnding ending = iota
	vowelEnding
	consonantEnding
	rieulEnding // ㄹ: a consonant, but it takes 로, not 으로
)

// Eul is 을 or 를 for word: "파일" → "을".
func Eul(word string) string { return pick(word, "을", "를", "을(를)") }

// I is 이 or 가 for word: "기간" → "이", "사업비" → "가".
func I(word string) string { return pick(word, "이", "가", "이(가)") }

// Eun is 은 or 는 for word.
func Eun(word string) string { return pick(word, "은", "는", "은(는)") }

// Gwa is 과 or 와 for word.
func Gwa(word string) string { return pick(word, "과", "와", "과(와)") }

// Euro is 으로 or 로 for word (로 after ㄹ too: "서울로").
func Euro(word string) string {
	if endingOf(word) == rieulEnding {
		return "로"
	}
	return pick(word, "으로", "로", "(으)로")
}

// pick chooses by the word's ending; both when it cannot be told.
func pick(word, consonant, vowel, both string) string {
	switch endingOf(word) {
	case consonantEnding, rieulEnding:
		return consonant
	case vowelEnding:
		return vowel
	}
	return both
}

// Particles chooses every both-forms particle in a rendered text by the
// word just before it. One that cannot be told (after a symbol) stays as
// written, which is still correct Korean.
func Particles(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	for _, m := range markers {
		for i := 0; ; {
			j := strings.Index(s[i:], m.both)
			if j < 0 {
				break
			}
			j += i
			form := m.both
			switch e := endingOf(s[:j]); {
			case m.both == "(으)로" && e == rieulEnding:
				form = m.vowel
			case e == consonantEnding || e == rieulEnding:
				form = m.consonant
			case e == vowelEnding:
				form = m.vowel
			}
			s = s[:j] + form + s[j+len(m.both):]
			i = j + len(form)
		}
	}
	return s
}

// closers are what may stand between a word and its particle: quotes and
// brackets closing around the word ('파일'을, "시트"를, 총사업비(백만원)이).
const closers = `'"’”」』)]›`

// endingOf tells how the text's last word ends when read aloud.
func endingOf(text string) ending {
	text = strings.TrimRight(text, closers)
	r, _ := utf8.DecodeLastRuneInString(text)
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		switch (r - 0xAC00) % 28 {
		case 0:
			return vowelEnding
		case 8: // ㄹ
			return rieulEnding
		}
		return consonantEnding
	case r >= '0' && r <= '9':
		return numberEnding(text)
	case r == '%': // 퍼센트
		return vowelEnding
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		// read letter by letter, as Koreans read file names and codes:
		// 엘, 엠, 엔 and 알 end in a consonant, the other names in a vowel
		switch r | 0x20 {
		case 'l', 'r':
			return rieulEnding
		case 'm', 'n':
			return consonantEnding
		}
		return vowelEnding
	}
	return unknownEnding
}

// numberEnding reads the number at the end of text in Sino-Korean: the last
// digit's name (일, 이, 삼 …), or 십, 백, 천, 만 after trailing zeros, all of
// which end in a consonant.
func numberEnding(text string) ending {
	digits := strings.TrimRightFunc(text, func(r rune) bool { return r < '0' || r > '9' })
	end := len(digits)
	start := end
	for start > 0 && digits[start-1] >= '0' && digits[start-1] <= '9' {
		start--
	}
	n := strings.TrimLeft(digits[start:end], "0")
	if n == "" || n[len(n)-1] == '0' {
		return consonantEnding // 영, 십, 백, 천, 만
	}
	switch n[len(n)-1] {
	case '1', '7', '8': // 일, 칠, 팔
		return rieulEnding
	case '3', '6': // 삼, 육
		return consonantEnding
	}
	return vowelEnding // 이, 사, 오, 구
}
