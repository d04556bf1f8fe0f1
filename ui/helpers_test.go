package ui

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/assets/sample"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

// fixtures is ../shared/fixtures beside the repository.
func fixtures(t testing.TB) string {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(here), "..", "..", "shared", "fixtures")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("fixtures not found at %s: %v", dir, err)
	}
	return dir
}

// env is a window on a fresh register in a test app.
type env struct {
	t   *testing.T
	app fyne.App
	reg *register.Register
	u   *UI
}

// newEnv opens an empty register and builds the window in language l.
// withSample loads the bundled sample register first.
func newEnv(t *testing.T, l string, withSample bool) *env {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, l)
	reg, err := register.Open(filepath.Join(t.TempDir(), "register.db"), register.Options{Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	if withSample {
		if err := sample.Load(context.Background(), reg); err != nil {
			t.Fatal(err)
		}
	}
	e := &env{t: t, app: a, reg: reg}
	e.u = e.build(Options{Reporter: &fakeReporter{}})
	t.Cleanup(func() {
		e.u.Wait()
		e.reg.Close()
	})
	return e
}

// build makes the window again on the same app and register: what the
// next start of the program does.
func (e *env) build(o Options) *UI {
	u := New(e.app, e.reg, o)
	u.jobs.queue = make(chan func()) // UI updates run on the test goroutine, in Wait
	u.win.Resize(fyne.NewSize(1440, 900))
	u.win.Show()
	return u
}

// project returns a project of the current register by code.
func (e *env) project(code string) *model.Project {
	e.t.Helper()
	p, err := e.reg.Project(context.Background(), code)
	if err != nil {
		e.t.Fatal(err)
	}
	return p
}

// fakeReporter records what the Reports screen asked for.
type fakeReporter struct {
	mu    sync.Mutex
	calls []string
}

func (f *fakeReporter) Export(ctx context.Context, reg *register.Register, path string, o ReportOptions) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "export "+path)
	return os.WriteFile(path, []byte("xlsx"), 0o644)
}

func (f *fakeReporter) Template(ctx context.Context, reg *register.Register, city model.City, path string, o ReportOptions) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "template "+string(city)+" "+path)
	return os.WriteFile(path, []byte("xlsx"), 0o644)
}

// eachObject calls visit for o and everything the screens put under it:
// containers' children and cards' content (widgets are not opened).
func eachObject(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *widget.Card:
		if x.Content != nil {
			eachObject(x.Content, visit)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			eachObject(c, visit)
		}
	}
}
