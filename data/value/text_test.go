package value

import (
	"errors"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/msg"
)

func TestCheckTextRefusesHiddenCharacters(t *testing.T) {
	cases := map[string]string{
		"가 사업\x1b[31m":                    "⟨U+001B⟩",
		"가\x00사업":                         "⟨U+0000⟩",
		"가\a사업":                           "⟨U+0007⟩",
		"가\x7f":                           "⟨U+007F⟩",
		"가\u0085사업":                       "⟨U+0085⟩",
		"사업\u202e업사":                      "⟨U+202E⟩",
		"\u2066가\u2069":                   "⟨U+2066⟩",
		"가\u200f사업":                       "⟨U+200F⟩",
		"가\xff사업":                         "⟨0xFF⟩",
		"가\uFFFD사업":                       "⟨U+FFFD⟩",
		strings.Repeat("가", 100) + "\x1b": "⟨U+001B⟩", // past what a message shows
	}
	for raw, marker := range cases {
		err := CheckText(raw)
		if !errors.Is(err, &msg.Error{ID: idHiddenChar}) {
			t.Errorf("CheckText(%q): %v", raw, err)
			continue
		}
		text := err.Error()
		if !strings.Contains(text, marker) {
			t.Errorf("CheckText(%q): %q does not show %s", raw, text, marker)
		}
		for _, r := range text {
			if hiddenRune(r) {
				t.Errorf("CheckText(%q): the message itself carries %U", raw, r)
			}
		}
	}
}

func TestCheckTextKeepsOrdinaryText(t *testing.T) {
	for _, raw := range []string{"", "가 사업", "에너지산업과\n강선명\r\n052-229-2337", "a\tb", "i-SMR 연계 (1단계) · 50%", "\u200b해오름\ufeff", "😀"} {
		if err := CheckText(raw); err != nil {
			t.Errorf("CheckText(%q): %v", raw, err)
		}
	}
}
