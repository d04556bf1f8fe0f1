package instance

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"time"
)

// Send hands files to the window that has the register at registerPath
// open, or with no files asks it to come to the front. handled is false
// with no error when no window listens (the caller opens the register
// itself); an error means a window was found but did not take them.
func Send(registerPath string, files []string) (handled bool, err error) {
	e, err := endpointFor(registerPath)
	if err != nil {
		return false, err
	}
	c, err := net.DialTimeout("unix", e.socket, timeout)
	if err != nil {
		return false, nil // no socket, or a stale one that Listen will replace
	}
	defer c.Close()
	allowForeground()
	_ = c.SetDeadline(time.Now().Add(timeout))
	req := request{Version: protocolVersion, Files: []string{}}
	for _, f := range files {
		if abs, err := filepath.Abs(f); err == nil {
			f = abs
		}
		req.Files = append(req.Files, f)
	}
	if err := json.NewEncoder(c).Encode(req); err != nil {
		return false, fmt.Errorf("sending to the open window: %w", err)
	}
	line, err := bufio.NewReader(io.LimitReader(c, 64<<10)).ReadBytes('\n')
	if err != nil {
		return false, fmt.Errorf("waiting for the open window: %w", err)
	}
	var r reply
	if err := json.Unmarshal(line, &r); err != nil {
		return false, fmt.Errorf("the open window answered %q: %w", line, err)
	}
	if !r.OK {
		return false, errors.New("the open window refused the files: " + r.Error)
	}
	return true, nil
}

// SendWithin is Send, tried again until wait has passed while no window
// listens: a window that has just taken the register may not listen yet
// (two starts at once, the second finding the register held).
func SendWithin(registerPath string, files []string, wait time.Duration) (handled bool, err error) {
	deadline := time.Now().Add(wait)
	for {
		handled, err = Send(registerPath, files)
		if handled || err != nil || time.Now().After(deadline) {
			return handled, err
		}
		time.Sleep(100 * time.Millisecond)
	}
}
