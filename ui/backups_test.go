package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/haeoreum/register/data/reconcile"
)

// The backups an import makes are listed in Settings, and one can be
// restored from there.
func TestBackupsListedAndRestored(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, v := e.u, e.u.settings
	ctx := context.Background()
	if _, err := reconcile.ImportFile(ctx, e.reg, filepath.Join(fixtures(t), "master_2026.xlsx"), reconcile.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := reconcile.ImportFile(ctx, e.reg, filepath.Join(fixtures(t), "ulsan_2026-10.xlsx"), reconcile.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	u.reload()
	u.tabs.Select(u.tabSet)
	if len(v.backups) < 2 {
		t.Fatalf("%d backups listed after two imports", len(v.backups))
	}
	// the newest backup was taken before the Ulsan import: restoring it
	// takes the register back to the master alone
	before := e.project("HA-C04").Get("progress_pct")
	v.list.Select(0)
	test.Tap(v.restore)
	if u.lastConfirm == nil {
		t.Fatal("restoring did not ask first")
	}
	u.lastConfirm.Confirm()
	u.Wait()
	if after := e.project("HA-C04").Get("progress_pct"); after == before || after != "40" {
		t.Fatalf("progress %s after restore (was %s), want the master's 40", after, before)
	}
}

// Light or dark is chosen in Settings and applies at once; the choice is
// remembered.
func TestAppearanceChoice(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, v := e.u, e.u.settings
	v.appearance.SetSelected("밝게")
	light := u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark)
	v.appearance.SetSelected("어둡게")
	dark := u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	if light == dark {
		t.Fatal("light and dark look the same")
	}
	if got := u.prefs.String(prefAppearance); got != appearanceDark {
		t.Fatalf("remembered %q", got)
	}
	if r, _, _, _ := light.RGBA(); r < 0x8000 {
		t.Fatal("the light background is dark")
	}
}
