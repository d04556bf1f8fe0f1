package msg_test

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	// Every package that defines messages, so that their init-time
	// definitions are in this test's catalog: the test must see them all.
	_ "github.com/haeoreum/register/data/field"
	_ "github.com/haeoreum/register/data/layout"
	_ "github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	_ "github.com/haeoreum/register/data/query"
	_ "github.com/haeoreum/register/data/reconcile"
	_ "github.com/haeoreum/register/data/register"
	_ "github.com/haeoreum/register/data/report"
	_ "github.com/haeoreum/register/data/round"
	_ "github.com/haeoreum/register/data/sheet"
	_ "github.com/haeoreum/register/data/summary"
	_ "github.com/haeoreum/register/data/value"
)

var verb = regexp.MustCompile(`%[-+# 0-9.]*(?:\[(\d+)\])?[-+# 0-9.]*([a-zA-Z%])`)

// arguments maps each argument a format uses (by its position, explicit
// %[n]s indexes included) to its verb.
func arguments(format string) map[int]string {
	out := map[int]string{}
	next := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		}
		out[next] = m[2]
		next++
	}
	return out
}

// Every message of every package has both languages with the same
// arguments, the Korean one in Korean.
func TestEveryMessageHasBothLanguages(t *testing.T) {
	ids := msg.IDs()
	if defined := definitions(t); len(ids) != defined {
		t.Fatalf("%d messages seen, %d defined in data/: a package that defines messages is not linked into this test", len(ids), defined)
	}
	for _, id := range ids {
		ko, en, _ := msg.Pair(id)
		if strings.TrimSpace(ko) == "" || strings.TrimSpace(en) == "" {
			t.Errorf("%s lacks a language", id)
			continue
		}
		if a, b := arguments(ko), arguments(en); !maps.Equal(a, b) {
			t.Errorf("%s: Korean takes %v, English %v", id, a, b)
		}
		if len(arguments(ko)) == 0 {
			for _, l := range []msg.Lang{msg.Korean, msg.English} {
				if text := msg.TextIn(l, id); strings.Contains(text, "%!") {
					t.Errorf("%s renders as %q: a lone %% must be written %%%%", id, text)
				}
			}
		}
		if !hasHangul(ko) && ko != en {
			t.Errorf("%s: the Korean text has no Korean: %q", id, ko)
		}
	}
}

// definitions counts the msg.Define calls in data/'s sources (and this
// package's own test message).
func definitions(t *testing.T) int {
	n := 0
	call := regexp.MustCompile(`\bDefine\(\s*"`)
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		if strings.HasSuffix(path, "_test.go") && filepath.Base(filepath.Dir(path)) != "msg" {
			return nil
		}
		src, err := os.ReadFile(path)
		for _, line := range strings.Split(string(src), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "//") {
				n += len(call.FindAllString(line, -1))
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// No Korean message shows a both-forms particle such as 을(를): whatever
// word an argument brings, the particle after it is chosen for it.
func TestNoMessageShowsBothParticleForms(t *testing.T) {
	for _, word := range []string{"기간", "사업비", "울산", "master.xlsx", "12"} {
		for _, id := range msg.IDs() {
			ko, _, _ := msg.Pair(id)
			args := arguments(ko)
			vals := make([]any, len(args))
			for i := range vals {
				switch args[i+1] {
				case "d":
					vals[i] = 3
				case "f", "g":
					vals[i] = 1.5
				default:
					vals[i] = word
				}
			}
			text := msg.TextIn(msg.Korean, id, vals...)
			for _, both := range []string{"을(를)", "를(을)", "이(가)", "가(이)", "은(는)", "는(은)", "와(과)", "과(와)", "(으)로"} {
				if strings.Contains(text, both) {
					t.Errorf("%s with %q reads %q", id, word, text)
				}
			}
		}
	}
}
