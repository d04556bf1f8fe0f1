package instance

import (
	"bufio"
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// useDir puts the sockets in a fresh folder of the test's. Where the
// system has no Unix-domain sockets (Windows before 10 1803, Wine 8) the
// window only logs that later starts cannot reach it; there is nothing to
// test then.
func useDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "run")
	probe, err := net.Listen("unix", filepath.Join(t.TempDir(), "probe.sock"))
	if err != nil {
		t.Skipf("no Unix-domain sockets here: %v", err)
	}
	probe.Close()
	old := baseDir
	baseDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { baseDir = old })
	return dir
}

// inbox is a window's receive callback, recording what reached it.
type inbox struct {
	mu  sync.Mutex
	got [][]string
}

func (in *inbox) receive(files []string) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.got = append(in.got, files)
}

func (in *inbox) requests() [][]string {
	in.mu.Lock()
	defer in.mu.Unlock()
	return slices.Clone(in.got)
}

func listen(t *testing.T, register string, in *inbox) {
	t.Helper()
	stop, err := Listen(register, in.receive)
	if err != nil {
		t.Fatalf("listen for %s: %v", register, err)
	}
	t.Cleanup(stop)
}

func send(t *testing.T, register string, files ...string) {
	t.Helper()
	handled, err := Send(register, files)
	if err != nil || !handled {
		t.Fatalf("send to %s: handled %v, %v", register, handled, err)
	}
}

