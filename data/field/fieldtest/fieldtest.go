// Package fieldtest holds the one table of typed values that every front
// end taking typed text is tested with (data/field/testdata/typed.tsv), so
// the window and the CLI are held to the same answers.
package fieldtest

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// Case is one typed value and what storing it must give.
type Case struct {
	Code    string
	Field   model.FieldKey
	Typed   string
	Stored  string // the canonical value stored, when accepted
	Refused msg.ID // the refusal's message id, when refused
	Korean  string // words the Korean refusal contains
	English string // words the English refusal contains
}

// Cases reads the table.
func Cases(t testing.TB) []Case {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	f, err := os.Open(filepath.Join(filepath.Dir(here), "..", "testdata", "typed.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Case
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		cols := append(strings.Split(line, "\t"), "", "", "")
		c := Case{Code: cols[0], Field: model.FieldKey(cols[1]), Typed: cols[2], Korean: cols[4], English: cols[5]}
		if id, ok := strings.CutPrefix(cols[3], "refused:"); ok {
			c.Refused = msg.ID(id)
		} else {
			c.Stored = cols[3]
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil || len(out) == 0 {
		t.Fatalf("typed.tsv: %d cases, %v", len(out), err)
	}
	return out
}

// Words returns the words the refusal must contain in language l.
func (c Case) Words(l msg.Lang) string {
	if l == msg.English {
		return c.English
	}
	return c.Korean
}
