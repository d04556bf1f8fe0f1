package register

// Two processes writing one register at once (each a re-executed copy of
// this test binary): read-modify-write increments guarded by the row
// version must lose no update, and a writer that holds the register longer
// than the busy timeout must give the other a clear ErrBusy, changing nothing.

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

const (
	concChildEnv = "HAEOREUM_CONC_CHILD" // register path: run as an incrementing child
	concNameEnv  = "HAEOREUM_CONC_NAME"
	concNEnv     = "HAEOREUM_CONC_N"
	holdChildEnv = "HAEOREUM_HOLD_CHILD" // register path: run as the child holding a write transaction

	concShared    = "HA-SHARED"
	concEvery     = 10 // a batch of own projects before every 10th increment
	concBatchSize = 5
)

var concKey = model.BudgetKey(model.Other)

// stdinLines delivers the helper's stdin line by line; when the parent
// closes it (or dies) the helper exits.
func stdinLines() <-chan string {
	ch := make(chan string)
	go func() {
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			ch <- sc.Text()
		}
		os.Exit(0)
	}()
	return ch
}

// retryBusy runs fn until it does not fail with ErrBusy, counting the retries.
func retryBusy(busy *int, fn func() error) error {
	for {
		err := fn()
		if !errors.Is(err, ErrBusy) {
			return err
		}
		*busy++
		time.Sleep(time.Duration(5+*busy%10) * time.Millisecond)
	}
}

// TestConcurrencyChild is one of the two writers of TestTwoProcessesLoseNoUpdate.
func TestConcurrencyChild(t *testing.T) {
	path := os.Getenv(concChildEnv)
	if path == "" {
		return // only a helper process
	}
	name := os.Getenv(concNameEnv)
	n, _ := strconv.Atoi(os.Getenv(concNEnv))
	in := stdinLines()
	r, err := Open(path, Options{})
	if err != nil {
		childFail("open: %v", err)
	}
	fmt.Println("ready")
	if l := <-in; l != "go" {
		childFail("expected go, got %q", l)
	}
	go func() {
		for range in {
		}
	}()
	var done, stale, busy, batches int
	for done < n {
		if done%concEvery == 0 && batches == done/concEvery {
			err := retryBusy(&busy, func() error {
				_, err := r.Write(ctx, Batch{Kind: KindImport, File: name + ".xlsx"}, func(tx *Tx) error {
					for j := range concBatchSize {
						if _, err := tx.InsertProject(sample(fmt.Sprintf("%s-%03d-%d", name, batches, j))); err != nil {
							return err
						}
					}
					return nil
				})
				return err
			})
			if err != nil {
				childFail("insert batch %d: %v", batches, err)
			}
			batches++
		}
		var p *model.Project
		if err := retryBusy(&busy, func() (err error) { p, err = r.Project(ctx, concShared); return err }); err != nil {
			childFail("read: %v", err)
		}
		// A person looks at the value before typing the new one: this
		// widens the window in which the other process can change it.
		time.Sleep(time.Duration(rand.IntN(500)) * time.Microsecond)
		_, err := editOne(r, concShared, p.Version, concKey, strconv.FormatInt(p.Budget.Other+1, 10))
		switch {
		case err == nil:
			done++
		case errors.Is(err, ErrStale):
			stale++ // someone else incremented since we read: read again
		case errors.Is(err, ErrBusy):
			busy++
			time.Sleep(time.Duration(5+busy%10) * time.Millisecond)
		default:
			childFail("edit: %v", err)
		}
	}
	fmt.Printf("stats %s done=%d stale=%d busy=%d batches=%d\n", name, done, stale, busy, batches)
	if err := r.Close(); err != nil {
		childFail("close: %v", err)
	}
}

func parseStats(t *testing.T, line string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, f := range strings.Fields(line)[2:] {
		k, v, _ := strings.Cut(f, "=")
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("stats line %q", line)
		}
		out[k] = n
	}
	return out
}

