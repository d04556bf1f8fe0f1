package ui

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/haeoreum/register/assets"
)

// Every lang.L string of the window is translated in ko.json and en.json,
// and both files hold the same keys.
func TestTranslationsComplete(t *testing.T) {
	files := map[string]map[string]string{}
	for _, l := range []string{"ko", "en"} {
		b, err := fs.ReadFile(assets.Translations, "translations/"+l+".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s.json: %v", l, err)
		}
		files[l] = m
	}
	re := regexp.MustCompile(`lang\.L\(\s*("(?:[^"\\]|\\.)*")`)
	srcs, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("../cmd/haeoreum/*.go")
	for _, f := range append(srcs, more...) {
		if filepath.Ext(f) != ".go" || len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllSubmatch(b, -1) {
			key, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %s", f, m[1])
			}
			for l, tr := range files {
				if _, ok := tr[key]; !ok {
					t.Errorf("%s: %q is missing from %s.json", f, key, l)
				}
			}
		}
	}
	for k := range files["ko"] {
		if _, ok := files["en"][k]; !ok {
			t.Errorf("%q in ko.json but not en.json", k)
		}
	}
	for k := range files["en"] {
		if _, ok := files["ko"][k]; !ok {
			t.Errorf("%q in en.json but not ko.json", k)
		}
	}
}
