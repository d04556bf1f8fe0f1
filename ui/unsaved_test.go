package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/model"
)

// An edit typed into a project is never lost without a word: choosing
// another row, another tab or closing the window asks to save, discard or
// stay.
func TestUnsavedEditsAreNotLost(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	a, b := u.table.rows[0].Code, u.table.rows[1].Code
	stage := e.project(a).Stage
	selectCode(t, u, a)
	d.stage.SetText(stage + "편집 중")

	pick := func(label string) {
		t.Helper()
		do, ok := u.lastChoices[label]
		if !ok {
			t.Fatalf("no question with %q was asked (last message %q)", label, u.lastMessage)
		}
		u.lastChoices = nil
		do()
		u.Wait()
	}
	// another row: stay keeps the edit and the row
	u.table.table.Select(tableCell(u, b))
	pick("계속 편집")
	if d.p.Code != a || d.stage.Text != stage+"편집 중" {
		t.Fatalf("after stay: %s %q", d.p.Code, d.stage.Text)
	}
	// another tab: stay keeps the register tab
	u.tabs.Select(u.tabDash)
	pick("계속 편집")
	if u.tabs.Selected() != u.tabReg {
		t.Fatal("after stay the tab changed")
	}
	// another row again: save, then the other project is shown
	u.table.table.Select(tableCell(u, b))
	pick("저장")
	if got := e.project(a).Stage; got != stage+"편집 중" {
		t.Fatalf("saved stage %q", got)
	}
	if d.p.Code != b {
		t.Fatalf("after saving, %s is shown, want %s", d.p.Code, b)
	}
	// discard: the edit is dropped, nothing stored
	d.entries[model.FStage].SetText("버림")
	u.tabs.Select(u.tabDash)
	pick("저장 안 함")
	if u.tabs.Selected() != u.tabDash || d.dirty() {
		t.Fatal("discard did not leave the form clean on the new tab")
	}
	if got := e.project(b).Stage; got == "버림" {
		t.Fatalf("a discarded edit was stored: %q", got)
	}
	// closing the window asks too; stay keeps it open with the edit
	u.tabs.Select(u.tabReg)
	d.entries[model.FStage].SetText("닫기 전")
	u.requestClose()
	pick("계속 편집")
	if !d.dirty() {
		t.Fatal("closing with unsaved edits did not keep them")
	}
}

func tableCell(u *UI, code string) widget.TableCellID {
	for i, p := range u.table.rows {
		if p.Code == code {
			return widget.TableCellID{Row: i, Col: 1}
		}
	}
	return widget.TableCellID{}
}