// A second start's files reach the window of the same register, made
// absolute, however the register's path was spelled.
func TestFilesReachTheOpenWindow(t *testing.T) {
	dir := useDir(t)
	work := t.TempDir()
	reg := filepath.Join(work, "register.db")
	if err := os.WriteFile(reg, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	in := &inbox{}
	listen(t, reg, in)

	a, b := filepath.Join(work, "포항_2026-10.xlsx"), filepath.Join(work, "울산 현황.csv")
	send(t, reg, a, b)
	// the same register by another name: a relative, unclean path, and a symbolic link
	t.Chdir(work)
	send(t, "./sub/../register.db", "경주.xlsx")
	if runtime.GOOS != "windows" {
		link := filepath.Join(t.TempDir(), "link.db")
		if err := os.Symlink(reg, link); err != nil {
			t.Fatal(err)
		}
		send(t, link, a)
	}
	got := in.requests()
	want := [][]string{{a, b}, {filepath.Join(work, "경주.xlsx")}}
	if runtime.GOOS != "windows" {
		want = append(want, []string{a})
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("the window received %q, want %q", got, want)
	}
	// the socket sits in a folder only the user can read, under a short name
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o700 {
		t.Fatalf("socket folder mode %v, want 0700", info.Mode().Perm())
	}
	e, _ := endpointFor(reg)
	if _, err := os.Stat(e.socket); err != nil || len(filepath.Base(e.socket)) > 20 {
		t.Fatalf("socket %s: %v", e.socket, err)
	}
}

// Without files a second start only asks the window to come forward:
// the window is told with an empty list.
func TestStartWithoutFilesAsksForFocus(t *testing.T) {
	useDir(t)
	reg := filepath.Join(t.TempDir(), "register.db")
	in := &inbox{}
	listen(t, reg, in)
	send(t, reg)
	if got := in.requests(); len(got) != 1 || len(got[0]) != 0 {
		t.Fatalf("the window received %q, want one empty request", got)
	}
}

// With no window open, Send says so without an error, and the start goes
// on to open the register itself; after the window stops, the same.
func TestNoWindowListening(t *testing.T) {
	useDir(t)
	reg := filepath.Join(t.TempDir(), "register.db")
	if handled, err := Send(reg, []string{"/x.xlsx"}); handled || err != nil {
		t.Fatalf("no window: handled %v, %v", handled, err)
	}
	stop, err := Listen(reg, (&inbox{}).receive)
	if err != nil {
		t.Fatal(err)
	}
	stop()
	stop() // twice is harmless
	if handled, err := Send(reg, nil); handled || err != nil {
		t.Fatalf("after stop: handled %v, %v", handled, err)
	}
}

// A socket left behind by a window that crashed neither answers nor blocks
// the next window from listening.
func TestStaleSocketIsReplaced(t *testing.T) {
	useDir(t)
	reg := filepath.Join(t.TempDir(), "register.db")
	leaveStaleSocket(t, reg)
	if handled, err := Send(reg, []string{"/x.xlsx"}); handled || err != nil {
		t.Fatalf("stale socket: handled %v, %v", handled, err)
	}
	in := &inbox{}
	listen(t, reg, in)
	want, _ := filepath.Abs("/y.xlsx")
	send(t, reg, want)
	if got := in.requests(); len(got) != 1 || got[0][0] != want {
		t.Fatalf("after replacing the stale socket the window received %q", got)
	}
}

// leaveStaleSocket leaves the socket file of reg as a crashed window does.
func leaveStaleSocket(t *testing.T, reg string) {
	t.Helper()
	e, err := endpointFor(reg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("unix", e.socket)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
	if _, err := os.Stat(e.socket); err != nil {
		t.Fatalf("no stale socket to test with: %v", err)
	}
}

// Two registers open in two windows each get their own files, and a
// second window for the same register is refused.
func TestTwoRegistersSideBySide(t *testing.T) {
	useDir(t)
	work := t.TempDir()
	regA, regB := filepath.Join(work, "a.db"), filepath.Join(work, "b.db")
	inA, inB := &inbox{}, &inbox{}
	listen(t, regA, inA)
	listen(t, regB, inB)
	if _, err := Listen(regA, (&inbox{}).receive); !errors.Is(err, ErrRunning) {
		t.Fatalf("a second listener for a.db: %v, want ErrRunning", err)
	}
	send(t, regA, filepath.Join(work, "for-a.xlsx"))
	send(t, regB, filepath.Join(work, "for-b.xlsx"))
	gotA, gotB := inA.requests(), inB.requests()
	if len(gotA) != 1 || filepath.Base(gotA[0][0]) != "for-a.xlsx" || len(gotB) != 1 || filepath.Base(gotB[0][0]) != "for-b.xlsx" {
		t.Fatalf("a got %q, b got %q", gotA, gotB)
	}
}

// rawRequest sends data as it is and returns the answer line ("" if the
// window closed the connection without one).
func rawRequest(t *testing.T, socket string, data []byte) string {
	t.Helper()
	c, err := net.Dial("unix", socket)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	go func() { _, _ = c.Write(data) }() // the window may stop reading an oversized request
	line, _ := bufio.NewReader(c).ReadString('\n')
	return line
}

// Malformed, foreign or oversized requests are refused, reach nothing, and
// the window goes on serving; a client that says nothing is dropped after
// the timeout without holding up the others.
func TestBadClientsAreRefused(t *testing.T) {
	useDir(t)
	old := timeout
	timeout = 300 * time.Millisecond
	t.Cleanup(func() { timeout = old })
	reg := filepath.Join(t.TempDir(), "register.db")
	in := &inbox{}
	listen(t, reg, in)
	e, _ := endpointFor(reg)

	silent, err := net.Dial("unix", e.socket)
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()

	huge := append([]byte(`{"version":1,"files":["/`), []byte(strings.Repeat("a", maxRequest))...)
	bad := map[string][]byte{
		"not JSON":       []byte("hello\n"),
		"wrong version":  []byte(`{"version":2,"files":[]}` + "\n"),
		"relative path":  []byte(`{"version":1,"files":["x.xlsx"]}` + "\n"),
		"unknown field":  []byte(`{"version":1,"files":[],"run":"rm -rf"}` + "\n"),
		"files not list": []byte(`{"version":1,"files":"/x.xlsx"}` + "\n"),
		"no newline":     []byte(`{"version":1,"files":[]}`),
		"oversized":      append(huge, []byte("\"]}\n")...),
	}
	for name, data := range bad {
		line := rawRequest(t, e.socket, data)
		var r reply
		if line != "" && (json.Unmarshal([]byte(line), &r) != nil || r.OK) {
			t.Errorf("%s: answered %q", name, line)
		}
	}
	if got := in.requests(); len(got) != 0 {
		t.Fatalf("bad requests reached the window: %q", got)
	}
	// the silent client is cut off by the window's timeout
	_ = silent.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := silent.Read(make([]byte, 1)); err == nil {
		t.Fatal("a silent client got an answer")
	} else if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatal("the window kept a silent client open past its timeout")
	}
	send(t, reg, "/after.xlsx")
	if got := in.requests(); len(got) != 1 {
		t.Fatalf("after the bad clients the window received %q", got)
	}
}

// Several starts at once for one register, with a crashed window's socket
// left behind: exactly one becomes the window, and every other one's files
// reach it.
func TestConcurrentStarts(t *testing.T) {
	useDir(t)
	reg := filepath.Join(t.TempDir(), "register.db")
	leaveStaleSocket(t, reg)
	in := &inbox{}
	const n = 8
	var (
		mu        sync.Mutex
		listeners int
		stops     []func()
		handed    []string
		wg        sync.WaitGroup
	)
	start := func(i int) {
		defer wg.Done()
		file, _ := filepath.Abs(filepath.Join("/sheets", "f"+string(rune('a'+i))+".xlsx"))
		if handled, err := Send(reg, []string{file}); err != nil || handled {
			mu.Lock()
			handed = append(handed, file)
			mu.Unlock()
			if err != nil {
				t.Errorf("start %d: %v", i, err)
			}
			return
		}
		stop, err := Listen(reg, in.receive)
		if err == nil {
			mu.Lock()
			listeners++
			stops = append(stops, stop)
			mu.Unlock()
			return
		}
		if !errors.Is(err, ErrRunning) {
			t.Errorf("start %d: listen: %v", i, err)
			return
		}
		handled, err := SendWithin(reg, []string{file}, 5*time.Second)
		if err != nil || !handled {
			t.Errorf("start %d: after ErrRunning: handled %v, %v", i, handled, err)
			return
		}
		mu.Lock()
		handed = append(handed, file)
		mu.Unlock()
	}
	wg.Add(n)
	for i := range n {
		go start(i)
	}
	wg.Wait()
	defer func() {
		for _, s := range stops {
			s()
		}
	}()
	if listeners != 1 {
		t.Fatalf("%d starts became the window, want 1", listeners)
	}
	var got []string
	for _, r := range in.requests() {
		got = append(got, r...)
	}
	slices.Sort(got)
	slices.Sort(handed)
	if len(handed) != n-1 || !slices.Equal(got, handed) {
		t.Fatalf("the window received %q, the others sent %q", got, handed)
	}
}
