// Package sheettest gives tests the workbooks other programs make of
// ours: LibreOffice's re-save of an xlsx, or its conversion to CSV or PDF,
// as a city office's LibreOffice would write them.
package sheettest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// XLSX is LibreOffice's filter for an Excel 2007+ workbook.
const XLSX = "xlsx:Calc MS Excel 2007 XML"

// recalcProfile is a LibreOffice user profile that recalculates every
// formula of an xlsx on load, so the converted file holds LibreOffice's
// own results rather than our cached ones.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// Convert converts each file with LibreOffice's filter ("pdf", XLSX, a
// CSV filter) into out and returns the converted paths (each name with
// ext). With recalc every formula is computed again on load; without,
// LibreOffice keeps the cached results, as its default does. It skips the
// test under -short (the race pass) and where LibreOffice is not installed.
func Convert(t testing.TB, out, filter, ext string, recalc bool, files ...string) []string {
	t.Helper()
	if testing.Short() {
		t.Skip("LibreOffice checks run in the full pass; -short (the race pass) skips them")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed (CI installs it)")
	}
	profile := filepath.Join(t.TempDir(), "lo")
	if recalc {
		if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + profile,
		"--convert-to", filter, "--outdir", out}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	start := time.Now()
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, output)
	}
	t.Logf("LibreOffice converted %d files in %v", len(files), time.Since(start))
	var conv []string
	for _, f := range files {
		p := filepath.Join(out, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+ext)
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("LibreOffice did not convert %s:\n%s", filepath.Base(f), output)
		}
		conv = append(conv, p)
	}
	return conv
}

// Resave opens in with LibreOffice and saves it again as xlsx, as a city
// officer's LibreOffice would; it returns the new file.
func Resave(t testing.TB, in string) string {
	t.Helper()
	return Convert(t, t.TempDir(), XLSX, ".xlsx", false, in)[0]
}
