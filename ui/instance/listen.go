package instance

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"sync"
	"time"
)

// timeout bounds each side of one hand-off: a client that connects and
// says nothing must not hold a goroutine, and a window that does not
// answer must not keep the second start waiting.
var timeout = 5 * time.Second

// Listen makes this process the window for the register at registerPath:
// what later starts send is passed to receive, one request at a time, on
// a goroutine of its own (receive must hand it to the UI goroutine). An
// empty list asks the window to come to the front. It returns ErrRunning
// when another process listens already. stop closes the endpoint and
// waits for requests being handled.
func Listen(registerPath string, receive func(files []string)) (stop func(), err error) {
	e, err := endpointFor(registerPath)
	if err != nil {
		return nil, err
	}
	lock, err := os.OpenFile(e.lock, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := tryLock(lock); err != nil {
		lock.Close()
		return nil, ErrRunning
	}
	// We hold the lock, so no live process listens here: a socket file
	// left is stale (its process died) and is replaced.
	if err := os.Remove(e.socket); err == nil {
		log.Printf("instance: removed a stale socket %s", e.socket)
	}
	ln, err := net.Listen("unix", e.socket)
	if err != nil {
		_ = unlock(lock)
		lock.Close()
		return nil, err
	}
	s := &server{ln: ln, receive: receive}
	s.wg.Add(1)
	go s.serve()
	var once sync.Once
	return func() {
		once.Do(func() {
			ln.Close() // removes the socket file
			s.wg.Wait()
			_ = unlock(lock)
			lock.Close()
		})
	}, nil
}

// server answers the requests of later starts.
type server struct {
	ln      net.Listener
	receive func([]string)
	mu      sync.Mutex // one request reaches receive at a time, in order
	wg      sync.WaitGroup
}

func (s *server) serve() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return
		}
		if err != nil {
			log.Printf("instance: accept: %v", err)
			time.Sleep(50 * time.Millisecond) // e.g. out of file handles: do not spin
			continue
		}
		s.wg.Add(1)
		go s.handle(c)
	}
}

// handle answers one client; a bad one is logged and sent away, and
// nothing it sends can stop the listener.
func (s *server) handle(c net.Conn) {
	defer s.wg.Done()
	defer c.Close()
	defer func() {
		if r := recover(); r != nil {
			log.Printf("instance: handling a request panicked: %v", r)
		}
	}()
	_ = c.SetDeadline(time.Now().Add(timeout))
	req, err := readRequest(c)
	if err != nil {
		log.Printf("instance: ignoring a bad request: %v", err)
		writeLine(c, reply{Error: err.Error()})
		return
	}
	log.Printf("instance: a later start handed over %d file(s)", len(req.Files))
	s.mu.Lock()
	s.receive(req.Files)
	s.mu.Unlock()
	writeLine(c, reply{OK: true})
}

// readRequest reads one line of at most maxRequest bytes and checks it.
func readRequest(r io.Reader) (request, error) {
	var req request
	line, err := bufio.NewReader(io.LimitReader(r, maxRequest+1)).ReadBytes('\n')
	if len(line) > maxRequest {
		return req, fmt.Errorf("request longer than %d bytes", maxRequest)
	}
	if err != nil {
		return req, fmt.Errorf("reading the request: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, fmt.Errorf("not a request: %w", err)
	}
	return req, req.check()
}

// writeLine sends v as one JSON line (Encode ends it with a newline).
func writeLine(w io.Writer, v any) {
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("instance: writing: %v", err)
	}
}
