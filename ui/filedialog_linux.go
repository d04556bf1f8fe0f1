package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/rymdport/portal/filechooser"
)

// On Linux the desktop's own dialog is reached without cgo (GTK through
// cgo is what we avoid): zenity (GNOME and most others) or kdialog (KDE)
// when installed, else the desktop portal over D-Bus (what Flatpak apps
// use), else none and Fyne's.

// platformDialog is the dialog named (zenity, kdialog, portal) or, for ""
// or an unknown name, the first one this desktop has.
func platformDialog(want string) systemDialog {
	zen, _ := exec.LookPath("zenity")
	kde, _ := exec.LookPath("kdialog")
	switch {
	case want == "zenity" && zen != "":
		return zenity{zen}
	case want == "kdialog" && kde != "":
		return kdialog{kde}
	case want == "portal":
		return portal{}
	case kde != "" && strings.Contains(os.Getenv("XDG_CURRENT_DESKTOP"), "KDE"):
		return kdialog{kde}
	case zen != "":
		return zenity{zen}
	case kde != "":
		return kdialog{kde}
	case portalReachable():
		return portal{}
	}
	return nil
}

// zenity is GNOME's dialog program.
type zenity struct{ bin string }

func (z zenity) args(r fileRequest, save bool) []string {
	// No --attach nor --confirm-overwrite: zenity 3.91 fails on the one,
	// 4.0 deprecates the other; so the window does not wait for it and
	// replacing a file is asked about by the program.
	a := []string{"--file-selection", "--title=" + r.title}
	if save {
		a = append(a, "--save", "--filename="+filepath.Join(r.folder, r.name))
	} else {
		a = append(a, "--filename="+r.folder+string(filepath.Separator))
	}
	if r.multiple {
		a = append(a, "--multiple", "--separator=\n")
	}
	if len(r.exts) > 0 {
		a = append(a, "--file-filter="+filterName(r.exts)+" | "+strings.Join(globs(r.exts), " "))
	}
	return a
}

// asksOverwrite: only some zenity versions ask (see args).
func (zenity) asksOverwrite() bool { return false }

func (z zenity) open(r fileRequest) ([]string, error) {
	out, err := runDialog(z.bin, z.args(r, false))
	return lines(out), err
}

func (z zenity) save(r fileRequest) (string, error) {
	out, err := runDialog(z.bin, z.args(r, true))
	return strings.TrimSpace(out), err
}

// kdialog is KDE's dialog program.
type kdialog struct{ bin string }

func (k kdialog) args(r fileRequest, save bool) []string {
	a := []string{"--title", r.title}
	if r.parent != 0 {
		a = append(a, "--attach", fmt.Sprint(r.parent))
	}
	filter := strings.Join(globs(r.exts), " ") + "|" + filterName(r.exts)
	if save {
		return append(a, "--getsavefilename", filepath.Join(r.folder, r.name), filter)
	}
	if r.multiple { // (options before the dialog and its arguments)
		a = append(a, "--multiple", "--separate-output")
	}
	return append(a, "--getopenfilename", r.folder, filter)
}

// asksOverwrite: KDE's save dialog asks before replacing a file.
func (kdialog) asksOverwrite() bool { return true }

func (k kdialog) open(r fileRequest) ([]string, error) {
	out, err := runDialog(k.bin, k.args(r, false))
	return lines(out), err
}

func (k kdialog) save(r fileRequest) (string, error) {
	out, err := runDialog(k.bin, k.args(r, true))
	return strings.TrimSpace(out), err
}

// runDialog runs a dialog program and returns what it printed. Both
// programs exit with 1 when the user cancels; any other failure (no
// display, a broken install) means the dialog was not shown.
func runDialog(bin string, args []string) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return stdout.String(), nil
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		return "", nil // cancelled
	default:
		return "", fmt.Errorf("%w: %s: %v %s", errNoSystemDialog, filepath.Base(bin), err, strings.TrimSpace(stderr.String()))
	}
}

// portal is the XDG desktop portal's file chooser, over D-Bus.
type portal struct{}

// portalReachable: a session bus to ask (without one, D-Bus would try to
// start a bus of its own).
func portalReachable() bool {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return true
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		return false
	}
	_, err := os.Stat(filepath.Join(dir, "bus"))
	return err == nil
}

func portalParent(r fileRequest) string {
	if r.parent == 0 {
		return ""
	}
	return fmt.Sprintf("x11:%x", r.parent)
}

func portalFilter(exts []string) []*filechooser.Filter {
	f := &filechooser.Filter{Name: filterName(exts)}
	for _, g := range globs(exts) {
		f.Rules = append(f.Rules, filechooser.Rule{Type: filechooser.GlobPattern, Pattern: g})
	}
	return []*filechooser.Filter{f}
}

// asksOverwrite: the portal's choosers (GNOME's, KDE's) ask.
func (portal) asksOverwrite() bool { return true }

func (portal) open(r fileRequest) ([]string, error) {
	if !portalReachable() {
		return nil, errNoSystemDialog
	}
	uris, err := filechooser.OpenFile(portalParent(r), r.title, &filechooser.OpenFileOptions{
		Multiple: r.multiple, CurrentFolder: r.folder, Filters: portalFilter(r.exts)})
	if err != nil {
		return nil, fmt.Errorf("%w: portal: %v", errNoSystemDialog, err)
	}
	return uriPaths(uris), nil
}

func (portal) save(r fileRequest) (string, error) {
	if !portalReachable() {
		return "", errNoSystemDialog
	}
	uris, err := filechooser.SaveFile(portalParent(r), r.title, &filechooser.SaveFileOptions{
		CurrentName: r.name, CurrentFolder: r.folder, Filters: portalFilter(r.exts)})
	if err != nil {
		return "", fmt.Errorf("%w: portal: %v", errNoSystemDialog, err)
	}
	if p := uriPaths(uris); len(p) > 0 {
		return p[0], nil
	}
	return "", nil
}

// uriPaths keeps the local paths of the portal's file:// URIs (which the
// portal library has already unescaped: parsing them again would turn a
// name's "%41" into "A").
func uriPaths(uris []string) []string {
	var out []string
	for _, s := range uris {
		if p, ok := strings.CutPrefix(s, "file://"); ok {
			out = append(out, p)
		}
	}
	return out
}

// globs are the patterns for exts in both cases (GTK matches case-sensitively,
// and Windows users name files REPORT.XLSX).
func globs(exts []string) []string {
	var g []string
	for _, e := range exts {
		g = append(g, "*"+strings.ToLower(e), "*"+strings.ToUpper(e))
	}
	return g
}

// lines splits a dialog program's output into paths.
func lines(out string) []string {
	var paths []string
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimRight(l, "\r"); l != "" {
			paths = append(paths, l)
		}
	}
	return paths
}
