package register

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// folderNames are register folders whose names hold what a SQLite URI
// treats specially ('#' ends the path, '?' starts the query, "%41" is
// decoded to "A"), a space, and Hangul.
var folderNames = []string{"a#b", "why?", "50%41", "%", "two words", "해오름 등록부", "a#b?c%20d 사업"}

// TestRegisterInFolderWithURICharacters: in each folder the register is
// written to the file named and nowhere else, reads back, and its backups
// can be made, listed and restored.
func TestRegisterInFolderWithURICharacters(t *testing.T) {
	for _, name := range folderNames {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, name)
			path := filepath.Join(dir, "register.db")
			r, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			insert(t, r, sample("HA-U01"))
			want := listJSON(t, r)
			backup, err := r.Backup(ctx, "manual")
			if err != nil {
				r.Close()
				t.Fatalf("backup: %v", err)
			}
			insert(t, r, sample("HA-U02"))
			if err := r.Restore(ctx, backup); err != nil {
				r.Close()
				t.Fatalf("restore: %v", err)
			}
			if got := listJSON(t, r); got != want {
				r.Close()
				t.Fatalf("after restore %s, want %s", got, want)
			}
			r.Close()
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("the register is not at %s: %v", path, err)
			}
			// Nothing written anywhere else: the temp folder holds only the
			// register's folder, which holds the register and its backups.
			if names := dirNames(t, root); !slices.Equal(names, []string{name}) {
				t.Fatalf("files beside the register's folder: %v", names)
			}
			for _, n := range dirNames(t, dir) {
				if n != "register.db" && n != "backups" {
					t.Fatalf("unexpected file %q beside the register", n)
				}
			}
			r, err = Open(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("read-only open: %v", err)
			}
			defer r.Close()
			if got := listJSON(t, r); got != want {
				t.Fatalf("read-only open shows %s, want %s", got, want)
			}
		})
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestFileURIEscapesWhatSQLiteDecodes(t *testing.T) {
	for path, want := range map[string]string{
		"/a#b/50%41/why?/r.db": "file:///a%23b/50%2541/why%3F/r.db",
		"/해오름 등록부/r.db":        "file:///해오름 등록부/r.db",
	} {
		if got := fileURI(path, ""); got != want {
			t.Errorf("%s: %s, want %s", path, got, want)
		}
	}
	if got := fileURI("/r.db", "mode=ro"); got != "file:///r.db?mode=ro" {
		t.Errorf("with a query: %s", got)
	}
}
