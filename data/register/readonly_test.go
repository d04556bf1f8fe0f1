package register

// A register in a folder it cannot write to, and on a disk that really
// fills up. As root (CI) file permissions stop nothing, so these tests mount
// small tmpfs file systems (read-only, or of a few hundred KB); where mount
// is not permitted they skip and say why. As non-root the read-only folder
// is made with chmod 0555.

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// mountTmpfs mounts a tmpfs with options opts on a new folder and unmounts
// it when the test ends (after everything registered later, such as the
// registers opened on it, has been closed).
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("tmpfs mounts are a Linux test")
	}
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := filepath.Join(t.TempDir(), "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("mount -t tmpfs is not permitted here: %v: %s", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
			_ = exec.Command("umount", "-l", dir).Run()
		}
	})
	return dir
}

func remount(t *testing.T, dir, opts string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+opts, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s: %v: %s", opts, err, out)
	}
}

// readOnlyFolder returns a folder no register can be created in.
func readOnlyFolder(t *testing.T) string {
	t.Helper()
	if os.Geteuid() == 0 {
		return mountTmpfs(t, "ro,size=1m")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	return dir
}

func TestRegisterInReadOnlyFolderIsRefusedClearly(t *testing.T) {
	dir := readOnlyFolder(t)
	for _, rel := range []string{"register.db", filepath.Join("sub", "register.db")} {
		path := filepath.Join(dir, rel)
		r, err := Open(path, Options{})
		if err == nil {
			r.Close()
			t.Fatalf("%s: a register was created in a read-only folder", rel)
		}
		if !errors.Is(err, ErrReadOnly) && !errors.Is(err, ErrCannotCreate) {
			t.Fatalf("%s: want ErrReadOnly or ErrCannotCreate, got %v", rel, err)
		}
		if !strings.Contains(err.Error(), path) {
			t.Fatalf("%s: message does not name the path: %v", rel, err)
		}
		if msg.Language() == msg.Korean && !strings.Contains(err.Error(), "쓸 수 없습니다") && !strings.Contains(err.Error(), "만들 수 없습니다") {
			t.Fatalf("%s: message is not the Korean text: %v", rel, err)
		}
		t.Logf("%s: %v", rel, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("files left in the read-only folder: %v", entries)
	}
}

// TestExistingRegisterOnReadOnlyMedium: a register copied onto a medium that
// is then made read-only (a locked USB stick, a read-only share snapshot)
// is refused for writing with ErrReadOnly, and untouched.
func TestExistingRegisterOnReadOnlyMedium(t *testing.T) {
	dir := mountTmpfs(t, "size=2m")
	path := filepath.Join(dir, "register.db")
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	insert(t, r, sample("HA-R01"))
	want := listJSON(t, r)
	r.Close()
	remount(t, dir, "ro")
	t.Cleanup(func() { remount(t, dir, "rw") }) // before the unmount
	before := fileHash(t, path)

	r, err = Open(path, Options{})
	if err == nil {
		r.Close()
		t.Fatal("opened a register on a read-only medium for writing")
	}
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Fatalf("want ErrReadOnly naming the file, got %v", err)
	}
	t.Logf("read-write open: %v", err)

	// Reading it is what the official can still do.
	r, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a register on a read-only medium cannot be opened read-only: %v", err)
	}
	if got := listJSON(t, r); got != want {
		t.Fatalf("read-only open shows %s, want %s", got, want)
	}
	r.Close()
	if fileHash(t, path) != before {
		t.Fatal("the register on the read-only medium changed")
	}
}

