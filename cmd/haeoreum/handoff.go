package main

import (
	"errors"
	"log"
	"os"
	"time"

	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/ui"
	"github.com/haeoreum/register/ui/instance"
)

// handOff gives files to the window that has the register at path open
// already, or with no files brings it to the front (Explorer's "Open
// with" while the window is open). true: it took them; this start ends.
func handOff(path string, files []string, wait time.Duration) bool {
	handled, err := instance.SendWithin(path, files, wait)
	if err != nil {
		log.Printf("handing %d file(s) to the open window: %v", len(files), err)
	}
	if handled {
		log.Printf("handed %d file(s) to the window that has %s open", len(files), path)
	}
	return handled
}

// handOffToStarting is handOff after the register was found held (openErr):
// a window on this computer that has just taken it may not listen yet, so
// it waits for it. That is the usual case on Windows, where "Open with" on
// several selected files starts one process per file at once. A register
// held on another computer gets no wait.
func handOffToStarting(path string, files []string, openErr error) bool {
	if !errors.Is(openErr, register.ErrInUse) {
		return false
	}
	_, host, _ := register.Holder(path)
	if me, _ := os.Hostname(); host != me && host != "?" && host != "" {
		return false
	}
	return handOff(path, files, 10*time.Second)
}

// listenForLaterStarts makes u the window later starts hand their files
// to. If that fails they open read-only, as before; the window still runs.
func listenForLaterStarts(path string, u *ui.UI) (stop func()) {
	stop, err := instance.Listen(path, u.Receive)
	if err != nil {
		log.Printf("later starts cannot hand their files to this window: %v", err)
		return func() {}
	}
	return stop
}