func TestTwoProcessesLoseNoUpdate(t *testing.T) {
	if os.Getenv(concChildEnv) != "" {
		return
	}
	const n = 200
	path := t.TempDir() + "/register.db"
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	insert(t, r, sample(concShared))
	r.Close()

	start := time.Now()
	names := []string{"A", "B"}
	var children []*child
	for _, name := range names {
		children = append(children, startChild(t, "TestConcurrencyChild",
			concChildEnv+"="+path, concNameEnv+"="+name, concNEnv+"="+strconv.Itoa(n)))
	}
	for _, c := range children {
		c.expect(t, "ready", 30*time.Second)
	}
	for _, c := range children {
		if _, err := c.stdin.Write([]byte("go\n")); err != nil {
			t.Fatal(err)
		}
	}
	stats := map[string]map[string]int{}
	for i, c := range children {
		stats[names[i]] = parseStats(t, c.expect(t, "stats", 3*time.Minute))
		c.wait(t, 30*time.Second)
	}
	elapsed := time.Since(start)

	r, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.Check(ctx); err != nil {
		t.Fatal(err)
	}
	p, err := r.Project(ctx, concShared)
	if err != nil {
		t.Fatal(err)
	}
	if p.Budget.Other != 2*n {
		t.Fatalf("counter %d, want %d: updates were lost", p.Budget.Other, 2*n)
	}
	if p.Version != 1+2*n {
		t.Fatalf("version %d, want %d", p.Version, 1+2*n)
	}
	// The audit trail is one unbroken chain 0→1→…→2N: no edit was applied
	// to a value another process had already changed.
	rows, err := r.db.Query(`SELECT h.old, h.new, b.kind FROM history h JOIN batches b ON b.id = h.batch_id
		WHERE h.project_id = ? AND h.field = 'other' ORDER BY h.id`, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var i int64
	for rows.Next() {
		var old, new int64
		var kind string
		if err := rows.Scan(&old, &new, &kind); err != nil {
			t.Fatal(err)
		}
		if old != i || new != i+1 || kind != KindEdit {
			t.Fatalf("history step %d: %d→%d (%s)", i, old, new, kind)
		}
		i++
	}
	rows.Close()
	if i != 2*n {
		t.Fatalf("%d history steps, want %d", i, 2*n)
	}
	for _, name := range names {
		var got int
		r.db.QueryRow(`SELECT count(*) FROM projects WHERE code LIKE ? || '-%'`, name).Scan(&got)
		if want := n / concEvery * concBatchSize; got != want || stats[name]["batches"] != n/concEvery {
			t.Fatalf("child %s: %d own projects, want %d (%v)", name, got, want, stats[name])
		}
	}
	var nb, lo, hi, edits int
	r.db.QueryRow(`SELECT count(*), min(id), max(id), sum(kind = 'edit') FROM batches`).Scan(&nb, &lo, &hi, &edits)
	if want := 1 + 2*n + 2*(n/concEvery); nb != want || lo != 1 || hi != nb || edits != 2*n {
		t.Fatalf("batches %d (ids %d..%d, %d edits), want %d with %d edits", nb, lo, hi, edits, want, 2*n)
	}
	var stale, busy int
	for _, s := range stats {
		stale += s["stale"]
		busy += s["busy"]
	}
	t.Logf("2 processes × %d increments in %v: counter %d, %d stale re-reads, %d busy retries; %v", n,
		elapsed.Round(time.Millisecond), p.Budget.Other, stale, busy, stats)
	if stale == 0 {
		t.Log("note: no stale edit happened, so the writers did not actually overlap this run")
	}
}

// TestBusyHolderChild opens a write transaction, says "holding", and keeps
// it open until its parent writes "release"; then it commits.
func TestBusyHolderChild(t *testing.T) {
	path := os.Getenv(holdChildEnv)
	if path == "" {
		return // only a helper process
	}
	in := stdinLines()
	r, err := Open(path, Options{})
	if err != nil {
		childFail("open: %v", err)
	}
	_, err = r.Write(ctx, Batch{Kind: KindCreate}, func(tx *Tx) error {
		if _, err := tx.InsertProject(sample("HA-HOLD")); err != nil {
			return err
		}
		fmt.Println("holding")
		if l := <-in; l != "release" {
			return fmt.Errorf("expected release, got %q", l)
		}
		return nil
	})
	if err != nil {
		childFail("write: %v", err)
	}
	r.Close()
	fmt.Println("committed")
}

// TestLongWriteTransactionGivesClearBusyError: while one writer holds the
// register (BEGIN IMMEDIATE) for longer than the other's busy timeout, the
// other's writes fail with ErrBusy, in Korean, naming the file, and change
// nothing; reads and opening still work; once the holder commits, writing
// works again. The victim's busy timeout is shortened from 15 s to 300 ms on
// its one connection (PRAGMA busy_timeout), so no hook in the code is needed.
func TestLongWriteTransactionGivesClearBusyError(t *testing.T) {
	if os.Getenv(holdChildEnv) != "" {
		return
	}
	const timeout = 300 * time.Millisecond
	for _, mode := range []string{"other process", "same process"} {
		t.Run(mode, func(t *testing.T) {
			path := t.TempDir() + "/register.db"
			victim, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { victim.Close() })
			insert(t, victim, sample("HA-B01"))
			if _, err := victim.db.Exec(fmt.Sprintf(`PRAGMA busy_timeout = %d`, timeout.Milliseconds())); err != nil {
				t.Fatal(err)
			}
			var ms int64
			if victim.db.QueryRow(`PRAGMA busy_timeout`).Scan(&ms); ms != timeout.Milliseconds() {
				t.Fatalf("busy_timeout %d", ms)
			}
			before := listJSON(t, victim)
			batchesBefore, _ := victim.Batches(ctx, 1000)

			var release func()
			var committed func()
			switch mode {
			case "other process":
				c := startChild(t, "TestBusyHolderChild", holdChildEnv+"="+path)
				c.expect(t, "holding", 30*time.Second)
				var once sync.Once
				release = func() { once.Do(func() { c.stdin.Write([]byte("release\n")) }) }
				committed = func() { c.expect(t, "committed", 30*time.Second); c.wait(t, 30*time.Second) }
			case "same process":
				holder, err := Open(path, Options{})
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { holder.Close() })
				holding, rel := make(chan struct{}), make(chan struct{})
				var wg sync.WaitGroup
				var holdErr error
				wg.Go(func() {
					_, holdErr = holder.Write(ctx, Batch{Kind: KindCreate}, func(tx *Tx) error {
						if _, err := tx.InsertProject(sample("HA-HOLD")); err != nil {
							return err
						}
						close(holding)
						<-rel
						return nil
					})
				})
				<-holding
				// On failure, let the holder finish before anything closes.
				t.Cleanup(func() { release(); wg.Wait() })
				var once sync.Once
				release = func() { once.Do(func() { close(rel) }) }
				committed = func() {
					wg.Wait()
					if holdErr != nil {
						t.Fatal(holdErr)
					}
				}
			}

			writes := map[string]func() error{
				"edit": func() error {
					_, err := editOne(victim, "HA-B01", 0, model.FStage, "준공")
					return err
				},
				"create": func() error {
					_, err := victim.Create(ctx, sample("HA-B02"))
					return err
				},
				"undo": func() error {
					_, err := victim.Undo(ctx, 0)
					return err
				},
				"delete": func() error {
					_, err := victim.SetDeleted(ctx, "HA-B01", true)
					return err
				},
			}
			for what, write := range writes {
				t0 := time.Now()
				err := write()
				waited := time.Since(t0)
				if !errors.Is(err, ErrBusy) {
					t.Fatalf("%s while another writer holds the register: want ErrBusy, got %v", what, err)
				}
				if msg.Language() == msg.Korean && !strings.Contains(err.Error(), "다른 프로그램") {
					t.Fatalf("%s: message is not the clear Korean text: %v", what, err)
				}
				if !strings.Contains(err.Error(), victim.Path()) {
					t.Fatalf("%s: message does not name the register: %v", what, err)
				}
				if waited < timeout*8/10 || waited > 10*timeout+2*time.Second {
					t.Fatalf("%s: gave up after %v with a busy timeout of %v", what, waited, timeout)
				}
				t.Logf("%s: ErrBusy after %v: %v", what, waited.Round(time.Millisecond), err)
			}
			// Nothing changed, and reading still works while the other writes (WAL).
			if after := listJSON(t, victim); after != before {
				t.Fatal("a refused write changed the register")
			}
			if bs, _ := victim.Batches(ctx, 1000); len(bs) != len(batchesBefore) {
				t.Fatalf("%d batches, was %d", len(bs), len(batchesBefore))
			}
			// Opening (with its integrity check) is not blocked by the writer.
			t0 := time.Now()
			third, err := Open(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("open while another writes: %v", err)
			}
			third.Close()
			t.Logf("read-only open while another writes: %v", time.Since(t0).Round(time.Millisecond))
			// Opening for writing and closing again (Close checkpoints) must
			// not wait for the other writer either: before the fix in
			// Close, its wal_checkpoint(TRUNCATE) waited the whole 15 s busy
			// timeout here, so a window being closed hung.
			t0 = time.Now()
			fourth, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("read-write open while another writes: %v", err)
			}
			opened := time.Since(t0)
			t0 = time.Now()
			if err := fourth.Close(); err != nil {
				t.Fatalf("close while another writes: %v", err)
			}
			closed := time.Since(t0)
			if opened > 2*time.Second || closed > 2*time.Second {
				t.Fatalf("open took %v and close %v while another program held the register", opened, closed)
			}
			t.Logf("read-write open %v, close %v while another writes", opened.Round(time.Millisecond), closed.Round(time.Millisecond))

			release()
			committed()
			if _, err := victim.Project(ctx, "HA-HOLD"); err != nil {
				t.Fatalf("holder's commit not visible: %v", err)
			}
			if _, err := editOne(victim, "HA-B01", 0, model.FStage, "준공"); err != nil {
				t.Fatalf("edit after the holder finished: %v", err)
			}
			if err := victim.Check(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}
