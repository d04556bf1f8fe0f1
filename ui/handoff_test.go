package ui

import (
	"slices"
	"testing"
)

// Files handed over by a second start ("Open with" while the window is
// open) land in the import wizard and are previewed, as the command
// line's are; a start without files changes nothing on screen.
func TestReceivedFilesGoToTheWizard(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	paths := fixturePaths(t)
	u.tabs.Select(u.tabReports)
	u.Receive(paths[1:3])
	u.Wait()
	if u.tabs.Selected() != u.tabImport {
		t.Fatal("received files did not show the import wizard")
	}
	want := slices.Sorted(slices.Values(paths[1:3]))
	if got := wizardPaths(u.importer); !slices.Equal(got, want) {
		t.Fatalf("wizard has %v, want %v", got, want)
	}
	for _, f := range u.importer.files {
		if f.preview == nil || f.err != nil {
			t.Fatalf("%s not previewed: %v", f.name(), f.err)
		}
	}
	// focus only: the same tab, the same files
	u.tabs.Select(u.tabDash)
	u.Receive(nil)
	u.Wait()
	if u.tabs.Selected() != u.tabDash || len(u.importer.files) != 2 {
		t.Fatalf("a focus request changed the window: tab %q, %d files", u.tabs.Selected().Text, len(u.importer.files))
	}
	// the same file again is not listed twice, a new one is added
	u.Receive(paths[2:])
	u.Wait()
	if got := wizardPaths(u.importer); len(got) != 3 {
		t.Fatalf("after a second hand-off the wizard has %v", got)
	}
}

// A hand-off while a project's form has unsaved edits asks first (save,
// discard or stay), as leaving the form for any tab does; the files wait
// in the wizard whatever the answer, and the edit is kept on "stay".
func TestReceiveAsksAboutUnsavedEdits(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	code := u.table.rows[0].Code
	selectCode(t, u, code)
	stage := d.stage.Text
	d.stage.SetText(stage + " 편집 중")
	file := fixturePaths(t)[1]

	u.Receive([]string{file})
	u.Wait()
	stay, ok := u.lastChoices["계속 편집"]
	if !ok {
		t.Fatalf("no question about the unsaved edit (last message %q)", u.lastMessage)
	}
	if u.tabs.Selected() != u.tabReg {
		t.Fatal("the form with unsaved edits was left without an answer")
	}
	if got := wizardPaths(u.importer); !slices.Equal(got, []string{file}) {
		t.Fatalf("the handed-over file is not waiting in the wizard: %v", got)
	}
	u.lastChoices = nil
	stay()
	u.Wait()
	if u.tabs.Selected() != u.tabReg || d.stage.Text != stage+" 편집 중" {
		t.Fatalf("after stay: tab %q, stage %q", u.tabs.Selected().Text, d.stage.Text)
	}
	// the next hand-off asks again; discarding goes to the wizard
	u.Receive([]string{file})
	u.Wait()
	discard, ok := u.lastChoices["저장 안 함"]
	if !ok {
		t.Fatalf("the second hand-off did not ask (last message %q)", u.lastMessage)
	}
	discard()
	u.Wait()
	if u.tabs.Selected() != u.tabImport || d.dirty() || len(u.importer.files) != 1 {
		t.Fatalf("after discard: tab %q, dirty %v, %d files", u.tabs.Selected().Text, d.dirty(), len(u.importer.files))
	}
	if got := e.project(code).Stage; got != stage {
		t.Fatalf("a discarded edit was stored: %q", got)
	}
}

// Files handed to a window whose empty register is offering the sample
// take the offer's place, as files on the command line do.
func TestReceivedFilesCloseTheSampleOffer(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.build(Options{Reporter: &fakeReporter{}, OfferSample: true})
	if u.sampleOffer == nil || u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the empty register did not offer the sample")
	}
	u.Receive(fixturePaths(t)[:1])
	u.Wait()
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is still open over the handed-over file: %q", shownTexts(top))
	}
	if len(u.importer.files) != 1 || len(u.all) != 0 {
		t.Fatalf("%d files in the wizard, %d projects (the sample must not load)", len(u.importer.files), len(u.all))
	}
}
