// Command haeoreum is the desktop window of the Haeoreum register.
//
//	haeoreum [--db PATH] [FILE...]
//
// Without --db it opens the register chosen in Settings, else the default
// register in the user's application-data folder (the same as haeoreum-cli).
// Files named after the flags (Explorer's "Open with", a desktop file's %F)
// go to the import wizard; when a window has the same register open
// already, they go to its wizard instead and this start ends (handoff.go,
// ui/instance). HAEOREUM_SCREENSHOT=file.png saves the first frame, prints
// the start-up time and exits (scripts/screenshot.sh).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2/app"

	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/ui"
)

const appID = "kr.haeoreum.register"

// Set by the release build (-ldflags -X); "dev" in a plain build.
var version, build, commit = "dev", "", ""

func main() {
	start := time.Now()
	db := flag.String("db", "", "register file (default: the one chosen in Settings, else "+defaultPath()+")")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: haeoreum [--db PATH] [FILE.xlsx|FILE.csv ...]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	closeLog := setupLog()
	defer closeLog()
	log.Printf("haeoreum %s %s %s starting", version, build, commit) // the error log says which build failed
	defer recoverFatal()

	a := app.NewWithID(appID)
	ui.SetupLanguage(a.Preferences())
	path := *db
	if path == "" {
		path = a.Preferences().String("register.path")
	}
	if path == "" {
		path = defaultPath()
	}
	opts := ui.Options{OfferSample: true, Reporter: reporter{}, SystemDialogs: true, Files: absPaths(flag.Args())}
	if shot := os.Getenv("HAEOREUM_SCREENSHOT"); shot != "" {
		opts.OfferSample = false
		opts.OnFirstFrame = screenshotOnFirstFrame(a, start, shot)
	}

	if handOff(path, opts.Files, 0) { // a window has this register open: it takes the files
		return
	}
	reg, err := register.Open(path, register.Options{Exclusive: true})
	if err != nil {
		if handOffToStarting(path, opts.Files, err) {
			return
		}
		// say why in a small window, offering read-only access when
		// someone else has the register open
		ui.RunOpenFailed(a, path, err, opts)
		return
	}
	u := ui.New(a, reg, opts)
	stopListening := listenForLaterStarts(path, u)
	u.ShowAndRun()
	stopListening()
	u.Wait()
	reg.Close()
}

// absPaths makes the command line's files absolute: the import wizard
// shows and remembers them, and Explorer starts programs in its own folder.
func absPaths(args []string) []string {
	var out []string
	for _, a := range args {
		if p, err := filepath.Abs(a); err == nil {
			a = p
		}
		out = append(out, a)
	}
	return out
}

func defaultPath() string {
	p, _ := register.DefaultPath()
	return p
}
