package value

import (
	"strings"
	"testing"

	"github.com/haeoreum/register/data/msg"
)

// Every message of this package reads in both languages and names the text.
func TestMessagesNameTheText(t *testing.T) {
	for _, id := range msg.IDs() {
		if !strings.HasPrefix(string(id), "value.") || id == idEmpty {
			continue
		}
		for _, l := range []msg.Lang{msg.Korean, msg.English} {
			if got := msg.TextIn(l, id, "약 80억"); !strings.Contains(got, "'약 80억'") || strings.Contains(got, "%!") {
				t.Errorf("%s in %s: %q", id, l, got)
			}
		}
	}
}

func TestShown(t *testing.T) {
	if got := shown("에너지산업과\n강선명\r\n 052-229-2337 "); got != "에너지산업과 / 강선명 / 052-229-2337" {
		t.Errorf("got %q", got)
	}
	if got := []rune(shown(strings.Repeat("가", 100))); len(got) != 61 {
		t.Errorf("long text not cut: %d runes", len(got))
	}
}
