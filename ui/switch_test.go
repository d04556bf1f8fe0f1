package ui

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/haeoreum/register/data/register"
)

// Switching to another register while background work reads the current
// one waits until the work is done: the work reads the register it began
// with to the end (never a closed one, nor the other), and the window then
// shows the new one. Run it with -race too: the swap must not race the
// work's reads.
func TestSwitchRegisterWaitsForRunningWork(t *testing.T) {
	e := newEnv(t, "ko", true)
	u := e.u
	path := filepath.Join(t.TempDir(), "other.db")
	other, err := register.Open(path, register.Options{})
	if err != nil {
		t.Fatal(err)
	}
	other.Close()

	u.detail.show("HA-C01") // a project of the register being left
	release := make(chan struct{})
	var seen []int
	var failed error
	u.quietly(func(ctx context.Context) error {
		<-release
		for range 20 {
			ps, err := u.reg.List(ctx, register.ListOptions{})
			if err != nil {
				failed = err
				return nil
			}
			seen = append(seen, len(ps))
		}
		return nil
	}, nil)
	u.settings.switchTo(path)
	if u.reg != e.reg {
		t.Fatal("switched while work was reading the register")
	}
	close(release)
	u.Wait()
	t.Cleanup(func() { u.reg.Close() })
	if failed != nil {
		t.Fatalf("the work failed: %v", failed)
	}
	for _, n := range seen {
		if n != 43 {
			t.Fatalf("the work read %v projects: not the register it began with to the end", seen)
		}
	}
	if u.reg == e.reg || u.reg.Path() != path || len(u.all) != 0 {
		t.Errorf("after the work, the window shows %s with %d projects", u.reg.Path(), len(u.all))
	}
	if u.settings.path.Text != path {
		t.Errorf("settings show %q", u.settings.path.Text)
	}
	if u.detail.p != nil {
		t.Errorf("the form still shows %s of the register left", u.detail.p.Code)
	}
}
