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
