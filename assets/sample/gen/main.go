// Command gen builds the bundled sample register, assets/sample/sample.db,
// by importing the synthetic fixtures (the secretariat's master, then the
// three cities' sheets) into a fresh register, exactly as an official would:
//
//	go run ./assets/sample/gen [-fixtures ../shared/fixtures]
//
// Everything in it is synthetic (예시 자료(가상)); the window labels it so.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
)

func main() {
	fixtures := flag.String("fixtures", "../shared/fixtures", "folder with master_2026.xlsx and the city sheets")
	out := flag.String("out", "assets/sample", "folder to write sample.db and sample.json into")
	flag.Parse()
	ctx := context.Background()
	tmp, err := os.MkdirTemp("", "haeoreum-sample")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	reg, err := register.Open(filepath.Join(tmp, "register.db"), register.Options{BackupDir: filepath.Join(tmp, "b")})
	if err != nil {
		log.Fatal(err)
	}
	var shas []string
	for _, f := range []string{"master_2026.xlsx", "pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx"} {
		pv, err := reconcile.ImportFile(ctx, reg, filepath.Join(*fixtures, f), reconcile.FileOptions{})
		if err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		shas = append(shas, pv.SHA256)
		fmt.Printf("%s: %d added, %d changed, %d conflicts\n", f, len(pv.Added), len(pv.Changed), len(pv.Conflicts))
	}
	// A compact, self-contained copy (no WAL, no free pages).
	copyPath, err := reg.Backup(ctx, "sample")
	if err != nil {
		log.Fatal(err)
	}
	reg.Close()
	b, err := os.ReadFile(copyPath)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*out, "sample.db"), b, 0o644); err != nil {
		log.Fatal(err)
	}
	j, _ := json.MarshalIndent(map[string]any{
		"note":   "예시 자료(가상) / synthetic sample: every figure is invented (see ../shared/fixtures/README.md)",
		"sha256": shas,
	}, "", "  ")
	if err := os.WriteFile(filepath.Join(*out, "sample.json"), append(j, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s (%d bytes)\n", filepath.Join(*out, "sample.db"), len(b))
}
