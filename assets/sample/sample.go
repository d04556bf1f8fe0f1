// Package sample holds the bundled sample register: the synthetic fixtures
// imported into a fresh register (see gen/). Everything in it is invented;
// the window labels it "예시 자료(가상) / synthetic sample".
package sample

import (
	"context"
	_ "embed"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"

	"github.com/haeoreum/register/data/register"
)

//go:generate go run ./gen -fixtures ../../../shared/fixtures -out .

//go:embed sample.db
var DB []byte

//go:embed sample.json
var meta []byte

// SHA256s are the fixture files the sample was imported from.
func SHA256s() []string {
	var m struct {
		SHA256 []string `json:"sha256"`
	}
	_ = json.Unmarshal(meta, &m)
	return m.SHA256
}

// Load replaces the content of reg (an empty register) with the sample,
// through the register's own restore, so the lock and backups stay in
// order.
func Load(ctx context.Context, reg *register.Register) error {
	dir, err := os.MkdirTemp("", "haeoreum-sample")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "sample.db")
	if err := os.WriteFile(path, DB, 0o600); err != nil {
		return err
	}
	return reg.Restore(ctx, path)
}

// IsSample reports whether every import of reg came from the sample's
// files, and there was at least one: the register still is the sample
// (edits on it do not make it real data).
func IsSample(ctx context.Context, reg *register.Register) bool {
	batches, err := reg.Batches(ctx, 1000)
	if err != nil {
		return false
	}
	shas, imports := SHA256s(), 0
	for _, b := range batches {
		if b.Kind != register.KindImport || b.Undone != 0 {
			continue
		}
		if !slices.Contains(shas, b.SHA256) {
			return false
		}
		imports++
	}
	return imports > 0
}
