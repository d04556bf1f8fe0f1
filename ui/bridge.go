package ui

import (
	"context"
	"errors"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// jobs tracks background work so tests (and closing the window) can wait
// for it.
type jobs struct {
	wg sync.WaitGroup
	// running counts the jobs whose finish has not yet run on the UI
	// goroutine; idle holds what waits for none to run (whenIdle). Both
	// are used on the UI goroutine only.
	running int
	idle    []func()
	// queue, when set (tests), carries the jobs' UI updates to the
	// goroutine that calls Wait, which runs them: the test driver has no UI
	// goroutine of its own, and fyne.Do there runs on the caller.
	queue chan func()
}

// onUI runs f on the UI goroutine; wait says whether to wait for it.
func (sh *shell) onUI(f func(), wait bool) {
	if q := sh.jobs.queue; q != nil {
		done := make(chan struct{})
		q <- func() { f(); close(done) }
		if wait {
			<-done
		}
		return
	}
	if wait {
		fyne.DoAndWait(f)
	} else {
		fyne.Do(f)
	}
}

// Progress reports how far a job is, from any goroutine.
type Progress func(done, total int)

// Work is a job run off the UI goroutine. It must not touch widgets.
type Work func(ctx context.Context, progress Progress) error

// background runs work off the UI goroutine with a progress dialog and a
// Cancel button (which cancels ctx). done runs on the UI goroutine with
// the job's error (nil, context.Canceled or a failure, which has already
// been shown to the user).
func (sh *shell) background(title string, work Work, done func(err error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	status := widget.NewLabel(lang.L("Working…"))
	cancelBtn := widget.NewButton(lang.L("Cancel"), func() {
		cancel()
		status.SetText(lang.L("Cancelling…"))
	})
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(status, bar, cancelBtn), sh.win)
	d.Resize(fyne.NewSize(420, 0))
	pop := sh.pushKeys(nil, cancelBtn.OnTapped)
	d.Show()
	sh.startJob(ctx, work, func(done, total int) {
		if total > 0 {
			bar.SetValue(float64(done) / float64(total))
		}
	}, func(err error) {
		pop()
		d.Hide()
		cancel()
		sh.report(err)
		if done != nil {
			done(err)
		}
	})
}

// quietly runs a short job off the UI goroutine without a dialog (writes
// that may wait for the database); done runs on the UI goroutine.
func (sh *shell) quietly(work func(ctx context.Context) error, done func(err error)) {
	sh.startJob(context.Background(), func(ctx context.Context, _ Progress) error { return work(ctx) }, nil, func(err error) {
		sh.report(err)
		if done != nil {
			done(err)
		}
	})
}

func (sh *shell) startJob(ctx context.Context, work Work, progress Progress, finish func(error)) {
	sh.jobs.wg.Add(1)
	sh.jobs.running++
	go func() {
		defer sh.jobs.wg.Done()
		err := work(ctx, func(done, total int) {
			if progress != nil {
				sh.onUI(func() { progress(done, total) }, false)
			}
		})
		sh.onUI(func() {
			finish(err)
			sh.jobDone()
		}, true)
	}()
}

// jobDone counts a job as finished (on the UI goroutine, after everything
// its goroutine did) and, when none is left, runs what waited for that.
func (sh *shell) jobDone() {
	sh.jobs.running--
	for sh.jobs.running == 0 && len(sh.jobs.idle) > 0 {
		f := sh.jobs.idle[0]
		sh.jobs.idle = sh.jobs.idle[1:]
		f()
	}
}

// whenIdle runs f on the UI goroutine once no background job is running:
// at once when none is. Jobs read the store's register and the screens' state from their
// own goroutines; what replaces those (another register, the screens in
// another language) waits here, so no job reads a register that was
// closed under it or reports to a screen that was replaced. A job's
// goroutine ends before its finish runs here, so the wait orders its reads
// before the change (the race detector agrees).
func (sh *shell) whenIdle(f func()) {
	if sh.jobs.running == 0 {
		f()
		return
	}
	sh.jobs.idle = append(sh.jobs.idle, f)
}

// report shows an error, unless there is none or the user cancelled.
func (sh *shell) report(err error) {
	switch {
	case err == nil:
	case errors.Is(err, context.Canceled):
		sh.notify(lang.L("Cancelled. Nothing was changed."))
	default:
		sh.showError(err)
	}
}

// Wait blocks until every background job has finished (tests, shutdown),
// running their UI updates meanwhile when there is a queue.
func (sh *shell) Wait() {
	q := sh.jobs.queue
	if q == nil {
		sh.jobs.wg.Wait()
		return
	}
	done := make(chan struct{})
	go func() { sh.jobs.wg.Wait(); close(done) }()
	for {
		select {
		case f := <-q:
			f()
		case <-done:
			for {
				select {
				case f := <-q:
					f()
				default:
					return
				}
			}
		}
	}
}