// TestRealDiskFull fills a 400 KB tmpfs with committed batches until a write
// fails: the failure is ErrDiskFull, and the register reopens intact with
// exactly the batches committed before it. Once space is freed (a ballast
// file is deleted) writing works again.
func TestRealDiskFull(t *testing.T) {
	dir := mountTmpfs(t, "size=400k")
	path := filepath.Join(dir, "register.db")
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("creating a register on the 400 KB disk: %v", err)
	}
	r.Close() // checkpoint the new schema into the file: the log starts empty
	if r, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	// Ballast to delete later, when the message asks to free some space.
	ballast := filepath.Join(dir, "ballast")
	if err := os.WriteFile(ballast, make([]byte, 48<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	defer func() { r.Close() }()
	var committed []string
	var failure error
	for b := 0; failure == nil && b < 5000; b++ {
		var codes []string
		_, failure = r.Write(ctx, Batch{Kind: KindImport, File: "full.xlsx"}, func(tx *Tx) error {
			for i := range 1 {
				p := sample(fmt.Sprintf("HA-F%04d-%d", b, i))
				p.Overview = strings.Repeat("사업 개요 ", 10)
				if _, err := tx.InsertProject(p); err != nil {
					return err
				}
				if err := tx.SetField(p.ID, 0, model.FStage, "준공", Provenance{Raw: "full"}); err != nil {
					return err
				}
				codes = append(codes, p.Code)
			}
			return nil
		})
		if failure == nil {
			committed = append(committed, codes...)
		}
	}
	if failure == nil {
		t.Fatal("5000 batches fitted on a 400 KB disk?")
	}
	if !errors.Is(failure, ErrDiskFull) {
		t.Fatalf("want ErrDiskFull, got %v", failure)
	}
	if msg.Language() == msg.Korean && !strings.Contains(failure.Error(), "디스크") {
		t.Fatalf("message: %v", failure)
	}
	t.Logf("disk full after %d committed projects: %v", len(committed), failure)
	sizes := func() string {
		var s []string
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if fi, err := e.Info(); err == nil {
				s = append(s, fmt.Sprintf("%s %d KB", e.Name(), fi.Size()/1024))
			}
		}
		return strings.Join(s, ", ")
	}
	t.Logf("on the full disk: %s", sizes())

	check := func(r *Register, when string) {
		t.Helper()
		if err := r.Check(ctx); err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		ps, err := r.List(ctx, ListOptions{IncludeDeleted: true})
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		var got []string
		for _, p := range ps {
			got = append(got, p.Code)
		}
		slices.Sort(committed)
		if !slices.Equal(got, committed) {
			t.Fatalf("%s: the register holds %d projects, %d were committed", when, len(got), len(committed))
		}
	}
	check(r, "after the failed write")
	if err := r.Close(); err != nil {
		t.Logf("close on the full disk: %v", err)
	}
	r, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("the register does not reopen on the full disk: %v (%s)", err, sizes())
	}
	check(r, "reopened on the full disk")
	t.Logf("reopened on the full disk: %s", sizes())
	// The same batch again: it fails the same way and changes nothing, or
	// (if closing managed to checkpoint the log into the file, which frees
	// the log's space) it commits whole.
	_, err = r.Write(ctx, Batch{Kind: KindImport}, func(tx *Tx) error {
		p := sample("HA-AGAIN")
		p.Overview = strings.Repeat("사업 개요 ", 10)
		if _, err := tx.InsertProject(p); err != nil {
			return err
		}
		return tx.SetField(p.ID, 0, model.FStage, "준공", Provenance{Raw: "full"})
	})
	switch {
	case err == nil:
		committed = append(committed, "HA-AGAIN")
		t.Log("the second write fitted after the checkpoint at close")
	case !errors.Is(err, ErrDiskFull):
		t.Fatalf("a second write on the full disk: want ErrDiskFull, got %v", err)
	}
	check(r, "after a second write")
	r.Close()

	// Free some space, as the message asks: the register takes writes again.
	if err := os.Remove(ballast); err != nil {
		t.Fatal(err)
	}
	if r, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Create(ctx, sample("HA-MORE")); err != nil {
		t.Fatalf("write after freeing space: %v", err)
	}
	committed = append(committed, "HA-MORE")
	check(r, "after freeing space")
	r.Close()
	if r, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	check(r, "reopened after freeing space")
	t.Logf("after freeing space: %s", sizes())
}
