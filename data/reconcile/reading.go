package reconcile

import "github.com/haeoreum/register/data/layout"

// Reading is a file as Understand read it, ready to preview or apply: its
// table, the file's hash, and what was decided for it and on what grounds
// (which the preview states and the import saves as the layout's profile).
type Reading struct {
	Path   string // the file as it was opened
	Table  *layout.Table
	SHA256 string
	how    *reading // nil for a table read another way (ReadFile): it teaches no profile
}

// ReadingOf wraps a table read with ReadFile, which teaches no profile.
func ReadingOf(path string, t *layout.Table, sha256 string) *Reading {
	return &Reading{Path: path, Table: t, SHA256: sha256}
}
