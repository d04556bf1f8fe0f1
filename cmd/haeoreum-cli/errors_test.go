package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/haeoreum/register/data/msg"
)

// Every error path of the command line ends in a message of the catalogue,
// in the user's language: never a library's English, never the catch-all
// "something unexpected", never an internal field name.
func TestEveryErrorPathSpeaksTheUsersLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	if code, _, stderr := cli(t, "--db", db, "import", fixture("master_2026.xlsx")); code != 0 {
		t.Fatal(stderr)
	}
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("not a register"), 0o644)
	missing := filepath.Join(dir, "nothing-here.db")
	paths := [][]string{
		{"--db", missing, "list", "--json"},
		{"--db", missing, "check"},
		{"--db", notDB, "list", "--json"},
		{"--db", db, "history", "HA-X99"},
		{"--db", db, "resolve", "--id", "999", "--keep"},
		{"--db", db, "restore", notDB},
		{"--db", db, "restore", missing},
		{"--db", db, "export", "--out", filepath.Join(dir, "no", "such", "folder", "r.xlsx")},
		{"--db", db, "import", filepath.Join(dir, "missing.xlsx")},
		{"--db", db, "import", dir},
	}
	for _, f := range []string{"legacy.xls", "not_excel.xlsx", "truncated.xlsx", "encrypted.xlsx", "empty.xlsx", "no_header.xlsx", "wrong_units.xlsx", "bomb.xlsx"} {
		paths = append(paths, []string{"--db", db, "import", fixture("bad/" + f)})
	}
	unexpected := map[msg.Lang]string{}
	for _, l := range []msg.Lang{msg.Korean, msg.English} {
		msg.SetLanguage(l)
		unexpected[l] = msg.Render(os.ErrInvalid)
	}
	for _, args := range paths {
		said := map[msg.Lang]string{}
		for _, l := range []msg.Lang{msg.Korean, msg.English} {
			t.Setenv("HAEOREUM_LANG", string(l))
			code, _, stderr := cli(t, args...)
			said[l] = stderr
			if code != 1 {
				t.Errorf("%v (%s): exit %d: %s", args[2:], l, code, stderr)
			}
			if strings.Contains(stderr, unexpected[l]) {
				t.Errorf("%v (%s): the catch-all message, not the error's own: %s", args[2:], l, stderr)
			}
			for _, internal := range []string{"budget_won", "progress_pct", "as_of", "lead_city", "sql:", "zip:", "open /", "(14)"} {
				if strings.Contains(stderr, internal) {
					t.Errorf("%v (%s): %q in %s", args[2:], l, internal, stderr)
				}
			}
		}
		if said[msg.Korean] == said[msg.English] || !hasHangul(strings.TrimPrefix(said[msg.Korean], "오류 / error:")) {
			t.Errorf("%v: not in Korean: %s", args[2:], said[msg.Korean])
		}
	}
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// A sheet's text never reaches the terminal raw: an escape code in a file's
// name (a CSV's sheet takes it; no cell check covers it) is shown as
// ⟨U+001B⟩, not obeyed.
func TestTerminalNeverGetsEscapeCodes(t *testing.T) {
	t.Setenv("HAEOREUM_LANG", "ko")
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	cli(t, "--db", db, "import", fixture("master_2026.xlsx"))
	path := filepath.Join(dir, "현황\x1bc\x07.csv")
	csv := "(단위: 백만원)\n사업명,총사업비,추진율(%)\n환동해 해양관광라인 구축,\"18,000\",41\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, stderr := cli(t, "--db", db, "import", "--dry-run", "--city", "pohang", path)
	if strings.ContainsAny(out+stderr, "\x1b\x07") || !strings.Contains(out+stderr, "⟨U+001B⟩") {
		t.Fatalf("the escape code is not shown safely: %q", out+stderr)
	}
}
