package report

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
)

const fixtures = "../../../shared/fixtures"

var fixtureOrder = []string{"master_2026.xlsx", "pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx"}

// openRegister opens a fresh register in a temp folder.
func openRegister(t testing.TB) *register.Register {
	t.Helper()
	reg, err := register.Open(filepath.Join(t.TempDir(), "register.db"), register.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	return reg
}

// fixtureRegister imports the fixtures in their order into a new register.
func fixtureRegister(t testing.TB) *register.Register {
	t.Helper()
	reg := openRegister(t)
	for _, f := range fixtureOrder {
		if _, err := reconcile.ImportFile(context.Background(), reg, filepath.Join(fixtures, f), reconcile.FileOptions{}); err != nil {
			t.Fatalf("import %s: %v", f, err)
		}
	}
	return reg
}

var (
	fixtureOnce sync.Once
	fixtureData Data
	fixtureErr  error
)

// fixtureReportData loads the fixtures' register as report data once per run.
func fixtureReportData(t testing.TB) Data {
	t.Helper()
	fixtureOnce.Do(func() {
		reg, err := register.Open(filepath.Join(t.TempDir(), "shared.db"), register.Options{})
		if err != nil {
			fixtureErr = err
			return
		}
		defer reg.Close()
		for _, f := range fixtureOrder {
			if _, err := reconcile.ImportFile(context.Background(), reg, filepath.Join(fixtures, f), reconcile.FileOptions{}); err != nil {
				fixtureErr = err
				return
			}
		}
		fixtureData, fixtureErr = Load(context.Background(), reg, "", "")
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureData
}

// listJSON is the register's `list --json`.
func listJSON(t testing.TB, reg *register.Register) []map[string]any {
	t.Helper()
	ps, err := reg.List(context.Background(), register.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Cities == nil {
			p.Cities = []model.City{}
		}
	}
	b, err := json.Marshal(ps)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
