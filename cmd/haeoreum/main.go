// Command haeoreum is the desktop window of the Haeoreum register.
//
//	haeoreum [--db PATH]
//
// Without --db it opens the register chosen in Settings, else the default
// register in the user's application-data folder (the same as haeoreum-cli).
// HAEOREUM_SCREENSHOT=file.png saves the first frame, prints the start-up
// time and exits (scripts/screenshot.sh).
package main

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"log"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/ui"
)

const appID = "kr.haeoreum.register"

// Set by the release build (-ldflags -X); "dev" in a plain build.
var version, build, commit = "dev", "", ""

func main() {
	start := time.Now()
	db := flag.String("db", "", "register file (default: the one chosen in Settings, else "+defaultPath()+")")
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
	opts := ui.Options{OfferSample: true, Reporter: reporter{}}
	shot := os.Getenv("HAEOREUM_SCREENSHOT")
	if shot != "" {
		opts.OfferSample = false
	}
	var u *ui.UI
	if shot != "" {
		opts.OnFirstFrame = func() {
			fmt.Printf("first frame after %d ms\n", time.Since(start).Milliseconds())
			go screenshot(a, &u, shot)
		}
	}

	reg, err := register.Open(path, register.Options{Exclusive: true})
	if err == nil {
		u = ui.New(a, reg, opts)
		u.ShowAndRun()
		u.Wait()
		reg.Close()
		return
	}
	// The register cannot be opened as it is: say why in a small window,
	// and offer read-only access when someone else has it open.
	w := a.NewWindow(lang.L("Haeoreum Register"))
	text := widget.NewLabel(ui.ErrorText(err))
	text.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton(lang.L("Quit"), a.Quit)
	buttons := container.NewHBox(quit)
	if errors.Is(err, register.ErrInUse) {
		ro := widget.NewButton(lang.L("Open read-only"), func() {
			r, err := register.Open(path, register.Options{ReadOnly: true})
			if err != nil {
				text.SetText(ui.ErrorText(err))
				return
			}
			reg = r
			u = ui.New(a, r, opts)
			u.Window().Show()
			w.Close()
		})
		ro.Importance = widget.HighImportance
		buttons.Add(ro)
	}
	w.SetContent(container.NewBorder(nil, container.NewCenter(buttons), nil, nil, container.NewPadded(text)))
	w.Resize(fyne.NewSize(560, 220))
	w.ShowAndRun()
	if u != nil {
		u.Wait()
	}
	if reg != nil {
		reg.Close()
	}
}

// uniform reports whether every pixel of img is the same (a blank capture).
func uniform(img image.Image) bool {
	b := img.Bounds()
	if b.Empty() {
		return true
	}
	first := img.At(b.Min.X, b.Min.Y)
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}

func defaultPath() string {
	p, _ := register.DefaultPath()
	return p
}

// screenshot saves the window's first frame and quits (start-up check).
func screenshot(a fyne.App, u **ui.UI, path string) {
	time.Sleep(1500 * time.Millisecond) // let fonts and layout settle
	fyne.DoAndWait(func() {
		if *u == nil {
			return
		}
		c := (*u).Window().Canvas()
		img := c.Capture()
		if uniform(img) {
			// Reading the GL framebuffer back between frames gives nothing
			// on some drivers (Mesa on Xvfb); draw the same canvas with
			// Fyne's software painter instead.
			// (the program quits next, so the widget tree may move).
			sc := software.NewCanvas()
			sc.SetPadded(false)
			sc.Resize(c.Size())
			sc.SetContent(c.Content())
			img = sc.Capture()
			fmt.Println("(the GL read-back was blank: saved Fyne's software rendering of the same window)")
		}
		f, err := os.Create(path)
		if err == nil {
			err = png.Encode(f, img)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "screenshot:", err)
		} else {
			abs, _ := filepath.Abs(path)
			fmt.Println("screenshot saved to", abs)
		}
		a.Quit()
	})
}
