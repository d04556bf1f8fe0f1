package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fakeProgram writes an executable shell script standing for zenity or
// kdialog: it records its arguments in args.txt, prints out and exits
// with code.
func fakeProgram(t *testing.T, name, out string, code int) (bin, argsFile string) {
	t.Helper()
	dir := t.TempDir()
	argsFile = filepath.Join(dir, "args.txt")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + argsFile + "'\nprintf '%s' '" + out + "'\nexit " + string(rune('0'+code)) + "\n"
	bin = filepath.Join(dir, name)
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin, argsFile
}

func readArgs(t *testing.T, file string) string {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// zenity: several files, one a line; cancel is exit 1; a program that
// fails otherwise means Fyne's dialog takes over.
func TestZenityDialog(t *testing.T) {
	r := fileRequest{title: "가져올 파일 선택", folder: "/tmp/현황", exts: []string{".xlsx", ".csv"}, multiple: true, parent: 0x2a00004}
	bin, args := fakeProgram(t, "zenity", "/tmp/현황/포항 10월.xlsx\n/tmp/현황/울산.csv\n", 0)
	got, err := zenity{bin}.open(r)
	if err != nil || !slices.Equal(got, []string{"/tmp/현황/포항 10월.xlsx", "/tmp/현황/울산.csv"}) {
		t.Fatalf("open: %v %v", got, err)
	}
	a := readArgs(t, args)
	for _, want := range []string{"--file-selection", "--multiple", "--title=가져올 파일 선택", "--filename=/tmp/현황/", "*.xlsx *.XLSX *.csv *.CSV"} {
		if !strings.Contains(a, want) {
			t.Errorf("zenity args lack %q:\n%s", want, a)
		}
	}
	bin, _ = fakeProgram(t, "zenity", "", 1)
	if got, err := (zenity{bin}).open(r); err != nil || len(got) != 0 {
		t.Fatalf("cancel: %v %v", got, err)
	}
	bin, _ = fakeProgram(t, "zenity", "", 5)
	if _, err := (zenity{bin}).open(r); !errors.Is(err, errNoSystemDialog) {
		t.Fatalf("failure: %v", err)
	}
	// save: the suggested name in the start folder, overwriting asked
	bin, args = fakeProgram(t, "zenity", "/tmp/현황/보고서.xlsx\n", 0)
	path, err := zenity{bin}.save(fileRequest{title: "t", folder: "/tmp/현황", name: "보고서.xlsx", exts: []string{".xlsx"}})
	if err != nil || path != "/tmp/현황/보고서.xlsx" {
		t.Fatalf("save: %q %v", path, err)
	}
	// (no --confirm-overwrite nor --attach: zenity 3.91 refuses one, 4.0 deprecates the other)
	if a := readArgs(t, args); !strings.Contains(a, "--save") || !strings.Contains(a, "--filename=/tmp/현황/보고서.xlsx") ||
		strings.Contains(a, "--confirm-overwrite") || strings.Contains(a, "--attach") {
		t.Fatalf("save args:\n%s", a)
	}
}

// kdialog: the same through KDE's program.
func TestKdialogDialog(t *testing.T) {
	r := fileRequest{title: "가져올 파일 선택", folder: "/tmp/현황", exts: []string{".xlsx"}, multiple: true}
	bin, args := fakeProgram(t, "kdialog", "/tmp/현황/a.xlsx\n/tmp/현황/b.xlsx\n", 0)
	got, err := kdialog{bin}.open(r)
	if err != nil || len(got) != 2 {
		t.Fatalf("open: %v %v", got, err)
	}
	a := readArgs(t, args)
	for _, want := range []string{"--getopenfilename", "--multiple", "--separate-output", "*.xlsx *.XLSX|"} {
		if !strings.Contains(a, want) {
			t.Errorf("kdialog args lack %q:\n%s", want, a)
		}
	}
}

// The automatic choice: zenity or kdialog on the PATH, kdialog first on
// KDE; HAEOREUM_FILE_DIALOG=fyne gives Fyne's; with neither program and
// no session bus, none.
func TestPlatformDialogChoice(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"zenity", "kdialog"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	t.Setenv("XDG_CURRENT_DESKTOP", "GNOME")
	if _, ok := chooseSystemDialog().(zenity); !ok {
		t.Fatalf("GNOME: %T", chooseSystemDialog())
	}
	t.Setenv("XDG_CURRENT_DESKTOP", "KDE")
	if _, ok := chooseSystemDialog().(kdialog); !ok {
		t.Fatalf("KDE: %T", chooseSystemDialog())
	}
	t.Setenv(fileDialogEnv, "zenity")
	if _, ok := chooseSystemDialog().(zenity); !ok {
		t.Fatalf("asked for zenity: %T", chooseSystemDialog())
	}
	t.Setenv(fileDialogEnv, "fyne")
	if d := chooseSystemDialog(); d != nil {
		t.Fatalf("asked for Fyne's: %T", d)
	}
	t.Setenv(fileDialogEnv, "")
	t.Setenv("PATH", t.TempDir())
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	if d := chooseSystemDialog(); d != nil {
		t.Fatalf("nothing there: %T", d)
	}
	if got := uriPaths([]string{"file:///tmp/a b%41.xlsx", "https://x/y"}); !slices.Equal(got, []string{"/tmp/a b%41.xlsx"}) {
		t.Fatalf("portal paths: %v", got)
	}
}
