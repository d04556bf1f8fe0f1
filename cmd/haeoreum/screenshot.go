package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"github.com/haeoreum/register/ui"
)

// screenshotOnFirstFrame is the start-up check of scripts/screenshot.sh:
// it prints how long the first frame took, saves the window a moment
// later (fonts and layout settled) and quits.
func screenshotOnFirstFrame(a fyne.App, start time.Time, path string) func() {
	return func() {
		fmt.Printf("first frame after %d ms\n", time.Since(start).Milliseconds())
		go func() {
			time.Sleep(1500 * time.Millisecond)
			// Once in a while (seen once in CI, under Xvfb, after the software
			// fallback) the window has not closed when it should: the check
			// has its screenshot, so say so and end rather than hang the
			// caller (a SIGTERM goes to Fyne's own quit, which waits too).
			time.AfterFunc(15*time.Second, func() {
				fmt.Println("screenshot: the window had not closed 15 s after its screenshot; exiting")
				os.Exit(0)
			})
			fyne.DoAndWait(func() {
				defer a.Quit()
				wins := a.Driver().AllWindows()
				if len(wins) == 0 {
					fmt.Fprintln(os.Stderr, "screenshot: no window")
					return
				}
				software, err := ui.SaveScreenshot(wins[0], path)
				if err != nil {
					fmt.Fprintln(os.Stderr, "screenshot:", err)
					return
				}
				if software {
					fmt.Println("(the GL read-back was blank: saved Fyne's software rendering of the same window)")
				}
				abs, _ := filepath.Abs(path)
				fmt.Println("screenshot saved to", abs)
			})
		}()
	}
}
